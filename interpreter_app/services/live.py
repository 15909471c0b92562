"""Live desks: what other desks changed on the server, as it happens."""

from __future__ import annotations

from pathlib import Path

from ..store.address import is_server_address
from ..store.pg_listen import RESYNC, Change, ChangeListener

__all__ = ["RESYNC", "Change", "ChangeListener", "is_server", "listen"]


def is_server(address: str | Path) -> bool:
    """Whether the address names a server (where other desks change the data too)."""
    return is_server_address(address)


def listen(address: str | Path) -> ChangeListener | None:
    """A listener for package changes on a server database; None for a local file (one desk)."""
    if not is_server_address(address):
        return None
    return ChangeListener(str(address))
