"""Certain fixes for findings: 〔〕 in 发文字号, full-width punctuation, dates, t2s, page furniture."""

from __future__ import annotations

from collections.abc import Callable

from . import Finding
from .dates import fix_dates
from .punctuation import fix_punctuation

FIXABLE = ("doc-number-format", "punctuation", "date-format", "traditional-script", "web-leftover",
           "template-text", "internal-note", "half-width-period", "title-enumeration",
           "level3-number", "citation-order")
# Fixes that delete a whole paragraph or the matched note, with no suggestion to show.
_REMOVALS = ("web-leftover", "template-text", "internal-note")


def can_fix(finding: Finding) -> bool:
    """Whether fix_finding has a certain fix for this finding."""
    if finding.code not in FIXABLE:
        return False
    if finding.code in _REMOVALS:
        return finding.paragraph >= 0
    return finding.code == "traditional-script" or finding.suggestion is not None


def fix_finding(text: str, finding: Finding) -> str | None:
    """The part's text (or field value) fixed; None if no certain fix or the text has moved on."""
    if not can_fix(finding):
        return None
    if finding.paragraph < 0:
        return _fix_field(text, finding)
    if finding.code == "traditional-script" and finding.field == "text":
        return _simplified(text)
    lines = text.replace("\r\n", "\n").split("\n")
    located = _locate(lines, finding.paragraph)
    if located is None:
        return None
    number, indent = located
    para = lines[number].strip()
    if finding.excerpt and finding.excerpt not in para:
        return None  # stale: the paragraph changed since the check ran
    fixed = _PARAGRAPH_FIXERS[finding.code](para, finding)
    if finding.code in ("web-leftover", "template-text") or not fixed:
        del lines[number]
        return "\n".join(lines)
    if fixed == para:
        return None
    lines[number] = lines[number][:indent] + fixed
    return "\n".join(lines)


def _fix_field(value: str, finding: Finding) -> str | None:
    if finding.code == "doc-number-format" and value.strip() == finding.excerpt.strip():
        return finding.suggestion
    return None


def _locate(lines: list[str], paragraph: int) -> tuple[int, int] | None:
    """(line number, indent) of the paragraph as domain.text.paragraphs counts them."""
    count = -1
    for number, line in enumerate(lines):
        if line.strip():
            count += 1
            if count == paragraph:
                return number, len(line) - len(line.lstrip())
    return None


def _without_note(para: str) -> str:
    from .readiness import INTERNAL_NOTE

    return INTERNAL_NOTE.sub("", para).strip()


def _replace(para: str, finding: Finding) -> str:
    return para.replace(finding.excerpt, finding.suggestion or finding.excerpt, 1)


def _simplified(text: str) -> str:
    from ..script import to_simplified

    return to_simplified(text)


_PARAGRAPH_FIXERS: dict[str, Callable[[str, Finding], str]] = {
    "doc-number-format": _replace,
    "punctuation": lambda para, _f: fix_punctuation(para),
    "date-format": lambda para, f: _replace(para, f) if f.excerpt in para else fix_dates(para),
    "traditional-script": lambda para, _f: _simplified(para),
    "internal-note": lambda para, _f: _without_note(para),
    "half-width-period": _replace,
    "title-enumeration": _replace,
    "level3-number": _replace,
    "citation-order": _replace,
    "web-leftover": lambda para, _f: "",
    "template-text": lambda para, _f: "",
}
