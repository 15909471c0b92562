"""App-wide events as typed signals on one object, passed explicitly to the widgets that need it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals that more than one widget listens to."""

    package_changed = Signal(int)  # content or state of a package changed (id)
    package_opened = Signal(int)  # a package should be shown in the workspace (id)
    packages_changed = Signal()  # the list needs a refresh (created, deleted, imported)
    status_message = Signal(str)  # a short message for the status bar
