"""修订模式 and the 修改（留痕） panel: a reviewer's direct edit is a tracked change the writer
accepts; the content, and so the digest, changes only then; pending changes block passing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from interpreter_app.domain.digest import package_digest
from interpreter_app.ui.workspace import signoff_dialogs, signoff_tab
from interpreter_app.ui.workspace.tracking import author_colour, segments_html
from tests.factories import complete_package
from tests.gui.workspace_helpers import type_text, wait_saved
from tests.support.editing import submit_on_edit_route

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def in_review(seeded):
    """A package at the 核稿 step of a route that allows edits."""
    package = complete_package(seeded.wb, seeded["writer"])
    return submit_on_edit_route(seeded.wb, seeded["writer"], package.id)


def _type_at_end_of_first_line(qtbot, ws, text: str) -> None:
    editor = ws.document_tab.body.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.Start)
    cursor.movePosition(QTextCursor.EndOfBlock)
    editor.setTextCursor(cursor)
    type_text(editor, text)
    wait_saved(qtbot, ws)


def test_a_reviewers_edit_appears_as_a_tracked_change_the_writer_accepts(
        seeded, in_review, make_workspace, qtbot):
    wb = seeded.wb
    digest = package_digest(in_review)
    ws = make_workspace(seeded["reviewer"], wb, in_review.id)
    assert ws.session.tracking
    assert not ws.document_tab.body.editor.isReadOnly()
    assert ws.document_tab.form.fields["title"].line.isReadOnly()  # metadata stays locked
    assert "Revision mode" in ws.header.banner.text() or "修订" in ws.header.banner.text()
    _type_at_end_of_first_line(qtbot, ws, "（修订）")
    assert ws.changes_panel.list.count() == 1
    assert not ws.changes_panel.accept_button.isEnabled()  # reviewers do not settle
    assert not ws.changes_panel.why.isHidden() and "拟稿人" in ws.changes_panel.why.text()
    stored = wb.authoring.get(seeded["writer"], in_review.id)
    assert stored.document.body == in_review.document.body and package_digest(stored) == digest

    # Opened again, the reviewer sees their own version, not the accepted text.
    ws.open_package(in_review.id)
    assert "一、总体要求（修订）" in ws.document_tab.body.text()

    writer_ws = make_workspace(seeded["writer"], wb, in_review.id)
    panel = writer_ws.changes_panel
    assert writer_ws.document_tab.body.editor.isReadOnly()
    assert panel.list.count() == 1 and panel.accept_button.isEnabled()
    label = panel.list.itemWidget(panel.list.item(0))
    assert seeded["reviewer"].display_name in label.text() and "（修订）" in label.text()
    assert author_colour(seeded["reviewer"].display_name) in label.text()
    marks = writer_ws.document_tab.body.editor.extraSelections()  # shown in the text too
    assert len(marks) == 1 and marks[0].cursor.selectedText() == "求"
    assert not ws.document_tab.body.editor.extraSelections()  # the reviewer sees their version
    panel.list.setCurrentRow(0)
    assert panel.reveal_current()
    assert writer_ws.document_tab.body.editor.textCursor().position() == len("一、总体要求")
    panel.accept_button.click()
    accepted = wb.authoring.get(seeded["writer"], in_review.id)
    assert accepted.document.body.startswith("一、总体要求（修订）\n")
    assert package_digest(accepted) != digest
    assert writer_ws.document_tab.body.text() == accepted.document.body
    assert panel.list.count() == 0
    assert not writer_ws.document_tab.body.editor.extraSelections()
    history = writer_ws.history_tab
    history.refresh()
    cells = [history.change_table.item(0, c).text() for c in range(6)]
    assert cells[1] == seeded["reviewer"].display_name and "（修订）" in cells[3]
    assert seeded["writer"].display_name in cells[5]


def test_pending_changes_block_passing_and_reject_all_clears_them(
        seeded, in_review, make_workspace, qtbot, monkeypatch):
    wb = seeded.wb
    shown: list[str] = []
    monkeypatch.setattr(signoff_dialogs.IncompleteDialog, "ask",
                        classmethod(lambda _c, _p, details, headline="", _places=None:
                                    shown.append(headline)))
    monkeypatch.setattr(signoff_tab.IncompleteDialog, "ask",
                        classmethod(lambda _c, _p, details, headline="", _places=None:
                                    shown.append(headline)))
    monkeypatch.setattr(signoff_dialogs.ReasonDialog, "ask",
                        classmethod(lambda *_a, **_k: "同意"))
    ws = make_workspace(seeded["reviewer"], wb, in_review.id)
    _type_at_end_of_first_line(qtbot, ws, "甲")
    assert not ws.signoff_tab.take("pass")
    assert shown and "留痕" in shown[0]
    writer_ws = make_workspace(seeded["writer"], wb, in_review.id)
    writer_ws.changes_panel.reject_all_button.click()
    assert wb.store.changes.pending_count(in_review.id) == 0
    assert wb.authoring.get(seeded["writer"], in_review.id).document.body == in_review.document.body
    ws.open_package(in_review.id)
    assert ws.signoff_tab.take("pass")


def test_the_default_route_keeps_the_text_locked_for_reviewers(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], package.id)
    ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    assert not ws.session.tracking
    assert ws.document_tab.body.editor.isReadOnly()


def test_segments_show_insertions_underlined_and_deletions_struck_in_the_authors_colour():
    from interpreter_app.domain.changes import DELETED, INSERTED, PLAIN, Segment

    html = segments_html([Segment(PLAIN, "a<b"), Segment(DELETED, "旧", "张三"),
                          Segment(INSERTED, "新", "张三")])
    colour = author_colour("张三")
    assert "a&lt;b" in html
    assert f'<s style="color:{colour}">旧</s>' in html
    assert f'<u style="color:{colour}">新</u>' in html
    assert author_colour("张三") == colour  # stable
