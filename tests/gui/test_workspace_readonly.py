"""Read-only mode: locked states and users who may not edit see a banner and cannot type."""

from __future__ import annotations

from tests.factories import complete_package, released_package
from tests.gui.workspace_helpers import action_names

pytest_plugins = ("tests.gui.workspace_fixtures",)


def test_banner_in_review_state_and_editors_locked(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], package.id)
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    assert ws.header.banner.isVisibleTo(ws)
    assert "核稿中" in ws.header.banner.text() or "In review" in ws.header.banner.text()
    assert ws.document_tab.body.editor.isReadOnly()
    assert ws.document_tab.form.fields["title"].line.isReadOnly()
    assert ws.plan_tab.outline.editor.isReadOnly()
    assert not ws.plan_tab.forms.boxes["文字解读"].isEnabled()
    assert ws.materials_tab.add_button.isHidden()
    ws.document_tab.body.editor.setPlainText("试图修改")
    assert not ws.has_unsaved()


def test_draft_of_own_department_is_editable_without_banner(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer2"], seeded.wb, package.id)
    assert not ws.header.banner.isVisibleTo(ws)
    assert not ws.document_tab.body.editor.isReadOnly()


def test_reviewer_reads_a_draft_but_may_comment(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    assert ws.header.banner.isVisibleTo(ws)
    assert ws.document_tab.body.editor.isReadOnly()
    assert ws.document_tab.body.editor.comments_allowed
    assert action_names(ws) == set()


def test_released_package_is_frozen_and_offers_revise(seeded, make_workspace):
    package = released_package(seeded)
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    assert ws.header.banner.isVisibleTo(ws)
    assert not ws.document_tab.body.editor.comments_allowed
    assert action_names(ws) == {"revise"}


def test_other_department_package_is_not_shown(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer_b"], seeded.wb, package.id)
    assert ws.package_id is None
    assert ws.stack.currentWidget() is ws.placeholder
    assert "不存在" in ws.placeholder.text()


def test_open_none_clears_the_workspace(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    ws.open_package(None)
    assert ws.package_id is None and ws.stack.currentWidget() is ws.placeholder
    assert ws.save_now() is True and not ws.has_unsaved()
