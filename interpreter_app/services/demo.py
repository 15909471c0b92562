"""The demo database: three departments, users in every role, packages in every state."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain.errors import StorageError, ValidationError
from ..domain.model import InterpretationPlan, Material, PolicyDocument, from_dict
from ..domain.text import paragraphs
from ..domain.workflow import Route, Step
from ..resources import resource_path
from ..store.address import is_server_address
from ..store.db import discard_database, now_iso, overwrite_database
from ..store.store import Store
from . import trust_files
from .workbench import Workbench

DEMO_PASSWORD = "demo1234"
# The setting that marks a database as built by the demo builder: only such a file may be
# rebuilt over. Demo databases made before the mark existed carry none and are refused too:
# telling them from a department's real database by their content would be a guess.
DEMO_MARK = "demo_database"
# Short login prefixes by department; the first department's people get the plain names.
DEPARTMENT_KEYS = {
    "江海省人力资源和社会保障厅": ("", "江人社发"),
    "江海省发展和改革委员会": ("fgw-", "江发改"),
    "江海省政务服务管理局": ("zwj-", "江政务发"),
}
STATE_STEPS = {
    "draft": [], "in_review": ["submit"], "awaiting_signoff": ["submit", "pass"],
    "signed": ["submit", "pass", "sign"], "released": ["submit", "pass", "sign", "release"],
    "revised": ["submit", "pass", "sign", "release", "revise"],
}


class DemoClock:
    """A settable clock so that demo packages spread over the last twelve months."""

    def __init__(self) -> None:
        self.now = dt.datetime.now().astimezone().replace(microsecond=0)

    def __call__(self) -> str:
        return self.now.isoformat(timespec="seconds")

    def advance(self, **delta: float) -> None:
        """Move the clock forward."""
        self.now += dt.timedelta(**delta)


@dataclass(frozen=True)
class DemoAccount:
    """A demo login shown in the README and the log-in hint."""

    username: str
    name: str
    roles: str
    department: str


def demo_accounts() -> list[DemoAccount]:
    """The demo logins, first department first."""
    people = json.loads(resource_path("demo", "people.json").read_text("utf-8"))
    result = [DemoAccount("admin", "系统管理员", "admin", "全部部门")]
    for dept, (prefix, _code) in DEPARTMENT_KEYS.items():
        p = people[dept]
        result += [
            DemoAccount(f"{prefix}writer", p["writers"][0]["name"], "writer", dept),
            DemoAccount(f"{prefix}writer2", p["writers"][1]["name"], "writer", dept),
            DemoAccount(f"{prefix}reviewer", p["reviewer"]["name"], "reviewer", dept),
            DemoAccount(f"{prefix}leader", p["leader"]["name"], "leader", dept),
            DemoAccount(f"{prefix}deputy", p["deputy"]["name"], "leader,reviewer", dept),
        ]
    return result


def build_demo(db_path: Path, progress=None) -> None:
    """Create the demo database at `db_path`; an existing one gets the demo content instead.

    An existing file is never deleted: another window may have it open, and its -wal file
    would go with it. The demo is built beside it and copied in through SQLite.
    """
    if is_server_address(db_path):
        _build_on_server(str(db_path), progress)
        return
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        _build(db_path, progress)
        return
    if not is_demo_database(db_path):
        raise ValidationError(f"{db_path} 不是演示数据库（没有演示标记），为免误删真实数据不会覆盖它；"
                              "如确认可以丢弃，请先自行删除或移走该文件")
    fresh = db_path.with_name(db_path.name + ".demo-new")
    discard_database(fresh)  # left over from an interrupted run; nobody has it open
    try:
        _build(fresh, progress)
        overwrite_database(fresh, db_path)
    finally:
        discard_database(fresh)
    trust_files.forget(str(db_path))  # a new demo, not a shortened history of the old one


def _build_on_server(url: str, progress) -> None:
    """The demo goes only into an empty server database: nothing there is ever replaced."""
    from .server_copy import require_empty

    store = Store(url)
    try:
        require_empty(store)
    finally:
        store.close()
    _build(url, progress)


def is_demo_database(db_path: Path) -> bool:
    """Whether the file is a database the demo builder made (read through SQLite only)."""
    try:
        store = Store(db_path, migrate=False)
    except StorageError:
        return False
    try:
        return bool(store.get_setting(DEMO_MARK))
    except sqlite3.Error:
        return False
    finally:
        store.close()


def _build(db_path: Path, progress) -> None:
    clock = DemoClock()
    clock.now -= dt.timedelta(days=400)
    wb = Workbench(Store(db_path), clock)
    try:
        with wb.store.transaction():
            wb.store.set_setting(DEMO_MARK, {"built_at": now_iso()})
        users = _create_people(wb)
        users |= _create_routes(wb, users)
        files = sorted(resource_path("demo", "packages").glob("*.json"))
        specs = [dict(json.loads(f.read_text("utf-8")), key=f.stem) for f in files]
        specs.sort(key=lambda s: -s["months_ago"])
        ids = {}
        for index, spec in enumerate(specs):
            ids[spec["key"]] = _build_package(wb, clock, users, spec).id
            if progress:
                progress(index + 1, len(specs), spec["document"]["title"])
        # What happened after release is recorded afterwards, as a department does.
        clock.now = dt.datetime.now().astimezone().replace(microsecond=0)
        for spec in specs:
            _record_after_release(wb, users, spec, ids[spec["key"]])
        _record_register_and_concerns(wb, users, ids)
    finally:
        wb.close()


def _create_people(wb: Workbench) -> dict[str, object]:
    people = json.loads(resource_path("demo", "people.json").read_text("utf-8"))
    admin = wb.accounts.create_first_admin("admin", "系统管理员", DEMO_PASSWORD)
    users = {"admin": admin}
    for dept_name, (prefix, code) in DEPARTMENT_KEYS.items():
        dept = wb.accounts.create_department(admin, dept_name, code)
        p = people[dept_name]
        for key, person, roles in (
            ("writer", p["writers"][0], {"writer"}), ("writer2", p["writers"][1], {"writer"}),
            ("reviewer", p["reviewer"], {"reviewer"}), ("leader", p["leader"], {"leader"}),
            ("deputy", p["deputy"], {"leader", "reviewer"}),
        ):
            users[f"{dept_name}/{key}"] = wb.accounts.create_user(
                admin, f"{prefix}{key}", person["name"], DEMO_PASSWORD, dept.id, roles,
                person["title"])
            # Each person acts in the demo: their certified key signs their decisions.
            wb.accounts.login(f"{prefix}{key}", DEMO_PASSWORD)
    return users


# A department that passes its normative documents through more desks: 处室核稿 → 合法性审核
# (会签 by the development and reform commission, which may edit) → 分管领导 → 主要负责人签发.
ROUTE_DEPARTMENT = "江海省政务服务管理局"
COSIGN_DEPARTMENT = "江海省发展和改革委员会"


def _create_routes(wb: Workbench, users: dict) -> dict[str, object]:
    own, other = users[f"{ROUTE_DEPARTMENT}/writer"], users[f"{COSIGN_DEPARTMENT}/writer"]
    route = wb.routes.save(users["admin"], Route("规范性文件审批", (
        Step("处室核稿", frozenset({"reviewer"}), may_edit=True),
        Step("合法性审核", frozenset({"reviewer"}), departments=(other.department_id,),
             all_must_act=True, may_edit=True),
        Step("分管领导审核", frozenset({"leader"}),
             users=(users[f"{ROUTE_DEPARTMENT}/deputy"].id,)),
        Step("主要负责人签发", frozenset({"leader"}),
             users=(users[f"{ROUTE_DEPARTMENT}/leader"].id,))),
        department_id=own.department_id))
    return {f"route/{route.name}": route}


def _through_route(wb: Workbench, clock: DemoClock, users: dict, spec: dict, package_id: int):
    """Submit on the department's route; the office passes, and the 会签 department's reviewer
    corrects a figure as a tracked change and remarks on it: the package waits at 会签."""
    dept = spec["department"]
    writer = users[f"{dept}/writer"]
    wb.review.submit(writer, package_id, route_id=users[f"route/{spec['route']}"].id)
    clock.advance(hours=5)
    wb.review.pass_review(users[f"{dept}/reviewer"], package_id, "同意，请发展改革委会签")
    clock.advance(days=1)
    cosigner = users[f"{COSIGN_DEPARTMENT}/reviewer"]
    body = wb.authoring.get(cosigner, package_id).document.body
    wb.changes.propose(cosigner, package_id, "document.body",
                       body.replace("办理时限平均压缩50%", "办理时限平均压缩50%以上", 1))
    _comment(wb, cosigner, package_id)


def _build_package(wb: Workbench, clock: DemoClock, users: dict, spec: dict):
    dept = spec["department"]
    writer, reviewer = users[f"{dept}/writer"], users[f"{dept}/reviewer"]
    leader = users[f"{dept}/leader"]
    clock.now = _start_time(spec)
    document = from_dict(PolicyDocument, spec["document"])
    plan = from_dict(InterpretationPlan, spec["plan"])
    materials = [from_dict(Material, m) for m in spec["materials"]]
    pkg = wb.authoring.create(writer, document.title, document=document, plan=plan,
                              materials=materials, due_date=_due(clock))
    steps = STATE_STEPS[spec["target_state"]]
    for step in steps:
        clock.advance(days=1, hours=3)
        if step == "submit" and spec.get("route"):
            _through_route(wb, clock, users, spec, pkg.id)
        elif step == "submit":
            wb.review.submit(writer, pkg.id)
            if spec["target_state"] == "in_review":
                _comment(wb, reviewer, pkg.id)
        elif step == "pass":
            wb.review.pass_review(reviewer, pkg.id, "内容完整，同意报签")
        elif step == "sign":
            wb.review.sign(leader, pkg.id, DEMO_PASSWORD, "同意发布。")
        elif step == "release":
            _to_publish_day(clock, document.publish_date)
            wb.review.release(writer, pkg.id)
        elif step == "revise":
            clock.advance(days=20)
            revised = wb.review.revise(writer, pkg.id, "根据新政策调整补贴标准")
            doc = replace(revised.document, body=revised.document.body.rstrip() + "\n本通知自印发之日起施行。")
            wb.authoring.save_document(writer, pkg.id, doc, revised.document_version)
    return pkg


def _record_after_release(wb: Workbench, users: dict, spec: dict, package_id: int) -> None:
    """The website's postings and the events held, with who actually attended."""
    after = spec.get("after_release")
    if not after:
        return
    from ..domain.outreach import DOCUMENT_PART, Attendee
    from .outreach import public_pages

    writer = users[f"{spec['department']}/writer"]
    package = wb.authoring.get(writer, package_id)
    postings = after.get("postings")
    if postings:
        day = dt.date.fromisoformat(package.released_at[:10]) + dt.timedelta(
            days=postings.get("days_after_release", 0))
        pages = public_pages(package)
        if postings.get("parts") == "document":
            pages = [p for p in pages if p[0] == DOCUMENT_PART]
        for n, (part, _title) in enumerate(pages):
            slug = "wj" if part == DOCUMENT_PART else f"jd{n:02d}"
            wb.outreach.record_posting(
                writer, package_id, part,
                f"https://zwgk.jianghai.example/zcjd/{day:%Y%m}/t{package_id:04d}_{slug}.html",
                f"{day.isoformat()}T10:{n:02d}:00", f"{_org_code(spec)}/{day.year}-{package_id:05d}{n}")
    for event in after.get("events", []):
        held = spec["document"].get(event["held"], event["held"])
        wb.outreach.record_event(writer, event["kind"], held,
                                 [Attendee(*a) for a in event["attendees"]],
                                 package_id=package_id, title=event.get("title", ""))


def _org_code(spec: dict) -> str:
    number = spec["document"].get("index_number", "")
    return number.split("/")[0] if "/" in number else "000000000"


def _record_register_and_concerns(wb: Workbench, users: dict, ids: dict[str, int]) -> None:
    """Each department's 发文登记 and its log of responses to public concerns."""
    register = json.loads(resource_path("demo", "register.json").read_text("utf-8"))
    for dept, rows in register.items():
        writer = users[f"{dept}/writer"]
        for row in rows:
            wb.outreach.register_document(writer, row["title"], row["issued_on"],
                                          row.get("doc_number", ""))
    concerns = json.loads(resource_path("demo", "concerns.json").read_text("utf-8"))
    for dept, rows in concerns.items():
        writer = users[f"{dept}/writer"]
        for row in rows:
            wb.outreach.record_concern(writer, row["responded_on"], row["topic"], row["channel"],
                                       row.get("link", ""), ids.get(row.get("package", "")))


def _start_time(spec: dict) -> dt.datetime:
    now = dt.datetime.now().astimezone().replace(microsecond=0, second=0)
    written = spec["document"].get("written_date")
    if written:
        # Signed on the 成文日期, as in practice: three steps of a day each before it.
        day = dt.date.fromisoformat(written) - dt.timedelta(days=3)
        start = now.replace(year=day.year, month=day.month, day=day.day, hour=9, minute=12)
    else:
        start = now - dt.timedelta(days=30 * spec["months_ago"] + 6)
    return min(start, now - dt.timedelta(days=6))


def _to_publish_day(clock: DemoClock, publish_date: str) -> None:
    """Release on the document's 发布日期, as in practice (never earlier than it)."""
    if publish_date and publish_date[:10] > clock.now.date().isoformat():
        day = dt.date.fromisoformat(publish_date[:10])
        clock.now = clock.now.replace(year=day.year, month=day.month, day=day.day, hour=9, minute=30)


def _due(clock: DemoClock) -> str:
    return (clock.now + dt.timedelta(days=21)).date().isoformat()


def _comment(wb: Workbench, reviewer, package_id: int) -> None:
    pkg = wb.authoring.get(reviewer, package_id)
    paras = paragraphs(pkg.document.body)
    target = next((i for i, p in enumerate(paras) if len(p) > 30), None)
    if target is not None:
        wb.comments.add(reviewer, package_id, "document", target, paras[target][:12],
                        "请核实此处表述与上位政策一致。")
