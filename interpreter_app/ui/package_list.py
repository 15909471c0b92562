"""Search box, result line and the package table; reports which package the user picked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import workflow
from ..domain.model import User
from ..services.listing import ListingService
from . import labels
from .package_model import ID_ROLE, PackageListModel

SEARCH_DELAY_MS = 250


def column_samples() -> list[list[str]]:
    """Texts as wide as each column's usual content; the title column (none) takes the rest."""
    states = [labels.state_label(state) for state in workflow.STATES]
    holders = [labels.role_label(role) for role in workflow.HOLDER_ROLE.values() if role]
    return [[], ["江人社发〔2026〕123号"], ["江海省人力资源和社会保障厅"], states,
            [*holders, "欧阳晓静"], [labels.format_datetime("2026-12-31T23:59:00")],
            [labels.format_date("2026-12-31")]]


class PackageListPanel(QWidget):
    """The list part of the main window; `package_selected` carries the picked package id."""

    package_selected = Signal(int)

    def __init__(self, listing: ListingService, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PackageListModel(listing, user, self)
        self.search = self._make_search()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.table = self._make_table()
        self._current_id: int | None = None
        self._restoring = False
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self._layout()

    def _make_search(self) -> QLineEdit:
        search = QLineEdit(self)
        search.setObjectName("searchBox")
        search.setClearButtonEnabled(True)
        search.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        search.setToolTip(self.tr("Finds Chinese text of any length in titles and in all parts"))
        search.setAccessibleName(self.tr("Search packages"))
        return search

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("packageTable")
        table.setAccessibleName(self.tr("Packages"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        metrics = table.fontMetrics()
        for column, samples in enumerate(column_samples()):
            if samples:
                widest = max(metrics.horizontalAdvance(text) for text in samples)
                table.setColumnWidth(column, widest + 28)
        table.setColumnHidden(2, not self.model.user.all_departments)  # else it is always theirs
        header.setSortIndicator(5, Qt.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._on_sort)
        table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        return table

    def _layout(self) -> None:
        self.search_row = QWidget(self)  # the main window moves it into its toolbar
        self.search_row.setObjectName("searchRow")
        top = QHBoxLayout(self.search_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.result_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_row)
        layout.addWidget(self.table, 1)

    # -- query ---------------------------------------------------------------------------------
    def show_view(self, view: str) -> None:
        """Show a view, keeping the search text and order."""
        self._keep_selection(lambda: self.model.set_view(view))

    def refresh(self) -> None:
        """Read the rows again, keeping the loaded rows and the selection."""
        self._keep_selection(self.model.reload)

    def _apply_search(self) -> None:
        self._keep_selection(lambda: self.model.set_text(self.search.text()))

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self._keep_selection(lambda: self.model.sort(column, order))

    def _keep_selection(self, change) -> None:
        self._restoring = True
        try:
            change()
            row = self.model.row_of(self._current_id) if self._current_id is not None else -1
            selection = self.table.selectionModel()
            if row >= 0:
                selection.setCurrentIndex(self.model.index(row, 0),
                                          QItemSelectionModel.ClearAndSelect
                                          | QItemSelectionModel.Rows)
            else:
                selection.clear()
        finally:
            self._restoring = False
        self._show_result_count()

    def _show_result_count(self) -> None:
        text = self.search.text().strip()
        if text:
            self.result_label.setText(self.tr("{count} found").format(count=self.model.total))
        else:
            self.result_label.setText(self.tr("Packages: {count}").format(count=self.model.total))

    # -- selection -----------------------------------------------------------------------------
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        package_id = current.data(ID_ROLE)
        if package_id is not None and package_id != self._current_id:
            self._current_id = package_id
            self.package_selected.emit(package_id)

    def current_id(self) -> int | None:
        """The package shown in the workspace (it may have left the list)."""
        return self._current_id

    def select_package(self, package_id: int | None) -> None:
        """Make a package current (selects its row when it is in the list) without signalling."""
        self._current_id = package_id
        self._keep_selection(lambda: None)

    def select_row(self, row: int) -> None:
        """Select a row as the user would."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
