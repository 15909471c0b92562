"""The statistics export: dashboard charts (PNG and SVG) and a Word summary for annual reports."""

from __future__ import annotations

from pathlib import Path

from ..domain.statistics import (
    FIGURE_DEFINITIONS,
    STAT_LABELS,
    Statistics,
    annual_sentence,
    annual_table,
    period_label,
)
from .context import ExportSettings

SUMMARY_NAME = "政策解读工作统计.docx"
_SECTIONS = (
    ("released_per_month", "一、各月发布政策解读情况"),
    ("by_form", "二、解读形式"),
    ("by_department", "三、各部门发布解读情况"),
    ("by_role", "四、解读人"),
    ("timeliness", "五、解读及时性"),
    ("cycle_time", "六、审签用时"),
    ("issued_vs_interpreted", "七、发文登记与解读"),
    ("concerns", "八、回应社会关切"),
)


def summary_rows(stats: Statistics, key: str) -> list[list[str]]:
    """The numbers behind one chart as table rows (header first)."""
    if key == "released_per_month":
        return [["月份", "篇数"]] + [[m, str(n)] for m, n in stats.released_per_month]
    if key in ("by_form", "by_department", "by_role", "timeliness"):
        data: dict[str, int] = getattr(stats, key)
        return [["项目", "数量"]] + [[k, str(v)] for k, v in data.items()]
    if key == "concerns":
        return [["回应渠道", "次数"]] + [[k, str(v)] for k, v in stats.concerns_by_channel.items()]
    if key == "cycle_time":
        ct = stats.cycle_time
        return [["项目", "数值"], ["已签发解读包", str(ct.count)],
                ["中位用时", _days(ct.median_days)], ["最长用时", _days(ct.longest_days)]]
    rate = stats.interpretation_rate
    return [["项目", "数量"], ["登记印发的政策文件", str(stats.documents_issued)],
            ["其中已解读", str(stats.interpreted)],
            ["解读率", "—（未录入发文登记）" if rate is None else f"{rate * 100:.1f}%"]]


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}天"


def export_statistics(stats: Statistics, out_dir: Path, *, settings: ExportSettings | None = None,
                      progress=None) -> list[Path]:
    """Write the dashboard charts and the Word summary into `out_dir`; returns the files."""
    from .charts import save_dashboard

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = save_dashboard(stats, out_dir / "charts")
    if progress:
        progress(1, 2, "统计图表")
    summary = write_summary(stats, out_dir / SUMMARY_NAME, settings or ExportSettings())
    if progress:
        progress(2, 2, SUMMARY_NAME)
    return [summary, *charts]


def write_summary(stats: Statistics, path: Path, settings: ExportSettings) -> Path:
    """The Word summary: the annual-report sentence first, then each figure with its table."""
    from .charts import dashboard_figures, figure_bytes
    from .docx_builder import GovDocument

    doc = GovDocument(settings)
    doc.title(f"政策解读工作情况统计（{period_label(stats)}）")
    doc.blank()
    doc.body(annual_sentence(stats))
    doc.heading("政策解读情况（年度报告用表）", 1)
    doc.table(annual_table(stats), [100, 56], header=True, centered_columns=[1])
    note = "注：" + "".join(f"{i}.{name}：{text}" for i, (name, text)
                           in enumerate(FIGURE_DEFINITIONS, 1))
    doc.plain(note, "table")
    figures = dashboard_figures(stats)
    for key, heading in _SECTIONS:
        doc.heading(heading, 1)
        if key in figures:
            doc.picture(figure_bytes(figures[key], "png", dpi=settings.chart_dpi))
        rows = summary_rows(stats, key)
        doc.table(rows, [96, 60], header=True, centered_columns=[1])
    _close(figures)
    doc.save(path)
    return path


def _close(figures: dict) -> None:
    for fig in figures.values():
        fig.clear()


__all__ = ["export_statistics", "write_summary", "summary_rows", "STAT_LABELS"]
