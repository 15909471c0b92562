"""The log-in dialog: user name (the last one remembered), password and the reason a log-in fails."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AuthError
from ..domain.model import User
from ..services.accounts import AccountService
from .settings import AppSettings


class LoginDialog(QDialog):
    """Checks the password through the account service; shows its Chinese reason on failure."""

    def __init__(self, accounts: AccountService, settings: AppSettings, hint: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.settings = accounts, settings
        self.user: User | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in — Policy Interpretation Workbench"))
        self.setMinimumWidth(440)
        self.username = QLineEdit(settings.last_user, self)
        self.username.setObjectName("usernameEdit")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._layout(hint)
        (self.password if self.username.text() else self.username).setFocus()

    def _layout(self, hint: str | None) -> None:
        heading = QLabel(self.tr("Policy Interpretation Workbench"), self)
        heading.setObjectName("loginHeading")
        sub = QLabel(self.tr("Document, plan and materials: drafted, signed and released together"),
                     self)
        sub.setObjectName("loginSubheading")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(sub)
        layout.addSpacing(6)
        layout.addLayout(form)
        if hint:
            layout.addWidget(self._hint(hint))
        layout.addWidget(buttons)

    def _hint(self, hint: str) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("hintFrame")
        label = QLabel(hint, frame)
        label.setObjectName("hintLabel")
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        inner = QVBoxLayout(frame)
        inner.addWidget(label)
        return frame

    def show_error(self, text: str) -> None:
        """Show why the log-in failed, under the fields."""
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        """Log in; stay open with the reason when the service refuses."""
        name = self.username.text().strip()
        if not name:
            self.show_error(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        try:
            self.user = self.accounts.login(name, self.password.text())
        except AuthError as exc:
            self.show_error(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.settings.last_user = name
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService, settings: AppSettings,
            hint: str | None = None) -> User | None:
        """The logged-in user, or None when the dialog was closed."""
        dialog = cls(accounts, settings, hint, parent)
        return dialog.user if dialog.exec() == QDialog.Accepted else None
