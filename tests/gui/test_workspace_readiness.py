"""The issue-17 package in the window: the 检查 panel lists the new findings with their fixes,
and submit shows the refusal list, one named reason per problem."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from interpreter_app.domain.material_templates import template_material
from interpreter_app.domain.model import Material, Person
from interpreter_app.ui.workspace.signoff_dialogs import IncompleteDialog
from tests.factories import complete_parts
from tests.gui.workspace_helpers import wait_checks

pytest_plugins = ("tests.gui.workspace_fixtures",)
SHOTS = os.environ.get("INTERPRETER_SHOTS", "")  # a folder: save what the writer sees there


@pytest.fixture
def issue_package(seeded):
    """The package the issue describes: template leftovers, internal notes, plan inconsistencies."""
    document, plan, _materials = complete_parts()
    document = replace(document, doc_number="江发改〔2026〕83号")
    plan = replace(plan, forms=["文字解读", "图表图解", "新闻发布会", "音频视频", "在线访谈"],
                   channels=["政务新媒体（微信、微博、客户端）"], first_interpreter=Person("张三", "科员"),
                   proposed_doc_number="江人社发〔2026〕12号")
    plan.press_conference.time = "下周"
    speech = Material.new("speech", "新闻发布稿", body="各位记者朋友：\n（预计讲话时长约2分钟，共181字）\n"
                          "一、出台背景\n为稳定就业大局制定本通知。\n二、主要内容\n三、下一步工作\n谢谢大家！")
    materials = [template_material("article", document.title), speech,
                 template_material("qa", document.title)]
    return seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                      plan=plan, materials=materials)


def test_checks_panel_lists_the_new_findings_with_fixes(qtbot, seeded, issue_package,
                                                        make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, issue_package.id)
    wait_checks(qtbot, ws)
    codes = {f.code for f in ws.checks_panel.findings if f.blocking}
    assert {"template-text", "empty-section", "internal-note", "empty-answer", "form-materials",
            "website-channel", "first-interpreter", "meeting-time", "doc-number-mismatch",
            "issuer-code"} <= codes
    fixable = {c.finding.code for c in ws.checks_panel.cards if c.fix_button.isVisibleTo(c)}
    assert {"template-text", "internal-note"} <= fixable
    if SHOTS:
        ws.side.setCurrentWidget(ws.checks_panel)
        ws.tabs.setCurrentWidget(ws.plan_tab)  # the findings name plan fields: the plan beside
        ws.splitter.setSizes([850, 550])
        qtbot.wait(50)
        ws.grab().save(os.path.join(SHOTS, "checks-readiness.png"))


def test_submit_shows_one_named_reason_per_problem(qtbot, seeded, issue_package, make_workspace,
                                                   monkeypatch):
    ws = make_workspace(seeded["writer"], seeded.wb, issue_package.id)
    shown: list[IncompleteDialog] = []

    def capture(parent, details, headline="", places=None):
        dialog = IncompleteDialog(parent, details, headline, places)
        shown.append(dialog)
        if SHOTS:
            dialog.show()
            qtbot.waitExposed(dialog)
            dialog.grab().save(os.path.join(SHOTS, "refusal-submit.png"))
        dialog.close()

    monkeypatch.setattr(IncompleteDialog, "ask", capture)
    qtbot.mouseClick(ws.signoff_tab.action_buttons["submit"], Qt.LeftButton)
    assert shown and shown[0].windowTitle() == "解读包不完整，不能提交"
    items = [shown[0].checklist.item(i).text() for i in range(shown[0].checklist.count())]
    for words in ("模板说明文字", "下没有内容", "内部工作说明", "没有回答", "“图表图解”", "“新闻发布会”",
                  "“音频视频”", "“在线访谈”", "政府门户网站", "第一解读人", "不是具体的日期和时间",
                  "拟发文号", "机关代字"):
        assert sum(words in item for item in items) >= 1, words
    assert len(items) <= 15  # one line a problem, not one a paragraph
    assert seeded.wb.authoring.get(seeded["writer"], issue_package.id).state == "draft"


def test_first_interpreter_exception_is_submitted_with_a_reason(qtbot, seeded, make_workspace,
                                                                monkeypatch):
    from interpreter_app.ui.workspace.signoff_dialogs import ReasonDialog

    document, plan, materials = complete_parts()
    plan = replace(plan, first_interpreter=Person("李处长", "处长"))
    pkg = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                     plan=plan, materials=materials)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    asked: list[str] = []
    monkeypatch.setattr(ReasonDialog, "ask",
                        lambda _p, _t, text, **_k: asked.append(text) or "厅长出访，由处长代为解读")
    qtbot.mouseClick(ws.signoff_tab.action_buttons["submit"], Qt.LeftButton)
    assert asked and "第一解读人" in asked[0]
    assert seeded.wb.authoring.get(seeded["writer"], pkg.id).state == "in_review"
    decisions = seeded.wb.review.decisions(seeded["writer"], pkg.id)
    assert decisions[-1].reason == "厅长出访，由处长代为解读"
