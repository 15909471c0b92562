"""Checks on text hygiene: duplicates, web furniture, script, 发文字号, heading numbering."""

from __future__ import annotations

from interpreter_app.domain.checks import BLOCKING, INFO, WARNING
from interpreter_app.domain.checks.duplicates import check_duplicate_paragraphs
from interpreter_app.domain.checks.headings import check_heading_sequence
from interpreter_app.domain.checks.numbering import check_doc_numbers
from interpreter_app.domain.checks.script import check_traditional_script, check_variant_terms
from interpreter_app.domain.checks.web import check_web_leftovers, is_web_furniture
from interpreter_app.domain.model import Material, Package, PolicyDocument

LONG_A = "各地要加强组织领导，确保各项任务落到实处。"
LONG_B = "省政务服务局要会同有关部门加强跟踪督办。"


def package(body: str = "", *materials: Material, doc_number: str = "") -> Package:
    return Package(id=None, department_id=1, created_by=1,
                   document=PolicyDocument(title="通知", doc_number=doc_number, body=body),
                   materials=list(materials))


def codes(findings) -> list[tuple[str, str, str, int]]:
    return [(f.code, f.severity, f.part, f.paragraph) for f in findings]


# ---- duplicate-paragraph ------------------------------------------------------------------

def test_repeated_section_blocks():
    body = "\n".join(["一、总体要求", LONG_A, LONG_B, "二、保障措施", "一、总体要求", LONG_A, LONG_B])
    (f,) = check_duplicate_paragraphs(package(body))
    assert (f.severity, f.paragraph) == (BLOCKING, 4)
    assert "第5–7段与第1–3段重复" in f.message and f.span == 3


def test_single_repeated_paragraph_warns():
    (f,) = check_duplicate_paragraphs(package("\n".join([LONG_A, LONG_B, "三、其他", LONG_A])))
    assert (f.severity, f.paragraph) == (WARNING, 3)


def test_short_repeated_lines_are_ignored():
    assert list(check_duplicate_paragraphs(package("一、工作要求\n正文。\n一、工作要求\n另文。"))) == []


def test_duplicates_are_found_within_a_material():
    article = Material.new("article", body=f"{LONG_A}\n{LONG_A}")
    assert codes(check_duplicate_paragraphs(package(LONG_A, article))) == [
        ("duplicate-paragraph", WARNING, "material:0", 1)]


# ---- web-leftover -------------------------------------------------------------------------

def test_page_furniture_blocks_in_the_document():
    body = "\n".join(["来源：省政府办公厅 发布时间：2020-08-17", LONG_A, "【字体：大 中 小】",
                      "打印本页 关闭窗口", "上一篇：关于印发方案的通知", "如有疑问请联系我们。"])
    found = list(check_web_leftovers(package(body)))
    assert codes(found) == [("web-leftover", BLOCKING, "document", i) for i in (0, 2)]
    assert [f.span for f in found] == [1, 3]  # one finding for a run of furniture lines


def test_furniture_only_warns_in_internal_materials():
    lines = Material.new("reporter_lines", body="分享到：微信 微博")
    assert codes(check_web_leftovers(package("", lines))) == [("web-leftover", WARNING, "material:0", 0)]


def test_ordinary_sentences_are_not_furniture():
    for text in ("如有疑问请联系我们。", "一、相关政策", "责任编辑要求严格审核稿件，确保内容准确无误，并及时报送。" * 3):
        assert not is_web_furniture(text)


# ---- traditional-script / variant-term -----------------------------------------------------

def test_traditional_characters_are_flagged_with_the_conversion():
    (f,) = check_traditional_script(package("各地要加強組織領導。"))
    assert (f.code, f.severity, f.paragraph) == ("traditional-script", WARNING, 0)
    assert f.suggestion == "各地要加强组织领导。"


def test_mostly_traditional_part_gets_one_finding():
    body = "\n".join(f"第{i}條規定內容。" for i in range(10))
    (f,) = check_traditional_script(package(body))
    assert f.field == "text" and "10段" in f.message


def test_variant_terms_are_info_suggestions():
    (f,) = check_variant_terms(package("建设全省统一资料库。"))
    assert (f.code, f.severity, f.suggestion) == ("variant-term", INFO, "数据库")


# ---- doc-number-format ----------------------------------------------------------------------

def test_malformed_doc_number_fields_block_with_the_fix():
    pkg = package(doc_number="江政办发【2020】第033号")
    pkg.plan.proposed_doc_number = "江政办发[2021]5号"
    found = {(f.part, f.field): f.suggestion for f in check_doc_numbers(pkg)}
    assert found == {("document", "doc_number"): "江政办发〔2020〕33号",
                     ("plan", "proposed_doc_number"): "江政办发〔2021〕5号"}


def test_doc_numbers_in_text_are_checked():
    body = "根据《通知》（国发〔2019〕11号）和江政办发(2020)33号文件精神，"
    (f,) = check_doc_numbers(package(body))
    assert (f.severity, f.paragraph, f.field) == (BLOCKING, 0, "body")
    assert f.suggestion.endswith("江政办发〔2020〕33号") and "(2020)" in f.excerpt


# ---- heading-sequence -----------------------------------------------------------------------

def test_skipped_and_repeated_numbers_are_flagged():
    body = "一、总体要求\n二、主要任务\n四、保障措施\n四、其他"
    found = list(check_heading_sequence(package(body)))
    assert [(f.paragraph, f.suggestion) for f in found] == [(2, "三、"), (3, "五、")]
    assert "跳号" in found[0].message and "重复" in found[1].message


def test_level_jump_is_flagged_once():
    body = "一、总体要求\n1.第一项\n2.第二项\n二、任务"
    (f,) = check_heading_sequence(package(body))
    assert f.paragraph == 1 and "（一）" in f.message


def test_numbering_may_restart_or_continue_under_a_new_parent():
    restart = "一、甲\n（一）子\n1.a\n2.b\n（二）子\n1.c"
    carry_on = "一、甲\n（一）子\n1.a\n2.b\n（二）子\n3.c"
    assert list(check_heading_sequence(package(restart))) == []
    assert list(check_heading_sequence(package(carry_on))) == []


def test_document_starting_at_a_lower_level_is_fine():
    assert list(check_heading_sequence(package("1.第一条\n2.第二条\n3.第三条"))) == []
