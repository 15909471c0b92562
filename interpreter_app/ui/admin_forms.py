"""Small forms of the administrator: a new user, a new department, a new password, the time
limit of interpretation and the holidays that working days skip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError
from ..domain.model import Department, User
from ..domain.permissions import ROLES
from ..domain.workdays import spans
from ..services.accounts import AccountService
from ..services.stats import HOLIDAY_YEARS, LIMIT_MAX_DAYS, StatisticsService
from . import alerts
from .labels import role_label
from .widgets import ok_cancel


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.Password)
    return edit


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


class _InlineErrorForm(QDialog):
    """A form that shows a refusal in its own error label and stays open with what was typed."""

    error_label: QLabel

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _accept_if(self, call: Callable[[], object]) -> None:
        """Close the form when the service call succeeds; otherwise say why."""
        try:
            call()
        except AppError as exc:
            self._show(exc.message)
            return
        QDialog.accept(self)


class UserForm(QDialog):
    """A new user (login name, name, title, department, roles, initial password), or, given
    `user`, that user's name, title, department and roles to change."""

    def __init__(self, accounts: AccountService, actor: User, parent: QWidget | None = None,
                 user: User | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.actor, self.editing = accounts, actor, user
        self.created: User | None = None
        self.updated: User | None = None
        self.setMinimumWidth(460)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. 处长"))
        self.department = QComboBox(self)
        self.department.addItem(self.tr("(none)"), None)
        for dept in accounts.departments():
            self.department.addItem(dept.name, dept.id)
        self.roles = {role: QCheckBox(role_label(role), self) for role in ROLES}
        self.all_departments = QCheckBox(self.tr("Sees the packages of all departments"), self)
        self.password = _password_edit(self)
        self.password.setPlaceholderText(self.tr("At least 8 characters with a digit or sign"))
        if user is None:
            self.setWindowTitle(self.tr("New user"))
        else:
            self._fill(user)
        self._layout()

    def _fill(self, user: User) -> None:
        self.setWindowTitle(self.tr("Edit user {name}").format(name=user.display_name))
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.display_name.setText(user.display_name)
        self.title.setText(user.title)
        self.department.setCurrentIndex(max(0, self.department.findData(user.department_id)))
        for role, box in self.roles.items():
            box.setChecked(role in user.roles)
        self.all_departments.setChecked(user.all_departments)

    def _layout(self) -> None:
        roles = QHBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        roles.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Login name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Roles"), roles)
        form.addRow("", self.all_departments)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.editing is None:
            form.addRow(self.tr("Initial password"), self.password)
            layout.addWidget(ok_cancel(self, self.tr("Create user")))
            return
        self.password.hide()
        note = QLabel(self.tr("Name, title, roles and department are part of the user's signing "
                              "certificate: saving issues a new one."), self, wordWrap=True)
        note.setStyleSheet("color: #5f6368;")
        layout.addWidget(note)
        layout.addWidget(ok_cancel(self, self.tr("Save changes")))

    def selected_roles(self) -> set[str]:
        """The ticked roles."""
        return {role for role, box in self.roles.items() if box.isChecked()}

    def accept(self) -> None:
        """Create or change the user; errors are shown and the form stays open."""
        try:
            if self.editing is None:
                self.created = self.accounts.create_user(
                    self.actor, self.username.text(), self.display_name.text(),
                    self.password.text(), self.department.currentData(), self.selected_roles(),
                    self.title.text(), all_departments=self.all_departments.isChecked())
            else:
                self.updated = self.accounts.edit_user(
                    self.actor, self.editing.username, roles=self.selected_roles(),
                    department_id=self.department.currentData(), title=self.title.text(),
                    display_name=self.display_name.text(),
                    all_departments=self.all_departments.isChecked())
        except AppError as exc:
            alerts.error(self, exc, self.tr("User not created") if self.editing is None
                         else self.tr("User not changed"))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService, actor: User) -> User | None:
        """The created user, or None."""
        dialog = cls(accounts, actor, parent)
        return dialog.created if dialog.exec() == QDialog.Accepted else None

    @classmethod
    def ask_edit(cls, parent: QWidget | None, accounts: AccountService, actor: User,
                 user: User) -> User | None:
        """The changed user, or None when cancelled."""
        dialog = cls(accounts, actor, parent, user)
        return dialog.updated if dialog.exec() == QDialog.Accepted else None


class DepartmentForm(QDialog):
    """A new department with its issuer code (机关代字)."""

    def __init__(self, accounts: AccountService, actor: User | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.actor = accounts, actor
        self.created: Department | None = None
        self.setWindowTitle(self.tr("New department"))
        self.setMinimumWidth(420)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 江海省人力资源和社会保障厅"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("e.g. 江人社发"))
        self.code.setToolTip(self.tr("The issuer code used in document numbers such as 江人社发〔2026〕12号"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Issuer code"), self.code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Create department")))

    def accept(self) -> None:
        """Create the department; errors are shown and the form stays open."""
        try:
            self.created = self.accounts.create_department(self.actor, self.name.text(),
                                                           self.code.text())
        except AppError as exc:
            alerts.error(self, exc, self.tr("Department not created"))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService,
            actor: User | None) -> Department | None:
        """The created department, or None."""
        dialog = cls(accounts, actor, parent)
        return dialog.created if dialog.exec() == QDialog.Accepted else None


class PasswordForm(QDialog):
    """A new password typed twice."""

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password"))
        self.setMinimumWidth(400)
        self.first, self.second = _password_edit(self), _password_edit(self)
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Repeat"), self.second)
        layout = QVBoxLayout(self)
        intro = QLabel(prompt, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("Set password")))

    def accept(self) -> None:
        """Accept only two equal, non-empty entries."""
        if not self.first.text() or self.first.text() != self.second.text():
            self.error_label.setText(self.tr("The two entries differ."))
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, prompt: str) -> str | None:
        """The new password, or None."""
        dialog = cls(prompt, parent)
        return dialog.first.text() if dialog.exec() == QDialog.Accepted else None



class ChangePasswordForm(_InlineErrorForm):
    """The user changes their own password: the current one, then the new one twice."""

    def __init__(self, accounts: AccountService, user: User,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts, self.user = accounts, user
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        self.old = _password_edit(self)
        self.first, self.second = _password_edit(self), _password_edit(self)
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Repeat"), self.second)
        note = QLabel(self.tr("Leaders' signing keys are sealed again under the new password."),
                      self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("Change password")))

    def accept(self) -> None:
        """Change the password through the service; errors stay in the dialog."""
        if self.first.text() != self.second.text():
            self._show(self.tr("The two entries differ."))
            return
        self._accept_if(lambda: self.accounts.change_password(self.user, self.old.text(),
                                                              self.first.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: AccountService, user: User) -> bool:
        """Whether the password was changed."""
        return cls(accounts, user, parent).exec() == QDialog.Accepted


class TimelinessLimitForm(_InlineErrorForm):
    """The administrator sets within how many working days interpretation counts as on time."""

    def __init__(self, statistics: StatisticsService, actor: User,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistics, self.actor = statistics, actor
        self.setWindowTitle(self.tr("Interpretation time limit"))
        self.setMinimumWidth(460)
        self.days = QSpinBox(self, minimum=0, maximum=LIMIT_MAX_DAYS,
                             suffix=self.tr(" working days"))
        self.days.setValue(statistics.limit_days())
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("After the document, within"), self.days)
        note = QLabel(self.tr("The rule of this database: plans show it, and statistics count a "
                              "package released later as late. 0 means the same day as the "
                              "document."), self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("Save")))

    def accept(self) -> None:
        """Store the limit through the service; errors stay in the dialog."""
        self._accept_if(lambda: self.statistics.set_limit_days(self.actor, self.days.value()))

    @classmethod
    def ask(cls, parent: QWidget | None, statistics: StatisticsService, actor: User) -> bool:
        """Whether a new limit was stored."""
        return cls(statistics, actor, parent).exec() == QDialog.Accepted


class HolidaysForm(_InlineErrorForm):
    """The administrator enters a year's holidays and the weekends worked in exchange."""

    def __init__(self, statistics: StatisticsService, actor: User, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistics, self.actor = statistics, actor
        self.setWindowTitle(self.tr("Holidays"))
        self.setMinimumWidth(520)
        self.year = QSpinBox(self, minimum=HOLIDAY_YEARS.start, maximum=HOLIDAY_YEARS.stop - 1)
        self.source = QLabel(self, wordWrap=True)
        self.off = QPlainTextEdit(self, tabChangesFocus=True, placeholderText=self.tr(
            "One date or first..last a line, e.g.\n2027-10-01..2027-10-07"))
        self.work = QPlainTextEdit(self, tabChangesFocus=True, placeholderText=self.tr("Weekend days worked, e.g.\n2027-09-26"))
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Year"), self.year)
        form.addRow("", self.source)
        form.addRow(self.tr("Days off"), self.off)
        form.addRow(self.tr("Weekends worked"), self.work)
        note = QLabel(self.tr("Statistics count working days with these dates; a year without "
                              "them counts Monday to Friday. Leave both empty to go back to the "
                              "schedule shipped with the application."), self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("Save")))
        self.year.setValue(year)
        self.year.valueChanged.connect(self.load)
        self.load()

    def load(self) -> None:
        """Show the chosen year's schedule."""
        schedule = self.statistics.schedule(self.year.value())
        self.off.setPlainText("\n".join(spans(schedule.off)) if schedule else "")
        self.work.setPlainText("\n".join(spans(schedule.work)) if schedule else "")
        self.source.setText(schedule.source if schedule and schedule.source else self.tr(
            "Not entered: working days are Monday to Friday."))
        self.error_label.hide()

    def accept(self) -> None:
        """Store the year through the service; errors stay in the dialog."""
        self._accept_if(lambda: self.statistics.set_schedule(
            self.actor, self.year.value(), self.off.toPlainText().splitlines(),
            self.work.toPlainText().splitlines()))

    @classmethod
    def ask(cls, parent: QWidget | None, statistics: StatisticsService, actor: User,
            year: int) -> bool:
        """Whether a schedule was stored."""
        return cls(statistics, actor, year, parent).exec() == QDialog.Accepted
