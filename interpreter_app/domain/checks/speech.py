"""speech-length and long-sentence: remarks that run too long to deliver."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..kinds import DEFAULT_SPEAKING_RATE, SPEECH_MAX_CHARS, SPEECH_MAX_MINUTES
from ..model import Package
from ..text import char_count, speaking_minutes
from . import INFO, WARNING, Finding
from .parts import excerpt, material_parts, material_text

SPEAKING_RATE = DEFAULT_SPEAKING_RATE  # characters a minute
LONG_SENTENCE_CHARS = 80
SPOKEN_KINDS = ("speech", "press_release", "host_script", "reporter_lines")
_PAUSES = re.compile(r"[，、；：。！？…—,;:!?]")


def check_speech_length(package: Package, rate: int = SPEAKING_RATE) -> Iterable[Finding]:
    """新闻发布稿 over 3,000 characters or 20 minutes at `rate` characters a minute."""
    for index, material in enumerate(package.materials):
        if material.kind != "speech":
            continue
        text = material_text(material)
        chars, minutes = char_count(text), speaking_minutes(text, rate)
        if chars > SPEECH_MAX_CHARS or minutes > SPEECH_MAX_MINUTES:
            yield Finding("speech-length", WARNING, f"material:{index}", -1, excerpt(text),
                          f"发布稿共{chars}字，按每分钟{rate}字约需{minutes:.0f}分钟；"
                          f"应不超过{SPEECH_MAX_CHARS}字、{SPEECH_MAX_MINUTES}分钟", None, "body")


def check_long_sentences(package: Package, limit: int = LONG_SENTENCE_CHARS) -> Iterable[Finding]:
    """Stretches of more than `limit` characters without a pause in text meant to be spoken."""
    for part in material_parts(package):
        if part.material is None or part.material.kind not in SPOKEN_KINDS:
            continue
        for index, para in enumerate(part.paragraphs):
            for stretch in _stretches(para):
                if char_count(stretch[2]) > limit:
                    yield Finding("long-sentence", INFO, part.part, index,
                                  excerpt(para, stretch[0], stretch[1]),
                                  f"有一句{char_count(stretch[2])}字中间没有停顿，口播时难以一口气读完，"
                                  "建议拆分或加逗号", None, "body")


def _stretches(para: str) -> list[tuple[int, int, str]]:
    out, last = [], 0
    for m in _PAUSES.finditer(para + "。"):
        out.append((last, m.start(), para[last:m.start()]))
        last = m.end()
    return out
