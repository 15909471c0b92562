"""Resolving a stale save: reload (discard mine) or keep mine as a copy; never overwrite."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...domain.errors import AppError
from ...domain.model import Material, Package
from ...domain.validation import TITLE_MAX
from .. import alerts

if TYPE_CHECKING:
    from .seams import ConflictHost

RELOAD, KEEP_COPY = 0, 1
COPY_SUFFIX = "（副本）"


def _copy_title(title: str) -> str:
    return (title[: TITLE_MAX - len(COPY_SUFFIX)] + COPY_SUFFIX) if title else COPY_SUFFIX


def _fresh(material: Material, title: str | None = None) -> Material:
    return replace(material, id="", row_version=0, title=title or material.title)


class ConflictResolver(QObject):
    """Asks what to do with edits that someone else's save made stale, and does it."""

    def __init__(self, workspace: ConflictHost) -> None:
        super().__init__(workspace)
        self.ws = workspace

    def resolve(self, keys: list[str]) -> bool:
        """Offer reload or keep-as-copy for the refused parts; True when resolved."""
        if not keys or self.ws.session.package is None:
            return False
        with self.ws.autosave.paused():
            choice = alerts.choose(self.ws, self.tr("Changed elsewhere"), self._question(keys),
                                   [self.tr("Reload (discard my changes)"),
                                    self.tr("Keep mine as a copy")])
        if choice == RELOAD:
            return self._reload(keys)
        if choice == KEEP_COPY:
            return self._keep_copy(keys)
        return False

    def _question(self, keys: list[str]) -> str:
        names = "、".join(self._part_name(k) for k in keys)
        return self.tr("Someone else (or this package open in another window) saved {names} while you "
                       "were editing. Your changes were not written, so nothing was overwritten."
                       "\n\nReload shows their version and discards your changes; keep as a "
                       "copy stores your version separately.").format(names=names)

    def _part_name(self, key: str) -> str:
        if key == "document":
            return self.tr("the policy document")
        if key == "plan":
            return self.tr("the interpretation plan")
        editor = self.ws.materials_tab.editor(key.split(":", 1)[1])
        title = editor.base.title if editor else ""
        return self.tr("the material “{title}”").format(title=title)

    def _reload(self, keys: list[str]) -> bool:
        self.ws.autosave.forget(keys)
        self.ws.save_now()
        self.ws.autosave.forget()
        shown = self.ws.materials_tab.current_id() if self.ws.is_built("materials") else None
        self.ws.reload(shown)
        return True

    def _keep_copy(self, keys: list[str]) -> bool:
        try:
            if "document" in keys or "plan" in keys:
                return self._copy_package()
            return self._copy_materials(keys)
        except AppError as exc:
            alerts.error(self.ws, exc)
            return False

    def _copy_package(self) -> bool:
        """A new package holding my version of every part; the original stays as saved."""
        mine: Package = self.ws.working_copy()
        ws = self.ws
        created = ws.workbench.authoring.create(
            ws.user, _copy_title(mine.document.title), department_id=mine.department_id,
            document=mine.document, plan=mine.plan,
            materials=[_fresh(m) for m in mine.materials])
        ws.autosave.forget()
        ws.open_package(created.id)
        ws.events.packages_changed.emit()
        ws.events.package_opened.emit(created.id)
        alerts.info(ws, self.tr("Kept as a copy"), self.tr(
            "Your version was saved as a new package “{title}”. The original keeps the other "
            "person's version.").format(title=created.title))
        return True

    def _copy_materials(self, keys: list[str]) -> bool:
        """My version of each refused material is added as a new material beside it."""
        ws = self.ws
        added = None
        for key in keys:
            editor = ws.materials_tab.editor(key.split(":", 1)[1])
            if editor is None:
                continue
            try:
                material = editor.value()
            except AppError:
                material = editor.base
            index = ws.materials_tab.list.ids().index(editor.base.id) + 1
            added = ws.workbench.authoring.add_material(
                ws.user, ws.session.package_id, _fresh(material, _copy_title(material.title)), index)
        ws.autosave.forget(keys)
        ws.save_now()
        ws.autosave.forget()
        ws.reload(added.id if added else None)
        ws.events.package_changed.emit(ws.session.package_id)
        return True
