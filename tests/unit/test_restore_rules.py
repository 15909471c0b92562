"""Restore and demo --force, the two commands that replace a whole database.

Restore needs an administrator's password, keeps a safety copy made through SQLite, refuses a
backup whose schema is not exactly the one the migrations create, stages and checks the copy
before writing it in through the backup API, and names the administrator in the audit chain.
demo --force rebuilds only a database the demo builder marked.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from interpreter_app.domain.errors import AuthError, PermissionDenied, StorageError, ValidationError
from interpreter_app.services import demo
from interpreter_app.services.backup import check_backup_file, restore
from interpreter_app.services.workbench import Workbench
from interpreter_app.store import schema
from interpreter_app.store.schema_check import expected_schema, schema_differences
from interpreter_app.store.store import Store
from tests.factories import PASSWORD, complete_package, released_package
from tests.support.dbdigest import content_digest
from tests.unit.test_database_files import _WATCH, watch

MIGRATIONS = Path(__file__).resolve().parents[1] / "data" / "migrations"

# Statements that put into a backup something the application never creates, or take away
# something it does; the words the refusal must contain.
TAMPERING = {
    "extra trigger": ("CREATE TRIGGER steal AFTER INSERT ON audit BEGIN "
                      "UPDATE users SET roles = 'admin'; END", "多出触发器“steal”"),
    "extra view": ("CREATE VIEW everything AS SELECT * FROM users", "多出视图“everything”"),
    "extra table": ("CREATE TABLE notes (x TEXT)", "多出数据表“notes”"),
    "extra index": ("CREATE INDEX users_roles ON users(roles)", "多出索引“users_roles”"),
    "missing trigger": ("DROP TRIGGER audit_no_delete", "缺少触发器“audit_no_delete”"),
    "changed trigger": ("DROP TRIGGER signoffs_no_update; CREATE TRIGGER signoffs_no_update "
                        "BEFORE UPDATE ON signoffs WHEN 0 BEGIN SELECT 1; END",
                        "触发器“signoffs_no_update”的定义被改动"),
}


def tampered(source: Store, folder: Path, sql: str) -> Path:
    """A backup of `source` with `sql` run on it afterwards, as anyone with the file could."""
    path = source.backup_to(folder / "tampered.db")
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


def side_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- the schema the migrations make ------------------------------------------------------------

def test_a_database_the_migrations_made_matches_its_schema_at_every_version(tmp_path):
    store = Store(tmp_path / "fresh.db")
    assert schema_differences(store.conn) == []
    store.close()
    fixtures = sorted(MIGRATIONS.glob("v*.sqlite3"))
    assert len(fixtures) >= 2
    for fixture in fixtures:  # one saved database per released schema version
        conn = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
        assert schema_differences(conn) == [], fixture.name
        conn.close()
    assert set(expected_schema(1)) < set(expected_schema(schema.SCHEMA_VERSION))


@pytest.mark.parametrize("case", list(TAMPERING))
def test_backup_with_anything_we_did_not_create_is_refused_and_changes_nothing(seeded, tmp_path,
                                                                                case):
    sql, words = TAMPERING[case]
    complete_package(seeded.wb, seeded["writer"])
    backup = tampered(seeded.wb.store, tmp_path / "b", sql)
    before, files = content_digest(seeded.wb.store.conn), side_files(tmp_path)
    with pytest.raises(StorageError) as err:
        restore(backup, seeded.path, "admin", PASSWORD)
    assert words in err.value.message and "拒绝恢复" in err.value.message
    assert "\n" not in err.value.message
    assert content_digest(seeded.wb.store.conn) == before
    assert side_files(tmp_path) == files  # no safety copy, no staging file left


def test_check_backup_file_refuses_the_tampered_file_before_anything_else(seeded, tmp_path):
    backup = tampered(seeded.wb.store, tmp_path, TAMPERING["extra view"][0])
    with pytest.raises(StorageError, match="多出视图"):
        check_backup_file(backup)


# -- who may restore ---------------------------------------------------------------------------

@pytest.mark.parametrize("username, password, error, words", [
    ("admin", "wrong-password1", AuthError, "用户名或密码错误"),
    ("writer", PASSWORD, PermissionDenied, "管理员"),
    ("ghost", PASSWORD, AuthError, "用户名或密码错误"),
])
def test_restore_needs_an_administrators_password(seeded, tmp_path, username, password, error,
                                                  words):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    complete_package(seeded.wb, seeded["writer"])
    before, files = content_digest(seeded.wb.store.conn, without=("users",)), side_files(tmp_path)
    with pytest.raises(error, match=words):
        restore(backup, seeded.path, username, password)
    # Only the failed-log-in counter may have moved.
    assert content_digest(seeded.wb.store.conn, without=("users",)) == before
    assert side_files(tmp_path) == files


def test_wrong_passwords_lock_the_administrator_as_at_log_in(seeded, tmp_path):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    for _ in range(5):
        with pytest.raises(AuthError):
            restore(backup, seeded.path, "admin", "wrong-password1")
    with pytest.raises(AuthError, match="锁定"):
        restore(backup, seeded.path, "admin", PASSWORD)


# -- what a restore does -----------------------------------------------------------------------

def test_restore_keeps_a_safety_copy_and_names_the_administrator(seeded, tmp_path):
    kept = complete_package(seeded.wb, seeded["writer"])
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    later = released_package(seeded)
    window = seeded.wb  # left open, as another program on the same file would be
    inode = os.stat(seeded.path).st_ino
    done = restore(backup, seeded.path, "admin", PASSWORD)
    assert done.admin.username == "admin" and done.safety.exists()
    assert os.stat(seeded.path).st_ino == inode  # written into, never replaced as a file
    assert window.store.packages.ids() == [kept.id]  # the open connection sees the backup
    event = window.store.audit_events()[-1]
    assert event.action == "restore" and event.actor_id == seeded["admin"].id
    assert "系统管理员" in event.detail and str(done.safety) in event.detail
    assert window.verify().ok
    with window.store.transaction():  # and it goes on saving into the restored content
        window.store.set_setting("after-restore", 1)
    other = Store(seeded.path)
    assert other.get_setting("after-restore") == 1
    other.close()
    safety = Workbench.open(done.safety)
    assert safety.store.packages.get(later.id).state == "released"
    safety.close()
    assert not list(tmp_path.glob("*.restoring*"))


def test_restore_never_opens_the_database_files_outside_sqlite(seeded, tmp_path):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    complete_package(seeded.wb, seeded["writer"])
    watch(seeded.path)
    try:
        restore(backup, seeded.path, "admin", PASSWORD)
        assert _WATCH["seen"] == []
    finally:
        _WATCH["names"] = []


def test_an_older_backup_is_migrated_in_the_staging_copy(seeded, tmp_path):
    old = tmp_path / "v1.db"
    shutil.copyfile(MIGRATIONS / "v1.sqlite3", old)  # a closed fixture, not the open database
    done = restore(old, seeded.path, "admin", PASSWORD)
    store = Store(seeded.path, migrate=False)
    assert store.db.schema_version() == schema.SCHEMA_VERSION
    assert schema_differences(store.conn) == []
    assert len(store.packages.ids()) > 5
    store.close()
    assert done.safety is not None
    # The staging copy needed no pre-migration copy of its own; only the safety copy is left.
    assert [p.name for p in tmp_path.glob("work.db.*")] == [done.safety.name]


def test_restoring_the_database_or_its_wal_onto_itself_is_refused_unread(seeded):
    watch(seeded.path)
    try:
        for source in (seeded.path, Path(str(seeded.path) + "-wal")):
            with pytest.raises(ValidationError, match="就是当前数据库"):
                restore(source, seeded.path, "admin", PASSWORD)
        assert _WATCH["seen"] == []
    finally:
        _WATCH["names"] = []


def test_a_non_administrator_is_refused_before_the_backup_is_read(seeded, tmp_path):
    with pytest.raises(PermissionDenied):
        restore(tmp_path / "no-such-backup.db", seeded.path, "writer", PASSWORD)


def test_a_damaged_database_is_moved_aside_and_the_backups_admin_decides(seeded, tmp_path):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    seeded.wb.close()
    seeded.path.write_bytes(b"\0" * 8192)  # zeroed by a failing disk
    with pytest.raises(PermissionDenied):
        restore(backup, seeded.path, "writer", PASSWORD)  # the backup's writer is no admin
    assert seeded.path.read_bytes() == b"\0" * 8192
    done = restore(backup, seeded.path, "admin", PASSWORD)
    assert done.safety.read_bytes() == b"\0" * 8192  # kept as it was, by name
    seeded.wb = Workbench.open(seeded.path)
    assert seeded.wb.verify().ok and seeded.wb.accounts.user("writer")


def test_restore_into_a_missing_database_leaves_no_stranger_wal_beside_it(seeded, tmp_path):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    seeded.wb.close()
    orphan = Path(str(seeded.path) + "-wal")
    orphan.write_bytes(b"old log" * 100)
    seeded.path.unlink()
    done = restore(backup, seeded.path, "admin", PASSWORD)
    assert Path(str(done.safety)).read_bytes() == b"old log" * 100
    seeded.wb = Workbench.open(seeded.path)
    assert seeded.wb.verify().ok


def test_a_database_of_another_program_is_not_replaced(tmp_path, seeded):
    backup = seeded.wb.store.backup_to(tmp_path / "b" / "monday.db")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE mine (x)")
    conn.close()
    with pytest.raises(StorageError, match="不是政策解读工作台的数据库"):
        restore(backup, other, "admin", PASSWORD)
    conn = sqlite3.connect(other)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("mine",)]
    conn.close()


# -- demo --force ------------------------------------------------------------------------------

def test_demo_rebuild_refuses_a_database_that_is_not_a_demo(seeded):
    before = content_digest(seeded.wb.store.conn)
    with pytest.raises(ValidationError, match="不是演示数据库"):
        demo.build_demo(seeded.path)
    assert content_digest(seeded.wb.store.conn) == before


def test_demo_rebuild_refuses_a_file_that_is_no_database(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("会议记录" * 100, "utf-8")
    with pytest.raises(ValidationError, match="不是演示数据库"):
        demo.build_demo(notes)
    assert notes.read_text("utf-8") == "会议记录" * 100


def test_demo_databases_carry_the_mark_and_an_old_one_without_it_is_refused(tmp_path):
    path = tmp_path / "demo.db"
    demo.build_demo(path)
    assert demo.is_demo_database(path)
    demo.build_demo(path)  # a marked demo is rebuilt
    store = Store(path)
    with store.transaction():  # as a demo made before the mark existed
        store.conn.execute("DELETE FROM settings WHERE key = ?", (demo.DEMO_MARK,))
    store.close()
    assert not demo.is_demo_database(path)
    with pytest.raises(ValidationError, match="没有演示标记"):
        demo.build_demo(path)
