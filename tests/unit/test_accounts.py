"""Accounts: log-in, lockout, password changes and signing keys."""

from __future__ import annotations

import pytest

from interpreter_app.domain.errors import AuthError, PermissionDenied, ValidationError
from interpreter_app.services import crypto
from tests.factories import PASSWORD, complete_package

pytestmark = pytest.mark.both_stores


def test_login_with_right_password(seeded):
    assert seeded.wb.accounts.login("writer", PASSWORD).username == "writer"


def test_login_is_case_insensitive_on_username(seeded):
    assert seeded.wb.accounts.login("WRITER", PASSWORD).username == "writer"


def test_unknown_user_and_wrong_password_give_the_same_message(seeded):
    with pytest.raises(AuthError, match="用户名或密码错误"):
        seeded.wb.accounts.login("nobody", PASSWORD)
    with pytest.raises(AuthError, match="用户名或密码错误"):
        seeded.wb.accounts.login("writer", "wrong")


def test_five_failures_lock_the_account_even_for_the_right_password(seeded):
    accounts = seeded.wb.accounts
    for _ in range(4):
        with pytest.raises(AuthError, match="再错"):
            accounts.login("writer", "wrong")
    with pytest.raises(AuthError, match="已锁定"):
        accounts.login("writer", "wrong")
    with pytest.raises(AuthError, match="锁定"):
        accounts.login("writer", PASSWORD)


def test_lock_expires(seeded):
    accounts = seeded.wb.accounts
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.login("writer", "wrong")
    later = "2999-01-01T00:00:00+08:00"
    accounts.clock = lambda: later
    assert accounts.login("writer", PASSWORD).username == "writer"


def test_success_resets_failure_counter(seeded):
    accounts = seeded.wb.accounts
    for _ in range(4):
        with pytest.raises(AuthError):
            accounts.login("writer", "wrong")
    accounts.login("writer", PASSWORD)
    with pytest.raises(AuthError, match="再错4次"):
        accounts.login("writer", "wrong")


def test_disabled_account_cannot_log_in(seeded):
    seeded.wb.accounts.set_disabled(seeded["admin"], "writer")
    with pytest.raises(AuthError, match="停用"):
        seeded.wb.accounts.login("writer", PASSWORD)


def test_only_admin_manages_users(seeded):
    with pytest.raises(PermissionDenied):
        seeded.wb.accounts.create_user(seeded["leader"], "x", "某人", PASSWORD, seeded.dept_a,
                                       {"writer"})


@pytest.mark.parametrize("password", ["short1", "onlyletters"])
def test_weak_passwords_refused(seeded, password):
    with pytest.raises(ValidationError, match="密码"):
        seeded.wb.accounts.create_user(seeded["admin"], "x", "某人", password, seeded.dept_a,
                                       {"writer"})


def test_duplicate_username_refused(seeded):
    with pytest.raises(ValidationError, match="已存在"):
        seeded.wb.accounts.create_user(seeded["admin"], "Writer", "某人", PASSWORD, seeded.dept_a,
                                       {"writer"})


def test_password_hash_is_scrypt_and_never_the_password(seeded):
    stored, _, _ = seeded.wb.store.users.credentials(seeded["writer"].id)
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert crypto.check_password(PASSWORD, stored)


def test_password_change_reseals_the_signing_key(seeded):
    wb, leader = seeded.wb, seeded["leader"]
    wb.accounts.change_password(leader, PASSWORD, "N3w-password")
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(leader, pkg.id, "N3w-password")
    assert wb.verify().ok


def test_admin_reset_issues_new_key_and_old_signatures_stay_valid(seeded):
    from tests.factories import signed_package
    wb = seeded.wb
    signed_package(seeded)
    old_key = wb.store.users.active_key(seeded["leader"].id)[0]
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    assert wb.store.users.active_key(seeded["leader"].id)[0] != old_key
    assert wb.verify().ok
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(seeded["leader"], pkg.id, "Reset-1234")
    assert wb.verify().ok


def test_first_admin_only_on_empty_database(seeded):
    with pytest.raises(PermissionDenied):
        seeded.wb.accounts.create_first_admin("root", "根", PASSWORD)


def test_sign_on_behalf_is_recorded(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    so = wb.review.sign(seeded["leader2"], pkg.id, PASSWORD, "同意", on_behalf_of="用户leader")
    assert so.on_behalf_of == "用户leader"
    assert wb.verify().ok


def test_password_re_entry_names_only_the_password_and_counts_down(seeded):
    accounts, leader = seeded.wb.accounts, seeded["leader"]
    assert accounts.attempts_left(leader) == 5
    with pytest.raises(AuthError, match=r"^密码不正确（再错4次将锁定）$") as caught:
        accounts.check_password(leader, "wrong")
    assert caught.value.attempts_left == 4 and accounts.attempts_left(leader) == 4
    accounts.check_password(leader, PASSWORD)
    assert accounts.attempts_left(leader) == 5  # a right password clears the count


def test_lockout_message_says_when_it_ends(seeded):
    accounts, leader = seeded.wb.accounts, seeded["leader"]
    for _ in range(4):
        with pytest.raises(AuthError):
            accounts.check_password(leader, "wrong")
    with pytest.raises(AuthError, match=r"已锁定15分钟，\d\d:\d\d后可再试") as caught:
        accounts.check_password(leader, "wrong")
    assert caught.value.locked_until and accounts.attempts_left(leader) == 0
    with pytest.raises(AuthError, match=r"账号已锁定，\d\d:\d\d解除（约1[56]分钟后）"):
        accounts.check_password(leader, PASSWORD)
