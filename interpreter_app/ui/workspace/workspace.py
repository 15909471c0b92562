"""PackageWorkspace: one tab per part, review and history, comments and checks beside them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ...domain.errors import AppError
from ...domain.model import Package, User
from ...services.authoring import SaveResult
from ...services.workbench import Workbench
from .. import alerts
from ..events import AppEvents
from .anchors import COMMENT_SHORTCUT, AnchoredEdit
from .anchors import reveal as reveal_in
from .autosave import DEFAULT_DELAY_MS, AutosaveController
from .checks_panel import ChecksPanel
from .comments_panel import CommentsPanel
from .conflicts import ConflictResolver
from .document_tab import DocumentTab
from .findings import FindingNavigator
from .header import WorkspaceHeader
from .history_tab import HistoryTab
from .materials_tab import MaterialsTab
from .plan_tab import PlanTab
from .session import AUTOSAVE_DELAY_KEYS, PackageSession
from .signoff_dialogs import ReasonDialog
from .signoff_tab import SignoffTab

SIDE_TAB_KEY = "workspace/side_tab"


class PackageWorkspace(QWidget):
    """Shows one package; saves edits; offers the actions the user may take now."""

    dirty_changed = Signal(bool)

    def __init__(self, workbench: Workbench, user: User, events: AppEvents,
                 settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user, self.events, self.settings = workbench, user, events, settings
        self.session = PackageSession(workbench, user, events, settings, self)
        delay = self.session.setting_int(AUTOSAVE_DELAY_KEYS, DEFAULT_DELAY_MS)
        self.autosave = AutosaveController(self._save_part, delay, self)
        self._make_parts()
        self.navigator = FindingNavigator(self)
        self.checks_panel = ChecksPanel(self.working_copy, self.navigator.reveal,
                                        self.navigator.apply_fix, self.navigator.describe)
        self.conflicts = ConflictResolver(self)
        self._after_save = QTimer(self, singleShot=True, interval=0)
        self._after_save.timeout.connect(self._saved)
        self._build()
        self._connect()

    # -- construction ---------------------------------------------------------------------
    def _make_parts(self) -> None:
        session = self.session
        self.header = WorkspaceHeader()
        self.document_tab = DocumentTab(session)
        self.plan_tab = PlanTab(session)
        self.materials_tab = MaterialsTab(session, self.save_now, self.reload)
        self.signoff_tab = SignoffTab(session, self.save_now, self.reload)
        self.history_tab = HistoryTab(session, self.working_copy)
        self.comments_panel = CommentsPanel(session, self.save_now, self.reveal)

    def _build(self) -> None:
        self.tabs = QTabWidget(documentMode=True)
        for widget, label in ((self.document_tab, self.tr("Policy document")),
                              (self.plan_tab, self.tr("Interpretation plan")),
                              (self.materials_tab, self.tr("Materials")),
                              (self.signoff_tab, self.tr("Review and sign-off")),
                              (self.history_tab, self.tr("History"))):
            self.tabs.addTab(widget, label)
        self.side = QTabWidget(documentMode=True)
        self.side.addTab(self.comments_panel, self.tr("Comments"))
        self.side.addTab(self.checks_panel, self.tr("Checks"))
        self.side.setMinimumWidth(260)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.placeholder = QLabel(self.tr("Select a package in the list"), alignment=Qt.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._restore_layout()

    def _connect(self) -> None:
        self.session.edited.connect(self._edited)
        self.autosave.state_changed.connect(self.header.show_save_state)
        self.autosave.state_changed.connect(self._report_save_failure)
        self.autosave.dirty_changed.connect(self.dirty_changed)
        self.autosave.conflict.connect(self.conflicts.resolve)
        self.header.conflict_button.clicked.connect(
            lambda: self.conflicts.resolve(self.autosave.conflicts()))
        self.header.save_version_button.clicked.connect(self.save_version)
        self.comments_panel.count_changed.connect(self._comment_count)
        self.checks_panel.count_changed.connect(self._check_count)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.side.currentChanged.connect(lambda *_a: self._store_side_tab())
        # Ctrl+S belongs to the main window's Save action, which calls save_now().
        for keys, slot in ((COMMENT_SHORTCUT, self.comment_on_focus),
                           (QKeySequence("F7"), self.show_checks)):
            QShortcut(keys, self, slot, context=Qt.WidgetWithChildrenShortcut)
        self.header.show_save_state("saved", "")

    def _restore_layout(self) -> None:
        self.splitter.setSizes([1040, 340])
        self.session.remember_splitter(self.splitter, "workspace")
        self.session.remember_splitter(self.document_tab.splitter, "workspace_document")
        self.session.remember_splitter(self.materials_tab.splitter, "workspace_materials")
        self.session.remember_splitter(self.history_tab.splitter, "workspace_history")
        self.side.setCurrentIndex(self.session.setting_int(SIDE_TAB_KEY, 0))

    def _store_side_tab(self) -> None:
        self.settings.setValue(SIDE_TAB_KEY, self.side.currentIndex())

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

    def has_unsaved(self) -> bool:
        """Whether an edit is waiting to be saved."""
        return self.autosave.has_unsaved()

    def save_now(self) -> bool:
        """Save pending edits now; False when the save failed or was refused."""
        if not self.autosave.has_unsaved():
            return True
        return self.autosave.flush()

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
        if package.id != self.session.package_id:
            self.materials_tab.forget_deleted()
        self.session.load(package)
        self.document_tab.load(package.document)
        self.plan_tab.load(package.plan)
        self.materials_tab.load(package.materials, select_material)
        self._apply_rights()
        self.signoff_tab.refresh()
        self.history_tab.refresh()
        self.comments_panel.refresh()
        # Checks load the check engine and opencc: run them a moment after the package shows.
        self.checks_panel.schedule()
        self.stack.setCurrentIndex(1)
        self.autosave.set_enabled(self.session.editable)

    def _apply_rights(self) -> None:
        session = self.session
        read_only, may_comment = not session.editable, session.may_comment
        for tab in (self.document_tab, self.plan_tab, self.materials_tab):
            tab.set_read_only(read_only, may_comment)
        self.checks_panel.fix_enabled = not read_only
        self._show_header()
        roles = {"writer", "reviewer", "leader"}
        self.header.save_version_button.setVisible(bool(self.user.roles & roles))

    def _show_header(self) -> None:
        package = self.session.package
        self.header.show_package(package, self.session.name_of(package.holder_id),
                                 self.session.lock_reason())

    def _clear(self, message: str) -> None:
        self.autosave.forget()
        self.session.clear()
        self.placeholder.setText(message)
        self.stack.setCurrentIndex(0)

    def working_copy(self) -> Package | None:
        """The package as the editors show it now (saved or not)."""
        base = self.session.package
        if base is None:
            return None
        return replace(base, document=self.document_tab.value(base.document),
                       plan=self.plan_tab.value(base.plan),
                       materials=self.materials_tab.values())

    # -- saving ---------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        self.autosave.mark_dirty(key)
        self.checks_panel.schedule()

    def _save_part(self, key: str) -> None:
        """Save one part through the services with its row version (raises on failure)."""
        session = self.session
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

    def _report_save_failure(self, state: str, message: str) -> None:
        if state in ("failed", "invalid") and message:
            self.events.status_message.emit(message)

    def save_version(self) -> bool:
        """Store a named snapshot of the package (after saving pending edits)."""
        if self.session.package is None or not self.save_now():
            return False
        label = ReasonDialog.ask(self, self.tr("Save version"), self.tr(
            "Store a snapshot of the whole package. Label (optional):"), required=False)
        if label is None:
            return False
        try:
            self.workbench.authoring.save_version(self.user, self.session.package_id, label)
        except AppError as exc:
            alerts.error(self, exc)
            return False
        self.history_tab.refresh()
        self.events.status_message.emit(self.tr("Version saved."))
        return True

    # -- navigation -----------------------------------------------------------------------
    def reveal(self, part: str, paragraph: int, quote: str = "") -> bool:
        """Show a part and select the quote in its n-th paragraph."""
        view = self.view_of(part)
        return view is not None and reveal_in(view, paragraph, quote)

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

    def comment_on_focus(self) -> None:
        """Comment on the selection of the focused editor (Ctrl+Alt+M)."""
        focus = self.focusWidget()
        if isinstance(focus, AnchoredEdit):
            focus.request_comment()

    def show_checks(self) -> None:
        """Show the checks panel and run the checks (F7)."""
        self.side.setCurrentWidget(self.checks_panel)
        self.checks_panel.run()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history_tab and self.session.package:
            self.history_tab.refresh()

    def _comment_count(self, count: int) -> None:
        label = self.tr("Comments")
        self.side.setTabText(0, f"{label} ({count})" if count else label)

    def _check_count(self, blocking: int, total: int) -> None:
        label = self.tr("Checks")
        self.side.setTabText(1, f"{label} ({total})" if total else label)
        self.side.setTabToolTip(1, self.tr("%1 findings, %2 blocking submit.")
                                .replace("%1", str(total)).replace("%2", str(blocking)))
