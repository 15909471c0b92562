"""duplicate-paragraph: a paragraph, or a whole run of paragraphs, repeated within one part."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Package
from ..text import char_count
from . import BLOCKING, WARNING, Finding
from .parts import PartText, excerpt, text_parts

MIN_CHARS = 10  # shorter lines (headings such as 一、总体要求) repeat legitimately
_SPACE = re.compile(r"\s+")
# Half- and full-width marks compare equal: a copy often differs only in its punctuation.
_MARKS = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
MERGE_GAP = 1  # a repeat broken by one changed paragraph (noise inserted) is still one block


def _key(paragraph: str) -> str:
    return _SPACE.sub("", paragraph).translate(_MARKS)


def check_duplicate_paragraphs(package: Package) -> Iterable[Finding]:
    """Repeated paragraphs; a repeated run of two or more (a pasted section twice) blocks."""
    for part in text_parts(package):
        yield from _part_findings(part)


def repeated_runs(paragraphs: list[str]) -> list[tuple[int, int, int]]:
    """(start of the repeat, start of the first occurrence, length) for each repeated run."""
    keys = [_key(p) for p in paragraphs]
    first: dict[str, int] = {}
    covered: set[int] = set()
    runs = []
    for i, key in enumerate(keys):
        j = first.setdefault(key, i)
        if j == i or i in covered or char_count(key) < MIN_CHARS:
            continue
        start, orig, length, gap = i, j, 1, i - j
        # Grow back over shorter lines (a repeated heading) and forward over the rest of the
        # section, never letting the repeat overlap its original.
        while (orig > 0 and length < gap and start - 1 not in covered
               and keys[start - 1] == keys[orig - 1]):
            start, orig, length = start - 1, orig - 1, length + 1
        while start + length < len(keys) and length < gap and keys[start + length] == keys[orig + length]:
            length += 1
        covered.update(range(start, start + length))
        runs.append((start, orig, length))
    return _merged(runs)


def _merged(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Runs at the same distance from their original, apart by at most MERGE_GAP, as one."""
    out: list[tuple[int, int, int]] = []
    for start, orig, length in runs:
        if out:
            s0, o0, l0 = out[-1]
            if start - orig == s0 - o0 and 0 <= start - (s0 + l0) <= MERGE_GAP:
                out[-1] = (s0, o0, start + length - s0)
                continue
        out.append((start, orig, length))
    return out


def _part_findings(part: PartText) -> Iterator[Finding]:
    for start, orig, length in repeated_runs(part.paragraphs):
        para = part.paragraphs[start]
        if length >= 2:
            message = (f"第{start + 1}–{start + length}段与第{orig + 1}–{orig + length}段重复"
                       f"（共{length}段，疑似整节重复粘贴），可一键删除重复部分")
            severity = BLOCKING
        else:
            message = f"第{start + 1}段与第{orig + 1}段内容重复，请确认是否需要保留"
            severity = WARNING
        yield Finding("duplicate-paragraph", severity, part.part, start, excerpt(para), message,
                      None, "body", span=length)
