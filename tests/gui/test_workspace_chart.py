"""The chart editor: grid cells parsed as numbers, bad cells flagged and kept, live preview."""

from __future__ import annotations

import pytest

from interpreter_app.ui.workspace.chart_editor import BAD_CELL
from tests.factories import complete_package
from tests.gui.workspace_helpers import wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)


@pytest.fixture
def chart_editor(seeded, make_workspace):
    """The writer's workspace showing the chart material of a complete draft."""
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    chart = package.materials[2]
    return ws, ws.materials_tab.select(chart.id), package


def test_hidden_chart_is_not_drawn_until_its_tab_is_shown(qtbot, chart_editor):
    ws, editor, _package = chart_editor
    ws.tabs.setCurrentWidget(ws.document_tab)
    editor.refresh_preview()
    assert editor._job is None
    with qtbot.waitSignal(editor.preview_updated, timeout=15_000):
        ws.tabs.setCurrentWidget(ws.materials_tab)


def test_preview_is_drawn_in_a_worker(qtbot, chart_editor):
    ws, editor, _package = chart_editor
    ws.tabs.setCurrentWidget(ws.materials_tab)
    with qtbot.waitSignal(editor.preview_updated, timeout=15_000):
        editor.refresh_preview()
    qtbot.waitUntil(lambda: editor.preview.pixmap() is not None and
                    not editor.preview.pixmap().isNull(), timeout=15_000)
    assert editor.preview.property("problems") == ""


def test_bad_cell_is_flagged_kept_and_not_saved(qtbot, seeded, chart_editor):
    ws, editor, package = chart_editor
    editor.grid.item(2, 1).setText("四十八")
    assert "不是有效数值" in editor.cell_errors.text()
    assert editor.grid.item(2, 1).text() == "四十八"
    assert editor.grid.item(2, 1).background().color() == BAD_CELL
    assert "不是有效数值" in editor.grid.item(2, 1).toolTip()
    ws.save_now()
    assert ws.has_unsaved() and ws.header.save_state.property("state") == "invalid"
    stored = seeded.wb.authoring.get(seeded["writer"], package.id).materials[2].chart
    assert stored.series[0].values == [46, 48, 50]
    editor.refresh_preview()
    assert "不是有效数值" in editor.preview.property("problems")


def test_correcting_the_cell_saves_the_parsed_number(qtbot, seeded, chart_editor):
    ws, editor, package = chart_editor
    editor.grid.item(2, 1).setText("坏")
    editor.grid.item(2, 1).setText("4.85万")
    assert editor.cell_errors.text() == ""
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], package.id).materials[2].chart
    assert stored.series[0].values == [46, 48_500, 50]


def test_chart_type_and_problems_shown_instead_of_a_picture(qtbot, seeded, chart_editor):
    ws, editor, package = chart_editor
    editor.grid.add_column()
    editor.grid.setItem(0, 2, type(editor.grid.item(0, 1))("计划"))
    editor.chart_type.setCurrentIndex(editor.chart_type.findData("pie"))
    editor.chart_type.activated.emit(editor.chart_type.currentIndex())
    editor.refresh_preview()
    assert "只能有一个数据系列" in editor.preview.property("problems") or \
        "没有有效数值" in editor.preview.property("problems")
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], package.id).materials[2].chart
    assert stored.type == "pie" and [s.name for s in stored.series] == ["万人", "计划"]


def test_the_grid_stays_put_when_a_cell_error_appears(qtbot, chart_editor):
    ws, editor, _package = chart_editor
    ws.tabs.setCurrentWidget(ws.materials_tab)
    ws.resize(1200, 760)
    ws.show()
    qtbot.waitExposed(ws)
    qtbot.wait(20)  # the layout settles
    before = (editor.grid.geometry(), editor.cell_errors.geometry())
    editor.grid.item(2, 1).setText("四十八")
    editor.grid.item(1, 1).setText("坏")
    editor.grid.item(3, 1).setText("也坏")
    qtbot.wait(20)
    assert editor.cell_errors.text()
    assert (editor.grid.geometry(), editor.cell_errors.geometry()) == before
    assert "另有" in editor.cell_errors.text() or "more" in editor.cell_errors.text()  # 2 of 3 shown
