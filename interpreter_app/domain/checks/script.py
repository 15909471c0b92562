"""traditional-script and variant-term: Traditional characters and Taiwan/Hong Kong terms."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Package
from ..script import to_simplified, traditional_positions, variant_term_suggestions
from . import INFO, WARNING, Finding
from .parts import PartText, excerpt, text_parts

# Past this many affected paragraphs one finding for the whole part replaces per-paragraph ones.
PER_PARAGRAPH_MAX = 5


def check_traditional_script(package: Package) -> Iterable[Finding]:
    """Traditional characters, with the t2s conversion as the suggestion."""
    for part in text_parts(package):
        yield from _script_findings(part)


def _script_findings(part: PartText) -> Iterator[Finding]:
    affected = []
    for index, para in enumerate(part.paragraphs):
        positions = traditional_positions(para)
        if positions:
            affected.append((index, para, positions))
    if len(affected) > PER_PARAGRAPH_MAX:
        index, para, _ = affected[0]
        total = sum(len(p) for _, _, p in affected)
        yield Finding("traditional-script", WARNING, part.part, index, excerpt(para),
                      f"全文有{len(affected)}段含繁体字（共{total}字），建议整体转换为简体",
                      None, "text")
        return
    for index, para, positions in affected:
        chars = "".join(dict.fromkeys(para[i] for i in positions))
        snippet = excerpt(para, positions[0], positions[-1] + 1)
        yield Finding("traditional-script", WARNING, part.part, index, snippet,
                      f"含繁体字“{chars[:10]}”，应使用规范简体字", to_simplified(snippet), "body")


def check_variant_terms(package: Package) -> Iterable[Finding]:
    """Taiwan/Hong Kong terms (最佳化、資料庫…) with the mainland term, offered one by one."""
    for part in text_parts(package):
        text = "\n".join(part.paragraphs)
        groups: dict[tuple[str, str], list] = {}
        for s in variant_term_suggestions(text):
            groups.setdefault((to_simplified(s.found), s.replacement), []).append(s)
        for (found, replacement), found_here in groups.items():
            s = found_here[0]
            places = tuple(dict.fromkeys(x.paragraph for x in found_here))
            times = f"（共{len(found_here)}处）" if len(found_here) > 1 else ""
            yield Finding("variant-term", INFO, part.part, s.paragraph,
                          excerpt(part.paragraphs[s.paragraph], s.start, s.end),
                          f"“{found}”建议改为“{replacement}”{times}：{s.note}", replacement, "body",
                          places=places if len(found_here) > 1 else ())
