"""Autosave after the pause, the saved/unsaved indicator, conflicts between two windows."""

from __future__ import annotations

import pytest

from interpreter_app.domain.errors import StorageError
from interpreter_app.services.workbench import Workbench
from interpreter_app.ui.workspace.conflicts import KEEP_COPY, RELOAD
from tests.factories import complete_package
from tests.gui.workspace_helpers import type_text, wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def draft(seeded):
    """A complete draft package of the writer."""
    return complete_package(seeded.wb, seeded["writer"])


def test_typing_autosaves_after_the_pause(qtbot, seeded, draft, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)
    dirty = []
    ws.dirty_changed.connect(dirty.append)
    ws.document_tab.body.editor.appendPlainText("四、附则\n本通知自印发之日起施行。")
    assert ws.has_unsaved()
    assert ws.header.save_state.property("state") == "dirty"
    assert "四、附则" not in seeded.wb.authoring.get(seeded["writer"], draft.id).document.body
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], draft.id)
    assert "本通知自印发之日起施行。" in stored.document.body
    assert ws.header.save_state.property("state") == "saved"
    assert dirty == [True, False]


def test_metadata_and_plan_edits_autosave(qtbot, seeded, draft, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)
    type_text(ws.document_tab.form.fields["issuer"].line, "（联合）")
    ws.plan_tab.forms.boxes["新闻发布会"].setChecked(True)
    assert not ws.plan_tab.press_box.isHidden()
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], draft.id)
    assert stored.document.issuer == "（联合）江海省人力资源和社会保障厅"
    assert stored.plan.forms == ["文字解读", "政策问答", "新闻发布会"]


def test_invalid_date_is_not_saved_but_the_rest_is(qtbot, seeded, draft, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)
    field = ws.document_tab.form.fields["publish_date"]
    type_text(field.line, "明年")
    assert field.message.isVisibleTo(ws)
    ws.document_tab.body.editor.appendPlainText("补充一段。")
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], draft.id).document
    assert stored.publish_date == "" and stored.body.endswith("补充一段。")
    assert field.line.text() == "明年"


def test_save_now_writes_immediately(seeded, draft, make_workspace):
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)
    ws.plan_tab.outline.editor.appendPlainText("四、新旧政策差异")
    assert ws.save_now() is True
    assert not ws.has_unsaved()
    assert "新旧政策差异" in seeded.wb.authoring.get(seeded["writer"], draft.id).plan.outline


def test_storage_error_keeps_the_text_and_says_so(qtbot, seeded, draft, make_workspace,
                                                  monkeypatch):
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)

    def fail(*_a, **_k):
        raise StorageError("数据库正被另一个窗口或程序占用，请稍后重试")

    monkeypatch.setattr(seeded.wb.authoring, "save_document", fail)
    ws.document_tab.body.editor.appendPlainText("不会丢失的一段。")
    assert ws.save_now() is False
    assert ws.has_unsaved()
    assert ws.header.save_state.property("state") == "failed"
    assert "占用" in ws.header.save_state.toolTip()
    assert ws.document_tab.body.text().endswith("不会丢失的一段。")
    monkeypatch.undo()
    assert ws.save_now() is True


@pytest.fixture
def two_windows(seeded, draft, make_workspace):
    """The same package open for the writer on two database connections."""
    other = Workbench.open(seeded.path)
    first = make_workspace(seeded["writer"], seeded.wb, draft.id)
    second = make_workspace(seeded["writer"], other, draft.id)
    yield first, second
    other.close()


def test_conflict_keep_mine_as_copy_creates_a_copy(qtbot, seeded, draft, two_windows,
                                                   ws_alerts):
    first, second = two_windows
    first.document_tab.body.editor.appendPlainText("第一个窗口的修改。")
    assert first.save_now()
    ws_alerts.choose_answer = KEEP_COPY
    second.document_tab.body.editor.appendPlainText("第二个窗口的修改。")
    assert second.save_now() is True
    assert ws_alerts.texts("choose"), "the conflict choice was offered"
    original = seeded.wb.authoring.get(seeded["writer"], draft.id).document.body
    assert "第一个窗口的修改。" in original and "第二个窗口的修改。" not in original
    assert second.package_id != draft.id
    copy = seeded.wb.authoring.get(seeded["writer"], second.package_id)
    assert "第二个窗口的修改。" in copy.document.body and copy.title.endswith("（副本）")
    assert len(copy.materials) == len(draft.materials)


def test_conflict_reload_discards_mine(qtbot, seeded, draft, two_windows, ws_alerts):
    first, second = two_windows
    first.plan_tab.outline.editor.appendPlainText("四、第一个窗口")
    assert first.save_now()
    ws_alerts.choose_answer = RELOAD
    second.plan_tab.outline.editor.appendPlainText("四、第二个窗口")
    second.save_now()
    assert second.package_id == draft.id and not second.has_unsaved()
    assert "四、第一个窗口" in second.plan_tab.outline.text()
    assert "四、第二个窗口" not in seeded.wb.authoring.get(seeded["writer"], draft.id).plan.outline


def test_conflict_on_a_material_keeps_mine_as_a_new_material(qtbot, seeded, draft, two_windows,
                                                             ws_alerts):
    first, second = two_windows
    mid = draft.materials[0].id
    first.materials_tab.editor(mid).body.editor.appendPlainText("甲的补充。")
    assert first.save_now()
    ws_alerts.choose_answer = KEEP_COPY
    second.materials_tab.editor(mid).body.editor.appendPlainText("乙的补充。")
    second.save_now()
    materials = seeded.wb.authoring.get(seeded["writer"], draft.id).materials
    assert len(materials) == len(draft.materials) + 1
    assert "甲的补充。" in materials[0].body and "乙的补充。" not in materials[0].body
    assert "乙的补充。" in materials[1].body and materials[1].title.endswith("（副本）")


def test_cancelled_conflict_stays_unsaved(qtbot, seeded, draft, two_windows, ws_alerts):
    first, second = two_windows
    first.document_tab.body.editor.appendPlainText("甲。")
    first.save_now()
    ws_alerts.choose_answer = None
    second.document_tab.body.editor.appendPlainText("乙。")
    assert second.save_now() is False
    assert second.has_unsaved()
    assert second.header.conflict_button.isVisibleTo(second)
    assert second.header.save_state.property("state") == "conflict"
