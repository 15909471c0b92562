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
# Words of government documents that the general dictionary lacks.
GOVERNMENT_WORDS = (
    "涉企", "惠企", "助企", "纾困", "放管服", "一网通办", "一网统管", "一网协同", "跨省通办", "一件事",
    "好差评", "双随机", "一公开", "最多跑一次", "证照分离", "承诺制", "告知承诺", "首问负责", "容缺受理",
    "帮办代办", "政务服务", "政务公开", "依申请", "主动公开", "解读人", "专班", "专报", "台账", "清单化",
    "兜底", "稳岗", "扩岗", "技能人才", "高频事项",
    "接诉即办", "全程网办", "掌上办", "指尖办", "就近办", "帮扶", "纳统", "入库", "稳链",
    "补链", "强链", "延链", "难点", "痛点", "卡点", "闭环", "提级", "提标", "扩面", "提质",
    "应保尽保", "应收尽收", "应办尽办", "直达快享", "免申即享",
)


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
    words.update(GOVERNMENT_WORDS)
    text = "\n".join(sorted(words)) + "\n#\n" + "".join(sorted(singles)) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    print(f"{len(words)} words, {len(singles)} single characters → {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
