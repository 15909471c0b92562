"""The policy document's metadata form, validated as the writer types."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...domain.kinds import DISCLOSURE, GENRES, VALIDITY
from ...domain.model import PolicyDocument
from ...domain.validation import check_doc_number, format_date_cn, normalize_date

DATE_FIELDS = ("written_date", "publish_date", "effective_date", "print_date")
LINE_FIELDS = ("title", "doc_number", "issuer", "index_number", "topic", "normative_number",
               "disclosure_reason", "masthead", "signer", "note", "copy_to", "printer")
ATTACHMENT_SEPARATOR = "；"  # attachment names may hold 、
ERROR_STYLE = "color: #b3261e;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #b3261e; background: #fff4f3; }"


class ValidatedLine(QWidget):
    """A line edit with a message below it and an optional one-click fix."""

    edited = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(placeholderText=placeholder)
        if placeholder:  # the example stays whole: “如：江人社发〔2026〕…” told nothing
            self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance(placeholder) + 24)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.message = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self._apply_fix)
        self._fix = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        # Message and fix under each other: side by side, a narrow form wrapped the message
        # one character a line.
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.fix_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_problem("", None)

    def text(self) -> str:
        """The text as typed, stripped."""
        return self.line.text().strip()

    def show_problem(self, message: str, fix: str | None, fix_label: str = "") -> None:
        """Show (or clear, with '') the problem and the fix button."""
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.line.setStyleSheet(BAD_FIELD_STYLE if message else "")
        self._fix = fix or ""
        self.fix_button.setText(fix_label)
        self.fix_button.setVisible(bool(message and fix))

    def _apply_fix(self) -> None:
        if self._fix:
            self.line.setText(self._fix)
            self.edited.emit()


class MetadataForm(QWidget):
    """标题、发文字号、发文机关、日期… with inline validation; invalid values are not saved."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.fields: dict[str, ValidatedLine] = {}
        self.validity = QComboBox()
        self.validity.addItems(VALIDITY)
        self.genre = QComboBox(editable=True)
        self.genre.addItems(("",) + GENRES)
        self.disclosure = QComboBox()
        self.disclosure.addItems(DISCLOSURE)
        self.joint = QLineEdit(placeholderText=self.tr("Separate several issuers with 、"))
        self.attachments = QLineEdit(placeholderText=self.tr("Separate several attachments with ；"))
        self._build()
        self._connect()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # In a narrow column a field goes under its label rather than being cut.
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        rows = (
            ("title", self.tr("Title"), ""), ("doc_number", self.tr("Document number"),
                                               self.tr("e.g. 江人社发〔2026〕12号")),
            ("issuer", self.tr("Issuing authority"), ""), (None, self.tr("Joint issuers"), self.joint),
            ("index_number", self.tr("Index number"), self.tr("e.g. 000014349/2026-00110")),
            ("written_date", self.tr("Date written"), self.tr("e.g. 2026年3月2日")),
            ("publish_date", self.tr("Publication date"), ""),
            ("effective_date", self.tr("Effective date"), ""),
            (None, self.tr("Genre"), self.genre), ("topic", self.tr("Topic"), ""),
            (None, self.tr("Validity"), self.validity), (None, self.tr("Disclosure"), self.disclosure),
            ("disclosure_reason", self.tr("Reason not public"), ""),
            ("normative_number", self.tr("Normative document number"), ""),
            (None, "", QLabel(self.tr("Parts of the official document (GB/T 9704)"),
                              styleSheet="color: #5f6368; font-weight: bold;")),
            ("masthead", self.tr("Masthead"), self.tr("e.g. 江海省人民政府办公厅文件")),
            ("signer", self.tr("Signed by"), ""),
            (None, self.tr("Attachments"), self.attachments),
            ("note", self.tr("Note"), self.tr("e.g. 联系人：王芳，电话：0871-63112233")),
            ("copy_to", self.tr("Copied to"), ""),
            ("printer", self.tr("Printed by"), ""),
            ("print_date", self.tr("Date printed"), ""),
        )
        for name, label, extra in rows:
            if name is None:
                form.addRow(label, extra)
                continue
            self.fields[name] = ValidatedLine(extra)
            form.addRow(label, self.fields[name])
        self._form = form

    def _connect(self) -> None:
        for name, field in self.fields.items():
            field.edited.connect(lambda n=name: self._field_edited(n))
        for name in DATE_FIELDS:
            self.fields[name].line.editingFinished.connect(lambda n=name: self._tidy_date(n))
        self.joint.textEdited.connect(lambda _t: self.edited.emit())
        self.attachments.textEdited.connect(lambda _t: self.edited.emit())
        for combo in (self.validity, self.disclosure):
            combo.activated.connect(lambda _i: self._combo_edited())
        self.genre.currentTextChanged.connect(lambda _t: self._combo_edited())

    # -- loading and reading --------------------------------------------------------------
    def load(self, document: PolicyDocument) -> None:
        """Fill the form from a document."""
        self._loading = True
        for name in LINE_FIELDS:
            self.fields[name].line.setText(getattr(document, name))
        for name in DATE_FIELDS:
            self.fields[name].line.setText(format_date_cn(getattr(document, name)))
        self.joint.setText("、".join(document.joint_issuers))
        self.attachments.setText(ATTACHMENT_SEPARATOR.join(document.attachments))
        for line in [f.line for f in self.fields.values()] + [self.joint, self.attachments]:
            line.setCursorPosition(0)  # long titles show their beginning
        self.validity.setCurrentText(document.validity)
        self.genre.setCurrentText(document.genre)
        self.disclosure.setCurrentText(document.disclosure)
        self._loading = False
        self.validate()

    def apply(self, base: PolicyDocument) -> PolicyDocument:
        """`base` with the form's valid values; invalid fields keep the stored value."""
        values = {name: self.fields[name].text() for name in LINE_FIELDS}
        if not values["title"]:
            values["title"] = base.title
        for name in DATE_FIELDS:
            values[name] = self._date_or(name, getattr(base, name))
        joint = [p.strip() for p in self.joint.text().replace("，", "、").split("、") if p.strip()]
        attachments = [p.strip() for p in self.attachments.text().replace(";", ATTACHMENT_SEPARATOR)
                       .split(ATTACHMENT_SEPARATOR) if p.strip()]
        return replace(base, **values, joint_issuers=joint, attachments=attachments,
                       validity=self.validity.currentText(),
                       genre=self.genre.currentText().strip(),
                       disclosure=self.disclosure.currentText())

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock every field."""
        for field in self.fields.values():
            field.line.setReadOnly(read_only)
            field.fix_button.setEnabled(not read_only)
        self.joint.setReadOnly(read_only)
        self.attachments.setReadOnly(read_only)
        for combo in (self.validity, self.genre, self.disclosure):
            combo.setEnabled(not read_only)

    def set_field(self, name: str, value: str) -> bool:
        """Put a value into a field as if typed (used by one-click fixes)."""
        field = self.fields.get(name)
        if field is None or field.line.isReadOnly():
            return False
        field.line.setText(value)
        self._field_edited(name)
        return True

    def focus_field(self, name: str) -> None:
        """Move the keyboard focus to a field."""
        field = self.fields.get(name)
        if field is not None:
            field.line.setFocus()
            field.line.selectAll()

    # -- validation -----------------------------------------------------------------------
    def validate(self) -> list[str]:
        """Show every field's problem; returns the names of the invalid fields."""
        bad = []
        if self._check_title():
            bad.append("title")
        if self._check_doc_number():
            bad.append("doc_number")
        bad += [name for name in DATE_FIELDS if self._check_date(name)]
        reason = self.fields["disclosure_reason"]
        reason.setEnabled(self.disclosure.currentText() != DISCLOSURE[0])
        return bad

    def _check_title(self) -> bool:
        empty = not self.fields["title"].text()
        self.fields["title"].show_problem(self.tr("The title may not be empty.") if empty else "",
                                          None)
        return empty

    def _check_doc_number(self) -> bool:
        field = self.fields["doc_number"]
        problem = check_doc_number(field.text())
        if problem is None:
            field.show_problem("", None)
            return False
        label = self.tr("Change to {suggestion}").format(suggestion=problem.suggestion or "")
        field.show_problem(problem.message, problem.suggestion, label)
        return True

    def _check_date(self, name: str) -> bool:
        field = self.fields[name]
        try:
            normalize_date(field.text())
        except ValidationError as exc:
            field.show_problem(exc.message + self.tr(" (not saved until corrected)"), None)
            return True
        field.show_problem("", None)
        return False

    def _date_or(self, name: str, stored: str) -> str:
        try:
            return normalize_date(self.fields[name].text())
        except ValidationError:
            return stored

    def _tidy_date(self, name: str) -> None:
        """Show a valid date in the official form 2026年3月2日."""
        field = self.fields[name]
        try:
            iso = normalize_date(field.text())
        except ValidationError:
            return
        if iso and field.text() != format_date_cn(iso):
            field.line.setText(format_date_cn(iso))

    def _field_edited(self, _name: str) -> None:
        self.validate()
        if not self._loading:
            self.edited.emit()

    def _combo_edited(self) -> None:
        if not self._loading:
            self.validate()
            self.edited.emit()
