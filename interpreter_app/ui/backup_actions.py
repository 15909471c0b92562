"""Backing up and restoring the database from the File menu, and the automatic start-up backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from .. import paths
from ..domain.errors import StorageError
from ..services import backup as backup_service
from . import alerts
from .jobs import start_job

translate = QCoreApplication.translate


def back_up(parent: QWidget, db_path: Path, actor_id: int | None = None) -> None:
    """Ask where to save a copy of the database, then write it in the background."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    suggested = str(Path.home() / translate("backup", "workbench-backup-{stamp}.db").format(
        stamp=stamp))
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("backup", "Back up database"), suggested,
        translate("backup", "Database files (*.db)"))
    if not name:
        return
    start_job(parent, translate("backup", "Backing up the database…"), backup_service.back_up,
              db_path, Path(name), actor_id, cancellable=False,
              on_result=lambda path: alerts.info(
                  parent, translate("backup", "Backup"),
                  translate("backup", "The database was saved to:\n{path}").format(path=path)))


def choose_backup(parent: QWidget, db_path: Path) -> Path | None:
    """Ask for a backup file, check it and confirm replacing the database; the path or None."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, translate("backup", "Restore from backup"), str(paths.backups_dir(db_path)),
        translate("backup", "Database files (*.db);;All files (*)"))
    if not name:
        return None
    source = Path(name)
    try:
        backup_service.check_backup_file(source)
    except StorageError as exc:
        alerts.error(parent, exc)
        return None
    question = translate(
        "backup", "Replace the current database with the backup “{name}”?\n\nA copy of the "
        "current database is kept beside it. The application closes the window and opens the "
        "restored data.").format(name=source.name)
    if not alerts.confirm(parent, translate("backup", "Restore from backup"), question):
        return None
    return source


def restore_database(parent: QWidget | None, source: Path, db_path: Path) -> bool:
    """Restore `source` over the database (no connection may be open); reports the outcome."""
    try:
        safety = backup_service.restore(source, db_path)
    except StorageError as exc:
        alerts.error(parent, exc)
        return False
    text = translate("backup", "The backup was restored.")
    if safety is not None:
        text += "\n" + translate("backup", "The previous database was kept as:\n{path}").format(
            path=safety)
    alerts.info(parent, translate("backup", "Restore from backup"), text)
    return True


def start_auto_backup(events, db_path: Path, keep: int):
    """Back up in the background after start-up; the outcome goes to the status bar."""
    from .worker import Worker

    worker = Worker(backup_service.auto_back_up, db_path, keep)
    worker.signals.result.connect(lambda path: path and events.status_message.emit(
        translate("backup", "Automatic backup saved: {name}").format(name=Path(path).name)))
    worker.signals.error.connect(lambda exc: events.status_message.emit(
        translate("backup", "Automatic backup failed: {reason}").format(reason=exc)))
    return worker.start()
