"""Both dialects at the same schema version have the same tables and columns."""

from __future__ import annotations

import sqlite3

from interpreter_app.store import pg_schema, schema
from interpreter_app.store.store import Store

SQLITE_TYPES = {"INTEGER": "bigint", "TEXT": "text", "BLOB": "bytea"}


def _sqlite_columns(path) -> dict[str, list[tuple[str, str]]]:
    Store(path).close()
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    result = {t: [(r[1], SQLITE_TYPES[r[2]]) for r in conn.execute(f"PRAGMA table_info({t})")]
              for t in tables if not t.startswith(pg_schema.SEARCH_INDEX_TABLES)}
    conn.close()
    return result


def _server_columns(store: Store) -> dict[str, list[tuple[str, str]]]:
    rows = store.conn.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
    result: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        if table.startswith(pg_schema.SEARCH_INDEX_TABLES) or table == pg_schema.META_TABLE:
            continue
        result.setdefault(table, []).append((column, kind))
    return result


def test_both_dialects_have_the_same_tables_and_columns(db_path, pg_url):
    server = Store(pg_url)
    try:
        assert server.db.schema_version() == schema.SCHEMA_VERSION
        assert _server_columns(server) == _sqlite_columns(db_path)
    finally:
        server.close()


def test_every_version_has_its_server_part_and_nothing_is_left_untranslated():
    versions = [v for v, _d, _s in schema.MIGRATIONS]
    assert [v for v, _d, _s in pg_schema.server_migrations()] == versions
    for version, _description, script in schema.MIGRATIONS:
        skipped = [s for s in pg_schema.split_statements(script) if pg_schema.is_sqlite_only(s)]
        assert not skipped or pg_schema.SERVER_PARTS.get(version), version
        for statement in pg_schema.translate(script):
            assert "NOCASE" not in statement and "WITHOUT ROWID" not in statement
            assert "VIRTUAL" not in statement and "TRIGGER" not in statement


def test_each_sqlite_guard_trigger_has_a_server_trigger(pg_url):
    """Append-only and frozen tables are guarded on the server too."""
    server = Store(pg_url)
    try:
        guarded = {r[0] for r in server.conn.execute(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers"
            " WHERE trigger_schema = current_schema()")}
    finally:
        server.close()
    sqlite_guarded = set()
    for _v, _d, script in schema.MIGRATIONS:
        for statement in pg_schema.split_statements(script):
            words = statement.split()
            if words[:2] == ["CREATE", "TRIGGER"] and "search_" not in statement:
                sqlite_guarded.add(words[words.index("ON") + 1])
    assert sqlite_guarded <= guarded
