"""interpreter-app: start-up, the log-in loop and --screenshot."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ARG_LANGUAGES = ("zh_CN", "en")
EXIT_OK, EXIT_REFUSED = 0, 2
SCALE_RANGE = (1.0, 3.0)


def screen_size(text: str) -> tuple[int, int]:
    """--size WxH: the screen in device pixels, e.g. 1366x768."""
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if not (sep and width.isdigit() and height.isdigit()) or min(int(width), int(height)) < 320:
        raise argparse.ArgumentTypeError(f"尺寸应写作 宽x高（像素，至少 320），例如 1366x768：{text}")
    return int(width), int(height)


def scale_factor(text: str) -> float:
    """--scale F: the display scaling, e.g. 1.25 for 125 %."""
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        value = 0.0
    if not SCALE_RANGE[0] <= value <= SCALE_RANGE[1]:
        raise argparse.ArgumentTypeError(f"缩放比例应在 1 到 3 之间，例如 1.25 或 150%：{text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Command-line options of the desktop application."""
    p = argparse.ArgumentParser(prog="interpreter-app", description="政策解读工作台")
    p.add_argument("--db", help="数据库文件，或数据库服务器地址 postgresql://用户名@服务器:5432/数据库名"
                                "（默认：INTERPRETER_DB、上次连接的服务器或用户数据目录中的文件）")
    p.add_argument("--demo", action="store_true", help="打开演示数据库（不存在时自动生成）")
    p.add_argument("--screenshot", type=Path, metavar="PNG", help="把主界面截图保存为 PNG 后退出")
    p.add_argument("--user", help="截图时登录的用户（密码取自 INTERPRETER_PASSWORD）")
    p.add_argument("--size", type=screen_size, metavar="WxH",
                   help="截图的屏幕尺寸（像素，默认 1440x900）")
    p.add_argument("--scale", type=scale_factor, metavar="F",
                   help="显示缩放比例，例如 1.25 或 150%%（与系统的缩放设置相同）")
    p.add_argument("--lang", choices=ARG_LANGUAGES, help="界面语言：zh_CN（默认）或 en")
    return p


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while starting: start-up makes long-lived objects (modules,
    widgets), and collecting among them again and again cost about 10 ms."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    """Run the application; the exit code."""
    args = build_parser().parse_args(argv)
    if args.screenshot and not args.user:
        print("使用 --screenshot 时须用 --user 指定登录用户", file=sys.stderr)
        return EXIT_REFUSED
    with collector_paused():
        if args.screenshot:
            from .screenshot import use_offscreen_without_display

            use_offscreen_without_display()
        if args.scale:  # read by Qt when the application is created
            os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
        from .app_setup import create_application
        from .settings import AppSettings
        from .startup import database_path

        language = args.lang or ("zh_CN" if args.screenshot else AppSettings().language)
        context = create_application(sys.argv[:1], language)
        if args.screenshot:
            return _screenshot(context.app, database_path(args.db, args.demo), args)
    return run_gui(context.app, args.db, demo=args.demo)


def _screenshot(app, db_path: Path, args: argparse.Namespace) -> int:
    from .screenshot import ScreenshotError, take_screenshot
    from .startup import build_demo_database

    try:
        if args.demo:
            build_demo_database(db_path, show_progress=False)
        take_screenshot(app, db_path, args.user, args.screenshot, size=args.size)
    except ScreenshotError as exc:
        print(f"截图失败：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def run_gui(app, db: str | None, *, demo: bool) -> int:
    """Log in, show the main window, and start again after a restore from backup or on the
    database chosen in 连接服务器."""
    from .settings import AppSettings
    from .startup import (
        build_demo_database,
        choose_first_database,
        database_path,
        demo_hint,
        first_start,
    )

    settings = AppSettings()
    if first_start(db, demo, settings):
        db_path = choose_first_database(settings)
        if db_path is None:
            return EXIT_OK
    else:
        db_path = database_path(db, demo, settings)
    if demo:
        try:
            build_demo_database(db_path, show_progress=True)
        except Exception as exc:  # the reason is shown; nothing else can be done here
            from . import alerts

            alerts.error(None, exc)
            return EXIT_REFUSED
    hint = demo_hint() if demo else None
    while True:
        outcome = run_session(app, db_path, settings, hint)
        if outcome is None or isinstance(outcome, int):
            return outcome or EXIT_OK
        from .backup_actions import RestoreRequest, restore_database

        if isinstance(outcome, RestoreRequest):  # a NamedTuple: asked before the switch below
            restore_database(None, outcome, db_path)
            continue
        if isinstance(outcome, tuple):  # ("switch", database)
            db_path, hint = outcome[1], None


def run_session(app, db_path: Path | str, settings, hint: str | None):
    """One log-in until the window closes: an exit code, the RestoreRequest to carry out before
    the next, or ("switch", database) when the user chose another database."""
    from PySide6.QtCore import QThreadPool

    from .backup_actions import start_auto_backup
    from .desk import Desk
    from .events import AppEvents
    from .startup import authenticate, open_workbench

    workbench = open_workbench(db_path, settings)
    if workbench is None:
        return EXIT_REFUSED
    refusal = None if hint else workbench.trust.pin_problem()  # the demo's password is public
    if refusal:
        from ..domain.errors import PermissionDenied
        from . import alerts

        workbench.close()
        alerts.error(None, PermissionDenied(refusal))
        return EXIT_REFUSED
    try:
        user = authenticate(workbench, settings, hint)
        if user is None:
            return EXIT_OK
        with collector_paused():
            events = AppEvents()
            desk = Desk(workbench, settings, hint)
            desk.open(user, events)
        # A server is backed up by its administrator (pg_dump), not by each desk.
        backup_job = None if workbench.is_server else start_auto_backup(  # noqa: F841 - kept alive
            events, db_path, settings.backups_kept)
        app.exec()
        window = desk.window  # the last user's, after any 注销/切换用户
        if window is None:
            return EXIT_OK
        if window.switch_to is not None:
            return ("switch", window.switch_to)
        return window.restore_source
    finally:
        QThreadPool.globalInstance().waitForDone()
        workbench.close()


def entry() -> None:
    """The interpreter-app command: main(), then exit.

    After a screenshot nothing is left to save (the PNG is written, the database closed), so
    the process ends without tearing Qt and the interpreter down: that took a tenth of the run.
    """
    code = main()
    if code == EXIT_OK and any(a.startswith("--screenshot") for a in sys.argv[1:]):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    entry()
