"""--screenshot: log in without dialogs, render the main window as that user sees it, save a PNG."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication

from ..domain.errors import AppError, AuthError, NotFoundError
from ..services.workbench import Workbench
from .events import AppEvents
from .settings import AppSettings

SIZE = (1440, 900)
SETTLE_LIMIT = 10.0  # seconds: a worker that never ends must not hang the screenshot
PNG_QUALITY = 80  # zlib level 1 instead of 6: a third faster to write, the same size
IDLE_PASSES = 3  # event-loop passes with no worker running before the window counts as settled


class ScreenshotError(Exception):
    """A one-line Chinese reason why no screenshot was taken."""


def use_offscreen_without_display() -> None:
    """Render offscreen when there is no display (must run before the QApplication exists)."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app: QApplication, minimum: float = 0.0) -> None:
    """Process events until background jobs (counts, chart previews) are done and the event
    queue has drained; waiting a fixed time instead cost every screenshot a second."""
    start = time.monotonic()
    deadline = start + SETTLE_LIMIT
    pool = QThreadPool.globalInstance()
    idle = 0
    while time.monotonic() < deadline and (idle < IDLE_PASSES
                                           or time.monotonic() - start < minimum):
        app.processEvents()
        if pool.activeThreadCount():
            pool.waitForDone(20)
            idle = 0
        else:
            idle += 1


def take_screenshot(app: QApplication, db_path: Path, username: str, out: Path,
                    size: tuple[int, int] | None = None) -> None:
    """Save the main window as `username` sees it, filling a screen of `size` device pixels
    (SIZE by default) at the display scaling in effect; ScreenshotError with the reason."""
    from .main_window import MainWindow

    password = os.environ.get("INTERPRETER_PASSWORD", "")
    if not password:
        raise ScreenshotError("未设置环境变量 INTERPRETER_PASSWORD，无法以该用户登录")
    if not db_path.exists():
        raise ScreenshotError(f"数据库 {db_path} 不存在")
    try:
        workbench = Workbench.open(db_path)
    except AppError as exc:
        raise ScreenshotError(f"无法打开数据库：{exc.message}") from exc
    try:
        try:
            workbench.accounts.user(username)
        except NotFoundError:
            raise ScreenshotError(f"用户“{username}”不存在") from None
        try:
            user = workbench.accounts.login(username, password)
        except AuthError as exc:
            raise ScreenshotError(f"登录失败：{exc.message}") from exc
        with tempfile.TemporaryDirectory() as tmp:
            settings = AppSettings.at_path(str(Path(tmp) / "screenshot.ini"))
            window = MainWindow(workbench, user, AppEvents(), settings)
            _render(app, window, out, size or SIZE)
    finally:
        QThreadPool.globalInstance().waitForDone(5000)
        workbench.close()


def _render(app: QApplication, window, out: Path, size: tuple[int, int]) -> None:
    ratio = window.devicePixelRatioF() or 1.0
    window.resize(round(size[0] / ratio), round(size[1] / ratio))
    if window.packages.model.rowCount():  # the first rows are read while the window is built
        window.packages.select_row(0)
    window.show()
    settle(app)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not _grab(window).save(str(out), "PNG", PNG_QUALITY):
        raise ScreenshotError(f"无法写入截图文件 {out}")
    window.hide()
    window.deleteLater()
    app.processEvents()


def _grab(window) -> QPixmap:
    """The window as painted. Offscreen, the window's own buffer already holds the settled
    frame (a copy, 5 ms); elsewhere, and when scaled (the copy would be in logical pixels), it
    is painted again (30 ms)."""
    if QGuiApplication.platformName() == "offscreen" and window.devicePixelRatioF() == 1.0:
        return window.screen().grabWindow(window.winId())
    return window.grab()
