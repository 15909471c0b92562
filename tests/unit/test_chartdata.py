"""Chart data rules: validation messages, cell parsing, number formatting and label wrapping."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter_app.domain.chartdata import (
    chart_problems,
    figure_units,
    format_value,
    parse_cell,
    pick_scale,
    shared_decimals,
    text_units,
    wrap_label,
)
from interpreter_app.domain.model import ChartSpec, Series


def spec(kind: str = "bar", cats: list[str] | None = None, *values: list, **kw) -> ChartSpec:
    cats = ["甲", "乙", "丙"] if cats is None else cats
    series = [Series(f"系列{i}", list(v)) for i, v in enumerate(values or ([1, 2, 3],))]
    return ChartSpec(kind, "标题", cats, series, **kw)


# ---- chart_problems ------------------------------------------------------------------------

def test_valid_specs_of_every_type_have_no_problems():
    for kind in ("bar", "barh", "grouped", "stacked", "line", "pie", "donut", "big_number"):
        assert chart_problems(spec(kind)) == [], kind


def test_empty_spec_names_missing_categories_and_series():
    problems = chart_problems(ChartSpec("bar"))
    assert any("没有分类" in p for p in problems)
    assert any("没有数据系列" in p for p in problems)


def test_series_length_must_match_categories():
    (problem,) = chart_problems(spec("bar", ["甲", "乙", "丙"], [1, 2]))
    assert "2个数值" in problem and "3个" in problem and "一一对应" in problem


@pytest.mark.parametrize("bad", [None, math.nan, math.inf])
def test_missing_or_non_finite_value_names_the_category(bad):
    (problem,) = chart_problems(spec("bar", ["甲", "乙", "丙"], [1, bad, 3]))
    assert "“乙”" in problem and "没有有效数值" in problem


def test_negative_value_in_pie_is_refused_with_its_category():
    for kind in ("pie", "donut"):
        (problem,) = chart_problems(spec(kind, ["甲", "乙", "丙"], [5, -1, 3]))
        assert "不能包含负数" in problem and "“乙”" in problem


def test_negative_values_are_fine_in_bars_and_lines():
    for kind in ("bar", "barh", "grouped", "stacked", "line"):
        assert chart_problems(spec(kind, ["甲", "乙"], [5, -1])) == []


def test_two_hundred_categories_are_too_many_to_read():
    cats = [f"第{i}项" for i in range(200)]
    (problem,) = chart_problems(spec("bar", cats, list(range(200))))
    assert "200个" in problem and "难以阅读" in problem and "合并" in problem


def test_pie_with_more_than_twelve_slices_asks_to_merge_into_other():
    cats = [f"项{i}" for i in range(13)]
    (problem,) = chart_problems(spec("pie", cats, [1] * 13))
    assert "13块" in problem and "其他" in problem


def test_pie_takes_one_series_and_a_non_zero_total():
    assert any("一个数据系列" in p for p in chart_problems(spec("pie", None, [1, 2, 3], [1, 2, 3])))
    assert any("合计为零" in p for p in chart_problems(spec("pie", None, [0, 0, 0])))


def test_big_number_without_a_value_is_refused():
    assert any("关键数字没有填写数值" in p
               for p in chart_problems(ChartSpec("big_number", categories=["发布解读"])))
    assert chart_problems(ChartSpec("big_number", categories=["发布解读"],
                                    series=[Series("", [None])]))


def test_big_number_units_one_per_figure_or_shared():
    ok = spec("big_number", ["甲", "乙", "丙"], [1, 2, 3], unit="亿元；户；%")
    assert chart_problems(ok) == [] and figure_units(ok) == ["亿元", "户", "%"]
    assert figure_units(spec("big_number", unit="篇")) == ["篇", "篇", "篇"]
    (problem,) = chart_problems(spec("big_number", unit="亿元；户"))
    assert "单位有2个" in problem


def test_unknown_type_lists_the_known_ones():
    (problem,) = chart_problems(spec("radar"))
    assert "radar" in problem and "柱状图" in problem


def test_highlight_must_be_a_category_and_names_need_text():
    assert any("突出显示" in p for p in chart_problems(spec(highlight="丁")))
    assert any("第2个分类没有名称" in p for p in chart_problems(spec("bar", ["甲", " ", "丙"])))


# ---- parse_cell ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("1,234.5", 1234.5), ("１２３", 123.0), ("12%", 12.0), ("3.5万", 35000.0),
    ("1.2亿", 120_000_000.0), ("-5", -5.0), ("−7", -7.0), ("－3", -3.0), ("１，２３４．５", 1234.5),
    (" 42 ", 42.0), ("0.5", 0.5), (".5", 0.5), ("+8", 8.0), ("2万亿", 2e12), ("３．５万", 35000.0),
])
def test_parse_cell_accepts_the_ways_people_write_numbers(text, expected):
    assert parse_cell(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_cell_empty_is_none(text):
    assert parse_cell(text) is None


@pytest.mark.parametrize("text", ["abc", "1,23", "12%%", "nan", "inf", "1e5", "--5", "约3万", "3万元"])
def test_parse_cell_rejects_junk_with_a_chinese_message(text):
    with pytest.raises(ValueError, match="不是有效数值"):
        parse_cell(text)


# ---- format_value --------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "expected"), [
    (0, "", "0"), (1234.5, "", "1,234.5"), (12.345, "%", "12.35%"), (99_999, "人", "99,999人"),
    (123_456, "元", "12.35万元"), (-2_345_678, "", "-234.57万"), (120_000_000, "元", "1.2亿元"),
    (3_456_000_000, "", "34.56亿"), (123_456, "万元", "123,456万元"), (-0.001, "", "0"),
    (1000, "篇", "1,000篇"), (100_000, "%", "100,000%"),
])
def test_format_value_separates_thousands_and_scales_large_numbers(value, unit, expected):
    assert format_value(value, unit) == expected


def test_format_value_fixed_decimals_and_non_finite():
    assert format_value(8, "", decimals=1) == "8.0"
    assert format_value(math.nan, "元") == "—"


def test_pick_scale_and_shared_decimals_follow_the_largest_and_finest_values():
    assert pick_scale([12, 99_999]) == "" and pick_scale([5, 150_000]) == "万"
    assert pick_scale([-3e8]) == "亿"
    assert shared_decimals([8.3, 8.0, 3.5]) == 1 and shared_decimals([1, 2, 3]) == 0
    assert shared_decimals([152_300, 81_200], "万") == 2


@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False, allow_infinity=False),
       st.sampled_from(["", "%"]))
def test_formatted_values_parse_back_within_rounding(value, unit):
    back = parse_cell(format_value(value, unit))
    assert back is not None
    assert abs(back - value) <= max(0.005, abs(value) * 0.005) + 1e-9


# ---- labels --------------------------------------------------------------------------------

def test_wrap_label_balances_lines_instead_of_leaving_one_character():
    assert wrap_label("红河哈尼族彝族自治州", 8) == "红河哈尼族\n彝族自治州"
    assert wrap_label("文山壮族苗族自治州", 8) == "文山壮族苗\n族自治州"
    assert wrap_label("昆明市", 8) == "昆明市"


def test_wrap_label_keeps_numbers_whole_and_cuts_with_ellipsis():
    assert "2024" in wrap_label("2024年第三季度GDP增速", 5).split("\n")[0]
    cut = wrap_label("国家发展和改革委员会关于进一步做好稳就业工作的通知", 4, 2)
    assert cut.count("\n") == 1 and cut.endswith("…")


def test_text_units_counts_chinese_as_full_width():
    assert text_units("政策") == 2 and text_units("ab") == pytest.approx(1.1)


def test_chart_titles_break_between_words_labels_may_not():
    from interpreter_app.domain.chartdata import wrap_label as wrap

    title = "图解《关于进一步降低企业用能成本的实施意见》"
    lines = wrap(title, 16, 2, whole_words=True).split("\n")
    assert lines == ["图解《关于进一步降低企业", "用能成本的实施意见》"]
    assert "".join(lines) == title
    assert wrap("一卡通三年行动方案", 4, 3) .count("\n") == 2  # labels: any character
