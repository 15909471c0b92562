"""One approval route (审批路线) as the administrator edits it: its name, the 文种 it is taken for,
whether it is the department's default, and its steps in order, each with who acts there."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import workflow
from ..domain.errors import AppError
from ..domain.model import Department, User
from ..domain.workflow import Route, Step
from ..services.routes import RouteService
from .labels import role_label
from .widgets import ok_cancel, read_only_table

# Below this width the step editor goes under the list of steps instead of beside it.
STACKED_WIDTH = 820
LIST_ROWS = 8  # entries a list of people or departments shows before it scrolls
GENRE_SEPARATORS = re.compile(r"[,，、;；\s]+")


def split_genres(text: str) -> tuple[str, ...]:
    """The 文种 of a comma list (，、; and spaces separate too), without repeats."""
    seen: list[str] = []
    for genre in GENRE_SEPARATORS.split(text):
        if genre and genre not in seen:
            seen.append(genre)
    return tuple(seen)


def _check_list(parent: QWidget, entries: list[tuple[str, int]]) -> QListWidget:
    """A list of checkable entries (Space ticks the current one)."""
    widget = QListWidget(parent)
    for text, key in entries:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Unchecked)
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    # As tall as its entries, up to LIST_ROWS of them (then it scrolls), never a blank box.
    row = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height() + 4
    frame = 2 * widget.frameWidth() + 4
    widget.setMinimumHeight(row * min(max(widget.count(), 1), 3) + frame)
    widget.setMaximumHeight(row * min(max(widget.count(), 1), LIST_ROWS) + frame)
    return widget


def _checked(widget: QListWidget) -> tuple[int, ...]:
    return tuple(widget.item(i).data(Qt.UserRole) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.Checked)


def _set_checked(widget: QListWidget, keys: tuple[int, ...]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in keys else Qt.Unchecked)


class StepEditor(QGroupBox):
    """The fields of one step; `changed` carries the step as edited."""

    changed = Signal(object)

    def __init__(self, users: list[User], departments: list[Department],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected step"))
        self._loading = False
        self.name = QLineEdit(self, maxLength=workflow.STEP_NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. 处室核稿"))
        self.roles = {role: QCheckBox(role_label(role), self) for role in ("reviewer", "leader")}
        names = {d.id: d.name for d in departments}
        self.users = _check_list(self, [(self._user_text(u, names), u.id) for u in users])
        self.users.setAccessibleName(self.tr("Named users"))
        self.departments = _check_list(self, [(d.name, d.id) for d in departments])
        self.departments.setAccessibleName(self.tr("Co-signing departments"))
        self.joint_issuers = QCheckBox(self.tr("Joint issuers of the document co-sign"), self)
        self.all_must_act = QCheckBox(self.tr("All must agree (co-signing step)"), self)
        self.may_edit = QCheckBox(self.tr("May edit (changes tracked)"), self)
        self._layout()
        for box in (*self.roles.values(), self.joint_issuers, self.all_must_act, self.may_edit):
            box.toggled.connect(self._emit)
        self.name.textEdited.connect(self._emit)
        self.users.itemChanged.connect(self._emit)
        self.departments.itemChanged.connect(self._emit)

    @staticmethod
    def _user_text(user: User, departments: dict[int, str]) -> str:
        where = departments.get(user.department_id, "")
        detail = "，".join(x for x in (user.title, where) if x)
        return f"{user.display_name}（{detail}）" if detail else user.display_name

    def _layout(self) -> None:
        roles = QHBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        roles.addStretch(1)
        column = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not between them
        form.addRow(self.tr("Step &name"), self.name)
        form.addRow(self.tr("Acting roles"), roles)
        form.addRow(self.tr("Named users"), self.users)
        hint = QLabel(self.tr("Named users act in place of the roles. Without them, the roles "
                              "act for the package's own department, or for each ticked "
                              "department."), self, wordWrap=True)
        hint.setObjectName("hint")
        hint.setStyleSheet("color: #5F6670;")
        form.addRow("", hint)
        form.addRow(self.tr("Departments"), self.departments)
        form.addRow("", self.joint_issuers)
        form.addRow("", self.all_must_act)
        form.addRow("", self.may_edit)

    def load(self, step: Step | None) -> None:
        """Show a step (None: nothing selected, the fields disabled)."""
        self._loading = True
        try:
            self.setEnabled(step is not None)
            step = step or Step("")
            self.name.setText(step.name)
            for role, box in self.roles.items():
                box.setChecked(role in step.roles)
            _set_checked(self.users, step.users)
            _set_checked(self.departments, step.departments)
            self.joint_issuers.setChecked(step.joint_issuers)
            self.all_must_act.setChecked(step.all_must_act)
            self.may_edit.setChecked(step.may_edit)
        finally:
            self._loading = False

    def step(self) -> Step:
        """The step as the fields show it."""
        return Step(self.name.text().strip(),
                    frozenset(r for r, box in self.roles.items() if box.isChecked()),
                    _checked(self.users), _checked(self.departments),
                    self.joint_issuers.isChecked(), self.all_must_act.isChecked(),
                    self.may_edit.isChecked())

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit(self.step())


class RouteForm(QDialog):
    """Create or change one route; the service's refusal is shown in the form, nothing lost."""

    def __init__(self, routes: RouteService, actor: User, department: Department,
                 route: Route | None, users: list[User], departments: list[Department],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routes, self.actor, self.department = routes, actor, department
        self.saved: Route | None = None
        self.route_id = route.id if route else None
        route = route or replace(workflow.DEFAULT_ROUTE, name="")
        self.steps: list[Step] = list(route.steps)
        self._names = {u.id: u.display_name for u in users}
        self._departments = {d.id: d.name for d in departments}
        acting = [u for u in users if u.roles & workflow.ACTING_ROLES
                  and (not u.disabled or any(u.id in s.users for s in route.steps))]
        self.setWindowTitle(self.tr("Approval route of {department}").format(
            department=department.name) if self.route_id is None else
            self.tr("Change approval route"))
        self.name = QLineEdit(route.name, self, maxLength=workflow.ROUTE_NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. 规范性文件审批"))
        self.genres = QLineEdit("，".join(route.genres), self)
        self.genres.setPlaceholderText(self.tr("e.g. 通知，意见 (empty: chosen by the writer)"))
        self.is_default = QCheckBox(self.tr("Default route of the department"), self)
        self.is_default.setChecked(route.is_default)
        self.table = read_only_table([self.tr("No."), self.tr("Step"), self.tr("Who acts"),
                                      self.tr("Co-signing"), self.tr("Edits")], self,
                                     stretch=2, single_selection=True)
        self.table.setAccessibleName(self.tr("Steps of the route"))
        self.table.setMinimumHeight(self.fontMetrics().height() * 9)  # four steps when stacked
        self.editor = StepEditor(acting, departments, self)
        self.add_button = QPushButton(self.tr("&Add step"), self)
        self.remove_button = QPushButton(self.tr("&Remove step"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.error_label = QLabel(self, wordWrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error_label.hide()
        self._build()
        self._connect()
        self._show_steps(0)
        self._fit_screen()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Route &name"), self.name)
        form.addRow(self.tr("For document &kinds"), self.genres)
        form.addRow("", self.is_default)
        steps = QWidget(self)
        column = QVBoxLayout(steps)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("<b>Steps, in order</b> (the last one signs)"), steps))
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        scroll = QScrollArea(self, widgetResizable=True, frameShape=QFrame.NoFrame)
        scroll.setWidget(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.NoFocus)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(steps)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel(self, self.tr("Save route")))

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.editor.changed.connect(self._step_edited)
        self.table.installEventFilter(self)
        # From the list of steps to the buttons that change it, then to the selected step.
        order = (self.table, self.add_button, self.remove_button, self.up_button,
                 self.down_button, self.editor.name)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for button, keys in ((self.up_button, "Alt+Up"), (self.down_button, "Alt+Down"),
                             (self.remove_button, "Del")):
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.NativeText))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """In the list of steps: Alt+Up and Alt+Down move the step, Delete removes it."""
        if watched is self.table and event.type() == QEvent.KeyPress:
            alt = event.modifiers() & Qt.AltModifier
            if alt and event.key() in (Qt.Key_Up, Qt.Key_Down):
                self.move_step(-1 if event.key() == Qt.Key_Up else 1)
                return True
            if event.key() == Qt.Key_Delete and not alt:
                self.remove_step()
                return True
        return super().eventFilter(watched, event)

    def _fit_screen(self) -> None:
        """960×660, or less on a small screen (the step fields scroll)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 960, 660
        if screen is not None and screen.width() > 200:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        stacked = event.size().width() < STACKED_WIDTH
        self.splitter.setOrientation(Qt.Vertical if stacked else Qt.Horizontal)

    # -- steps --------------------------------------------------------------------------------
    def current_row(self) -> int:
        """The selected step's index, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_steps(self, select: int) -> None:
        self.table.setRowCount(len(self.steps))
        for row in range(len(self.steps)):
            self._fill_row(row)
        self.table.resizeRowsToContents()
        if self.steps:
            self.table.selectRow(max(0, min(select, len(self.steps) - 1)))
        self._selection_changed()

    def _fill_row(self, row: int) -> None:
        step = self.steps[row]
        cells = [str(row + 1), step.name or self.tr("(no name)"), self._who(step),
                 self._cosign(step), self.tr("Yes") if step.may_edit else ""]
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _who(self, step: Step) -> str:
        if step.users:
            return "、".join(self._names.get(u, str(u)) for u in step.users)
        roles = self.tr(" or ").join(role_label(r) for r in ("reviewer", "leader")
                                     if r in step.roles)
        where = "、".join(self._departments.get(d, str(d)) for d in step.departments)
        return f"{where} {roles}".strip() if where else roles

    def _cosign(self, step: Step) -> str:
        if not step.all_must_act:
            return ""
        parts = [self.tr("all must agree")]
        if step.joint_issuers:
            parts.append(self.tr("with joint issuers"))
        return self.tr(", ").join(parts)

    def _selection_changed(self) -> None:
        row = self.current_row()
        self.editor.load(self.steps[row] if row >= 0 else None)
        self.remove_button.setEnabled(row >= 0 and len(self.steps) > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.steps) - 1)
        self.add_button.setEnabled(len(self.steps) < workflow.MAX_STEPS)

    def _step_edited(self, step: Step) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.steps[row] = step
        self._fill_row(row)

    def add_step(self) -> None:
        """A new reviewing step before the last one (the last step signs); its name focused."""
        row, last = self.current_row(), max(len(self.steps) - 1, 0)
        at = min(row + 1, last) if row >= 0 else last
        self.steps.insert(at, Step(self.tr("Step {number}").format(number=at + 1)))
        self._show_steps(at)
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def remove_step(self) -> None:
        """Take the selected step out (a route keeps at least one step)."""
        row = self.current_row()
        if row < 0 or len(self.steps) <= 1:
            return
        del self.steps[row]
        self._show_steps(row)

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (1)."""
        row = self.current_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.steps):
            return
        self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
        self._show_steps(target)
        self.table.setFocus()

    # -- saving -------------------------------------------------------------------------------
    def route(self) -> Route:
        """The route as the form shows it."""
        return Route(self.name.text().strip(), tuple(self.steps), self.route_id,
                     self.department.id, split_genres(self.genres.text()),
                     self.is_default.isChecked())

    def accept(self) -> None:
        """Save through the service; a refusal stays in the form with everything typed."""
        try:
            self.saved = self.routes.save(self.actor, self.route())
        except AppError as exc:
            self.error_label.setText(self._readable(exc.message))
            self.error_label.show()
            return
        super().accept()

    @staticmethod
    def _readable(message: str) -> str:
        """The service's problems one a line."""
        head, sep, rest = message.partition("：")
        if not sep or "；" not in rest:
            return message
        return head + "：\n" + "\n".join(f"• {p}" for p in rest.split("；"))

    @classmethod
    def ask(cls, parent: QWidget | None, routes: RouteService, actor: User,
            department: Department, route: Route | None, users: list[User],
            departments: list[Department]) -> Route | None:
        """The saved route, or None when cancelled."""
        dialog = cls(routes, actor, department, route, users, departments, parent)
        return dialog.saved if dialog.exec() == QDialog.Accepted else None
