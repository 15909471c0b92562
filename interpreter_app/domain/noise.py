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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

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
    return tuple((a, b) for a, b in trimmed if _suspicious(paragraph[a:b], singles))


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
