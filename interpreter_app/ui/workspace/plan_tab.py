"""解读方案 tab: outline, forms, channels, timing, interpreters, risk and response, press, tasks."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.kinds import CHANNELS, FORMS, INTERPRETER_ROLES, PRESS_CONFERENCE_FORMS, RISK_LEVELS
from ...domain.model import InterpretationPlan, Interpreter, KeyTask, Person, PressConference
from ...domain.validation import check_doc_number, check_phone
from ...services.stats import DEFAULT_LIMIT_DAYS
from ..keyboard import focus_target
from .anchors import AnchoredEdit
from .body_editor import BodyEditorPanel
from .metadata_form import ERROR_STYLE, ValidatedLine
from .plan_widgets import CheckList, RowTable, small_text
from .session import PackageSession

HINT_STYLE = "color: #5f6368;"

PART = "plan"
ONE_COLUMN_WIDTH = 900  # below this tab width (logical pixels) the groups stack in one column
PRESS_FIELDS = ("time", "place", "host", "speakers", "media")


def _split_units(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", "、").split("、") if p.strip()]


class PlanTab(QWidget):
    """Edits the interpretation plan of the open package."""

    def __init__(self, session: PackageSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._loading = False
        self._read_only = False
        self._make_fields()
        self._build()
        self._connect()

    # -- construction ---------------------------------------------------------------------
    def _make_fields(self) -> None:
        self.outline = BodyEditorPanel(self.session.hub, with_outline=False)
        self.outline.editor.owner = self
        self.outline.setMinimumHeight(240)
        self.forms = CheckList(FORMS)
        self.channels = CheckList(CHANNELS, columns=2)
        self.same_day = QRadioButton(self.tr("Same day as the document"))
        self.within = QRadioButton(self.tr("Within"))
        self.timing_group = QButtonGroup(self)
        self.timing_group.addButton(self.same_day)
        self.timing_group.addButton(self.within)
        self.days = QSpinBox(minimum=0, maximum=30, suffix=self.tr(" working days"))
        self.limit_note = QLabel()
        self._limit = DEFAULT_LIMIT_DAYS  # the administrator's rule, read by load()
        self.first_name, self.first_title = QLineEdit(), QLineEdit()
        self.interpreters = RowTable((self.tr("Name"), self.tr("Job title"), self.tr("Role")),
                                     {2: INTERPRETER_ROLES}, stretch=1)
        self.proposed = ValidatedLine(self.tr("e.g. 江人社发〔2026〕12号"))
        self.lead_unit, self.joint_units, self.audiences = QLineEdit(), QLineEdit(), QLineEdit()
        self.risk_level = QComboBox()
        self.risk_level.addItems(("",) + RISK_LEVELS)
        self.key_risks, self.response_plan, self.response_lines = (small_text(), small_text(),
                                                                   small_text())
        self.press = {name: QLineEdit() for name in PRESS_FIELDS}
        self.contact_person = QLineEdit()
        self.contact_phone = ValidatedLine()
        self.tasks = RowTable((self.tr("Task"), self.tr("Lead department"), self.tr("Deadline")))
        self.tasks.table.setAccessibleName(self.tr("Key tasks"))
        self.interpreters.table.setAccessibleName(self.tr("Other interpreters"))

    def _build(self) -> None:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        left = (self._outline_box(), self._group(self.tr("Forms"), self.forms),
                self._group(self.tr("Channels"), self.channels), self._timing_box(),
                self._contact_box())
        right = (self._people_box(), self._units_box(), self._risk_box(), self._press_box())
        self._grid, self._columns = grid, []
        for boxes in (left, right):
            box = QVBoxLayout()
            for widget in boxes:
                box.addWidget(widget)
            box.addStretch(1)
            self._columns.append(box)
        self._tasks_box = self._group(self.tr("Key tasks"), self.tasks)
        self._one_column: bool | None = None
        self._arrange(one_column=False)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        self._scroll = scroll
        scroll.setFocusPolicy(Qt.NoFocus)  # its fields take the focus, not the frame
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _arrange(self, one_column: bool) -> None:
        """Two columns of groups side by side, or one below the other in a narrow tab."""
        if one_column == self._one_column:
            return
        self._one_column = one_column
        grid = self._grid
        for column in self._columns:
            grid.removeItem(column)
        grid.removeWidget(self._tasks_box)
        left, right = self._columns
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 1 if one_column else 0, 0 if one_column else 1)
        grid.addWidget(self._tasks_box, 2 if one_column else 1, 0, 1, 1 if one_column else 2)
        grid.setColumnStretch(1, 0 if one_column else 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(one_column=event.size().width() < ONE_COLUMN_WIDTH)

    def _group(self, title: str, *widgets: QWidget, form: list | None = None) -> QGroupBox:
        box = QGroupBox(title)
        if form is not None:
            layout = QFormLayout(box)
            layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            for label, widget in form:
                layout.addRow(label, widget)
        else:
            layout = QVBoxLayout(box)
            for widget in widgets:
                layout.addWidget(widget)
        return box

    def _outline_box(self) -> QGroupBox:
        hint = QLabel(self.tr("Cover the elements that apply: background, goals, main content, "
                              "scope, standards, procedures, precautions, key terms, benefits, "
                              "changes from the old policy."), wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        return self._group(self.tr("Outline and key points"), hint, self.outline)

    def _timing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timing"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        for widget in (self.same_day, self.within, self.days):
            row.addWidget(widget)
        row.addStretch(1)
        column.addLayout(row)
        self.limit_note.setWordWrap(True)  # on its own line: the column must not widen
        column.addWidget(self.limit_note)
        return box

    def _people_box(self) -> QGroupBox:
        first = QWidget()
        row = QHBoxLayout(first)
        row.setContentsMargins(0, 0, 0, 0)
        self.first_name.setPlaceholderText(self.tr("Name"))
        self.first_title.setPlaceholderText(self.tr("Title, e.g. 厅长"))
        row.addWidget(self.first_name, 1)
        row.addWidget(self.first_title, 1)
        self.first_name.setAccessibleName(self.tr("First interpreter: name"))
        self.first_title.setAccessibleName(self.tr("First interpreter: job title"))
        return self._group(self.tr("Interpreters"), form=[
            (self.tr("First interpreter"), first), (self.tr("Other interpreters"),
                                                    self.interpreters)])

    def _units_box(self) -> QGroupBox:
        self.joint_units.setPlaceholderText(self.tr("Separate several units with 、"))
        return self._group(self.tr("Document and units"), form=[
            (self.tr("Proposed document number"), self.proposed),
            (self.tr("Drafting (lead) unit"), self.lead_unit),
            (self.tr("Joint issuing units"), self.joint_units),
            (self.tr("Target audiences"), self.audiences)])

    def _risk_box(self) -> QGroupBox:
        return self._group(self.tr("Public-opinion risk and response"), form=[
            (self.tr("Risk level"), self.risk_level), (self.tr("Key risks"), self.key_risks),
            (self.tr("Response plan (internal)"), self.response_plan),
            (self.tr("Response lines (internal)"), self.response_lines)])

    def _press_box(self) -> QGroupBox:
        labels = (self.tr("Time"), self.tr("Place"), self.tr("Host"), self.tr("Speakers"),
                  self.tr("Invited media"))
        self.press_box = self._group(self.tr("Press conference"), form=[
            (label, self.press[name]) for label, name in zip(labels, PRESS_FIELDS, strict=True)])
        return self.press_box

    def _contact_box(self) -> QGroupBox:
        return self._group(self.tr("Contact"), form=[
            (self.tr("Responsible person"), self.contact_person),
            (self.tr("Telephone"), self.contact_phone)])

    def _connect(self) -> None:
        self.outline.editor.textChanged.connect(self._edited)
        for signal in (self.forms.edited, self.channels.edited, self.interpreters.edited,
                       self.tasks.edited, self.proposed.edited, self.contact_phone.edited,
                       self.days.valueChanged, self.timing_group.buttonClicked,
                       self.risk_level.activated):
            signal.connect(self._edited)
        self.forms.edited.connect(self._update_press_visibility)
        for widget in (self.first_name, self.first_title, self.lead_unit, self.joint_units,
                       self.audiences, self.contact_person, *self.press.values()):
            widget.textEdited.connect(self._edited)
        for edit in (self.key_risks, self.response_plan, self.response_lines):
            edit.textChanged.connect(self._edited)

    # -- PartView -------------------------------------------------------------------------
    def part_key(self) -> str:
        """This tab shows the plan."""
        return PART

    def segments(self) -> list[AnchoredEdit]:
        """Comments on the plan anchor in its outline."""
        return [self.outline.editor]

    # -- content --------------------------------------------------------------------------
    def load(self, plan: InterpretationPlan) -> None:
        """Show a plan."""
        self._loading = True
        self.outline.set_text(plan.outline)
        self.forms.set_checked(plan.forms)
        self.channels.set_checked(plan.channels)
        (self.within if plan.timing == "within_days" else self.same_day).setChecked(True)
        self._limit = self.session.workbench.statistics.limit_days()
        self.days.setValue(plan.timing_days if plan.timing == "within_days" else self._limit)
        self.first_name.setText(plan.first_interpreter.name)
        self.first_title.setText(plan.first_interpreter.title)
        self.interpreters.set_rows([[i.name, i.title, i.role] for i in plan.interpreters])
        self._load_units_and_risk(plan)
        self.tasks.set_rows([[t.task, t.lead, t.deadline] for t in plan.key_tasks])
        self._loading = False
        self._validate()
        self._update_press_visibility()

    def _load_units_and_risk(self, plan: InterpretationPlan) -> None:
        self.proposed.line.setText(plan.proposed_doc_number)
        self.lead_unit.setText(plan.lead_unit)
        self.joint_units.setText("、".join(plan.joint_units))
        self.audiences.setText(plan.audiences)
        self.risk_level.setCurrentText(plan.risk_level)
        self.key_risks.setPlainText(plan.key_risks)
        self.response_plan.setPlainText(plan.response_plan)
        self.response_lines.setPlainText(plan.response_lines)
        for name in PRESS_FIELDS:
            self.press[name].setText(getattr(plan.press_conference, name))
        self.contact_person.setText(plan.contact_person)
        self.contact_phone.line.setText(plan.contact_phone)
        for line in self.findChildren(QLineEdit):
            line.setCursorPosition(0)  # long values show their beginning

    def value(self, base: InterpretationPlan) -> InterpretationPlan:
        """The plan as edited."""
        within = self.within.isChecked()
        return replace(
            base, outline=self.outline.text(), forms=self.forms.checked(),
            channels=self.channels.checked(), timing="within_days" if within else "same_day",
            timing_days=self.days.value() if within else base.timing_days,
            first_interpreter=Person(self.first_name.text().strip(),
                                     self.first_title.text().strip()),
            interpreters=[Interpreter(*row) for row in self.interpreters.rows()],
            proposed_doc_number=self.proposed.text(), lead_unit=self.lead_unit.text().strip(),
            joint_units=_split_units(self.joint_units.text()),
            audiences=self.audiences.text().strip(), risk_level=self.risk_level.currentText(),
            key_risks=self.key_risks.toPlainText(), response_plan=self.response_plan.toPlainText(),
            response_lines=self.response_lines.toPlainText(),
            press_conference=PressConference(**{n: self.press[n].text().strip()
                                                for n in PRESS_FIELDS}),
            contact_person=self.contact_person.text().strip(),
            contact_phone=self.contact_phone.text(),
            key_tasks=[KeyTask(*row) for row in self.tasks.rows()])

    def set_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock every field."""
        self._read_only = read_only
        self.outline.set_read_only(read_only)
        self.outline.editor.comments_allowed = may_comment
        for widget in (self.forms, self.channels, self.interpreters, self.tasks):
            widget.set_read_only(read_only)
        for widget in (self.same_day, self.within, self.days, self.risk_level):
            widget.setEnabled(not read_only)
        for line in (self.first_name, self.first_title, self.lead_unit, self.joint_units,
                     self.audiences, self.contact_person, self.proposed.line,
                     self.contact_phone.line, *self.press.values()):
            line.setReadOnly(read_only)
        for edit in (self.key_risks, self.response_plan, self.response_lines):
            edit.setReadOnly(read_only)
        self.proposed.fix_button.setEnabled(not read_only)
        self._validate()

    def field_value(self, name: str) -> str:
        """The current text of a fixable field."""
        return self.proposed.text() if name == "proposed_doc_number" else ""

    def set_field(self, name: str, value: str) -> bool:
        """Put a value into a field as if typed (used by one-click fixes)."""
        if name != "proposed_doc_number" or self.proposed.line.isReadOnly():
            return False
        self.proposed.line.setText(value)
        self._edited()
        return True

    def focus_field(self, name: str) -> None:
        """Move the keyboard focus to a field, scrolled into view."""
        widgets = {"proposed_doc_number": self.proposed.line, "outline": self.outline.editor,
                   "forms": self.forms, "channels": self.channels, "timing": self.same_day,
                   "first_interpreter": self.first_name, "press_time": self.press["time"]}
        widget = widgets.get(name)
        if widget is None:
            return
        target = focus_target(widget)
        self._scroll.ensureWidgetVisible(target)
        target.setFocus(Qt.OtherFocusReason)

    # -- reactions ------------------------------------------------------------------------
    def _update_press_visibility(self) -> None:
        self.press_box.setVisible(bool(PRESS_CONFERENCE_FORMS & set(self.forms.checked())))

    def _validate(self) -> None:
        problem = check_doc_number(self.proposed.text())
        fix_label = self.tr("Change to {suggestion}").format(suggestion=problem.suggestion or "") if problem \
            else ""
        self.proposed.show_problem(problem.message if problem else "",
                                   problem.suggestion if problem else None, fix_label)
        self.contact_phone.show_problem(check_phone(self.contact_phone.text()) or "", None)
        self.days.setEnabled(self.within.isChecked() and not self._read_only)
        self._show_limit()

    def _show_limit(self) -> None:
        """The limit statistics apply, in red when the plan's own timing goes beyond it."""
        late = self.within.isChecked() and self.days.value() > self._limit
        text = self.tr("Beyond the limit of {days} working days: it will count as late") if late \
            else self.tr("Limit here: {days} working days")
        self.limit_note.setText(text.format(days=self._limit))
        self.limit_note.setStyleSheet(ERROR_STYLE if late else HINT_STYLE)

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._validate()
        self.session.edited.emit(PART)
