"""The list of views (我的草稿, 待我核稿, …) with a count badge beside each name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain.model import User
from ..services import listing
from . import labels

VIEW_ROLE = Qt.UserRole + 1
LABEL_ROLE = Qt.UserRole + 2
COUNT_ROLE = Qt.UserRole + 3
ACCENT = QColor("#B5282E")
MUTED = QColor("#E6E8EB")
# Views that ask the user to act: their badge is red when not empty.
ACTION_VIEWS = frozenset({listing.MINE, listing.RETURNED, listing.TO_REVIEW, listing.TO_SIGN,
                          listing.TO_COSIGN})


def views_for(user: User) -> list[str]:
    """The views that can ever hold something for this user, in the usual order."""
    hidden = set()
    if not user.has("writer"):
        hidden.update(listing.WRITER_VIEWS)
    if not (user.has("reviewer") or user.has("leader")):
        # Leaders act at review steps of routes too (分管领导审核).
        hidden |= {listing.TO_REVIEW, listing.TO_COSIGN}
    if not user.has("leader"):
        hidden.add(listing.TO_SIGN)
    return [v for v in listing.VIEWS if v not in hidden]


def default_view(user: User) -> str:
    """The view a user starts with: the work waiting for them."""
    for role, view in (("leader", listing.TO_SIGN), ("reviewer", listing.TO_REVIEW),
                       ("writer", listing.MINE)):
        if user.has(role):
            return view
    return listing.ALL


class BadgeDelegate(QStyledItemDelegate):
    """Paints the view name on the left and its count as a rounded badge on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = index.data(LABEL_ROLE) or ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        count = index.data(COUNT_ROLE)
        if count is not None:
            self._badge(painter, opt, index.data(VIEW_ROLE), int(count))

    def _badge(self, painter: QPainter, opt: QStyleOptionViewItem, view: str, count: int) -> None:
        text = str(count)
        metrics = opt.fontMetrics
        width = max(metrics.horizontalAdvance(text) + 14, metrics.height() + 4)
        height = metrics.height() + 2
        rect = QRect(opt.rect.right() - width - 10, opt.rect.center().y() - height // 2 + 1,
                     width, height)
        strong = view in ACTION_VIEWS and count > 0
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(ACCENT if strong else MUTED)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white") if strong else QColor("#4A4F57"))
        painter.drawText(rect, Qt.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 18))


class ViewList(QListWidget):
    """Views of the package list; emits view_selected(view) when the user picks one."""

    view_selected = Signal(str)

    def __init__(self, views: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewList")
        self.setAccessibleName(self.tr("Views"))
        self.setItemDelegate(BadgeDelegate(self))
        self.setSelectionMode(QListWidget.SingleSelection)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for view in views:
            item = QListWidgetItem(labels.view_label(view))
            item.setData(VIEW_ROLE, view)
            item.setData(LABEL_ROLE, labels.view_label(view))
            self.addItem(item)
        self.currentItemChanged.connect(self._on_current)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Wide enough for every view's whole name and a three-digit badge: the labels shrank
        to one character at 1024×700."""
        metrics = self.fontMetrics()
        names = [self.item(row).data(LABEL_ROLE) or "" for row in range(self.count())]
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        badge = metrics.horizontalAdvance("999") + 14
        width = widest + badge + 44 + 2 * self.frameWidth()  # item padding and gaps
        return QSize(width, super().minimumSizeHint().height())

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.view_selected.emit(item.data(VIEW_ROLE))

    def current_view(self) -> str:
        """The selected view."""
        item = self.currentItem()
        return item.data(VIEW_ROLE) if item else listing.ALL

    def select_view(self, view: str) -> None:
        """Select a view (emits view_selected when it changes)."""
        for row in range(self.count()):
            if self.item(row).data(VIEW_ROLE) == view:
                self.setCurrentRow(row)
                return

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show the number of packages of each view."""
        for row in range(self.count()):
            item = self.item(row)
            view = item.data(VIEW_ROLE)
            count = counts.get(view, 0)
            item.setData(COUNT_ROLE, count)
            item.setText(f"{item.data(LABEL_ROLE)}  {count}")
            item.setToolTip(self.tr("Packages: {count}").format(count=count))

    def text_of(self, view: str) -> str:
        """The item text of a view, e.g. 待我核稿  3."""
        for row in range(self.count()):
            if self.item(row).data(VIEW_ROLE) == view:
                return self.item(row).text()
        return ""
