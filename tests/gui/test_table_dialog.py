"""A Word table kept in the body is edited as a grid and written back as one undo step."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from interpreter_app.ui.workspace.body_editor import BodyEditor
from interpreter_app.ui.workspace.table_dialog import TableDialog, table_block

BODY = "第五条　主要事项见下表。\n序号\t事项\t牵头单位\n1\t编制目录\t省政府办公厅\n2\t动态调整\t省政务服务局\n第六条　本办法自公布之日起施行。"


def _editor(qtbot) -> BodyEditor:
    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(BODY)
    return editor


def _cursor_on(editor: BodyEditor, block: int) -> None:
    cursor = QTextCursor(editor.document().findBlockByNumber(block))
    editor.setTextCursor(cursor)


def test_the_table_around_the_cursor_is_found(qtbot):
    editor = _editor(qtbot)
    _cursor_on(editor, 2)
    assert table_block(editor) == (1, 3)
    _cursor_on(editor, 0)
    assert table_block(editor) is None


def test_cells_edited_in_the_grid_are_written_back_in_one_undo_step(qtbot, monkeypatch):
    editor = _editor(qtbot)
    _cursor_on(editor, 3)

    def edit_and_accept(dialog: TableDialog) -> int:
        assert dialog.grid.rowCount() == 3 and dialog.grid.columnCount() == 3
        dialog.grid.item(2, 2).setText("省大数据局")
        dialog.grid.setCurrentCell(2, 0)
        dialog.add_row()
        dialog.grid.setItem(3, 0, type(dialog.grid.item(0, 0))("3"))
        return QDialog.Accepted

    monkeypatch.setattr(TableDialog, "exec", edit_and_accept)
    assert editor.edit_table()
    lines = editor.toPlainText().split("\n")
    assert lines[3] == "2\t动态调整\t省大数据局"
    assert lines[4] == "3\t\t" and lines[5].startswith("第六条")
    editor.undo()
    assert editor.toPlainText() == BODY
