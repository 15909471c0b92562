"""heading-sequence: 一、二、四 (skipped), 二、二、 (repeated), 一、 then 1. without （一）."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Package
from ..numbers import int_to_cn, parse_cn_int
from ..text import ATTACHMENT_NOTE, article_level, heading_level
from . import WARNING, Finding
from .parts import PartText, excerpt, text_parts

_NUMBER = re.compile(r"^[（(]?(?P<n>[一二三四五六七八九十百零〇]+|\d{1,3})")
LEVEL_LABELS = {1: "“一、”", 2: "“（一）”", 3: "“1.”", 4: "“（1）”"}


def heading_number(paragraph: str) -> int | None:
    """The number of a numbered heading (四、 → 4, （12） → 12), None when unreadable."""
    m = _NUMBER.match(paragraph.lstrip())
    if not m:
        return None
    raw = m["n"]
    return int(raw) if raw.isdigit() else parse_cn_int(raw)


def label(level: int, n: int) -> str:
    """The numbering prefix of a heading: 三、 / （三） / 3. / （3）."""
    if level == 1:
        return f"{int_to_cn(n)}、"
    if level == 2:
        return f"（{int_to_cn(n)}）"
    return f"{n}." if level == 3 else f"（{n}）"


def check_heading_sequence(package: Package) -> Iterable[Finding]:
    """Numbering of headings must run on without gaps, repeats or skipped levels."""
    for part in text_parts(package):
        yield from _part_findings(part)


def _part_findings(part: PartText) -> Iterator[Finding]:
    from ..noise import without_garbage
    from ..script import to_simplified
    from .duplicates import repeated_runs

    # A heading broken by inserted characters (三龘鬣、) still counts, as the garbage check
    # reports it; headings inside a repeated block are reported once, as the repeat.
    readable = without_garbage([to_simplified(p) for p in part.paragraphs])
    repeated = {i for start, _o, n in repeated_runs(part.paragraphs) if n >= 2
                for i in range(start, start + n)}
    last: dict[int, int] = {}  # level → last number seen under the current parent
    ever: dict[int, int] = {}  # level → last number seen anywhere (tasks often number on)
    previous_level = 0
    in_attachments = False
    for index, para in enumerate(readable):
        if index in repeated:
            continue
        if ATTACHMENT_NOTE.match(para):
            in_attachments = True  # 附件：1. … 2. … names attachments, not headings
            continue
        if article_level(para):
            last.clear()  # the 项 （一）（二） of each 条 start again
            previous_level = 0
            in_attachments = False
            continue
        level = heading_level(para)
        n = heading_number(para) if level else None
        if not level or n is None:
            in_attachments = False
            continue
        if in_attachments:
            continue
        if previous_level < level:  # report a skipped level once, where it is entered
            yield from _jump(part.part, index, para, level, last)
        previous_level = level
        expected = last.get(level, 0) + 1
        # Under a new parent, numbering may restart at 1 or continue from the previous section.
        ok = n == expected or (level not in last and n in (1, ever.get(level, 0) + 1))
        if not ok:
            yield _sequence_finding(part.part, index, para, level, n, expected, last.get(level))
        last[level] = ever[level] = n
        for deeper in [k for k in last if k > level]:
            del last[deeper]


def _jump(part: str, index: int, para: str, level: int, last: dict[int, int]) -> Iterator[Finding]:
    shallower = [k for k in last if k < level]
    if shallower and max(shallower) < level - 1:
        missing = LEVEL_LABELS[level - 1]
        yield Finding("heading-sequence", WARNING, part, index, excerpt(para),
                      f"标题层级跳级：{LEVEL_LABELS[max(shallower)]}之下直接使用了{LEVEL_LABELS[level]}，"
                      f"缺少{missing}一级", None, "body")


def _sequence_finding(part: str, index: int, para: str, level: int, n: int, expected: int,
                      previous: int | None) -> Finding:
    if previous is not None and n == previous:
        what = f"序号重复：{label(level, n)}出现两次"
    elif n < expected:
        what = f"序号倒退：{label(level, previous or 0)}之后是{label(level, n)}"
    else:
        what = f"序号跳号：应为{label(level, expected)}，实为{label(level, n)}"
    return Finding("heading-sequence", WARNING, part, index, excerpt(para), what,
                   label(level, expected), "body")
