"""The permission matrix: every service action × role × department × state × authorship.

The expected answers are written out below from the workflow table in design.md, not taken
from domain/permissions.py: this test checks the code against the design. Where design.md is
silent (comments, export, a user without roles) the choice is stated beside the rule.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from interpreter_app.domain.errors import NotFoundError, PermissionDenied, WorkflowError
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package

pytestmark = pytest.mark.both_stores

STATES = ("draft", "in_review", "awaiting_signoff", "signed", "released")
ROLES = ("writer", "reviewer", "leader", "admin", "none")
ACTIONS = ("view", "edit", "comment", "export", "save_version", "submit", "pass", "return", "withdraw", "sign",
           "revoke", "release", "revise")
STEPS_TO = {"draft": [], "in_review": ["submit"], "awaiting_signoff": ["submit", "pass"],
            "signed": ["submit", "pass", "sign"], "released": ["submit", "pass", "sign", "release"]}

# action: (roles allowed, states where allowed, whether the package's authors are excluded)
EXPECTED = {
    # design.md: people see their own department's packages; a user without any role is
    # nobody in the workflow and sees nothing.
    "view": ({"writer", "reviewer", "leader", "admin"}, set(STATES), False),
    # draft: editable by the department's writers; every other state: content locked.
    "edit": ({"writer"}, {"draft"}, False),
    # reviewers comment while checking, leaders while deciding, writers answer; nothing is
    # commented once signed (design.md names no rule: this is the product's choice).
    "comment": ({"writer", "reviewer", "leader"}, {"draft", "in_review", "awaiting_signoff"}, False),
    # everyone in the workflow may export (unsigned packages come out marked as drafts);
    # admin alone is not part of the workflow.
    "export": ({"writer", "reviewer", "leader"}, set(STATES), False),
    # a named snapshot changes nothing in the package: everyone in the workflow may keep one.
    "save_version": ({"writer", "reviewer", "leader"}, set(STATES), False),
    "submit": ({"writer"}, {"draft"}, False),
    "pass": ({"reviewer"}, {"in_review"}, True),  # invariant 3: no one passes what they wrote
    "withdraw": ({"writer"}, {"in_review"}, False),
    "sign": ({"leader"}, {"awaiting_signoff"}, True),  # invariant 3: nor signs it
    "release": ({"writer", "leader"}, {"signed"}, False),
    "revoke": ({"leader"}, {"signed"}, False),
    "revise": ({"writer"}, {"released"}, False),
}
RETURN_BY = {"in_review": "reviewer", "awaiting_signoff": "leader"}  # return needs a reason
TARGET = {"submit": "in_review", "pass": "awaiting_signoff", "return": "draft",
          "withdraw": "draft", "sign": "signed", "release": "released", "revoke": "draft",
          "revise": "draft", "edit": "draft"}
CHANGES_PACKAGE = set(TARGET)


def expected(action: str, role: str, own_department: bool, state: str, author: bool) -> bool:
    """Whether design.md lets this person take this action."""
    if not own_department:
        return False
    if action == "return":
        return RETURN_BY.get(state) == role
    roles, states, excludes_authors = EXPECTED[action]
    return role in roles and state in states and not (excludes_authors and author)


@dataclass(frozen=True)
class Case:
    action: str
    role: str
    own_department: bool
    state: str
    author: bool

    @property
    def actor(self) -> str:
        return f"{self.role}_{'own' if self.own_department else 'other'}"


def all_cases() -> list[Case]:
    return [Case(a, r, own, s, au) for s in STATES for au in (False, True) for a in ACTIONS
            for r in ROLES for own in (True, False)]


# -- the databases: one template per state and authorship ----------------------------------

def build_base(path: Path) -> None:
    """Users for every role in two departments, and the people who move the package along."""
    wb = Workbench.create(path)
    admin = wb.accounts.create_first_admin("root", "系统管理员", PASSWORD)
    depts = {"own": wb.accounts.create_department(admin, "江海省人力资源和社会保障厅", "江人社发").id,
             "other": wb.accounts.create_department(admin, "江海省政务服务管理局", "江政务发").id}
    for name, roles in (("origin_writer", {"writer"}), ("origin_reviewer", {"reviewer"}),
                        ("origin_leader", {"leader"})):
        wb.accounts.create_user(admin, name, name, PASSWORD, depts["own"], roles)
        wb.accounts.login(name, PASSWORD)  # unlocks the key that signs their decisions
    for role in ROLES:
        for where, dept in depts.items():
            user = wb.accounts.create_user(admin, f"{role}_{where}", f"{role}_{where}", PASSWORD,
                                           dept, {"writer" if role == "none" else role})
            wb.accounts.login(user.username, PASSWORD)
            if role == "none":  # an account whose roles were all taken away
                wb.accounts.update_user(admin, replace(user, roles=frozenset()))
    wb.close()


def build_template(base: Path, path: Path, state: str, author: bool) -> int:
    """A copy of the base with one package in `state`; every actor an author when `author`."""
    shutil.copyfile(base, path)
    wb = Workbench.open(path)
    people = {u.username: u for u in wb.accounts.users()}
    pkg = complete_package(wb, people["origin_writer"])
    steps = {"submit": lambda: wb.review.submit(people["origin_writer"], pkg.id),
             "pass": lambda: wb.review.pass_review(people["origin_reviewer"], pkg.id),
             "sign": lambda: wb.review.sign(people["origin_leader"], pkg.id, PASSWORD),
             "release": lambda: wb.review.release(people["origin_writer"], pkg.id)}
    for step in STEPS_TO[state]:
        steps[step]()
    if author:  # as if each of them had edited the package while holding the writer role
        with wb.store.transaction():
            for name in people:
                if not name.startswith(("origin", "root")):
                    wb.store.packages.add_author(pkg.id, people[name].id)
    wb.close()
    return pkg.id


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[tuple[str, bool], tuple[Path, int]]:
    from interpreter_app.services import crypto

    crypto.SCRYPT_N = 2**8
    root = tmp_path_factory.mktemp("matrix")
    base = root / "base.db"
    build_base(base)
    return {(s, a): (root / f"{s}-{a}.db", build_template(base, root / f"{s}-{a}.db", s, a))
            for s in STATES for a in (False, True)}


# -- running one case --------------------------------------------------------------------------

def act(wb: Workbench, actor, action: str, pid: int):
    """Call the service for the action; returns the package's state afterwards."""
    a, r = wb.authoring, wb.review
    if action == "edit":
        pkg = wb.store.packages.get(pid)
        a.save_document(actor, pid, replace(pkg.document, body=pkg.document.body + "\n四、附则"),
                        pkg.document_version)
    else:
        calls = {
            "view": lambda: a.get(actor, pid), "export": lambda: wb.exports.context(actor, pid),
            "save_version": lambda: a.save_version(actor, pid, "核稿前"),
            "comment": lambda: wb.comments.add(actor, pid, "document", 0, "总体要求", "请核实"),
            "submit": lambda: r.submit(actor, pid), "pass": lambda: r.pass_review(actor, pid, "同意"),
            "return": lambda: r.return_package(actor, pid, "请修改"),
            "withdraw": lambda: r.withdraw(actor, pid),
            "sign": lambda: r.sign(actor, pid, PASSWORD, "同意"),
            "revoke": lambda: r.revoke(actor, pid, "数据需更新"), "release": lambda: r.release(actor, pid),
            "revise": lambda: r.revise(actor, pid, "政策调整")}
        calls[action]()
    return wb.store.packages.get(pid).state


def fingerprint(wb: Workbench, pid: int) -> tuple:
    """Everything a refused action could have touched."""
    q = wb.store.conn.execute
    return (q("SELECT state, row_version, digest, revision FROM packages WHERE id = ?",
              (pid,)).fetchone()[:],
            q("SELECT row_version FROM documents WHERE package_id = ?", (pid,)).fetchone()[0],
            *(q(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("decisions", "revisions", "signoffs", "comments", "audit")))


def outcome(wb: Workbench, case: Case, pid: int) -> tuple[bool, str | None]:
    """(allowed, problem): a refusal must be clean and change nothing."""
    actor = wb.accounts.user(case.actor)
    before = fingerprint(wb, pid)
    try:
        state = act(wb, actor, case.action, pid)
    except (PermissionDenied, NotFoundError, WorkflowError) as exc:
        if fingerprint(wb, pid) != before:
            return False, f"refused ({exc.message}) but the database changed"
        if not case.own_department and not isinstance(exc, NotFoundError):
            return False, "another department's package must not even be confirmed to exist"
        return False, None
    if case.action in TARGET and state != TARGET[case.action]:
        return True, f"allowed but the package is now {state}"
    return True, None


def test_permission_matrix(templates, tmp_path):
    mismatches, counted = [], {True: 0, False: 0}
    for (state, author), (template, pid) in templates.items():
        shared = tmp_path / f"shared-{state}-{author}.db"
        shutil.copyfile(template, shared)
        wb = Workbench.open(shared)
        for case in (c for c in all_cases() if (c.state, c.author) == (state, author)):
            want = expected(case.action, case.role, case.own_department, state, author)
            fresh = want and case.action in CHANGES_PACKAGE
            if fresh:  # a successful transition needs a package of its own
                copy = tmp_path / "fresh.db"
                shutil.copyfile(template, copy)
                target = Workbench.open(copy)
            else:
                target = wb
            try:
                got, problem = outcome(target, case, pid)
            except Exception as exc:  # noqa: BLE001 - any other error is a finding to list
                got, problem = None, f"{type(exc).__name__}: {exc}"
            if fresh:
                target.close()
            elif got:  # something allowed on the shared copy: start the next case afresh
                wb.close()
                shutil.copyfile(template, shared)
                wb = Workbench.open(shared)
            counted[want] += 1
            if got != want or problem:
                mismatches.append(f"{case}: expected {'allowed' if want else 'refused'}, "
                                  f"got {got} {problem or ''}")
        wb.close()
    print(f"\npermission matrix: {sum(counted.values())} cases, {counted[True]} allowed, "
          f"{counted[False]} refused")
    assert not mismatches, "\n".join(mismatches)
    assert counted[True] > 50 and sum(counted.values()) == len(all_cases())
