"""Double-clicking a line of the submit refusal list shows the place it names: the tab, the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from interpreter_app.domain.model import PolicyDocument
from interpreter_app.ui.keyboard import focus_target
from interpreter_app.ui.workspace.signoff_dialogs import IncompleteDialog

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def empty_draft(seeded):
    """A draft with a title and nothing else."""
    return seeded.wb.authoring.create(seeded["writer"], "关于促进高校毕业生就业的通知",
                                      document=PolicyDocument())


def _submit_and_double_click(qtbot, ws, monkeypatch, words: str) -> IncompleteDialog:
    shown: list[IncompleteDialog] = []

    def double_click(dialog: IncompleteDialog) -> int:
        shown.append(dialog)
        items = [dialog.checklist.item(i) for i in range(dialog.checklist.count())]
        item = next(i for i in items if words in i.text())
        dialog.checklist.itemDoubleClicked.emit(item)
        return dialog.result()

    monkeypatch.setattr(IncompleteDialog, "exec", double_click)
    ws.activateWindow()
    qtbot.mouseClick(ws.signoff_tab.action_buttons["submit"], Qt.LeftButton)
    assert shown, "the refusal list was not shown"
    return shown[0]


def test_double_clicking_the_missing_body_shows_the_document_body(qtbot, seeded, empty_draft,
                                                                   make_workspace, monkeypatch):
    ws = make_workspace(seeded["writer"], seeded.wb, empty_draft.id)
    dialog = _submit_and_double_click(qtbot, ws, monkeypatch, "政策文件正文")
    assert not dialog.isVisible()
    assert ws.tabs.currentWidget() is ws.document_tab
    assert ws.focusWidget() is ws.document_tab.body.editor


@pytest.mark.parametrize(("words", "widget"), [
    ("第一解读人", lambda tab: tab.first_name),
    ("解读提纲", lambda tab: tab.outline.editor),
    ("解读形式", lambda tab: focus_target(tab.forms)),
])
def test_double_clicking_a_missing_plan_field_focuses_it(qtbot, seeded, empty_draft,
                                                        make_workspace, monkeypatch, words, widget):
    ws = make_workspace(seeded["writer"], seeded.wb, empty_draft.id)
    _submit_and_double_click(qtbot, ws, monkeypatch, words)
    assert ws.tabs.currentWidget() is ws.plan_tab
    assert ws.focusWidget() is widget(ws.plan_tab)


def test_double_clicking_the_missing_material_shows_the_materials(qtbot, seeded, empty_draft,
                                                                  make_workspace, monkeypatch):
    ws = make_workspace(seeded["writer"], seeded.wb, empty_draft.id)
    _submit_and_double_click(qtbot, ws, monkeypatch, "公开解读材料")
    assert ws.tabs.currentWidget() is ws.materials_tab


def test_lines_without_a_known_place_keep_the_list_open(qtbot):
    dialog = IncompleteDialog(None, ["某项说明"], "解读包不完整，不能提交", {})
    qtbot.addWidget(dialog)
    dialog.checklist.itemDoubleClicked.emit(dialog.checklist.item(0))
    assert dialog.chosen is None and dialog.result() == 0
