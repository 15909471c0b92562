"""Pictures of approval routes for docs/images/: the route editor with the five-step route, and
the 审签 tab of a package at its 会签 step with the second department still to agree.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.support.make_route_images [--out DIR]

Built on a fresh demo database in a temporary folder: the administrator defines the route
处室核稿 → 办公室核稿 → 合法性审核 (会签 with 江海省发展和改革委员会) → 分管领导 → 主要负责人签发,
a writer submits a complete package on it and the department's reviewers pass it to the 会签.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images"
PASSWORD = "demo1234"
OWN, OTHER = "江海省人力资源和社会保障厅", "江海省发展和改革委员会"


def five_step_route(department_id: int, other_id: int, deputy_id: int, leader_id: int):
    """The route of the issue: two reviews, a 会签 of legality with a second department, the
    deputy in charge and the head signing."""
    from interpreter_app.domain.workflow import Route, Step

    reviewer = frozenset({"reviewer"})
    return Route("规范性文件审批", (
        Step("处室核稿", reviewer, may_edit=True),
        Step("办公室核稿", reviewer),
        Step("合法性审核", reviewer, departments=(department_id, other_id), all_must_act=True),
        Step("分管领导", frozenset({"leader"}), users=(deputy_id,)),
        Step("主要负责人签发", frozenset({"leader"}), users=(leader_id,)),
    ), department_id=department_id, genres=("意见", "办法"), is_default=True)


def prepare(db: Path):
    """The demo database with the route defined and a package at its 会签 step."""
    from interpreter_app.services.demo import build_demo
    from interpreter_app.services.workbench import Workbench
    from tests.factories import complete_parts

    build_demo(db)
    wb = Workbench.open(db)
    login = {name: wb.accounts.login(name, PASSWORD)
             for name in ("admin", "writer", "reviewer", "deputy", "leader", "fgw-reviewer")}
    departments = {d.name: d.id for d in wb.accounts.departments()}
    route = wb.routes.save(login["admin"], five_step_route(
        departments[OWN], departments[OTHER], login["deputy"].id, login["leader"].id))
    document, plan, materials = complete_parts()
    package = wb.authoring.create(login["writer"], document.title, document=document, plan=plan,
                                  materials=materials)
    wb.review.submit(login["writer"], package.id, route_id=route.id)
    wb.review.pass_review(login["reviewer"], package.id, "文字已核，同意")
    wb.review.pass_review(login["reviewer"], package.id, "同意报合法性审核")
    wb.review.pass_review(login["reviewer"], package.id, "本厅法规处审核无意见")
    return wb, login, route, package.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from interpreter_app.ui.app_setup import create_application
    from interpreter_app.ui.events import AppEvents
    from interpreter_app.ui.route_form import RouteForm
    from interpreter_app.ui.screenshot import settle
    from interpreter_app.ui.settings import AppSettings
    from interpreter_app.ui.workspace import PackageWorkspace

    context = create_application([sys.argv[0]], "zh_CN")
    app = context.app
    with tempfile.TemporaryDirectory() as tmp:
        wb, login, route, package_id = prepare(Path(tmp) / "demo.db")
        try:
            form = RouteForm(wb.routes, login["admin"], wb.accounts.departments()[0], route,
                             wb.accounts.users(), wb.accounts.departments())
            form.resize(1040, 760)
            form.show()
            form.table.selectRow(2)
            settle(app, 0.3)
            form.grab().save(str(args.out / "route-editor.png"))
            form.hide()
            settings = AppSettings.at_path(str(Path(tmp) / "settings.ini"))
            ws = PackageWorkspace(wb, login["fgw-reviewer"], AppEvents(), settings)
            ws.resize(1280, 860)
            ws.show()
            ws.open_package(package_id)
            ws.tabs.setCurrentWidget(ws.signoff_tab)
            settle(app, 0.5)
            ws.grab().save(str(args.out / "route-progress.png"))
            ws.autosave.forget()
            ws.hide()
        finally:
            wb.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
