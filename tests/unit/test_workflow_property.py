"""Random sequences of actions by random users never break the workflow's rules."""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpreter_app.domain import workflow
from interpreter_app.domain.digest import package_digest
from interpreter_app.domain.errors import AppError, NotFoundError
from interpreter_app.domain.signoffs import latest_in_force
from tests.factories import PASSWORD, complete_package, seed

USERS = ["writer", "writer2", "reviewer", "leader", "leader2", "multi", "writer_b", "admin"]
ACTIONS = ["edit", "noop_save", "submit", "pass", "return", "return_no_reason", "withdraw",
           "sign", "sign_wrong_password", "revoke", "release", "revise", "read"]

steps = st.lists(st.tuples(st.sampled_from(ACTIONS), st.sampled_from(USERS),
                           st.integers(0, 1)), min_size=1, max_size=30)


def _act(data, action: str, username: str, pid: int) -> None:
    wb, user = data.wb, data[username]
    review = wb.review
    if action == "edit":
        pkg = wb.store.packages.get(pid)
        doc = replace(pkg.document, body=pkg.document.body + "\n补充说明。")
        wb.authoring.save_document(user, pid, doc, pkg.document_version)
    elif action == "noop_save":
        pkg = wb.store.packages.get(pid)
        before = wb.store.packages.stored_digest(pid)
        result = wb.authoring.save_document(user, pid, pkg.document, pkg.document_version)
        assert not result.changed and wb.store.packages.stored_digest(pid) == before
    elif action == "read":
        wb.authoring.get(user, pid)
    else:
        {
            "submit": lambda: review.submit(user, pid),
            "pass": lambda: review.pass_review(user, pid),
            "return": lambda: review.return_package(user, pid, "请修改"),
            "return_no_reason": lambda: review.return_package(user, pid, ""),
            "withdraw": lambda: review.withdraw(user, pid),
            "sign": lambda: review.sign(user, pid, PASSWORD),
            "sign_wrong_password": lambda: review.sign(user, pid, "not-the-password"),
            "revoke": lambda: review.revoke(user, pid, "需调整"),
            "release": lambda: review.release(user, pid),
            "revise": lambda: review.revise(user, pid),
        }[action]()


def _check_rules(data, pids: list[int]) -> None:
    wb = data.wb
    for pid in pids:
        pkg = wb.store.packages.get(pid)
        # Rule 2: authors never pass or sign; returns and revocations carry a reason;
        # another department cannot read.
        for d in wb.store.records.decisions(pid):
            if d.action in ("pass", "sign"):
                assert d.actor_id not in pkg.authors
            if d.action in ("return", "revoke"):
                assert d.reason.strip()
        with pytest.raises(NotFoundError):
            wb.authoring.get(data["writer_b"], pid)
        # Rule 3: a signed package is bound to exactly its current digest.
        if pkg.state in (workflow.SIGNED, workflow.RELEASED):
            valid = latest_in_force(wb.store.records.signoffs(pkg.id), pkg.revision)
            assert valid is not None and valid.digest == package_digest(pkg)
        # Rule 5: one release time on every part.
        if pkg.state == workflow.RELEASED:
            assert wb.store.packages.parts_release_times(pid) == {pkg.released_at}
    # The database as a whole stays consistent.
    report = wb.verify()
    assert report.ok, report.problems


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_random_action_sequences_keep_the_rules(sequence):
    with tempfile.TemporaryDirectory() as tmp:
        data = seed(Path(tmp) / "p.db")
        try:
            pids = [complete_package(data.wb, data["writer"]).id,
                    complete_package(data.wb, data["writer2"]).id]
            for action, username, index in sequence:
                # Refused actions are part of the test: the rules must still hold after them.
                with contextlib.suppress(AppError):
                    _act(data, action, username, pids[index])
                _check_rules(data, pids)
        finally:
            data.wb.close()
