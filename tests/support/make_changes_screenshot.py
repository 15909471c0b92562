"""Render docs/images/tracked-changes.png: a writer's workspace with two reviewers' pending
tracked changes in the 修改（留痕） panel.

Run from the repository root: QT_QPA_PLATFORM=offscreen python -m tests.support.make_changes_screenshot
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from interpreter_app.services import crypto  # noqa: E402

crypto.SCRYPT_N = 2**8  # throwaway accounts: no need for the real cost

OUT = Path(__file__).resolve().parents[2] / "docs" / "images" / "tracked-changes.png"


def build(path: Path):
    from interpreter_app.services.workbench import Workbench
    from tests.factories import PASSWORD, complete_package
    from tests.support.editing import submit_on_edit_route

    wb = Workbench.create(path)
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    dept = wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发")
    people = {}
    for name, display, roles, title in (("writer", "陈晓", {"writer"}, "科员"),
                                        ("zhou", "周立新", {"reviewer"}, "处长"),
                                        ("lin", "林芳", {"reviewer"}, "副处长")):
        people[name] = wb.accounts.create_user(admin, name, display, PASSWORD, dept.id, roles,
                                               title)
        wb.accounts.login(name, PASSWORD)  # unlocks the signing key for this session
    package = complete_package(wb, people["writer"])
    package = submit_on_edit_route(wb, people["writer"], package.id)
    body = package.document.body
    wb.changes.propose(people["zhou"], package.id, "document.body",
                       body.replace("坚持就业优先战略", "坚持实施就业优先政策")
                       .replace("不少于50万人", "不少于55万人"))
    wb.changes.propose(people["lin"], package.id, "document.body",
                       body.replace("每季度至少举办1次专场招聘活动。",
                                    "每月至少举办1次专场招聘活动。")
                       .replace("确保各项措施落地见效", "确保各项措施落实到位"))
    return wb, people["writer"], package.id


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from interpreter_app.ui.app_setup import create_application
    from interpreter_app.ui.events import AppEvents
    from interpreter_app.ui.settings import AppSettings
    from interpreter_app.ui.workspace import PackageWorkspace

    context = create_application(sys.argv[:1], "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        wb, writer, package_id = build(Path(tmp) / "shot.db")
        settings = AppSettings.at_path(str(Path(tmp) / "shot.ini"))
        ws = PackageWorkspace(wb, writer, AppEvents(), settings)
        ws.resize(1440, 900)
        ws.show()
        ws.open_package(package_id)
        ws.splitter.setSizes([960, 480])
        ws.side.setCurrentWidget(ws.changes_panel)
        for _ in range(20):
            QApplication.processEvents()
        OUT.parent.mkdir(parents=True, exist_ok=True)
        ok = ws.grab().save(str(OUT), "PNG")
        ws.hide()
        ws.deleteLater()
        QApplication.processEvents()
        wb.close()
    del context
    print(OUT if ok else "截图未能保存")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
