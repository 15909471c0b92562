"""The recovery journal keeps unsaved edits in small files outside the database."""

from __future__ import annotations

import json
import os

import pytest

from interpreter_app import paths
from interpreter_app.domain.model import (
    ChartSpec,
    InterpretationPlan,
    Material,
    PolicyDocument,
    QAPair,
    Series,
)
from interpreter_app.services import journal


def _entry(db, package_id=7, user_id=3, **kw) -> journal.JournalEntry:
    document = PolicyDocument(title="关于做好就业工作的通知", body="一、总体要求\n未保存的一段。")
    parts = kw.pop("parts", [journal.JournalPart("document", 4, document)])
    return journal.JournalEntry(db_path=str(db), user_id=user_id, package_id=package_id,
                                written_at=kw.pop("written_at", "2026-12-02T18:00:00+08:00"),
                                package_title="就业通知", parts=parts)


def test_every_kind_of_part_comes_back_as_written(tmp_path):
    chart = ChartSpec(title="补贴", categories=["一月", "二月"],
                      series=[Series(name="人数", values=[1.0, 2.5])])
    material = Material.new("chart", "图解", chart=chart, caption="数据来源：省人社厅")
    material.id = "m-1"
    qa = Material.new("qa", "问答", qa=[QAPair("问：谁可以申请？", "答：符合条件的企业。")])
    qa.id = "m-2"
    parts = [journal.JournalPart("document", 4, PolicyDocument(title="甲", body="乙\n丙")),
             journal.JournalPart("plan", 2, InterpretationPlan(outline="一、背景", forms=["政策问答"])),
             journal.JournalPart("material:m-1", 9, material),
             journal.JournalPart("material:m-2", 1, qa)]
    written = _entry(tmp_path / "work.db", parts=parts)
    journal.write(tmp_path / "rec", written)
    back = journal.load(tmp_path / "rec", tmp_path / "work.db", 3, 7)
    assert back is not None
    assert [(p.key, p.version) for p in back.parts] == [(p.key, p.version) for p in parts]
    assert back.part("material:m-1").value == material
    assert back.part("material:m-1").value.chart.series[0].values == [1.0, 2.5]
    assert back.part("material:m-2").value.qa[0].answer == "答：符合条件的企业。"
    assert back.part("plan").value.forms == ["政策问答"]
    assert back.package_title == "就业通知"


def test_one_file_per_database_user_and_package(tmp_path):
    folder = tmp_path / "rec"
    journal.write(folder, _entry(tmp_path / "a.db", package_id=1))
    journal.write(folder, _entry(tmp_path / "a.db", package_id=2))
    journal.write(folder, _entry(tmp_path / "a.db", package_id=1, user_id=4))
    journal.write(folder, _entry(tmp_path / "b.db", package_id=1))
    journal.write(folder, _entry(tmp_path / "a.db", package_id=1))  # replaces the first
    assert len(list(folder.iterdir())) == 4
    mine = journal.list_entries(folder, tmp_path / "a.db", 3)
    assert sorted(e.package_id for e in mine) == [1, 2]
    assert journal.load(folder, tmp_path / "b.db", 4, 1) is None


def test_entries_are_listed_newest_first(tmp_path):
    folder = tmp_path / "rec"
    journal.write(folder, _entry(tmp_path / "a.db", package_id=1, written_at="2026-12-01T09:00:00+08:00"))
    journal.write(folder, _entry(tmp_path / "a.db", package_id=2, written_at="2026-12-02T09:00:00+08:00"))
    assert [e.package_id for e in journal.list_entries(folder, tmp_path / "a.db", 3)] == [2, 1]


def test_clear_removes_the_entry_and_only_it(tmp_path):
    folder = tmp_path / "rec"
    journal.write(folder, _entry(tmp_path / "a.db", package_id=1))
    journal.write(folder, _entry(tmp_path / "a.db", package_id=2))
    assert journal.clear(folder, tmp_path / "a.db", 3, 1) is True
    assert journal.clear(folder, tmp_path / "a.db", 3, 1) is False
    assert journal.load(folder, tmp_path / "a.db", 3, 1) is None
    assert journal.load(folder, tmp_path / "a.db", 3, 2) is not None


def test_a_write_leaves_no_temporary_file_and_replaces_whole(tmp_path):
    folder = tmp_path / "rec"
    journal.write(folder, _entry(tmp_path / "a.db"))
    longer = _entry(tmp_path / "a.db", parts=[journal.JournalPart(
        "document", 5, PolicyDocument(title="甲", body="新" * 5000))])
    path = journal.write(folder, longer)
    assert [p.name for p in folder.iterdir()] == [path.name]
    assert journal.read(path).part("document").value.body == "新" * 5000


def test_the_same_database_under_another_spelling_is_the_same_entry(tmp_path):
    (tmp_path / "sub").mkdir()
    journal.write(tmp_path / "rec", _entry(tmp_path / "sub" / ".." / "a.db"))
    assert journal.load(tmp_path / "rec", tmp_path / "a.db", 3, 7) is not None


@pytest.mark.parametrize("content", [
    "", "not json", "[]", json.dumps({"format": 99}),
    json.dumps({"format": 1, "db_path": "x", "user_id": 3, "package_id": 7, "written_at": "",
                "parts": [{"key": "spreadsheet", "version": 1, "value": {}}]}),
    json.dumps({"format": 1, "db_path": "x", "user_id": 3, "package_id": 7, "written_at": "",
                "parts": [{"key": "material:a", "version": 1, "value": {"id": "b"}}]}),
])
def test_a_damaged_file_is_ignored_not_fatal(tmp_path, content):
    folder = tmp_path / "rec"
    path = journal.write(folder, _entry(tmp_path / "a.db"))
    path.write_text(content, encoding="utf-8")
    assert journal.read(path) is None
    assert journal.list_entries(folder, tmp_path / "a.db", 3) == []


def test_an_entry_copied_under_another_name_is_not_taken_for_another_package(tmp_path):
    folder = tmp_path / "rec"
    path = journal.write(folder, _entry(tmp_path / "a.db", package_id=7))
    os.replace(path, journal.entry_path(folder, tmp_path / "a.db", 3, 8))
    assert journal.load(folder, tmp_path / "a.db", 3, 8) is None


def test_an_entry_without_parts_is_nothing_to_offer(tmp_path):
    journal.write(tmp_path / "rec", _entry(tmp_path / "a.db", parts=[]))
    assert journal.load(tmp_path / "rec", tmp_path / "a.db", 3, 7) is None
    assert journal.list_entries(tmp_path / "rec", tmp_path / "a.db", 3) == []


def test_the_journal_lives_in_the_user_data_folder_not_beside_the_database(tmp_path):
    folder = paths.recovery_dir()
    assert folder.parent == paths.data_dir()
    path = journal.entry_path(folder, tmp_path / "work.db", 1, 1)
    assert path.parent != tmp_path and not path.name.startswith("work.db")


def test_the_change_names_new_and_rewritten_paragraphs_and_counts_deleted_ones():
    stored = PolicyDocument(body="一、总体要求\n第一段。\n第二段。\n第三段。")
    kept = PolicyDocument(body="一、总体要求\n第一段（改）。\n第三段。\n四、附则")
    change = journal.text_change(stored, kept)
    assert change.changed == ("第一段（改）。", "四、附则")
    assert change.removed == 1


def test_a_qa_material_change_shows_its_answers():
    stored = Material.new("qa", "问答", qa=[QAPair("问：谁？", "答：企业。")])
    kept = Material.new("qa", "问答", qa=[QAPair("问：谁？", "答：符合条件的企业。")])
    assert journal.text_change(stored, kept).changed == ("答：符合条件的企业。",)
    assert journal.text_change(None, kept).changed == ("问：谁？", "答：符合条件的企业。")
