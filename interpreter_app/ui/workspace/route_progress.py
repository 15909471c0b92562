"""The route line of the 审签 tab: the package's approval route step by step, done ✓, the current
step highlighted with the 会签 parties that agreed and those still to agree, the rest grey. The
steps wrap onto further rows in a narrow window instead of being clipped."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from ...services.routes import CURRENT, DONE, RouteProgress, StepProgress
from ..style import ACCENT, ACCENT_DARK, ACCENT_SOFT, BORDER, MUTED_TEXT

DONE_COLOR = "#2f6b3a"
WAITING_COLOR = "#80868b"
# A card is as wide as its longest line, within these widths (in characters): five cards fit
# beside each other in the tab of a 1280-pixel window; a narrower one wraps them.
CARD_MIN_CHARS, CARD_MAX_CHARS = 6, 11
SPACING = 4


class FlowLayout(QLayout):
    """Lays its items left to right and wraps to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = []
        self.setSpacing(SPACING)

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientations:  # noqa: N802 - Qt override
        return Qt.Orientations(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and x > area.x():
                x, y, row_height = area.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


def _label(text: str, parent: QWidget, style: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent, wordWrap=True)
    label.setTextFormat(Qt.PlainText)
    if style:
        label.setStyleSheet(style)
    if name:
        label.setObjectName(name)
    return label


class StepCard(QWidget):
    """One step: an arrow from the step before (except the first), then a card with the step's
    name, its status, who acts there and, at a 会签 step, who agreed and who is awaited."""

    def __init__(self, number: int, step: StepProgress, first: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        if not first:
            arrow = QLabel("→", self)
            arrow.setStyleSheet(f"color: {MUTED_TEXT}; font-size: 14pt; padding-top: 6px;")
            row.addWidget(arrow, 0, Qt.AlignTop)
        self.card = QFrame(self)
        self.card.setObjectName(f"routeStep_{step.status}")
        self.card.setStyleSheet(self._card_style())
        column = QVBoxLayout(self.card)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(3)
        self.labels: list[QLabel] = []
        for label in self._lines(number):
            column.addWidget(label)
            self.labels.append(label)
        self.card.setFixedWidth(self._card_width())
        row.addWidget(self.card, 0, Qt.AlignTop)
        self.setAccessibleName(self.summary(number))

    def _card_width(self) -> int:
        """Wide enough for the longest line, within CARD_MIN_CHARS..CARD_MAX_CHARS."""
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        char = metrics.horizontalAdvance("国")
        longest = max(metrics.horizontalAdvance(label.text()) for label in self.labels)
        return min(max(longest, char * CARD_MIN_CHARS), char * CARD_MAX_CHARS) + 24

    def _card_style(self) -> str:
        name = self.card.objectName()
        if self.step.status == CURRENT:
            return (f"#{name} {{ border: 2px solid {ACCENT}; border-radius: 6px;"
                    f" background: {ACCENT_SOFT}; }}")
        if self.step.status == DONE:
            return f"#{name} {{ border: 1px solid {DONE_COLOR}; border-radius: 6px; }}"
        return f"#{name} {{ border: 1px dashed {BORDER}; border-radius: 6px; }}"

    def _status_text(self) -> str:
        if self.step.status == DONE:
            return self.tr("✓ Done")
        if self.step.status == CURRENT:
            return self.tr("● Now here")
        return self.tr("Waiting")

    def _lines(self, number: int) -> list[QLabel]:
        step, card = self.step, self.card
        color = {DONE: DONE_COLOR, CURRENT: ACCENT_DARK}.get(step.status, WAITING_COLOR)
        text_color = WAITING_COLOR if step.status not in (DONE, CURRENT) else "#1F2329"
        lines = [
            _label(f"{number}. {step.name}", card,
                   f"font-weight: bold; color: {text_color}; border: none;", "stepName"),
            _label(self._status_text(), card, f"color: {color}; border: none;", "stepStatus"),
            _label(step.actors, card, f"color: {MUTED_TEXT if step.status != CURRENT else text_color};"
                   " border: none;", "stepActors"),
        ]
        if step.cosign:
            lines.append(_label(self.tr("Co-signing: all must agree"), card,
                                f"color: {MUTED_TEXT}; border: none;", "stepCosign"))
        if step.agreed:
            lines.append(_label(self.tr("Agreed: {parties}").format(
                parties="、".join(step.agreed)), card,
                f"color: {DONE_COLOR}; border: none;", "stepAgreed"))
        if step.pending:
            lines.append(_label(self.tr("Awaiting: {parties}").format(
                parties="、".join(step.pending)), card,
                f"color: {ACCENT_DARK}; font-weight: bold; border: none;", "stepPending"))
        if step.may_edit:
            lines.append(_label(self.tr("May edit (tracked)"), card,
                                f"color: {MUTED_TEXT}; border: none;", "stepEdits"))
        return lines

    def summary(self, number: int) -> str:
        """The step in words, for screen readers and tooltips."""
        return "，".join(label.text() for label in self.labels) or str(number)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self.layout().sizeHint().width()
        return QSize(width, self.layout().heightForWidth(width)
                     if self.layout().hasHeightForWidth() else self.layout().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()


class RouteProgressLine(QWidget):
    """The route's name and its steps as cards in a line that wraps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self, wordWrap=True)
        self.title.setObjectName("routeName")
        self.steps = QWidget(self)
        self.flow = FlowLayout(self.steps)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.cards: list[StepCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.steps)

    def show_progress(self, progress: RouteProgress) -> None:
        """Show the route and where the package stands on it."""
        name = progress.route_name
        self.title.setText(self.tr("Route: {name}").format(name=name) if progress.frozen else
                           self.tr("Route: {name} (the route a submit takes now; it is fixed "
                                   "when the package is submitted)").format(name=name))
        for card in self.cards:
            self.flow.removeWidget(card)
            card.deleteLater()
        self.cards = [StepCard(i, step, i == 1, self.steps)
                      for i, step in enumerate(progress.steps, 1)]
        for card in self.cards:
            self.flow.addWidget(card)
        self.steps.updateGeometry()

    def current(self) -> StepCard | None:
        """The card of the step the package is at."""
        return next((c for c in self.cards if c.step.status == CURRENT), None)
