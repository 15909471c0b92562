"""Which files a pack holds, in which order and under which names; each made on demand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..domain.kinds import AUDIENCE_LABELS, INTERNAL, PUBLIC, material_kind
from ..domain.model import Material
from .context import ExportContext
from .docx_layout import TEXT_WIDTH_MM, to_bytes
from .docx_materials import material_docx, material_title
from .docx_parts import IndexEntry, index_docx, plan_docx, plan_title, policy_document_docx
from .filenames import numbered, safe_name
from .manifest import PACK_LABELS

DOCUMENT_LABEL, PLAN_LABEL, INDEX_LABEL = "政策文件", "解读方案", "目录"
CHARTS_DIR = "charts"
MEDIA_DIR = "media"


@dataclass(frozen=True)
class PlannedFile:
    """One file of a pack: relative path, what it is, and how to make its bytes."""

    path: str
    title: str
    kind: str
    internal: bool
    make: Callable[[], bytes]


def included_materials(ctx: ExportContext, pack: str) -> list[tuple[int, Material]]:
    """(index in the package, material) for the pack: public ones only in a press or web pack."""
    materials = list(enumerate(ctx.package.materials))
    if pack in ("press", "web"):
        return [(i, m) for i, m in materials if m.is_public]
    return materials


PROACTIVE = "主动公开"


def pack_embargo(ctx: ExportContext, pack: str) -> str:
    """The earliest embargo among the pack's materials, or ''."""
    embargoes = sorted(m.embargo for _, m in included_materials(ctx, pack) if m.embargo)
    return embargoes[0] if embargoes else ""


def chart_problems_of(ctx: ExportContext) -> list[str]:
    """Why some chart cannot be drawn, prefixed with the material's title."""
    from .charts import chart_problems

    problems = []
    for m in ctx.package.materials:
        if m.chart is not None and material_kind(m.kind).editor == "chart":
            problems += [f"{material_title(m)}：{p}" for p in chart_problems(m.chart)]
    return problems


def plan_pack(ctx: ExportContext, pack: str) -> list[PlannedFile]:
    """The pack's files in order: 00 index, 01 document, plan (internal packs), materials, charts."""
    charts = ChartCache(ctx)
    files: list[PlannedFile] = []
    number = 1
    # A document not proactively disclosed (依申请公开, 不予公开) stays out of the press pack.
    public_document = ctx.package.document.disclosure == PROACTIVE
    if public_document or pack != "press":
        files.append(PlannedFile(
            numbered(1, DOCUMENT_LABEL, DOCUMENT_LABEL, ".docx"), ctx.package.title,
            DOCUMENT_LABEL, not public_document, lambda: to_bytes(policy_document_docx(ctx))))
        number = 2
    if pack != "press":
        files.append(PlannedFile(numbered(number, PLAN_LABEL, PLAN_LABEL, ".docx"),
                                 plan_title(ctx), PLAN_LABEL, True,
                                 lambda: to_bytes(plan_docx(ctx))))
        number += 1
    for index, material in included_materials(ctx, pack):
        files += _material_files(ctx, number, index, material, charts, pack)
        number += 1
    index_file = _index_file(ctx, pack, files)
    return [index_file, *files]


def _material_files(ctx: ExportContext, number: int, index: int, material: Material,
                    charts: ChartCache, pack: str) -> list[PlannedFile]:
    kind = material_kind(material.kind).label
    title = material_title(material)
    internal = not material.is_public
    briefing = pack == "briefing"
    has_chart = material.chart is not None and material_kind(material.kind).editor == "chart"

    def make_docx() -> bytes:
        png = charts.png(index) if has_chart else None
        return to_bytes(material_docx(ctx, material, chart_png=png, briefing=briefing))

    files = [PlannedFile(numbered(number, title, kind, ".docx"), title, kind, internal, make_docx)]
    if has_chart:
        for suffix, make in ((".png", lambda: charts.png(index)),
                             (".svg", lambda: charts.svg(index))):
            path = f"{CHARTS_DIR}/{numbered(number, title, kind, suffix)}"
            files.append(PlannedFile(path, title, f"{kind}图片", internal, make))
    files += media_files(ctx, material, f"{number:02d}-{safe_name(title, kind, limit=30)}",
                         internal, MEDIA_DIR)
    return files


def media_files(ctx: ExportContext, material: Material, stem: str, internal: bool,
                folder: str) -> list[PlannedFile]:
    """The material's attached files (not its links), as stem-1.png, stem-2.mp4 …"""
    from ..domain.media import MEDIA_KINDS

    files = []
    for k, item in enumerate(material.media, 1):
        if item.sha256:
            data = ctx.media[item.sha256]
            files.append(PlannedFile(
                f"{folder}/{media_name(stem, k, item.mime)}", item.title or item.file_name,
                MEDIA_KINDS.get(item.kind, item.kind), internal, lambda data=data: data))
    return files


def media_name(stem: str, k: int, mime: str) -> str:
    """The file name of a material's k-th attachment."""
    from ..domain.media import EXTENSIONS

    return f"{stem}-{k}{EXTENSIONS.get(mime, '')}"


def _index_file(ctx: ExportContext, pack: str, files: list[PlannedFile]) -> PlannedFile:
    label = PACK_LABELS[pack]
    index_name = numbered(0, INDEX_LABEL, INDEX_LABEL, ".docx")
    internal = pack != "press"
    entries = index_entries(files)
    return PlannedFile(index_name, f"{ctx.package.title}（{label}目录）", INDEX_LABEL, internal,
                       lambda: to_bytes(index_docx(ctx, entries, label, internal=internal)))


def index_entries(files: list[PlannedFile]) -> list[IndexEntry]:
    """One index row per number: the Word file's title and kind, plus the formats it comes in."""
    rows: dict[str, list[PlannedFile]] = {}
    for f in files:
        rows.setdefault(f.path.rsplit("/", 1)[-1][:2], []).append(f)
    return [IndexEntry(number, group[0].path, group[0].title, group[0].kind,
                       AUDIENCE_LABELS[INTERNAL if group[0].internal else PUBLIC],
                       "/".join(f.path.rsplit(".", 1)[-1] for f in group))
            for number, group in rows.items()]


class ChartCache:
    """Each chart drawn once per format, shared by its PNG file and its Word file."""

    def __init__(self, ctx: ExportContext) -> None:
        self.ctx = ctx
        self._done: dict[tuple[int, str], bytes] = {}

    def png(self, index: int) -> bytes:
        """The chart of the material at `index` as PNG at the settings' dpi."""
        return self._render(index, "png")

    def svg(self, index: int) -> bytes:
        """The chart of the material at `index` as SVG."""
        return self._render(index, "svg")

    def _render(self, index: int, fmt: str) -> bytes:
        key = (index, fmt)
        if key not in self._done:
            from . import charts

            # One figure gives both files: laying a chart out costs as much as writing it.
            spec = self.ctx.package.materials[index].chart
            figure = charts.build_figure(spec, width_mm=TEXT_WIDTH_MM)
            for kind in ("png", "svg"):
                self._done[(index, kind)] = charts.figure_bytes(
                    figure, kind, dpi=self.ctx.settings.chart_dpi)
        return self._done[key]
