"""What the window does when another desk changes something on the server."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from ..domain import workflow
from ..domain.errors import AppError
from ..domain.model import User
from ..services import live
from ..services.workbench import Workbench
from .events import AppEvents
from .live_updates import LiveUpdates
from .toast import Toast

# Transitions that put a package on this user's desk, and the view it arrives in.
_ARRIVALS = {workflow.PASS: "to_review", workflow.SIGN: "to_sign"}
_WAITING_STATES = (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF)


class _Workspace(Protocol):
    session: object

    package_id: int | None
    def has_unsaved(self) -> bool: ...
    def reload(self) -> None: ...


class LiveHost(Protocol):
    """What live updates need of the main window."""

    workbench: Workbench
    user: User
    workspace: _Workspace
    events: AppEvents

    def statusBar(self): ...  # noqa: N802 - Qt's name


class LiveDesk(QObject):
    """Refreshes the list, reloads or flags the open package, and tells of arrivals."""

    def __init__(self, window: LiveHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.toast = Toast(window)  # type: ignore[arg-type]
        self._told: set[tuple[int, str, int, int]] = set()
        self.updates = LiveUpdates(window.workbench.address, self)
        self.updates.changed.connect(self.on_changes)
        self.updates.connection.connect(self.on_connection)

    def start(self) -> bool:
        """Start listening (nothing to hear on a local database)."""
        return self.updates.start()

    def stop(self) -> None:
        """Stop listening."""
        self.updates.stop()

    # -- reactions --------------------------------------------------------------------------
    def on_changes(self, changes: list) -> None:
        """Other desks' changes: list and counts, the open package, arrivals."""
        own = self.window.workbench.session
        others = [c for c in changes if c.session != own or c == live.RESYNC]
        if not others:
            return
        self.window.events.packages_changed.emit()  # one coalesced refresh for a burst
        resync = any(c.package_id == 0 for c in others)
        changed = {c.package_id for c in others if c.package_id}
        opened = self.window.workspace.package_id
        if opened is not None and (resync or opened in changed):
            self._open_package_changed(opened)
        waiting = {c.package_id for c in others if c.state in _WAITING_STATES}
        for package_id in sorted(waiting):
            self._tell_arrival(package_id)

    def on_connection(self, connected: bool) -> None:
        """The server stopped answering, or answers again."""
        bar = self.window.statusBar()
        if connected:
            bar.showMessage(self.tr("Connected to the server again"), 6000)
        else:
            bar.showMessage(self.tr("Connection to the server lost, retrying…"))

    def _open_package_changed(self, package_id: int) -> None:
        workspace = self.window.workspace
        name = self._last_actor(package_id)
        if not workspace.has_unsaved():
            workspace.reload()
            if name:
                self.window.statusBar().showMessage(
                    self.tr("Changed by {name}: reloaded").format(name=name), 6000)
            return
        text = (self.tr("Changed by {name}").format(name=name) if name
                else self.tr("Changed on another desk"))
        self.toast.show_text(text, self.tr("Reload"), workspace.reload)

    def _last_actor(self, package_id: int) -> str:
        wb, user = self.window.workbench, self.window.user
        try:
            events = wb.review.audit_events(user, package_id)
        except AppError:
            return ""
        if not events or events[-1].actor_id in (None, user.id):
            return ""
        return self.window.workspace.session.name_of(events[-1].actor_id)

    def _tell_arrival(self, package_id: int) -> None:
        wb, user = self.window.workbench, self.window.user
        try:
            package = wb.authoring.get(user, package_id)
        except AppError:
            return  # another department's package, or gone
        actions = {t.action for t in wb.review.available(user, package)}
        view = next((v for a, v in _ARRIVALS.items() if a in actions), None)
        if view == "to_review" and package.department_id != user.department_id:
            view = "to_cosign"  # another department's package waiting for ours (会签)
        key = (package_id, package.state, package.revision, package.step)
        if view is None or key in self._told:
            return
        self._told.add(key)
        text = {"to_review": self.tr("New in To review: {title}"),
                "to_cosign": self.tr("New in To countersign: {title}"),
                "to_sign": self.tr("New in To sign: {title}")}[view].format(title=package.title)
        self.toast.show_text(text)
        self.window.statusBar().showMessage(text, 8000)
