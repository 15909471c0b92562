"""Word files for interpretation materials, one layout per kind."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ..domain.kinds import DEFAULT_SPEAKING_RATE, material_kind
from ..domain.model import ChartSpec, Material
from ..domain.text import char_count, paragraphs, speaking_minutes
from ..domain.validation import format_datetime_cn
from .context import ExportContext
from .docx_builder import GovDocument
from .docx_layout import TEXT_WIDTH_MM
from .docx_parts import new_part

QA_NUMBERED_KINDS = frozenset({"qa"})  # 政策问答 are numbered; 答问口径 read as one dialogue


def material_title(material: Material) -> str:
    """The material's title, or its kind's label when it has none."""
    return material.title.strip() or material_kind(material.kind).label


def material_docx(ctx: ExportContext, material: Material, *,
                  chart_png: bytes | None = None, briefing: bool = False) -> Any:
    """The Word file of one material; chart materials embed `chart_png` (rendered if None).

    Internal production notes (speaking time, word count, 内部 remarks) print only in the
    briefing pack (`briefing=True`); every other copy may reach the public."""
    title = material_title(material)
    if not briefing:
        material = public_copy(material)
    gov = new_part(ctx, title, internal=not material.is_public)
    gov.title(title)
    layout = _LAYOUTS.get(material.kind) or _EDITOR_LAYOUTS[material_kind(material.kind).editor]
    if briefing and material.kind in _BRIEFING_NOTES:
        gov.centered(_BRIEFING_NOTES[material.kind](material.body), "kai")
    layout(gov, material, chart_png)
    _attachments(gov, material)
    return gov.doc


def _attachments(gov: GovDocument, material: Material) -> None:
    """The material's files and links by name: the files travel beside the Word file."""
    from ..domain.media import MEDIA_KINDS

    if not material.media:
        return
    gov.blank()
    for item in material.media:
        where = item.url or item.file_name
        gov.plain(f"{MEDIA_KINDS.get(item.kind, item.kind)}：{item.title or where}（{where}）",
                  "table")


def public_copy(material: Material) -> Material:
    """The material without internal notes in its body, answers and caption."""
    from dataclasses import replace

    from ..domain.checks.readiness import strip_internal_notes

    return replace(material, body=strip_internal_notes(material.body),
                   caption=strip_internal_notes(material.caption),
                   qa=[replace(p, answer=strip_internal_notes(p.answer)) for p in material.qa])


def _text(gov: GovDocument, material: Material, _png: bytes | None, note: str = "") -> None:
    if material.byline:
        gov.centered(material.byline, "kai")
    if note:
        gov.centered(note, "kai")
    gov.blank()
    gov.body(material.body)


def _press_release(gov: GovDocument, material: Material, _png: bytes | None) -> None:
    _text(gov, material, None, embargo_line(material.embargo) if material.embargo else "")


def embargo_line(embargo: str) -> str:
    """（发布时间：2026年6月18日 10:00 前不得发布）."""
    return f"（发布时间：{format_datetime_cn(embargo)} 前不得发布）"


def speech_line(body: str) -> str:
    """（预计讲话时长约N分钟，共N字）at the default speaking rate."""
    minutes = max(1, math.ceil(speaking_minutes(body, DEFAULT_SPEAKING_RATE)))
    return f"（预计讲话时长约{minutes}分钟，共{char_count(body)}字）"


def _qa(gov: GovDocument, material: Material, _png: bytes | None) -> None:
    if material.byline:
        gov.centered(material.byline, "kai")
    gov.blank()
    gov.body(material.body)
    numbered = material.kind in QA_NUMBERED_KINDS and len(material.qa) > 1
    for n, pair in enumerate(material.qa, 1):
        lead = f"{n}.问：" if numbered else "问："
        gov.paragraph([(lead, "h1"), (pair.question.strip(), "h1")])
        answer = paragraphs(pair.answer) or [""]
        gov.body_paragraph(answer[0], prefix=[("答：", "body")])
        for para in answer[1:]:
            gov.body_paragraph(para)


def _chart(gov: GovDocument, material: Material, png: bytes | None) -> None:
    spec = material.chart
    gov.blank()
    if spec is not None:
        gov.picture(png if png is not None else render_png(spec), TEXT_WIDTH_MM)
    if material.caption:
        gov.centered(material.caption, "kai")
    if spec is not None and spec.categories:
        gov.blank()
        table = chart_table(spec)
        first = 46.0
        rest = (TEXT_WIDTH_MM - first) / max(len(table[0]) - 1, 1)
        columns = len(table[0])
        gov.table(table, (first, *([rest] * (columns - 1))), centered_columns=range(1, columns))
    if spec is not None and spec.source:
        gov.plain(f"数据来源：{spec.source}", "table")
    if material.body.strip():
        gov.blank()
        gov.body(material.body)


def render_png(spec: ChartSpec, dpi: int = 300) -> bytes:
    """The chart as PNG at full text width, drawn by export.charts."""
    from . import charts

    return charts.render_chart(spec, "png", dpi=dpi, width_mm=TEXT_WIDTH_MM)


def chart_table(spec: ChartSpec) -> list[list[str]]:
    """Categories down, series across; the unit in each series header."""
    unit = f"（{spec.unit}）" if spec.unit else ""
    header = ["项目", *[f"{s.name or '数值'}{unit}" for s in spec.series]]
    rows = [header]
    for i, category in enumerate(spec.categories):
        rows.append([category, *[_number(s.values[i] if i < len(s.values) else None)
                                 for s in spec.series]])
    return rows


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


Layout = Callable[[GovDocument, Material, "bytes | None"], None]
_LAYOUTS: dict[str, Layout] = {
    "press_release": _press_release,
}
# Production notes shown above the text in the briefing pack only.
_BRIEFING_NOTES: dict[str, Callable[[str], str]] = {"speech": speech_line}
_EDITOR_LAYOUTS: dict[str, Layout] = {"text": _text, "qa": _qa, "chart": _chart}
