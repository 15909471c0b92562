"""The one narrow storage interface the services use."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from . import audit
from . import search as sqlite_search
from .address import is_server_address
from .db import Database, now_iso
from .packages import PackageRepository
from .people import DepartmentRepository, UserRepository
from .records import RecordRepository
from .routes import RouteRepository
from .trust import TrustRepository

if TYPE_CHECKING:
    from .changes import ChangeRepository
    from .media import MediaRepository
    from .outreach import OutreachRepository


class Store:
    """A database connection with its repositories; one per thread.

    `path` is a SQLite file or a PostgreSQL address (postgresql://user@host:5432/dbname);
    the repositories and everything above them are the same for both.
    """

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        if is_server_address(path):
            from . import search_pg
            from .pg import PgDatabase

            self.db = PgDatabase(str(path), migrate=migrate)
            self._search = search_pg
        else:
            self.db = Database(path, migrate=migrate)
            self._search = sqlite_search
        conn = self.db.conn
        self.packages = PackageRepository(conn, self._search, row_locks=self.is_server)
        self.departments = DepartmentRepository(conn)
        self.users = UserRepository(conn)
        self.records = RecordRepository(conn)
        self.trust = TrustRepository(conn, server=self.is_server)
        self.routes = RouteRepository(conn)

    @cached_property
    def outreach(self) -> OutreachRepository:
        """Postings, events, issued documents and concerns (read on first use: the list and
        the log-in never need them, nor their module)."""
        from .outreach import OutreachRepository

        return OutreachRepository(self.db.conn, server=self.is_server)

    @cached_property
    def changes(self) -> ChangeRepository:
        """Tracked changes (留痕), on first use."""
        from .changes import ChangeRepository

        return ChangeRepository(self.db.conn)

    @cached_property
    def media(self) -> MediaRepository:
        """Pictures and attachments, on first use."""
        from .media import MediaRepository

        return MediaRepository(self.db.conn, server=self.is_server)

    @property
    def path(self) -> str:
        """The database file path, or the server address without its password."""
        return self.db.path

    @property
    def address(self) -> str:
        """What opens this database again from another thread: the file path, or the full
        server address (with the password given at log-in: kept in memory, never saved)."""
        return getattr(self.db, "url", self.db.path)

    @property
    def session(self) -> int:
        """The server process of this connection (0 for SQLite): a desk's own changes are
        told apart from other desks' by it."""
        return self.conn.session if self.is_server else 0

    @property
    def is_server(self) -> bool:
        """Whether the data lives on a PostgreSQL server (not in a local file)."""
        return getattr(self.db, "dialect", "sqlite") == "postgresql"

    @property
    def conn(self) -> sqlite3.Connection:
        """The raw connection, for the store's own modules and tests that tamper on purpose."""
        return self.db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all."""
        with self.db.transaction():
            yield

    def audit(self, actor_id: int | None, package_id: int | None, action: str,
              detail: dict | str = "", at: str | None = None) -> str:
        """Append an audit event inside the current transaction."""
        if self.is_server:
            # Desks append concurrently: one at a time, or two events would share a parent.
            from .pg import AUDIT_LOCK

            self.db.serialize(AUDIT_LOCK)
        return audit.append_event(self.conn, at or now_iso(), actor_id, package_id, action, detail)

    def audit_events(self, package_id: int | None = None):
        """Audit events, for one package or all."""
        return audit.events(self.conn, package_id)

    def last_audit_event(self, package_id: int):
        """The newest audit event of a package, or None."""
        return audit.last_event(self.conn, package_id)

    def verify_audit_chain(self) -> list[audit.ChainBreak]:
        """Every break in the audit chain."""
        return audit.verify_chain(self.conn)

    def search_condition(self, text: str, column: str = "p.id", *,
                         first_rows: bool = False) -> tuple[str, tuple]:
        """A SQL condition on a package id column matching every term of `text`.

        `first_rows`: for a list page that needs only its first matches (SQLite then walks
        the list for common terms instead of reading the whole index).
        """
        if self.is_server:
            return self._search.search_condition(text, column)
        return self._search.search_condition(text, column, self.conn if first_rows else None)

    def search_parts(self, text: str, column: str = "p.id", *,
                     first_rows: bool = False) -> tuple[str, tuple, str, tuple]:
        """(narrow, params, confirm, params): `search_condition` in two steps, where the
        server's `confirm` reads package texts and is best applied to narrowed rows only
        (SQLite answers in one step: its confirm is TRUE)."""
        if self.is_server:
            return self._search.search_parts(text, column)
        where, params = self.search_condition(text, column, first_rows=first_rows)
        return where, params, "TRUE", ()

    def get_setting(self, key: str, default: object = None) -> object:
        """A JSON setting stored in the database (shared by everyone using the file)."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: object) -> None:
        """Store a JSON setting (inside the caller's transaction)."""
        self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key)"
                          " DO UPDATE SET value = excluded.value", (key, json.dumps(value)))

    def backup_to(self, dest: str | Path) -> Path:
        """Online backup to a file (also rescues the data when the file was deleted under us)."""
        return self.db.backup_to(dest)

    def is_database_file(self, path: str | Path) -> bool:
        """Whether `path` is the database or its -wal/-shm/-journal (never to be read as a file)."""
        return self.db.is_database_file(path)

    def check_file(self) -> None:
        """StorageError when the database file was deleted, moved or replaced while open."""
        self.db.check_file()

    def quick_check(self) -> list[str]:
        """Problems found by SQLite's quick check ([] when sound)."""
        return self.db.quick_check()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()
