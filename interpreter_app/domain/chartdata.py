"""Chart data rules without matplotlib: validation, cell parsing, number format, label wrapping."""

from __future__ import annotations

import math
import re
import unicodedata

from .kinds import CHART_TYPE_LABELS
from .model import ChartSpec, Series

AXIS_TYPES = frozenset({"bar", "barh", "grouped", "stacked", "line"})
ROUND_TYPES = frozenset({"pie", "donut"})
MAX_CATEGORIES = 60
MAX_PIE_SLICES = 12
MAX_BIG_NUMBERS = 5  # one key figure and up to four secondary ones

SCALES = {"": 1.0, "万": 1e4, "亿": 1e8}
_SCALE_WORDS = {"": 1.0, "%": 1.0, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(%|万亿|万|亿)?$")


# ---- validation ------------------------------------------------------------------------------

def chart_problems(spec: ChartSpec) -> list[str]:
    """Chinese messages describing why the spec cannot be drawn; empty when it can."""
    if spec.type not in CHART_TYPE_LABELS:
        return [f"未知的图表类型“{spec.type}”，请从{'、'.join(CHART_TYPE_LABELS.values())}中选择。"]
    problems = _shape_problems(spec)
    if problems:
        return problems
    problems += _value_problems(spec)
    problems += _type_problems(spec)
    if spec.highlight and spec.highlight not in spec.categories:
        problems.append(f"要突出显示的“{spec.highlight}”不是图表中的分类。")
    return problems


def _shape_problems(spec: ChartSpec) -> list[str]:
    problems = []
    if spec.type == "big_number" and not _big_number_value(spec):
        problems.append("关键数字没有填写数值：请在第一行填写要突出的数字。")
    if not spec.categories:
        problems.append("没有分类：请至少填写一个分类名称。")
    if not spec.series:
        problems.append("没有数据系列：请至少添加一列数据。")
    for s in spec.series:
        if len(s.values) != len(spec.categories):
            problems.append(
                f"数据系列“{_series_name(s, spec)}”有{len(s.values)}个数值，"
                f"而分类有{len(spec.categories)}个，两者应一一对应。")
    return problems


def _value_problems(spec: ChartSpec) -> list[str]:
    problems = []
    for i, name in enumerate(spec.categories, start=1):
        if not str(name).strip():
            problems.append(f"第{i}个分类没有名称。")
    for s in spec.series:
        missing = [c for c, v in zip(spec.categories, s.values, strict=True) if not _is_number(v)]
        if missing:
            shown = "、".join(f"“{c}”" for c in missing[:3]) + ("等" if len(missing) > 3 else "")
            problems.append(f"数据系列“{_series_name(s, spec)}”中{shown}没有有效数值。")
    return problems


def _type_problems(spec: ChartSpec) -> list[str]:
    n = len(spec.categories)
    if spec.type in AXIS_TYPES and n > MAX_CATEGORIES:
        return [f"分类有{n}个，超过{MAX_CATEGORIES}个，画出来难以阅读；"
                "请先合并分组（如按季度、按地区或把较小的项归入“其他”）再作图。"]
    if spec.type in ROUND_TYPES:
        return _pie_problems(spec)
    if spec.type == "big_number" and n > MAX_BIG_NUMBERS:
        return [f"关键数字卡片最多显示{MAX_BIG_NUMBERS}个数字（1个主数字和4个辅助数字），现有{n}个。"]
    if spec.type == "big_number" and len(figure_units(spec)) != n:
        return [f"单位有{len(figure_units(spec))}个，数字有{n}个：请填写一个共用单位，"
                "或按数字顺序用“；”分隔逐个填写（如 亿元；户；%）。"]
    return []


def _pie_problems(spec: ChartSpec) -> list[str]:
    label = CHART_TYPE_LABELS[spec.type]
    problems = []
    if len(spec.series) > 1:
        problems.append(f"{label}只能有一个数据系列，请删除多余的系列。")
    if len(spec.categories) > MAX_PIE_SLICES:
        problems.append(f"{label}有{len(spec.categories)}块，超过{MAX_PIE_SLICES}块难以分辨；"
                        "请把较小的项合并为“其他”，或改用条形图。")
    values = spec.series[0].values
    negative = [c for c, v in zip(spec.categories, values, strict=True) if _is_number(v) and v < 0]
    if negative:
        problems.append(f"{label}不能包含负数：" + "、".join(f"“{c}”" for c in negative) + "为负值。")
    elif all(_is_number(v) for v in values) and sum(values) == 0:
        problems.append(f"{label}的数值合计为零，无法计算占比。")
    return problems


def _big_number_value(spec: ChartSpec) -> bool:
    return bool(spec.series and spec.series[0].values and _is_number(spec.series[0].values[0]))


def _series_name(series: Series, spec: ChartSpec) -> str:
    return series.name or f"第{spec.series.index(series) + 1}列"


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ---- cells and numbers ----------------------------------------------------------------------

def parse_cell(text: str) -> float | None:
    """A grid cell as a number: "1,234.5", "１２３", "12%" (→12), "3.5万", "1.2亿"; "" → None."""
    cleaned = unicodedata.normalize("NFKC", text or "").replace("−", "-").replace(" ", "")
    if not cleaned:
        return None
    match = _NUMBER.match(cleaned)
    if not match:
        raise ValueError(f"“{text.strip()}”不是有效数值：请填写如 1,234.5、12%、3.5万 这样的数字。")
    sign, digits, word = match.groups()
    value = float(digits.replace(",", "")) * _SCALE_WORDS[word or ""]
    return -value if sign == "-" else value


def unit_allows_scale(unit: str) -> bool:
    """Whether 万/亿 may be put before the unit: not before 万元 or 亿元 again, nor before %."""
    return unit[:1] not in ("万", "亿") and unit not in ("%", "‰")


def pick_scale(values: list[float]) -> str:
    """The shared scale word ("", "万" or "亿") for a set of values, chosen by the largest."""
    largest = max((abs(v) for v in values if _is_number(v)), default=0.0)
    if largest >= 1e8:
        return "亿"
    return "万" if largest >= 1e5 else ""


def format_value(v: float, unit: str = "", *, scale: str | None = None,
                 decimals: int | None = None) -> str:
    """A value for people: thousands separators, 万/亿 for large numbers, then the unit."""
    if not _is_number(v):
        return "—"
    if scale is None:
        scale = pick_scale([v]) if unit_allows_scale(unit) else ""
    scaled = v / SCALES[scale]
    if decimals is None:
        text = f"{scaled:,.{_precision(scaled, scale)}f}".rstrip("0").rstrip(".")
    else:
        text = f"{scaled:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0" for tiny negatives
    return f"{text}{scale}{unit}"


def _precision(scaled: float, scale: str) -> int:
    return 2 if scale or abs(scaled) < 100 else 1


def shared_decimals(values: list[float], scale: str = "") -> int:
    """Decimals that show every value of one chart alike (8.0 beside 8.3), at most two."""
    needed = 0
    for v in values:
        if _is_number(v):
            scaled = v / SCALES[scale]
            digits = f"{scaled:.{_precision(scaled, scale)}f}".rstrip("0").partition(".")[2]
            needed = max(needed, len(digits))
    return needed


def figure_units(spec: ChartSpec) -> list[str]:
    """Units of a key-figure card: one for all, or one a figure separated by “；” (元；户；%)."""
    parts = [p.strip() for p in re.split(r"[；;]", spec.unit)]
    if len(parts) == 1:
        return parts * len(spec.categories)
    return parts


# ---- labels --------------------------------------------------------------------------------

def text_units(text: str) -> float:
    """Display width in em: CJK and full-width characters count 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def wrap_label(text: str, width: float, max_lines: int = 3, *, whole_words: bool = False) -> str:
    """Break a label into balanced lines of at most `width` em, ending with … when cut;
    `whole_words` (titles) breaks only between words, as GB/T 9704 wants titles broken."""
    width = max(width, 1.0)
    total = text_units(text)
    if total <= width:
        return text
    tokens = _word_tokens(text, width) if whole_words else _tokens(text, width)
    needed = math.ceil(total / width)
    limit = total / needed  # even lines read better than a one-character tail
    lines = _fill(tokens, limit)
    while len(lines) > needed and limit < width:
        limit = min(width, limit + 0.5)
        lines = _fill(tokens, limit)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join(lines)


_WORD = re.compile(r"[A-Za-z0-9.,%+\-]+|.", re.DOTALL)
_NO_LINE_START = set("）」』】〕》，。、；：？！%…")


def _tokens(text: str, width: float) -> list[str]:
    """Latin words and numbers stay whole unless wider than a line; other characters stand alone."""
    tokens: list[str] = []
    for token in _WORD.findall(text):
        tokens.extend(list(token) if text_units(token) > width else [token])
    return tokens


def _word_tokens(text: str, width: float) -> list[str]:
    """Whole words as tokens (a word wider than a line falls back to its characters)."""
    from .words import word_breaks

    cuts = [0, *sorted(word_breaks(text)), len(text)]
    tokens: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        word = text[start:end]
        tokens.extend(_tokens(word, width) if text_units(word) > width else [word])
    return tokens


def _fill(tokens: list[str], limit: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in tokens:
        fits = text_units(current + token) <= limit + 1e-9
        if current and not fits and token[0] not in _NO_LINE_START:
            lines.append(current)
            current = ""
        current += token
    lines.append(current)
    return lines
