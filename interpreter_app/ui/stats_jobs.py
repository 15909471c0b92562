"""Statistics work done in workers: figures, chart images and the exported report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.model import User
from ..services.workbench import Workbench

CHART_DPI = 100


@dataclass(frozen=True)
class Dashboard:
    """Figures of one period with the annual-report sentence and the charts as PNG bytes."""

    stats: object  # domain.statistics.Statistics
    sentence: str
    period: str
    charts: list[tuple[str, bytes]]


def compute_dashboard(db_path: Path, user: User, date_from: dt.date | None,
                      date_to: dt.date | None, department: str | None,
                      progress=None) -> Dashboard:
    """Compute the statistics and render every dashboard chart (own connection, no widgets)."""
    from ..domain.statistics import annual_sentence, period_label

    wb = Workbench.open(db_path)
    try:
        stats = wb.statistics.compute(user, date_from, date_to, department)
    finally:
        wb.close()
    return Dashboard(stats, annual_sentence(stats), period_label(stats),
                     render_charts(stats, progress))


def render_charts(stats, progress=None) -> list[tuple[str, bytes]]:
    """PNG bytes of every dashboard figure, in dashboard order."""
    from ..export.charts import dashboard_figures, figure_bytes
    from ..export.fonts import configure_matplotlib

    configure_matplotlib()
    figures = dashboard_figures(stats)
    images = []
    for index, (key, figure) in enumerate(figures.items()):
        images.append((key, figure_bytes(figure, "png", dpi=CHART_DPI)))
        if progress is not None:
            progress(index + 1, len(figures), key)
    return images


def export_report(db_path: Path, user: User, stats, out_dir: Path, progress=None) -> list[Path]:
    """Write the charts and the Word summary into out_dir (own connection, recorded)."""
    wb = Workbench.open(db_path)
    try:
        return wb.statistics.export_report(user, stats, Path(out_dir), progress=progress)
    finally:
        wb.close()
