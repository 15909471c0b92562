"""What the main window's menu and toolbar actions do: each one opens a dialog or a job.

Each dialog module is imported when its action is first used: none is needed to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit

from ..domain import permissions
from . import alerts, backup_actions
from .main_actions import MainActions

if TYPE_CHECKING:
    from ..domain.model import User
    from ..services.workbench import Workbench
    from .events import AppEvents
    from .settings import AppSettings
    from .stats_view import StatsWindow


class _SearchHolder(Protocol):
    search: QLineEdit


class _Saver(Protocol):
    def save_now(self) -> bool: ...
    def reload(self) -> None: ...


class CommandHost(Protocol):
    """What the handlers need of the window they serve (the main window provides it)."""

    workbench: Workbench
    user: User
    settings: AppSettings
    events: AppEvents
    db_path: Path | str
    packages: _SearchHolder
    workspace: _Saver
    restore_source: backup_actions.RestoreRequest | None
    switch_to: Path | str | None
    log_out_requested: Any

    def current_package_id(self) -> int | None: ...
    def refresh(self) -> None: ...
    def close(self) -> bool: ...


class MainCommands(QObject):
    """The handlers behind the main window's actions."""

    def __init__(self, window: CommandHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window owns its handlers
        self.window = window
        self.stats_window: StatsWindow | None = None

    def connect_actions(self, a: MainActions) -> None:
        """Wire every action to its handler and enable what this user may do."""
        w = self.window
        pairs = ((a.new_package, self.new_package), (a.import_file, self.import_file),
                 (a.export, self.export), (a.import_review, self.import_review),
                 (a.backup, self.backup), (a.restore, self.restore),
                 (a.connect_server, self.connect_server),
                 (a.quit, w.close), (a.save, self.save), (a.find, self.find),
                 (a.refresh, w.refresh), (a.statistics, self.statistics),
                 (a.users, self.users), (a.departments, self.departments),
                 (a.routes, self.routes),
                 (a.time_limit, self.time_limit), (a.holidays, self.holidays),
                 (a.about, self.about),
                 (a.change_password, self.change_password), (a.log_out, self.log_out))
        for action, handler in pairs:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        a.lang_zh.setChecked(w.settings.language == "zh_CN")
        a.lang_en.setChecked(w.settings.language == "en")
        a.lang_zh.triggered.connect(lambda: self.set_language("zh_CN"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        may_create = permissions.may(w.user, permissions.CREATE)
        a.new_package.setEnabled(may_create)
        a.import_file.setEnabled(may_create)
        a.export.setEnabled(False)
        a.import_review.setEnabled(False)
        for action in (a.backup, a.restore):
            action.setVisible(permissions.may(w.user, permissions.BACKUP))
        # A server's database is restored by its administrator (pg_restore), not by one desk.
        a.restore.setEnabled(not w.workbench.is_server)

    def log_out(self) -> None:
        """注销/切换用户: whoever runs the window (ui/desk.py) logs the next user in."""
        self.window.log_out_requested.emit()

    def change_password(self) -> None:
        """The user sets a new password for their own account."""
        w = self.window
        from .admin_forms import ChangePasswordForm

        if ChangePasswordForm.ask(w, w.workbench.accounts, w.user):
            w.events.status_message.emit(self.tr("Password changed"))

    # -- packages -----------------------------------------------------------------------------
    def new_package(self) -> None:
        """Create a package and open it."""
        w = self.window
        from .new_package_dialog import NewPackageDialog

        package = NewPackageDialog.ask(w, w.workbench, w.user)
        if package is not None:
            w.events.packages_changed.emit()
            w.events.package_opened.emit(package.id)

    def import_file(self, path: Path | None = None) -> None:
        """Create a package from a file (chosen here when not given) and open it."""
        w = self.window
        from .import_dialog import ImportDialog

        package = ImportDialog.ask(w, w.workbench, w.user, path)
        if package is not None:
            w.events.packages_changed.emit()
            w.events.package_opened.emit(package.id)

    def export(self) -> None:
        """Export the open package."""
        w = self.window
        package_id = w.current_package_id()
        if package_id is None:
            return
        from .export_dialog import ExportDialog, run_export

        options = ExportDialog.ask(w, w.workbench, w.user, package_id, w.settings.export_dir)
        if options is not None:
            w.settings.export_dir = str(options.out_dir)
            run_export(w, w.db_path, w.user, package_id, options)

    def import_review(self) -> None:
        """Bring an edited 征求意见稿 back into the open package, then show what came in."""
        w = self.window
        package_id = w.current_package_id()
        if package_id is None or not w.workspace.save_now():
            return
        from .review_import_dialog import run_review_import

        def done(_report) -> None:
            w.workspace.reload()  # the comments and changes the file brought
            w.events.package_changed.emit(package_id)

        run_review_import(w, w.db_path, w.user, package_id, on_done=done)

    def save(self) -> None:
        """Save the open package now."""
        self.window.workspace.save_now()

    def find(self) -> None:
        """Put the cursor in the search box."""
        search = self.window.packages.search
        search.setFocus()
        search.selectAll()

    # -- data ---------------------------------------------------------------------------------
    def backup(self) -> None:
        """Save a copy of the database."""
        backup_actions.back_up(self.window, self.window.db_path, self.window.user)

    def connect_server(self) -> None:
        """Choose the server (or this computer's database): the window reopens on it."""
        from .. import paths
        from .server_dialog import ServerDialog, local_choice

        w = self.window
        choice = ServerDialog.ask(w, w.settings)
        if choice is None:
            return
        target = paths.default_db_path() if local_choice(choice) else choice
        if str(target) == str(w.db_path):
            return
        w.switch_to = target
        if not w.close():
            w.switch_to = None

    def restore(self) -> None:
        """Replace the database with a backup: the window closes and the application reopens."""
        w = self.window
        request = backup_actions.choose_restore(w, w.workbench.accounts, w.user, w.db_path)
        if request is not None:
            w.restore_source = request
            if not w.close():
                w.restore_source = None

    def statistics(self) -> None:
        """Open (or raise) the statistics window."""
        from .stats_view import StatsWindow

        w = self.window
        if self.stats_window is None:
            self.stats_window = StatsWindow(w.db_path, w.user, w.workbench.accounts.departments(),
                                            w)
        self.stats_window.show()
        self.stats_window.raise_()
        self.stats_window.activateWindow()

    # -- administration and help --------------------------------------------------------------
    def users(self) -> None:
        """Manage user accounts."""
        w = self.window
        from .admin_dialogs import UsersDialog

        UsersDialog.ask(w, w.workbench.accounts, w.user)

    def departments(self) -> None:
        """Manage departments."""
        w = self.window
        from .admin_dialogs import DepartmentsDialog

        DepartmentsDialog.ask(w, w.workbench.accounts, w.user)

    def routes(self) -> None:
        """Define the departments' approval routes."""
        w = self.window
        from .route_dialog import RoutesDialog

        RoutesDialog.ask(w, w.workbench.routes, w.workbench.accounts, w.user)

    def time_limit(self) -> None:
        """Set the interpretation time limit that plans show and statistics count by."""
        w = self.window
        from .admin_forms import TimelinessLimitForm

        if TimelinessLimitForm.ask(w, w.workbench.statistics, w.user):
            w.events.status_message.emit(self.tr("Time limit saved: {days} working days").format(
                days=w.workbench.statistics.limit_days()))

    def holidays(self) -> None:
        """Enter a year's official holidays and the weekends worked in exchange."""
        import datetime as dt

        from .admin_forms import HolidaysForm

        w = self.window
        if HolidaysForm.ask(w, w.workbench.statistics, w.user, dt.date.today().year):
            w.events.status_message.emit(self.tr("Holidays saved"))

    def about(self) -> None:
        """Version, data location and licences."""
        from .about_dialog import AboutDialog

        AboutDialog.ask(self.window, self.window.db_path)

    def close_windows(self) -> None:
        """Close the windows opened from the main window (statistics)."""
        if self.stats_window is not None:
            self.stats_window.close()

    def set_language(self, language: str) -> None:
        """Remember the interface language; it applies at the next start."""
        w = self.window
        if w.settings.language == language:
            return
        w.settings.language = language
        alerts.info(w, self.tr("Language"),
                    self.tr("The new language is used the next time the application starts."))
