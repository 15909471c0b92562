"""The log-in dialog: success, wrong password and lockout messages, the remembered user."""

from __future__ import annotations

import pytest

from interpreter_app.ui.login import LoginDialog
from tests.factories import PASSWORD


@pytest.fixture
def dialog(qtbot, seeded, settings):
    dlg = LoginDialog(seeded.wb.accounts, settings)
    qtbot.addWidget(dlg)
    return dlg


def _try(dialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.accept()


def test_login_succeeds_and_remembers_the_user(dialog, settings):
    _try(dialog, "writer", PASSWORD)
    assert dialog.user is not None and dialog.user.username == "writer"
    assert dialog.result() == LoginDialog.Accepted
    assert settings.last_user == "writer"


def test_last_user_is_filled_in(qtbot, seeded, settings):
    settings.last_user = "reviewer"
    dlg = LoginDialog(seeded.wb.accounts, settings)
    qtbot.addWidget(dlg)
    assert dlg.username.text() == "reviewer"


def test_wrong_password_shows_the_reason_under_the_fields(dialog):
    _try(dialog, "writer", "wrong-password1")
    assert dialog.user is None
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == "用户名或密码错误（再错4次将锁定账号）"
    assert dialog.password.text() == ""


def test_unknown_user_gets_the_same_message(dialog):
    _try(dialog, "nobody", PASSWORD)
    assert dialog.error_label.text() == "用户名或密码错误"


def test_five_wrong_passwords_lock_the_account(dialog):
    for _ in range(5):
        _try(dialog, "writer", "wrong-password1")
    assert "账号已锁定15分钟" in dialog.error_label.text()
    _try(dialog, "writer", PASSWORD)
    assert dialog.user is None
    assert "已锁定" in dialog.error_label.text()


def test_disabled_account_is_refused(dialog, seeded):
    seeded.wb.accounts.set_disabled(seeded["admin"], "writer2")
    _try(dialog, "writer2", PASSWORD)
    assert dialog.error_label.text() == "该账号已停用，请联系管理员"


def test_demo_hint_is_shown(qtbot, seeded, settings):
    from interpreter_app.ui.startup import demo_hint

    dlg = LoginDialog(seeded.wb.accounts, settings, demo_hint())
    qtbot.addWidget(dlg)
    assert "demo1234" in demo_hint() and "writer" in demo_hint()
    assert dlg.findChild(type(dlg.error_label), "hintLabel") is not None
