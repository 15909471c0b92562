"""Create an empty interpretation package: title, department (when allowed) and due date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError, ValidationError
from ..domain.model import Package, User
from ..domain.validation import TITLE_MAX
from ..services.workbench import Workbench
from . import alerts

DEFAULT_DUE_DAYS = 21


class NewPackageDialog(QDialog):
    """Asks for what a new package needs and creates it through the authoring service."""

    def __init__(self, workbench: Workbench, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user = workbench, user
        self.package: Package | None = None
        self.setWindowTitle(self.tr("New interpretation package"))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("Title of the policy document"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.department = self._department_combo()
        # 截止日期 [date] ☐ 暂不设定: one label and one date, read left to right.
        self.due = QDateEdit(QDate.currentDate().addDays(DEFAULT_DUE_DAYS), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.no_due = QCheckBox(self.tr("None yet"), self)
        self.no_due.setToolTip(self.tr("Create the package without a date by which it is due"))
        self.no_due.toggled.connect(lambda none: self.due.setEnabled(not none))
        self._layout()

    def _department_combo(self) -> QComboBox | None:
        if not self.user.all_departments:
            return None
        combo = QComboBox(self)
        for dept in self.workbench.accounts.departments():
            combo.addItem(dept.name, dept.id)
        return combo

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow("", self.error_label)
        if self.department is not None:
            form.addRow(self.tr("Department"), self.department)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.no_due)
        due_row.addStretch(1)
        form.addRow(self.tr("Due date"), due_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def show_error(self, text: str) -> None:
        """Show a problem under the title field."""
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        """Create the package; stay open with the reason shown when that is refused."""
        title = self.title_edit.text().strip()
        if not title:
            self.show_error(self.tr("Please enter the title of the policy document."))
            self.title_edit.setFocus()
            return
        try:
            self.package = self.workbench.authoring.create(
                self.user, title, department_id=self._department_id(), due_date=self._due_date())
        except ValidationError as exc:
            self.show_error(exc.message)
            return
        except AppError as exc:
            alerts.error(self, exc)
            return
        super().accept()

    def _department_id(self) -> int | None:
        return self.department.currentData() if self.department is not None else None

    def _due_date(self) -> str:
        return self.due.date().toString("yyyy-MM-dd") if not self.no_due.isChecked() else ""

    @classmethod
    def ask(cls, parent: QWidget | None, workbench: Workbench, user: User) -> Package | None:
        """The created package, or None when cancelled."""
        dialog = cls(workbench, user, parent)
        return dialog.package if dialog.exec() == QDialog.Accepted else None
