"""Pictures for the user guide (docs/guide/images/), on a fresh demo database.

    .venv/bin/python packaging/guide_screenshots.py [--out DIR] [--app PATH] [--only NAME ...]

The four main-window pictures (main-writer.png …) come from `interpreter-app --screenshot`
itself (the one installed beside this Python, else the bundle in dist/; --app chooses). The others open
the application's own windows, tabs and dialogs offscreen, as a user would see them after the
clicks the guide describes, and grab them. Nothing is saved to a real database: the demo
database lives in a temporary folder. PNGs over 400 KB are reduced to a 256-colour palette.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The About dialog shows the data folder: show a typical user's, not the build account's.
os.environ["XDG_DATA_HOME"] = "/home/writer/.local/share"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "guide" / "images"
PASSWORD = "demo1234"
MAX_BYTES = 400_000
MAIN_SHOTS = {"main-writer": "writer", "main-reviewer": "reviewer", "main-leader": "leader",
              "main-admin": "admin"}


# ---- main window through --screenshot ------------------------------------------------------

def find_app(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    for candidate in (Path(sys.executable).parent / "interpreter-app",
                      ROOT / "dist" / "interpreter-app" / "interpreter-app"):
        if candidate.exists():
            return candidate
    raise SystemExit("interpreter-app not found: run `make dist` or install the project")


def main_window_shots(app: Path, db: Path, out: Path, wanted: set[str] | None) -> list[Path]:
    env = dict(os.environ, INTERPRETER_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen")
    written = []
    for name, user in MAIN_SHOTS.items():
        if wanted and name not in wanted:
            continue
        target = out / f"{name}.png"
        subprocess.run([str(app), "--db", str(db), "--screenshot", str(target), "--user", user],
                       env=env, check=True, capture_output=True, timeout=300)
        written.append(target)
    return written


# ---- the application's own widgets ---------------------------------------------------------

class Shots:
    """Opens windows and dialogs as a given user sees them and grabs them."""

    def __init__(self, db: Path, out: Path, tmp: Path) -> None:
        from interpreter_app.services.workbench import Workbench
        from interpreter_app.ui.app_setup import create_application

        self.context = create_application([sys.argv[0]], "zh_CN")
        self.app = self.context.app
        self.db, self.out, self.tmp = db, out, tmp
        self.workbench = Workbench.open(db)
        self.windows: list = []

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        for window in self.windows:
            window.hide()
            window.deleteLater()
        self.settle(0.2)
        QThreadPool.globalInstance().waitForDone(5000)
        self.workbench.close()

    def settle(self, seconds: float = 0.8) -> None:
        from interpreter_app.ui.screenshot import settle

        settle(self.app, seconds)

    def user(self, name: str):
        return self.workbench.accounts.login(name, PASSWORD)

    def save(self, widget, name: str) -> Path:
        self.settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        shrink(path)
        return path

    # -- the main window on a package and tab -----------------------------------------------
    def window(self, username: str, package_id: int | None = None, *, tab: int = 0,
               side: int = 0, size: tuple[int, int] = (1440, 960), list_height: int = 130):
        from interpreter_app.services import listing
        from interpreter_app.ui.events import AppEvents
        from interpreter_app.ui.main_window import MainWindow
        from interpreter_app.ui.settings import AppSettings

        settings = AppSettings.at_path(str(self.tmp / f"settings-{len(self.windows)}.ini"))
        window = MainWindow(self.workbench, self.user(username), AppEvents(), settings)
        self.windows.append(window)
        window.resize(*size)
        window.show()
        self.settle(0.2)
        if package_id is not None:
            window.views.select_view(listing.ALL)
            self.settle(0.2)
            window.show_package(package_id)  # as after a click on its row
            self.settle(0.3)
            window.inner.setSizes([list_height, size[1] - list_height])
            window.workspace.tabs.setCurrentIndex(tab)
            window.workspace.side.setCurrentIndex(side)
        return window

    def workspace(self, name: str, username: str, package_id: int, *, tab: int = 0,
                  side: int = 0, prepare: Callable | None = None) -> Path:
        window = self.window(username, package_id, tab=tab, side=side)
        if prepare is not None:
            prepare(window)
        self.settle()
        return self.save(window.workspace, name)

    # -- dialogs -----------------------------------------------------------------------------
    def dialog(self, widget, name: str) -> Path:
        self.windows.append(widget)
        widget.show()
        return self.save(widget, name)


def shrink(path: Path) -> None:
    """Keep a picture under MAX_BYTES: a 256-colour palette keeps UI text sharp."""
    if path.stat().st_size <= MAX_BYTES:
        return
    from PIL import Image

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{path.name} is {path.stat().st_size // 1024} KB, over the limit")


def _in_process(shots: Shots, wanted, missing_for_submit, package_digest) -> list[Path]:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from interpreter_app.ui.about_dialog import AboutDialog
    from interpreter_app.ui.admin_dialogs import DepartmentsDialog, UsersDialog
    from interpreter_app.ui.export_dialog import ExportDialog
    from interpreter_app.ui.import_dialog import ImportDialog
    from interpreter_app.ui.login import LoginDialog
    from interpreter_app.ui.records_dialog import RecordsDialog
    from interpreter_app.ui.settings import AppSettings
    from interpreter_app.ui.startup import demo_hint
    from interpreter_app.ui.workspace.comments_panel import CommentDialog
    from interpreter_app.ui.workspace.signoff_dialogs import (
        IncompleteDialog,
        ReasonDialog,
        ReleaseDialog,
        SignOffDialog,
    )

    wb = shots.workbench
    from interpreter_app.services.listing import ListQuery

    ids = {p.title: p.id for p in wb.listing.page(shots.user("admin"), ListQuery(), 0, 100)}

    def pid(fragment: str) -> int:
        return next(i for title, i in ids.items() if fragment in title)

    wage, hotline = pid("根治欠薪"), pid("12345")
    injury, card = pid("工伤预防费"), pid("社会保障卡")
    graduates, prices = pid("高校毕业生"), pid("价格监测")

    def wide_form(window) -> None:
        """Drag the divider so the metadata column shows its messages on one line."""
        splitter = window.workspace.document_tab.splitter
        total = sum(splitter.sizes())
        splitter.setSizes([520, total - 520])

    def wrong_number(window) -> None:
        wide_form(window)
        window.workspace.document_tab.form.set_field("doc_number", "江人社发【2026】80号")
        window.workspace.show_checks()

    def first_comment(window) -> None:
        panel = window.workspace.comments_panel
        panel.list.setCurrentRow(0)
        panel.jump_to_current()

    def chart_material(window) -> None:
        tab = window.workspace.materials_tab
        for row in range(tab.list.count()):
            if "图" in tab.list.item(row).text():
                tab.list.setCurrentRow(row)
                break

    def to_postings(window) -> None:
        """The 审签 tab scrolled down to the website's postings."""
        tab = window.workspace.signoff_tab
        tab.posting.refresh()
        QApplication.processEvents()
        tab.findChild(QScrollArea).ensureWidgetVisible(tab.posting)

    def compare(window) -> None:
        """The released revision 1 against the working copy of revision 2."""
        history = window.workspace.history_tab
        for index in range(history.left.count()):
            if history.left.itemText(index).startswith("发布"):
                history.left.setCurrentIndex(index)
        history.compare()

    def fresh_accounts():
        from interpreter_app.services.workbench import Workbench

        fresh = Workbench.open(shots.tmp / "fresh.db")
        shots.windows.append(_Closer(fresh))
        return fresh.accounts

    def first_run(name: str, page: int):
        from interpreter_app.ui.first_run import FirstRunWizard

        accounts = fresh_accounts() if page == 0 else _first_admin_ready(shots)
        wizard = FirstRunWizard(accounts)
        if page:
            wizard.admin_page.admin = accounts.user("admin")
            wizard.setStartId(page)
            wizard.restart()
        return shots.dialog(wizard, name)

    def import_dialog():
        source = shots.tmp / "关于做好2027年全省春季农民工返岗复工服务工作的通知.txt"
        text = wb.authoring.get(shots.user("writer"), wage).document
        body = text.body.replace("元旦、春节临近", "春节后农民工集中返岗")
        source.write_bytes(("关于做好2027年全省春季农民工返岗复工服务工作的通知\n"
                            "江人社发〔2027〕5号\n" + body
                            + "\n江海省人力资源和社会保障厅\n2027年1月20日\n").encode("gb18030"))
        return shots.dialog(ImportDialog(wb, shots.user("writer"), source), "import")

    def signoff_dialog():
        package = wb.authoring.get(shots.user("leader"), card)
        dialog = SignOffDialog(None, package.title, package_digest(package), "王建国")
        dialog.opinion.setPlainText("同意。请按解读方案于文件发布当日同步发布。")
        dialog.password.setText("********")
        return shots.dialog(dialog, "signoff-dialog")

    def return_dialog():
        dialog = ReasonDialog(None, "退回", "将解读包退回拟稿人。请填写退回理由（必填，拟稿人可见）：",
                              True, "政策问答第3问的申请时限与办法第十二条不一致，请核实后修改。")
        return shots.dialog(dialog, "return-dialog")

    def comment_dialog():
        dialog = CommentDialog(None, "（一）为加强工伤预防费使用管理，降低工伤事故发生率和职业病发病率")
        dialog.text.setPlainText("请核实此处表述与上位政策一致。")
        return shots.dialog(dialog, "comment-dialog")

    def stats_window():
        from interpreter_app.ui.stats_view import StatsWindow

        window = StatsWindow(shots.db, shots.user("leader"), wb.accounts.departments())
        window.resize(1240, 860)
        shots.windows.append(window)
        window.show()
        shots.settle(3.0)
        return shots.save(window, "stats")

    shots_by_name: dict[str, Callable[[], Path]] = {
        "login": lambda: shots.dialog(LoginDialog(wb.accounts, AppSettings.at_path(
            str(shots.tmp / "login.ini")), demo_hint()), "login"),
        "first-run-admin": lambda: first_run("first-run-admin", 0),
        "first-run-departments": lambda: first_run("first-run-departments", 1),
        "import": import_dialog,
        "writer-document": lambda: shots.workspace("writer-document", "writer", wage,
                                                   side=1, prepare=wrong_number),
        "writer-plan": lambda: shots.workspace("writer-plan", "zwj-writer", hotline, tab=1),
        "writer-materials": lambda: shots.workspace("writer-materials", "zwj-writer", hotline,
                                                    tab=2, prepare=chart_material),
        "incomplete": lambda: shots.dialog(IncompleteDialog(None, missing_for_submit(
            wb.authoring.get(shots.user("writer"), wage))), "incomplete"),
        "writer-submit": lambda: shots.workspace("writer-submit", "zwj-writer", hotline, tab=3),
        "reviewer-comments": lambda: shots.workspace("reviewer-comments", "reviewer", injury,
                                                     prepare=first_comment),
        "comment-dialog": comment_dialog,
        "reviewer-signoff": lambda: shots.workspace("reviewer-signoff", "reviewer", injury,
                                                    tab=3),
        "return-dialog": return_dialog,
        "leader-signoff": lambda: shots.workspace("leader-signoff", "leader", card, tab=3),
        "signoff-dialog": signoff_dialog,
        "signed-tab": lambda: shots.workspace("signed-tab", "fgw-leader", prices, tab=3),
        "release-dialog": lambda: shots.dialog(ReleaseDialog(None, wb.authoring.get(
            shots.user("fgw-leader"), prices)), "release-dialog"),
        "released-tab": lambda: shots.workspace("released-tab", "writer", graduates, tab=3),
        "posting": lambda: shots.workspace("posting", "writer", graduates, tab=3,
                                           prepare=to_postings),
        "history": lambda: shots.workspace("history", "zwj-writer", hotline, tab=4,
                                           prepare=compare),
        "export-dialog": lambda: shots.dialog(ExportDialog(
            wb.authoring.get(shots.user("writer"), graduates).title, True,
            "/home/writer/导出"), "export-dialog"),
        "users": lambda: shots.dialog(UsersDialog(wb.accounts, shots.user("admin")), "users"),
        "records": lambda: shots.dialog(RecordsDialog(wb, shots.user("writer")), "records"),
        "departments": lambda: shots.dialog(DepartmentsDialog(wb.accounts, shots.user("admin")),
                                            "departments"),
        "about": lambda: shots.dialog(AboutDialog(shots.db), "about"),
        "stats": stats_window,
    }
    written = []
    for name, take in shots_by_name.items():
        if wanted and name not in wanted:
            continue
        written.append(take())
    return written


class _Closer:
    """Lets a second Workbench be closed with the windows."""

    def __init__(self, workbench) -> None:
        self.workbench = workbench

    def hide(self) -> None:
        self.workbench.close()

    def deleteLater(self) -> None:  # noqa: N802 - mirrors QWidget
        pass


def _first_admin_ready(shots: Shots):
    """A database with its administrator and one department, as after the first page."""
    from interpreter_app.services.workbench import Workbench

    fresh = Workbench.open(shots.tmp / "fresh2.db")
    shots.windows.append(_Closer(fresh))
    admin = fresh.accounts.create_first_admin("admin", "系统管理员", "Admin#2026")
    fresh.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发")
    return fresh.accounts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pictures for docs/guide/")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--app", help="interpreter-app to take the main-window pictures with")
    parser.add_argument("--only", nargs="*", help="names of pictures to take (without .png)")
    args = parser.parse_args(argv)
    wanted = set(args.only) if args.only else None
    args.out.mkdir(parents=True, exist_ok=True)
    from interpreter_app.services.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="interpreter-guide-") as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "demo.db"
        build_demo(db)
        written = main_window_shots(find_app(args.app), db, args.out, wanted)
        shots = Shots(db, args.out, tmp_path)
        try:
            written += _in_process(shots, wanted, *_domain_helpers())
        finally:
            shots.close()
        for path in written:
            shrink(path)
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                  f"{path.stat().st_size // 1024} KB")
    return 0


def _domain_helpers():
    from interpreter_app.domain.completeness import missing_for_submit
    from interpreter_app.domain.digest import package_digest

    return missing_for_submit, package_digest


if __name__ == "__main__":
    sys.exit(main())
