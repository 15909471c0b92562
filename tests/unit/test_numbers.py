"""Chinese numerals, percentages, 万/亿 scaling and dates normalised for comparison."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter_app.domain.numbers import (
    canonical,
    int_to_cn,
    normalize_quantities,
    parse_cn_int,
    parse_date_text,
    parse_number,
)
from interpreter_app.domain.validation import format_date_cn


@pytest.mark.parametrize(("text", "value"), [
    ("十", 10), ("十五", 15), ("二十六", 26), ("一百零五", 105), ("一百一十", 110),
    ("一千零一十", 1010), ("十二万", 120000), ("三亿五千万", 350000000), ("一万亿", 10**12),
    ("二〇二〇", 2020), ("两千", 2000), ("贰佰", 200),
])
def test_parse_cn_int_reads_official_forms(text, value):
    assert parse_cn_int(text) == value


@pytest.mark.parametrize("text", ["", "十十", "二三十", "百千", "abc", "零十", "两零"])
def test_parse_cn_int_rejects_malformed(text):
    assert parse_cn_int(text) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_int_to_cn_round_trips(n):
    assert parse_cn_int(int_to_cn(n)) == n


@given(st.data(), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_wan_yi_scaling_matches_plain_number(data, unit):
    word, factor = unit
    n = data.draw(st.integers(min_value=1, max_value=factor - 1))  # 一万万 is not a numeral
    assert parse_number(f"{n}{word}") == Decimal(n * factor)
    assert parse_number(int_to_cn(n) + word) == Decimal(n * factor)


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_wan_equals_scaled_integer(value):
    text = f"{value:f}万元"
    (q,) = [q for q in normalize_quantities("投入" + text) if q.kind == "number"]
    assert Decimal(q.value) == value * 10**4


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_in_every_written_form_normalise_to_iso(day):
    iso = day.isoformat()
    cn_year = "".join("〇一二三四五六七八九"[int(c)] for c in str(day.year))
    chinese = f"{cn_year}年{int_to_cn(day.month)}月{int_to_cn(day.day)}日"
    for text in (format_date_cn(iso), iso, f"{day.year}.{day.month}.{day.day}", chinese):
        assert parse_date_text(text) == iso


def test_quantities_are_found_with_canonical_values():
    found = {(q.kind, q.value) for q in normalize_quantities(
        "于2020年底前完成，新增26个中心，投入1.5亿元，占比15%，提高3个百分点，百分之三点五")}
    assert found == {("date", "2020-12-31"), ("number", "26"), ("number", "150000000"),
                     ("percent", "15"), ("point", "3"), ("percent", "3.5")}


def test_chinese_numerals_equal_arabic():
    a = {q.key for q in normalize_quantities("新建二十六个专区，不少于一次")}
    b = {q.key for q in normalize_quantities("新建26个专区，不少于1次")}
    assert a == b == {("number", "26"), ("number", "1")}


def test_words_and_list_numbers_are_not_quantities():
    text = "1.做好一项工作，坚持两个维护，惠及千家万户和百姓，落实十四五规划，5G网络（江政办发〔2020〕33号）"
    assert normalize_quantities(text) == []


def test_month_end_is_the_last_day():
    (q,) = normalize_quantities("2021年2月底前")
    assert q.value == "2021-02-28"


def test_full_width_digits_keep_their_written_text():
    (q,) = normalize_quantities("达到９０％")
    assert (q.kind, q.value, q.text) == ("percent", "90", "９０％")


def test_canonical_drops_exponent_and_trailing_zeros():
    assert canonical(Decimal("1.50E+8")) == "150000000"
    assert canonical(Decimal("3.50")) == "3.5"
