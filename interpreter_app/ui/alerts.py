"""Every message box of the application goes through here (one place for tests to patch)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import AppError

translate = QCoreApplication.translate  # written out at each call so that lupdate finds the text


def info(parent: QWidget | None, title: str, text: str) -> None:
    """An information message."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning message."""
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show an error: AppError messages as they are, anything else as an unexpected error."""
    if isinstance(exc, AppError):
        text = exc.message
        if exc.details:
            text += "\n\n" + "\n".join(f"• {d}" for d in exc.details)
    else:
        text = translate("alerts", "An unexpected error occurred: {reason}").format(
            reason=str(exc) or type(exc).__name__)
    QMessageBox.critical(parent, title or translate("alerts", "Error"), text)


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Ask a yes/no question."""
    default = QMessageBox.Yes if default_yes else QMessageBox.No
    answer = QMessageBox.question(parent, title, text, QMessageBox.Yes | QMessageBox.No, default)
    return answer == QMessageBox.Yes


def done(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Report a finished job (information icon) with one follow-up button beside 关闭;
    whether the follow-up was chosen. Not a question: no “?” and no 取消."""
    box = QMessageBox(QMessageBox.Information, title, text, QMessageBox.NoButton, parent)
    follow_up = box.addButton(action, QMessageBox.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.Close))
    box.exec()
    return box.clickedButton() is follow_up


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """Ask to pick one of several buttons; the index, or None when cancelled."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    buttons = [box.addButton(label, QMessageBox.AcceptRole) for label in options]
    box.addButton(QMessageBox.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None
