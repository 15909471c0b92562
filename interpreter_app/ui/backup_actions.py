"""Backing up and restoring the database from the File menu, and the automatic start-up backup.

The backup service (zip, file copies) is imported when a backup or restore is asked for: the
main window imports this module at start-up, where nothing is backed up yet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from .. import paths
from ..domain.errors import AppError, StorageError
from ..domain.model import User
from ..services.accounts import AccountService
from . import alerts
from .jobs import start_job

translate = QCoreApplication.translate


class RestoreRequest(NamedTuple):
    """A backup the administrator chose and confirmed with their password."""

    source: Path
    username: str
    password: str


def back_up(parent: QWidget, db_path: Path, user: User) -> None:
    """Ask where to save a copy of the database, then write it in the background."""
    from ..services import backup as backup_service

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    suggested = str(Path.home() / translate("backup", "workbench-backup-{stamp}.db").format(
        stamp=stamp))
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("backup", "Back up database"), suggested,
        translate("backup", "Database files (*.db)"))
    if not name:
        return
    start_job(parent, translate("backup", "Backing up the database…"), backup_service.back_up,
              db_path, Path(name), user, cancellable=False,
              on_result=lambda path: alerts.info(
                  parent, translate("backup", "Backup"),
                  translate("backup", "The database was saved to:\n{path}").format(path=path)))


def choose_backup(parent: QWidget, db_path: Path) -> Path | None:
    """Ask for a backup file, check it and confirm replacing the database; the path or None."""
    from ..services import backup as backup_service

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


def choose_restore(parent: QWidget, accounts: AccountService, user: User,
                   db_path: Path) -> RestoreRequest | None:
    """A checked backup, confirmed and authorised by the logged-in administrator's password."""
    from ..services import backup as backup_service
    from .restore_dialog import RestoreCredentialsDialog

    source = choose_backup(parent, db_path)
    if source is None:
        return None
    credentials = RestoreCredentialsDialog.ask(
        parent, source.name, user.username,
        lambda name, password: backup_service.authorize_restore(accounts, name, password))
    return None if credentials is None else RestoreRequest(source, *credentials)


def restore_database(parent: QWidget | None, request: RestoreRequest, db_path: Path) -> bool:
    """Restore the chosen backup over the database (the window is closed); reports the outcome."""
    from ..services import backup as backup_service

    try:
        done = backup_service.restore(request.source, db_path, request.username,
                                      request.password)
    except AppError as exc:
        alerts.error(parent, exc)
        return False
    _report_restored(parent, done.safety)
    return True


def restore_at_start_up(source: Path, db_path: Path) -> bool:
    """Restore `source` over a database that cannot be opened, once an administrator (of the
    backup, as no other account can be read) gives their password; whether it was restored."""
    from ..services import backup as backup_service
    from .restore_dialog import RestoreCredentialsDialog

    done: list[backup_service.Restored] = []
    credentials = RestoreCredentialsDialog.ask(
        None, source.name, None,
        lambda name, password: done.append(backup_service.restore(source, db_path, name,
                                                                  password)))
    if credentials is None or not done:
        return False
    _report_restored(None, done[0].safety)
    return True


def _report_restored(parent: QWidget | None, safety: Path | None) -> None:
    text = translate("backup", "The backup was restored.")
    if safety is not None:
        text += "\n" + translate("backup", "The previous database was kept as:\n{path}").format(
            path=safety)
    alerts.info(parent, translate("backup", "Restore from backup"), text)


def start_auto_backup(events, db_path: Path, keep: int):
    """Back up in the background after start-up; the outcome goes to the status bar."""
    from ..services import backup as backup_service
    from .worker import Worker

    worker = Worker(backup_service.auto_back_up, db_path, keep)
    worker.signals.result.connect(lambda path: path and events.status_message.emit(
        translate("backup", "Automatic backup saved: {name}").format(name=Path(path).name)))
    worker.signals.error.connect(lambda exc: events.status_message.emit(
        translate("backup", "Automatic backup failed: {reason}").format(reason=exc)))
    return worker.start()
