"""First start on an empty database: create the administrator, then departments, then users."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.errors import AppError
from ..domain.model import User
from ..services.accounts import AccountService
from .admin_forms import DepartmentForm, UserForm


class AdminPage(QWizardPage):
    """The administrator's login name, name and password; committed when leaving the page."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.admin: User | None = None
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("This database has no users yet. Create the administrator, who "
                                 "then adds departments and users."))
        self.setCommitPage(True)
        self.username = QLineEdit("admin", self)
        self.display_name = QLineEdit(self)
        self.display_name.setText(self.tr("System administrator"))
        self.password, self.repeat = QLineEdit(self), QLineEdit(self)
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Login name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow("", self.error_label)

    def validatePage(self) -> bool:  # noqa: N802
        if self.password.text() != self.repeat.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return False
        try:
            self.admin = self.accounts.create_first_admin(
                self.username.text(), self.display_name.text(), self.password.text())
        except AppError as exc:
            self.error_label.setText(exc.message)
            return False
        return True


class ListPage(QWizardPage):
    """A list of what exists and a button that opens a form to add one more."""

    def __init__(self, title: str, subtitle: str, button: str, add, names,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add, self.names = add, names
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.list = QListWidget(self)
        add_button = QPushButton(button, self)
        add_button.clicked.connect(self._add)
        row = QHBoxLayout()
        row.addWidget(add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:  # noqa: N802
        self.reload()

    def reload(self) -> None:
        """Show what exists now."""
        self.list.clear()
        self.list.addItems(self.names())

    def _add(self) -> None:
        if self.add() is not None:
            self.reload()


class FirstRunWizard(QWizard):
    """Creates the administrator, the departments and the first users of a new database."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.setWindowTitle(self.tr("Set up the workbench"))
        self.setMinimumSize(620, 460)
        self.admin_page = AdminPage(accounts, self)
        self.addPage(self.admin_page)
        self.addPage(ListPage(
            self.tr("Departments"), self.tr("Add the departments whose packages are kept here."),
            self.tr("Add department…"),
            lambda: DepartmentForm.ask(self, accounts, self.admin_page.admin),
            lambda: [f"{d.name}  {d.code}" for d in accounts.departments()], self))
        self.addPage(ListPage(
            self.tr("Users"), self.tr("Add writers, reviewers and signing leaders. More can be "
                                      "added later under Administration → Users."),
            self.tr("Add user…"), lambda: UserForm.ask(self, accounts, self.admin_page.admin),
            lambda: [f"{u.username}  {u.display_name}" for u in accounts.users()], self))

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService) -> User | None:
        """The administrator created (even when the later pages were skipped), or None."""
        wizard = cls(accounts, parent)
        wizard.exec()
        return wizard.admin_page.admin
