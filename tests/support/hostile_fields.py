"""The form fields of the services, for the hostile-input tests: how to write a value through
the services and read it back. Each field names its kind (line, text, reason, comment, date),
its length limit and whether the service trims it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD


@dataclass
class Ctx:
    """A workbench on a fresh copy of the template, its people and packages."""

    wb: Workbench
    people: dict
    draft: int
    review: int
    awaiting: int
    signed: int
    counter: int = 0

    def __getitem__(self, name: str):
        return self.people[name]

    def unique(self) -> int:
        self.counter += 1
        return self.counter


def step(wb: Workbench, people: dict, pid: int, step: str, text: str = "同意") -> None:
    r = wb.review
    {"submit": lambda: r.submit(people["writer"], pid),
     "pass": lambda: r.pass_review(people["reviewer"], pid, text),
     "sign": lambda: r.sign(people["leader"], pid, PASSWORD, text),
     "revoke": lambda: r.revoke(people["leader"], pid, text),
     "return": lambda: r.return_package(people["leader"], pid, text)}[step]()


# -- reaching into parts by path -------------------------------------------------------------

def get_path(obj, path: str):
    for part in re.findall(r"[^.\[\]]+", path):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


def set_path(obj, path: str, value):
    parts = re.findall(r"[^.\[\]]+", path)
    return _set(obj, parts, value)


def _set(obj, parts: list[str], value):
    head, rest = parts[0], parts[1:]
    current = obj[int(head)] if head.isdigit() else getattr(obj, head)
    new = _set(current, rest, value) if rest else value
    if head.isdigit():
        items = list(obj)
        items[int(head)] = new
        return items
    return replace(obj, **{head: new})


# -- the fields --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    """One form field: how to write a value through the services and read it back."""

    name: str
    kind: str  # line, text, reason, comment, date
    write: Callable[[Ctx, str], None]
    read: Callable[[Ctx], str]
    max_len: int = 10**9
    trimmed: bool = False  # stored stripped and NFC-normalised


def document_field(path: str, kind: str = "line", max_len: int = 10**9, trimmed: bool = False):
    def write(c: Ctx, v: str) -> None:
        pkg = c.wb.store.packages.get(c.draft)
        c.wb.authoring.save_document(c["writer"], c.draft, set_path(pkg.document, path, v),
                                     pkg.document_version)
    return Field(f"document.{path}", kind, write,
                 lambda c: get_path(c.wb.store.packages.get(c.draft).document, path), max_len, trimmed)


def plan_field(path: str, kind: str = "line", max_len: int = 10**9):
    def write(c: Ctx, v: str) -> None:
        pkg = c.wb.store.packages.get(c.draft)
        c.wb.authoring.save_plan(c["writer"], c.draft, set_path(pkg.plan, path, v), pkg.plan_version)
    return Field(f"plan.{path}", kind, write,
                 lambda c: get_path(c.wb.store.packages.get(c.draft).plan, path), max_len)


def material_field(path: str, kind: str = "line", max_len: int = 10**9, trimmed: bool = False):
    def write(c: Ctx, v: str) -> None:
        pkg = c.wb.store.packages.get(c.draft)
        c.wb.authoring.save_material(c["writer"], c.draft, set_path(pkg.materials, path, v)[
            int(path.split("[")[1].split("]")[0])])
    return Field(f"material.{path}", kind, write,
                 lambda c: get_path(c.wb.store.packages.get(c.draft).materials, path), max_len,
                 trimmed)


def _new_user(c: Ctx, **fields) -> None:
    base = {"username": f"u{c.unique()}", "display_name": "某人", "title": ""} | fields
    user = c.wb.accounts.create_user(c["admin"], base["username"], base["display_name"], PASSWORD,
                                     c.wb.store.departments.by_name("江海省人力资源和社会保障厅").id,
                                     {"writer"}, base["title"])
    c.people["last"] = user


def _update_name(c: Ctx, v: str) -> None:
    user = c.wb.store.users.get(c["writer2"].id)
    c.wb.accounts.update_user(c["admin"], replace(user, display_name=v))


def _department(c: Ctx, **fields) -> None:
    base = {"name": f"部门{c.unique()}", "code": ""} | fields
    c.people["dept"] = c.wb.accounts.create_department(c["admin"], base["name"], base["code"])


def _decision_reason(c: Ctx, pid: int, action: str) -> str:
    return [d for d in c.wb.store.records.decisions(pid) if d.action == action][-1].reason


def _return(c: Ctx, v: str) -> None:
    c.wb.review.return_package(c["reviewer"], c.review, v)
    step(c.wb, c.people, c.review, "submit")


def _pass(c: Ctx, v: str) -> None:
    c.wb.review.pass_review(c["reviewer"], c.review, v)
    step(c.wb, c.people, c.review, "return", "退回")
    step(c.wb, c.people, c.review, "submit")


def _sign(c: Ctx, v: str, on_behalf_of: str = "") -> None:
    c.wb.review.sign(c["leader"], c.awaiting, PASSWORD, v, on_behalf_of=on_behalf_of)
    for name in ("revoke", "submit", "pass"):
        step(c.wb, c.people, c.awaiting, name, "重新审签")


def _revoke(c: Ctx, v: str) -> None:
    c.wb.review.revoke(c["leader"], c.signed, v)
    for name in ("submit", "pass", "sign"):
        step(c.wb, c.people, c.signed, name)


def _last_signoff(c: Ctx):
    return c.wb.store.records.signoffs(c.awaiting)[-1]


FIELDS = [
    Field("create.title", "line", lambda c, v: c.people.__setitem__(
        "pkg", c.wb.authoring.create(c["writer"], v)), lambda c: c["pkg"].title, 200, True),
    document_field("title", max_len=200, trimmed=True),
    document_field("doc_number", max_len=60, trimmed=True),
    document_field("issuer", max_len=200, trimmed=True),
    document_field("joint_issuers[0]", max_len=200),
    document_field("index_number", max_len=60, trimmed=True),
    *(document_field(name, max_len=m) for name, m in (
        ("validity", 50), ("topic", 100), ("genre", 50), ("disclosure", 50),
        ("disclosure_reason", 500), ("normative_number", 60))),
    document_field("body", "text"),
    *(document_field(name, "date") for name in ("written_date", "publish_date", "effective_date")),
    plan_field("outline", "text"),
    plan_field("forms[0]", max_len=50), plan_field("channels[0]", max_len=100),
    plan_field("first_interpreter.name", max_len=100), plan_field("first_interpreter.title", max_len=100),
    plan_field("interpreters[0].name", max_len=100), plan_field("interpreters[0].role", max_len=50),
    plan_field("proposed_doc_number", max_len=60), plan_field("lead_unit", max_len=500),
    plan_field("joint_units[0]", max_len=500), plan_field("audiences", "text"),
    plan_field("risk_level", max_len=50),
    *(plan_field(name, "text") for name in ("key_risks", "response_plan", "response_lines")),
    *(plan_field(f"press_conference.{name}", max_len=500)
      for name in ("time", "place", "host", "speakers", "media")),
    plan_field("contact_person", max_len=100), plan_field("contact_phone", max_len=60),
    *(plan_field(f"key_tasks[0].{name}", "text") for name in ("task", "lead", "deadline")),
    material_field("[0].title", max_len=200, trimmed=True), material_field("[0].body", "text"),
    material_field("[0].byline", max_len=500), material_field("[0].interpreter_role", max_len=50),
    material_field("[0].embargo", "date"),
    material_field("[1].qa[0].question", "text"), material_field("[1].qa[0].answer", "text"),
    material_field("[2].chart.title", max_len=500), material_field("[2].chart.categories[0]", max_len=100),
    material_field("[2].chart.series[0].name", max_len=100), material_field("[2].chart.unit", max_len=50),
    material_field("[2].chart.source", max_len=500), material_field("[2].chart.highlight", max_len=100),
    material_field("[2].caption", "text"),
    Field("user.username", "line", lambda c, v: _new_user(c, username=v),
          lambda c: c["last"].username, 40, True),
    Field("user.display_name", "line", lambda c, v: _new_user(c, display_name=v),
          lambda c: c["last"].display_name, 100, True),
    Field("user.title", "line", lambda c, v: _new_user(c, title=v), lambda c: c["last"].title, 100,
          True),
    Field("user.update_display_name", "line", _update_name,
          lambda c: c.wb.store.users.get(c["writer2"].id).display_name, 100, True),
    Field("department.name", "line", lambda c, v: _department(c, name=v), lambda c: c["dept"].name,
          100, True),
    Field("department.code", "line", lambda c, v: _department(c, code=v), lambda c: c["dept"].code,
          60, True),  # a list of 机关代字 (江人社发、江人社函)
    Field("version.label", "line", lambda c, v: c.wb.authoring.save_version(c["writer"], c.draft, v),
          lambda c: c.wb.store.records.revisions(c.draft)[-1].label, 100, True),
    Field("due_date", "date", lambda c, v: c.wb.authoring.set_due_date(c["writer"], c.draft, v),
          lambda c: c.wb.store.packages.get(c.draft).due_date),
    Field("comment.text", "comment", lambda c, v: c.wb.comments.add(
        c["reviewer"], c.draft, "document", 0, "总体要求", v),
          lambda c: c.wb.store.records.comments(c.draft)[-1].text),
    Field("return.reason", "reason", _return, lambda c: _decision_reason(c, c.review, "return")),
    Field("pass.opinion", "reason", _pass, lambda c: _decision_reason(c, c.review, "pass")),
    Field("sign.opinion", "reason", _sign, lambda c: _last_signoff(c).opinion),
    Field("sign.on_behalf_of", "line", lambda c, v: _sign(c, "同意", v),
          lambda c: _last_signoff(c).on_behalf_of, 100, True),
    Field("revoke.reason", "reason", _revoke, lambda c: _decision_reason(c, c.signed, "revoke")),
]
