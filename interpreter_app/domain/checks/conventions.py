"""Punctuation and numbering conventions of official texts (GB/T 15834-2011, GB/T 9704-2012):

- half-width-period: a half-width “.” ending a Chinese sentence (→ “。”);
- title-enumeration: 顿号 between 书名号 or quotation marks (《A》、《B》 → 《A》《B》);
- level3-number: “1、” as a level-3 number (→ “1.”);
- citation-order: a 发文字号 cited before the title (先引标题，后引发文字号)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ..model import Package
from . import WARNING, Finding
from .numbering import DOC_NUMBER_IN_TEXT
from .parts import excerpt, text_parts

_CJK = r"[\u3400-\u9fff）》”’]"
_HALF_PERIOD = re.compile(rf"(?<={_CJK})\.(?![\d.A-Za-z])")
_TITLE_COMMA = re.compile(r"(?<=[》”])、(?=[《“])")
_LEVEL3 = re.compile(r"^(\d{1,3})、")
_CITED_FIRST = re.compile(rf"(?P<number>{DOC_NUMBER_IN_TEXT.pattern})\s*(?P<title>《[^《》]{{2,80}}》)")


def fix_half_width_period(paragraph: str) -> str:
    """Half-width periods after Chinese text become “。”."""
    return _HALF_PERIOD.sub("。", paragraph)


def fix_title_enumeration(paragraph: str) -> str:
    """《A》、《B》 → 《A》《B》 and “A”、“B” → “A”“B”."""
    return _TITLE_COMMA.sub("", paragraph)


def fix_level3_number(paragraph: str) -> str:
    """1、 at the start → 1."""
    return _LEVEL3.sub(r"\1.", paragraph)


def fix_citation_order(paragraph: str) -> str:
    """江人社发〔2026〕12号《关于…的通知》 → 《关于…的通知》（江人社发〔2026〕12号）."""
    def swap(m: re.Match[str]) -> str:
        lead = _lead_words(m["code"])
        return f"{lead}{m['title']}（{m['number'][len(lead):].strip()}）"

    return _CITED_FIRST.sub(swap, paragraph)


def _lead_words(code: str) -> str:
    from .numbering import _LEAD_WORDS

    lead = _LEAD_WORDS.match(code)
    return lead[0] if lead and lead.end() < len(code) else ""


RULES: dict[str, tuple[re.Pattern[str], Callable[[str], str], str]] = {
    "half-width-period": (_HALF_PERIOD, fix_half_width_period, "中文句末使用了半角句点“.”，应使用句号“。”"),
    "title-enumeration": (_TITLE_COMMA, fix_title_enumeration,
                          "并列的书名号（或引号）之间不用顿号（GB/T 15834—2011 4.5.3.5）"),
    "level3-number": (_LEVEL3, fix_level3_number, "第三层序号应写作“1.”，不用“1、”"),
    "citation-order": (_CITED_FIRST, fix_citation_order,
                       "引用公文应先引标题，后引发文字号，如“《关于…的通知》（×发〔2026〕1号）”"),
}


def check_conventions(package: Package) -> Iterable[Finding]:
    """The four conventions above, each with its certain fix."""
    for part in text_parts(package):
        for index, para in enumerate(part.paragraphs):
            yield from _paragraph(part.part, index, para)


def _paragraph(part: str, index: int, para: str) -> Iterator[Finding]:
    for code, (pattern, fix, message) in RULES.items():
        m = pattern.search(para)
        if m is None:
            continue
        lo, hi = max(0, m.start() - 6), min(len(para), m.end() + 6)
        if code == "citation-order":
            lo, hi = m.start(), m.end()
        yield Finding(code, WARNING, part, index, para[lo:hi] or excerpt(para), message,
                      fix(para[lo:hi]), "body")
