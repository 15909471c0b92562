"""One way to find bundled resources from a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGED = "_resources"  # inside the package: what a wheel carries (setup.py copies it there)


def resources_root() -> Path:
    """The folder holding fonts/, icons/, i18n/ and demo/.

    In order: INTERPRETER_RESOURCES; a PyInstaller bundle; the copy inside an installed wheel;
    the checkout's resources/ beside the package.
    """
    override = os.environ.get("INTERPRETER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here / PACKAGED, here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. resource_path("fonts", "x.otf")."""
    return resources_root().joinpath(*parts)
