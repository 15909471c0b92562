"""网站上网情况: each public page of a released package with its real address and posting time."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import permissions, workflow
from ...domain.errors import AppError
from ...domain.validation import format_datetime_cn
from .. import alerts
from .session import PackageSession

POSTED_COLOR, MISSING_COLOR, LINK_COLOR = "#1a7f37", "#b5282e", "#1a56b8"


@dataclass(frozen=True)
class PostingInput:
    """What the writer entered for one page."""

    part: str
    url: str
    posted_at: str
    index_number: str


class PostingDialog(QDialog):
    """Page, address, posting time and the portal's 索引号 for one page."""

    def __init__(self, pages: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record posting"))
        self.setMinimumWidth(520)
        self.page = QComboBox(self)
        for part, title in pages:
            self.page.addItem(title, part)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://")
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.index_number = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Page"), self.page)
        form.addRow(self.tr("Address on the website"), self.url)
        form.addRow(self.tr("Posted at"), self.when)
        form.addRow(self.tr("Index number given by the website"), self.index_number)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> PostingInput:
        """The entered posting."""
        return PostingInput(self.page.currentData(), self.url.text().strip(),
                            self.when.dateTime().toString("yyyy-MM-ddTHH:mm"),
                            self.index_number.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, pages: list[tuple[str, str]],
            first: str = "") -> PostingInput | None:
        """The posting entered, or None when cancelled."""
        dialog = cls(pages, parent)
        index = dialog.page.findData(first)
        if index >= 0:
            dialog.page.setCurrentIndex(index)
        return dialog.value() if dialog.exec() == QDialog.Accepted else None


class PostingPanel(QGroupBox):
    """已上网 / 未上网 with the address of each page, and the button to record one."""

    def __init__(self, session: PackageSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("On the website"))
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.RichText)
        self.record_button = QPushButton(self.tr("Record posting…"), self)
        self.record_button.clicked.connect(self.record)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Page"), self.tr("Address"), self.tr("Posted at")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)
        self.table.cellDoubleClicked.connect(self._open)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        """Show the postings of the current revision; hidden before release."""
        package = self.session.package
        shown = package is not None and package.state == workflow.RELEASED
        self.setVisible(shown)
        if not shown:
            return
        status = self.session.workbench.outreach.posting_status(self.session.user, package.id)
        done = sum(1 for p in status.pages if p[2] is not None)
        color = POSTED_COLOR if status.posted else MISSING_COLOR
        text = (self.tr("Posted: all {pages} pages are online") if status.posted
                else self.tr("Not yet online: {posted} of {pages} pages posted"))
        self.summary.setText(f"<b style='color:{color}'>"
                             + escape(text.format(pages=len(status.pages), posted=done))
                             + "</b>")
        self.table.setRowCount(len(status.pages))
        for row, (_part, title, posting) in enumerate(status.pages):
            self.table.setItem(row, 0, QTableWidgetItem(title))
            address = QTableWidgetItem(posting.url if posting else self.tr("Not posted"))
            if posting is not None:
                address.setForeground(QColor(LINK_COLOR))
                address.setToolTip(posting.url + "\n" + self.tr("Double-click to open in the browser"))
            self.table.setItem(row, 1, address)
            when = format_datetime_cn(posting.posted_at) if posting and "T" in posting.posted_at \
                else (posting.posted_at if posting else "—")
            self.table.setItem(row, 2, QTableWidgetItem(when))
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height = self.table.horizontalHeader().sizeHint().height() + rows \
            + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)  # every page shown; the tab scrolls instead
        allowed = permissions.may(self.session.user, permissions.RECORD_POSTING, package)
        self.record_button.setEnabled(allowed)

    def _open(self, row: int, column: int) -> None:
        item = self.table.item(row, 1)
        if column == 1 and item is not None and item.text().startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(item.text()))

    def record(self) -> None:
        """Ask for one page's posting and record it."""
        package = self.session.package
        status = self.session.workbench.outreach.posting_status(self.session.user, package.id)
        pages = [(part, title) for part, title, _p in status.pages]
        first = next((part for part, _t, p in status.pages if p is None), "")
        entered = PostingDialog.ask(self, pages, first)
        if entered is None:
            return
        try:
            self.session.workbench.outreach.record_posting(
                self.session.user, package.id, entered.part, entered.url, entered.posted_at,
                entered.index_number)
        except AppError as exc:
            alerts.error(self, exc, self.tr("Record posting"))
            return
        self.refresh()
