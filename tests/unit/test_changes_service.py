"""Tracked changes through the services: who proposes, who settles, what moving on needs."""

from __future__ import annotations

import pytest

from interpreter_app.domain import permissions, workflow
from interpreter_app.domain.changes import ACCEPTED, PENDING, REJECTED, WITHDRAWN, Change
from interpreter_app.domain.digest import package_digest
from interpreter_app.domain.errors import (
    IncompleteError,
    NotFoundError,
    PermissionDenied,
    WorkflowError,
)
from tests.factories import PASSWORD, complete_package
from tests.support.editing import submit_on_edit_route

pytestmark = pytest.mark.both_stores

BODY = "document.body"


@pytest.fixture
def in_review(seeded):
    """A package at the 核稿 step of a route that allows edits."""
    pkg = complete_package(seeded.wb, seeded["writer"])
    return submit_on_edit_route(seeded.wb, seeded["writer"], pkg.id)


def edited_body(package, old="不少于50万人", new="不少于60万人"):
    assert old in package.document.body
    return package.document.body.replace(old, new)


def test_a_reviewers_direct_edit_is_a_tracked_change_the_writer_accepts(seeded, db_address,
                                                                       in_review):
    wb, reviewer, writer = seeded.wb, seeded["reviewer"], seeded["writer"]
    digest_before = package_digest(wb.authoring.get(writer, in_review.id))
    made = wb.changes.propose(reviewer, in_review.id, BODY, edited_body(in_review))
    assert [(c.old, c.new, c.author_name) for c in made] == [("5", "6", reviewer.display_name)]
    package = wb.authoring.get(writer, in_review.id)
    assert package.document.body == in_review.document.body  # content holds accepted text
    assert package_digest(package) == digest_before
    assert wb.store.packages.stored_digest(in_review.id) == digest_before

    accepted = wb.changes.accept(writer, in_review.id, made[0].id)
    assert accepted.status == ACCEPTED and accepted.decided_by == writer.id
    package = wb.authoring.get(writer, in_review.id)
    assert package.document.body == edited_body(in_review)
    assert package.document_version == in_review.document_version + 1
    assert package_digest(package) != digest_before
    assert wb.store.packages.stored_digest(in_review.id) == package_digest(package)
    assert reviewer.id not in package.authors  # reviewing stays allowed
    event = wb.store.last_audit_event(in_review.id)
    assert event.action == "accept_change" and event.actor_id == writer.id
    assert str(made[0].id) in event.detail and BODY in event.detail
    assert reviewer.display_name in event.detail
    history = wb.changes.history(writer, in_review.id)
    assert [(c.status, c.decided_by) for c in history] == [(ACCEPTED, writer.id)]


def test_rejecting_leaves_the_content_and_digest(seeded, in_review):
    wb, writer = seeded.wb, seeded["writer"]
    made = wb.changes.propose(seeded["reviewer"], in_review.id, BODY, edited_body(in_review))
    wb.changes.reject(writer, in_review.id, made[0].id)
    package = wb.authoring.get(writer, in_review.id)
    assert package.document.body == in_review.document.body
    assert package_digest(package) == package_digest(in_review)
    assert wb.store.last_audit_event(in_review.id).action == "reject_change"
    assert [c.status for c in wb.changes.history(writer, in_review.id)] == [REJECTED]
    with pytest.raises(WorkflowError, match="已处理"):
        wb.changes.accept(writer, in_review.id, made[0].id)


def test_a_new_edit_replaces_the_same_persons_pending_changes(seeded, in_review):
    wb, reviewer = seeded.wb, seeded["reviewer"]
    first = wb.changes.propose(reviewer, in_review.id, BODY, edited_body(in_review))
    second = wb.changes.propose(reviewer, in_review.id, BODY,
                                edited_body(in_review, "不少于50万人", "不少于70万人"))
    history = {c.id: c.status for c in wb.changes.history(reviewer, in_review.id)}
    assert history[first[0].id] == WITHDRAWN and history[second[0].id] == PENDING
    assert wb.changes.own_text(reviewer, in_review.id, BODY) == edited_body(
        in_review, "不少于50万人", "不少于70万人")
    # Back to the accepted text: nothing pending any more.
    assert wb.changes.propose(reviewer, in_review.id, BODY, in_review.document.body) == []
    assert wb.changes.pending(reviewer, in_review.id) == []


def test_two_authors_changes_accepted_one_by_one_and_all_at_once(seeded, in_review):
    wb, writer = seeded.wb, seeded["writer"]
    body = in_review.document.body
    wb.changes.propose(seeded["reviewer"], in_review.id, BODY,
                       body.replace("坚持就业优先战略", "坚持就业优先政策"))
    # The leader acts at the next step; let the reviewer pass after the writer settles, so
    # here the leader's change arrives as an external one from a Word file instead.
    wb.changes.record_external(writer, in_review.id, [Change(
        BODY, body.index("城镇调查"), "城镇调查", "调查", "王处长", "2026-03-02T09:00",
        context=body[body.index("城镇调查") - 20:body.index("城镇调查")])], "意见稿.docx")
    pending = wb.changes.pending(writer, in_review.id)
    assert [(c.author_name, c.external, c.author_id) for c in pending] == [
        (seeded["reviewer"].display_name, False, seeded["reviewer"].id), ("王处长", True, None)]
    wb.changes.accept(writer, in_review.id, pending[0].id)  # moves the second one
    wb.changes.accept_all(writer, in_review.id)
    expected = body.replace("坚持就业优先战略", "坚持就业优先政策").replace("城镇调查", "调查")
    assert wb.authoring.get(writer, in_review.id).document.body == expected
    assert wb.store.changes.pending_count(in_review.id) == 0


def test_a_change_that_can_no_longer_be_placed_can_only_be_rejected(seeded, in_review):
    wb, writer = seeded.wb, seeded["writer"]
    body = in_review.document.body
    first = wb.changes.propose(seeded["reviewer"], in_review.id, BODY,
                               body.replace("不少于50万人", "不少于60万人"))
    wb.changes.record_external(writer, in_review.id, [Change(
        BODY, first[0].offset - 1, "于5", "于约5", "王处长", "2026-03-02T09:00",
        context=body[first[0].offset - 21:first[0].offset - 1])], "意见稿.docx")
    with pytest.raises(IncompleteError, match="无法在当前文字中找到") as refused:
        wb.changes.accept_all(writer, in_review.id)
    assert wb.authoring.get(writer, in_review.id).document.body == body  # nothing accepted
    wb.changes.accept(writer, in_review.id, first[0].id)
    stuck = wb.changes.pending(writer, in_review.id)[0]
    with pytest.raises(WorkflowError, match="只能拒绝"):
        wb.changes.accept(writer, in_review.id, stuck.id)
    wb.changes.reject(writer, in_review.id, stuck.id)
    assert "王处长" in str(refused.value)


def test_pending_changes_block_pass_and_submit(seeded, in_review):
    wb, writer, reviewer = seeded.wb, seeded["writer"], seeded["reviewer"]
    wb.changes.propose(reviewer, in_review.id, BODY, edited_body(in_review))
    with pytest.raises(IncompleteError, match="还有1处修改（留痕）未处理") as refused:
        wb.review.pass_review(reviewer, in_review.id)
    assert "政策文件正文" in str(refused.value)
    wb.review.return_package(reviewer, in_review.id, "请处理修改")
    with pytest.raises(IncompleteError, match="后再提交"):
        wb.review.submit(writer, in_review.id)
    wb.changes.accept_all(writer, in_review.id)  # the writer settles in draft too
    assert wb.review.submit(writer, in_review.id).state == workflow.IN_REVIEW


def test_pending_changes_block_signing(seeded, in_review):
    wb, writer, leader = seeded.wb, seeded["writer"], seeded["leader"]
    wb.review.pass_review(seeded["reviewer"], in_review.id)
    wb.changes.propose(leader, in_review.id, BODY, edited_body(in_review))
    with pytest.raises(IncompleteError, match="后再签发"):
        wb.review.sign(leader, in_review.id, PASSWORD)
    wb.changes.reject_all(writer, in_review.id)
    assert wb.review.sign(leader, in_review.id, PASSWORD).digest


def test_who_may_propose(seeded, in_review):
    wb = seeded.wb
    body = edited_body(in_review)
    for name, reason in (("leader", "不由您办理"), ("writer", "不由您办理"),
                         ("reviewer_b", "不存在或无权查看")):
        with pytest.raises((PermissionDenied, NotFoundError), match=reason):
            wb.changes.propose(seeded[name], in_review.id, BODY, body)
    draft = complete_package(wb, seeded["writer"])
    with pytest.raises(PermissionDenied, match="不在审批路线上"):
        wb.changes.propose(seeded["reviewer"], draft.id, BODY, body)
    wb.review.submit(seeded["writer"], draft.id)  # the default route allows no edits
    with pytest.raises(PermissionDenied, match="不允许直接修改"):
        wb.changes.propose(seeded["reviewer"], draft.id, BODY, body)


def test_who_may_settle(seeded, in_review):
    wb = seeded.wb
    made = wb.changes.propose(seeded["reviewer"], in_review.id, BODY, edited_body(in_review))
    for name in ("reviewer", "leader", "writer2"):
        with pytest.raises(PermissionDenied, match="只有本解读包的拟稿人"):
            wb.changes.accept(seeded[name], in_review.id, made[0].id)
    with pytest.raises(NotFoundError):
        wb.changes.accept(seeded["writer"], in_review.id, made[0].id + 1000)
    with pytest.raises(PermissionDenied):
        wb.changes.record_external(seeded["writer2"], in_review.id, [], "x.docx")


def test_changes_to_plan_and_material_texts(seeded, in_review):
    wb, reviewer, writer = seeded.wb, seeded["reviewer"], seeded["writer"]
    material = in_review.materials[0]
    target = f"material:{material.id}.body"
    wb.changes.propose(reviewer, in_review.id, target, material.body + "\n三、补充说明")
    wb.changes.propose(reviewer, in_review.id, "plan.outline", in_review.plan.outline + "\n四、解读")
    wb.changes.propose(reviewer, in_review.id, f"material:{in_review.materials[1].id}.qa.0.answer",
                       "每人2000元。")
    assert len(wb.changes.accept_all(writer, in_review.id)) == 3
    package = wb.authoring.get(writer, in_review.id)
    assert package.materials[0].body.endswith("三、补充说明")
    assert package.plan.outline.endswith("四、解读")
    assert package.materials[1].qa[0].answer == "每人2000元。"


def test_permission_reasons_in_the_table(seeded, in_review):
    reviewer, writer = seeded["reviewer"], seeded["writer"]
    assert permissions.may(reviewer, permissions.TRACK_CHANGE, in_review)
    assert not permissions.may(reviewer, permissions.SETTLE_CHANGE, in_review)
    assert permissions.may(writer, permissions.SETTLE_CHANGE, in_review)
    assert not permissions.may(writer, permissions.TRACK_CHANGE, in_review)


def test_the_repository_withdraws_one_authors_pending_changes_of_one_text(seeded, in_review):
    wb, reviewer = seeded.wb, seeded["reviewer"]
    body = in_review.document.body
    wb.changes.propose(reviewer, in_review.id, BODY, body.replace("战略", "政策"))
    wb.changes.propose(reviewer, in_review.id, "plan.outline", in_review.plan.outline + "。")
    with wb.store.transaction():
        assert wb.store.changes.withdraw_pending(in_review.id, BODY, reviewer.id, "2026-03-02") == 1
    assert wb.store.changes.pending_count(in_review.id) == 1
    assert [c.target for c in wb.store.changes.of_package(in_review.id, WITHDRAWN)] == [BODY]


def test_a_joint_department_edits_at_its_step_and_the_writer_accepts(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    route = workflow.Route("会签修订", (
        workflow.Step("核稿", frozenset({"reviewer"})),
        workflow.Step("会签", frozenset({"reviewer"}), departments=(seeded.dept_b,),
                      all_must_act=True, may_edit=True),
        workflow.Step("签发", frozenset({"leader"}))))
    pkg = submit_on_edit_route(wb, writer, complete_package(wb, writer).id, route)
    with pytest.raises(PermissionDenied, match="不允许直接修改"):
        wb.changes.propose(seeded["reviewer"], pkg.id, BODY, edited_body(pkg))
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    made = wb.changes.propose(seeded["reviewer_b"], pkg.id, BODY, edited_body(pkg))
    assert made[0].author_name == seeded["reviewer_b"].display_name
    with pytest.raises(IncompleteError, match="留痕"):
        wb.review.pass_review(seeded["reviewer_b"], pkg.id)
    wb.changes.accept(writer, pkg.id, made[0].id)
    assert wb.review.pass_review(seeded["reviewer_b"], pkg.id).state == workflow.AWAITING_SIGNOFF
