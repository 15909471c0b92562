"""The preview of an import: metadata, outline, key tasks, findings and body, in tabs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ..domain.model import InterpretationPlan, Package, User
from ..domain.validation import format_date_cn

translate = QCoreApplication.translate
METADATA_NAMES = ("masthead", "title", "doc_number", "signer", "issuer", "joint_issuers",
                  "index_number", "written_date", "publish_date", "effective_date", "validity",
                  "topic", "genre", "disclosure", "normative_number", "attachments", "note",
                  "copy_to", "printer", "print_date")


@dataclass(frozen=True)
class ImportPreview:
    """What the worker read: the text, its parse and the findings of the checks."""

    imported: object  # domain.importing.ImportedText
    parsed: object  # domain.importing.ParsedDocument
    findings: list
    simplified: bool = False
    cleanup: object = None  # domain.importing.CleanupOptions applied
    available: object = None  # domain.importing.CleanupReport: what a full clean-up would do


def read_preview(path: Path, encoding: str | None, simplify: bool, user: User,
                 cleanup: object | None = None) -> ImportPreview:
    """Read, optionally convert to Simplified and clean up, parse and check (runs in a worker)."""
    from ..domain.checks.engine import run_checks
    from ..domain.importing import (
        CleanupOptions,
        clean_body,
        parse_document,
        read_file,
        tasks_to_key_tasks,
    )

    imported = read_file(path, encoding=encoding)
    cleanup = cleanup or CleanupOptions()
    parsed = parse_document(imported, simplify=simplify, cleanup=cleanup)
    _, available = clean_body(parsed.original_body.split("\n"), CleanupOptions.everything())
    doc = parsed.document
    plan = InterpretationPlan(key_tasks=tasks_to_key_tasks(parsed.tasks),
                              proposed_doc_number=doc.doc_number, lead_unit=doc.issuer)
    package = Package(None, user.department_id or 0, user.id or 0, document=doc, plan=plan)
    return ImportPreview(imported, parsed, run_checks(package), simplify, cleanup, available)


def metadata_label(name: str) -> str:
    """The label of a document metadata field."""
    names = {
        "title": translate("ImportPreview", "Title"),
        "doc_number": translate("ImportPreview", "Document number"),
        "issuer": translate("ImportPreview", "Issuing authority"),
        "joint_issuers": translate("ImportPreview", "Joint issuers"),
        "index_number": translate("ImportPreview", "Index number"),
        "written_date": translate("ImportPreview", "Date written"),
        "publish_date": translate("ImportPreview", "Date published"),
        "effective_date": translate("ImportPreview", "Effective from"),
        "validity": translate("ImportPreview", "Validity"),
        "topic": translate("ImportPreview", "Topic"),
        "genre": translate("ImportPreview", "Genre"),
        "disclosure": translate("ImportPreview", "Disclosure"),
        "normative_number": translate("ImportPreview", "Normative document number"),
        "masthead": translate("ImportPreview", "Masthead"),
        "signer": translate("ImportPreview", "Signed by"),
        "attachments": translate("ImportPreview", "Attachments"),
        "note": translate("ImportPreview", "Note"),
        "copy_to": translate("ImportPreview", "Copied to"),
        "printer": translate("ImportPreview", "Printed by"),
        "print_date": translate("ImportPreview", "Date printed"),
    }
    return names.get(name, name)


def _read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
    for column in range(1, len(headers)):
        table.setColumnWidth(column, 150)
    return table


class PreviewTabs(QTabWidget):
    """Tabs showing one ImportPreview."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metadata = QWidget(self)
        self.metadata_form = QFormLayout(self.metadata)
        self.outline = QListWidget(self)
        self.tasks = _read_only_table(self, [self.tr("Task"), self.tr("Lead"),
                                             self.tr("Others"), self.tr("Deadline")])
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.compare = SideBySide(self)
        self.addTab(self.metadata, self.tr("Details"))
        self.addTab(self.outline, self.tr("Outline"))
        self.addTab(self.tasks, self.tr("Key tasks"))
        self.addTab(self.findings, self.tr("Findings"))
        self.addTab(self.body, self.tr("Text"))
        self.addTab(self.compare, self.tr("Before and after"))

    def show_preview(self, preview: ImportPreview) -> None:
        """Fill every tab from the preview."""
        parsed = preview.parsed
        self._show_metadata(parsed.document, set(parsed.found))
        self.outline.clear()
        for heading in parsed.outline:
            self.outline.addItem("　" * (heading.level - 1) + heading.text)
        self._show_tasks(parsed.tasks)
        self._show_findings(preview.findings)
        self.body.setPlainText(parsed.document.body)
        self.compare.show_texts(parsed.original_body, parsed.document.body)
        self.setTabText(1, self.tr("Outline ({count})").format(count=len(parsed.outline)))
        self.setTabText(2, self.tr("Key tasks ({count})").format(count=len(parsed.tasks)))
        self.setTabText(3, self.tr("Findings ({count})").format(count=len(preview.findings)))

    def _show_metadata(self, document, found: set[str]) -> None:
        while self.metadata_form.rowCount():
            self.metadata_form.removeRow(0)
        for name in METADATA_NAMES:
            value = getattr(document, name, "")
            if isinstance(value, list):
                value = "、".join(value)
            elif name.endswith("_date") and value:
                value = format_date_cn(value)
            if name not in found and not value:
                continue
            label = QLabel(str(value) or "—", self.metadata)
            label.setWordWrap(True)
            self.metadata_form.addRow(metadata_label(name), label)
        if not self.metadata_form.rowCount():
            self.metadata_form.addRow(QLabel(self.tr("No details recognised."), self.metadata))

    def _show_tasks(self, tasks: list) -> None:
        self.tasks.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            values = [task.text, "、".join(task.lead_departments),
                      "、".join(task.other_departments), "、".join(task.deadlines)]
            for column, value in enumerate(values):
                self.tasks.setItem(row, column, QTableWidgetItem(value))

    def _show_findings(self, findings: list) -> None:
        from ..domain.checks import SEVERITY_LABELS
        from ..domain.importing.inspect import CODE_LABELS

        self.findings.clear()
        if not findings:
            self.findings.addItem(self.tr("No problems found."))
        for finding in findings:
            severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
            kind = CODE_LABELS.get(finding.code, "")
            text = f"【{severity}】{kind + '：' if kind else ''}{finding.message}"
            if finding.suggestion:
                text += self.tr(" — suggestion: {text}").format(text=finding.suggestion)
            self.findings.addItem(text)


class SideBySide(QWidget):
    """The body as read (left) and as it will be created (right); lines only on one side shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = QPlainTextEdit(self)
        self.after = QPlainTextEdit(self)
        for edit in (self.before, self.after):
            edit.setReadOnly(True)
            edit.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.before_label = QLabel(self.tr("As read from the file"), self)
        self.after_label = QLabel(self.tr("After conversion and clean-up"), self)
        grid = QGridLayout(self)
        grid.addWidget(self.before_label, 0, 0)
        grid.addWidget(self.after_label, 0, 1)
        grid.addWidget(self.before, 1, 0)
        grid.addWidget(self.after, 1, 1)

    def show_texts(self, before: str, after: str) -> None:
        """Fill both sides and shade what differs."""
        import difflib

        self.before.setPlainText(before)
        self.after.setPlainText(after)
        a, b = before.split("\n"), after.split("\n")
        removed, added = [], []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag != "equal":
                removed += range(i1, i2)
                added += range(j1, j2)
        _shade(self.before, removed, QColor("#fde2e1"))
        _shade(self.after, added, QColor("#e1f5e4"))


def _shade(edit: QPlainTextEdit, lines: list[int], color: QColor) -> None:
    selections = []
    for number in lines:
        block = edit.document().findBlockByNumber(number)
        if not block.isValid():
            continue
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(color)
        selection.format.setProperty(QTextFormat.FullWidthSelection, True)
        selection.cursor = QTextCursor(block)
        selections.append(selection)
    edit.setExtraSelections(selections)
