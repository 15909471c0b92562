"""The administrator's password before a backup replaces the database."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError

# Called with (user name, password) when the dialog is accepted; raises AppError to refuse.
Check = Callable[[str, str], object]


class RestoreCredentialsDialog(QDialog):
    """User name (fixed when an administrator is logged in) and password; the check's refusal
    stays in the dialog with the password cleared."""

    def __init__(self, backup_name: str, username: str | None, check: Check,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setObjectName("restoreCredentialsDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("Restoring “{name}” replaces the current database. An "
                               "administrator's password is required.").format(name=backup_name),
                       self)
        intro.setWordWrap(True)
        self.username = QLineEdit(username or "", self)
        self.username.setObjectName("usernameEdit")
        self.username.setReadOnly(bool(username))
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Administrator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def accept(self) -> None:
        """Run the check; close only when it passes."""
        name = self.username.text().strip()
        if not name:
            self._show(self.tr("Please enter the administrator's user name."))
            return
        try:
            self.check(name, self.password.text())
        except AppError as exc:
            self._show(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @classmethod
    def ask(cls, parent: QWidget | None, backup_name: str, username: str | None,
            check: Check) -> tuple[str, str] | None:
        """(user name, password) that passed the check, or None when cancelled."""
        dialog = cls(backup_name, username, check, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.username.text().strip(), dialog.password.text()
