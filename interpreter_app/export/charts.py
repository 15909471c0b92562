"""Charts for 图解 materials and the dashboard: ChartSpec → matplotlib Figure → PNG or SVG bytes.

matplotlib is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from interpreter_app.domain.chartdata import chart_problems, text_units
from interpreter_app.domain.model import ChartSpec
from interpreter_app.domain.statistics import Statistics

from . import chart_style as st

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .chart_layout import ChartFrame

__all__ = [
    "FORMATS", "build_figure", "chart_problems", "dashboard_figures", "figure_bytes",
    "render_chart", "save_chart", "save_dashboard",
]

FORMATS = ("png", "svg")
DEFAULT_WIDTH_MM = 156.0  # the 版心 width of a GB/T 9704 page
MAX_HEIGHT_MM = 225.0  # the 版心 height: a chart never needs more than one page
PT_TO_MM = 25.4 / 72


def build_figure(spec: ChartSpec, *, width_mm: float = DEFAULT_WIDTH_MM,
                 height_mm: float | None = None) -> Figure:
    """The chart as a Figure with an Agg canvas; ValueError (Chinese text) when the spec is bad."""
    problems = chart_problems(spec)
    if problems:
        raise ValueError("；".join(problems))
    return _new_figure(width_mm, height_mm or default_height_mm(spec, width_mm),
                       lambda frame: _drawer(spec.type)(spec, frame))


def render_chart(spec: ChartSpec, fmt: str = "png", *, dpi: int = 300,
                 width_mm: float = DEFAULT_WIDTH_MM) -> bytes:
    """PNG or SVG bytes of the chart."""
    return figure_bytes(build_figure(spec, width_mm=width_mm), fmt, dpi=dpi)


def save_chart(spec: ChartSpec, path: Path, *, dpi: int = 300,
               width_mm: float = DEFAULT_WIDTH_MM) -> Path:
    """Write the chart to `path`, in the format its suffix names (.png or .svg)."""
    path = Path(path)
    data = render_chart(spec, _format_of(path), dpi=dpi, width_mm=width_mm)
    path.write_bytes(data)
    return path


def figure_bytes(fig: Figure, fmt: str = "png", *, dpi: int = 300) -> bytes:
    """Save a figure to bytes without dates, so equal charts give equal files."""
    import matplotlib

    if fmt not in FORMATS:
        raise ValueError(f"不支持的图片格式“{fmt}”：请使用 png 或 svg。")
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    buffer = io.BytesIO()
    with matplotlib.rc_context(st.house_rc()):
        fig.savefig(buffer, format=fmt, dpi=dpi, facecolor=st.WHITE, metadata=metadata)
    return buffer.getvalue()


# ---- dashboard -----------------------------------------------------------------------------

def dashboard_figures(stats: Statistics) -> dict[str, Figure]:
    """One figure per dashboard chart, keyed as in export.dashboard.DASHBOARD_KEYS."""
    from .dashboard import dashboard_specs

    return {key: _figure_or_placeholder(spec) for key, spec in dashboard_specs(stats).items()}


def save_dashboard(stats: Statistics, out_dir: Path, formats: tuple[str, ...] = FORMATS, *,
                   dpi: int = 300) -> list[Path]:
    """Write every dashboard chart as <key>.<format> into out_dir; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key, fig in dashboard_figures(stats).items():
        for fmt in formats:
            path = out_dir / f"{key}.{fmt}"
            path.write_bytes(figure_bytes(fig, fmt, dpi=dpi))
            written.append(path)
    return written


def _figure_or_placeholder(spec: ChartSpec) -> Figure:
    """The chart, or a titled card saying there is nothing to show yet."""
    if not chart_problems(spec):
        return build_figure(spec)
    return _new_figure(DEFAULT_WIDTH_MM, 60.0, lambda frame: _draw_empty(spec, frame))


def _draw_empty(spec: ChartSpec, frame: ChartFrame) -> None:
    frame.add_title(spec.title)
    frame.add_source(spec.source)
    x0, y0, x1, y1 = frame.content_box()
    frame.fig.text((x0 + x1) / 2, (y0 + y1) / 2, "本期暂无数据", ha="center", va="center",
                   fontsize=st.BIG_LABEL_SIZE, color=st.TEXT_FAINT)


# ---- internals -----------------------------------------------------------------------------

def _new_figure(width_mm: float, height_mm: float,
                draw: Callable[[ChartFrame], None]) -> Figure:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .chart_layout import ChartFrame
    from .fonts import configure_matplotlib

    configure_matplotlib()
    with matplotlib.rc_context(st.house_rc()):
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=100)
        FigureCanvasAgg(fig)
        draw(ChartFrame(fig))
    return fig


def _drawer(chart_type: str) -> Callable[[ChartSpec, ChartFrame], None]:
    from . import chart_axes, chart_round

    return {
        "bar": chart_axes.draw_bars, "barh": chart_axes.draw_bars,
        "grouped": chart_axes.draw_bars, "stacked": chart_axes.draw_stacked,
        "line": chart_axes.draw_line, "pie": chart_round.draw_pie,
        "donut": chart_round.draw_pie, "big_number": chart_round.draw_big_number,
    }[chart_type]


def _format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"不支持的图片格式“{path.suffix}”：请使用 .png 或 .svg。")
    return fmt


def default_height_mm(spec: ChartSpec, width_mm: float = DEFAULT_WIDTH_MM) -> float:
    """A height that suits the chart type and amount of data at the given width."""
    chrome = _chrome_mm(spec, width_mm)
    if spec.type == "barh":
        rows = len(spec.categories) * (7.5 + 4.0 * (len(spec.series) - 1))
        height = chrome + rows + 12
    elif spec.type in ("pie", "donut"):
        height = max(width_mm * 0.5, chrome + 8 * len(spec.categories))
    elif spec.type == "big_number":
        from .chart_round import big_number_height_pt

        height = chrome + big_number_height_pt(spec) * PT_TO_MM
    else:
        height = width_mm * 0.62
    return min(MAX_HEIGHT_MM, max(height, 40.0))


def _chrome_mm(spec: ChartSpec, width_mm: float) -> float:
    """Approximate height of title, unit row and source line."""
    inner_pt = width_mm / PT_TO_MM - 2 * st.PAD_PT - 10
    title_lines = min(2, int(text_units(spec.title) * st.TITLE_SIZE // inner_pt) + 1)
    title = (title_lines * st.TITLE_SIZE * 1.35 + 7) if spec.title else 0
    unit_row = st.SUBTITLE_SIZE * 1.3 + 7
    source = st.SOURCE_SIZE * 1.4 + 7 if spec.source else 0
    return (2 * st.PAD_PT + title + unit_row + source) * PT_TO_MM
