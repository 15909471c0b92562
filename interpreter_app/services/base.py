"""Shared helpers of the services: loading a package for an actor with a permission check."""

from __future__ import annotations

from ..domain import permissions
from ..domain.errors import NotFoundError, PermissionDenied
from ..domain.model import Package, User
from ..store.store import Store


class ServiceBase:
    """A service over one store with an injectable clock."""

    def __init__(self, store: Store, clock) -> None:
        self.store = store
        self.clock = clock

    def _load(self, actor: User, package_id: int, action: str = permissions.VIEW) -> Package:
        """The package if the actor may take `action` on it; else NotFound/PermissionDenied."""
        try:
            package = self.store.packages.get(package_id)
        except NotFoundError:
            raise NotFoundError(f"解读包 {package_id} 不存在") from None
        if not permissions.in_scope(actor, package.department_id):
            # Other departments' packages are not even confirmed to exist.
            raise NotFoundError(f"解读包 {package_id} 不存在或无权查看")
        reason = permissions.why_not(actor, action, package)
        if reason:
            raise PermissionDenied(reason)
        return package
