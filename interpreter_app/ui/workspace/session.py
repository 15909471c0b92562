"""The package shown in the workspace, the acting user and what they may do with it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSplitter

from ...domain import permissions, workflow
from ...domain.model import Package, User
from ...services.workbench import Workbench
from ..events import AppEvents
from ..labels import state_label
from ..settings import AppSettings
from .anchors import CommentHub


class PackageSession(QObject):
    """Shared state of one open package: services, user, rights, row versions of the parts."""

    edited = Signal(str)  # a part key ("document", "plan", "material:<id>") was changed by typing

    def __init__(self, workbench: Workbench, user: User, events: AppEvents,
                 settings: AppSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user, self.events, self.settings = workbench, user, events, settings
        self.package: Package | None = None
        self.versions: dict[str, int] = {}
        self._names: dict[int, str] | None = None
        self.hub = CommentHub(self)  # editors ask here for a comment on their selection

    # -- loading --------------------------------------------------------------------------
    def load(self, package: Package) -> None:
        """Take a freshly read package as the current one."""
        self.package = package
        self.versions = {"document": package.document_version, "plan": package.plan_version}
        self.versions.update({f"material:{m.id}": m.row_version for m in package.materials})

    def fetch(self, package_id: int) -> Package:
        """Read a package from the services (permission-checked)."""
        return self.workbench.authoring.get(self.user, package_id)

    def clear(self) -> None:
        """Forget the current package."""
        self.package = None
        self.versions = {}

    @property
    def package_id(self) -> int | None:
        """Id of the current package, or None."""
        return self.package.id if self.package else None

    # -- rights ---------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        """Whether this user may change the content now."""
        return self.package is not None and permissions.may(self.user, permissions.EDIT,
                                                            self.package)

    @property
    def tracking(self) -> bool:
        """Whether this user edits the texts in 修订模式 now (as tracked changes)."""
        return (self.package is not None and not self.editable
                and permissions.may(self.user, permissions.TRACK_CHANGE, self.package))

    @property
    def may_comment(self) -> bool:
        """Whether this user may add comments now."""
        return self.package is not None and permissions.may(self.user, permissions.COMMENT,
                                                            self.package)

    @property
    def is_reviewer(self) -> bool:
        """Whether the user reviews or signs packages (for “changed since I last reviewed”)."""
        return bool(self.user.roles & {"reviewer", "leader"})

    def lock_reason(self) -> str:
        """Why the content is read-only for this user, or '' when it is editable."""
        if self.package is None or self.editable:
            return ""
        if self.tracking:
            return self.tr("Revision mode: your edits of the texts are kept as tracked changes "
                           "with your name and the time; a writer accepts or rejects them.")
        state = self.package.state
        if not workflow.is_editable(state):
            return self.tr("{state}: the content is locked.").format(state=state_label(state)) + self._unlock_hint(state)
        if permissions.may(self.user, permissions.COMMENT, self.package):
            return self.tr("You may read and comment on this package but not edit it "
                           "(only writers of the department edit).")
        return self.tr("You may read this package but not edit it "
                       "(only writers of the department edit).")

    def _unlock_hint(self, state: str) -> str:
        hints = {
            workflow.IN_REVIEW: self.tr(" The writer may withdraw it to edit again."),
            workflow.AWAITING_SIGNOFF: self.tr(" To change it, the leader returns it."),
            workflow.SIGNED: self.tr(" To change it, the leader revokes the sign-off."),
            workflow.RELEASED: self.tr(" Use “Revise” in the sign-off tab to start a new revision."),
        }
        return hints.get(state, "")

    # -- people ---------------------------------------------------------------------------
    def name_of(self, user_id: int | None) -> str:
        """Display name of a user id ('' for None or an unknown id)."""
        if user_id is None:
            return ""
        if self._names is None or user_id not in self._names:
            self._names = {u.id: u.display_name for u in self.workbench.accounts.users()}
        return self._names.get(user_id, "")

    def remember_splitter(self, splitter: QSplitter, name: str) -> None:
        """Restore a splitter's sizes from the settings and store them when moved."""
        sizes = self.settings.splitter_sizes(name)
        if len(sizes) == splitter.count():
            splitter.setSizes(sizes)
        splitter.splitterMoved.connect(
            lambda *_a: self.settings.set_splitter_sizes(name, splitter.sizes()))
