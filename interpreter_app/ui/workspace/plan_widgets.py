"""Small form widgets of the plan tab: a checkable list and an editable table of rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class CheckList(QWidget):
    """A multi-select of fixed choices as a grid of check boxes; keeps the stored order."""

    edited = Signal()

    def __init__(self, choices: Sequence[str], columns: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.boxes: dict[str, QCheckBox] = {}
        self._order: list[str] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        for choice in choices:
            self._add(choice)

    def _add(self, choice: str) -> None:
        box = QCheckBox(choice)
        box.toggled.connect(lambda on, c=choice: self._toggled(c, on))
        index = len(self.boxes)
        self._grid.addWidget(box, index // self.columns, index % self.columns)
        self.boxes[choice] = box

    def checked(self) -> list[str]:
        """The checked choices: stored ones in their stored order, newly checked ones after."""
        return [c for c in self._order if self.boxes[c].isChecked()]

    def set_checked(self, values: Sequence[str]) -> None:
        """Check exactly these choices (unknown values are added so that nothing is lost)."""
        for value in values:
            if value not in self.boxes:
                self._add(value)
        self._order = list(dict.fromkeys(values))
        for choice, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(choice in self._order)
            box.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock the check boxes."""
        for box in self.boxes.values():
            box.setEnabled(not read_only)

    def _toggled(self, choice: str, on: bool) -> None:
        if on and choice not in self._order:
            self._order.append(choice)
        elif not on and choice in self._order:
            self._order.remove(choice)
        self.edited.emit()


class RowTable(QWidget):
    """An editable table with add/remove buttons; a column may offer fixed choices."""

    edited = Signal()

    def __init__(self, headers: Sequence[str], choices: dict[int, Sequence[str]] | None = None,
                 stretch: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices or {}
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.itemChanged.connect(lambda _i: self._changed())
        self.add_button = QPushButton(self.tr("Add row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

    def rows(self) -> list[list[str]]:
        """Every row's cell texts, skipping rows that are entirely empty."""
        result = []
        for r in range(self.table.rowCount()):
            cells = [self._cell(r, c) for c in range(self.table.columnCount())]
            if any(cells):
                result.append(cells)
        return result

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Replace the rows."""
        self._loading = True
        self.table.setRowCount(0)
        for cells in rows:
            self._append(cells)
        self._fit_height()
        self._loading = False

    def add_row(self) -> None:
        """Append an empty row and start editing it."""
        self._append([""] * self.table.columnCount())
        self._fit_height()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self._changed()

    def remove_row(self) -> None:
        """Remove the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit_height()
            self._changed()

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock the table."""
        triggers = QAbstractItemView.NoEditTriggers if read_only else QAbstractItemView.AllEditTriggers
        self.table.setEditTriggers(triggers)
        for r in range(self.table.rowCount()):
            for c in self.choices:
                self.table.cellWidget(r, c).setEnabled(not read_only)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)

    def _append(self, cells: Sequence[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(cells):
            if col in self.choices:
                combo = QComboBox()
                combo.addItems(("",) + tuple(self.choices[col]))
                combo.setCurrentText(text)
                combo.activated.connect(lambda _i: self._changed())
                self.table.setCellWidget(row, col, combo)
            else:
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _cell(self, row: int, col: int) -> str:
        if col in self.choices:
            return self.table.cellWidget(row, col).currentText().strip()
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def _fit_height(self) -> None:
        rows = max(self.table.rowCount(), 2)
        height = self.table.horizontalHeader().height() + rows * self.table.verticalHeader()\
            .defaultSectionSize() + 4
        self.table.setFixedHeight(min(height, 320))

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()


def small_text() -> QPlainTextEdit:
    """A short multi-line text box for form fields."""
    edit = QPlainTextEdit()
    edit.setFixedHeight(80)
    edit.setTabChangesFocus(True)
    return edit
