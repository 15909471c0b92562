"""Small SQL helpers both dialects share."""

from __future__ import annotations


def insert_returning_id(conn, sql: str, params: tuple) -> int:
    """Run an INSERT and return the id it gave the new row (SQLite 3.35+ and PostgreSQL)."""
    # fetchall: a RETURNING statement left unfinished would keep SQLite from committing.
    return conn.execute(sql + " RETURNING id", params).fetchall()[0][0]
