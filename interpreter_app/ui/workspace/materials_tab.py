"""解读材料 tab: the list of materials (add from template, duplicate, reorder, delete with undo)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import AppError, ValidationError
from ...domain.kinds import MATERIAL_KINDS, material_kind
from ...domain.material_templates import template_material
from ...domain.model import Material
from .. import alerts
from .chart_editor import ChartMaterialEditor
from .material_editors import MaterialEditor, TextMaterialEditor
from .material_list import MaterialList
from .media_panel import MediaDialog, MediaPanel
from .qa_editor import QAMaterialEditor
from .session import PackageSession


def make_editor(material: Material, session: PackageSession) -> MaterialEditor:
    """The editor the material's kind needs."""
    editor = material_kind(material.kind).editor
    if editor == "qa":
        return QAMaterialEditor(material, session.hub)
    if editor == "chart":
        return ChartMaterialEditor(material, session.hub)
    rate = session.settings.speaking_rate
    return TextMaterialEditor(material, session.hub, rate)


class MaterialsTab(QWidget):
    """Lists the materials and shows the selected one's editor."""

    def __init__(self, session: PackageSession, flush: Callable[[], bool],
                 reload: Callable[[str | None], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self._flush, self._reload = session, flush, reload
        self.editors: dict[str, MaterialEditor] = {}
        self.deleted: list[tuple[Material, int]] = []
        self._read_only = False
        self.list = MaterialList()
        self.list.currentRowChanged.connect(self._show_current)
        self.list.reordered.connect(self._reorder)
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("No materials yet. Add one from a template with “Add”."),
                            alignment=Qt.AlignCenter)
        self.stack.addWidget(self.empty)
        self.media = MediaPanel(session)
        self.media.attach_requested.connect(self.attach_media)
        self.media.remove_requested.connect(self.remove_media)
        self._build()

    def _build(self) -> None:
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._buttons())
        layout.addWidget(self.list, 1)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_delete)
        layout.addWidget(self.undo_button)
        self._update_undo()
        split = self.splitter = QSplitter(Qt.Horizontal)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.media)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 800])
        split.setChildrenCollapsible(False)
        left.setMinimumWidth(220)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(split)

    def _buttons(self) -> QHBoxLayout:
        self.add_button = QToolButton(text=self.tr("Add"), popupMode=QToolButton.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.add_button.setText(self.tr("Add") + " ▾")
        self.add_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.add_button.setToolTip(self.tr("Add a material from the template of its kind"))
        menu = QMenu(self.add_button)
        for kind in MATERIAL_KINDS:
            action = menu.addAction(kind.label, lambda k=kind.code: self.add_material(k))
            action.setData(kind.code)
            action.setToolTip(kind.note)
        self.add_button.setMenu(menu)
        self.structure_buttons = [self.add_button]
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        for text, tip, slot in ((self.tr("Duplicate"), self.tr("Add a copy after this material"),
                                 self.duplicate_current),
                                ("↑", self.tr("Move up"), lambda: self.move_current(-1)),
                                ("↓", self.tr("Move down"), lambda: self.move_current(1)),
                                (self.tr("Delete"), self.tr("Delete this material (can be undone)"),
                                 self.delete_current)):
            button = QToolButton(text=text, toolTip=tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.structure_buttons.append(button)
        row.addStretch(1)
        return row

    # -- content --------------------------------------------------------------------------
    def load(self, materials: list[Material], select: str | None = None) -> None:
        """Show the materials, keeping (or choosing) the selected one."""
        select = select or self.current_id()
        for editor in self.editors.values():
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self.editors = {}
        for material in materials:
            editor = make_editor(material, self.session)
            editor.edited.connect(self.session.edited)
            editor.edited.connect(self._refresh_row)
            self.editors[material.id] = editor
            self.stack.addWidget(editor)
        self.list.show_materials(materials)
        self.list.select_id(select)
        self._show_current(self.list.currentRow())

    def forget_deleted(self) -> None:
        """Another package is shown: its deletions can no longer be undone here."""
        self.deleted = []
        self._update_undo()

    def current_id(self) -> str | None:
        """Id of the selected material."""
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def editor(self, material_id: str) -> MaterialEditor | None:
        """The editor of a material."""
        return self.editors.get(material_id)

    def select(self, material_id: str) -> MaterialEditor | None:
        """Show a material's editor."""
        self.list.select_id(material_id)
        return self.editors.get(material_id)

    def values(self) -> list[Material]:
        """Every material as edited, in order (a chart with bad cells gives its stored value)."""
        result = []
        for mid in self.list.ids():
            editor = self.editors[mid]
            try:
                result.append(editor.value())
            except ValidationError:
                result.append(editor.base)
        return result

    def set_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock the editors and the list's structure buttons."""
        for button in self.structure_buttons:
            button.setVisible(not read_only)
        self.list.setDragDropMode(QAbstractItemView.NoDragDrop if read_only
                                  else QAbstractItemView.InternalMove)
        self._read_only = read_only
        self._update_undo()
        self._show_media()
        for editor in self.editors.values():
            editor.set_read_only(read_only, may_comment)

    # -- structure ------------------------------------------------------------------------
    def add_material(self, kind: str) -> Material | None:
        """Add a material of the kind from its template and select it."""
        title = self.session.package.document.title if self.session.package else ""
        return self._change(lambda a, u, p: a.add_material(u, p, template_material(kind, title)))

    def duplicate_current(self) -> Material | None:
        """Add a copy of the selected material right after it."""
        mid = self.current_id()
        return self._change(lambda a, u, p: a.duplicate_material(u, p, mid)) if mid else None

    def delete_current(self) -> None:
        """Delete the selected material; “Undo delete” adds it back."""
        mid = self.current_id()
        if not mid:
            return
        index = self.list.ids().index(mid)
        removed = self._change(lambda a, u, p: a.delete_material(u, p, mid), select_result=False)
        if removed is not None:
            self.deleted.append((removed, index))
            self._update_undo()
            self.session.events.status_message.emit(
                self.tr("Deleted “{title}”. Use “Undo delete” to restore it.").format(title=removed.title))

    def undo_delete(self) -> None:
        """Add the last deleted material back at its place (same id, so comments reattach)."""
        if not self.deleted:
            return
        material, index = self.deleted.pop()
        self._update_undo()
        self._change(lambda a, u, p: a.add_material(u, p, material, index))

    def move_current(self, step: int) -> None:
        """Move the selected material up (-1) or down (+1)."""
        ids = self.list.ids()
        mid = self.current_id()
        if mid is None:
            return
        index = ids.index(mid)
        target = index + step
        if 0 <= target < len(ids):
            ids[index], ids[target] = ids[target], ids[index]
            self._reorder(ids, mid)

    def _reorder(self, ids: list[str], select: str | None = None) -> None:
        select = select or self.current_id()
        self._change(lambda a, u, p: a.reorder_materials(u, p, ids), select_result=False,
                     select=select)

    def _change(self, action, *, select_result: bool = True, select: str | None = None):
        """Save pending edits, run a structural change, reload; None when it failed."""
        session = self.session
        if session.package is None or not self._flush():
            self._stored_order()  # no reload: it would throw away the edits that failed to save
            return None
        try:
            result = action(session.workbench.authoring, session.user, session.package.id)
        except AppError as exc:
            alerts.error(self, exc)
            self._reload(self.current_id())
            return None
        chosen = result.id if select_result and isinstance(result, Material) else select
        self._reload(chosen)
        return result if result is not None else True

    def _stored_order(self) -> None:
        """Put the rows back in the stored order after a refused drag, keeping every editor."""
        package = self.session.package
        stored = [m.id for m in package.materials] if package else []
        if self.list.ids() == stored:
            return
        current = self.current_id()
        items = [self.list.takeItem(0) for _ in range(self.list.count())]
        rank = {mid: i for i, mid in enumerate(stored)}
        for item in sorted(items, key=lambda it: rank.get(it.data(Qt.UserRole), len(rank))):
            self.list.addItem(item)
        self.list.select_id(current)

    # -- display --------------------------------------------------------------------------
    def _show_current(self, row: int) -> None:
        mid = self.current_id() if row >= 0 else None
        self.stack.setCurrentWidget(self.editors.get(mid, self.empty))
        self._show_media()

    def _show_media(self) -> None:
        editor = self.editors.get(self.current_id() or "")
        self.media.show_material(editor.base if editor else None, self._read_only)

    # -- files and links ------------------------------------------------------------------
    def attach_media(self, as_file: bool) -> None:
        """Ask for a file or link and attach it to the selected material."""
        mid = self.current_id()
        entered = MediaDialog.ask(self, as_file) if mid else None
        if entered is None:
            return
        media = self.session.workbench.media

        def attach(_authoring, user, package_id):
            if as_file:
                return media.attach_file(user, package_id, mid, entered.kind,
                                         entered.path or Path(), title=entered.title,
                                         alt=entered.alt, source=entered.source)
            return media.attach_link(user, package_id, mid, entered.kind, entered.url,
                                     title=entered.title, alt=entered.alt, source=entered.source)
        self._change(attach, select=mid)

    def remove_media(self, index: int) -> None:
        """Take the chosen file or link off the selected material."""
        mid = self.current_id()
        if mid is None or index < 0:
            return
        media = self.session.workbench.media
        self._change(lambda _a, user, pid: media.remove(user, pid, mid, index), select=mid)

    def _refresh_row(self, key: str) -> None:
        editor = self.editors.get(key.split(":", 1)[1])
        item = self.list.currentItem()
        if editor is None or item is None or item.data(Qt.UserRole) != editor.base.id:
            return
        title = editor.title.text().strip() or editor.base.title
        MaterialList.set_row(item, title, editor.base.kind, editor.audience.currentData())
        self.list.viewport().update()

    def _update_undo(self) -> None:
        last = self.deleted[-1][0].title if self.deleted else ""
        self.undo_button.setText(self.tr("Undo delete “{title}”").format(title=last) if last
                                 else self.tr("Undo delete"))
        self.undo_button.setEnabled(bool(self.deleted))
        self.undo_button.setVisible(not self._read_only)
