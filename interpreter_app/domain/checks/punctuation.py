"""punctuation: half-width marks in Chinese text, unbalanced pairs, doubled marks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Package
from . import WARNING, Finding
from .parts import excerpt, text_parts

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("〔", "〕"), ("【", "】"))
_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》…—]"
_HALF = re.compile(r"([,:;?!])\1* *")
_PAREN = re.compile(r"\(([^()]*)\)")
_DOUBLED = re.compile(r"([，。、；：！？])\1+")
_QUOTES = re.compile(r'"([^"]*)"')


def _is_cjk(ch: str) -> bool:
    return bool(ch) and re.match(_CJK, ch) is not None


def fix_punctuation(paragraph: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese become full-width; doubled marks become one."""
    text = _QUOTES.sub(_quote_repl, paragraph) if paragraph.count('"') % 2 == 0 else paragraph
    text = _PAREN.sub(_paren_repl, text)
    text = _HALF.sub(_mark_repl, text)
    return _DOUBLED.sub(r"\1", text)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[:start].rstrip(" ")[-1:]
    after = text[end:].lstrip(" ")[:1]
    return before, after


def _mark_repl(m: re.Match[str]) -> str:
    before, after = _neighbours(m.string, m.start(), m.start() + 1)
    if before.isdigit() and after.isdigit():
        return m[0]  # 1,000 and 10:30 stay
    if _is_cjk(before) or (_is_cjk(after) and not before.isalpha()):
        return HALF_TO_FULL[m[1]]  # the space after a half-width mark goes with it
    return m[0]


def _paren_repl(m: re.Match[str]) -> str:
    text = m.string
    before, after = _neighbours(text, m.start(), m.end())
    inner = m[1]
    if any(_is_cjk(ch) for ch in inner) or _is_cjk(before) or _is_cjk(after):
        return f"（{inner}）"
    return m[0]


def _quote_repl(m: re.Match[str]) -> str:
    inner = m[1]
    return f"“{inner}”" if any(_is_cjk(ch) for ch in inner) else m[0]


def unbalanced_pairs(paragraph: str) -> list[str]:
    """The pairs (《》, “”, （）…) whose opening and closing counts differ in the paragraph."""
    return [a + b for a, b in PAIRS if paragraph.count(a) != paragraph.count(b)]


FIX_ALL = "全部改为全角"


def check_punctuation(package: Package) -> Iterable[Finding]:
    """Full-width punctuation in Chinese text (one grouped finding a part, one fix for all);
    balanced 《》“”（）; no doubled marks."""
    for part in text_parts(package):
        places = [(index, para) for index, para in enumerate(part.paragraphs)
                  if fix_punctuation(para) != para]
        if len(places) == 1:
            index, para = places[0]
            fixed = fix_punctuation(para)
            lo = max(0, _first_difference(para, fixed) - 8)
            yield Finding("punctuation", WARNING, part.part, index, para[lo:lo + 20],
                          _describe(para), fixed[lo:lo + 20], "body")
        elif places:
            yield _grouped(part.part, places)
        for index, para in enumerate(part.paragraphs):
            yield from _paragraph_findings(part.part, index, para)


def _grouped(part: str, places: list[tuple[int, str]]) -> Finding:
    index, para = places[0]
    marks = sum(len(_HALF.findall(p)) + len(_PAREN.findall(p)) + len(_DOUBLED.findall(p))
                for _, p in places)
    reasons = "；".join(dict.fromkeys(_describe(p) for _, p in places))
    return Finding("punctuation", WARNING, part, index, excerpt(para),
                   f"{len(places)}段共约{marks}处标点不规范：{reasons}", FIX_ALL, "body",
                   places=tuple(i for i, _ in places))


def _paragraph_findings(part: str, index: int, para: str) -> Iterator[Finding]:
    fixed = fix_punctuation(para)
    for pair in unbalanced_pairs(fixed):
        yield Finding("punctuation", WARNING, part, index, excerpt(para),
                      f"{pair}不配对，请检查是否漏写或多写", None, "body")


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def _describe(para: str) -> str:
    halves = any(ch in para for ch in ',:;?!()"')
    parts = []
    if halves:
        parts.append("中文语句中使用了半角标点，应使用全角标点")
    if _DOUBLED.search(para):
        parts.append("标点重复（如“，，”“。。”）")
    return "；".join(parts) or "标点不规范"
