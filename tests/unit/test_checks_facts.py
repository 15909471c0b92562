"""fact-mismatch: materials must state the document's numbers, dates, 发文字号 and departments."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpreter_app.domain.checks import WARNING
from interpreter_app.domain.checks.facts import check_fact_mismatch, mentions
from interpreter_app.domain.importing import parse_document, read_file
from interpreter_app.domain.model import Material, Package

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"


@pytest.fixture(scope="module")
def document():
    return parse_document(read_file(SAMPLE)).document


def check(document, *bodies: str) -> list:
    pkg = Package(id=None, department_id=1, created_by=1, document=document,
                  materials=[Material.new("article", body=b) for b in bodies])
    return list(check_fact_mismatch(pkg))


def flagged(findings) -> list[str]:
    return [f.message.split("”")[0].split("“")[1] for f in findings]


def test_faithful_material_written_differently_is_not_flagged(document):
    body = ("《江海省人民政府办公厅关于进一步优化政务服务提升行政效能的通知》（江政办发〔2020〕33号）"
            "于2020年8月17日印发。\n"
            "到二〇二〇年底，网上可办率达到百分之九十以上，承诺时限压缩百分之五十以上。\n"
            "全省新建二十六个县级政务服务中心专区，年内实现不少于一百项高频事项全程网办。\n"
            "省级财政安排专项资金15000万元，由省数字经济局、省政务服务局牵头推进。\n"
            "主要负责同志每年专题研究不少于一次，省人民政府办公厅每季度通报一次。")
    assert check(document, body) == []


def test_changed_deadline_is_flagged_with_the_documents_dates(document):
    (f,) = check(document, "统一事项清单于2020年9月底前完成。")
    assert (f.code, f.severity, f.part, f.paragraph) == ("fact-mismatch", WARNING, "material:0", 0)
    assert "2020年9月底" in f.message and "2020年10月底" in f.message


def test_percentage_that_differs_is_flagged(document):
    assert flagged(check(document, "群众满意率保持在96%以上。")) == ["96%"]


def test_percentage_points_are_not_percentages(document):
    (f,) = check(document, "综合窗口覆盖率提高80个百分点。")
    assert "百分点" in f.message and "80%" in f.message


def test_amount_scaled_wrongly_is_flagged(document):
    assert flagged(check(document, "安排专项资金1.5万元。")) == ["1.5万"]


def test_wrong_doc_number_and_unknown_department_are_flagged(document):
    found = flagged(check(document, "根据江政发〔2020〕33号文件，省审计厅负责审计。"))
    assert found == ["江政发〔2020〕33号", "省审计厅"]


def test_department_names_match_short_forms(document):
    assert check(document, "省政府办公厅印发通知，省政务服务局牵头。") == []


def test_frequency_words_are_compared(document):
    assert flagged(check(document, "每月通报一次评价结果。")) == ["每月"]


def test_every_material_is_checked_separately(document):
    findings = check(document, "覆盖率达到80%。", "覆盖率达到85%。")
    assert [f.part for f in findings] == ["material:1"]


def test_nothing_to_compare_without_a_document_body():
    pkg = Package(id=None, department_id=1, created_by=1, materials=[Material.new("article", body="增长5%")])
    assert list(check_fact_mismatch(pkg)) == []


def test_mentions_cover_each_kind():
    kinds = {m.kind for m in mentions("2020年底前，26个，5%，3个百分点，江政办发〔2020〕33号，省财政厅，每季度")}
    assert kinds == {"date", "number", "percent", "point", "doc_number", "department", "deadline"}
