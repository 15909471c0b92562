"""Where a Chinese title may break between lines: between words, never inside one.

GB/T 9704 wants a title broken so that each line keeps its words whole (“词意完整”): 图解《关于
/ 实施意见》 reads, 图解《关 / 于实施意见》 does not. Words come from jieba's dictionary
(imported on first use: loading it takes about half a second, spent by an export or a chart
preview, never by start-up).
"""

from __future__ import annotations

import functools

# Never end a line after an opening mark, nor start one with a closing mark or a pause.
NO_BREAK_AFTER = frozenset("（《“‘〔【「")
NO_BREAK_BEFORE = frozenset("）》”’〕】」，。、；：？！…%")


@functools.cache
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@functools.lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """The text cut into dictionary words (runs of digits and Latin letters stay whole)."""
    return tuple(_jieba().cut(text, HMM=False))


def word_breaks(text: str) -> frozenset[int]:
    """Indices i where a line may end after text[:i]: word ends, minus the positions inside
    brackets' reach (after an opening mark, before a closing mark or punctuation)."""
    breaks, position = set(), 0
    for word in words(text)[:-1]:
        position += len(word)
        if text[position - 1] not in NO_BREAK_AFTER and text[position] not in NO_BREAK_BEFORE:
            breaks.add(position)
    return frozenset(breaks)
