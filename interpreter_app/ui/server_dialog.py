"""连接服务器: the address of the department's PostgreSQL server, checked before it is used.

The address is remembered in the user's settings without the password; the password is asked
for each time and kept in memory only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError
from ..services import connection
from .jobs import run_and_wait
from .settings import AppSettings

LOCAL = "local"  # the answer of "use this computer's database"
SSL_MODES = ("prefer", "require", "verify-full", "disable")


class ServerDialog(QDialog):
    """Host, port, database, user, password and TLS mode; 连接 tries them before accepting."""

    def __init__(self, settings: AppSettings, *, first_run: bool = False, reason: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.address: str | None = None
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        self.setMinimumWidth(480)
        saved = connection.address_parts(settings.server_address) if settings.server_address \
            else {"host": "", "port": 5432, "database": "", "user": "", "sslmode": ""}
        self.host = QLineEdit(str(saved["host"]), self)
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(int(saved["port"]))
        self.database = QLineEdit(str(saved["database"]), self)
        self.user = QLineEdit(str(saved["user"]), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.sslmode = QComboBox(self)
        self.sslmode.addItems(SSL_MODES)
        self.sslmode.setCurrentText(str(saved["sslmode"]) or "prefer")
        self.error_label = QLabel(reason, self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(reason))
        self._layout(first_run)
        (self.password if self.host.text() else self.host).setFocus()

    def _layout(self, first_run: bool) -> None:
        intro = QLabel(self.tr(
            "Writers, reviewers and leaders at different computers work on one database on "
            "the department's PostgreSQL server. Ask the administrator for the address.")
            if not first_run else self.tr(
            "Where should this computer keep its data? On this computer alone, or on the "
            "department's PostgreSQL server shared by every desk."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Encryption (sslmode)"), self.sslmode)
        note = QLabel(self.tr("The password is not saved: it is asked for at each start."), self)
        note.setObjectName("hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Connect"))
        test = QPushButton(self.tr("Test connection"), self)
        buttons.addButton(test, QDialogButtonBox.ActionRole)
        test.clicked.connect(self._test)
        local = QPushButton(self.tr("Use this computer's database"), self)
        local.setObjectName("useLocalButton")
        buttons.addButton(local, QDialogButtonBox.ResetRole)
        local.clicked.connect(self._use_local)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def entered_address(self) -> str:
        """The address the fields make, with the password (kept in memory only)."""
        return connection.server_address(
            self.host.text(), self.port.value(), self.database.text(), self.user.text(),
            self.password.text(), "" if self.sslmode.currentText() == "prefer"
            else self.sslmode.currentText())

    def _missing(self) -> str:
        if not self.host.text().strip():
            return self.tr("Enter the server's name or address.")
        if not self.database.text().strip():
            return self.tr("Enter the database name.")
        if not self.user.text().strip():
            return self.tr("Enter the user name.")
        return ""

    def _try(self) -> bool:
        missing = self._missing()
        if missing:
            self._show_error(missing)
            return False
        try:
            run_and_wait(self, self.tr("Connecting to the server…"), connection.check_connection,
                         self.entered_address())
        except AppError as exc:
            self._show_error(exc.message)
            return False
        return True

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _test(self) -> None:
        if self._try():
            self._show_error("")
            self.error_label.setText(self.tr("Connected: the server answers and the database is "
                                             "ready."))
            self.error_label.setVisible(True)

    def _use_local(self) -> None:
        self.address = LOCAL
        self.settings.server_address = ""
        super().accept()

    def accept(self) -> None:  # noqa: D102 - Qt override
        if not self._try():
            return
        self.address = self.entered_address()
        self.settings.server_address = self.address
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: AppSettings, *, first_run: bool = False,
            reason: str = "") -> str | None:
        """The server address chosen (with its password), LOCAL, or None when cancelled."""
        dialog = cls(settings, first_run=first_run, reason=reason, parent=parent)
        return dialog.address if dialog.exec() == QDialog.Accepted else None


def local_choice(value: str | Path | None) -> bool:
    """Whether the dialog's answer was the local database."""
    return value == LOCAL
