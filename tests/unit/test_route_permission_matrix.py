"""The permission matrix along a route: every step × person × action, against a table written
out here from the issue's rules (not read from domain/permissions.py).

The route: 处室核稿 (the department's reviewers) → 办公室核稿 (one named person) → 合法性审核
(会签 by a second department) → 分管领导审核 (one named leader) → 主要负责人签发 (one named
leader). A refused action changes nothing; an allowed one moves the package where the route
says."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.domain.errors import (
    NotFoundError,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from interpreter_app.domain.workflow import Route, Step
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package

PEOPLE = ("writer", "reviewer", "office", "leader2", "leader", "reviewer_b", "writer_b",
          "reviewer_c")
ACTIONS = ("view", "comment", "edit", "pass", "return", "back", "sign", "withdraw")
# Who acts at each step (the party), by the route's definition.
PARTY = {0: {"reviewer", "office"}, 1: {"office"}, 2: {"reviewer_b"}, 3: {"leader2"},
         4: {"leader"}}
OWN_DEPARTMENT = {"writer", "reviewer", "office", "leader2", "leader"}
# Where each allowed action leaves the package: (state, step).
AFTER = {"pass": lambda k: ("awaiting_signoff" if k + 1 == 4 else "in_review", k + 1),
         "return": lambda k: ("draft", 0), "withdraw": lambda k: ("draft", 0),
         "back": lambda k: ("awaiting_signoff" if k - 1 == 4 else "in_review", k - 1),
         "sign": lambda k: ("signed", 0)}


def expected(step: int, person: str, action: str) -> bool:
    """The rules of the issue, written out."""
    sees = person in OWN_DEPARTMENT or person == "reviewer_b"  # 会签 reviewers read it
    if action == "view":
        return sees
    if action == "comment":
        return sees and person != "writer_b"
    if action == "edit":
        return False  # content is locked while on the route
    if action == "withdraw":
        return person == "writer" and step < 4  # as today: not once awaiting sign-off
    if action == "sign":
        return step == 4 and person in PARTY[4]
    if action == "pass":
        return step < 4 and person in PARTY[step]
    if action == "return":
        return person in PARTY[step]
    if action == "back":
        return step > 0 and person in PARTY[step]
    raise AssertionError(action)


def build(path: Path) -> dict[int, tuple[Path, int]]:
    """One database per step of the route, with the package waiting there."""
    wb = Workbench.create(path)
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    a = wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发").id
    b = wb.accounts.create_department(admin, "江海省司法厅", "江司发").id
    c = wb.accounts.create_department(admin, "江海省政务服务管理局", "江政务发").id
    people = {}
    for name, dept, roles in (("writer", a, {"writer"}), ("reviewer", a, {"reviewer"}),
                              ("office", a, {"reviewer"}), ("leader2", a, {"leader"}),
                              ("leader", a, {"leader"}), ("reviewer_b", b, {"reviewer"}),
                              ("writer_b", b, {"writer"}), ("reviewer_c", c, {"reviewer"})):
        people[name] = wb.accounts.create_user(admin, name, name, PASSWORD, dept, roles)
        wb.accounts.login(name, PASSWORD)
    route = wb.routes.save(admin, Route("规范性文件审批", (
        Step("处室核稿", frozenset({"reviewer"})),
        Step("办公室核稿", frozenset({"reviewer"}), users=(people["office"].id,)),
        Step("合法性审核", frozenset({"reviewer"}), departments=(b,), all_must_act=True),
        Step("分管领导审核", frozenset({"leader"}), users=(people["leader2"].id,)),
        Step("主要负责人签发", frozenset({"leader"}), users=(people["leader"].id,))),
        department_id=a))
    pid = complete_package(wb, people["writer"]).id
    wb.review.submit(people["writer"], pid, route_id=route.id)
    templates = {}
    movers = ("reviewer", "office", "reviewer_b", "leader2")
    for step in range(5):
        wb.close()
        templates[step] = (path.with_name(f"step{step}.db"), pid)
        shutil.copyfile(path, templates[step][0])
        wb = Workbench.open(path)
        if step < 4:
            wb.review.pass_review(wb.accounts.login(movers[step], PASSWORD), pid)
    wb.close()
    return templates


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    from interpreter_app.services import crypto

    crypto.SCRYPT_N = 2**8
    return build(tmp_path_factory.mktemp("routes") / "base.db")


def act(wb: Workbench, person: str, action: str, pid: int) -> None:
    actor = wb.accounts.user(person)
    r = wb.review
    if action == "edit":
        pkg = wb.store.packages.get(pid)
        wb.authoring.save_document(actor, pid, replace(pkg.document, body=pkg.document.body
                                                       + "\n四、附则"), pkg.document_version)
        return
    {"view": lambda: wb.authoring.get(actor, pid),
     "comment": lambda: wb.comments.add(actor, pid, "document", 0, "总体要求", "请核实"),
     "pass": lambda: r.pass_review(actor, pid), "return": lambda: r.return_package(actor, pid, "请修改"),
     "back": lambda: r.back(actor, pid, "请上一步再核"), "sign": lambda: r.sign(actor, pid, PASSWORD),
     "withdraw": lambda: r.withdraw(actor, pid)}[action]()


def fingerprint(wb: Workbench, pid: int) -> tuple:
    q = wb.store.conn.execute
    return (tuple(q("SELECT state, route_step, step_agreed, row_version FROM packages"
                    " WHERE id = ?", (pid,)).fetchone()),
            *(q(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("decisions", "signoffs", "comments", "step_parties")))


def test_route_permission_matrix(templates, tmp_path):
    mismatches, allowed = [], 0
    for step, (template, pid) in templates.items():
        for person in PEOPLE:
            for action in ACTIONS:
                want = expected(step, person, action)
                copy = tmp_path / "case.db"
                shutil.copyfile(template, copy)
                wb = Workbench.open(copy)
                before = fingerprint(wb, pid)
                try:
                    act(wb, person, action, pid)
                    got, problem = True, None
                    if action in AFTER:
                        pkg = wb.store.packages.get(pid)
                        if (pkg.state, pkg.step) != AFTER[action](step):
                            problem = f"moved to {(pkg.state, pkg.step)}"
                except (PermissionDenied, NotFoundError, WorkflowError, ValidationError) as exc:
                    got = False
                    problem = None if fingerprint(wb, pid) == before else \
                        f"refused ({exc}) but the database changed"
                    if person in ("writer_b", "reviewer_c") and not isinstance(exc, NotFoundError):
                        problem = "a stranger must not learn that the package exists"
                finally:
                    wb.close()
                allowed += got
                if got != want or problem:
                    mismatches.append(f"step {step} {person} {action}: expected "
                                      f"{'allowed' if want else 'refused'}, got {got} {problem or ''}")
    assert not mismatches, "\n".join(mismatches)
    assert allowed > 30
