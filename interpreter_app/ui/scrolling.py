"""Pages that scroll instead of squeezing: a short window (1024×700, or 768 pixels at 125 %)
leaves a tab less height than its content needs, and squeezed labels drew over each other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_page(owner: QWidget) -> QVBoxLayout:
    """Fill `owner` with a frameless vertical scroll area; the layout to put the page into.

    The page keeps its full width and grows with the owner; below its minimum height it
    scrolls. Use in place of QVBoxLayout(owner)."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(owner, widgetResizable=True, frameShape=QFrame.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.NoFocus)  # its content takes the focus, not the frame
    page = QWidget(scroll)
    page.setObjectName("scrollPage")
    scroll.setWidget(page)
    outer.addWidget(scroll)
    return QVBoxLayout(page)
