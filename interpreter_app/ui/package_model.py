"""The package list as a table model that fetches rows a page at a time."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..domain.model import PackageSummary, User
from ..services.listing import RETURNED, ListingService, ListQuery
from . import labels

PAGE_SIZE = 200
RELOAD_MAX = 5 * PAGE_SIZE  # a refresh brings back at most this many of the rows loaded before
OVERDUE_COLOR = QColor("#B5282E")
RETURNED_COLOR = QColor("#B5282E")
ID_ROLE = Qt.UserRole + 1
# (sort key in store/listing.py SORT_COLUMNS, default descending)
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("title", False), ("doc_number", False), ("department", False), ("state", False),
    ("holder", False), ("updated_at", True), ("due_date", False),
)
Index = QModelIndex | QPersistentModelIndex


class PackageListModel(QAbstractTableModel):
    """Rows of listing.page for one user and query; never loads bodies."""

    def __init__(self, listing: ListingService, user: User, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listing, self.user = listing, user
        self.query = ListQuery(view="all")
        self._rows: list[PackageSummary] = []
        self._total = 0

    # -- queries ------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many rows the query has (loaded or not)."""
        return self._total

    def set_query(self, query: ListQuery) -> None:
        """Show another view, search or order; starts again from the first page."""
        self.query = query
        self.reload(0)

    def set_view(self, view: str) -> None:
        """Show another view with the same search and order."""
        self.set_query(replace(self.query, view=view))

    def set_text(self, text: str) -> None:
        """Filter by a search text (any length, Chinese or not)."""
        self.set_query(replace(self.query, text=text))

    def reload(self, keep_rows: int | None = None) -> None:
        """Read the rows again; `keep_rows` rows (default: as many as loaded, up to RELOAD_MAX)."""
        wanted = min(len(self._rows), RELOAD_MAX) if keep_rows is None else keep_rows
        self.beginResetModel()
        self._total = self.listing.count(self.user, self.query)
        limit = min(max(wanted, PAGE_SIZE), self._total)
        self._rows = self.listing.page(self.user, self.query, 0, limit) if limit else []
        self.endResetModel()

    # -- lazy fetching -----------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        last = self._rows[-1] if self._rows else None
        page = self.listing.page(self.user, self.query, len(self._rows), PAGE_SIZE, after=last)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- table --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.DisplayRole) -> object:
        if orientation != Qt.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.InitialSortOrderRole:
            return Qt.DescendingOrder if COLUMNS[section][1] else Qt.AscendingOrder
        return None

    def column_titles(self) -> list[str]:
        """The header of each column."""
        return [self.tr("Title"), self.tr("Document number"), self.tr("Department"),
                self.tr("State"), self.tr("Held by"), self.tr("Last change"),
                self.tr("Due date")]

    def data(self, index: Index, role: int = Qt.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.DisplayRole:
            if index.column() == 0 and self.query.view == RETURNED and row.returned:
                # The view of returned drafts says why each came back, not only in a tooltip.
                return f"【{labels.return_reason_text(row)}】{row.title}"
            return self._display(row, index.column())
        if role == Qt.ToolTipRole and index.column() == 0:
            reason = labels.return_reason_text(row)
            return f"{row.title}\n{reason}" if reason else row.title
        if role == Qt.ForegroundRole and index.column() == 0 and row.returned:
            return QBrush(RETURNED_COLOR)
        if role == Qt.ForegroundRole and index.column() == 6 and \
                labels.is_overdue(row.due_date, row.state):
            return QBrush(OVERDUE_COLOR)
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _display(row: PackageSummary, column: int) -> str:
        values = (
            lambda: PackageListModel._marked_title(row), lambda: row.doc_number, lambda: row.department,
            lambda: labels.state_label(row.state), lambda: labels.holder_text(row.holder, row.state),
            lambda: labels.format_datetime(row.updated_at), lambda: labels.format_date(row.due_date),
        )
        return values[column]()

    @staticmethod
    def _marked_title(row: PackageSummary) -> str:
        """The title behind its marker (【已退回】, 【核稿中】) when it has one."""
        marker = labels.package_marker(row)
        return f"【{marker}】{row.title}" if marker else row.title

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort in the database by the column's key."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][0]
        self.set_query(replace(self.query, sort=key, descending=order == Qt.DescendingOrder))

    # -- lookup -------------------------------------------------------------------------------
    def summary(self, row: int) -> PackageSummary | None:
        """The loaded row, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, package_id: int) -> int:
        """Row of a loaded package, -1 when not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == package_id), -1)
