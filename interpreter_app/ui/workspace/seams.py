"""What the workspace's helpers may use of it.

The conflict resolver, the finding navigator and the recovery keeper each get the workspace
typed as one of these protocols, not as `PackageWorkspace`: the seam is written down, the
helpers cannot grow into the rest of the workspace unnoticed, and no module imports back into
`workspace.py`. `PackageWorkspace` satisfies all three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ...domain.model import Package, User
    from ...services.workbench import Workbench
    from ..events import AppEvents
    from .autosave import AutosaveController
    from .comments_panel import CommentsPanel
    from .document_tab import DocumentTab
    from .materials_tab import MaterialsTab
    from .plan_tab import PlanTab
    from .session import PackageSession


class _Schedulable(Protocol):
    def schedule(self) -> None: ...


class FindingHost(Protocol):
    """The finding navigator's view: the parts a finding can point into."""

    session: PackageSession
    document_tab: DocumentTab
    comments_panel: CommentsPanel

    @property
    def plan_tab(self) -> PlanTab: ...
    def material_ids(self) -> list[str]: ...
    def view_of(self, part: str) -> Any: ...
    def show_tab(self, name: str) -> None: ...


class ConflictHost(Protocol):
    """The conflict resolver's view: save, reload, open a copy."""

    user: User
    session: PackageSession
    autosave: AutosaveController
    events: AppEvents
    workbench: Workbench

    @property
    def materials_tab(self) -> MaterialsTab: ...
    def is_built(self, name: str) -> bool: ...
    def save_now(self) -> bool: ...
    def reload(self, select_material: str | None = None) -> None: ...
    def open_package(self, package_id: int | None) -> None: ...
    def working_copy(self) -> Package | None: ...


class RecoveryHost(Protocol):
    """The recovery keeper's view: the open package's parts and their editors."""

    session: PackageSession
    autosave: AutosaveController
    events: AppEvents
    workbench: Workbench
    document_tab: DocumentTab
    checks_panel: _Schedulable

    @property
    def plan_tab(self) -> PlanTab: ...
    @property
    def materials_tab(self) -> MaterialsTab: ...
