"""The QApplication: name, high-DPI policy, bundled font, translations, style and icon."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ..resources import resource_path
from .settings import APPLICATION, ORGANIZATION
from .style import TEXT, style_sheet

FONT_POINT_SIZE = 10.5
ICON_SIZES = (16, 32, 48, 64, 128, 256)


@dataclass
class AppContext:
    """The application object and what must stay alive with it (translators)."""

    app: QApplication
    language: str
    font_families: list[str] = field(default_factory=list)
    translators: list[QTranslator] = field(default_factory=list)


def create_application(argv: list[str], language: str) -> AppContext:
    """The one QApplication of the process, set up for the language ("zh_CN" or "en")."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("interpreter-app")  # matches the .desktop entry on Wayland
    app.setOrganizationName(ORGANIZATION)
    context = AppContext(app, language)
    context.font_families = install_font(app)
    context.translators = install_translators(app, language)
    app.setStyle("Fusion")
    palette = app.palette()
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Active, role, QColor(TEXT))
        palette.setColor(QPalette.Inactive, role, QColor(TEXT))
    app.setPalette(palette)
    down, up = resource_path("icons", "chevron-down.svg"), resource_path("icons", "chevron-up.svg")
    app.setStyleSheet(style_sheet(down.as_posix() if down.is_file() else "",
                                  up.as_posix() if up.is_file() else ""))
    app.setWindowIcon(app_icon())
    return context


@contextlib.contextmanager
def style_sheet_after_building() -> Iterator[None]:
    """Build a large widget tree without the application style sheet, then apply it once.

    Under a style sheet every reparenting re-polishes the whole subtree moved, and a tree
    built bottom-up is reparented at every level: the main window took 75 ms instead of 43.
    """
    app = QApplication.instance()
    sheet = app.styleSheet() if app is not None else ""
    if not sheet:
        yield
        return
    app.setStyleSheet("")
    try:
        yield
    finally:
        app.setStyleSheet(sheet)


def register_bundled_fonts() -> list[str]:
    """Register the bundled CJK fonts with Qt; the families that loaded (none on failure)."""
    from ..export.fonts import bundled_font_paths

    families: list[str] = []
    for path in bundled_font_paths():
        # From memory, not the path: an update replacing the file cannot garble a running app.
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(path.read_bytes()))
        if font_id == -1:  # a wrong or damaged file: Qt says nothing, so we do
            print(f"警告：无法加载字体 {path}，改用系统字体", file=sys.stderr)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def font_families(bundled: list[str]) -> list[str]:
    """Bundled family first, then installed CJK fonts for characters outside the subset."""
    from ..export.fonts import SYSTEM_FALLBACKS

    installed = set(QFontDatabase.families())
    chain = list(bundled)
    chain += [name for name in SYSTEM_FALLBACKS if name in installed and name not in chain]
    return chain


def install_font(app: QApplication) -> list[str]:
    """Make the bundled CJK font (with fallbacks) the application font; returns the chain."""
    chain = font_families(register_bundled_fonts())
    font = QFont(app.font())
    if chain:
        font.setFamilies(chain)
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    return chain


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own zh_CN strings and every compiled resources/i18n/*_zh_CN.qm (none for English)."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    files = [QLibraryInfo.path(QLibraryInfo.TranslationsPath) + "/qtbase_zh_CN.qm"]
    files += [str(p) for p in sorted(resource_path("i18n").glob("*_zh_CN.qm"))]
    translators = []
    for name in files:
        translator = QTranslator(app)
        if translator.load(name):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def app_icon() -> QIcon:
    """The application icon in every rendered size (empty when the PNGs are missing)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"app-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
