"""The materials tab: templates, duplicate, reorder, delete with undo, 公开属性, speaking time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from interpreter_app.domain.kinds import ELEMENTS
from tests.factories import complete_package
from tests.gui.workspace_helpers import wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def ws(seeded, make_workspace):
    """The writer's workspace on a complete draft."""
    package = complete_package(seeded.wb, seeded["writer"])
    return make_workspace(seeded["writer"], seeded.wb, package.id)


def _stored(seeded, ws):
    return seeded.wb.authoring.get(seeded["writer"], ws.package_id).materials


def _add(ws, kind: str) -> None:
    menu = ws.materials_tab.add_button.menu()
    next(a for a in menu.actions() if a.data() == kind).trigger()


def test_article_template_is_laid_out_by_the_elements(seeded, ws):
    _add(ws, "article")
    added = _stored(seeded, ws)[-1]
    headings = [line for line in added.body.split("\n") if "、" in line[:3]]
    assert headings[0] == "一、出台背景" and headings[2] == "三、主要内容"
    assert len(headings) == len(ELEMENTS)
    assert added.title.startswith("《") and ws.materials_tab.current_id() == added.id


def test_qa_template_offers_questions(seeded, ws):
    _add(ws, "qa")
    editor = ws.materials_tab.editor(ws.materials_tab.current_id())
    assert len(editor.pairs) >= 3 and editor.pairs[0].question.toPlainText().startswith("为什么")


def test_duplicate_adds_a_copy_after_the_material(seeded, ws):
    first = _stored(seeded, ws)[0]
    ws.materials_tab.select(first.id)
    ws.materials_tab.duplicate_current()
    materials = _stored(seeded, ws)
    assert materials[1].title == first.title + "（副本）" and materials[1].body == first.body


def test_delete_then_undo_restores_material_and_place(seeded, ws):
    before = _stored(seeded, ws)
    ws.materials_tab.select(before[1].id)
    ws.materials_tab.delete_current()
    assert [m.id for m in _stored(seeded, ws)] == [before[0].id] + [m.id for m in before[2:]]
    assert ws.materials_tab.undo_button.isEnabled()
    ws.materials_tab.undo_delete()
    assert [m.id for m in _stored(seeded, ws)] == [m.id for m in before]
    assert not ws.materials_tab.undo_button.isEnabled()


def test_move_down_reorders_in_the_store(seeded, ws):
    before = [m.id for m in _stored(seeded, ws)]
    ws.materials_tab.select(before[0])
    ws.materials_tab.move_current(1)
    assert [m.id for m in _stored(seeded, ws)] == [before[1], before[0]] + before[2:]
    assert ws.materials_tab.current_id() == before[0]


def test_drag_reorder_is_stored_after_the_drop(qtbot, seeded, ws):
    before = [m.id for m in _stored(seeded, ws)]
    assert ws.materials_tab.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    qtbot.waitUntil(lambda: [m.id for m in _stored(seeded, ws)] != before)
    assert [m.id for m in _stored(seeded, ws)] == before[1:3] + [before[0]] + before[3:]


def test_unsaved_edits_are_kept_through_a_structural_change(qtbot, seeded, ws):
    first = _stored(seeded, ws)[0]
    ws.materials_tab.editor(first.id).body.editor.appendPlainText("尚未自动保存的一段。")
    _add(ws, "background")
    assert _stored(seeded, ws)[0].body.endswith("尚未自动保存的一段。")


def test_audience_combo_saves_internal(qtbot, seeded, ws):
    first = _stored(seeded, ws)[0]
    editor = ws.materials_tab.select(first.id)
    editor.audience.setCurrentIndex(editor.audience.findData("internal"))
    editor.audience.activated.emit(editor.audience.currentIndex())
    wait_saved(qtbot, ws)
    assert _stored(seeded, ws)[0].audience == "internal"


def test_speech_shows_speaking_time_and_warns_when_long(seeded, ws):
    ws.settings.speaking_rate = 200
    _add(ws, "speech")
    editor = ws.materials_tab.editor(ws.materials_tab.current_id())
    editor.body.editor.setPlainText("字" * 1000)
    assert "5.0" in editor.speaking.text() and not editor.speaking.property("too_long")
    editor.body.editor.setPlainText("字" * 3100)
    assert editor.speaking.property("too_long")
