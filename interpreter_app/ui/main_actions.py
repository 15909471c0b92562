"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar

translate = QCoreApplication.translate


@dataclass
class MainActions:
    """Every action of the main window, created once and shared by menus and toolbar."""

    new_package: QAction
    import_file: QAction
    export: QAction
    import_review: QAction
    connect_server: QAction
    backup: QAction
    restore: QAction
    quit: QAction
    save: QAction
    find: QAction
    refresh: QAction
    statistics: QAction
    lang_zh: QAction
    lang_en: QAction
    users: QAction
    departments: QAction
    routes: QAction
    time_limit: QAction
    holidays: QAction
    change_password: QAction
    about: QAction
    log_out: QAction


def _action(parent: QObject, text: str, tip: str, shortcut: str | QKeySequence.StandardKey = "",
            icon: QIcon | None = None) -> QAction:
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        # Application-wide: the keys work as soon as the application has the keyboard, also
        # before the main window itself has been activated (right after the log-in dialog).
        action.setShortcutContext(Qt.ApplicationShortcut)
        tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if icon is not None:
        action.setIcon(icon)
    return action


def create_actions(window: QMainWindow) -> MainActions:
    """The actions, with shortcuts, tooltips and standard icons."""
    icon = window.style().standardIcon
    language = QActionGroup(window)
    lang_zh = _action(window, "简体中文", translate("MainActions", "Show the interface in Simplified Chinese"))
    lang_en = _action(window, "English", translate("MainActions", "Show the interface in English"))
    for action in (lang_zh, lang_en):
        action.setCheckable(True)
        language.addAction(action)
    return MainActions(
        new_package=_action(window, translate("MainActions", "&New package…"), translate("MainActions", "Create an empty interpretation package"),
                            "Ctrl+N", icon(QStyle.SP_FileIcon)),
        import_file=_action(window, translate("MainActions", "&Import file…"),
                            translate("MainActions", "Create a package from a Word or text file"), "Ctrl+O",
                            icon(QStyle.SP_DialogOpenButton)),
        export=_action(window, translate("MainActions", "&Export…"), translate("MainActions", "Export the selected package as Word files or a pack"),
                       "Ctrl+E", icon(QStyle.SP_ArrowDown)),
        import_review=_action(window, translate("MainActions", "Import edited &draft…"),
                              translate("MainActions", "Bring back a review draft edited in Word, WPS or "
                                                       "LibreOffice: its changes and comments")),
        connect_server=_action(window, translate("MainActions", "&Connect to server…"),
                               translate("MainActions", "Work on the department's database server, or on this computer's database")),
        backup=_action(window, translate("MainActions", "&Back up database…"), translate("MainActions", "Save a copy of the whole database")),
        restore=_action(window, translate("MainActions", "&Restore from backup…"),
                        translate("MainActions", "Replace the database with a backup copy")),
        quit=_action(window, translate("MainActions", "E&xit"), translate("MainActions", "Close the application"), "Ctrl+Q"),
        save=_action(window, translate("MainActions", "&Save"), translate("MainActions", "Save the open package now"), "Ctrl+S",
                     icon(QStyle.SP_DialogSaveButton)),
        find=_action(window, translate("MainActions", "&Find packages"), translate("MainActions", "Jump to the search box"), "Ctrl+F"),
        refresh=_action(window, translate("MainActions", "&Refresh"), translate("MainActions", "Read the list again"), "F5",
                        icon(QStyle.SP_BrowserReload)),
        statistics=_action(window, translate("MainActions", "S&tatistics"), translate("MainActions", "Figures and charts of interpretation work"),
                           "Ctrl+Shift+S", icon(QStyle.SP_FileDialogDetailedView)),
        lang_zh=lang_zh, lang_en=lang_en,
        users=_action(window, translate("MainActions", "&Users…"), translate("MainActions", "Add, disable and reset user accounts")),
        departments=_action(window, translate("MainActions", "&Departments…"), translate("MainActions", "Add departments and issuer codes")),
        routes=_action(window, translate("MainActions", "Approval &routes…"),
                       translate("MainActions", "The steps a package passes before it is signed, by department")),
        time_limit=_action(window, translate("MainActions", "Interpretation &time limit…"),
                           translate("MainActions", "Within how many working days after the document interpretation counts as on time")),
        holidays=_action(window, translate("MainActions", "&Holidays…"),
                         translate("MainActions", "Official holidays and weekends worked, for counting working days")),
        change_password=_action(window, translate("MainActions", "Change my &password…"),
                                translate("MainActions", "Set a new password for this account")),
        about=_action(window, translate("MainActions", "&About"), translate("MainActions", "Version, data location and licences")),
        log_out=_action(window, translate("MainActions", "&Log out / switch user…"),
                        translate("MainActions", "Save, close this account's work and log in as someone else")),
    )


def build_menus(window: QMainWindow, a: MainActions, *, is_admin: bool) -> None:
    """File, Edit, View, Admin (administrators only) and Help menus."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainActions", "&File"))
    file_menu.addActions([a.new_package, a.import_file, a.export, a.import_review])
    file_menu.addSeparator()
    file_menu.addAction(a.connect_server)
    file_menu.addActions([a.backup, a.restore])
    file_menu.addSeparator()
    file_menu.addActions([a.change_password, a.log_out, a.quit])
    edit_menu = bar.addMenu(translate("MainActions", "&Edit"))
    edit_menu.addActions([a.save, a.find])
    view_menu = bar.addMenu(translate("MainActions", "&View"))
    view_menu.addActions([a.refresh, a.statistics])
    view_menu.addSeparator()
    language = view_menu.addMenu(translate("MainActions", "&Language"))
    language.addActions([a.lang_zh, a.lang_en])
    if is_admin:
        admin_menu = bar.addMenu(translate("MainActions", "&Administration"))
        admin_menu.addActions([a.users, a.departments, a.routes, a.time_limit, a.holidays])
    help_menu = bar.addMenu(translate("MainActions", "&Help"))
    help_menu.addAction(a.about)


def build_toolbar(window: QMainWindow, a: MainActions) -> QToolBar:
    """The main toolbar: the everyday actions with text beside their icons."""
    toolbar = window.addToolBar(translate("MainActions", "Main toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(window.toolButtonStyle().ToolButtonTextBesideIcon)
    toolbar.addActions([a.new_package, a.import_file, a.export])
    toolbar.addSeparator()
    toolbar.addActions([a.save, a.refresh, a.statistics])
    return toolbar
