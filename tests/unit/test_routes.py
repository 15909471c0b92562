"""Approval routes (审批路线): defined per department, chosen and frozen at submit, walked step
by step with 会签 by other departments, returns to the writer and to the previous step."""

from __future__ import annotations

from dataclasses import replace

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.errors import (
    NotFoundError,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from interpreter_app.domain.workflow import Route, Step
from interpreter_app.services import listing
from interpreter_app.services.listing import ListQuery
from tests.factories import PASSWORD, complete_package

pytestmark = pytest.mark.both_stores

REVIEWER = frozenset({"reviewer"})
LEADER = frozenset({"leader"})


def five_steps(seeded, office_id: int) -> Route:
    """处室核稿 → 办公室核稿 → 合法性审核（会签：第二个部门）→ 分管领导 → 主要负责人签发."""
    return Route("规范性文件审批", (
        Step("处室核稿", REVIEWER, may_edit=True),
        Step("办公室核稿", REVIEWER, users=(office_id,)),
        Step("合法性审核", REVIEWER, departments=(seeded.dept_b,), all_must_act=True),
        Step("分管领导审核", LEADER, users=(seeded["leader2"].id,)),
        Step("主要负责人签发", LEADER, users=(seeded["leader"].id,)),
    ), department_id=seeded.dept_a, genres=("办法",))


@pytest.fixture
def office(seeded):
    """A reviewer of the general office (办公室), named at the second step."""
    user = seeded.wb.accounts.create_user(seeded["admin"], "office", "办公室核稿人", PASSWORD,
                                          seeded.dept_a, {"reviewer"}, "办公室主任")
    seeded.wb.accounts.login("office", PASSWORD)
    return user


def state(wb, pid):
    p = wb.store.packages.get(pid)
    return p.state, p.step


def view(wb, user, name):
    return [r.id for r in wb.listing.page(user, ListQuery(name), 0, 100)]


def test_a_package_goes_through_five_steps_with_a_return_at_the_third(seeded, office):
    wb = seeded.wb
    route = wb.routes.save(seeded["admin"], five_steps(seeded, office.id))
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    assert state(wb, pid) == ("in_review", 0)
    assert pid in view(wb, seeded["reviewer"], listing.TO_REVIEW)
    assert pid not in view(wb, seeded["reviewer_b"], listing.TO_COSIGN)  # not at 会签 yet

    wb.review.pass_review(seeded["reviewer"], pid, "同意")
    assert state(wb, pid) == ("in_review", 1)
    assert pid in view(wb, office, listing.TO_REVIEW)
    assert pid not in view(wb, seeded["reviewer"], listing.TO_REVIEW)
    with pytest.raises(PermissionDenied, match="办公室核稿"):
        wb.review.pass_review(seeded["reviewer"], pid)  # the step names the office alone
    wb.review.pass_review(office, pid)
    assert state(wb, pid) == ("in_review", 2)

    # The second department sees the package in 待我会签 and may read it, but not edit it.
    assert pid in view(wb, seeded["reviewer_b"], listing.TO_COSIGN)
    assert pid in view(wb, seeded["reviewer_b"], listing.ALL)
    assert wb.authoring.get(seeded["reviewer_b"], pid).title
    with pytest.raises(NotFoundError):
        wb.authoring.get(seeded["writer_b"], pid)  # no role at the step: nothing to see
    wb.review.return_package(seeded["reviewer_b"], pid, "第五条与上位法不一致，请修改")
    assert state(wb, pid)[0] == "draft"
    assert [d.reason for d in wb.review.decisions(seeded["writer"], pid)][-1].startswith("第五条")

    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    wb.review.pass_review(seeded["reviewer"], pid)
    wb.review.pass_review(office, pid)
    wb.review.pass_review(seeded["reviewer_b"], pid, "经审核，合法")
    assert state(wb, pid) == ("in_review", 3)
    assert pid not in view(wb, seeded["reviewer_b"], listing.TO_COSIGN)
    with pytest.raises(PermissionDenied):
        wb.review.sign(seeded["leader"], pid, PASSWORD)  # not at the signing step yet
    wb.review.pass_review(seeded["leader2"], pid, "同意，报主要负责人签发")
    assert state(wb, pid) == ("awaiting_signoff", 4)
    assert pid in view(wb, seeded["leader"], listing.TO_SIGN)
    assert pid not in view(wb, seeded["leader2"], listing.TO_SIGN)
    signoff = wb.review.sign(seeded["leader"], pid, PASSWORD, "同意发布")
    assert signoff.certified
    assert wb.review.release(seeded["writer"], pid).state == "released"
    report = wb.verify()
    assert report.ok, report.problems
    steps = [(d.action, d.actor_id) for d in wb.review.decisions(seeded["writer"], pid)]
    assert steps[-6:] == [("pass", seeded["reviewer"].id), ("pass", office.id),
                          ("pass", seeded["reviewer_b"].id), ("pass", seeded["leader2"].id),
                          ("sign", seeded["leader"].id), ("release", seeded["writer"].id)]


def test_signing_waits_until_every_cosigning_department_agreed(seeded):
    wb = seeded.wb
    c = wb.accounts.create_department(seeded["admin"], "江海省司法厅", "江司发")
    reviewer_c = wb.accounts.create_user(seeded["admin"], "reviewer_c", "司法厅审核人", PASSWORD,
                                         c.id, {"reviewer"})
    wb.accounts.login("reviewer_c", PASSWORD)
    route = wb.routes.save(seeded["admin"], Route("会签", (
        Step("会签", REVIEWER, departments=(seeded.dept_b, c.id), all_must_act=True),
        Step("签发", LEADER)), department_id=seeded.dept_a))
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    wb.review.pass_review(seeded["reviewer_b"], pid)
    assert state(wb, pid) == ("in_review", 0)
    with pytest.raises(PermissionDenied, match="等待其他会签方"):
        wb.review.pass_review(seeded["reviewer_b"], pid)
    progress = wb.routes.progress(seeded["writer"], pid)
    assert progress.steps[0].agreed == ("江海省政务服务管理局",)
    assert progress.steps[0].pending == ("江海省司法厅",)
    with pytest.raises(PermissionDenied):
        wb.review.sign(seeded["leader"], pid, PASSWORD)
    wb.review.pass_review(reviewer_c, pid)
    assert state(wb, pid) == ("awaiting_signoff", 1)
    wb.review.sign(seeded["leader"], pid, PASSWORD)
    assert wb.verify().ok


def test_joint_issuers_that_are_departments_here_cosign(seeded):
    wb = seeded.wb
    route = wb.routes.save(seeded["admin"], Route("联合发文", (
        Step("联合发文机关会签", REVIEWER, joint_issuers=True, all_must_act=True),
        Step("签发", LEADER)), department_id=seeded.dept_a, is_default=True))
    pkg = complete_package(wb, seeded["writer"])
    document = replace(pkg.document, joint_issuers=["省政务服务管理局", "国家某部委"])
    wb.authoring.save_document(seeded["writer"], pkg.id, document, pkg.document_version)
    wb.review.submit(seeded["writer"], pkg.id)  # the department's default route
    frozen = wb.store.packages.get(pkg.id).route
    assert frozen.id == route.id and frozen.steps[0].departments == (seeded.dept_b,)
    assert pkg.id in view(wb, seeded["reviewer_b"], listing.TO_COSIGN)
    # Without joint issuers here, the 会签 step is left out of the frozen route.
    other = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], other.id)
    assert [s.name for s in wb.store.packages.get(other.id).route.steps] == ["签发"]
    assert state(wb, other.id) == ("awaiting_signoff", 0)


def test_a_route_changed_later_does_not_move_packages_already_on_it(seeded, office):
    wb = seeded.wb
    route = wb.routes.save(seeded["admin"], five_steps(seeded, office.id))
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    wb.routes.save(seeded["admin"], replace(route, steps=(Step("签发", LEADER),)))
    assert len(wb.store.packages.get(pid).route.steps) == 5
    wb.review.pass_review(seeded["reviewer"], pid)
    assert state(wb, pid) == ("in_review", 1)
    assert wb.routes.progress(seeded["writer"], pid).steps[1].status == "current"


def test_back_to_the_previous_step_needs_a_reason_and_a_previous_step(seeded, office):
    wb = seeded.wb
    route = wb.routes.save(seeded["admin"], five_steps(seeded, office.id))
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    with pytest.raises(PermissionDenied, match="第一步"):
        wb.review.back(seeded["reviewer"], pid, "再看看")
    wb.review.pass_review(seeded["reviewer"], pid)
    with pytest.raises(ValidationError, match="理由"):
        wb.review.back(office, pid, "")
    wb.review.back(office, pid, "请处室再核一遍数据")
    assert state(wb, pid) == ("in_review", 0)
    assert pid in view(wb, seeded["reviewer"], listing.TO_REVIEW)
    assert wb.verify().ok


def test_route_definitions_are_checked_and_only_administrators_define_them(seeded):
    wb = seeded.wb
    good = Route("简易", (Step("签发", LEADER),), department_id=seeded.dept_a)
    with pytest.raises(PermissionDenied):
        wb.routes.save(seeded["writer"], good)
    with pytest.raises(ValidationError, match="签发领导"):
        wb.routes.save(seeded["admin"], replace(good, steps=(Step("核稿", REVIEWER),)))
    with pytest.raises(ValidationError, match="会签"):
        wb.routes.save(seeded["admin"], replace(good, steps=(
            Step("会签", REVIEWER, all_must_act=True), Step("签发", LEADER))))
    with pytest.raises(ValidationError, match="不是签发领导"):
        wb.routes.save(seeded["admin"], replace(good, steps=(
            Step("签发", LEADER, users=(seeded["reviewer"].id,)),)))
    with pytest.raises(ValidationError, match="不属于本部门"):
        wb.routes.save(seeded["admin"], replace(good, steps=(
            Step("核稿", REVIEWER, users=(seeded["reviewer_b"].id,)), Step("签发", LEADER))))
    with pytest.raises(ValidationError, match="不能为空"):
        wb.routes.save(seeded["admin"], replace(good, name="  "))
    saved = wb.routes.save(seeded["admin"], good)
    with pytest.raises(ValidationError, match="已有"):
        wb.routes.save(seeded["admin"], replace(good, steps=good.steps))
    wb.routes.retire(seeded["admin"], saved.id)
    assert wb.routes.routes(seeded["writer"]) == []
    pid = complete_package(wb, seeded["writer"]).id
    with pytest.raises(ValidationError, match="已停用"):
        wb.review.submit(seeded["writer"], pid, route_id=saved.id)
    assert wb.store.packages.get(pid).state == "draft"


def test_a_route_of_another_department_cannot_be_chosen(seeded):
    wb = seeded.wb
    other = wb.routes.save(seeded["admin"], Route("B路线", (Step("签发", LEADER),),
                                                  department_id=seeded.dept_b))
    pid = complete_package(wb, seeded["writer"]).id
    with pytest.raises(NotFoundError):
        wb.review.submit(seeded["writer"], pid, route_id=other.id)


def test_the_document_kind_chooses_the_route(seeded, office):
    wb = seeded.wb
    wb.routes.save(seeded["admin"], Route("通知类", (Step("签发", LEADER),),
                                          department_id=seeded.dept_a, genres=("通知",)))
    routes, chosen = wb.routes.choices(seeded["writer"], complete_package(
        wb, seeded["writer"]).id)
    assert chosen.name == "通知类" and [r.name for r in routes] == ["通知类"]


# -- attacks with SQL on the route ----------------------------------------------------------

def _cosign_route(seeded):
    return seeded.wb.routes.save(seeded["admin"], Route("会签", (
        Step("核稿", REVIEWER), Step("会签", REVIEWER, departments=(seeded.dept_b,),
                                      all_must_act=True),
        Step("签发", LEADER)), department_id=seeded.dept_a))


def test_skipping_the_cosign_step_in_the_database_is_found(seeded):
    wb = seeded.wb
    route = _cosign_route(seeded)
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    wb.review.pass_review(seeded["reviewer"], pid)
    with wb.store.transaction():  # someone with SQL access jumps over the 会签
        wb.store.conn.execute("UPDATE packages SET state = 'awaiting_signoff', route_step = 2"
                              " WHERE id = ?", (pid,))
    signoff = wb.review.sign(seeded["leader"], pid, PASSWORD)
    assert not signoff.certified and "工作流顺序" in signoff.problem
    with pytest.raises(WorkflowError, match="不能发布"):
        wb.review.release(seeded["writer"], pid)
    report = wb.verify()
    assert any("工作流顺序" in p for p in report.problems), report.problems


def test_a_route_rewritten_in_the_database_does_not_make_a_stranger_a_party(seeded):
    wb = seeded.wb
    route = _cosign_route(seeded)
    pid = complete_package(wb, seeded["writer"]).id
    wb.review.submit(seeded["writer"], pid, route_id=route.id)
    wb.review.pass_review(seeded["reviewer"], pid)
    forged = replace(route, steps=(route.steps[0], replace(route.steps[1], departments=(
        seeded.dept_a,)), route.steps[2]))
    import json

    with wb.store.transaction():  # the 会签 department replaced by the package's own
        wb.store.conn.execute("UPDATE packages SET route = ? WHERE id = ?", (json.dumps(
            workflow.route_to_dict(forged), ensure_ascii=False), pid))
    wb.review.pass_review(seeded["multi"], pid)  # the service reads the forged route...
    report = wb.verify()  # ...the verifier replays the route the writer's submit signed
    assert any("办理人" in p for p in report.problems), report.problems
    signoff = wb.review.sign(seeded["leader"], pid, PASSWORD)
    assert not signoff.certified
    with pytest.raises(WorkflowError, match="不能发布"):
        wb.review.release(seeded["writer"], pid)


def test_a_revised_package_is_released_again_after_its_second_sign_off(seeded):
    """Release replays the package's decisions: earlier revisions' sign-offs count too."""
    from tests.factories import released_package

    wb = seeded.wb
    pkg = released_package(seeded)
    wb.review.revise(seeded["writer"], pkg.id, "政策调整")
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(seeded["leader"], pkg.id, PASSWORD)
    assert wb.review.release(seeded["writer"], pkg.id).revision == 2
    assert wb.verify().ok
