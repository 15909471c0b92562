"""Backups: the daily automatic backup, restore end to end, and a corrupt database at start-up."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain import workflow
from interpreter_app.services.backup import auto_backup, list_backups, open_or_recover, restore
from interpreter_app.services.workbench import Workbench
from interpreter_app.store import schema
from interpreter_app.store.db import SQLITE_HEADER
from tests.factories import PASSWORD, complete_package, released_package, seed
from tests.support.dbdigest import content_digest

BTREE_PAGE_TYPES = {0x02, 0x05, 0x0A, 0x0D}


def backup_at(store, folder: Path, when: dt.datetime, keep: int = 10) -> Path | None:
    """auto_backup as if the clock read `when` (the file's time follows the clock)."""
    made = auto_backup(store, folder, keep, now=when)
    if made is not None:
        os.utime(made, (when.timestamp(), when.timestamp()))
    return made


def test_automatic_backup_is_made_once_a_day_however_often_it_is_asked(seeded, tmp_path):
    folder, start = tmp_path / "backups", dt.datetime(2026, 3, 2, 8, 30)
    made = [backup_at(seeded.wb.store, folder, start + dt.timedelta(hours=h)) for h in range(0, 72)]
    times = [start + dt.timedelta(hours=h) for h, m in enumerate(made) if m is not None]
    assert times == [start, start + dt.timedelta(hours=20), start + dt.timedelta(hours=40),
                     start + dt.timedelta(hours=60)]


def test_automatic_backup_keeps_the_newest_n_over_weeks(seeded, tmp_path):
    folder, start = tmp_path / "backups", dt.datetime(2026, 3, 2, 8, 30)
    for day in range(15):
        assert backup_at(seeded.wb.store, folder, start + dt.timedelta(days=day), keep=10)
    names = [p.name for p in list_backups(folder)]
    assert len(names) == 10
    assert names[0] == "auto-20260316-083000.db" and names[-1] == "auto-20260307-083000.db"


def test_backup_dated_in_the_future_does_not_stop_backups(seeded, tmp_path):
    folder, now = tmp_path / "backups", dt.datetime(2026, 3, 2, 8, 30)
    backup_at(seeded.wb.store, folder, now + dt.timedelta(days=30))  # made before the clock was set back
    assert backup_at(seeded.wb.store, folder, now) is not None


def test_backup_and_restore_end_to_end_through_the_cli(seeded, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    wb = seeded.wb
    kept = complete_package(wb, seeded["writer"])
    backup = tmp_path / "saved" / "monday.db"
    assert main(["--db", str(seeded.path), "backup", str(backup)]) == 0
    expected = content_digest(backup)
    later = released_package(seeded)  # work after the backup, to be rolled back
    wb.close()
    assert main(["--db", str(seeded.path), "restore", str(backup)]) == 0
    assert "已从" in capsys.readouterr().out
    assert content_digest(seeded.path) == expected
    seeded.wb = wb = Workbench.open(seeded.path)
    assert wb.store.packages.ids() == [kept.id] and wb.verify().ok
    assert main(["--db", str(seeded.path), "verify"]) == 0
    safety = list(seeded.path.parent.glob(f"{seeded.path.name}.before-restore-*.bak"))
    assert len(safety) == 1  # the replaced database was kept, with the later release in it
    saved = Workbench.open(safety[0])
    assert saved.store.packages.get(later.id).state == workflow.RELEASED
    saved.close()


def _corrupt_a_page_in_the_middle(path: Path) -> None:
    """Overwrite half of a b-tree page near the middle of the file; the header stays intact."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    for page in sorted(range(2, pages), key=lambda p: abs(p - pages // 2)):
        start = page * page_size
        if data[start] in BTREE_PAGE_TYPES:
            noise = random.Random(page).randbytes(page_size // 2)
            data[start:start + len(noise)] = noise
            path.write_bytes(bytes(data))
            return
    raise AssertionError("no b-tree page found")


@pytest.fixture
def busy_database(tmp_path) -> Path:
    """A closed database of several hundred pages with packages in every state."""
    data = seed(tmp_path / "work.db")
    for _ in range(6):
        pkg = complete_package(data.wb, data["writer"])
        data.wb.authoring.save_document(data["writer"], pkg.id,
                                        replace(pkg.document, body=pkg.document.body * 40),
                                        pkg.document_version)
    released_package(data)
    data.wb.close()
    return data.path


def test_corrupt_database_at_start_up_is_detected_and_newest_good_backup_offered(busy_database,
                                                                                 tmp_path):
    folder = tmp_path / "backups"
    wb = Workbench.open(busy_database)
    older = wb.store.backup_to(folder / "auto-20260301-080000.db")
    good = wb.store.backup_to(folder / "auto-20260302-080000.db")
    wb.close()
    broken = folder / "auto-20260303-080000.db"
    broken.write_bytes(good.read_bytes())
    _corrupt_a_page_in_the_middle(broken)  # the newest backup is damaged too
    _corrupt_a_page_in_the_middle(busy_database)
    assert busy_database.read_bytes()[:16] == SQLITE_HEADER
    opened = open_or_recover(busy_database, folder)
    assert opened.workbench is None and "完整性检查未通过" in opened.problem
    assert opened.candidate == good and older.exists()
    restore(opened.candidate, busy_database)
    recovered = open_or_recover(busy_database, folder)
    assert recovered.problem is None and recovered.workbench.verify().ok
    assert content_digest(recovered.workbench.store.conn) == content_digest(good)
    recovered.workbench.close()


def test_file_that_is_no_longer_a_database_offers_the_backup(busy_database, tmp_path):
    folder = tmp_path / "backups"
    wb = Workbench.open(busy_database)
    good = wb.store.backup_to(folder / "auto-20260302-080000.db")
    wb.close()
    busy_database.write_bytes(b"\0" * 8192)  # zeroed by a failing disk
    opened = open_or_recover(busy_database, folder)
    assert opened.workbench is None and opened.candidate == good


def test_database_newer_than_the_program_offers_no_backup(busy_database, tmp_path):
    folder = tmp_path / "backups"
    wb = Workbench.open(busy_database)
    wb.store.backup_to(folder / "auto-20260302-080000.db")
    wb.close()
    conn = sqlite3.connect(busy_database)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    opened = open_or_recover(busy_database, folder)
    assert opened.workbench is None and "升级" in opened.problem and opened.candidate is None


def test_sound_database_and_first_run_open_without_a_problem(busy_database, tmp_path):
    opened = open_or_recover(busy_database, tmp_path / "backups")
    assert opened.problem is None and opened.workbench.store.packages.ids()
    opened.workbench.close()
    fresh = open_or_recover(tmp_path / "new" / "work.db", tmp_path / "new" / "backups")
    assert fresh.problem is None and fresh.workbench.accounts.needs_first_admin()
    fresh.workbench.close()


def test_a_backup_from_the_window_or_the_cli_is_one_service_call_recorded_with_its_user(
        seeded, tmp_path):
    from interpreter_app.services.backup import back_up

    admin = seeded["admin"]
    made = back_up(seeded.path, tmp_path / "by-admin.db", admin.id)
    assert main(["--db", str(seeded.path), "backup", str(tmp_path)]) == 0
    events = [e for e in seeded.wb.store.audit_events() if e.action == "backup"]
    assert [(e.actor_id, json.loads(e.detail)["path"]) for e in events][0] == (admin.id, str(made))
    assert len(events) == 2 and events[1].actor_id is None
    assert Path(json.loads(events[1].detail)["path"]).parent == tmp_path
    assert seeded.wb.store.verify_audit_chain() == []


def test_backing_up_a_database_that_does_not_exist_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert main(["--db", str(missing), "backup", str(tmp_path / "copy.db")]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "copy.db").exists()
