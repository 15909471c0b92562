"""Administration of approval routes (审批路线): a department's routes, to add, change or retire."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import workflow
from ..domain.errors import AppError
from ..domain.model import Department, User
from ..domain.workflow import Route
from ..services.accounts import AccountService
from ..services.routes import RouteService
from . import alerts
from .labels import route_steps_text
from .route_form import RouteForm
from .widgets import read_only_table


class RoutesDialog(QDialog):
    """The routes of one department (any department for an all-department administrator)."""

    def __init__(self, routes: RouteService, accounts: AccountService, actor: User,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routes, self.accounts, self.actor = routes, accounts, actor
        self.shown: list[Route] = []
        self.setWindowTitle(self.tr("Approval routes"))
        self.departments = [d for d in accounts.departments()
                            if actor.all_departments or d.id == actor.department_id]
        self.department = QComboBox(self)
        for dept in self.departments:
            self.department.addItem(dept.name, dept.id)
        self.department.setEnabled(len(self.departments) > 1)
        self.department.setAccessibleName(self.tr("Department"))
        self.table = read_only_table([self.tr("Route"), self.tr("Document kinds"),
                                      self.tr("Default"), self.tr("Steps")], self,
                                     stretch=3, single_selection=True, alternating=True)
        self.table.setAccessibleName(self.tr("Approval routes"))
        self.empty = QLabel(self, wordWrap=True)
        self.empty.setStyleSheet("color: #5F6670;")
        self.add_button = QPushButton(self.tr("&New route…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.retire_button = QPushButton(self.tr("&Retire…"), self)
        self._layout()
        self.department.currentIndexChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.edit_route())
        self.add_button.clicked.connect(self.add_route)
        self.edit_button.clicked.connect(self.edit_route)
        self.retire_button.clicked.connect(self.retire_route)
        self.resize(860, 460)
        self.reload()

    def _layout(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("&Department"), self)
        label.setBuddy(self.department)
        top.addWidget(label)
        top.addWidget(self.department, 1)
        note = QLabel(self.tr("A package takes the route for its document kind, else the "
                              "department's default; a writer may choose another when "
                              "submitting. Packages already submitted keep the route they were "
                              "submitted on."), self, wordWrap=True)
        note.setStyleSheet("color: #5F6670;")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

    def current_department(self) -> Department | None:
        """The department whose routes are shown."""
        index = self.department.currentIndex()
        return self.departments[index] if index >= 0 else None

    def reload(self) -> None:
        """Read the department's routes again."""
        dept = self.current_department()
        try:
            self.shown = self.routes.routes(self.actor, dept.id) if dept else []
        except AppError as exc:
            alerts.error(self, exc)
            self.shown = []
        self.table.setRowCount(len(self.shown))
        for row, route in enumerate(self.shown):
            cells = [route.name, "、".join(route.genres),
                     self.tr("Default") if route.is_default else "", route_steps_text(route)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, route.id)
                self.table.setItem(row, column, item)
        if self.shown:
            self.table.selectRow(0)
        self.empty.setText(self.tr("No route defined: packages of this department go {steps}.")
                           .format(steps=route_steps_text(workflow.DEFAULT_ROUTE)))
        self.empty.setVisible(not self.shown)
        self.add_button.setEnabled(dept is not None)
        self._update_buttons()

    def selected_route(self) -> Route | None:
        """The route of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_route() is not None
        self.edit_button.setEnabled(chosen)
        self.retire_button.setEnabled(chosen)

    def _form(self, route: Route | None) -> Route | None:
        dept = self.current_department()
        if dept is None:
            return None
        return RouteForm.ask(self, self.routes, self.actor, dept, route, self.accounts.users(),
                             self.accounts.departments())

    def _select(self, route_id: int | None) -> None:
        for row, route in enumerate(self.shown):
            if route.id == route_id:
                self.table.selectRow(row)

    def add_route(self) -> None:
        """Define a new route for the department."""
        saved = self._form(None)
        if saved is not None:
            self.reload()
            self._select(saved.id)

    def edit_route(self) -> None:
        """Change the selected route (packages already on it keep their copy)."""
        route = self.selected_route()
        if route is None:
            return
        saved = self._form(route)
        if saved is not None:
            self.reload()
            self._select(saved.id)

    def retire_route(self) -> None:
        """Take the selected route out of use, after asking."""
        route = self.selected_route()
        if route is None or not alerts.confirm(self, self.tr("Retire route"), self.tr(
                "Retire the route “{name}”? New submissions can no longer take it; packages "
                "already on it finish on it.").format(name=route.name)):
            return
        try:
            self.routes.retire(self.actor, route.id)
        except AppError as exc:
            alerts.error(self, exc)
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, routes: RouteService, accounts: AccountService,
            actor: User) -> None:
        """Show the dialog until the administrator closes it."""
        cls(routes, accounts, actor, parent).exec()
