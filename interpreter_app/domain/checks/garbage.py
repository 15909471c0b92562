"""garbage-chars: runs of inserted characters that form no words (anti-scraping noise)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Package
from ..noise import garbage_runs
from ..script import to_simplified
from . import WARNING, Finding
from .parts import excerpt, text_parts
from .web import furniture_blocks


def check_garbage_characters(package: Package) -> Iterable[Finding]:
    """Each run of inserted characters, with the run removed as its fix."""
    for part in text_parts(package):
        simplified = [to_simplified(p) for p in part.paragraphs]
        furniture = {i for start, n in furniture_blocks(part.paragraphs) for i in range(start, start + n)}
        for run in garbage_runs(simplified):
            if run.paragraph in furniture:
                continue  # reported, and removed, as furniture
            para = part.paragraphs[run.paragraph]
            original = para[run.start:run.end] if len(para) == len(simplified[run.paragraph]) \
                else run.text
            yield Finding("garbage-chars", WARNING, part.part, run.paragraph, original,
                          f"疑似插入的乱码字符“{original}”（在上下文中不成词），"
                          f"所在位置：“{excerpt(para, run.start, run.end, width=16)}”，建议删除",
                          "", "body")
