"""Build the saved database of the current schema version for the migration tests.

    python tests/support/make_migration_fixture.py

Writes tests/data/migrations/v<N>.sqlite3 and v<N>.json (what the database holds). Run it
once when a schema version is released, commit both files, and never rebuild an old one:
each file stands for databases that exist in departments today.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from interpreter_app.domain.model import Material, QAPair  # noqa: E402
from interpreter_app.domain.outreach import Attendee  # noqa: E402
from interpreter_app.domain.workflow import Route, Step  # noqa: E402
from interpreter_app.services import crypto  # noqa: E402
from interpreter_app.services.workbench import Workbench  # noqa: E402
from interpreter_app.store.schema import SCHEMA_VERSION  # noqa: E402
from interpreter_app.store.store import Store  # noqa: E402
from tests.factories import PASSWORD, complete_parts  # noqa: E402

OUT = ROOT / "tests" / "data" / "migrations"
RESET_PASSWORD = "Reset-2026!"


class StepClock:
    """A clock that moves one minute per reading, from a fixed day, so dates are stable."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def __call__(self) -> str:
        self.now += dt.timedelta(minutes=1)
        return self.now.isoformat(timespec="seconds")


def people(wb: Workbench) -> dict:
    """An administrator, two departments and users in every role, one of them disabled."""
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    a = wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发")
    b = wb.accounts.create_department(admin, "江海省政务服务管理局", "江政务发")
    users = {"admin": admin}
    for name, dept, roles, title in (
            ("writer", a, {"writer"}, "科员"), ("reviewer", a, {"reviewer"}, "处长"),
            ("leader", a, {"leader"}, "厅长"), ("deputy", a, {"leader", "reviewer"}, "副厅长"),
            ("writer_b", b, {"writer"}, "科员"), ("reviewer_b", b, {"reviewer"}, "处长"),
            ("retired", a, {"writer"}, "科员")):
        users[name] = wb.accounts.create_user(admin, name, f"用户{name}", PASSWORD, dept.id, roles,
                                              title)
        wb.accounts.login(name, PASSWORD)  # unlocks the key that signs this user's decisions
    wb.accounts.set_disabled(admin, "retired")
    return users


def new_package(wb: Workbench, writer, title: str):
    """A complete package with a distinct title and an extra Q&A material."""
    document, plan, materials = complete_parts()
    materials = materials + [Material.new("qa", "补充问答", qa=[QAPair("何时施行？", "自发布之日起施行。")])]
    return wb.authoring.create(writer, title, document=replace(document, title=title), plan=plan,
                               materials=materials)


def to_state(wb: Workbench, u: dict, pkg, steps: list[str]) -> None:
    """Walk the package through the named workflow steps."""
    r = wb.review
    actions = {
        "submit": lambda: r.submit(u["writer"], pkg.id),
        "pass": lambda: r.pass_review(u["reviewer"], pkg.id, "同意报签"),
        "sign": lambda: r.sign(u["leader"], pkg.id, PASSWORD, "同意发布"),
        "release": lambda: r.release(u["writer"], pkg.id),
        "revise": lambda: r.revise(u["writer"], pkg.id, "政策调整"),
        "revoke": lambda: r.revoke(u["leader"], pkg.id, "数据需要更新"),
        "return": lambda: r.return_package(u["reviewer"], pkg.id, "第二部分表述需完善"),
    }
    for step in steps:
        actions[step]()


PACKAGES = {
    "起草中的解读包": [],
    "核稿中的解读包": ["submit"],
    "待签发的解读包": ["submit", "pass"],
    "已签发的解读包": ["submit", "pass", "sign"],
    "已发布的解读包": ["submit", "pass", "sign", "release"],
    "修订中的解读包": ["submit", "pass", "sign", "release", "revise"],
    "撤销签发的解读包": ["submit", "pass", "sign", "revoke"],
    "被退回的解读包": ["submit", "return"],
}


def build(path: Path) -> dict:
    """Create the database at `path`; returns the facts the test checks."""
    wb = Workbench(Store(path), StepClock())
    u = people(wb)
    for title, steps in PACKAGES.items():
        pkg = new_package(wb, u["writer"], title)
        wb.comments.add(u["reviewer"], pkg.id, "document", 0, "总体要求", "请补充政策依据")
        to_state(wb, u, pkg, steps)
    wb.authoring.save_version(u["writer"], 1, "初稿")
    wb.accounts.reset_password(u["admin"], "leader", RESET_PASSWORD)  # signatures predate it
    wb.authoring.create(u["writer_b"], "另一部门的解读包")
    on_a_route(wb, u)
    record_after_release(wb, u)
    facts = {"schema_version": SCHEMA_VERSION, "password": PASSWORD,
             "reset_password": RESET_PASSWORD,
             "packages": {p.title: (p.state, p.revision) for p in _all(wb, u["admin"])},
             "signoffs": len(wb.store.records.signoffs()), "users": sorted(
                 x.username for x in wb.accounts.users())}
    assert wb.verify().ok
    wb.close()
    return facts


def on_a_route(wb: Workbench, u: dict) -> None:
    """A route with an editing step and 会签 by the second department; one package waits at
    its first step with a reviewer's tracked change, another at the 会签."""
    a = u["writer"].department_id
    b = u["writer_b"].department_id
    route = wb.routes.save(u["admin"], Route("规范性文件审批", (
        Step("处室核稿", frozenset({"reviewer"}), may_edit=True),
        Step("合法性审核", frozenset({"reviewer"}), departments=(b,), all_must_act=True),
        Step("签发", frozenset({"leader"}))), department_id=a, genres=("办法",)))
    edited = new_package(wb, u["writer"], "留痕修改中的解读包")
    wb.review.submit(u["writer"], edited.id, route_id=route.id)
    body = wb.authoring.get(u["writer"], edited.id).document.body
    wb.changes.propose(u["reviewer"], edited.id, "document.body", body + "\n四、本通知自印发之日起施行。")
    cosign = new_package(wb, u["writer"], "会签中的解读包")
    wb.review.submit(u["writer"], cosign.id, route_id=route.id)
    wb.review.pass_review(u["reviewer"], cosign.id, "同意")


def record_after_release(wb: Workbench, u: dict) -> None:
    """A posting, an event with its attendance, a register row and a concern response."""
    released = next(p for p in _all(wb, u["admin"]) if p.title == "已发布的解读包")
    wb.outreach.record_posting(u["writer"], released.id, "policy",
                               "https://zwgk.jianghai.example/zcjd/t1.html", "2026-03-02T10:00")
    wb.outreach.record_event(u["writer"], "新闻发布会", "2026-03-02",
                             [Attendee("用户leader", "厅长", "主要负责人")], package_id=released.id)
    wb.outreach.register_document(u["writer"], "已发布的解读包", "2026-03-02", "江人社发〔2026〕12号")
    wb.outreach.record_concern(u["writer"], "2026-03-02", "补贴何时发放", "政府网站")


def _all(wb: Workbench, admin) -> list:
    return [wb.authoring.get(admin, pid) for pid in wb.store.packages.ids()]


def compact(path: Path) -> None:
    """One self-contained, small file: no -wal beside it, free pages dropped."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()


def main() -> None:
    """Write v<SCHEMA_VERSION>.sqlite3 and its facts file."""
    crypto.SCRYPT_N = 2**8  # the stored hashes carry their cost, so tests stay fast
    scratch = tempfile.mkdtemp()  # trust.txt and history-seen.json of the build stay out of $HOME
    os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = scratch
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"v{SCHEMA_VERSION}.sqlite3"
    building = target.with_suffix(".building")
    for leftover in OUT.glob(building.name + "*"):
        leftover.unlink()
    facts = build(building)
    compact(building)
    building.replace(target)
    (OUT / f"v{SCHEMA_VERSION}.json").write_text(
        json.dumps(facts, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {target} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
