"""Where data lives on each platform, and how a command line or environment overrides it."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "interpreter-app"
DB_FILE = "workbench.db"


def data_dir() -> Path:
    """The per-user data folder (platformdirs), e.g. ~/.local/share/interpreter-app."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user config folder (platformdirs), e.g. ~/.config/interpreter-app: trust.txt."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def database_address(value: str | Path | None) -> Path | str:
    """A database file as a Path, a server address (postgresql://…) as it is."""
    if isinstance(value, str) and value.split("://", 1)[0].lower() in ("postgresql", "postgres"):
        return value
    return Path(value)


def default_db_path() -> Path | str:
    """INTERPRETER_DB when set (a file or a server address), else the file in the data folder."""
    env = os.environ.get("INTERPRETER_DB")
    return database_address(env) if env else data_dir() / DB_FILE


def backups_dir(db_path: Path) -> Path:
    """Automatic backups live beside the database, in a folder of their own."""
    return Path(db_path).parent / "backups"


def recovery_dir() -> Path:
    """Unsaved edits wait here until a save commits (outside the database and its folder)."""
    return data_dir() / "recovery"
