"""PackageWorkspace: one tab per part, review and history, comments and checks beside them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ...domain import permissions
from ...domain.errors import AppError
from ...domain.model import Package, User
from ...services.authoring import SaveResult
from ...services.workbench import Workbench
from .. import alerts, keyboard
from ..events import AppEvents
from ..settings import AppSettings
from .anchors import COMMENT_SHORTCUT, AnchoredEdit
from .anchors import reveal as reveal_in
from .autosave import AutosaveController
from .checks_panel import ChecksPanel
from .comments_panel import CommentsPanel
from .conflicts import ConflictResolver
from .document_tab import DocumentTab
from .findings import FindingNavigator
from .header import WorkspaceHeader
from .recovery import RecoveryKeeper
from .session import PackageSession
from .tracking import ChangesPanel, TrackedEditing, select_change

TABS = ("document", "plan", "materials", "signoff", "history")
# Below this width (logical pixels) comments and checks fold away behind a toggle (F8), so
# that the editors keep room to write: at 1024×700 the body editor was two characters wide.
SIDE_FOLD_WIDTH = 1100


class PackageWorkspace(QWidget):
    """Shows one package; saves edits; offers the actions the user may take now."""

    dirty_changed = Signal(bool)

    def __init__(self, workbench: Workbench, user: User, events: AppEvents,
                 settings: AppSettings, parent: QWidget | None = None,
                 recovery_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user, self.events, self.settings = workbench, user, events, settings
        self.session = PackageSession(workbench, user, events, settings, self)
        delay = settings.autosave_delay_ms
        self.recovery = RecoveryKeeper(self, recovery_dir)
        self.autosave = AutosaveController(self._save_part, delay, self, keep=self.recovery.keep)
        self._make_parts()
        self.navigator = FindingNavigator(self)
        self.checks_panel = ChecksPanel(self.working_copy, self.navigator.reveal,
                                        self.navigator.apply_fix, self.navigator.describe,
                                        rules=self.department_rules)
        self.conflicts = ConflictResolver(self)
        self._narrow: bool | None = None  # set by the first resize
        self._after_save = QTimer(self, singleShot=True, interval=0)
        self._after_save.timeout.connect(self._saved)
        self._build()
        self._connect()

    # -- construction ---------------------------------------------------------------------
    def _make_parts(self) -> None:
        session = self.session
        self.header = WorkspaceHeader()
        self.document_tab = DocumentTab(session)
        self.comments_panel = CommentsPanel(session, self.save_now, self.reveal)
        self.changes_panel = ChangesPanel(session, self.save_now, self.reveal_change)
        self.tracking = TrackedEditing(session, self._built_part, self)
        # The other tabs are built when first needed (shown, revealed or asked for): most
        # packages are opened to read the document, and start-up should not pay for the rest.
        self._lazy: dict[str, QWidget] = {}

    def _make_lazy(self, name: str) -> QWidget:
        # Their modules load here too (the chart editor, the snapshot differ, the dialogs).
        session = self.session
        if name == "plan":
            from .plan_tab import PlanTab

            return PlanTab(session)
        if name == "materials":
            from .materials_tab import MaterialsTab

            return MaterialsTab(session, self.save_now, self.reload)
        if name == "signoff":
            from .signoff_tab import SignoffTab

            return SignoffTab(session, self.save_now, self.reload, reveal=self.navigator.reveal)
        from .history_tab import HistoryTab

        return HistoryTab(session, self.working_copy)

    def _build(self) -> None:
        # Containers first, parts last: each reparenting under the application style sheet
        # re-polishes the whole subtree moved, so big subtrees are moved once.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Select a package in the list"), alignment=Qt.AlignCenter)
        self.stack.addWidget(self.placeholder)
        content = QWidget(self.stack)
        self.stack.addWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        self.splitter = QSplitter(Qt.Horizontal, content)
        layout.addWidget(self.splitter, 1)
        self.tabs = QTabWidget(self.splitter, documentMode=True)
        self.side = QTabWidget(self.splitter, documentMode=True)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        labels = {"document": self.tr("Policy document"), "plan": self.tr("Interpretation plan"),
                  "materials": self.tr("Materials"), "signoff": self.tr("Review and sign-off"),
                  "history": self.tr("History")}
        for number, name in enumerate(TABS, 1):
            page = self.document_tab if name == "document" else QWidget()
            self.tabs.addTab(page, labels[name])
            self.tabs.setTabToolTip(number - 1, f"{labels[name]} (Ctrl+{number})")
        self.tabs.setAccessibleName(self.tr("Parts of the package"))
        self.side.setAccessibleName(self.tr("Comments and checks"))
        self.side.addTab(self.comments_panel, self.tr("Comments"))
        self.side.addTab(self.checks_panel, self.tr("Checks"))
        self.side.addTab(self.changes_panel, self.tr("Tracked changes"))
        self.side.setMinimumWidth(260)
        # Folded until the first resize says there is room: shown at once, it would make the
        # window as wide as tabs and panel need before the window knows its size.
        self.side.hide()
        # Tab goes from the tab bar into its page, then to the side panel.
        keyboard.place_after(self.tabs.tabBar(), self.document_tab)
        self._restore_layout()

    def _part(self, name: str) -> QWidget:
        """The tab `name`, built (and filled with the package shown) on first use."""
        part = self._lazy.get(name)
        if part is not None:
            return part
        part = self._lazy[name] = self._make_lazy(name)
        keyboard.prepare(part)
        index = TABS.index(name)
        blocked = self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        page, label = self.tabs.widget(index), self.tabs.tabText(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, part, label)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        keyboard.place_after(self.tabs.tabBar(), part)
        page.deleteLater()
        if name in ("materials", "history"):
            self.session.remember_splitter(part.splitter, f"workspace_{name}")
        if self.session.package is not None:
            self._fill(name, self.tracking.shown or self.session.package)
        return part

    def _fill(self, name: str, package: Package, select_material: str | None = None) -> None:
        """Show the package in a built tab."""
        part, read_only = self._lazy[name], not self.session.editable
        if name == "plan":
            part.load(package.plan)
        elif name == "materials":
            part.load(package.materials, select_material)
        else:
            part.refresh()
        if name in ("plan", "materials"):
            part.set_read_only(read_only, self.session.may_comment)
            self.tracking.unlock(name)
            self.tracking.mark(self.changes_panel.changes)

    plan_tab = property(lambda self: self._part("plan"), doc="The plan tab (built on first use).")
    materials_tab = property(lambda self: self._part("materials"), doc="The materials tab.")
    signoff_tab = property(lambda self: self._part("signoff"), doc="The review and sign-off tab.")
    history_tab = property(lambda self: self._part("history"), doc="The history tab.")

    def is_built(self, name: str) -> bool:
        """Whether a lazily built tab ('plan', 'materials', 'signoff', 'history') exists yet."""
        return name in self._lazy

    def material_ids(self) -> list[str]:
        """Ids of the materials in the order the writer sees them."""
        if "materials" in self._lazy:
            return self._lazy["materials"].list.ids()
        package = self.session.package
        return [m.id for m in package.materials] if package else []

    def _connect(self) -> None:
        self.session.edited.connect(self._edited)
        self.autosave.state_changed.connect(self._show_save_state)
        self.autosave.state_changed.connect(self._report_save_failure)
        self.autosave.dirty_changed.connect(self.dirty_changed)
        self.autosave.conflict.connect(self.conflicts.resolve)
        self.header.conflict_button.clicked.connect(
            lambda: self.conflicts.resolve(self.autosave.conflicts()))
        self.header.save_version_button.clicked.connect(self.save_version)
        self.header.side_toggle.toggled.connect(self.show_side)
        self.header.retry_button.clicked.connect(self.save_now)
        self.comments_panel.count_changed.connect(self._comment_count)
        self.changes_panel.count_changed.connect(self._change_count)
        self.changes_panel.settled.connect(self._changes_settled)
        self.changes_panel.listed.connect(self.tracking.mark)
        self.tracking.proposed.connect(self.changes_panel.refresh)
        self.checks_panel.count_changed.connect(self._check_count)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.side.currentChanged.connect(lambda *_a: self._store_side_tab())
        # Ctrl+S belongs to the main window's Save action, which calls save_now().
        for keys, slot in ((COMMENT_SHORTCUT, self.comment_on_focus),
                           (QKeySequence("F7"), self.show_checks),
                           (QKeySequence("F8"), self.header.side_toggle.toggle)):
            QShortcut(keys, self, slot, context=Qt.WidgetWithChildrenShortcut)
        # Ctrl+1 … Ctrl+5: the parts, from anywhere in the window (also from the list).
        for number, name in enumerate(TABS, 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self,
                      lambda n=name: self.show_tab(n), context=Qt.WindowShortcut)
        self.header.show_save_state("saved", "")

    def _restore_layout(self) -> None:
        self.splitter.setSizes([1040, 340])
        self.session.remember_splitter(self.splitter, "workspace")
        self.session.remember_splitter(self.document_tab.splitter, "workspace_document")
        self.side.setCurrentIndex(min(self.settings.side_tab, self.side.count() - 1))

    def _store_side_tab(self) -> None:
        self.settings.side_tab = self.side.currentIndex()

    # -- the contract ---------------------------------------------------------------------
    @property
    def package_id(self) -> int | None:
        """Id of the package shown, or None."""
        return self.session.package_id

    def open_package(self, package_id: int | None) -> None:
        """Show a package (None clears the workspace).

        Edits still pending are dropped: the caller saves them first with save_now() and, when
        that fails, decides whether to discard them (as the main window does).
        """
        if package_id is None:
            self._clear(self.tr("Select a package in the list"))
            return
        try:
            package = self.session.fetch(package_id)
        except AppError as exc:
            self._clear(exc.message)
            return
        self._show(package)
        self.recovery.offer()

    def has_unsaved(self) -> bool:
        """Whether an edit is waiting to be saved."""
        return self.autosave.has_unsaved()

    def save_now(self) -> bool:
        """Save pending edits now; False when the save failed or was refused."""
        if not self.autosave.has_unsaved():
            return True
        return self.autosave.flush()

    def keep_for_later(self) -> bool:
        """Leave the pending edits in the recovery journal only (closing while saves fail)."""
        self.recovery.keep(self.autosave.pending())
        file = self.recovery.entry_file()
        if self.recovery.problem or file is None or not file.exists():
            alerts.warn(self, self.tr("Unsaved changes"), self.tr(
                "The changes could not be kept in the recovery journal: {reason}").format(reason=self.recovery.problem or "?"))
            return False
        self.autosave.stop()
        return True

    def discard_unsaved(self) -> None:
        """Drop the pending edits, from the journal too (the user chose 放弃修改)."""
        self.autosave.forget()

    # -- showing --------------------------------------------------------------------------
    def reload(self, select_material: str | None = None) -> None:
        """Read the package again (after a state change or a structural edit)."""
        if self.session.package_id is None:
            return
        try:
            package = self.session.fetch(self.session.package_id)
        except AppError as exc:
            self._clear(exc.message)
            return
        self._show(package, select_material)

    def _show(self, package: Package, select_material: str | None = None) -> None:
        self.autosave.set_enabled(False)
        self.autosave.forget()
        materials = self._lazy.get("materials")
        if materials is not None and package.id != self.session.package_id:
            materials.forget_deleted()
        self.session.load(package)
        shown = self.tracking.start(package)  # in 修订模式 the user's own version
        self.document_tab.load(shown.document)
        if select_material is not None:
            self._part("materials")  # the caller shows that material next
        self.document_tab.set_read_only(not self.session.editable, self.session.may_comment)
        self.tracking.unlock("document")
        for name in list(self._lazy):
            self._fill(name, shown, select_material)
        self._apply_rights()
        self.comments_panel.refresh()
        self.changes_panel.refresh()
        # Checks load the check engine and opencc: run them a moment after the package shows.
        self.checks_panel.schedule()
        self.stack.setCurrentIndex(1)
        self.autosave.set_enabled(self.session.editable or self.session.tracking)

    def _apply_rights(self) -> None:
        self.checks_panel.fix_enabled = self.session.editable
        self._show_header()
        self.header.save_version_button.setVisible(
            permissions.may(self.user, permissions.SAVE_VERSION, self.session.package))

    def _show_header(self) -> None:
        package = self.session.package
        self.header.show_package(package, self.session.name_of(package.holder_id),
                                 self.session.lock_reason())

    def _clear(self, message: str) -> None:
        self.autosave.forget()
        self.session.clear()
        self.placeholder.setText(message)
        self.stack.setCurrentIndex(0)

    def department_rules(self):
        """The rules of the open package's department (机关代字, leaders), read on this thread."""
        if self.session.package is None:
            return None
        try:
            return self.workbench.review.department_rules(self.user, self.session.package_id)
        except AppError:
            return None

    def working_copy(self) -> Package | None:
        """The package as the editors show it now (saved or not)."""
        base = self.session.package
        if base is None:
            return None
        plan, materials = self._lazy.get("plan"), self._lazy.get("materials")
        return replace(base, document=self.document_tab.value(base.document),
                       plan=plan.value(base.plan) if plan else base.plan,
                       materials=materials.values() if materials else base.materials)

    # -- saving ---------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        self.autosave.mark_dirty(key)
        self.checks_panel.schedule()

    def _save_part(self, key: str) -> None:
        """Save one part through the services with its row version (raises on failure)."""
        session = self.session
        if session.tracking:
            self.tracking.save(key)  # 修订模式: tracked changes, the content stays as it is
            return
        authoring, user, package = self.workbench.authoring, self.user, session.package
        if key == "document":
            document = self.document_tab.value(package.document)
            result = authoring.save_document(user, package.id, document, session.versions[key])
            package.document = document
        elif key == "plan":
            plan = self.plan_tab.value(package.plan)
            result = authoring.save_plan(user, package.id, plan, session.versions[key])
            package.plan = plan
        else:
            result = self._save_material(key)
        session.versions[key] = result.version
        if result.changed:
            self._after_save.start()

    def _save_material(self, key: str) -> SaveResult:
        package = self.session.package
        editor = self.materials_tab.editor(key.split(":", 1)[1])
        material = replace(editor.value(), row_version=self.session.versions[key])
        result = self.workbench.authoring.save_material(self.user, package.id, material)
        editor.base = replace(material, row_version=result.version)
        package.materials = [editor.base if m.id == material.id else m for m in package.materials]
        return result

    def _saved(self) -> None:
        """After a save that changed something: header, comment anchors, the list's last change."""
        if self.session.package is None:
            return
        self._show_header()
        self.comments_panel.refresh()
        self.events.package_changed.emit(self.session.package_id)

    def _show_save_state(self, state: str, message: str) -> None:
        kept = ""
        if state in ("failed", "invalid") and self.autosave.has_unsaved():
            file = self.recovery.entry_file()
            if self.recovery.problem:
                kept = self.tr("The recovery journal could not be written either: {reason}").format(reason=self.recovery.problem)
            elif file is not None and file.exists():
                kept = self.tr("Your changes stay in the editor and in the recovery journal "
                               "({file}) until a save succeeds.").format(file=str(file))
        self.header.show_save_state(state, message, kept)

    def _report_save_failure(self, state: str, message: str) -> None:
        if state in ("failed", "invalid") and message:
            self.events.status_message.emit(message)

    def save_version(self) -> bool:
        """Store a named snapshot of the package (after saving pending edits)."""
        if self.session.package is None or not self.save_now():
            return False
        from .signoff_dialogs import ReasonDialog

        label = ReasonDialog.ask(self, self.tr("Save version"), self.tr(
            "Store a snapshot of the whole package. Label (optional):"), required=False)
        if label is None:
            return False
        try:
            self.workbench.authoring.save_version(self.user, self.session.package_id, label)
        except AppError as exc:
            alerts.error(self, exc)
            return False
        if self.is_built("history"):
            self.history_tab.refresh()
        self.events.status_message.emit(self.tr("Version saved."))
        return True

    # -- navigation -----------------------------------------------------------------------
    def reveal(self, part: str, paragraph: int, quote: str = "") -> bool:
        """Show a part and select the quote in its n-th paragraph."""
        view = self.view_of(part)
        return view is not None and reveal_in(view, paragraph, quote)

    def reveal_change(self, change) -> bool:
        """Show the text of a tracked change with the text it replaces selected."""
        if self.view_of(change.target.partition(".")[0]) is None:
            return False
        edit = dict(self.tracking.edits()).get(change.target)
        return edit is not None and select_change(edit, change)

    def view_of(self, part: str):
        """The PartView showing a part ('document', 'plan', 'material:<id>'), made current."""
        if part == "document":
            self.tabs.setCurrentWidget(self.document_tab)
            return self.document_tab
        if part == "plan":
            self.tabs.setCurrentWidget(self.plan_tab)
            return self.plan_tab
        editor = self.materials_tab.select(part.split(":", 1)[-1])
        if editor is not None:
            self.tabs.setCurrentWidget(self.materials_tab)
        return editor

    def show_tab(self, name: str) -> None:
        """Show a part's tab ('document', 'plan', …) and put the keyboard focus in it."""
        if self.stack.currentIndex() != 1:
            return
        page = self.document_tab if name == "document" else self._part(name)
        self.tabs.setCurrentWidget(page)
        self.tabs.tabBar().setFocus(Qt.ShortcutFocusReason)

    def comment_on_focus(self) -> None:
        """Comment on the selection of the focused editor (Ctrl+Alt+M)."""
        focus = self.focusWidget()
        if isinstance(focus, AnchoredEdit):
            focus.request_comment()

    def show_side(self, shown: bool = True) -> None:
        """Show or fold away the comments and checks beside the parts (F8)."""
        self.side.setVisible(shown)
        if self.header.side_toggle.isChecked() != shown:
            self.header.side_toggle.setChecked(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = event.size().width() < SIDE_FOLD_WIDTH
        if narrow != self._narrow:  # only on crossing: the user's own choice stands until then
            self._narrow = narrow
            self.show_side(not narrow)

    def show_checks(self) -> None:
        """Show the checks panel and run the checks (F7)."""
        self.show_side(True)
        self.side.setCurrentWidget(self.checks_panel)
        self.checks_panel.run()

    def _tab_changed(self, index: int) -> None:
        name = TABS[index] if 0 <= index < len(TABS) else ""
        if name in self._lazy:
            if name == "history" and self.session.package:
                self._lazy[name].refresh()
        elif name and name != "document":
            self.tabs.setCurrentWidget(self._part(name))

    def _comment_count(self, count: int) -> None:
        label = self.tr("Comments")
        self.side.setTabText(0, f"{label} ({count})" if count else label)
        self.header.show_side_counts(count)

    def _built_part(self, name: str) -> QWidget | None:
        """A tab if it is built ('document' always is), for 修订模式."""
        return self.document_tab if name == "document" else self._lazy.get(name)

    def _change_count(self, count: int) -> None:
        label = self.tr("Tracked changes")
        index = self.side.indexOf(self.changes_panel)
        self.side.setTabText(index, f"{label} ({count})" if count else label)

    def _changes_settled(self) -> None:
        """A writer accepted or rejected changes: the content and the history are read again."""
        self.reload()
        if self.is_built("history"):
            self.history_tab.refresh()
        self.events.package_changed.emit(self.session.package_id)

    def _check_count(self, blocking: int, total: int) -> None:
        label = self.tr("Checks")
        self.side.setTabText(1, f"{label} ({total})" if total else label)
        self.side.setTabToolTip(1, self.tr("{count} findings, {blocking} blocking submit.").format(count=str(total), blocking=str(blocking)))
