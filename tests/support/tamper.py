"""A raw connection to a test's database, outside the application, for tests that tamper."""

from __future__ import annotations

import sqlite3

from interpreter_app.store.address import is_server_address


class _ServerTamper:
    """A server connection in autocommit mode that reads `?` placeholders like sqlite3."""

    def __init__(self, url: str) -> None:
        from interpreter_app.store.pg import PgConnection

        self._conn = PgConnection(url)

    def execute(self, sql: str, params=()):
        return self._conn.execute(sql, params)

    def commit(self) -> None:
        """Autocommit: every statement is already committed."""

    def close(self) -> None:
        self._conn.close()


def raw_connection(address):
    """sqlite3 on a file, or a server connection with the same execute/commit/close."""
    if is_server_address(address):
        return _ServerTamper(str(address))
    return sqlite3.connect(address)


def unguard(conn, table: str) -> None:
    """Take away the triggers that keep `table` append-only, as an owner of the file or of the
    schema could (the server: ALTER TABLE … DISABLE TRIGGER)."""
    if isinstance(conn, _ServerTamper):
        conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        return
    for suffix in ("no_update", "no_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
