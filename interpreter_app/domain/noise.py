"""Inserted garbage characters: runs of characters that form no words in their context.

Anti-scraping filters and broken conversions insert short runs of random characters into the
text (“推进政务公开犇鬻彧工作”, a heading “三龘鬣、…”). Each character of a paragraph is
covered when it belongs to a word of two to four characters from a word list built at
development time (jieba's dictionary, see tests/support/make_word_list.py) or stands alone as a
common single-character word (的、和、省…). A run of two or more uncovered characters that is
not a common single character pair, and does not recur elsewhere in the document (real
abbreviations and names recur, random insertions do not), is reported as garbage.

Shared by import and the checks. Measured precision and recall: `make bench`
(tests/bench/bench_garbage.py), figures in docs/performance.md.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

# Personal names are the usual run no word covers in real text: a surname, then one or two
# characters, next to a title (副局长吴晓燕、沈如松教授).
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
                     "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
                     "顾毛郝龚邵万钱严覃武戴莫孔向汤")
_TITLE_BEFORE = re.compile(r"(?:长|任|记|授|员|师|士|者|人|理|官|委|席|事|监|：|:|、|，)$")
_TITLE_AFTER = re.compile(r"^(?:副?(?:厅长|局长|主任|处长|科长|书记|省长|市长|县长|部长|司长|院长|所长|校长|"
                          r"委员|教授|研究员|博士|同志|先生|女士|主席|秘书长|巡视员|总经济师|总工程师))")
RUN_MIN = 2
RUN_MAX = 8  # longer uncovered stretches are names or foreign words, not inserted noise
WORD_LENGTHS = (4, 3, 2)


@dataclass(frozen=True)
class GarbageRun:
    """One run of inserted characters in a paragraph: [start, end)."""

    paragraph: int
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=1)
def word_list() -> tuple[frozenset[str], frozenset[str]]:
    """(words of two to four characters, single characters that stand alone as words)."""
    data = resources.files("interpreter_app.domain").joinpath("data", "words.txt.gz").read_bytes()
    words_part, _, singles = gzip.decompress(data).decode("utf-8").partition("\n#\n")
    return frozenset(words_part.split("\n")), frozenset(singles.strip())


def uncovered_runs(paragraph: str) -> list[tuple[int, int]]:
    """[start, end) of each maximal run of CJK characters that no word covers."""
    return list(_uncovered_runs(paragraph))


@functools.lru_cache(maxsize=16384)  # import, the checks and the heading check read the same text
def _uncovered_runs(paragraph: str) -> tuple[tuple[int, int], ...]:
    words, singles = word_list()
    n = len(paragraph)
    covered = [not "\u4e00" <= ch <= "\u9fff" for ch in paragraph]
    for i in range(n):
        if covered[i]:
            continue
        for length in WORD_LENGTHS:
            if i + length <= n and paragraph[i:i + length] in words:
                for k in range(i, i + length):
                    covered[k] = True
                break
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if covered[i]:
            i += 1
            continue
        j = i
        while j < n and not covered[j]:
            j += 1
        runs.append((i, j))
        i = j
    trimmed = [_trim(paragraph, a, b, singles) for a, b in runs]
    return tuple((a, b) for a, b in trimmed
                 if _suspicious(paragraph[a:b], singles) and not _is_name(paragraph, a, b))


def _is_name(paragraph: str, a: int, b: int) -> bool:
    """A surname plus the run (吴|晓燕) standing next to a title is a person's name."""
    if b - a > 3:
        return False
    if paragraph[a] in SURNAMES and b - a >= 2:
        start = a
    elif a > 0 and paragraph[a - 1] in SURNAMES and b - a <= 2:
        start = a - 1
    else:
        return False
    return bool(_TITLE_BEFORE.search(paragraph[:start]) or _TITLE_AFTER.match(paragraph[b:]))


def _trim(paragraph: str, a: int, b: int, singles: frozenset[str]) -> tuple[int, int]:
    """The run without common single-character words at its edges (三 of a heading 三龘鬣、)."""
    while a < b and paragraph[a] in singles:
        a += 1
    while b > a and paragraph[b - 1] in singles:
        b -= 1
    return a, b


def _suspicious(run: str, singles: frozenset[str]) -> bool:
    if not RUN_MIN <= len(run) <= RUN_MAX:
        return False
    odd = sum(1 for ch in run if ch not in singles)
    return odd >= 2


def garbage_runs(paragraphs: list[str]) -> list[GarbageRun]:
    """Garbage runs of a document; a run whose text recurs in the document is kept as real."""
    found = [(index, a, b, para[a:b]) for index, para in enumerate(paragraphs)
             for a, b in uncovered_runs(para)]
    counts = Counter(text for *_, text in found)
    return [GarbageRun(index, a, b, text) for index, a, b, text in found if counts[text] == 1
            and not _recurs(text, paragraphs, index)]


def _recurs(text: str, paragraphs: Iterable[str], own: int) -> bool:
    """Whether the run also occurs inside another paragraph (there covered by longer context)."""
    return any(text in para for i, para in enumerate(paragraphs) if i != own)


def strip_runs(paragraph: str, runs: Iterable[tuple[int, int]]) -> str:
    """The paragraph with the given [start, end) runs removed."""
    out, last = [], 0
    for a, b in sorted(runs):
        out.append(paragraph[last:a])
        last = b
    out.append(paragraph[last:])
    return "".join(out)


def without_garbage(paragraphs: list[str]) -> list[str]:
    """The paragraphs with every garbage run removed."""
    by_para: dict[int, list[tuple[int, int]]] = {}
    for run in garbage_runs(paragraphs):
        by_para.setdefault(run.paragraph, []).append((run.start, run.end))
    return [strip_runs(p, by_para[i]) if i in by_para else p for i, p in enumerate(paragraphs)]
