"""登记 dialog: attendance, the register and concern responses entered after the fact."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QTableWidgetItem

from interpreter_app.ui.records_dialog import RecordsDialog
from tests.factories import released_package


def _dialog(qtbot, seeded) -> RecordsDialog:
    dialog = RecordsDialog(seeded.wb, seeded["writer"])
    qtbot.addWidget(dialog)
    return dialog


def test_attendance_is_recorded_with_roles_and_listed(qtbot, seeded, tmp_path):
    pkg = released_package(seeded)
    dialog = _dialog(qtbot, seeded)
    dialog.event_package.setValue(pkg.id)
    dialog.event_title.setText("就业政策新闻发布会")
    dialog.attendees.setItem(0, 0, QTableWidgetItem("王建国"))
    dialog.attendees.setItem(0, 1, QTableWidgetItem("厅长"))
    dialog.attendees.cellWidget(0, 2).setCurrentText("主要负责人")
    dialog.attendees.setItem(1, 0, QTableWidgetItem("主持人"))
    dialog.add_event()
    assert dialog.changed and dialog.event_list.rowCount() == 1
    assert "王建国（主要负责人）" in dialog.event_list.item(0, 3).text()
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save(str(tmp_path / "records.png"))
    stats = seeded.wb.statistics.compute(seeded["writer"])
    assert stats.main_interpretations == 1 and stats.press_conferences == 1


def test_an_event_without_attendees_is_refused(qtbot, seeded, alert_log):
    dialog = _dialog(qtbot, seeded)
    dialog.add_event()
    assert alert_log.kinds() == ["error"] and not dialog.changed


def test_register_row_and_import(qtbot, seeded, tmp_path, monkeypatch, alert_log):
    dialog = _dialog(qtbot, seeded)
    dialog.doc_title.setText("关于调整最低工资标准的通知")
    dialog.doc_number.setText("江人社发〔2026〕21号")
    dialog.add_document()
    csv = tmp_path / "发文登记.csv"
    csv.write_text("标题,发文日期,发文字号\n文件甲,2026-02-01,江人社发〔2026〕1号\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    dialog.import_register()
    assert dialog.register_list.rowCount() == 2
    assert alert_log.kinds() == ["info"]


def test_concern_response_is_logged(qtbot, seeded):
    dialog = _dialog(qtbot, seeded)
    dialog.concern_topic.setText("补贴何时到账")
    dialog.concern_link.setText("https://zwgk.example.gov/hy/1.html")
    dialog.add_concern()
    assert dialog.concern_list.rowCount() == 1
    assert seeded.wb.statistics.compute(seeded["writer"]).concerns == 1
