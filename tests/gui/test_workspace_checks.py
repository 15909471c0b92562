"""The 检查 panel: findings listed by severity, click to jump, one-click fixes that autosave."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from tests.factories import complete_parts
from tests.gui.workspace_helpers import wait_checks, wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)

BAD_NUMBER = "江人社发[2026]012号"


@pytest.fixture
def flawed(seeded):
    """A draft with a malformed 发文字号 and half-width punctuation in the body."""
    document, plan, materials = complete_parts()
    body = document.body.replace("确保各项措施落地见效。", "确保各项措施落地见效,务求实效。")
    document = replace(document, doc_number=BAD_NUMBER, body=body)
    return seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                      plan=plan, materials=materials)


def _finding(ws, code: str, field: str = ""):
    return next(f for f in ws.checks_panel.findings if f.code == code and
                (not field or f.field == field))


def _card(ws, finding):
    return next(card for card in ws.checks_panel.cards if card.finding is finding)


def test_malformed_doc_number_is_listed_as_blocking(qtbot, seeded, flawed, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, flawed.id)
    wait_checks(qtbot, ws)
    finding = _finding(ws, "doc-number-format", "doc_number")
    assert finding.blocking and finding.suggestion == "江人社发〔2026〕12号"
    assert ws.checks_panel.list.item(0).text().startswith("阻断")
    assert ws.document_tab.form.fields["doc_number"].fix_button.isVisibleTo(ws)


def test_one_click_fix_corrects_the_doc_number_and_autosaves(qtbot, seeded, flawed,
                                                            make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, flawed.id)
    wait_checks(qtbot, ws)
    card = _card(ws, _finding(ws, "doc-number-format", "doc_number"))
    assert not card.fix_button.isHidden()
    qtbot.mouseClick(card.fix_button, Qt.LeftButton)
    assert ws.document_tab.form.fields["doc_number"].text() == "江人社发〔2026〕12号"
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], flawed.id).document
    assert stored.doc_number == "江人社发〔2026〕12号"
    wait_checks(qtbot, ws)
    assert not [f for f in ws.checks_panel.findings if f.code == "doc-number-format"]


def test_punctuation_fix_changes_only_that_paragraph(qtbot, seeded, flawed, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, flawed.id)
    wait_checks(qtbot, ws)
    finding = _finding(ws, "punctuation")
    assert ws.checks_panel.fix(finding)
    body = ws.document_tab.body.text()
    assert "落地见效，务求实效。" in body and body.count("\n") == flawed.document.body.count("\n")
    ws.document_tab.body.editor.undo()
    assert "落地见效,务求实效。" in ws.document_tab.body.text()


def test_clicking_a_finding_jumps_to_its_paragraph(qtbot, seeded, flawed, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, flawed.id)
    wait_checks(qtbot, ws)
    ws.tabs.setCurrentWidget(ws.history_tab)
    finding = _finding(ws, "punctuation")
    qtbot.mouseClick(_card(ws, finding), Qt.LeftButton)
    assert ws.tabs.currentWidget() is ws.document_tab
    cursor = ws.document_tab.body.editor.textCursor()
    assert "落地见效" in cursor.block().text()


def test_no_fix_buttons_in_read_only_mode(qtbot, seeded, flawed, make_workspace):
    ws = make_workspace(seeded["reviewer"], seeded.wb, flawed.id)
    wait_checks(qtbot, ws)
    assert ws.checks_panel.findings
    assert all(card.fix_button.isHidden() for card in ws.checks_panel.cards)
    assert ws.checks_panel.fix(_finding(ws, "doc-number-format", "doc_number")) is False


def test_an_empty_package_says_what_is_missing_not_that_all_is_well(qtbot, seeded,
                                                                    make_workspace):
    from interpreter_app.domain.model import PolicyDocument

    empty = seeded.wb.authoring.create(seeded["writer"], "新建解读包", document=PolicyDocument())
    ws = make_workspace(seeded["writer"], seeded.wb, empty.id)
    wait_checks(qtbot, ws)
    status = ws.checks_panel.status.text()
    assert not ws.checks_panel.findings
    assert "No problems found" not in status and "未发现问题" not in status
    assert "政策文件正文" in status and "公开解读材料" in status


@pytest.fixture
def scraped(seeded):
    """A draft whose body has half-width punctuation in three paragraphs and a furniture run."""
    document, plan, materials = complete_parts()
    extra = [f"第{n}项措施要抓紧落实,确保按期完成。" for n in "一二三"]
    body = "\n".join([*document.body.split("\n"), *extra, "相关词条", "政务公开", "分享到："])
    document = replace(document, body=body)
    return seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                      plan=plan, materials=materials)


def test_grouped_punctuation_expands_and_is_fixed_everywhere_in_one_step(qtbot, seeded, scraped,
                                                                         make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, scraped.id)
    wait_checks(qtbot, ws)
    finding = _finding(ws, "punctuation")
    card = _card(ws, finding)
    assert finding.count == 3 and not card.places_button.isHidden()
    card.places_button.click()
    count = len(scraped.document.body.split("\n"))
    assert card.places.isVisibleTo(card)
    assert f"{count - 5}、{count - 4}、{count - 3}" in card.places.text()
    assert ws.checks_panel.fix(finding)
    assert "," not in ws.document_tab.body.text().split("相关词条")[0]
    ws.document_tab.body.editor.undo()
    assert ws.document_tab.body.text() == scraped.document.body


def test_a_furniture_run_is_removed_by_one_fix(qtbot, seeded, scraped, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, scraped.id)
    wait_checks(qtbot, ws)
    finding = _finding(ws, "web-leftover")
    assert finding.span == 3
    assert ws.checks_panel.fix(finding)
    assert ws.document_tab.body.text().split("\n")[-1] == scraped.document.body.split("\n")[-4]
