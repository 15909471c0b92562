"""A digest of everything a database holds, to prove that a refused action changed nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def content_digest(db: str | Path | sqlite3.Connection) -> str:
    """SHA-256 over the SQL dump of the database (its own bookkeeping tables left out)."""
    # A plain connection: a read-only one would leave -wal and -shm files behind.
    conn = db if isinstance(db, sqlite3.Connection) else sqlite3.connect(db)
    try:
        h = hashlib.sha256()
        for line in conn.iterdump():
            if "sqlite_sequence" not in line:
                h.update(line.encode("utf-8", "surrogatepass"))
                h.update(b"\n")
        return h.hexdigest()
    finally:
        if conn is not db:
            conn.close()
