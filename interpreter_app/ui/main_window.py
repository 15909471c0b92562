"""The main window: views, the package list and the workspace of the selected package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from ..domain import permissions
from ..domain.model import User
from ..services.workbench import Workbench
from . import alerts, keyboard
from .app_setup import style_sheet_after_building
from .backup_actions import RestoreRequest
from .events import AppEvents
from .file_types import IMPORT_SUFFIXES
from .jobs import start_job
from .labels import roles_text
from .live_desk import LiveDesk
from .main_actions import build_menus, build_toolbar, create_actions
from .main_commands import MainCommands
from .package_list import PackageListPanel
from .settings import AppSettings
from .view_list import ViewList, default_view, views_for
from .workspace import PackageWorkspace

REFRESH_DELAY_MS = 200  # autosaves come in bursts: one refresh for all of them
# Below this window width (logical pixels) the toolbar shows icons only, so that the search
# box stays on screen; the names stay in the tooltips and the menus.
COMPACT_TOOLBAR_WIDTH = 1180
SEARCH_MIN_WIDTH = 220
# The window may always shrink to this: panels fold away as it narrows (the workspace's side
# panel, the toolbar's names), so no content ever forces the window wider than a small screen.
MINIMUM_SIZE = QSize(800, 520)
LIST_MIN_ROWS = 3
LIST_SHARE = 0.36  # of the list-and-workspace height, for the package list at first start
SHORT_LIST_SHARE = 0.24  # the same in a short window (768 pixels at 125 %): the editors need it
TALL_ENOUGH = 600


def count_views(db_path: Path, user: User) -> dict[str, int]:
    """Row count of every view, with a connection of the worker's own."""
    workbench = Workbench.open(db_path)
    try:
        return workbench.listing.counts(user)
    finally:
        workbench.close()


class MainWindow(QMainWindow):
    """Everything a user sees after logging in."""

    log_out_requested = Signal()  # 注销/切换用户 was chosen

    def __init__(self, workbench: Workbench, user: User, events: AppEvents,
                 settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user, self.events, self.settings = workbench, user, events, settings
        # A file path, or the server address (with its password, in memory only).
        self.db_path: Path | str = (workbench.address if workbench.is_server
                                    else Path(workbench.address))
        self.restore_source: RestoreRequest | None = None  # the backup the admin asked for
        self.switch_to: Path | str | None = None  # set when the user chose another database
        self.open_id: int | None = None
        self.setObjectName("mainWindow")
        # [*] is where Qt shows the unsaved mark that setWindowModified sets.
        self.setWindowTitle(self.tr("Policy Interpretation Workbench — {name}").format(
            name=user.display_name) + "[*]")
        self.setAcceptDrops(True)
        self.setMinimumSize(MINIMUM_SIZE)
        with style_sheet_after_building():
            self.views = ViewList(views_for(user), self)
            self.packages = PackageListPanel(workbench.listing, user, self)
            # Its splitters and side panel are remembered for this user only.
            self.workspace = PackageWorkspace(workbench, user, events,
                                              settings.for_user(user.username), self)
            self.main_actions = create_actions(self)
            self.commands = MainCommands(self)
            self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
            self._build()
            keyboard.prepare(self)
        self._connect()
        self._restore_layout()
        self.views.select_view(self.initial_view())
        self._counts_asked = 0
        self.views.set_counts(workbench.listing.counts(user))
        self.live = LiveDesk(self)  # other desks' changes, on a server database
        self.live.start()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.outer = QSplitter(Qt.Horizontal, self)
        self.outer.setObjectName("outerSplitter")
        self.outer.setChildrenCollapsible(False)
        self.outer.addWidget(self._sidebar())
        self.inner = QSplitter(Qt.Vertical, self.outer)
        self.inner.setObjectName("innerSplitter")
        self.inner.setChildrenCollapsible(False)
        self._list_pane = self._make_list_pane()
        self.inner.addWidget(self._list_pane)
        self.inner.addWidget(self.workspace)
        self.outer.addWidget(self.inner)
        self.outer.setStretchFactor(1, 1)
        self.inner.setStretchFactor(1, 1)
        self.setCentralWidget(self.outer)
        QWidget.setTabOrder(self.packages.search, self.views)
        QWidget.setTabOrder(self.views, self.packages.table)
        build_menus(self, self.main_actions, is_admin=self.user.has("admin"))
        toolbar = build_toolbar(self, self.main_actions)
        # Compact until the first resize says there is room (as the workspace's side panel).
        toolbar.setToolButtonStyle(Qt.ToolButtonIconOnly)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        toolbar.addWidget(spacer)
        self.packages.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.packages.search_row.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.packages.search_row.setMaximumWidth(520)
        toolbar.addWidget(self.packages.search_row)
        self.toolbar = toolbar
        self._build_status_bar()

    def _sidebar(self) -> QWidget:
        pane = QWidget(self)
        pane.setObjectName("sidebar")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(8, 10, 0, 8)
        title = QLabel(self.tr("Packages"), pane)
        title.setObjectName("sidebarTitle")
        layout.addWidget(title)
        layout.addWidget(self.views, 1)
        return pane

    def _make_list_pane(self) -> QWidget:
        pane = QWidget(self)
        pane.setObjectName("listPane")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.packages)
        # The list keeps a few rows however tall the workspace's tab is (that tab scrolls).
        table = self.packages.table
        pane.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                              + LIST_MIN_ROWS * table.verticalHeader().defaultSectionSize() + 12)
        return pane

    def _build_status_bar(self) -> None:
        department = self._department_name()
        parts = [self.user.display_name, roles_text(self.user.roles)]
        if department:
            parts.append(department)
        who = QLabel("  ·  ".join(p for p in parts if p), self)
        who.setObjectName("statusUser")
        shown = self.workbench.store.path  # never the password
        where = QLabel((self.tr("Server: {address}") if self.workbench.is_server
                        else self.tr("Database: {path}")).format(address=shown, path=shown), self)
        where.setObjectName("statusDatabase")
        where.setToolTip(shown)
        self.statusBar().addWidget(who)
        self.statusBar().addPermanentWidget(where)

    def _department_name(self) -> str:
        if self.user.all_departments:
            return self.tr("All departments")
        names = {d.id: d.name for d in self.workbench.accounts.departments()}
        return names.get(self.user.department_id, "")

    def _connect(self) -> None:
        self.views.view_selected.connect(self.packages.show_view)
        self.packages.package_selected.connect(self.open_package)
        self.events.package_changed.connect(lambda _id: self._refresh_timer.start())
        self.events.packages_changed.connect(self._refresh_timer.start)
        self.events.package_opened.connect(self.show_package)
        self.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._refresh_timer.timeout.connect(self.refresh)
        self.workspace.dirty_changed.connect(self._on_dirty)
        self.commands.connect_actions(self.main_actions)
        self._on_dirty(False)

    # -- list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the counts and rows again, keeping the selection."""
        self.refresh_counts()
        self.packages.refresh()

    def refresh_counts(self) -> None:
        """Count the views in a worker (a moment with many packages) and update the badges."""
        self._counts_asked += 1
        asked = self._counts_asked
        start_job(self, "", count_views, self.db_path, self.user, show_progress=False,
                  on_result=lambda counts: self._show_counts(asked, counts),
                  on_error=lambda exc: self.events.status_message.emit(str(exc)))

    def _show_counts(self, asked: int, counts: dict[str, int]) -> None:
        if asked == self._counts_asked:  # an older answer never overwrites a newer one
            self.views.set_counts(counts)

    def open_package(self, package_id: int) -> None:
        """Show a package in the workspace, saving pending edits of the previous one first."""
        previous = self.open_id
        if previous == package_id:
            return
        if not self._leave_open_package():
            self.packages.select_package(previous)
            return
        self.open_id = package_id
        self.workspace.open_package(package_id)
        self.main_actions.export.setEnabled(self._may_export())
        self.main_actions.import_review.setEnabled(self._may_import_review())

    def _leave_open_package(self) -> bool:
        """Save pending edits; when that fails, ask whether to discard them."""
        if not self.workspace.has_unsaved() or self.workspace.save_now():
            return True
        with self.workspace.autosave.paused():  # the answer decides, not a timer meanwhile
            discard = alerts.confirm(self, self.tr("Unsaved changes"), self.tr(
                "The changes to the open package could not be saved. Discard them?"))
        if discard:
            self.workspace.discard_unsaved()
        return discard

    def close_workspace(self) -> bool:
        """Save pending edits (asking to discard them when saving fails) and clear the
        workspace, for a log-out; False when the user keeps the edits."""
        if not self._leave_open_package():
            return False
        self.open_id = None
        self.workspace.open_package(None)
        return True

    def show_package(self, package_id: int) -> None:
        """Open a package and select it in the list (after creating or importing it)."""
        self.refresh()
        self.packages.select_package(package_id)
        self.open_package(package_id)

    def current_package_id(self) -> int | None:
        """The package in the workspace."""
        return self.open_id

    def _may_import_review(self) -> bool:
        package = self.workspace.session.package
        return package is not None and (permissions.may(self.user, permissions.SETTLE_CHANGE,
                                                        package)
                                        or permissions.party_of(self.user, package) is not None)

    def _may_export(self) -> bool:
        package = self.workspace.session.package
        return package is not None and permissions.may(self.user, permissions.EXPORT, package)

    def _on_dirty(self, dirty: bool) -> None:
        self.main_actions.save.setEnabled(dirty)
        self.setWindowModified(dirty)

    # -- layout memory ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        """This user's window, splitters, list columns and view as they left them; else sized
        to the screen."""
        mine = self.settings.for_user(self.user.username)
        geometry, state = mine.window_geometry(), mine.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(self._first_size())
        if state is not None:
            self.restoreState(state)
        sidebar = self.views.minimumSizeHint().width() + 8
        self.outer.setSizes(mine.splitter_sizes("outer") or [sidebar, self.width() - sidebar])
        columns = mine.table_columns("packages")
        if columns is not None:
            self.packages.table.horizontalHeader().restoreState(columns)
        inner = mine.splitter_sizes("inner")
        self._split_on_show = not inner  # first start: by the height the window shows with
        self.inner.setSizes(inner or [300, 560])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._split_on_show:
            self._split_on_show = False
            height = sum(self.inner.sizes())
            share = LIST_SHARE if height >= TALL_ENOUGH else SHORT_LIST_SHARE
            listed = max(int(height * share), self._list_pane.minimumHeight())
            self.inner.setSizes([listed, max(height - listed, 1)])

    def _first_size(self) -> QSize:
        """1440×900, or the screen's available area when that is smaller."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 200:
            return QSize(1440, 900)
        return QSize(min(1440, screen.width()), min(900, screen.height()))

    def initial_view(self) -> str:
        """The view this user had open last time, else the one with their work."""
        last = self.settings.for_user(self.user.username).last_view()
        return last if last in views_for(self.user) else default_view(self.user)

    def save_layout(self) -> None:
        """Remember this user's geometry, toolbar state, splitters, list columns and view."""
        mine = self.settings.for_user(self.user.username)
        mine.save_window(self.saveGeometry(), self.saveState())
        mine.set_splitter_sizes("outer", self.outer.sizes())
        mine.set_splitter_sizes("inner", self.inner.sizes())
        mine.set_last_view(self.views.current_view())
        mine.set_table_columns("packages", self.packages.table.horizontalHeader().saveState())
        self.settings.sync()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        compact = event.size().width() < COMPACT_TOOLBAR_WIDTH
        self.toolbar.setToolButtonStyle(Qt.ToolButtonIconOnly if compact
                                        else Qt.ToolButtonTextBesideIcon)

    # -- closing and dropping -----------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.may_close():
            event.ignore()
            return
        self.save_layout()
        self.commands.close_windows()
        self.live.stop()
        event.accept()

    def may_close(self) -> bool:
        """Ask about unsaved work: save, discard or cancel."""
        if not self.workspace.has_unsaved():
            return True
        with self.workspace.autosave.paused():  # 放弃修改 must find the database untouched
            choice = alerts.choose(self, self.tr("Unsaved changes"),
                                   self.tr("The open package has changes that are not saved yet."),
                                   [self.tr("Save"), self.tr("Discard"),
                                    self.tr("Keep for the next start")])
        if choice == 0:
            return self.workspace.save_now()
        if choice == 1:
            self.workspace.discard_unsaved()
        if choice == 2:
            return self.workspace.keep_for_later()
        return choice == 1

    def offer_recovery(self) -> None:
        """At start: open the package whose unsaved changes a previous run left in the journal."""
        from ..services import journal

        entries = journal.list_entries(self.workspace.recovery.folder, self.db_path, self.user.id)
        if not entries:
            return
        self.show_package(entries[0].package_id)
        if len(entries) > 1:
            self.events.status_message.emit(self.tr(
                "{count} more packages have unsaved changes from an earlier session; opening one "
                "offers them back.").format(count=str(len(entries) - 1)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.commands.import_file(path)

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        may_create = permissions.may(self.user, permissions.CREATE)
        return path if may_create and path.suffix.lower() in IMPORT_SUFFIXES else None
