"""The database file, its -wal and its -shm are touched through SQLite only.

Closing any descriptor of the database file drops every POSIX lock this process holds on it
(CONTRIBUTING.md, "Database files"; the multi-process proof is in test_faults_locks.py). Here:
a reviewer's grep over the code, a watch on every file Python opens while the application
works, and the places that take a path from the user.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain.errors import StorageError, ValidationError
from interpreter_app.domain.importing import ImportFailed, read_file
from interpreter_app.services.backup import check_backup_file
from interpreter_app.services.workbench import Workbench
from interpreter_app.store.store import Store
from tests.factories import PASSWORD, complete_package, released_package

PACKAGE = Path(__file__).resolve().parents[2] / "interpreter_app"
# Calls that open a descriptor outside SQLite (a file's own .open(), not Workbench.open).
RAW_ACCESS = re.compile(
    r"(?<![\w.])(open|os\.open|io\.open|QFile|shutil\.copy\w*|shutil\.move|zipfile\.ZipFile"
    r"|zipfile\.is_zipfile)\(|(?:\b[a-z_]\w*|\))\.(open|read_bytes|read_text|write_bytes"
    r"|write_text)\(")
# What a database path is called in this code.
DATABASE_PATH = re.compile(r"\bdb_path\b|\bdb\b|\bdatabase\b|store\.path|-wal|-shm|-journal"
                           r"|SIDE_SUFFIXES|\.db\b|\.bak\b|\bsafety\b")
# Known, listed for the lead: the restore path still copies the file when the online backup
# fails. Remove the entries when restore goes through SQLite only.
KNOWN = {
    ("services/backup.py", "shutil.copy2(db_path, safety)  # a damaged file is kept as it is"),
    ("services/backup.py", "shutil.copy2(db_path, safety)"),
}


def raw_access_to_database_paths() -> list[tuple[str, int, str]]:
    """(file, line number, code) of every line opening a database path outside SQLite."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            # In store/ every path is a database path.
            about_database = rel.startswith("store/") or DATABASE_PATH.search(code)
            if RAW_ACCESS.search(code) and about_database and (rel, line.strip()) not in KNOWN:
                found.append((rel, number, line.strip()))
    return found


def test_no_code_opens_a_database_path_outside_sqlite():
    assert raw_access_to_database_paths() == []


def test_the_grep_sees_what_a_reviewer_would_flag(tmp_path, monkeypatch):
    samples = {
        "with open(db_path, 'rb') as fh:": True,
        "shutil.copy2(store.path, dest)": True,
        "Path(str(db_path) + '-wal').read_bytes()": True,
        "header = self.db.path.open('rb')": True,
        "with open(path, 'xb') as fh:": False,  # an export file
        "data = (self.root / rel).read_bytes()": False,
        "wb = Workbench.open(db_path)": False,  # through SQLite
    }
    for code, flagged in samples.items():
        assert bool(RAW_ACCESS.search(code) and DATABASE_PATH.search(code)) is flagged, code


# -- a watch on every file Python opens ---------------------------------------------------

_WATCH: dict[str, list] = {"names": [], "seen": []}


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _WATCH["names"] and isinstance(args[0], (str, Path)):
        name = str(Path(args[0]).resolve())
        if name in _WATCH["names"]:
            _WATCH["seen"].append(name)


sys.addaudithook(_audit)  # audit hooks stay for the process; it only records while watching


def watch(db: Path) -> None:
    """From now on, record every open() by Python of `db`, its -wal, -shm and -journal."""
    base = str(Path(db).resolve())
    _WATCH["names"] = [base + s for s in ("", "-wal", "-shm", "-journal")]
    _WATCH["seen"] = []


@pytest.fixture
def watch_database_files(tmp_path):
    """The path of a database file watched by `watch` during the test."""
    watch(tmp_path / "db.db")
    yield tmp_path / "db.db"
    _WATCH["names"] = []


def test_working_with_several_stores_never_opens_the_files_outside_sqlite(watch_database_files,
                                                                           tmp_path):
    db = watch_database_files
    wb = Workbench.create(db)
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    dept = wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发")
    wb.accounts.create_user(admin, "writer", "写作者", PASSWORD, dept.id, {"writer"}, "科员")
    writer = wb.accounts.login("writer", PASSWORD)
    complete_package(wb, writer)
    worker = Workbench.open(db)  # as the window's background jobs do, while the main one is open
    worker.store.backup_to(tmp_path / "copy.db")
    check_backup_file(tmp_path / "copy.db")
    worker.close()
    readonly = Store(db, migrate=False)
    assert readonly.quick_check() == []
    readonly.close()
    assert main(["--db", str(db), "backup", str(tmp_path / "cli-copy.db")]) == 0
    wb.close()
    assert _WATCH["seen"] == []


def test_not_a_database_is_refused_through_sqlite_with_the_same_message(watch_database_files):
    db = watch_database_files
    db.write_text("这不是数据库，而是一份文本文件。" * 20, "utf-8")
    _WATCH["seen"] = []  # writing it above was the test's own doing
    with pytest.raises(StorageError, match="不是 SQLite 数据库文件") as err:
        Store(db)
    assert "--db" in err.value.message
    assert _WATCH["seen"] == []
    assert db.read_text("utf-8").startswith("这不是数据库")  # refused and left as it was


def test_backup_onto_the_database_or_its_wal_is_refused(seeded):
    before = seeded.wb.store.packages.get(complete_package(seeded.wb, seeded["writer"]).id)
    for target in (seeded.path, Path(str(seeded.path) + "-wal")):
        with pytest.raises(StorageError, match="不能备份到数据库文件本身"):
            seeded.wb.store.backup_to(target)
    reopened = Workbench.open(seeded.path)
    assert reopened.store.packages.get(before.id) == before
    reopened.close()


def test_verify_pack_on_the_database_is_refused_without_reading_it(seeded, tmp_path):
    watch(seeded.path)
    try:
        for target in (seeded.path, seeded.path.parent):  # the file, or the folder holding it
            with pytest.raises(ValidationError, match="正在使用的数据库文件"):
                seeded.wb.exports.verify_pack(target)
        assert _WATCH["seen"] == []
    finally:
        _WATCH["names"] = []
    pack = seeded.wb.exports.export(seeded["writer"], released_package(seeded).id,
                                    tmp_path / "packs", pack="press")
    assert seeded.wb.exports.verify_pack(pack.path)[1] == []  # a real pack is still read


def test_importing_the_database_file_is_refused_before_it_is_read(watch_database_files):
    db = watch_database_files
    Store(db).close()
    with pytest.raises(ImportFailed, match="不支持的文件类型“.db”"):
        read_file(db)
    assert _WATCH["seen"] == []


def test_demo_force_keeps_a_window_open_on_the_file_working(tmp_path):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    window = Store(db)  # a window left open on the demo database
    with window.transaction():
        window.set_setting("before-rebuild", 1)
    assert main(["--db", str(db), "demo", "--force"]) == 0
    with window.transaction():  # the file was not deleted under it: saving goes on
        window.set_setting("after-rebuild", 2)
    window.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = {r[0] for r in conn.execute("SELECT key FROM settings")}
        users = conn.execute("SELECT count(*) FROM users").fetchone()[0]
    finally:
        conn.close()
    assert "after-rebuild" in keys and "before-rebuild" not in keys  # the demo content replaced it
    assert users > 10
    assert not list(tmp_path.glob("*.demo-new*"))
