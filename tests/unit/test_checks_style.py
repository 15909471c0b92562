"""Checks on writing conventions: punctuation and date formats."""

from __future__ import annotations

import pytest

from interpreter_app.domain.checks import WARNING
from interpreter_app.domain.checks.dates import check_date_format, fix_dates
from interpreter_app.domain.checks.punctuation import check_punctuation, fix_punctuation
from interpreter_app.domain.model import Package, PolicyDocument


def package(body: str) -> Package:
    return Package(id=None, department_id=1, created_by=1, document=PolicyDocument(body=body))


@pytest.mark.parametrize(("text", "fixed"), [
    ("加快推进,确保完成;同时:", "加快推进，确保完成；同时："),
    ("是否需要?必须落实!", "是否需要？必须落实！"),
    ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
    ('所谓"放管服"改革', "所谓“放管服”改革"),
    ("2020年,全省", "2020年，全省"),
    ("好的，，我们。。", "好的，我们。"),
    ("加快, 确保", "加快，确保"),
])
def test_half_width_marks_in_chinese_are_fixed(text, fixed):
    assert fix_punctuation(text) == fixed


@pytest.mark.parametrize("text", [
    "共1,000家", "上午10:30开会", "Hello, world!", "详见 https://www.yn.gov.cn/a?b=1", "等等……",
    "发展——改革",
])
def test_numbers_times_latin_and_long_marks_stay(text):
    assert fix_punctuation(text) == text


def test_punctuation_finding_shows_the_fixed_window():
    (f,) = check_punctuation(package("各地要加强领导,确保任务落实。"))
    assert (f.code, f.severity, f.paragraph) == ("punctuation", WARNING, 0)
    assert "," in f.excerpt and f.suggestion == f.excerpt.replace(",", "，")


def test_unbalanced_pairs_are_flagged_without_a_fix():
    (f,) = check_punctuation(package("根据《关于优化营商环境的意见，现通知如下。"))
    assert "《》" in f.message and f.suggestion is None


@pytest.mark.parametrize(("text", "fixed"), [
    ("2020-8-17", "2020年8月17日"),
    ("2020.08.17", "2020年8月17日"),
    ("2020/8/7", "2020年8月7日"),
    ("2020年08月07日", "2020年8月7日"),
    ("2020年08月", "2020年8月"),
    ("二〇二〇年八月十七日", "2020年8月17日"),
])
def test_non_standard_dates_are_flagged_with_the_standard_form(text, fixed):
    (f,) = check_date_format(package(f"于{text}印发。"))
    assert (f.code, f.excerpt, f.suggestion) == ("date-format", text, fixed)
    assert fix_dates(f"于{text}印发。") == f"于{fixed}印发。"


@pytest.mark.parametrize("text", ["2020年8月17日", "2021—2025年", "2020-2025", "GB/T 9704-2012", "2020.13.40"])
def test_standard_dates_and_non_dates_pass(text):
    assert list(check_date_format(package(text))) == []
