"""The list of materials: title over kind and 公开/内部, reordered by dragging."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.kinds import AUDIENCE_LABELS, INTERNAL, material_kind
from ...domain.model import Material

TITLE_ROLE = Qt.UserRole + 1
KIND_ROLE = Qt.UserRole + 2
AUDIENCE_ROLE = Qt.UserRole + 3
ROW_HEIGHT = 46
AUDIENCE_COLORS = {INTERNAL: "#b06000"}
PUBLIC_COLOR = "#2f6b3a"


class MaterialDelegate(QStyledItemDelegate):
    """Paints a bold title line and a grey line with the kind and a coloured 公开/内部."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.State_Selected)
        rect = option.rect.adjusted(8, 4, -8, -4)
        painter.save()
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.highlightedText().color() if selected
                       else option.palette.text().color())
        top = QRect(rect.left(), rect.top(), rect.width(), rect.height() // 2)
        title = painter.fontMetrics().elidedText(index.data(TITLE_ROLE), Qt.ElideRight, top.width())
        painter.drawText(top, Qt.AlignLeft | Qt.AlignVCenter, title)
        self._paint_second_line(painter, option, index, rect, selected)
        painter.restore()

    def _paint_second_line(self, painter: QPainter, option: QStyleOptionViewItem,
                           index: QModelIndex, rect: QRect, selected: bool) -> None:
        painter.setFont(option.font)
        bottom = QRect(rect.left(), rect.top() + rect.height() // 2, rect.width(),
                       rect.height() // 2)
        kind = index.data(KIND_ROLE) + " · "
        painter.setPen(option.palette.highlightedText().color() if selected else QColor("#5f6368"))
        painter.drawText(bottom, Qt.AlignLeft | Qt.AlignVCenter, kind)
        audience = index.data(AUDIENCE_ROLE)
        offset = painter.fontMetrics().horizontalAdvance(kind)
        if not selected:
            painter.setPen(QColor(AUDIENCE_COLORS.get(audience, PUBLIC_COLOR)))
        painter.drawText(bottom.adjusted(offset, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter,
                         AUDIENCE_LABELS[audience])


class MaterialList(QListWidget):
    """Materials in package order; dragging reorders them."""

    reordered = Signal(list)  # ids in the new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Materials"))
        self.setItemDelegate(MaterialDelegate(self))
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # After the drop has finished: the reorder reloads the list, never inside its drop.
        self.model().rowsMoved.connect(
            lambda *_a: QTimer.singleShot(0, lambda: self.reordered.emit(self.ids())))

    def ids(self) -> list[str]:
        """Material ids in display order."""
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())]

    def show_materials(self, materials: list[Material]) -> None:
        """Rebuild the rows."""
        self.blockSignals(True)
        self.clear()
        for m in materials:
            item = QListWidgetItem(m.title)
            item.setData(Qt.UserRole, m.id)
            self.set_row(item, m.title, m.kind, m.audience)
            self.addItem(item)
        self.blockSignals(False)

    @staticmethod
    def set_row(item: QListWidgetItem, title: str, kind: str, audience: str) -> None:
        """Update what a row shows."""
        item.setData(TITLE_ROLE, title)
        item.setData(KIND_ROLE, material_kind(kind).label)
        item.setData(AUDIENCE_ROLE, audience)
        item.setToolTip(title)

    def select_id(self, material_id: str | None) -> None:
        """Select the row of a material (the first row when absent)."""
        ids = self.ids()
        row = ids.index(material_id) if material_id in ids else (0 if ids else -1)
        self.setCurrentRow(row)
