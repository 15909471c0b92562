"""A table of the body (tab-separated lines read from Word) edited as a grid."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CELL = "\t"


def table_block(edit: QPlainTextEdit) -> tuple[int, int] | None:
    """(first, last) block numbers of the run of table lines around the cursor, or None."""
    doc = edit.document()
    here = edit.textCursor().blockNumber()
    if CELL not in doc.findBlockByNumber(here).text():
        return None
    first = last = here
    while first > 0 and CELL in doc.findBlockByNumber(first - 1).text():
        first -= 1
    while last + 1 < doc.blockCount() and CELL in doc.findBlockByNumber(last + 1).text():
        last += 1
    return first, last


def replace_blocks(edit: QPlainTextEdit, first: int, last: int, lines: list[str]) -> None:
    """Replace blocks first..last with `lines`, as one undo step."""
    doc = edit.document()
    cursor = QTextCursor(doc.findBlockByNumber(first))
    end = doc.findBlockByNumber(last)
    cursor.beginEditBlock()
    cursor.setPosition(end.position() + end.length() - 1, QTextCursor.KeepAnchor)
    cursor.insertText("\n".join(lines))
    cursor.endEditBlock()


class TableDialog(QDialog):
    """The rows of a body table in a grid: edit cells, add and remove rows and columns."""

    def __init__(self, rows: list[list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit table"))
        self.resize(760, 420)
        columns = max(len(r) for r in rows)
        self.grid = QTableWidget(len(rows), columns, self)
        self.grid.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c in range(columns):
                self.grid.setItem(r, c, QTableWidgetItem(row[c] if c < len(row) else ""))
        self.grid.resizeColumnsToContents()
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add row"), self.add_row),
                           (self.tr("Remove row"), self.remove_row),
                           (self.tr("Add column"), self.add_column),
                           (self.tr("Remove column"), self.remove_column)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        layout.addWidget(box)

    def add_row(self) -> None:
        """A new row under the current one."""
        self.grid.insertRow(max(self.grid.currentRow(), self.grid.rowCount() - 1) + 1)

    def remove_row(self) -> None:
        """Remove the current row (a table keeps at least one)."""
        if self.grid.rowCount() > 1 and self.grid.currentRow() >= 0:
            self.grid.removeRow(self.grid.currentRow())

    def add_column(self) -> None:
        """A new column right of the current one."""
        self.grid.insertColumn(max(self.grid.currentColumn(), self.grid.columnCount() - 1) + 1)

    def remove_column(self) -> None:
        """Remove the current column (a table keeps at least two)."""
        if self.grid.columnCount() > 2 and self.grid.currentColumn() >= 0:
            self.grid.removeColumn(self.grid.currentColumn())

    def lines(self) -> list[str]:
        """The rows as body lines; a cell's own tabs and line breaks become spaces."""
        out = []
        for r in range(self.grid.rowCount()):
            cells = []
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                text = item.text() if item is not None else ""
                cells.append(" ".join(text.replace(CELL, " ").split()))
            if any(cells):
                out.append(CELL.join(cells))
        return out

    @classmethod
    def edit_at_cursor(cls, edit: QPlainTextEdit) -> bool:
        """Edit the table under the cursor of `edit`; True when it was changed."""
        found = table_block(edit)
        if found is None or edit.isReadOnly():
            return False
        first, last = found
        doc = edit.document()
        rows = [doc.findBlockByNumber(n).text().split(CELL) for n in range(first, last + 1)]
        dialog = cls(rows, edit)
        if dialog.exec() != QDialog.Accepted:
            return False
        lines = dialog.lines()
        if not lines:
            return False
        replace_blocks(edit, first, last, lines)
        return True
