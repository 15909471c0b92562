"""Small widget helpers the dialogs and tabs share, so they look and behave alike."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named `ok_text`) and Cancel, wired to accept and reject the dialog."""
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    box.button(QDialogButtonBox.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def read_only_table(headers: list[str], parent: QWidget | None = None, *,
                    stretch: int | None = None, single_selection: bool = False,
                    alternating: bool = False) -> QTableWidget:
    """A table of whole rows to read: no editing, no row numbers, columns sized to content.

    `stretch` names the column that takes the spare width (the last one when None).
    """
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setAlternatingRowColors(alternating)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    table.setWordWrap(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the table's rows with plain text cells."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()
