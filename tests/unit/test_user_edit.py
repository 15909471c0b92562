"""An administrator changes a user's roles, department, title: a new certificate follows, so the
user's later decisions verify."""

from __future__ import annotations

import json

import pytest

from interpreter_app.domain.errors import PermissionDenied, ValidationError
from interpreter_app.services.keyring import SESSION_KEYS
from tests.factories import complete_package


@pytest.mark.both_stores
def test_new_roles_get_a_new_certificate_and_later_decisions_verify(seeded):
    wb = seeded.wb
    before = wb.store.trust.current_certificate(seeded["writer2"].id)
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    changed = wb.accounts.update_user(seeded["admin"], "writer2",
                                      roles={"writer", "reviewer"}, title="副处长")
    assert changed.roles == {"writer", "reviewer"} and changed.title == "副处长"
    after = wb.store.trust.current_certificate(changed.id)
    assert after.serial > before.serial and before.serial in wb.store.trust.revocations()
    assert not wb.trust.identity_changed(changed.id)
    wb.review.pass_review(changed, pkg.id, "同意")  # a decision in the new role
    report = wb.verify()
    assert report.ok, report.problems
    event = wb.store.audit_events()[-2]  # the pass comes after the update
    assert event.action == "user_updated"
    assert json.loads(event.detail)["certificate"] == after.serial


@pytest.mark.both_stores
def test_moving_a_user_to_another_department_keeps_the_rest(seeded):
    wb = seeded.wb
    moved = wb.accounts.edit_user(seeded["admin"], "reviewer_b", department_id=seeded.dept_a)
    assert (moved.department_id, moved.roles, moved.title) == (seeded.dept_a, {"reviewer"}, "处长")
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(moved, pkg.id)  # now a reviewer of the package's department
    report = wb.verify()
    assert report.ok, report.problems


def test_only_an_administrator_edits_users(seeded):
    with pytest.raises(PermissionDenied):
        seeded.wb.accounts.edit_user(seeded["reviewer"], "writer", roles={"writer", "leader"})
    assert seeded.wb.accounts.user("writer").roles == {"writer"}


@pytest.mark.parametrize(("changes", "message"), [
    ({"roles": set()}, "至少选择一个角色"),
    ({"roles": {"writer", "boss"}}, "角色无效"),
    ({"department_id": None}, "请选择用户所属部门"),
    ({"title": "处长\x00"}, "职务"),
])
def test_invalid_changes_are_refused_and_nothing_changes(seeded, changes, message):
    wb = seeded.wb
    serial = wb.store.trust.current_certificate(seeded["writer"].id).serial
    with pytest.raises(ValidationError, match=message):
        wb.accounts.edit_user(seeded["admin"], "writer", **changes)
    assert wb.accounts.user("writer") == seeded["writer"]
    assert wb.store.trust.current_certificate(seeded["writer"].id).serial == serial


def test_without_the_root_unlocked_an_identity_change_is_refused(seeded):
    wb = seeded.wb
    SESSION_KEYS.forget(wb.store.trust.root()[0])  # an administrator who does not hold the root
    with pytest.raises(PermissionDenied, match="根密钥未解锁"):
        wb.accounts.edit_user(seeded["admin"], "writer", roles={"writer", "reviewer"})
    assert wb.accounts.user("writer").roles == {"writer"}
    wb.accounts.set_disabled(seeded["admin"], "writer")  # not part of the certificate
    assert wb.accounts.user("writer").disabled and wb.verify().ok


def test_cli_user_update_changes_roles_department_and_title(seeded, cli):
    code, out, err = cli("user", "update", "writer2", "--roles", "writer,reviewer",
                         "--department", "江海省政务服务管理局", "--title", "副处长", "--as", "admin")
    assert code == 0, err
    user = seeded.wb.accounts.user("writer2")
    assert (user.roles, user.department_id, user.title) == \
        ({"writer", "reviewer"}, seeded.dept_b, "副处长")
    assert cli("verify")[0] == 0


def test_cli_user_update_names_an_unknown_department(seeded, cli):
    code, _out, err = cli("user", "update", "writer2", "--department", "不存在的处", "--as", "admin")
    assert code == 2 and "不存在的处" in err
    assert cli("user", "update", "writer2", "--as", "admin")[0] == 2
