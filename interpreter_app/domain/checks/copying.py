"""copied-text: an interpretation that copies the document wholesale (照搬原文).

The share of a material's characters that lie inside a run of at least RUN_CHARS characters
also found in the document, and the longest such run. Thresholds are per material kind and
were measured on the demo packages and the documents under tests/data (docs/checks.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..kinds import material_kind
from ..model import Package
from . import WARNING, Finding
from .parts import material_text

RUN_CHARS = 15  # a shared run this long is copied, not a shared phrase (加快推进、按照规定)
MIN_CHARS = 150  # shorter materials are not judged
# Share of verbatim document text above which a material merely copies the document.
THRESHOLDS = {"article": 0.5, "qa": 0.6, "press_release": 0.7, "speech": 0.6, "background": 0.8,
              "media_script": 0.6, "interview_outline": 0.6}
_NOISE = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class CopyMeasure:
    """How much of a text is verbatim document text."""

    share: float
    longest: int
    chars: int


def copy_measure(text: str, document: str, run: int = RUN_CHARS) -> CopyMeasure:
    """Share of `text` covered by runs of `run`+ characters found in `document`, longest run."""
    text, document = _NOISE.sub("", text), _NOISE.sub("", document)
    if len(text) < run or len(document) < run:
        return CopyMeasure(0.0, 0, len(text))
    grams = {document[i:i + run] for i in range(len(document) - run + 1)}
    covered = [False] * len(text)
    longest = current = 0
    for i in range(len(text) - run + 1):
        if text[i:i + run] in grams:
            for j in range(i, i + run):
                covered[j] = True
            current = current + 1 if current else run
            longest = max(longest, current)
        else:
            current = 0
    return CopyMeasure(sum(covered) / len(text), longest, len(text))


def check_copied_text(package: Package) -> Iterable[Finding]:
    """Public interpretations whose verbatim share of the document passes their kind's threshold."""
    document = package.document.body
    if not document.strip():
        return
    for index, material in enumerate(package.materials):
        limit = THRESHOLDS.get(material.kind)
        if limit is None or not material.is_public:
            continue
        measure = copy_measure(material_text(material), document)
        if measure.chars >= MIN_CHARS and measure.share > limit:
            label = material_kind(material.kind).label
            yield Finding("copied-text", WARNING, f"material:{index}", -1,
                          material.title[:40],
                          f"{label}有{measure.share:.0%}的文字照搬政策文件原文（最长连续{measure.longest}字），"
                          f"解读材料应解释政策而非简单摘抄或压缩原文（阈值{limit:.0%}）", None, "body")
