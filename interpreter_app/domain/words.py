"""Where a Chinese title may break between lines: between words, never inside one.

GB/T 9704 wants a title broken so that each line keeps its words whole (“词意完整”): 图解《关于
/ 实施意见》 reads, 图解《关 / 于实施意见》 does not. The words come from the word list the
garbage-character check uses (`noise.word_list`, built from jieba's dictionary): the text is cut
into the fewest dictionary words, a run of digits or Latin letters counting as one.
"""

from __future__ import annotations

import functools

from .noise import word_list

# Never end a line after an opening mark, nor start one with a closing mark or a pause.
NO_BREAK_AFTER = frozenset("（《“‘〔【「")
NO_BREAK_BEFORE = frozenset("）》”’〕】」，。、；：？！…%")
LONGEST_WORD = 4


def _is_latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".-")


@functools.lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """The text cut into the fewest dictionary words (other characters stand alone)."""
    known = word_list()[0]
    n = len(text)
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, 0)] * n  # (tokens so far, start of last)
    for end in range(1, n + 1):
        candidates = [end - 1]  # one character
        if _is_latin(text[end - 1]):
            start = end - 1
            while start > 0 and _is_latin(text[start - 1]):
                start -= 1
            candidates.append(start)
        candidates += [end - size for size in range(2, LONGEST_WORD + 1)
                       if end - size >= 0 and text[end - size:end] in known]
        best[end] = min((best[start][0] + 1, start) for start in candidates)
    cuts, end = [], n
    while end > 0:
        start = best[end][1]
        cuts.append(text[start:end])
        end = start
    return tuple(reversed(cuts))


def word_breaks(text: str) -> frozenset[int]:
    """Indices i where a line may end after text[:i]: word ends, except after an opening mark
    or before a closing mark or punctuation."""
    breaks, position = set(), 0
    for word in words(text)[:-1]:
        position += len(word)
        if text[position - 1] not in NO_BREAK_AFTER and text[position] not in NO_BREAK_BEFORE:
            breaks.add(position)
    return frozenset(breaks)
