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


def check_duplicate_paragraphs(package: Package) -> Iterable[Finding]:
    """Repeated paragraphs; a repeated run of two or more (a pasted section twice) blocks."""
    for part in text_parts(package):
        yield from _part_findings(part)


def repeated_runs(paragraphs: list[str]) -> list[tuple[int, int, int]]:
    """(start of the repeat, start of the first occurrence, length) for each repeated run."""
    keys = [_SPACE.sub("", p) for p in paragraphs]
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
    return runs


def _part_findings(part: PartText) -> Iterator[Finding]:
    for start, orig, length in repeated_runs(part.paragraphs):
        para = part.paragraphs[start]
        if length >= 2:
            message = (f"第{start + 1}段起的{length}段与第{orig + 1}段起的内容完全重复"
                       "（疑似整节重复粘贴），请删除重复部分")
            severity = BLOCKING
        else:
            message = f"第{start + 1}段与第{orig + 1}段内容重复，请确认是否需要保留"
            severity = WARNING
        yield Finding("duplicate-paragraph", severity, part.part, start, excerpt(para), message,
                      None, "body")
