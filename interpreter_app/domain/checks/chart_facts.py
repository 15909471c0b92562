"""chart-mismatch: a chart value that contradicts what the document says about its category."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ..model import ChartSpec, Package
from ..numbers import MULTIPLIERS, canonical, normalize_quantities
from . import WARNING, Finding

# A clause: a category and its figure are stated together between commas.
_SENTENCE = re.compile(r"[^，,。；;！？：:\n]+")


def _scaled(value: float, unit: str) -> set[str]:
    """The value as the document may write it: 60 with unit 万人 is 60 or 600000."""
    out = {canonical(Decimal(str(value)))}
    for word, factor in MULTIPLIERS.items():
        if unit.startswith(word):
            out.add(canonical(Decimal(str(value)) * factor))
    return out


def _label_forms(category: str) -> list[str]:
    """How a category is named in running text: 2026年 also as 2026; 一季度 as is."""
    label = category.strip()
    forms = [label]
    if label.endswith("年") and label[:-1].isdigit():
        forms.append(label[:-1])
    return [f for f in forms if len(f) >= 2]


def chart_contradictions(chart: ChartSpec, document: str) -> Iterator[tuple[str, str, str]]:
    """(category, chart value, the document's figures) where a sentence of the document names
    the category and the series, states figures in the chart's unit, and none equals the value."""
    percent = chart.unit.strip() in ("%", "％", "百分比")
    sentences = _SENTENCE.findall(document)
    for series in chart.series:
        for i, category in enumerate(chart.categories):
            value = series.values[i] if i < len(series.values) else None
            if value is None:
                continue
            wanted = _scaled(value, chart.unit)
            stated = _stated(sentences, category, series.name, chart.title, percent,
                             _base_unit(chart.unit))
            if stated and not any(v in wanted for v, _t in stated):
                shown = canonical(Decimal(str(value))) + chart.unit
                yield category, shown, "、".join(dict.fromkeys(t for _v, t in stated))


def _base_unit(unit: str) -> str:
    """The measure of a chart unit without its multiplier: 万人 → 人, 亿元 → 元, % → ''."""
    unit = unit.strip()
    for word in sorted(MULTIPLIERS, key=len, reverse=True):
        if unit.startswith(word):
            return unit[len(word):]
    return "" if unit in ("%", "％", "百分比") else unit


def _stated(sentences: list[str], category: str, series: str, title: str,
            percent: bool, unit: str) -> list[tuple[str, str]]:
    out = []
    topics = [w for w in (series.strip(), title.strip()) if len(w) >= 2]
    for sentence in sentences:
        if not any(f in sentence for f in _label_forms(category)):
            continue
        if topics and not any(_shares_words(t, sentence) for t in topics):
            continue
        kinds = ("percent",) if percent else ("number",)
        out += [(q.value, q.text) for q in normalize_quantities(sentence)
                if q.kind in kinds and sentence[q.end:].startswith(unit)]
    return out


def _shares_words(topic: str, sentence: str) -> bool:
    """Whether the sentence is about the topic: two consecutive characters of it appear there."""
    return any(topic[i:i + 2] in sentence for i in range(len(topic) - 1)
               if not re.search(r"[\d年月（）()]", topic[i:i + 2]))


def check_chart_facts(package: Package) -> Iterable[Finding]:
    """Chart values against the document's figures for the same category."""
    document = package.document.body
    if not document.strip():
        return
    for index, material in enumerate(package.materials):
        if material.chart is None:
            continue
        for category, shown, stated in chart_contradictions(material.chart, document):
            yield Finding("chart-mismatch", WARNING, f"material:{index}", -1, f"{category} {shown}",
                          f"图表中“{category}”为{shown}，政策文件中相应的数字为“{stated}”，请核对",
                          None, "chart")
