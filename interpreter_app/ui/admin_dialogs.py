"""Administration: the user list (add, edit, disable, enable, reset password) and the
departments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError
from ..domain.model import User
from ..services.accounts import AccountService
from . import alerts
from .admin_forms import DepartmentForm, PasswordForm, UserForm
from .labels import roles_text
from .widgets import read_only_table


def _fill_row(table: QTableWidget, row: int, values: list[str], key: object) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        item.setData(Qt.UserRole, key)
        table.setItem(row, column, item)


class UsersDialog(QDialog):
    """Every account with buttons to add, disable or enable, and reset a password."""

    def __init__(self, accounts: AccountService, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.actor = accounts, actor
        self.setWindowTitle(self.tr("Users"))
        self.resize(900, 520)
        self.table = read_only_table(
            [self.tr("Login name"), self.tr("Name"), self.tr("Department"), self.tr("Roles"),
             self.tr("Title"), self.tr("Status")], self, single_selection=True, alternating=True)
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Change name, title, department and roles"))
        self.toggle_button = QPushButton(self.tr("Disable"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.toggle_button.clicked.connect(self.toggle_disabled)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._layout()
        self.reload()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the accounts again."""
        names = {d.id: d.name for d in self.accounts.departments()}
        users = self.accounts.users()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            department = self.tr("All departments") if user.all_departments else \
                names.get(user.department_id, "")
            status = self.tr("Disabled") if user.disabled else self.tr("Active")
            _fill_row(self.table, row, [user.username, user.display_name, department,
                                        roles_text(user.roles), user.title, status], user.username)
        self._update_buttons()

    def selected_user(self) -> User | None:
        """The account of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.accounts.user(self.table.item(rows[0].row(), 0).data(Qt.UserRole))

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.toggle_button.setEnabled(user is not None)
        self.edit_button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None)
        if user is not None:
            self.toggle_button.setText(self.tr("Enable") if user.disabled else self.tr("Disable"))

    def add_user(self) -> None:
        """Open the new-user form."""
        if UserForm.ask(self, self.accounts, self.actor) is not None:
            self.reload()

    def edit_user(self) -> None:
        """Change the selected account's name, title, department and roles."""
        user = self.selected_user()
        if user is not None and UserForm.ask_edit(self, self.accounts, self.actor, user):
            self.reload()

    def toggle_disabled(self) -> None:
        """Disable the selected account, or enable it again."""
        user = self.selected_user()
        if user is None:
            return
        try:
            self.accounts.set_disabled(self.actor, user.username, not user.disabled)
        except AppError as exc:
            alerts.error(self, exc)
        self.reload()

    def reset_password(self) -> None:
        """Set a new password for the selected account."""
        user = self.selected_user()
        if user is None:
            return
        prompt = self.tr("New password for {name} ({login}):").format(
            name=user.display_name, login=user.username)
        password = PasswordForm.ask(self, prompt)
        if password is None:
            return
        try:
            self.accounts.reset_password(self.actor, user.username, password)
        except AppError as exc:
            alerts.error(self, exc)
            return
        alerts.info(self, self.tr("Password reset"),
                    self.tr("The password of {name} was changed.").format(name=user.display_name))

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService, actor: User) -> None:
        """Show the dialog until the administrator closes it."""
        cls(accounts, actor, parent).exec()


class DepartmentsDialog(QDialog):
    """Every department with its issuer code, and a button to add one."""

    def __init__(self, accounts: AccountService, actor: User | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.actor = accounts, actor
        self.setWindowTitle(self.tr("Departments"))
        self.resize(640, 420)
        self.table = read_only_table([self.tr("Department"), self.tr("Issuer code")], self,
                                     single_selection=True, alternating=True)
        add = QPushButton(self.tr("Add department…"), self)
        add.clicked.connect(self.add_department)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        """Read the departments again."""
        departments = self.accounts.departments()
        self.table.setRowCount(len(departments))
        for row, dept in enumerate(departments):
            _fill_row(self.table, row, [dept.name, dept.code], dept.id)

    def add_department(self) -> None:
        """Open the new-department form."""
        if DepartmentForm.ask(self, self.accounts, self.actor) is not None:
            self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService, actor: User | None) -> None:
        """Show the dialog until the administrator closes it."""
        cls(accounts, actor, parent).exec()
