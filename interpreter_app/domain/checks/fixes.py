"""Certain fixes for findings: 〔〕 in 发文字号, full-width punctuation, dates, t2s, page furniture."""

from __future__ import annotations

from collections.abc import Callable

from . import Finding
from .dates import fix_dates
from .punctuation import fix_punctuation

FIXABLE = ("doc-number-format", "punctuation", "date-format", "traditional-script", "web-leftover",
           "template-text", "internal-note", "half-width-period", "title-enumeration",
           "level3-number", "citation-order", "duplicate-paragraph", "garbage-chars",
           "variant-term")
# Fixes that delete a whole paragraph or the matched note, with no suggestion to show.
_REMOVALS = ("web-leftover", "template-text", "internal-note")
# Fixes that remove whole paragraphs: the run of furniture, the repeated block.
_REMOVES_BLOCK = ("web-leftover", "duplicate-paragraph")


def can_fix(finding: Finding) -> bool:
    """Whether fix_finding has a certain fix for this finding."""
    if finding.code not in FIXABLE:
        return False
    if finding.code == "duplicate-paragraph":
        return finding.span >= 2  # a single repeated line may be meant; a block never is
    if finding.code in _REMOVALS:
        return finding.paragraph >= 0
    return finding.code == "traditional-script" or finding.suggestion is not None


def is_multi_paragraph(finding: Finding) -> bool:
    """Whether the fix touches more than one paragraph (a block or a group)."""
    return finding.span > 1 or len(finding.places) > 1


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
    if finding.code in _REMOVES_BLOCK:
        return _remove_block(lines, finding)
    if len(finding.places) > 1:
        return _fix_places(lines, finding)
    fixed = _PARAGRAPH_FIXERS[finding.code](para, finding)
    if finding.code == "template-text" or not fixed:
        del lines[number]
        return "\n".join(lines)
    if fixed == para:
        return None
    lines[number] = lines[number][:indent] + fixed
    return "\n".join(lines)


def _remove_block(lines: list[str], finding: Finding) -> str | None:
    numbers = [_locate(lines, finding.paragraph + k) for k in range(finding.span)]
    if any(n is None for n in numbers):
        return None
    drop = {n[0] for n in numbers if n is not None}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _fix_places(lines: list[str], finding: Finding) -> str | None:
    """One fix for every paragraph of a grouped finding (all punctuation, one term everywhere)."""
    changed = False
    for paragraph in finding.places:
        located = _locate(lines, paragraph)
        if located is None:
            continue
        number, indent = located
        para = lines[number].strip()
        fixed = _PARAGRAPH_FIXERS[finding.code](para, finding)
        if fixed != para:
            lines[number] = lines[number][:indent] + fixed
            changed = True
    return "\n".join(lines) if changed else None


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
    "garbage-chars": lambda para, f: para.replace(f.excerpt, "", 1),
    "variant-term": lambda para, f: _replace_term(para, f),
    "internal-note": lambda para, _f: _without_note(para),
    "half-width-period": _replace,
    "title-enumeration": _replace,
    "level3-number": _replace,
    "citation-order": _replace,
    "web-leftover": lambda para, _f: "",
    "template-text": lambda para, _f: "",
}


def _replace_term(para: str, finding: Finding) -> str:
    """Every suggested occurrence of the term in the paragraph replaced."""
    from ..script import variant_term_suggestions

    from_here = [s for s in variant_term_suggestions(para) if s.replacement == finding.suggestion]
    for s in sorted(from_here, key=lambda s: s.start, reverse=True):
        para = para[:s.start] + s.replacement + para[s.end:]
    return para
