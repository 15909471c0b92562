"""Sharper fact checks (charts, dates, 百分点, copying, organ names) and four conventions of
punctuation and numbering, each with what it must find and what it must not."""

from __future__ import annotations

import pytest

from interpreter_app.domain.checks.chart_facts import check_chart_facts
from interpreter_app.domain.checks.conventions import check_conventions
from interpreter_app.domain.checks.copying import THRESHOLDS, check_copied_text, copy_measure
from interpreter_app.domain.checks.facts import check_fact_mismatch
from interpreter_app.domain.checks.fixes import fix_finding
from interpreter_app.domain.model import ChartSpec, Material, Package, PolicyDocument, Series
from interpreter_app.domain.numbers import normalize_quantities

DOC = ("一、工作目标\n2026年全省城镇新增就业60万人以上，城镇调查失业率控制在5.5%以内。"
       "高校毕业生去向落实率由2025年的60%提高到90%。\n"
       "二、实施时间\n本通知自3月25日起施行，2026年1—10月开展专项行动。\n"
       "全省各市县政务服务事项均已实现网上可办。")


def package(*materials: Material, body: str = DOC) -> Package:
    return Package(1, 1, 1, PolicyDocument(title="关于做好就业工作的通知", body=body),
                   materials=list(materials))


def facts(text: str) -> list[str]:
    pkg = package(Material.new("article", "解读", body=text))
    return [f.message for f in check_fact_mismatch(pkg)]


def chart(values: list[float], categories=("2025年", "2026年"), unit="万人",
          name="城镇新增就业") -> Material:
    return Material.new("chart", "图解", chart=ChartSpec(
        "bar", "城镇新增就业", list(categories), [Series(name, values)], unit, "省人社厅"))


# -- charts --------------------------------------------------------------------------------

def test_chart_value_contradicting_the_text_is_found():
    findings = list(check_chart_facts(package(chart([50, 65]))))
    assert len(findings) == 1
    assert "“2026年”为65万人" in findings[0].message and "60万" in findings[0].message


def test_chart_value_equal_to_the_text_or_not_stated_there_passes():
    assert list(check_chart_facts(package(chart([50, 60])))) == []
    other = chart([3, 4], categories=("一季度", "二季度"), unit="万家", name="新增企业")
    assert list(check_chart_facts(package(other))) == []


def test_chart_percent_is_read_against_percentages():
    rate = chart([60, 85], unit="%", name="去向落实率", categories=("2025年", "2026年"))
    findings = list(check_chart_facts(package(rate)))
    assert findings == []  # 2025年 60% stated; 2026年 not stated in the same clause


# -- dates and 百分点 ------------------------------------------------------------------------

def test_month_day_is_a_date_not_two_numbers():
    kinds = [(q.kind, q.value) for q in normalize_quantities("自3月25日起施行")]
    assert kinds == [("monthday", "03-25")]
    assert facts("政策自3月25日起施行。") == []
    assert any("3月26日" in m for m in facts("政策自3月26日起施行。"))


def test_month_ranges_are_read_as_dates():
    assert [(q.kind, q.value) for q in normalize_quantities("1—10月")] == [("months", "01..10")]
    assert facts("2026年1—10月开展专项行动。") == []


def test_correct_percentage_point_change_passes():
    assert facts("去向落实率提高了30个百分点。") == []
    wrong = facts("去向落实率提高了25个百分点。")
    assert len(wrong) == 1 and "25个百分点" in wrong[0]


def test_percent_written_for_a_point_change_gets_the_hint():
    message = facts("去向落实率提高了30%。")
    assert len(message) == 1 and "相差30个百分点" in message[0]


def test_sentence_words_are_not_organ_names():
    assert facts("全省各市县政务服务事项均已实现网上可办。") == []
    assert any("省财政厅" in m for m in facts("由省财政厅负责。"))


# -- copying -------------------------------------------------------------------------------

LONG_DOC = "".join(f"第{i}条 各级人力资源社会保障部门应当加强就业服务，为高校毕业生提供政策咨询、"
                   f"职业指导和岗位推荐等服务，并按规定落实第{i}项补贴政策。\n" for i in range(1, 9))


def test_wholesale_copy_is_found_with_share_and_longest_run():
    copied = Material.new("article", "解读", body=LONG_DOC[:400])
    findings = list(check_copied_text(package(copied, body=LONG_DOC)))
    assert len(findings) == 1 and "照搬政策文件原文" in findings[0].message
    assert copy_measure(LONG_DOC[:400], LONG_DOC).share > 0.95


def test_explaining_with_short_quotes_is_not_copying():
    own = ("这次出台的政策，核心是把服务送到毕业生身边。过去，毕业生找政策要跑好几个部门，"
           "现在人社部门一个窗口就能办。文件要求“为高校毕业生提供政策咨询、职业指导和岗位推荐等服务”，"
           "我们理解，就是要把咨询、指导、推荐三件事连起来做。补贴怎么领？符合条件的企业和个人，"
           "可以在网上提交申请，审核通过后直接发放到账户，不需要来回跑。") * 2
    measure = copy_measure(own, LONG_DOC)
    assert measure.share < THRESHOLDS["article"]
    assert list(check_copied_text(package(Material.new("article", "解读", body=own),
                                          body=LONG_DOC))) == []


# -- punctuation and numbering -------------------------------------------------------------

@pytest.mark.parametrize(("text", "code", "fixed"), [
    ("本通知自发布之日起施行.", "half-width-period", "本通知自发布之日起施行。"),
    ("依据《就业促进法》、《社会保险法》制定。", "title-enumeration", "依据《就业促进法》《社会保险法》制定。"),
    ("1、扩大企业吸纳就业", "level3-number", "1.扩大企业吸纳就业"),
    ("根据江人社发〔2026〕12号《关于做好就业工作的通知》要求，",
     "citation-order", "根据《关于做好就业工作的通知》（江人社发〔2026〕12号）要求，"),
])
def test_convention_is_found_and_fixed(text, code, fixed):
    article = Material.new("article", "解读", body=text)
    finding = next(f for f in check_conventions(package(article)) if f.code == code)
    assert fix_finding(text, finding) == fixed


@pytest.mark.parametrize("text", [
    "网址为www.gov.cn，版本1.5。", "1.扩大企业吸纳就业", "依据《就业促进法》和《社会保险法》制定。",
    "根据《关于做好就业工作的通知》（江人社发〔2026〕12号）要求", "email: a.b@gov.cn",
    "第1、2、3项", "共计3.5亿元。",
])
def test_convention_false_positives(text):
    assert list(check_conventions(package(Material.new("article", "解读", body=text)))) == []
