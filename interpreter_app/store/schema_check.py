"""Whether a database holds exactly the schema our migrations create, nothing added or missing.

A backup is a file anyone may have edited. A trigger or view slipped into it runs with every
write or read once it is restored, so a restore compares the file's `sqlite_master` with the
schema the migrations produce in an empty in-memory database at the same version.
"""

from __future__ import annotations

import functools
import sqlite3

from .schema import MIGRATIONS
from .search import register_functions

KIND_LABELS = {"table": "数据表", "index": "索引", "trigger": "触发器", "view": "视图"}
# (type, name) -> (table it belongs to, its SQL with runs of white space made one space)
Schema = dict[tuple[str, str], tuple[str, str]]


def schema_of(conn: sqlite3.Connection) -> Schema:
    """Every entry of the connection's main schema."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {(r[0], r[1]): (r[2], " ".join((r[3] or "").split())) for r in rows}


@functools.lru_cache(maxsize=8)
def _expected(version: int) -> tuple[tuple[tuple[str, str], tuple[str, str]], ...]:
    conn = sqlite3.connect(":memory:")
    try:
        register_functions(conn)  # the migrations call search_grams()
        for step, _description, script in MIGRATIONS:
            if step > version:
                break
            conn.executescript(script)
        return tuple(sorted(schema_of(conn).items()))
    finally:
        conn.close()


def expected_schema(version: int) -> Schema:
    """The schema the migrations up to `version` create in a new database."""
    if version not in {step for step, _d, _s in MIGRATIONS}:
        raise ValueError(f"no migration makes schema version {version}")
    return dict(_expected(version))


def schema_differences(conn: sqlite3.Connection, version: int | None = None) -> list[str]:
    """What the database holds beyond or short of our schema at `version` (default: its own
    user_version), in Chinese; [] when they are the same."""
    if version is None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    expected, actual = expected_schema(version), schema_of(conn)
    problems = [f"多出{_label(key)}" for key in sorted(actual.keys() - expected.keys())]
    problems += [f"缺少{_label(key)}" for key in sorted(expected.keys() - actual.keys())]
    problems += [f"{_label(key)}的定义被改动" for key in sorted(expected.keys() & actual.keys())
                 if expected[key] != actual[key]]
    return problems


def _label(key: tuple[str, str]) -> str:
    kind, name = key
    return f"{KIND_LABELS.get(kind, kind)}“{name}”"
