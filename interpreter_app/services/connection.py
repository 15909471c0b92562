"""Which database the application works on: a local file or the department's server."""

from __future__ import annotations

from pathlib import Path

from ..store.address import (
    address_parts,
    display_address,
    has_password,
    is_server_address,
    server_address,
)
from .workbench import Workbench

__all__ = ["address_parts", "check_connection", "display_address", "has_password",
           "is_server_address", "server_address"]


def check_connection(address: str | Path) -> str:
    """Open the database once (creating or upgrading its schema where this account may);
    StorageError with a one-line Chinese reason when that fails. Returns the address shown."""
    workbench = Workbench.open(address)
    try:
        return workbench.store.path
    finally:
        workbench.close()
