"""The desk: the main window of whoever is logged in. 注销/切换用户 saves and closes that user's
work, asks for the next log-in and opens their window, without restarting the application."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..domain.model import User
from ..services.workbench import Workbench
from .events import AppEvents
from .main_window import MainWindow
from .settings import AppSettings


class Desk(QObject):
    """Holds the current main window and replaces it when the user logs out."""

    def __init__(self, workbench: Workbench, settings: AppSettings, hint: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.settings, self.hint = workbench, settings, hint
        self.window: MainWindow | None = None

    def open(self, user: User, events: AppEvents | None = None) -> MainWindow:
        """Show the main window of a user who has just logged in."""
        window = MainWindow(self.workbench, user, events or AppEvents(), self.settings)
        window.log_out_requested.connect(self.switch_user)
        window.show()
        window.activateWindow()  # the keyboard goes to the window, not to where the
        window.raise_()          # log-in dialog was
        QTimer.singleShot(0, window.offer_recovery)  # once the window is up
        self.window = window
        return window

    def switch_user(self) -> User | None:
        """Save and close the current user's work, log the next user in and open their window.

        Nothing happens when the open package's edits can neither be saved nor discarded.
        When the log-in is cancelled the window closes and the application ends."""
        from .startup import authenticate

        old = self.window
        if old is None or not old.close_workspace():
            return None
        old.setEnabled(False)  # stays in sight behind the log-in, its work closed
        self.workbench.accounts.log_out()
        user = authenticate(self.workbench, self.settings, self.hint)
        if user is not None:
            self.open(user)
        else:
            self.window = None
        old.close()
        old.deleteLater()
        return user
