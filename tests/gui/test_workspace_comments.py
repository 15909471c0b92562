"""Comments anchored to a quote and a paragraph; detached (never moved) when the text changes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from interpreter_app.ui.workspace.comments_panel import CommentDialog
from tests.factories import complete_package
from tests.gui.workspace_helpers import wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def in_review(seeded):
    """A submitted package the reviewer reads."""
    package = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], package.id)
    return package


def _comment(ws, monkeypatch, edit, paragraph: int, quote: str, text: str) -> bool:
    monkeypatch.setattr(CommentDialog, "ask", lambda _p, _q: text)
    assert edit.select_in_paragraph(paragraph, quote)
    return ws.comments_panel.add_for(edit)


def test_reviewer_comment_is_anchored_to_quote_and_paragraph(seeded, in_review, make_workspace,
                                                              monkeypatch):
    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    editor = ws.document_tab.body.editor
    assert editor.isReadOnly()
    assert _comment(ws, monkeypatch, editor, 4, "1500元", "补贴标准请核对")
    stored = seeded.wb.comments.list(seeded["reviewer"], in_review.id)[0]
    assert (stored.comment.part, stored.comment.paragraph, stored.comment.quote) == \
        ("document", 4, "1500元")
    assert ws.comments_panel.list.count() == 1
    assert "补贴标准请核对" in ws.comments_panel.list.item(0).text()


def test_comment_on_a_qa_answer_uses_the_material_part(seeded, in_review, make_workspace,
                                                        monkeypatch):
    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    qa = in_review.materials[1]
    editor = ws.materials_tab.select(qa.id)
    answer = editor.pairs[0].answer
    assert _comment(ws, monkeypatch, answer, 0, "1500元", "与正文一致")
    comment = seeded.wb.comments.list(seeded["reviewer"], in_review.id)[0]
    assert comment.comment.part == f"material:{qa.id}" and comment.paragraph == 1


def test_jump_selects_the_anchored_text(seeded, in_review, make_workspace, monkeypatch):
    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    editor = ws.document_tab.body.editor
    _comment(ws, monkeypatch, editor, 7, "每季度", "频次是否足够")
    editor.moveCursor(QTextCursor.Start)
    ws.tabs.setCurrentWidget(ws.plan_tab)
    ws.comments_panel.list.setCurrentRow(0)
    assert ws.comments_panel.jump_to_current()
    assert ws.tabs.currentWidget() is ws.document_tab
    assert editor.textCursor().selectedText() == "每季度"


def test_edit_away_the_quote_detaches_the_comment(qtbot, seeded, make_workspace, monkeypatch):
    package = complete_package(seeded.wb, seeded["writer"])
    reviewer_ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    editor = reviewer_ws.document_tab.body.editor
    assert _comment(reviewer_ws, monkeypatch, editor, 1, "50万人", "目标偏高")
    writer_ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    body = writer_ws.document_tab.body.editor
    assert body.select_in_paragraph(1, "50万人")
    body.textCursor().insertText("40万人")
    wait_saved(qtbot, writer_ws)
    qtbot.waitUntil(lambda: writer_ws.comments_panel.comments[0].detached)
    assert "detached" in writer_ws.comments_panel.list.item(0).text()
    writer_ws.comments_panel.list.setCurrentRow(0)
    assert not writer_ws.comments_panel.jump_button.isEnabled()
    assert writer_ws.comments_panel.jump_to_current() is False


def test_comment_stays_anchored_when_other_paragraphs_change(qtbot, seeded, make_workspace,
                                                              monkeypatch):
    package = complete_package(seeded.wb, seeded["writer"])
    reviewer_ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    _comment(reviewer_ws, monkeypatch, reviewer_ws.document_tab.body.editor, 1, "50万人", "核对")
    writer_ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    writer_ws.document_tab.body.editor.appendPlainText("四、附则")
    wait_saved(qtbot, writer_ws)
    qtbot.wait(50)
    assert seeded.wb.authoring.get(seeded["writer"], package.id).document.body.endswith("四、附则")
    assert not writer_ws.comments_panel.comments[0].detached


def test_resolve_and_reopen(seeded, in_review, make_workspace, monkeypatch):
    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    _comment(ws, monkeypatch, ws.document_tab.body.editor, 0, "总体要求", "标题可更具体")
    panel = ws.comments_panel
    panel.list.setCurrentRow(0)
    panel.toggle_current()
    assert seeded.wb.comments.list(seeded["reviewer"], in_review.id)[0].comment.resolved
    assert panel.list.count() == 0  # resolved comments are hidden until asked for
    panel.show_resolved.setChecked(True)
    panel.list.setCurrentRow(0)
    assert panel.resolve_button.text() != ""
    panel.toggle_current()
    assert not seeded.wb.comments.list(seeded["reviewer"], in_review.id)[0].comment.resolved


def test_shortcut_asks_for_a_comment_on_the_focused_selection(seeded, in_review, make_workspace,
                                                               monkeypatch):
    monkeypatch.setattr(CommentDialog, "ask", lambda _p, _q: None)
    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    editor = ws.document_tab.body.editor
    assert editor.comments_allowed and editor.owner is ws.document_tab
    requests = []
    ws.session.hub.requested.connect(requests.append)
    editor.select_in_paragraph(0, "总体")
    ws.comment_on_focus()
    assert requests == [editor]


def test_comment_entries_are_separated_by_a_rule(qtbot, seeded, in_review, make_workspace,
                                                 monkeypatch):
    from PySide6.QtGui import QColor

    from interpreter_app.ui.workspace.comments_panel import SEPARATOR

    ws = make_workspace(seeded["reviewer"], seeded.wb, in_review.id)
    editor = ws.document_tab.body.editor
    assert _comment(ws, monkeypatch, editor, 4, "1500元", "补贴标准请核对")
    assert _comment(ws, monkeypatch, editor, 1, "就业", "表述再斟酌")
    panel = ws.comments_panel
    panel.resize(320, 500)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.list.viewport().grab().toImage()
    first = panel.list.visualItemRect(panel.list.item(0))
    x = first.center().x()
    rows = [image.pixelColor(x, y).name() for y in range(first.bottom() - 2, first.bottom() + 3)]
    assert QColor(SEPARATOR).name() in rows


def test_ctrl_enter_adds_the_comment_and_enter_starts_a_line(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    dialog = CommentDialog(None, "1500元")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.insertPlainText("请核对")  # QTest types ASCII only
    qtbot.keyClick(dialog.text, Qt.Key_Return)
    assert dialog.isVisible() and dialog.text.toPlainText() == "请核对\n"
    dialog.text.insertPlainText("标准")
    qtbot.keyClick(dialog.text, Qt.Key_Return, Qt.ControlModifier)
    assert dialog.result() == QDialog.Accepted
    assert dialog.text.toPlainText() == "请核对\n标准"


def test_ctrl_enter_on_an_empty_comment_does_nothing(qtbot):
    from PySide6.QtCore import Qt

    dialog = CommentDialog(None, "1500元")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.text, Qt.Key_Enter, Qt.ControlModifier)
    assert dialog.isVisible() and dialog.result() == 0
