"""date-format: dates must read 2020年8月17日 (Arabic numerals, full year, no zero padding)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator

from ..model import Package
from ..numbers import parse_cn_int
from . import WARNING, Finding
from .parts import text_parts

_CN = "〇○零一二三四五六七八九十"
_SEPARATED = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])")
_PADDED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?")
_CHINESE = re.compile(rf"(?P<y>[〇○零一二三四五六七八九]{{4}})年(?:(?P<m>[{_CN}]{{1,2}})月(?:(?P<d>[{_CN}]{{1,3}})日)?)?")


def standard_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """2020年8月17日 / 2020年8月 / 2020年."""
    out = f"{year}年"
    if month:
        out += f"{month}月"
        if day:
            out += f"{day}日"
    return out


def date_problems(paragraph: str) -> Iterator[tuple[re.Match[str], str, str]]:
    """(match, message, standard form) for each non-standard date in a paragraph."""
    for m in _SEPARATED.finditer(paragraph):
        fixed = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if fixed:
            yield m, f"日期“{m[0]}”应写作“{fixed}”", fixed
    for m in _PADDED.finditer(paragraph):
        padded = m["m"].startswith("0") or (m["d"] or "").startswith("0")
        fixed = _valid(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
        if padded and fixed:
            yield m, f"日期“{m[0]}”中的月、日不编虚位（不补0），应写作“{fixed}”", fixed
    for m in _CHINESE.finditer(paragraph):
        year = int("".join(str(parse_cn_int(ch)) for ch in m["y"]))
        month = parse_cn_int(m["m"]) if m["m"] else None
        day = parse_cn_int(m["d"]) if m["d"] else None
        fixed = _valid(year, month, day)
        if fixed:
            yield m, f"日期“{m[0]}”应使用阿拉伯数字，写作“{fixed}”", fixed


def _valid(year: int, month: int | None, day: int | None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return None
    return standard_date(year, month, day)


def fix_dates(paragraph: str) -> str:
    """The paragraph with every non-standard date rewritten in the standard form."""
    for m, _message, fixed in sorted(date_problems(paragraph), key=lambda t: -t[0].start()):
        paragraph = paragraph[: m.start()] + fixed + paragraph[m.end():]
    return paragraph


def check_date_format(package: Package) -> Iterable[Finding]:
    """Dates in running text written as 2020-8-17, 2020.08.17, 2020年08月07日 or 二〇二〇年."""
    for part in text_parts(package):
        for index, para in enumerate(part.paragraphs):
            for m, message, fixed in date_problems(para):
                yield Finding("date-format", WARNING, part.part, index, m[0], message, fixed, "body")
