"""Disk full, read-only file, file deleted or replaced under us: a clear message, nothing lost.

Where the test runs as root and may mount, a real 4 MB tmpfs is filled up and a real read-only
bind mount is used; elsewhere SQLite's own limits (max_page_count, query_only) cause the same
errors. In every case the committed content stays intact and can be saved elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.errors import StorageError
from interpreter_app.services.backup import open_or_recover
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package, seed, signed_package
from tests.support.dbdigest import content_digest

DISK_FULL = "磁盘空间不足"
READ_ONLY = "只读"


def _mount(*args: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def small_disk(tmp_path: Path):
    """A 4 MB filesystem of its own (tmpfs), or skip when mounting is not allowed."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)):
        pytest.skip("needs root and mount to make a small filesystem")
    try:
        yield mount_point
    finally:
        _umount(mount_point)


def fill_up(folder: Path) -> Path:
    """Write a filler file until the filesystem is full."""
    filler = folder / "filler.bin"
    # suppress outside open: closing flushes what the last write left and fails the same way
    with contextlib.suppress(OSError), open(filler, "wb") as fh:
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    return filler


def big_edit(pkg):
    return replace(pkg.document, body="新增内容，" * 60_000)


# -- disk full ---------------------------------------------------------------------------------

def test_disk_full_on_a_real_small_filesystem(tmp_path):
    with small_disk(tmp_path) as disk:
        data = seed(disk / "work.db")
        wb, writer = data.wb, data["writer"]
        pkg = complete_package(wb, writer)
        signed = signed_package(data)
        before = content_digest(wb.store.conn)
        filler = fill_up(disk)
        with pytest.raises(StorageError, match=DISK_FULL):
            wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
        with pytest.raises(StorageError, match=DISK_FULL):
            wb.review.release(writer, signed.id)
        rescued = wb.store.backup_to(tmp_path / "elsewhere.db")  # offered: save elsewhere
        filler.unlink()
        assert content_digest(wb.store.conn) == before
        assert wb.authoring.get(writer, signed.id).state == workflow.SIGNED
        assert wb.verify().ok and wb.store.db.integrity_ok()
        wb.close()
    _continue_in(rescued, writer, pkg)


def _continue_in(rescued: Path, writer, pkg) -> None:
    """The copy saved elsewhere is complete and takes the edit that could not be saved."""
    wb = Workbench.open(rescued)
    assert wb.verify().ok
    result = wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
    assert result.changed
    wb.close()


def test_disk_full_simulated_by_page_limit(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    pages = wb.store.conn.execute("PRAGMA page_count").fetchone()[0]
    wb.store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    before = content_digest(wb.store.conn)
    with pytest.raises(StorageError, match=DISK_FULL) as err:
        wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
    assert "full" not in str(err.value) and "另存" in err.value.message
    assert content_digest(wb.store.conn) == before
    assert wb.authoring.get(writer, pkg.id).document.body == pkg.document.body


# -- read-only -------------------------------------------------------------------------------

@contextlib.contextmanager
def read_only_view(source: Path, tmp_path: Path):
    """The folder `source` seen through a read-only bind mount, or skip."""
    view = tmp_path / "ro"
    view.mkdir()
    if not _mount("--bind", str(source), str(view)):
        pytest.skip("needs root and mount for a read-only bind mount")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(view)],
                          capture_output=True).returncode != 0:
            pytest.skip("read-only remount refused")
        yield view
    finally:
        _umount(view)


def test_database_on_read_only_medium_is_refused_clearly(seeded, tmp_path):
    seeded.wb.close()
    before = content_digest(seeded.path)
    with read_only_view(seeded.path.parent, tmp_path) as view:
        with pytest.raises(StorageError, match=READ_ONLY) as err:
            Workbench.open(view / seeded.path.name)
        assert str(view) in err.value.message
    assert content_digest(seeded.path) == before
    seeded.wb = Workbench.open(seeded.path)


def test_saving_through_a_read_only_mount_is_refused_clearly(seeded, tmp_path):
    writer = seeded["writer"]
    pkg = complete_package(seeded.wb, writer)  # the first instance keeps -wal and -shm in place
    before = content_digest(seeded.path)
    with read_only_view(seeded.path.parent, tmp_path) as view:
        wb = Workbench.open(view / seeded.path.name)
        try:
            assert wb.authoring.get(writer, pkg.id).title == pkg.title  # reading still works
            with pytest.raises(StorageError, match=READ_ONLY):
                wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
        finally:
            wb.close()
    assert content_digest(seeded.path) == before


def test_read_only_connection_refuses_every_write_clearly(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    signed = signed_package(seeded)
    before = content_digest(seeded.path)
    wb.store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError, match=READ_ONLY):
        wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
    with pytest.raises(StorageError, match=READ_ONLY):
        wb.review.release(writer, signed.id)
    with pytest.raises(StorageError, match=READ_ONLY):
        wb.accounts.login("writer", "wrong-password")  # even the failed-login counter
    assert content_digest(seeded.path) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root ignores file permissions (the mount tests cover root)")
def test_read_only_file_permissions_are_refused_clearly(seeded):
    writer = seeded["writer"]
    pkg = complete_package(seeded.wb, writer)
    seeded.wb.close()
    seeded.path.chmod(0o444)
    try:
        with pytest.raises(StorageError, match=READ_ONLY):
            wb = Workbench.open(seeded.path)  # refused here, or at the first save
            try:
                wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
            finally:
                wb.close()
    finally:
        seeded.path.chmod(0o644)
    seeded.wb = Workbench.open(seeded.path)


# -- deleted or replaced under us -----------------------------------------------------------

def test_database_deleted_while_open_is_detected_and_rescued(seeded, tmp_path):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    committed = wb.store.packages.ids()
    seeded.path.unlink()
    with pytest.raises(StorageError, match="已被删除或移走") as err:
        wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
    assert "未保存" in err.value.message
    rescued = wb.store.backup_to(tmp_path / "rescued.db")  # the open file still holds it all
    check = Workbench.open(rescued)
    assert check.store.packages.ids() == committed and check.verify().ok
    assert check.authoring.save_document(writer, pkg.id, big_edit(pkg),
                                         pkg.document_version).changed
    check.close()
    with pytest.raises(StorageError, match="日志文件"):
        Workbench.open(seeded.path)  # the orphaned -wal must not be replayed into a new file
    wb.close()
    assert not seeded.path.exists()
    seeded.wb = Workbench.create(tmp_path / "unused.db")


def test_missing_database_at_start_up_is_reported_with_its_backup(seeded, tmp_path):
    backups = tmp_path / "backups"
    seeded.wb.store.backup_to(backups / "auto-20260101-090000.db")
    seeded.wb.close()
    seeded.path.unlink()
    opened = open_or_recover(seeded.path, backups)
    assert opened.workbench is None and "不存在" in opened.problem
    assert opened.candidate == backups / "auto-20260101-090000.db"
    assert not seeded.path.exists()  # nothing created silently
    expected = open_or_recover(seeded.path, tmp_path / "no-backups", expect_existing=True)
    assert expected.workbench is None and "不存在" in expected.problem
    assert not seeded.path.exists()
    seeded.wb = Workbench.create(tmp_path / "unused.db")


def test_database_replaced_by_a_restore_elsewhere_refuses_stale_writes(seeded, tmp_path):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    copy = wb.store.backup_to(tmp_path / "copy.db")
    os.replace(copy, seeded.path)  # what restore in another window does
    with pytest.raises(StorageError, match="已被替换"):
        wb.authoring.save_document(writer, pkg.id, big_edit(pkg), pkg.document_version)
    wb.close()
    seeded.wb = Workbench.open(seeded.path)
    assert seeded.wb.authoring.get(writer, pkg.id).document.body == pkg.document.body


def test_nothing_half_written_when_the_disk_fills_during_sign_off(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    pages = wb.store.conn.execute("PRAGMA page_count").fetchone()[0]
    wb.store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match=DISK_FULL):
        wb.review.sign(seeded["leader"], pkg.id, PASSWORD)
    wb.store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert wb.store.records.signoffs(pkg.id) == []
    assert wb.authoring.get(seeded["writer"], pkg.id).state == workflow.AWAITING_SIGNOFF
    assert wb.verify().ok
    assert sqlite3.connect(seeded.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_worker_opening_a_database_deleted_meanwhile_is_refused_not_given_an_empty_one(
        seeded, tmp_path):
    """The window's export and statistics workers open the database by path."""
    seeded.wb.close()
    seeded.path.rename(tmp_path / "moved.db")
    with pytest.raises(StorageError, match="不存在"):
        Workbench.open(seeded.path)
    assert not seeded.path.exists()
    seeded.wb = Workbench.open(tmp_path / "moved.db")
