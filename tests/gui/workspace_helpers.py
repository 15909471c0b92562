"""Helpers of the workspace tests: waiting for autosave and checks, typing, reading actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from interpreter_app.ui.workspace import PackageWorkspace


def wait_saved(qtbot, ws: PackageWorkspace, timeout: int = 3000) -> None:
    """Wait until the autosave has written everything."""
    qtbot.waitUntil(lambda: not ws.has_unsaved() and ws.autosave.state == "saved",
                    timeout=timeout)


def wait_checks(qtbot, ws: PackageWorkspace, timeout: int = 5000) -> None:
    """Run the checks and wait for their findings."""
    with qtbot.waitSignal(ws.checks_panel.finished, timeout=timeout):
        ws.checks_panel.run()


def action_names(ws: PackageWorkspace) -> set[str]:
    """The workflow actions offered as buttons in the sign-off tab."""
    return set(ws.signoff_tab.action_buttons)


def type_text(widget, text: str) -> None:
    """Type text (Chinese included) into a widget as key events, as a user would."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
