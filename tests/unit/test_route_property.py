"""Random routes walked by random people: every rule of the workflow still holds.

Routes of one to four steps are drawn at random (roles, named people, 会签 by another
department, all-must-agree), then random actions by random users. After each action: authors
never pass or sign, returns carry a reason, a signed package is bound to its content, other
departments see nothing unless their department is a party and the person acts, the lists of
waiting work hold exactly what the person may act on, and `verify` replays every decision along
its signed route without a problem."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from interpreter_app.domain import permissions, workflow
from interpreter_app.domain.digest import package_digest
from interpreter_app.domain.errors import AppError, NotFoundError
from interpreter_app.domain.signoffs import latest_in_force
from interpreter_app.domain.workflow import Route, Step
from interpreter_app.services import listing
from interpreter_app.services.listing import ListQuery
from tests.factories import PASSWORD, complete_package, seed

USERS = ["writer", "writer2", "reviewer", "leader", "leader2", "multi", "writer_b",
         "reviewer_b", "leader_b"]
# Moving on is drawn more often than going back, so that packages get far along their routes.
ACTIONS = ["submit"] * 2 + ["pass"] * 5 + ["sign"] * 2 + [
    "return", "back", "back_no_reason", "withdraw", "revoke", "release", "revise", "edit"]
ACTING = ["reviewer", "leader", "leader2", "multi", "reviewer_b", "leader_b"]
WAITING = (listing.TO_REVIEW, listing.TO_SIGN, listing.TO_COSIGN)


@st.composite
def routes(draw) -> dict:
    """A route as names (users and departments are resolved once the database exists)."""
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        roles = draw(st.sets(st.sampled_from(["reviewer", "leader"]), min_size=1))
        kind = draw(st.sampled_from(["own", "named", "cosign_b", "cosign_both"]))
        steps.append({"roles": sorted(roles), "kind": kind,
                      "named": draw(st.sets(st.sampled_from(ACTING[:4]), min_size=1, max_size=2)),
                      "edit": draw(st.booleans())})
    last = draw(st.sampled_from(["own", "named"]))
    steps.append({"roles": ["leader"], "kind": last,
                  "named": draw(st.sets(st.sampled_from(["leader", "leader2"]), min_size=1)),
                  "edit": False})
    return {"steps": steps}


def build(data, spec: dict) -> Route:
    steps = []
    for i, s in enumerate(spec["steps"]):
        step = Step(f"第{i + 1}步", frozenset(s["roles"]), may_edit=s["edit"])
        if s["kind"] == "named":
            step = Step(step.name, step.roles, users=tuple(sorted(data[n].id for n in s["named"])))
        elif s["kind"] == "cosign_b":
            step = Step(step.name, step.roles, departments=(data.dept_b,), all_must_act=True)
        elif s["kind"] == "cosign_both":
            step = Step(step.name, step.roles, departments=(data.dept_a, data.dept_b),
                        all_must_act=True)
        steps.append(step)
    return Route("随机路线", tuple(steps), department_id=data.dept_a)


def _act(data, action: str, username: str, pid: int, route_id: int) -> None:
    wb, user, review = data.wb, data[username], data.wb.review
    if action == "edit":
        from dataclasses import replace

        pkg = wb.store.packages.get(pid)
        wb.authoring.save_document(user, pid, replace(pkg.document, body=pkg.document.body + "\n补充。"),
                                   pkg.document_version)
        return
    {"submit": lambda: review.submit(user, pid, route_id=route_id),
     "pass": lambda: review.pass_review(user, pid),
     "return": lambda: review.return_package(user, pid, "请修改"),
     "back": lambda: review.back(user, pid, "请上一步再看"),
     "back_no_reason": lambda: review.back(user, pid, ""),
     "withdraw": lambda: review.withdraw(user, pid),
     "sign": lambda: review.sign(user, pid, PASSWORD),
     "revoke": lambda: review.revoke(user, pid, "需调整"),
     "release": lambda: review.release(user, pid),
     "revise": lambda: review.revise(user, pid)}[action]()


_RULE_ACTION = {"back_no_reason": workflow.BACK, "edit": permissions.EDIT}


def _someone_allowed(data, action: str, pid: int, pick: int) -> str | None:
    if pick >= 6:
        return None
    pkg = data.wb.store.packages.get(pid)
    rule = _RULE_ACTION.get(action, action)
    allowed = [n for n in USERS if permissions.may(data[n], rule, pkg)]
    return allowed[pick % len(allowed)] if allowed else None


def _check_rules(data, pids: list[int]) -> None:
    wb = data.wb
    for pid in pids:
        pkg = wb.store.packages.get(pid)
        for d in wb.store.records.decisions(pid):
            if d.action in ("pass", "sign"):
                assert d.actor_id not in pkg.authors
            if d.action in ("return", "revoke", "back"):
                assert d.reason.strip()
        if pkg.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF):
            route = permissions.route_of(pkg)
            assert 0 <= pkg.step < len(route.steps)
            assert workflow.state_at(route, pkg.step) == pkg.state
        if pkg.state in (workflow.SIGNED, workflow.RELEASED):
            valid = latest_in_force(wb.store.records.signoffs(pkg.id), pkg.revision)
            assert valid is not None and valid.digest == package_digest(pkg)
        with pytest.raises(NotFoundError):
            wb.authoring.get(data["writer_b"], pid)  # a party department's writer: no part
        for name in USERS:
            user = data[name]
            may_act = any(permissions.may(user, a, pkg) for a in (workflow.PASS, workflow.SIGN))
            waiting = any(pid in [r.id for r in wb.listing.page(user, ListQuery(v), 0, 50)]
                          for v in WAITING)
            assert waiting == may_act, (name, pkg.state, pkg.step, pkg.agreed)
    report = wb.verify()
    assert report.ok, report.problems


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routes(), st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(USERS),
                                    st.integers(0, 1), st.integers(0, 7)), min_size=10, max_size=40))
def test_random_routes_and_actions_keep_the_rules(spec, sequence):
    with tempfile.TemporaryDirectory() as tmp:
        data = seed(Path(tmp) / "p.db")
        try:
            route = build(data, spec)
            assume(not workflow.route_problems(route))
            route_id = data.wb.routes.save(data["admin"], route).id
            pids = [complete_package(data.wb, data["writer"]).id,
                    complete_package(data.wb, data["writer2"]).id]
            for action, username, index, pick in sequence:
                # Mostly someone the rules let act does (so packages move along the
                # route); otherwise a random person tries (and should mostly be refused).
                username = _someone_allowed(data, action, pids[index], pick) or username
                with contextlib.suppress(AppError):
                    _act(data, action, username, pids[index], route_id)
                _check_rules(data, pids)
        finally:
            data.wb.close()
