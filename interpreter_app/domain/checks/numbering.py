"""doc-number-format: 发文字号 in fields and in running text (〔〕, no 第, no zero padding)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Package
from ..validation import check_doc_number
from . import BLOCKING, Finding
from .parts import text_parts

# A 发文字号 inside text; the issuer code is taken loosely (up to 8 characters before the
# bracket) because only the bracket, 第 and serial part are ever rewritten.
DOC_NUMBER_IN_TEXT = re.compile(
    r"(?P<code>[\u4e00-\u9fffA-Za-z]{1,8})\s*(?P<rest>[〔【\[［(（{｛]\s*(?:19|20)\d{2}\s*[〕】\]］)）}｝]"
    r"\s*第?\s*\d{1,6}\s*号)"
)

# Words that often stand right before a 发文字号 and are not part of its issuer code.
_LEAD_WORDS = re.compile(r"^.*(?:根据|依据|按照|对照|参照|印发|转发|贯彻|落实|执行|详见|见|即|的|和|及|与|是)")


def doc_number_mentions(paragraph: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each 发文字号 in a paragraph, leading words trimmed off the code."""
    for m in DOC_NUMBER_IN_TEXT.finditer(paragraph):
        lead = _LEAD_WORDS.match(m["code"])
        start = m.start() + (lead.end() if lead and lead.end() < len(m["code"]) else 0)
        yield start, m.end(), paragraph[start:m.end()]


def check_doc_numbers(package: Package) -> Iterable[Finding]:
    """发文字号 fields and mentions in text must be well-formed."""
    yield from _field("document", "doc_number", package.document.doc_number)
    yield from _field("plan", "proposed_doc_number", package.plan.proposed_doc_number)
    for part in text_parts(package):
        for index, para in enumerate(part.paragraphs):
            yield from _in_text(part.part, index, para)


def _field(part: str, field: str, value: str) -> Iterable[Finding]:
    from ..script import to_simplified

    # 江政辦發〔2026〕9號 is well formed in Traditional script: the script check reports the script.
    problem = check_doc_number(to_simplified(value)) if value else check_doc_number(value)
    if problem:
        yield Finding("doc-number-format", BLOCKING, part, -1, value, problem.message,
                      problem.suggestion, field)


def _in_text(part: str, index: int, para: str) -> Iterable[Finding]:
    for _start, _end, text in doc_number_mentions(para):
        fixed = fix_doc_number_mention(text)
        if fixed != text:
            problem = check_doc_number(re.sub(r"\s+", "", text))
            message = problem.message if problem else "发文字号格式不规范"
            yield Finding("doc-number-format", BLOCKING, part, index, text,
                          f"正文中的{message}", fixed, "body")


def fix_doc_number_mention(text: str) -> str:
    """The mention with 〔〕, without 第, spaces or zero padding; the issuer code is untouched."""
    m = DOC_NUMBER_IN_TEXT.fullmatch(text)
    if not m:
        return text
    year = re.search(r"\d{4}", m["rest"])[0]
    serial = int(re.search(r"(\d{1,6})\s*号$", m["rest"])[1])
    return f"{m['code']}〔{year}〕{serial}号"
