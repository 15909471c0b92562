"""The statistics export: facts from the store, charts and the annual-report summary."""

from __future__ import annotations

import datetime as dt

from interpreter_app.domain.statistics import annual_sentence
from interpreter_app.export.stats_report import SUMMARY_NAME, export_statistics
from tests.factories import released_package


def test_statistics_count_released_packages_and_charts_but_no_planned_interpreter(seeded):
    released_package(seeded)  # its plan names a 第一解读人; nobody signed or attended anything
    year = dt.date.today().year
    stats = seeded.wb.statistics.compute(seeded["writer"], dt.date(year, 1, 1),
                                         dt.date(year, 12, 31))
    assert stats.released == 1
    assert stats.by_role["主要负责人"] == 0 and stats.main_interpretations == 0
    assert stats.charts == 1
    assert annual_sentence(stats) == "全年发布政策解读1篇，其中图解1篇。"


def test_other_department_sees_none_of_our_work(seeded):
    released_package(seeded)
    stats = seeded.wb.statistics.compute(seeded["writer_b"])
    assert stats.released == 0


def test_export_writes_summary_whose_first_paragraph_is_the_sentence(seeded, tmp_path):
    from docx import Document

    released_package(seeded)
    stats = seeded.wb.statistics.compute(seeded["writer"])
    files = export_statistics(stats, tmp_path / "out")
    names = {f.name for f in files}
    assert SUMMARY_NAME in names and "by_form.png" in names and "by_form.svg" in names
    paragraphs = [p.text for p in Document(tmp_path / "out" / SUMMARY_NAME).paragraphs if p.text]
    assert paragraphs[1] == annual_sentence(stats)


def test_summary_carries_the_annual_report_table_and_the_definitions(seeded, tmp_path):
    from docx import Document

    released_package(seeded)
    stats = seeded.wb.statistics.compute(seeded["writer"])
    export_statistics(stats, tmp_path / "out")
    doc = Document(tmp_path / "out" / SUMMARY_NAME)
    table = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert table[0] == ["项目", "数量"]
    assert ["主要负责人解读（次）", "0"] in table and ["领导出席（人次）", "0"] in table
    assert table[-1] == ["解读率", "—"]  # no 发文登记 yet
    note = next(p.text for p in doc.paragraphs if p.text.startswith("注："))
    assert "第一解读人不计" in note and "拟出席的人员不计" in note
