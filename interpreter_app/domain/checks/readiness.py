"""Publish-readiness: what must not reach a public copy (template notes, empty sections, empty
answers, placeholders, tabs, internal production notes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..kinds import material_kind
from ..material_templates import template_notes, template_paragraphs
from ..model import Package
from ..text import heading_level
from . import BLOCKING, WARNING, Finding
from .parts import PartText, excerpt, material_parts, text_parts

# A whole paragraph in （…） that tells the writer what to write: a template instruction.
_INSTRUCTION = re.compile(r"^[（(](?:说明|逐条说明|简要说明|解释|介绍|列明|写明|填写|请填写|请|此处|在此)"
                          r"[^（）()]{2,80}[）)]$")
PLACEHOLDER = re.compile(
    r"[XＸ×]{2,}|[XＸ×]{1,2}月[XＸ×]{1,2}日|[XＸ×]{4}年|(?<![A-Za-z])[XＸ]+(?:号|名|个|项|元|万元|%)"
    r"|【\s*】|【[^】]{0,12}(?:填写|待定|待补充|补充)[^】]{0,12}】|此处填写|请填写|待补充|（待定）|〔待定〕"
)
# Notes meant for the people producing a material, never for the public.
INTERNAL_NOTE = re.compile(
    r"[（(]预计(?:讲话|发言|播报|朗读)?(?:时长|用时)[^）)]*[）)]|[（(]共\d+字[）)]"
    r"|[（(]?(?:预计)?讲话时长约?\d+(?:\.\d+)?分钟"
    r"|【\s*(?:内部|内部资料|批注|审核意见|核稿意见|备注|编者按：内部)[^】]*】"
    r"|[（(]\s*(?:内部|内部掌握|内部参考|不对外|仅供内部)[：:，,][^）)]*[）)]"
    r"|^(?:核稿意见|审核意见|审稿意见|修改意见|批注|内部备注)[：:].*$"
    r"|[（(](?:内部掌握|仅供内部参考|不对外公开|此段不公开)[）)]",
    re.MULTILINE,
)
# The closing words of remarks: not the body of the section before them.
_CLOSING = re.compile(r"^(?:谢谢大家|谢谢各位|谢谢|以上|我就介绍这些|我先介绍这些|今天的.{0,8}到此结束)[^。！!]{0,12}[。！!]?$")
# Kinds whose numbered lines are an agenda (a 主持词 names who speaks next): no body expected.
AGENDA_KINDS = frozenset({"host_script"})
# A heading that is only a heading (no sentence after it on the same line).
_BARE_HEADING_MAX = 30


def is_instruction(paragraph: str) -> bool:
    """Whether the paragraph is a template instruction such as “（说明政策要达到的目标和主要任务。）”."""
    text = paragraph.strip()
    return text in template_notes() or _INSTRUCTION.match(text) is not None


def is_bare_heading(paragraph: str) -> bool:
    """A numbered line with no sentence of its own (一、主要内容), not a clause (1.对…给予补贴。)."""
    text = paragraph.strip()
    if not heading_level(text) or len(text) > _BARE_HEADING_MAX:
        return False
    return not re.search(r"[。；;！？!?]", text[:-1]) and not text.endswith(("。", "；"))


def empty_sections(paragraphs: list[str]) -> list[int]:
    """Indexes of bare headings with no body text before the next heading of the same or a
    higher level (or the end); template instructions do not count as body."""
    out = []
    for index, para in enumerate(paragraphs):
        if not is_bare_heading(para):
            continue
        level = heading_level(para)
        has_body = False
        for later in paragraphs[index + 1:]:
            later_level = heading_level(later) if is_bare_heading(later) else 0
            if later_level and later_level <= level:
                break
            if later_level > level or not (is_instruction(later) or _CLOSING.match(later)):
                has_body = True
                break
        if not has_body:
            out.append(index)
    return out


def substantive_text(body: str) -> str:
    """The body without template instructions and without headings that have no text under them
    (the 解读要素 coverage check reads only this)."""
    from ..text import paragraphs

    paras = paragraphs(body)
    empty = set(empty_sections(paras))
    return "\n".join(p for i, p in enumerate(paras) if i not in empty and not is_instruction(p))


def strip_internal_notes(text: str) -> str:
    """The text without internal notes; a line that held only a note goes with it."""
    if not INTERNAL_NOTE.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        kept = INTERNAL_NOTE.sub("", line)
        if kept.strip() or not line.strip():
            lines.append(kept.rstrip() if kept != line else line)
    return "\n".join(lines)


def check_readiness(package: Package) -> Iterable[Finding]:
    """Template leftovers, empty sections and answers, placeholders, tabs and internal notes.

    Blocking in public text (the document and public materials), a warning in internal parts."""
    title = package.document.title
    for part in text_parts(package):
        if part.part == "plan":
            continue
        severity = BLOCKING if part.public else WARNING
        yield from _placeholders(part, severity)
        if part.material is None:
            continue
        yield from _template_leftovers(part, severity, title)
        yield from _empty_sections(part, severity)
        if part.public:
            yield from _internal_notes(part)
    yield from _empty_answers(package)
    yield from _empty_charts(package)
    yield from _tabs(package)


def _placeholders(part: PartText, severity: str) -> Iterator[Finding]:
    for index, para in enumerate(part.paragraphs):
        for m in PLACEHOLDER.finditer(para):
            yield Finding("placeholder", severity, part.part, index, excerpt(para, m.start(), m.end()),
                          f"“{m[0]}”是未填写的占位内容，请填入实际内容", None, "body")


def _template_leftovers(part: PartText, severity: str, title: str) -> Iterator[Finding]:
    template = set(template_paragraphs(part.material.kind, title))
    for index, para in enumerate(part.paragraphs):
        if is_instruction(para):
            origin = "模板说明文字" if para in template or para in template_notes() else "填写说明"
            yield Finding("template-text", severity, part.part, index, excerpt(para),
                          f"{origin}“{excerpt(para, width=24)}”未删除，请写入实际内容后删除该说明",
                          "", "body")


def _empty_sections(part: PartText, severity: str) -> Iterator[Finding]:
    if part.material.kind in AGENDA_KINDS:
        return
    for index in empty_sections(part.paragraphs):
        para = part.paragraphs[index]
        yield Finding("empty-section", severity, part.part, index, excerpt(para),
                      f"标题“{excerpt(para, width=20)}”下没有内容，请补写或删除该标题", None, "body")


def _internal_notes(part: PartText) -> Iterator[Finding]:
    for index, para in enumerate(part.paragraphs):
        m = INTERNAL_NOTE.search(para)
        if m:
            yield Finding("internal-note", BLOCKING, part.part, index, excerpt(para, m.start(), m.end()),
                          f"公开材料中含内部工作说明“{excerpt(m[0], width=24)}”，不得对外发布，请删除",
                          "", "body")


def _empty_answers(package: Package) -> Iterator[Finding]:
    for index, material in enumerate(package.materials):
        severity = BLOCKING if material.is_public else WARNING
        for n, pair in enumerate(material.qa, 1):
            if pair.question.strip() and not pair.answer.strip():
                yield Finding("empty-answer", severity, f"material:{index}", -1, pair.question[:40],
                              f"第{n}问“{pair.question[:24]}”没有回答，请补写回答或删除该问", None,
                              "qa")


def _empty_charts(package: Package) -> Iterator[Finding]:
    for index, material in enumerate(package.materials):
        chart = material.chart
        if chart is None or material_kind(material.kind).editor != "chart":
            continue
        if not chart.categories or not any(v is not None for s in chart.series for v in s.values):
            severity = BLOCKING if material.is_public else WARNING
            yield Finding("empty-chart", severity, f"material:{index}", -1, material.title[:40],
                          f"图解“{material.title[:20]}”还没有数据，请填写图表数据或删除该材料", None,
                          "chart")


def stray_tabs(text: str) -> bool:
    """Tabs used as indents or spacing; a run of lines with the same number of tabs is a table
    (the importer writes Word tables that way) and is left alone."""
    lines = [line for line in text.split("\n") if "\t" in line]
    if any(line.startswith("\t") or line.rstrip(" ").endswith("\t") for line in lines):
        return True
    counts = {line.count("\t") for line in lines}
    return bool(lines) and (len(lines) < 2 or len(counts) > 1)


def _tabs(package: Package) -> Iterator[Finding]:
    for part in material_parts(package):
        material = part.material
        texts = [material.body, material.caption, *(p.answer for p in material.qa),
                 *(p.question for p in material.qa)]
        if any(stray_tabs(t) for t in texts):
            severity = BLOCKING if material.is_public else WARNING
            yield Finding("tab-character", severity, part.part, -1, "制表符",
                          "正文中含制表符（Tab），在网站和Word中会错位，请改用全角空格或删除", "", "body")
