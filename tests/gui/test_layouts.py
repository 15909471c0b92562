"""Office screens: 1024×700 stays usable, long titles never widen the window, panels fold away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.factories import complete_parts

GB_LINE = 28  # characters in a GB/T 9704 body line
LONG_TITLE = ("关于进一步做好全省就业创业工作促进高校毕业生农民工退役军人等重点群体多渠道就业"
              "加强职业技能培训和公共就业服务体系建设健全就业困难人员帮扶长效机制推动形成更加"
              "充分更高质量就业格局切实保障和改善民生的若干政策措施实施细则及配套管理办法与工作"
              "方案以及各市县区人力资源社会保障部门财政部门教育部门退役军人事务部门共同贯彻落实"
              "的分工安排和督促检查考核评估办法及其附件说明和政策解读材料（征求意见稿）")


def _window_at(make_window, qtbot, seeded, size, title=None):
    document, plan, materials = complete_parts()
    document.title = title or document.title
    package = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                         plan=plan, materials=materials)
    window = make_window("writer")
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_package(package.id)
    qtbot.wait(50)  # layout requests are posted: let every one of them run
    return window


def _inside(window: QWidget, widget: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(rect)


def test_body_editor_holds_a_full_line_at_1024x700(make_window, qtbot, seeded):
    window = _window_at(make_window, qtbot, seeded, (1024, 700))
    editor = window.workspace.document_tab.body.editor
    assert window.size().width() == 1024
    assert editor.viewport().width() >= GB_LINE * editor.fontMetrics().horizontalAdvance("中")
    assert editor.viewport().height() >= 6 * editor.fontMetrics().lineSpacing()


def test_view_names_are_whole_at_1024x700(make_window, qtbot, seeded):
    window = _window_at(make_window, qtbot, seeded, (1024, 700))
    views = window.views
    assert views.width() >= views.minimumSizeHint().width()
    metrics = views.fontMetrics()
    for row in range(views.count()):
        item = views.item(row)
        room = views.visualItemRect(item).width() - metrics.horizontalAdvance("999") - 24
        assert metrics.horizontalAdvance(item.data(Qt.UserRole + 2)) <= room


def test_a_194_character_title_does_not_widen_the_window(make_window, qtbot, seeded):
    assert len(LONG_TITLE) == 194
    window = _window_at(make_window, qtbot, seeded, (1366, 768), title=LONG_TITLE)
    assert window.width() == 1366
    header = window.workspace.header
    assert header.title.toolTip() == LONG_TITLE and header.title.is_elided()
    for widget in (header.side_toggle, window.packages.search, window.workspace.side):
        assert _inside(window, widget), widget
    window.resize(1024, 700)  # and it shrinks again
    qtbot.wait(50)
    assert window.width() == 1024


def test_side_panel_folds_below_its_width_and_f8_brings_it_back(make_window, qtbot, seeded):
    window = _window_at(make_window, qtbot, seeded, (1024, 700))
    workspace = window.workspace
    assert not workspace.side.isVisible() and not workspace.header.side_toggle.isChecked()
    QTest.keyClick(workspace.document_tab.body.editor, Qt.Key_F8)
    assert workspace.side.isVisible() and workspace.header.side_toggle.isChecked()
    window.resize(1600, 900)
    QApplication.processEvents()
    assert workspace.side.isVisible()
    window.resize(1024, 700)
    QApplication.processEvents()
    assert not workspace.side.isVisible()


def test_plan_groups_stack_in_one_column_when_narrow(make_window, qtbot, seeded):
    window = _window_at(make_window, qtbot, seeded, (1024, 700))
    window.workspace.show_tab("plan")
    QApplication.processEvents()
    plan = window.workspace.plan_tab
    assert plan._one_column
    window.resize(1920, 1080)
    QApplication.processEvents()
    assert not plan._one_column
