"""The whole cycle through the workspace: draft, submit, comment, return, fix, pass, sign, release."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from interpreter_app.domain.errors import AuthError
from interpreter_app.domain.model import PolicyDocument
from interpreter_app.ui.workspace.comments_panel import CommentDialog
from interpreter_app.ui.workspace.signoff_dialogs import (
    IncompleteDialog,
    ReasonDialog,
    ReleaseDialog,
    SignOffDialog,
    SignOffInput,
)
from tests.factories import PASSWORD
from tests.gui.workspace_helpers import action_names, type_text, wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)

BODY = "一、总体要求\n到2026年底前全省城镇新增就业不少于50万人。\n二、主要任务\n每季度至少举办1次专场招聘活动。"


def _click_action(qtbot, ws, action: str) -> None:
    qtbot.mouseClick(ws.signoff_tab.action_buttons[action], Qt.LeftButton)


def _fill_document(qtbot, ws) -> None:
    type_text(ws.document_tab.form.fields["doc_number"].line, "江人社发〔2026〕5号")
    ws.document_tab.body.editor.setPlainText(BODY)


def _fill_plan(qtbot, ws) -> None:
    plan = ws.plan_tab
    plan.outline.editor.setPlainText("一、出台背景\n二、主要内容")
    plan.forms.boxes["文字解读"].setChecked(True)
    plan.channels.boxes["政府门户网站政策解读专栏"].setChecked(True)
    type_text(plan.first_name, "王建国")
    type_text(plan.first_title, "厅长")  # the 第一解读人 is the department's head


def _add_article(ws) -> None:
    menu = ws.materials_tab.add_button.menu()
    next(a for a in menu.actions() if a.data() == "article").trigger()
    editor = ws.materials_tab.editor(ws.materials_tab.current_id())
    editor.body.editor.setPlainText("一、出台背景\n到2026年底前全省城镇新增就业不少于50万人。")


def _writer_drafts_and_submits(qtbot, seeded, make_workspace, monkeypatch):
    writer, wb = seeded["writer"], seeded.wb
    package = wb.authoring.create(writer, "关于促进高校毕业生就业的通知",
                                  document=PolicyDocument())
    ws = make_workspace(writer, wb, package.id)
    missing: list[list[str]] = []
    monkeypatch.setattr(IncompleteDialog, "ask",
                        lambda _p, details, _headline="", _places=None: missing.append(details))
    assert action_names(ws) == {"submit"}
    _click_action(qtbot, ws, "submit")
    assert missing and any("正文" in d for d in missing[0])
    _fill_document(qtbot, ws)
    _fill_plan(qtbot, ws)
    _add_article(ws)
    _click_action(qtbot, ws, "submit")
    assert wb.authoring.get(writer, package.id).state == "in_review", missing
    assert ws.header.banner.isVisible() and not ws.session.editable
    assert action_names(ws) == {"withdraw"}
    return ws, package.id


def _reviewer_comments_and_returns(qtbot, seeded, make_workspace, monkeypatch, pid):
    reviewer, wb = seeded["reviewer"], seeded.wb
    ws = make_workspace(reviewer, wb, pid)
    assert action_names(ws) == {"pass", "return"}
    monkeypatch.setattr(CommentDialog, "ask", lambda _p, _q: "请核实50万人的口径")
    editor = ws.document_tab.body.editor
    assert editor.select_in_paragraph(1, "50万人")
    assert ws.comments_panel.add_for(editor)
    monkeypatch.setattr(ReasonDialog, "ask", lambda *_a, **_k: "目标数字需与统计口径一致")
    _click_action(qtbot, ws, "return")
    assert wb.authoring.get(reviewer, pid).state == "draft"
    assert [d.action for d in wb.review.decisions(reviewer, pid)][-1] == "return"
    return ws


def _writer_fixes_and_resubmits(qtbot, seeded, writer_ws, pid):
    writer_ws.open_package(pid)
    assert action_names(writer_ws) == {"submit"}
    assert len(writer_ws.comments_panel.comments) == 1
    assert writer_ws.comments_panel.jump_to_current() is False  # nothing selected yet
    writer_ws.comments_panel.list.setCurrentRow(0)
    assert writer_ws.comments_panel.jump_to_current()
    editor = writer_ws.document_tab.body.editor
    assert editor.textCursor().selectedText() == "50万人"
    editor.textCursor().insertText("45万人")
    wait_saved(qtbot, writer_ws)
    _click_action(qtbot, writer_ws, "submit")
    assert seeded.wb.authoring.get(seeded["writer"], pid).document.body.count("45万人") == 1


def test_whole_cycle_through_the_workspace(qtbot, seeded, make_workspace, monkeypatch,
                                           ws_alerts):
    writer_ws, pid = _writer_drafts_and_submits(qtbot, seeded, make_workspace, monkeypatch)
    reviewer_ws = _reviewer_comments_and_returns(qtbot, seeded, make_workspace, monkeypatch, pid)
    _writer_fixes_and_resubmits(qtbot, seeded, writer_ws, pid)
    wb = seeded.wb
    reviewer_ws.open_package(pid)
    monkeypatch.setattr(ReasonDialog, "ask", lambda *_a, **_k: "同意报签")
    _click_action(qtbot, reviewer_ws, "pass")
    assert wb.authoring.get(seeded["reviewer"], pid).state == "awaiting_signoff"
    assert action_names(reviewer_ws) == set()

    leader_ws = make_workspace(seeded["leader"], wb, pid)
    # The leader may sign, return to the writer, or send it back to the reviewer (退回上一步).
    assert action_names(leader_ws) == {"sign", "return", "back"}
    monkeypatch.setattr(SignOffDialog, "ask", lambda _p, _t, _d, _s, sign, _left: sign(
        SignOffInput(PASSWORD, "同意", "")) or SignOffInput(PASSWORD, "同意", ""))
    _click_action(qtbot, leader_ws, "sign")
    signoff = wb.review.signoffs(seeded["leader"], pid)[-1]
    assert signoff.signer_id == seeded["leader"].id and signoff.opinion == "同意"
    assert leader_ws.signoff_tab.signoffs.rowCount() == 1
    assert action_names(leader_ws) == {"release", "revoke"}

    writer_ws.open_package(pid)
    assert action_names(writer_ws) == {"release"}
    monkeypatch.setattr(ReleaseDialog, "ask", lambda *_a: True)
    _click_action(qtbot, writer_ws, "release")
    released = wb.authoring.get(seeded["writer"], pid)
    assert released.state == "released" and released.released_at
    assert action_names(writer_ws) == {"revise"}
    assert not ws_alerts.texts("error")


def _leader_signing(seeded, make_workspace):
    from tests.factories import complete_package

    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    return make_workspace(seeded["leader"], wb, pkg.id), pkg.id


def _sign_in_dialog(qtbot, monkeypatch, ws, answers: list[str], opinion: str) -> list:
    """Take 'sign' and answer the real dialog with each password in turn; after each answer,
    (the refusal shown, the opinion still in the dialog)."""
    seen: list[tuple[str, str]] = []

    def run(dialog) -> int:
        dialog.opinion.setPlainText(opinion)
        for password in answers:
            dialog.password.setText(password)
            dialog.buttons.button(QDialogButtonBox.Ok).click()
            seen.append((dialog.refusal.text(), dialog.opinion.toPlainText()))
            if dialog.result() == QDialog.Accepted:
                return QDialog.Accepted
        return QDialog.Rejected

    monkeypatch.setattr(SignOffDialog, "exec", run)
    ws.signoff_tab.take("sign")
    return seen


def test_wrong_password_keeps_the_sign_dialog_open_with_the_opinion(
        qtbot, seeded, make_workspace, monkeypatch, ws_alerts):
    ws, pid = _leader_signing(seeded, make_workspace)
    seen = _sign_in_dialog(qtbot, monkeypatch, ws, ["wrong", PASSWORD], "同意发布，请按时部署")
    assert seen[0][0] == "密码不正确（再错4次将锁定）"  # only the password was asked
    assert seen[0][1] == "同意发布，请按时部署"
    assert seeded.wb.authoring.get(seeded["leader"], pid).state == "signed"
    assert seeded.wb.review.signoffs(seeded["leader"], pid)[-1].opinion == "同意发布，请按时部署"
    assert not ws_alerts.texts("error")


def test_sign_dialog_says_when_the_lockout_ends(qtbot, seeded, make_workspace, monkeypatch,
                                                 ws_alerts):
    ws, pid = _leader_signing(seeded, make_workspace)
    seen = _sign_in_dialog(qtbot, monkeypatch, ws, ["wrong"] * 5, "同意")
    assert [s[0] for s in seen[:4]] == [f"密码不正确（再错{n}次将锁定）" for n in (4, 3, 2, 1)]
    assert "已锁定15分钟" in seen[4][0] and "后可再试" in seen[4][0]
    assert seeded.wb.accounts.attempts_left(seeded["leader"]) == 0
    assert seeded.wb.authoring.get(seeded["leader"], pid).state == "awaiting_signoff"
    dialog = SignOffDialog(None, "标题", "ab" * 32, "王建国", lambda _i: None, 0)
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORD)
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # locked: nothing to try


def test_sign_dialog_warns_of_earlier_wrong_passwords(qtbot, seeded):
    with pytest.raises(AuthError):
        seeded.wb.review.accounts.check_password(seeded["leader"], "wrong")
    left = seeded.wb.accounts.attempts_left(seeded["leader"])
    dialog = SignOffDialog(None, "标题", "ab" * 32, "王建国", lambda _i: None, left)
    qtbot.addWidget(dialog)
    assert left == 4 and "4" in dialog.refusal.text() and not dialog.refusal.isHidden()


def test_return_without_reason_is_not_sent(qtbot, seeded, make_workspace, monkeypatch,
                                           ws_alerts):
    from tests.factories import complete_package

    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    ws = make_workspace(seeded["reviewer"], wb, pkg.id)
    monkeypatch.setattr(ReasonDialog, "ask", lambda *_a, **_k: None)
    assert ws.signoff_tab.take("return") is False
    assert wb.authoring.get(seeded["reviewer"], pkg.id).state == "in_review"


def test_sign_off_dialog_requires_password_and_shows_digest(qtbot):
    dialog = SignOffDialog(None, "标题", "ab" * 32, "王建国")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.password.setText("x")
    assert ok.isEnabled()
    assert dialog.opinion.toPlainText() == "同意"


def test_reason_dialog_requires_text(qtbot):
    dialog = ReasonDialog(None, "退回", "理由", True, "")
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()
    dialog.text.setPlainText("理由")
    assert ok.isEnabled()
