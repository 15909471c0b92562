"""Traditional characters and Taiwan/Hong Kong terms: detection, conversion, suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpreter_app.domain.importing import (
    apply_suggestions,
    script_report,
    to_simplified,
    variant_term_suggestions,
)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"


def test_traditional_text_is_detected_and_converted():
    text = "關於進一步優化營商環境的實施意見"
    report = script_report(text)
    assert report.is_traditional and report.traditional_chars >= 6
    assert to_simplified(text) == "关于进一步优化营商环境的实施意见"


def test_simplified_sample_has_no_traditional_characters():
    report = script_report(SAMPLE.read_text(encoding="utf-8"))
    assert report.traditional_chars == 0 and not report.is_traditional


def test_phrase_context_keeps_simplified_words():
    assert script_report("乾坤 慰藉 著名").traditional_chars == 0


def test_t2s_converts_characters_only():
    assert to_simplified("最佳化、入口網站、資料庫") == "最佳化、入口网站、资料库"


def suggestions(text: str) -> dict[str, str]:
    return {s.found: s.replacement for s in variant_term_suggestions(text)}


@pytest.mark.parametrize(("text", "found", "replacement"), [
    ("流程最佳化", "最佳化", "优化"),
    ("登录入口网站", "入口网站", "门户网站"),
    ("建设资料库", "资料库", "数据库"),
    ("網際網路发展", "網際網路", "互联网"),
    ("线上办理", "线上", "在线"),
    ("软体开发", "软体", "软件"),
    ("请先上传档案", "档案", "文件"),
    ("请先上傳檔案", "檔案", "文件"),
    ("在系统设定中修改", "设定", "设置"),
    ("推广行动支付", "行动", "移动"),
    ("加强资讯安全", "资讯", "信息"),
    ("品质管理体系", "品质", "质量"),
    ("短影片平台", "影片", "视频"),
])
def test_terms_are_suggested(text, found, replacement):
    assert suggestions(text) == {found: replacement}


@pytest.mark.parametrize("text", [
    "人事档案由档案馆保管", "线上线下融合发展", "设定目标任务", "行政许可权的设定",
    "新闻资讯栏目", "打造高品质生活", "观看电影影片", "方程式赛车", "软体动物", "奋战在一线上",
])
def test_exceptions_keep_the_term(text):
    assert suggestions(text) == {}


def test_suggestions_carry_paragraph_positions_and_a_note():
    (s,) = variant_term_suggestions("第一段。\n　　建设资料库。")
    assert (s.paragraph, s.start, s.end) == (1, 2, 5)
    assert "数据库" in s.note


def test_only_accepted_suggestions_are_applied():
    text = "一、建设资料库\n　　流程最佳化，线上办理。"
    found = variant_term_suggestions(text)
    accepted = [s for s in found if s.found != "线上"]
    assert apply_suggestions(text, accepted) == "一、建设数据库\n　　流程优化，线上办理。"


def test_stale_suggestions_are_skipped():
    (s,) = variant_term_suggestions("建设资料库")
    assert apply_suggestions("建设数据中心", [s]) == "建设数据中心"
