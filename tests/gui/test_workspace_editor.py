"""The body editor: heading levels, outline jumps, character count, find, undo; the metadata form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from interpreter_app.domain.model import PolicyDocument
from interpreter_app.ui.workspace.body_editor import LEVEL_COLORS, BodyEditorPanel
from interpreter_app.ui.workspace.metadata_form import MetadataForm
from tests.factories import POLICY_BODY


def _panel(qtbot) -> BodyEditorPanel:
    panel = BodyEditorPanel()
    qtbot.addWidget(panel)
    panel.set_text(POLICY_BODY)
    panel.show()
    return panel


def test_outline_lists_headings_by_level_and_jumps(qtbot):
    panel = _panel(qtbot)
    texts = [panel.outline.item(i).text() for i in range(panel.outline.count())]
    assert texts[0] == "一、总体要求" and texts[2].strip() == "（一）拓宽就业渠道"
    panel.outline.jump.emit(panel.outline.item(2).data(Qt.UserRole))
    assert panel.editor.textCursor().block().text() == "（一）拓宽就业渠道"


def test_heading_lead_is_coloured_by_level(qtbot):
    panel = _panel(qtbot)
    block = panel.editor.document().findBlockByNumber(3)  # （一）拓宽就业渠道
    formats = block.layout().formats()
    assert formats and formats[0].format.foreground().color().name() == LEVEL_COLORS[2]


def test_character_count_ignores_whitespace(qtbot):
    panel = _panel(qtbot)
    panel.set_text("一、总 体\n要求")
    assert panel.count_label.text().startswith("6 ")


def test_find_bar_finds_and_wraps(qtbot):
    panel = _panel(qtbot)
    panel.find_bar.open()
    panel.find_bar.field.setText("省人力资源社会保障厅牵头")
    assert panel.find_bar.find_next()
    first = panel.editor.textCursor().blockNumber()
    assert panel.find_bar.find_next()
    assert panel.editor.textCursor().blockNumber() != first
    assert panel.find_bar.find_next()  # wraps to the first again
    assert panel.editor.textCursor().blockNumber() == first
    panel.find_bar.field.setText("不存在的文字")
    assert not panel.find_bar.find_next()


def test_ctrl_f_in_the_editor_opens_its_find_bar_despite_a_window_shortcut(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window_find = QAction("find packages", window)
    window_find.setShortcut(QKeySequence.Find)
    triggered = []
    window_find.triggered.connect(lambda: triggered.append(True))
    window.addAction(window_find)
    panel = BodyEditorPanel()
    window.setCentralWidget(panel)
    window.show()
    qtbot.waitExposed(window)
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key_F, Qt.ControlModifier)
    assert panel.find_bar.isVisible() and not triggered


def test_undo_and_redo_buttons(qtbot):
    panel = _panel(qtbot)
    panel.editor.appendPlainText("四、附则")
    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.LeftButton)
    assert "四、附则" not in panel.text()
    qtbot.mouseClick(panel.redo_button, Qt.LeftButton)
    assert panel.text().endswith("四、附则")


def test_doc_number_problem_offers_the_fix(qtbot):
    form = MetadataForm()
    qtbot.addWidget(form)
    form.load(PolicyDocument(title="标题", doc_number="江人社发（2026）第05号"))
    field = form.fields["doc_number"]
    assert not field.message.isHidden() and "〔〕" in field.message.text()
    assert "江人社发〔2026〕5号" in field.fix_button.text()
    edited = []
    form.edited.connect(lambda: edited.append(True))
    qtbot.mouseClick(field.fix_button, Qt.LeftButton)
    assert field.text() == "江人社发〔2026〕5号" and field.message.isHidden() and edited


def test_dates_shown_in_official_form_and_bad_ones_kept_out(qtbot):
    form = MetadataForm()
    qtbot.addWidget(form)
    stored = PolicyDocument(title="标题", written_date="2026-03-02")
    form.load(stored)
    assert form.fields["written_date"].text() == "2026年3月2日"
    form.fields["written_date"].line.setText("2026/13/40")
    form.validate()
    assert not form.fields["written_date"].message.isHidden()
    assert form.apply(stored).written_date == "2026-03-02"
    form.fields["written_date"].line.setText("2026-4-1")
    assert form.apply(stored).written_date == "2026-04-01"
