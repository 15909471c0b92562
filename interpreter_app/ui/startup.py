"""Before the main window: the demo database, opening with recovery, first run and log-in."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import paths
from ..domain.errors import AppError, StorageError
from ..domain.model import User
from ..services.workbench import Workbench
from . import alerts
from .jobs import run_and_wait
from .settings import AppSettings

translate = QCoreApplication.translate
DEMO_FILE = "demo.db"


def database_path(db: str | Path | None, demo: bool,
                  settings: AppSettings | None = None) -> Path | str:
    """--db when given, else the demo database, INTERPRETER_DB, the server this computer
    connects to (settings), or the usual file in the data folder."""
    if db is not None:
        address = paths.database_address(str(db))
        return address.expanduser() if isinstance(address, Path) else address
    if demo:
        return paths.data_dir() / DEMO_FILE
    if not os.environ.get("INTERPRETER_DB") and settings is not None and settings.server_address:
        return settings.server_address
    return paths.default_db_path()


def first_start(db: str | Path | None, demo: bool, settings: AppSettings) -> bool:
    """Whether nothing names a database yet: no --db, no INTERPRETER_DB, no demo, no server
    chosen before and no local database (the first start on this computer)."""
    return (db is None and not demo and not os.environ.get("INTERPRETER_DB")
            and not settings.server_address and not paths.default_db_path().exists())


def choose_first_database(settings: AppSettings) -> Path | str | None:
    """At the first start: this computer's database, or the department's server."""
    from .server_dialog import ServerDialog, local_choice

    choice = ServerDialog.ask(None, settings, first_run=True)
    if choice is None:
        return None
    return paths.default_db_path() if local_choice(choice) else choice


def build_demo_database(path: Path | str, *, show_progress: bool) -> None:
    """Create the demo database when it does not exist yet (about two seconds)."""
    from ..services.demo import build_demo

    if not isinstance(path, Path) or path.exists():
        return  # a server database gets its demo from interpreter-cli demo
    path.parent.mkdir(parents=True, exist_ok=True)
    if show_progress:
        run_and_wait(None, translate("startup", "Creating the demo database…"), build_demo, path)
    else:
        build_demo(path)


def open_workbench(db_path: Path | str, settings: AppSettings | None = None) -> Workbench | None:
    """Open the database; when it is damaged or gone, offer the newest good automatic backup.

    A server that cannot be reached, or that wants a password, brings up 连接服务器 with the
    reason, until it connects or the user gives up.
    """
    if not isinstance(db_path, Path):
        return _open_server(db_path, settings or AppSettings())
    from ..services import backup as backup_service

    db_path.parent.mkdir(parents=True, exist_ok=True)
    opened = backup_service.open_or_recover(db_path)
    if opened.workbench is not None:
        return opened.workbench
    return _recover(db_path, opened.problem or "", opened.candidate)


def _open_server(address: str, settings: AppSettings) -> Workbench | None:
    from .server_dialog import ServerDialog, local_choice

    while True:
        try:
            return run_and_wait(None, translate("startup", "Connecting to the server…"),
                                Workbench.open, address)
        except StorageError as exc:
            choice = ServerDialog.ask(None, settings, reason=exc.message)
        if choice is None:
            return None
        if local_choice(choice):
            return open_workbench(paths.default_db_path())
        address = choice


def _recover(db_path: Path, problem: str, backup: Path | None) -> Workbench | None:
    from .backup_actions import restore_database

    title = translate("startup", "The database cannot be opened")
    if backup is None:
        alerts.error(None, StorageError(problem), title)
        return None
    question = problem + "\n\n" + translate(
        "startup", "An intact automatic backup exists: {name}. Restore it now? The damaged file "
        "is kept beside the database.").format(name=backup.name)
    if not alerts.confirm(None, title, question, default_yes=True):
        return None
    if not restore_database(None, backup, db_path):
        return None
    try:
        return Workbench.open(db_path)
    except StorageError as again:
        alerts.error(None, again, title)
        return None


def demo_hint() -> str:
    """The demo accounts and their password, as rich text for the log-in dialog."""
    import html

    from ..services.demo import DEMO_PASSWORD, demo_accounts
    from .labels import role_label

    rows = []
    for account in demo_accounts()[:6]:
        roles = "、".join(role_label(r) for r in account.roles.split(","))
        rows.append(f"<tr><td><b>{html.escape(account.username)}</b></td>"
                    f"<td>&nbsp;{html.escape(account.name)}</td><td>&nbsp;{html.escape(roles)}</td></tr>")
    intro = translate("startup", "Demo accounts (password for all: {password}):").format(
        password=DEMO_PASSWORD)
    more = translate("startup", "Other departments: the same names with the prefix fgw- or zwj-.")
    return f"{html.escape(intro)}<table>{''.join(rows)}</table>{html.escape(more)}"


def show_fingerprint(workbench: Workbench) -> None:
    """Tell the new administrator the root key's fingerprint, to write on the setup sheet."""
    from ..domain.signatures import grouped

    fp = workbench.trust.fingerprint()
    if fp:
        alerts.info(None, translate("startup", "Department root key"), translate(
            "startup", "The department's root key was created. Write its fingerprint on the "
            "setup sheet and publish it, so that anyone can check exported packs:\n\n{fp}\n\n"
            "It is also in this computer's trust file; copy that file to the department's "
            "other computers.").format(fp=grouped(fp)))


def authenticate(workbench: Workbench, settings: AppSettings, hint: str | None) -> User | None:
    """First run (create the administrator) or the log-in dialog; None when cancelled."""
    # Imported here: --screenshot and the usual start never show the wizard.
    from .first_run import FirstRunWizard
    from .login import LoginDialog

    if workbench.accounts.needs_first_admin():
        admin = FirstRunWizard.ask(None, workbench.accounts)
        if admin is not None:
            settings.last_user = admin.username
            with contextlib.suppress(AppError, OSError):
                workbench.trust.pin()  # the administrator's own machine trusts the new root
            show_fingerprint(workbench)
        return admin
    return LoginDialog.ask(None, workbench.accounts, settings, hint)
