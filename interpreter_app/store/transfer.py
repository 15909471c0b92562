"""Copy a SQLite database, history and all, into an empty server database of the same schema."""

from __future__ import annotations

from collections.abc import Callable

from ..domain.errors import StorageError
from .pg_schema import SEARCH_INDEX_TABLES
from .search import grams

BATCH = 500
# Parts of a released package are frozen by the server's triggers, inserts included: those
# packages arrive as drafts and take their state back once their parts are in.
_FROZEN_STATE = "released"


def _tables(source) -> list[str]:
    """The source's tables in the order they were created (parents before children)."""
    rows = source.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid").fetchall()
    return [r[0] for r in rows if not r[0].startswith(SEARCH_INDEX_TABLES)]


def _columns(source, table: str) -> list[str]:
    return [r[1] for r in source.conn.execute(f"PRAGMA table_info({table})")]


def copy_to_server(source, target, progress: Callable[[int, int, str], None] | None = None
                   ) -> dict[str, int]:
    """Copy every row of `source` (a SQLite Database) into `target` (an empty PgDatabase).

    One server transaction: the target holds everything or nothing. Returns the row count of
    each table copied.
    """
    if source.schema_version() != target.schema_version():
        raise StorageError(f"两个数据库的版本不同（{source.schema_version()} 与 "
                           f"{target.schema_version()}），请先升级")
    tables = _tables(source)
    counts: dict[str, int] = {}
    with target.transaction() as conn:
        if conn.execute("SELECT count(*) FROM users").fetchone()[0] or \
                conn.execute("SELECT count(*) FROM packages").fetchone()[0]:
            raise StorageError(f"目标数据库 {target.path} 已有数据；只能迁移到新建的空数据库")
        for index, table in enumerate(tables):
            counts[table] = _copy_table(source, conn, table)
            if progress:
                progress(index + 1, len(tables) + 1, table)
        _restore_frozen(source, conn)
        _index_search(conn)
        _advance_identities(conn, tables)
        if progress:
            progress(len(tables) + 1, len(tables) + 1, "search")
    return counts


def _copy_table(source, conn, table: str) -> int:
    columns = _columns(source, table)
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    state_at = columns.index("state") if table == "packages" else None
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
    cursor = source.conn.execute(f"SELECT {names} FROM {table} ORDER BY 1")
    total = 0
    while rows := cursor.fetchmany(BATCH):
        values = [tuple(r) for r in rows]
        if state_at is not None:
            values = [v[:state_at] + ("draft" if v[state_at] == _FROZEN_STATE else v[state_at],)
                      + v[state_at + 1:] for v in values]
        conn.executemany(sql, values)
        total += len(values)
    if table == "packages":
        conn.execute("INSERT INTO search_grams (package_id) SELECT id FROM packages")
    return total


def _restore_frozen(source, conn) -> None:
    released = [r[0] for r in source.conn.execute("SELECT id FROM packages WHERE state = ?",
                                                  (_FROZEN_STATE,))]
    for start in range(0, len(released), BATCH):
        chunk = released[start:start + BATCH]
        conn.execute("UPDATE packages SET state = ? WHERE id = ANY(?)", (_FROZEN_STATE, chunk))


def _index_search(conn) -> None:
    rows = conn.execute("SELECT package_id, title, body FROM search_text").fetchall()
    conn.executemany("UPDATE search_grams SET grams = ? WHERE package_id = ?",
                     [([t for t in grams(r[1], r[2]).split(" ") if t], r[0]) for r in rows])


def _advance_identities(conn, tables: list[str]) -> None:
    """New rows continue after the copied ids."""
    identities = {r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND column_name = 'id' AND is_identity = 'YES'")}
    for table in (t for t in tables if t in identities):
        seq = conn.execute("SELECT pg_get_serial_sequence(?, 'id')", (table,)).fetchone()
        conn.execute(f"SELECT setval(?, (SELECT max(id) FROM {table})) "
                     f"WHERE EXISTS (SELECT 1 FROM {table})", (seq[0],))
