"""A small notice in the window's lower right corner that goes away by itself."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SHOWN_MS = 8000
MARGIN = 16


class Toast(QFrame):
    """One line of text and, where it helps, one button (e.g. 重新载入)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("#toast { background: #fffbe6; border: 1px solid #e0c36a; "
                           "border-radius: 6px; } #toast QLabel { color: #3d3000; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(420)
        self.button = QPushButton(self)
        self.button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self._action = None
        self.button.clicked.connect(self._clicked)
        self.hide()

    def show_text(self, text: str, button: str = "", action=None) -> None:
        """Show `text` (with a button calling `action`) for a few seconds."""
        self.label.setText(text)
        self._action = action
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        parent = self.parentWidget()
        bottom = parent.height() - MARGIN - 28  # above the status bar
        self.move(parent.width() - self.width() - MARGIN, bottom - self.height())

    def _clicked(self) -> None:
        self.hide()
        if self._action is not None:
            self._action()
