"""The one narrow storage interface the services use."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from . import audit
from .db import Database, now_iso
from .media import MediaRepository
from .outreach import OutreachRepository
from .packages import PackageRepository
from .people import DepartmentRepository, UserRepository
from .records import RecordRepository
from .trust import TrustRepository


class Store:
    """A database connection with its repositories; one per thread."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.db = Database(path, migrate=migrate)
        conn = self.db.conn
        self.packages = PackageRepository(conn)
        self.departments = DepartmentRepository(conn)
        self.users = UserRepository(conn)
        self.records = RecordRepository(conn)
        self.trust = TrustRepository(conn)
        self.outreach = OutreachRepository(conn)
        self.media = MediaRepository(conn)

    @property
    def path(self) -> str:
        """The database file path."""
        return self.db.path

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
