"""Editors of one material: common fields, then text, question/answer pairs or (elsewhere) a chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.kinds import (
    AUDIENCE_LABELS,
    AUDIENCES,
    INTERPRETER_ROLES,
    SPEECH_MAX_CHARS,
    SPEECH_MAX_MINUTES,
    material_kind,
)
from ...domain.model import Material
from ...domain.text import char_count, speaking_minutes
from .anchors import AnchoredEdit, CommentHub
from .body_editor import BodyEditorPanel

EMBARGO_KINDS = frozenset({"press_release"})


class MaterialEditor(QWidget):
    """Title, 公开属性, byline, interpreter role (and embargo) above the kind's own editor."""

    edited = Signal(str)  # part key

    def __init__(self, material: Material, hub: CommentHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = material
        self.hub = hub
        self._loading = True
        self.title = QLineEdit()
        self.audience = QComboBox()
        for code in AUDIENCES:
            self.audience.addItem(AUDIENCE_LABELS[code], code)
        self.byline = QLineEdit(placeholderText=self.tr("e.g. 省人力资源社会保障厅厅长 王建国"))
        self.role = QComboBox()
        self.role.addItems(("",) + INTERPRETER_ROLES)
        self.audience.setAccessibleName(self.tr("Disclosure"))
        self.role.setAccessibleName(self.tr("Interpreter role"))
        self.embargo_on = QCheckBox(self.tr("Not before"))
        self.embargo = QDateTimeEdit(displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header_form())
        layout.addWidget(self.build_body(), 1)
        self._connect_header()
        self.load(material)

    def _header_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        kind = QLabel(material_kind(self.base.kind).label)
        kind.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(kind)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Disclosure:")))
        top.addWidget(self.audience)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Interpreter role:")))
        top.addWidget(self.role)
        top.addStretch(1)
        form.addRow(self.tr("Kind"), top)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Byline"), self.byline)
        if self.base.kind in EMBARGO_KINDS:
            row = QHBoxLayout()
            row.addWidget(self.embargo_on)
            row.addWidget(self.embargo)
            row.addStretch(1)
            form.addRow(self.tr("Embargo"), row)
        return form

    def _connect_header(self) -> None:
        for line in (self.title, self.byline):
            line.textEdited.connect(self.emit_edited)
        for combo in (self.audience, self.role):
            combo.activated.connect(self.emit_edited)
        self.embargo_on.toggled.connect(self.emit_edited)
        self.embargo_on.toggled.connect(self.embargo.setEnabled)
        self.embargo.dateTimeChanged.connect(self.emit_edited)

    # -- to override ----------------------------------------------------------------------
    def build_body(self) -> QWidget:
        """The kind's own editor widget."""
        raise NotImplementedError

    def load_body(self, material: Material) -> None:
        """Fill the kind's editor."""
        raise NotImplementedError

    def body_value(self, material: Material) -> Material:
        """`material` with the kind's fields as edited (ValidationError when they cannot be saved)."""
        raise NotImplementedError

    def set_body_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock the kind's editor."""
        raise NotImplementedError

    def segments(self) -> list[AnchoredEdit]:
        """The edits holding the material's paragraphs, in order."""
        return []

    # -- common ---------------------------------------------------------------------------
    def part_key(self) -> str:
        """'material:<id>'."""
        return f"material:{self.base.id}"

    def load(self, material: Material) -> None:
        """Show a material."""
        self._loading = True
        self.base = material
        self.title.setText(material.title)
        self.title.setCursorPosition(0)
        self.audience.setCurrentIndex(max(self.audience.findData(material.audience), 0))
        self.byline.setText(material.byline)
        self.role.setCurrentText(material.interpreter_role)
        self._load_embargo(material.embargo)
        self.load_body(material)
        self._loading = False

    def _load_embargo(self, iso: str) -> None:
        self.embargo_on.setChecked(bool(iso))
        self.embargo.setEnabled(bool(iso))
        when = dt.datetime.fromisoformat(iso) if iso else dt.datetime.now().replace(
            second=0, microsecond=0)
        self.embargo.setDateTime(QDateTime(when.year, when.month, when.day, when.hour, when.minute, 0))

    def value(self) -> Material:
        """The material as edited, keeping the stored title when the field is empty."""
        embargo = ""
        if self.embargo_on.isChecked() and self.base.kind in EMBARGO_KINDS:
            embargo = self.embargo.dateTime().toPython().isoformat(timespec="minutes")
        common = replace(self.base, title=self.title.text().strip() or self.base.title,
                         audience=self.audience.currentData(), byline=self.byline.text().strip(),
                         interpreter_role=self.role.currentText(), embargo=embargo)
        return self.body_value(common)

    def set_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock every field."""
        for line in (self.title, self.byline):
            line.setReadOnly(read_only)
        for widget in (self.audience, self.role, self.embargo_on):
            widget.setEnabled(not read_only)
        self.embargo.setEnabled(not read_only and self.embargo_on.isChecked())
        self.set_body_read_only(read_only, may_comment)

    def emit_edited(self, *_args) -> None:
        """Report a change (not while loading)."""
        if not self._loading:
            self.edited.emit(self.part_key())


class TextMaterialEditor(MaterialEditor):
    """A text material; speaker remarks also show the estimated speaking time."""

    def __init__(self, material: Material, hub: CommentHub, rate: int,
                 parent: QWidget | None = None) -> None:
        self.rate = rate
        super().__init__(material, hub, parent)

    def build_body(self) -> QWidget:
        """Body editor with outline, plus the speaking time for remarks."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.body = BodyEditorPanel(self.hub)
        self.body.editor.owner = self
        self.body.editor.textChanged.connect(self.emit_edited)
        self.speaking = QLabel(wordWrap=True)
        self.speaking.setVisible(self.base.kind == "speech")
        self.body.editor.textChanged.connect(self._update_speaking_time)
        layout.addWidget(self.speaking)
        layout.addWidget(self.body, 1)
        return box

    def load_body(self, material: Material) -> None:
        """Show the body text."""
        self.body.set_text(material.body)
        self._update_speaking_time()

    def body_value(self, material: Material) -> Material:
        """The material with the edited body."""
        return replace(material, body=self.body.text())

    def set_body_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock the body."""
        self.body.set_read_only(read_only)
        self.body.editor.comments_allowed = may_comment

    def segments(self) -> list[AnchoredEdit]:
        """The body is one edit."""
        return [self.body.editor]

    def _update_speaking_time(self) -> None:
        if self.base.kind != "speech":
            return
        text = self.body.text()
        chars, minutes = char_count(text), speaking_minutes(text, self.rate)
        message = self.tr("About {chars} characters: {minutes} minutes to deliver at {rate} characters a minute.").format(chars=f"{chars:,}", minutes=f"{minutes:.1f}", rate=str(self.rate))
        too_long = chars > SPEECH_MAX_CHARS or minutes > SPEECH_MAX_MINUTES
        if too_long:
            message += " " + self.tr("Remarks should stay within {chars} characters and {minutes} minutes.").format(chars=f"{SPEECH_MAX_CHARS:,}", minutes=str(SPEECH_MAX_MINUTES))
        self.speaking.setText(message)
        self.speaking.setStyleSheet("color: #b3261e; font-weight: bold;" if too_long
                                    else "color: #1d4f91;")
        self.speaking.setProperty("too_long", too_long)
