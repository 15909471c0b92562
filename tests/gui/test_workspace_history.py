"""The history tab: snapshots, side-by-side diffs, “changed since I last reviewed”, audit events."""

from __future__ import annotations

from interpreter_app.ui.workspace.snapshots import diff_html
from tests.factories import complete_package
from tests.gui.workspace_helpers import wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)


def _returned_then_edited(qtbot, seeded, make_workspace):
    wb = seeded.wb
    package = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], package.id)
    wb.review.return_package(seeded["reviewer"], package.id, "请补充附则")
    writer_ws = make_workspace(seeded["writer"], wb, package.id)
    writer_ws.document_tab.body.editor.appendPlainText("四、附则\n本通知自印发之日起施行。")
    wait_saved(qtbot, writer_ws)
    return package


def test_changes_since_my_last_review(qtbot, seeded, make_workspace):
    package = _returned_then_edited(qtbot, seeded, make_workspace)
    ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    tab = ws.history_tab
    assert tab.since_button.isVisibleTo(ws) or not tab.since_button.isHidden()
    assert tab.since_button.isEnabled()
    assert tab.compare_since_my_review() >= 1
    html = tab.diff.toHtml()
    assert "本通知自印发之日起施行。" in html and "四、附则" in html


def test_writer_has_no_since_my_review_button(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    assert ws.history_tab.since_button.isHidden()


def test_compare_two_snapshots_and_audit_events(qtbot, seeded, make_workspace):
    package = _returned_then_edited(qtbot, seeded, make_workspace)
    seeded.wb.review.submit(seeded["writer"], package.id)
    ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    tab = ws.history_tab
    assert len(tab.revisions) == 2 and tab.revision_table.rowCount() == 2
    tab.left.setCurrentIndex(0)
    tab.right.setCurrentIndex(1)
    assert tab.compare() >= 1
    events = [tab.audit_table.item(r, 2).text() for r in range(tab.audit_table.rowCount())]
    assert len(events) >= 4


def test_diff_marks_changed_paragraphs():
    html, changed = diff_html(["甲", "乙", "丙"], ["甲", "乙二", "丙", "丁"], "左", "右")
    assert changed == 2
    assert "class='del'" in html or "class='ins'" in html
    assert "丁" in html
