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


def outline(body: str) -> list[Heading]:
    """The headings of a body, in order, with the index of their paragraph."""
    result = []
    for index, para in enumerate(paragraphs(body)):
        level = heading_level(para)
        if level:
            result.append(Heading(level, (heading_lead(para) or para)[:HEADING_MAX], index))
    return result


def char_count(text: str) -> int:
    """Characters as counted for Chinese text: everything except whitespace."""
    return sum(1 for ch in text if not ch.isspace())


def speaking_minutes(text: str, rate: int) -> float:
    """Estimated minutes to read a text aloud at `rate` characters a minute."""
    return char_count(text) / max(rate, 1)
