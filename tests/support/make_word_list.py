"""Builds interpreter_app/domain/data/words.txt.gz, the word list of the garbage-character check.

Run once at development time (needs `pip install jieba`; jieba is MIT-licensed and not a
runtime dependency):  .venv/bin/python tests/support/make_word_list.py
The list holds jieba's dictionary words of two to four characters with a frequency of at least
WORD_MIN, then one line "#" and the single characters that stand alone as words at least
SINGLE_MIN times (的、和、省、市…). The output is committed.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

WORD_MIN = 3
SINGLE_MIN = 2000
OUT = Path(__file__).resolve().parents[2] / "interpreter_app" / "domain" / "data" / "words.txt.gz"
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def main() -> None:
    """Write the list."""
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    words, singles = set(), set()
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or not _CJK.match(parts[0]):
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1 and freq >= SINGLE_MIN:
            singles.add(word)
        elif 2 <= len(word) <= 4 and freq >= WORD_MIN:
            words.add(word)
    text = "\n".join(sorted(words)) + "\n#\n" + "".join(sorted(singles)) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    print(f"{len(words)} words, {len(singles)} single characters → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
