"""Export, chart and inspect figures, each against bare library code in the same run."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import time
from pathlib import Path

from tests.bench.common import Figure, median

DATA = Path(__file__).resolve().parents[1] / "data"


def chart_figures(runs: int = 15) -> list[Figure]:
    """A bar chart to PNG at 300 dpi: ours against bare matplotlib drawing the same data."""
    from matplotlib.figure import Figure as MplFigure

    from interpreter_app.domain.model import ChartSpec, Series
    from interpreter_app.export.charts import render_chart

    cats = ["2021年", "2022年", "2023年", "2024年", "2025年"]
    values = [52.3, 55.1, 57.8, 58.6, 60.2]
    spec = ChartSpec("bar", "全省城镇新增就业人数", cats, [Series("万人", values)], "万人", "江海省统计局")
    render_chart(spec)  # fonts and modules loaded once before timing

    def bare() -> bytes:
        # The same elements as ours: title, unit, bars with value labels, source line.
        fig = MplFigure(figsize=(156 / 25.4, 90 / 25.4))
        ax = fig.add_subplot()
        bars = ax.bar(cats, values)
        ax.bar_label(bars, fmt="%.1f")
        ax.set_title(spec.title)
        ax.set_ylabel(f"单位：{spec.unit}")
        fig.text(0.01, 0.01, f"数据来源：{spec.source}")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=300)
        return buf.getvalue()

    bare()
    ours_t, bare_t = [], []
    for _ in range(runs):
        t = time.perf_counter()
        render_chart(spec)
        ours_t.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        bare()
        bare_t.append((time.perf_counter() - t) * 1000)
    ours, base = median(ours_t), median(bare_t)
    return [Figure("bar chart to 300-dpi PNG", ours, "ms", base, "bare matplotlib, same data",
                   "≤ 1.2×", ours <= 1.2 * base)]


def export_figures(runs: int = 5) -> list[Figure]:
    """A press pack (6 materials, 2 charts) against bare python-docx + matplotlib."""
    from interpreter_app.domain.model import Package, from_dict
    from interpreter_app.export.context import ExportContext
    from interpreter_app.export.packs import export_package

    spec = json.loads((DATA / "export" / "package.json").read_text("utf-8"))
    package = from_dict(Package, spec["package"]) if "package" in spec else from_dict(Package, spec)
    ctx = ExportContext.for_package(package, "江海省人力资源和社会保障厅", _signoffs(package))
    tmp = Path(tempfile.mkdtemp())
    try:
        export_package(ctx, tmp / "warm", pack="press", draft=not ctx.is_signed)
        _bare_export(package, tmp / "bare-warm")
        export_package(ctx, tmp / "web-warm", pack="web", draft=not ctx.is_signed)
        ours_t, bare_t, web_t = [], [], []
        for i in range(runs):
            t = time.perf_counter()
            export_package(ctx, tmp / f"o{i}", pack="press", draft=not ctx.is_signed)
            ours_t.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            _bare_export(package, tmp / f"b{i}")
            bare_t.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            export_package(ctx, tmp / f"w{i}", pack="web", draft=not ctx.is_signed)
            web_t.append((time.perf_counter() - t) * 1000)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ours, base, web = median(ours_t), median(bare_t), median(web_t)
    public = sum(1 for m in package.materials if m.is_public)
    return [Figure(f"press pack ({public} public materials)", ours, "ms", base,
                   "bare python-docx + matplotlib", "≤ 1.3×", ours <= 1.3 * base),
            # Pages, images and metadata instead of Word files: never slower than the press pack.
            Figure(f"web pack ({public} public materials)", web, "ms", ours,
                   "press pack of the same package", "≤ 1.0×", web <= ours)]


def _signoffs(package):
    from interpreter_app.domain.digest import package_digest
    from interpreter_app.domain.model import SignOff

    return [SignOff(1, package.id or 1, package.revision, package_digest(package), 1, "王建国",
                    "厅长", "同意", "2026-06-12T10:00:00+08:00")]


def _bare_export(package, out: Path) -> None:
    """The same paragraphs and charts with bare libraries: the floor of any exporter."""
    import docx
    from matplotlib.figure import Figure as MplFigure

    out.mkdir(parents=True)
    (out / "charts").mkdir()
    parts = [("政策文件", package.document.title, package.document.body)]
    for m in package.materials:
        if m.is_public:
            text = m.body + "\n".join(q.question + "\n" + q.answer for q in m.qa)
            parts.append((m.kind, m.title, text))
            if m.chart is not None and m.chart.categories:
                for fmt in ("png", "svg"):
                    fig = MplFigure(figsize=(156 / 25.4, 90 / 25.4))
                    ax = fig.add_subplot()
                    for s in m.chart.series:
                        ax.bar(m.chart.categories, [v or 0 for v in s.values])
                    ax.set_title(m.chart.title)
                    buf = io.BytesIO()
                    fig.savefig(buf, format=fmt, dpi=300)
                    (out / "charts" / f"{m.title[:10]}.{fmt}").write_bytes(buf.getvalue())
                    if fmt == "png":
                        png = buf.getvalue()
            else:
                png = None
        else:
            continue
    for i, (_kind, title, text) in enumerate(parts):
        d = docx.Document()
        d.add_heading(title, 0)
        for para in text.split("\n"):
            d.add_paragraph(para)
        d.save(out / f"{i:02d}.docx")
    _ = png


def inspect_figures() -> list[Figure]:
    """inspect of a 100-page .docx (import + all checks) against bare python-docx reading it."""
    import docx

    from interpreter_app.domain.importing.inspect import inspect_path

    sample = (DATA / "import" / "sample_policy.txt").read_text("utf-8").split("\n")
    tmp = Path(tempfile.mkdtemp())
    try:
        path = tmp / "long.docx"
        d = docx.Document()
        body = sample * 45
        for para in body:
            d.add_paragraph(para)
        d.save(path)
        chars = sum(len(p) for p in body)
        inspect_path(path)
        ours = median([_time(lambda: inspect_path(path)) for _ in range(5)])
        base = median([_time(lambda: [p.text for p in docx.Document(path).paragraphs])
                       for _ in range(5)])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [Figure(f"inspect of a 100-page .docx ({chars:,} characters)", ours, "ms", base,
                   "bare python-docx reading it", "≤ 1000 ms", ours <= 1000)]


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000
