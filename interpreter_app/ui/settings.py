"""Typed access to the per-user settings kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from ..domain.kinds import DEFAULT_SPEAKING_RATE  # characters a minute, for speaking time

ORGANIZATION = "InterpreterApp"
APPLICATION = "interpreter-app"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
DEFAULT_AUTOSAVE_MS = 1500
DEFAULT_BACKUPS_KEPT = 10


def _to_int(value: object, default: int) -> int:
    try:
        return int(value)  # QSettings returns strings from INI files
    except (TypeError, ValueError):
        return default


def user_prefix(username: str) -> str:
    """The settings group of one user's layout; the name is percent-encoded for the INI keys."""
    from urllib.parse import quote

    return f"users/{quote(username.casefold(), safe='')}/"


class AppSettings:
    """The settings this user changes by using the application (not shared data)."""

    def __init__(self, qsettings: QSettings | None = None, prefix: str = "") -> None:
        self.qsettings = qsettings or QSettings(ORGANIZATION, APPLICATION)
        self.prefix = prefix  # "users/<name>/" for one user's window layout

    def for_user(self, username: str) -> AppSettings:
        """The same settings, with the window layout kept apart for one user: several people
        may share an office PC, and each finds the window as they left it."""
        return AppSettings(self.qsettings, user_prefix(username))

    @classmethod
    def at_path(cls, path: str) -> AppSettings:
        """Settings in an INI file of their own (tests, screenshots)."""
        return cls(QSettings(str(path), QSettings.IniFormat))

    # -- plain values -----------------------------------------------------------------------
    def _int(self, key: str, default: int) -> int:
        return _to_int(self.qsettings.value(key, default), default)

    def _str(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def last_user(self) -> str:
        """Login name of the last user who logged in here."""
        return self._str("login/last_user")

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.qsettings.setValue("login/last_user", value)

    @property
    def server_address(self) -> str:
        """The department server this computer connects to ('' for the local database)."""
        return self._str("database/server")

    @server_address.setter
    def server_address(self, value: str) -> None:
        from ..services.connection import display_address

        # Never a password on disk: the address is stored as display_address shows it.
        self.qsettings.setValue("database/server", display_address(value) if value else "")

    @property
    def language(self) -> str:
        """Interface language: zh_CN (default) or en."""
        value = self._str("ui/language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def autosave_delay_ms(self) -> int:
        """Milliseconds after the last keystroke before an edit is saved."""
        return max(50, self._int("editor/autosave_delay_ms", DEFAULT_AUTOSAVE_MS))

    @autosave_delay_ms.setter
    def autosave_delay_ms(self, value: int) -> None:
        self.qsettings.setValue("editor/autosave_delay_ms", int(value))

    @property
    def speaking_rate(self) -> int:
        """Characters a minute used to estimate speaking time of remarks."""
        return max(60, self._int("editor/speaking_rate", DEFAULT_SPEAKING_RATE))

    @speaking_rate.setter
    def speaking_rate(self, value: int) -> None:
        self.qsettings.setValue("editor/speaking_rate", int(value))

    @property
    def backups_kept(self) -> int:
        """How many automatic backups to keep beside the database."""
        return max(1, self._int("backup/keep", DEFAULT_BACKUPS_KEPT))

    @backups_kept.setter
    def backups_kept(self, value: int) -> None:
        self.qsettings.setValue("backup/keep", int(value))

    @property
    def export_dir(self) -> str:
        """The folder of the last export."""
        return self._str("export/folder")

    @export_dir.setter
    def export_dir(self, value: str) -> None:
        self.qsettings.setValue("export/folder", value)

    # -- window layout ----------------------------------------------------------------------
    @property
    def side_tab(self) -> int:
        """The workspace's side panel shown last (0 comments, 1 checks)."""
        return max(0, self._int(self.prefix + "workspace/side_tab", 0))

    @side_tab.setter
    def side_tab(self, value: int) -> None:
        self.qsettings.setValue(self.prefix + "workspace/side_tab", int(value))

    def window_geometry(self) -> QByteArray | None:
        """Saved main-window geometry, if any."""
        return self._bytes(self.prefix + "window/geometry")

    def window_state(self) -> QByteArray | None:
        """Saved toolbar and dock state, if any."""
        return self._bytes(self.prefix + "window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and state."""
        self.qsettings.setValue(self.prefix + "window/geometry", geometry)
        self.qsettings.setValue(self.prefix + "window/state", state)

    def splitter_sizes(self, name: str) -> list[int]:
        """Saved sizes of a named splitter, or an empty list."""
        value = self.qsettings.value(f"{self.prefix}splitters/{name}")
        if not isinstance(value, (list, tuple)):
            return []
        sizes = [_to_int(v, -1) for v in value]
        return sizes if sizes and all(s >= 0 for s in sizes) else []

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        """Remember the sizes of a named splitter."""
        self.qsettings.setValue(f"{self.prefix}splitters/{name}", [int(s) for s in sizes])

    def table_columns(self, name: str) -> QByteArray | None:
        """Saved column widths and order of a named table, if any."""
        return self._bytes(f"{self.prefix}columns/{name}")

    def set_table_columns(self, name: str, state: QByteArray) -> None:
        """Remember a table's column widths and order."""
        self.qsettings.setValue(f"{self.prefix}columns/{name}", state)

    def last_view(self) -> str:
        """The package-list view open when the window last closed."""
        return self._str(self.prefix + "window/view")

    def set_last_view(self, view: str) -> None:
        """Remember the open view."""
        self.qsettings.setValue(self.prefix + "window/view", view)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.qsettings.sync()
