"""Storage: pragmas, identity, migrations, search routing, backup and restore."""

from __future__ import annotations

import sqlite3

import pytest

from interpreter_app.domain.errors import StorageError
from interpreter_app.services.backup import auto_backup, list_backups, restore
from interpreter_app.services.listing import ListQuery
from interpreter_app.store import schema
from interpreter_app.store.search import search_condition
from interpreter_app.store.store import Store
from tests.factories import complete_package


def test_pragmas_wal_foreign_keys_full_sync(db_path):
    store = Store(db_path)
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -32 * 1024  # search stays cached
    assert store.db.schema_version() == schema.SCHEMA_VERSION
    store.close()


def test_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes("这不是数据库".encode() * 100)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="不是 SQLite"):
        Store(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="不是政策解读工作台的数据库"):
        Store(path)


def test_database_newer_than_code_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="升级"):
        Store(db_path)


def test_migration_backs_up_before_running(db_path, monkeypatch):
    Store(db_path).close()
    extra = (schema.SCHEMA_VERSION + 1, "test step", "CREATE TABLE extra_test (x);")
    monkeypatch.setattr("interpreter_app.store.db.MIGRATIONS", schema.MIGRATIONS + (extra,))
    monkeypatch.setattr("interpreter_app.store.db.SCHEMA_VERSION", extra[0])
    store = Store(db_path)
    assert store.db.schema_version() == extra[0]
    backups = list(db_path.parent.glob(f"{db_path.name}.v{schema.SCHEMA_VERSION}-*.bak"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("PRAGMA user_version").fetchone()[0] == \
        schema.SCHEMA_VERSION
    store.close()


def test_failed_migration_leaves_database_as_it_was(db_path, monkeypatch):
    Store(db_path).close()
    broken = (schema.SCHEMA_VERSION + 1, "broken", "CREATE TABLE ok_part (x); SELECT nonsense(;")
    monkeypatch.setattr("interpreter_app.store.db.MIGRATIONS", schema.MIGRATIONS + (broken,))
    monkeypatch.setattr("interpreter_app.store.db.SCHEMA_VERSION", broken[0])
    with pytest.raises(sqlite3.Error):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='ok_part'").fetchone()[0] == 0


@pytest.mark.both_stores
@pytest.mark.parametrize("query, expected", [
    ("政", {"policy", "open"}), ("务公", {"open"}), ("政务", {"open"}), ("政务公", {"open"}),
    ("就业创业", {"policy"}), ("毕业生 补贴", {"policy"}), ("1500", {"policy"}), ("通知", {"policy", "open"}),
    ("不存在的词", set())])
def test_search_finds_chinese_of_any_length(seeded, query, expected):
    ids = {"policy": complete_package(seeded.wb, seeded["writer"]).id,
           "open": seeded.wb.authoring.create(seeded["writer"], "关于政务公开的通知").id}
    found = {r.id for r in seeded.wb.listing.search(seeded["writer"], query)}
    assert found == {ids[name] for name in expected}


def test_short_terms_go_to_the_bigram_index_not_the_trigram_index():
    sql, params = search_condition("经济")
    assert "search_bigrams" in sql and "search_fts" not in sql and params == ('"经济"',)
    sql, params = search_condition("经济发展")
    assert "search_fts" in sql and params == ('"经济发展"',)


def test_short_terms_with_other_separators_fall_back_to_a_scan():
    sql, params = search_condition("a'")
    assert "instr" in sql and params == ("a'", "a'")


@pytest.mark.both_stores
@pytest.mark.parametrize("query", ["号", "〕1", "，就", "Ab", "ab"])
def test_short_queries_with_punctuation_and_latin_are_found(seeded, query):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    from dataclasses import replace
    wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body=pkg.document.body + "\nAB，就"),
                               pkg.document_version)
    assert [r.id for r in wb.listing.search(writer, query)] == [pkg.id]


@pytest.mark.both_stores
def test_bigram_index_follows_edits_and_forgets_removed_text(seeded):
    from dataclasses import replace
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    assert [r.id for r in wb.listing.search(writer, "吸纳")] == [pkg.id]
    wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body="全新内容"),
                               pkg.document_version)
    for material in pkg.materials:
        wb.authoring.delete_material(writer, pkg.id, material.id)
    assert wb.listing.search(writer, "吸纳") == []
    assert [r.id for r in wb.listing.search(writer, "新内")] == [pkg.id]
    if not wb.store.is_server:
        integrity = wb.store.conn.execute(
            "INSERT INTO search_bigrams(search_bigrams, rank) VALUES ('integrity-check', 0)")
        assert integrity is not None


@pytest.mark.both_stores
@pytest.mark.parametrize("query", ['"', "a\"b", "NEAR(", "*", "OR AND", "'; DROP TABLE packages; --"])
def test_search_with_fts_syntax_characters_does_not_fail(seeded, query):
    complete_package(seeded.wb, seeded["writer"])
    seeded.wb.listing.search(seeded["writer"], query)
    assert seeded.wb.store.packages.ids()


@pytest.mark.both_stores
def test_search_index_follows_edits(seeded):
    from dataclasses import replace
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body="全新的内容：数字政府建设"),
                               pkg.document_version)
    assert [r.id for r in wb.listing.search(writer, "数字政府建设")] == [pkg.id]
    assert [r.id for r in wb.listing.search(writer, "吸纳就业补贴")] == []


@pytest.mark.both_stores
def test_view_counts(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    complete_package(wb, seeded["writer2"])
    wb.review.submit(seeded["writer"], pkg.id)
    assert wb.listing.counts(seeded["writer"])["mine"] == 0
    assert wb.listing.counts(seeded["writer2"])["mine"] == 1
    assert wb.listing.counts(seeded["reviewer"])["to_review"] == 1
    assert wb.listing.counts(seeded["leader"])["to_sign"] == 0
    assert wb.listing.counts(seeded["reviewer_b"])["all"] == 0
    rows = wb.listing.page(seeded["reviewer"], ListQuery("all", sort="title", descending=False), 0, 1)
    assert len(rows) == 1


def test_backup_and_restore_round_trip(seeded, tmp_path):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    backup = wb.store.backup_to(tmp_path / "b" / "copy.db")
    complete_package(wb, seeded["writer"])
    wb.close()
    safety = restore(backup, seeded.path)
    assert safety is not None and safety.exists()
    store = Store(seeded.path)
    assert store.packages.ids() == [pkg.id]
    store.close()
    seeded.wb = type(wb).open(seeded.path)


def test_restore_refuses_a_corrupt_backup_and_keeps_database(seeded, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = seeded.wb.store.packages.ids()
    with pytest.raises(StorageError):
        restore(bad, seeded.path)
    assert seeded.wb.store.packages.ids() == before


def test_auto_backup_keeps_newest_n(seeded, tmp_path):
    folder = tmp_path / "backups"
    for i in range(4):
        (folder).mkdir(exist_ok=True)
        (folder / f"auto-2020010{i}-000000.db").write_bytes(b"x")
    made = auto_backup(seeded.wb.store, folder, keep=3, min_interval_hours=0)
    kept = list_backups(folder)
    assert made in kept and len(kept) == 3


def test_punctuation_terms_use_the_bigram_index():
    sql, params = search_condition("〕1")
    assert "search_bigrams" in sql and "instr" not in sql


def test_repeated_saves_reuse_the_previous_tokens():
    from interpreter_app.store.search import _grams, grams
    _grams.cache_clear()
    grams("标题", "正文内容")
    grams("标题", "正文内容")
    assert _grams.cache_info().hits == 1


@pytest.mark.both_stores
@pytest.mark.parametrize("sort", ["updated_at", "title", "department", "holder", "due_date"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_give_the_same_rows_as_offsets(seeded, sort, descending):
    wb, writer = seeded.wb, seeded["writer"]
    for i in range(7):
        wb.authoring.create(writer, f"关于第{i % 3}项工作的通知")
    query = ListQuery("all", sort=sort, descending=descending)
    whole = [r.id for r in wb.listing.page(writer, query, 0, 100)]
    paged, last = [], None
    while True:
        rows = wb.listing.page(writer, query, len(paged), 3, after=last)
        if not rows:
            break
        paged += [r.id for r in rows]
        last = rows[-1]
    assert paged == whole and len(whole) == 7


def test_restore_refuses_a_backup_missing_tables_and_keeps_database(seeded, tmp_path):
    partial = seeded.wb.store.backup_to(tmp_path / "partial.db")
    conn = sqlite3.connect(partial)
    conn.execute("DROP TABLE comments")
    conn.execute("DROP TRIGGER signoffs_no_delete")
    conn.execute("DROP TRIGGER signoffs_no_update")
    conn.execute("DROP TABLE signoffs")
    conn.commit()
    conn.close()
    before = seeded.wb.store.packages.ids()
    with pytest.raises(StorageError, match="signoffs"):
        restore(partial, seeded.path)
    assert seeded.wb.store.packages.ids() == before


def _packages_with_bodies(wb, writer, bodies):
    from dataclasses import replace
    ids = []
    for body in bodies:
        pkg = complete_package(wb, writer)
        wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body=body),
                                   pkg.document_version)
        ids.append(pkg.id)
    return ids


def test_common_terms_are_found_by_walking_the_list_with_the_same_result(seeded):
    """A term in most packages skips the index for a page; pages and counts still agree."""
    from interpreter_app.services.listing import ListQuery
    from interpreter_app.store.search import is_common
    wb, writer = seeded.wb, seeded["writer"]
    bodies = ["各地要加强人力资源统筹。" if i % 3 else "本通知自印发之日起施行。" for i in range(12)]
    ids = _packages_with_bodies(wb, writer, bodies)
    assert is_common(wb.store.conn, "人力资源统筹") and not is_common(wb.store.conn, "印发之日")
    sql, _ = search_condition("人力资源统筹", conn=wb.store.conn)
    assert "EXISTS" in sql and "search_fts" not in sql
    assert "search_fts" in search_condition("印发之日", conn=wb.store.conn)[0]
    query = ListQuery("all", "人力资源统筹")
    page = wb.listing.page(writer, query, 0, 200)
    expected = [i for i, body in zip(ids, bodies, strict=True) if "人力资源统筹" in body]
    assert sorted(r.id for r in page) == sorted(expected)
    assert wb.listing.count(writer, query) == len(page) == 8
    later = wb.listing.page(writer, query, 0, 3, after=page[2])  # keyset paging follows
    assert [r.id for r in later] == [r.id for r in page[3:6]]


def test_common_latin_terms_keep_the_index_so_case_is_ignored(seeded):
    from interpreter_app.services.listing import ListQuery
    wb, writer = seeded.wb, seeded["writer"]
    _packages_with_bodies(wb, writer, ["系统支持PDF导出。"] * 6)
    sql, _ = search_condition("pdf导出", conn=wb.store.conn)
    assert "EXISTS" not in sql
    assert len(wb.listing.page(writer, ListQuery("all", "pdf导出"), 0, 200)) == 6


@pytest.mark.both_stores
def test_to_review_and_to_sign_counts_leave_out_the_actors_own_packages(seeded):
    """The badge counts (state total less one's own) agree with the rows the list shows."""
    wb = seeded.wb
    own = [complete_package(wb, seeded["multi"]) for _ in range(2)]
    other = complete_package(wb, seeded["writer"])
    complete_package(wb, seeded["writer_b"])
    for pkg, author in ((own[0], "multi"), (own[1], "multi"), (other, "writer")):
        wb.review.submit(seeded[author], pkg.id)
    wb.review.pass_review(seeded["reviewer"], own[0].id)
    for name in ("multi", "reviewer", "leader", "reviewer_b", "leader_b", "writer"):
        user = seeded[name]
        for view in ("to_review", "to_sign"):
            shown = wb.listing.page(user, ListQuery(view), 0, 1000)
            assert wb.listing.count(user, ListQuery(view)) == len(shown), (name, view)
    assert wb.listing.count(seeded["multi"], ListQuery("to_review")) == 1  # the writer's only
    assert wb.listing.count(seeded["leader"], ListQuery("to_sign")) == 1
    assert wb.listing.count(seeded["multi"], ListQuery("to_sign")) == 0  # own package


@pytest.mark.both_stores
@pytest.mark.parametrize("sort", ["updated_at", "title"])
def test_a_page_of_search_results_keeps_the_list_order_and_pages_on(seeded, sort):
    """Long terms confirmed row by row (the server) still come in the list's order."""
    wb, writer = seeded.wb, seeded["writer"]
    bodies = ["各地要加强人力资源统筹。" if i % 3 else "本通知自印发之日起施行。" for i in range(9)]
    ids = _packages_with_bodies(wb, writer, bodies)
    query = ListQuery("all", "人力资源统筹", sort=sort, descending=False)
    whole = [r.id for r in wb.listing.page(writer, ListQuery("all", sort=sort, descending=False),
                                           0, 100)]
    matching = {i for i, body in zip(ids, bodies, strict=True) if "人力资源统筹" in body}
    expected = [i for i in whole if i in matching]
    page = wb.listing.page(writer, query, 0, 4)
    assert [r.id for r in page] == expected[:4]
    rest = wb.listing.page(writer, query, 0, 10, after=page[-1])
    assert [r.id for r in rest] == expected[4:]
    assert wb.listing.count(writer, query) == len(expected) == 6
