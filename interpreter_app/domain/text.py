"""The text model: one paragraph per line, heading level derived from the numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇"
LEVEL_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^[{_CN_NUM}]+、")),
    (2, re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    (3, re.compile(r"^\d{1,3}[.．](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,3}[）)]")),
)
# Chapters, sections and articles of 办法、规定、条例: 第一章 总则 / 第一节 / 第一条 ….
ARTICLE_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{_CN_NUM}\d]+章(?:\s|　|$)")),
    (2, re.compile(rf"^第[{_CN_NUM}\d]+节(?:\s|　|$)")),
    (3, re.compile(rf"^第[{_CN_NUM}\d]+条(?:\s|　|$)")),
)
# 附件说明 (GB/T 9704 7.3.5): “附件：1. …” and the numbered names under it are no headings.
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]")
# A heading is short and usually has no full stop before its end; longer numbered items are
# "run-in" headings: the numbered lead sentence followed by body text in the same paragraph.
HEADING_MAX = 60


@dataclass(frozen=True)
class Heading:
    """One entry of the outline."""

    level: int
    text: str
    paragraph: int


# Direction overrides and isolates reorder what is shown without changing what is stored (a
# signed opinion 同意\u202e意同不 reads “同意不同意”); C1 controls only come from text decoded
# with the wrong code page. Nobody means either, so every entry path drops them.
_HIDDEN_CONTROLS = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def drop_hidden_controls(text: str) -> str:
    """The text without bidi overrides/isolates (U+202A–E, U+2066–9) and C1 controls (U+0080–9F)."""
    return _HIDDEN_CONTROLS.sub("", text)


def count_hidden_controls(text: str) -> int:
    """How many characters drop_hidden_controls would remove."""
    return len(_HIDDEN_CONTROLS.findall(text))


def paragraphs(body: str) -> list[str]:
    """The paragraphs of a body: lines stripped of surrounding whitespace, empty ones dropped."""
    return [p.strip() for p in body.replace("\r\n", "\n").split("\n") if p.strip()]


def heading_level(paragraph: str) -> int:
    """1–4 for 一、（一）1.（1）numbering, 0 for body text."""
    text = paragraph.lstrip()
    for level, pattern in LEVEL_PATTERNS:
        if pattern.match(text):
            return level
    return 0


# A numbered paragraph longer than this that is one sentence is an enumerated clause (common
# in 办法 and 规定), set as body text, not a heading.
CLAUSE_MIN = 40


def heading_lead(paragraph: str) -> str:
    """The heading part of a numbered paragraph: up to the first 。 when the rest is body text,
    the whole paragraph when it is a short heading, "" when it is a long one-sentence clause."""
    for stop in ("。", "：", ":"):
        idx = paragraph.find(stop)
        if 0 < idx < len(paragraph) - 1:
            return paragraph[: idx + 1]
    return paragraph if len(paragraph) <= CLAUSE_MIN else ""


def article_level(paragraph: str) -> int:
    """1 for 第X章, 2 for 第X节, 3 for 第X条, 0 otherwise."""
    text = paragraph.lstrip()
    for level, pattern in ARTICLE_PATTERNS:
        if pattern.match(text):
            return level
    return 0


def outline(body: str) -> list[Heading]:
    """The headings of a body, in order, with the index of their paragraph.

    A body organised in 章/节/条 is outlined by those (the 项 （一） inside an article are not
    headings); other bodies by their 一、（一）1.（1）numbering. Lines of an 附件说明 are
    never headings."""
    paras = paragraphs(body)
    articles = any(article_level(p) for p in paras)
    result = []
    in_attachments = False
    for index, para in enumerate(paras):
        if ATTACHMENT_NOTE.match(para):
            in_attachments = True
            continue
        level = article_level(para) if articles else heading_level(para)
        if in_attachments and level and not article_level(para):
            continue
        in_attachments = False
        if level:
            text = _article_title(para) if articles and level < 3 else heading_lead(para) or para
            result.append(Heading(level, text[:HEADING_MAX], index))
    return result


def _article_title(para: str) -> str:
    return para if len(para) <= HEADING_MAX else heading_lead(para) or para


def char_count(text: str) -> int:
    """Characters as counted for Chinese text: everything except whitespace."""
    return sum(1 for ch in text if not ch.isspace())


def speaking_minutes(text: str, rate: int) -> float:
    """Estimated minutes to read a text aloud at `rate` characters a minute."""
    return char_count(text) / max(rate, 1)
