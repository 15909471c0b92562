"""Start-up: the automatic backup, recovery from a damaged database, the database path."""

from __future__ import annotations

from pathlib import Path

from interpreter_app import paths
from interpreter_app.services import backup as backup_service
from interpreter_app.ui.backup_actions import start_auto_backup
from interpreter_app.ui.startup import database_path, open_workbench


def test_automatic_backup_runs_in_a_worker(qtbot, seeded, events):
    messages = []
    events.status_message.connect(messages.append)
    worker = start_auto_backup(events, seeded.path, 3)
    with qtbot.waitSignal(worker.signals.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(messages), timeout=2000)
    assert len(backup_service.list_backups(paths.backups_dir(seeded.path))) == 1


def test_damaged_database_is_restored_from_the_newest_good_backup(seeded, alert_log):
    path = Path(seeded.path)
    backup_service.auto_backup(seeded.wb.store, paths.backups_dir(path))
    seeded.wb.close()
    path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    alert_log.confirm_answer = True
    workbench = open_workbench(path)
    assert workbench is not None
    seeded.wb = workbench  # the fixture closes it
    assert workbench.accounts.user("writer").username == "writer"
    assert alert_log.kinds()[:2] == ["confirm", "info"]


def test_damaged_database_without_backup_is_reported(tmp_path, alert_log):
    path = tmp_path / "broken.db"
    path.write_bytes(b"garbage" * 1000)
    assert open_workbench(path) is None
    assert alert_log.kinds() == ["error"]


def test_demo_database_lives_in_the_data_folder_unless_given(tmp_path):
    assert database_path(None, True) == paths.data_dir() / "demo.db"
    assert database_path(tmp_path / "x.db", True) == tmp_path / "x.db"
    assert database_path(None, False) == paths.default_db_path()


def test_a_database_deleted_under_its_backups_is_offered_back_not_replaced_by_an_empty_one(
        seeded, alert_log):
    path = Path(seeded.path)
    backup_service.auto_backup(seeded.wb.store, paths.backups_dir(path))
    seeded.wb.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    alert_log.confirm_answer = False
    assert open_workbench(path) is None
    assert alert_log.kinds() == ["confirm"] and "不存在" in alert_log.texts()
    assert not path.exists()
    alert_log.confirm_answer = True
    workbench = open_workbench(path)
    assert workbench is not None
    seeded.wb = workbench
    assert workbench.accounts.user("writer").username == "writer"


def test_a_new_installation_simply_gets_a_new_database(tmp_path, alert_log):
    workbench = open_workbench(tmp_path / "new" / "workbench.db")
    assert workbench is not None and alert_log.kinds() == []
    assert workbench.accounts.needs_first_admin()
    workbench.close()
