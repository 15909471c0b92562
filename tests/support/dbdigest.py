"""A digest of everything a database holds, to prove that a refused action changed nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def content_digest(db: str | Path | sqlite3.Connection, without: tuple[str, ...] = ()) -> str:
    """SHA-256 over every row of every ordinary table (but those named in `without`), in rowid
    order.

    Virtual tables are read through their shadow tables (ordinary tables too): iterdump()
    would scan them directly, which a contentless FTS5 index refuses.
    """
    # A plain connection: a read-only one would leave -wal and -shm files behind.
    conn = db if isinstance(db, sqlite3.Connection) else sqlite3.connect(db)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name != 'sqlite_sequence' ORDER BY name")]
        for table in [t for t in tables if t not in without]:
            h.update(f"table {table}\n".encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                h.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
                h.update(b"\n")
        return h.hexdigest()
    finally:
        if conn is not db:
            conn.close()
