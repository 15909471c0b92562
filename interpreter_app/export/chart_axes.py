"""Charts with axes: bar, barh, grouped, stacked and line, drawn into a ChartFrame."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# Only loaded when a chart is drawn (charts.py imports it lazily), so matplotlib may load here.
from matplotlib.ticker import Formatter, MaxNLocator

from interpreter_app.domain.chartdata import (
    SCALES,
    format_value,
    pick_scale,
    shared_decimals,
    text_units,
    unit_allows_scale,
    wrap_label,
)
from interpreter_app.domain.model import ChartSpec

from . import chart_style as st
from .chart_layout import ChartFrame

if TYPE_CHECKING:
    from matplotlib.axes import Axes

LABEL_GAP_PT = 3.0
CATEGORY_COLUMN_EM = 8.0  # barh category labels wrap at this width
GROUP_WIDTH = 0.8
SINGLE_WIDTH = 0.58
MAX_BAR_PT = 46.0  # about 16 mm: wider bars look like blocks
# Gap between neighbouring groups, in bar widths at most: with two bars on a wide plot each
# bar sat at the far edge of its half. A designer keeps the few bars together in the middle.
MAX_GAP_BARS = 1.6


# ---- numbers -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Numbers:
    """How one chart writes its numbers: a shared 万/亿 scale and a shared number of decimals."""

    scale: str = ""
    decimals: int = 0

    @classmethod
    def for_spec(cls, spec: ChartSpec, extra: list[float] | None = None) -> Numbers:
        """The scale and decimals that suit every value (and the extra ones, e.g. totals)."""
        values = [v for s in spec.series for v in s.values] + (extra or [])
        scale = pick_scale(values) if unit_allows_scale(spec.unit) else ""
        return cls(scale, shared_decimals(values, scale))

    def label(self, value: float) -> str:
        """A value label, with the typographic minus sign."""
        return tick(value, self.scale, self.decimals)

    def unit_label(self, unit: str) -> str:
        """“单位：万元” from the scale word and the spec's unit."""
        text = f"{self.scale}{unit}"
        return f"单位：{text}" if text else ""


def tick(value: float, scale: str, decimals: int | None = None) -> str:
    """A number on the given scale; decimals trimmed unless fixed."""
    return st.with_minus(format_value(value / SCALES[scale], "", scale="", decimals=decimals))


def header(spec: ChartSpec, frame: ChartFrame, nums: Numbers, handles: list[Any] | None = None,
           labels: list[str] | None = None) -> None:
    """Title, unit row with legend, and source line."""
    frame.add_title(spec.title)
    frame.add_unit_row(nums.unit_label(spec.unit), handles, labels)
    frame.add_source(spec.source)


# ---- axes styling --------------------------------------------------------------------------

def style_axes(ax: Axes, value_axis: str, nums: Numbers) -> None:
    """No frame, light grid along the value axis, value ticks on the shared scale."""
    category_axis = "x" if value_axis == "y" else "y"
    for spine in ax.spines.values():
        spine.set_visible(False)
    # tick_params also fixes ticks created later, outside the style's rc_context.
    ax.tick_params(axis="both", length=0, labelsize=st.TICK_SIZE, pad=5)
    ax.tick_params(axis=category_axis, labelcolor=st.TEXT)
    ax.tick_params(axis=value_axis, labelcolor=st.TEXT_SOFT)
    ax.grid(axis=value_axis, color=st.GRID, linewidth=0.7)
    ax.grid(axis=category_axis, visible=False)
    ax.set_axisbelow(True)
    axis = ax.yaxis if value_axis == "y" else ax.xaxis
    # Whole-number data (counts) must not get ticks like 0.25; no 2.5 steps either.
    whole = nums.decimals == 0
    # With small counts (0–1) three ticks would force 0.5: two whole ticks are enough.
    axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10],
                                       min_n_ticks=2 if whole else 3, integer=whole))
    axis.set_major_formatter(_TickFormatter(nums.scale))


class _TickFormatter(Formatter):
    """Value-axis ticks on the chart's scale, all with the same number of decimals."""

    def __init__(self, scale: str) -> None:
        self.scale = scale
        self.decimals = 0

    def set_locs(self, locs: Any) -> None:
        """Remember the decimals the visible ticks need."""
        super().set_locs(locs)
        self.decimals = shared_decimals([float(v) for v in locs], self.scale)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return tick(x, self.scale, self.decimals)


def zero_line(ax: Axes, value_axis: str) -> None:
    """The baseline at zero, drawn over the grid."""
    draw = ax.axhline if value_axis == "y" else ax.axvline
    draw(0, color=st.BASELINE, linewidth=0.9, zorder=2.5)


def set_value_limits(ax: Axes, value_axis: str, lo: float, hi: float, length_pt: float,
                     pad_lo_pt: float, pad_hi_pt: float) -> None:
    """Limits leaving `pad_*_pt` points beyond the data for value labels."""
    if hi <= lo:
        lo, hi = (lo - 1, hi + 1) if lo == hi and lo != 0 else (lo, lo + 1)
    f_lo, f_hi = pad_lo_pt / length_pt, pad_hi_pt / length_pt
    span = (hi - lo) / max(0.3, 1 - f_lo - f_hi)
    limits = (lo - f_lo * span, hi + f_hi * span)
    (ax.set_ylim if value_axis == "y" else ax.set_xlim)(*limits)


def category_ticks(ax: Axes, frame: ChartFrame, spec: ChartSpec, horizontal: bool) -> None:
    """Category labels, wrapped to the room each category has; rotated and thinned when crowded."""
    cats, n = spec.categories, len(spec.categories)
    if horizontal:
        ax.set_yticks(range(n), [wrap_label(c, CATEGORY_COLUMN_EM, 2) for c in cats])
        ax.invert_yaxis()  # first category on top, as it reads in the data grid
    else:
        _vertical_category_ticks(ax, frame, cats)
    labels = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
    for label, cat in zip(labels, cats, strict=False):
        if spec.highlight and cat == spec.highlight:
            label.set_fontweight("bold")
            label.set_color(st.RED)


def _vertical_category_ticks(ax: Axes, frame: ChartFrame, cats: list[str]) -> None:
    n = len(cats)
    width_pt = frame.content_size_pt()[0] - 40
    room_em = width_pt / n / st.TICK_SIZE * 0.9
    if room_em >= 1.9:
        ax.set_xticks(range(n), [wrap_label(c, room_em, 3) for c in cats])
        return
    step = max(1, math.ceil(n * st.TICK_SIZE * 1.7 / width_pt))
    labels = [wrap_label(c, 7, 1) if i % step == 0 else "" for i, c in enumerate(cats)]
    ax.set_xticks(range(n), labels, rotation=45, ha="right", rotation_mode="anchor")


def category_length_pt(frame: ChartFrame, horizontal: bool) -> float:
    """Estimated length of the category axis before the final fit."""
    width, height = frame.content_size_pt()
    return height - 10 if horizontal else width - 40


def value_length_pt(frame: ChartFrame, horizontal: bool) -> float:
    """Estimated length of the value axis before the final fit."""
    width, height = frame.content_size_pt()
    return width - CATEGORY_COLUMN_EM * st.TICK_SIZE - 20 if horizontal else height * 0.8


# ---- colours -------------------------------------------------------------------------------

def bar_colors(spec: ChartSpec, index: int) -> list[Any]:
    """Per-bar colours of one series: the highlighted category stands out, the others recede."""
    from matplotlib.colors import to_rgba

    single = len(spec.series) == 1
    base = st.NAVY if single else st.series_color(index)
    if not spec.highlight:
        return [base] * len(spec.categories)
    if single:
        return [st.RED if c == spec.highlight else st.MUTED for c in spec.categories]
    return [to_rgba(base, 1 if c == spec.highlight else 0.32) for c in spec.categories]


def ink_for(color: Any) -> str:
    """White or dark text, whichever reads better on the colour."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(color)
    return st.TEXT if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 else st.WHITE


def legend_patches(spec: ChartSpec) -> tuple[list[Any], list[str]]:
    """Legend entries for bar series (none for a single series)."""
    from matplotlib.patches import Patch

    if len(spec.series) < 2:
        return [], []
    handles = [Patch(facecolor=st.series_color(j), linewidth=0) for j in range(len(spec.series))]
    return handles, [s.name or f"系列{j + 1}" for j, s in enumerate(spec.series)]


# ---- bars ----------------------------------------------------------------------------------

def draw_bars(spec: ChartSpec, frame: ChartFrame) -> None:
    """bar, barh and grouped: one bar per value, series side by side."""
    horizontal = spec.type == "barh"
    value_axis = "x" if horizontal else "y"
    nums = Numbers.for_spec(spec)
    header(spec, frame, nums, *legend_patches(spec))
    ax = frame.add_axes()
    style_axes(ax, value_axis, nums)
    k = len(spec.series)
    width = bar_width(frame, spec, horizontal)
    size = _label_size(frame, spec, nums, horizontal, width)
    pads = [0.0, 0.0]
    for j, series in enumerate(spec.series):
        offsets = [i + (j - (k - 1) / 2) * width for i in range(len(spec.categories))]
        draw = ax.barh if horizontal else ax.bar
        bars = draw(offsets, series.values, width * 0.88, color=bar_colors(spec, j),
                    linewidth=0, zorder=2)
        if size:
            _bar_labels(ax, bars, spec, series.values, nums, size, horizontal, pads)
    zero_line(ax, value_axis)
    set_category_limits(ax, frame, spec, horizontal)
    category_ticks(ax, frame, spec, horizontal)
    values = [v for s in spec.series for v in s.values]
    set_value_limits(ax, value_axis, min(0, *values), max(0, *values),
                     value_length_pt(frame, horizontal), pads[0] + 2, pads[1] + 2)
    frame.fit_axes(ax)


def bar_width(frame: ChartFrame, spec: ChartSpec, horizontal: bool) -> float:
    """Width of one bar in category units; few categories must not give slabs."""
    k = 1 if spec.type == "stacked" else len(spec.series)
    slot_pt = category_length_pt(frame, horizontal) / category_span(frame, spec, horizontal)
    group = min(SINGLE_WIDTH if k == 1 else GROUP_WIDTH, MAX_BAR_PT * k ** 0.6 / slot_pt)
    return group / k


def category_span(frame: ChartFrame, spec: ChartSpec, horizontal: bool) -> float:
    """How many category slots the axis shows: the categories, or more when so few that their
    bars would stand far apart (they are then centred, with margins on both sides)."""
    n = len(spec.categories)
    k = 1 if spec.type == "stacked" else len(spec.series)
    group_pt = MAX_BAR_PT * k ** 0.6  # the widest a group of bars is drawn
    widest_slot_pt = group_pt + MAX_GAP_BARS * group_pt / k
    return max(float(n), category_length_pt(frame, horizontal) / widest_slot_pt)


def set_category_limits(ax: Axes, frame: ChartFrame, spec: ChartSpec, horizontal: bool) -> None:
    """Show the categories centred in category_span slots."""
    half = category_span(frame, spec, horizontal) / 2
    middle = (len(spec.categories) - 1) / 2
    (ax.set_ylim if horizontal else ax.set_xlim)(middle - half, middle + half)


def _label_size(frame: ChartFrame, spec: ChartSpec, nums: Numbers, horizontal: bool,
                width: float) -> float:
    """Font size for value labels, or 0 when bars are too thin to carry them."""
    slot_pt = category_length_pt(frame, horizontal) / len(spec.categories) * width
    longest = max(text_units(nums.label(v)) for s in spec.series for v in s.values)
    for size in (st.VALUE_SIZE, st.SMALL_VALUE_SIZE):
        needed = size * 1.25 if horizontal else longest * size
        if needed <= slot_pt * 1.15:
            return size
    return 0.0


def _bar_labels(ax: Axes, bars: Any, spec: ChartSpec, values: list[float], nums: Numbers,
                size: float, horizontal: bool, pads: list[float]) -> None:
    texts = [nums.label(v) for v in values]
    annotations = ax.bar_label(bars, labels=texts, padding=LABEL_GAP_PT, fontsize=size,
                               color=st.TEXT_SOFT)
    for note, cat, value, text in zip(annotations, spec.categories, values, texts, strict=True):
        if spec.highlight == cat:
            note.set_color(st.RED)
            note.set_fontweight("bold")
        extent = text_units(text) * size if horizontal else size * 1.3
        side = 0 if value < 0 else 1
        pads[side] = max(pads[side], extent + LABEL_GAP_PT)


def draw_stacked(spec: ChartSpec, frame: ChartFrame) -> None:
    """stacked: series piled per category, negatives below zero, the net total above each pile."""
    n = len(spec.categories)
    totals = [sum(s.values[i] for s in spec.series) for i in range(n)]
    nums = Numbers.for_spec(spec, totals)
    header(spec, frame, nums, *legend_patches(spec))
    ax = frame.add_axes()
    style_axes(ax, "y", nums)
    up, down = [0.0] * n, [0.0] * n
    columns = list(zip(*(s.values for s in spec.series), strict=True))
    span = max(1e-9, max(sum(abs(v) for v in col) for col in columns))
    width = bar_width(frame, spec, horizontal=False)
    for j, series in enumerate(spec.series):
        bottoms = [up[i] if v >= 0 else down[i] for i, v in enumerate(series.values)]
        colors = bar_colors(spec, j)
        ax.bar(range(n), series.values, width, bottom=bottoms, color=colors, linewidth=0.6,
               edgecolor=st.WHITE, zorder=2)
        _segment_labels(ax, series.values, bottoms, colors, nums, span)
        for i, v in enumerate(series.values):
            up[i], down[i] = (up[i] + v, down[i]) if v >= 0 else (up[i], down[i] + v)
    _total_labels(ax, spec, totals, up, down, nums)
    zero_line(ax, "y")
    set_category_limits(ax, frame, spec, horizontal=False)
    category_ticks(ax, frame, spec, horizontal=False)
    pad = st.VALUE_SIZE * 1.3 + LABEL_GAP_PT + 2
    set_value_limits(ax, "y", min(0, *down), max(0, *up), value_length_pt(frame, False),
                     pad if min(down) < 0 else 0, pad)
    frame.fit_axes(ax)


def _segment_labels(ax: Axes, values: list[float], bottoms: list[float], colors: list[Any],
                    nums: Numbers, span: float) -> None:
    for i, (v, b, c) in enumerate(zip(values, bottoms, colors, strict=True)):
        if abs(v) >= span * 0.09:  # smaller segments have no room for a number
            ax.text(i, b + v / 2, nums.label(v), ha="center", va="center",
                    fontsize=st.SMALL_VALUE_SIZE, color=ink_for(c), zorder=3)


def _total_labels(ax: Axes, spec: ChartSpec, totals: list[float], up: list[float],
                  down: list[float], nums: Numbers) -> None:
    for i, total in enumerate(totals):
        below = total < 0 and up[i] == 0
        y, offset = (down[i], -LABEL_GAP_PT) if below else (up[i], LABEL_GAP_PT)
        strong = spec.highlight == spec.categories[i]
        ax.annotate(nums.label(total), (i, y), xytext=(0, offset), textcoords="offset points",
                    ha="center", va="top" if below else "bottom", fontsize=st.VALUE_SIZE,
                    color=st.RED if strong else st.TEXT, fontweight="bold")


# ---- line ----------------------------------------------------------------------------------

def draw_line(spec: ChartSpec, frame: ChartFrame) -> None:
    """line: one line per series with round markers; values labelled while there is room."""
    from matplotlib.lines import Line2D

    nums = Numbers.for_spec(spec)
    k, n = len(spec.series), len(spec.categories)
    handles = [Line2D([], [], color=st.series_color(j), linewidth=2.2) for j in range(k)]
    names = [s.name or f"系列{j + 1}" for j, s in enumerate(spec.series)]
    header(spec, frame, nums, *((handles, names) if k > 1 else ([], [])))
    ax = frame.add_axes()
    style_axes(ax, "y", nums)
    labelled = (k == 1 and n <= 24) or n * k <= 24
    for j, series in enumerate(spec.series):
        color = st.series_color(j) if k > 1 else st.NAVY
        ax.plot(range(n), series.values, color=color, linewidth=2.2, marker="o",
                markersize=5.5 if n <= 24 else 3.5, markerfacecolor=st.WHITE,
                markeredgewidth=1.8, zorder=3, clip_on=False)
        if labelled:
            _point_labels(ax, spec, j, nums, color if k > 1 else st.TEXT_SOFT,
                          st.VALUE_SIZE if n <= 12 else st.SMALL_VALUE_SIZE)
    _mark_highlight(ax, spec)
    _line_limits(ax, frame, spec, labelled)
    ax.set_xlim(-0.5, n - 0.5)
    category_ticks(ax, frame, spec, horizontal=False)
    frame.fit_axes(ax)


def _point_labels(ax: Axes, spec: ChartSpec, index: int, nums: Numbers, color: str,
                  size: float) -> None:
    values = spec.series[index].values
    for i, v in enumerate(values):
        strong = spec.highlight == spec.categories[i]
        below = _label_below(spec, index, i)
        offset = (10 if strong else 6) * (-1 if below else 1)
        ax.annotate(nums.label(v), (i, v), xytext=(0, offset), textcoords="offset points",
                    ha="center", va="top" if below else "bottom", fontsize=size,
                    color=st.RED if strong else color, fontweight="bold" if strong else "normal",
                    zorder=4, bbox={"boxstyle": "square,pad=0.08", "facecolor": st.WHITE,
                                    "edgecolor": "none", "alpha": 0.85})


def _label_below(spec: ChartSpec, index: int, i: int) -> bool:
    """Below a valley of a single line, or where another series runs higher."""
    values = spec.series[index].values
    value = values[i]
    if len(spec.series) == 1:
        neighbours = values[max(0, i - 1):i] + values[i + 1:i + 2]
        return bool(neighbours) and all(value < v for v in neighbours)
    column = [s.values[i] for s in spec.series]
    return value < max(column) or column.index(value) != index


def _mark_highlight(ax: Axes, spec: ChartSpec) -> None:
    if not spec.highlight:
        return
    i = spec.categories.index(spec.highlight)
    ax.axvline(i, color=st.RED, linewidth=0.8, linestyle=(0, (3, 3)), zorder=1)
    for series in spec.series:
        ax.plot([i], [series.values[i]], marker="o", markersize=8, color=st.RED, zorder=5,
                clip_on=False)


def _line_limits(ax: Axes, frame: ChartFrame, spec: ChartSpec, labelled: bool) -> None:
    values = [v for s in spec.series for v in s.values]
    lo, hi = min(values), max(values)
    # Counts and amounts read honestly from zero unless they all sit far above it.
    if 0 <= lo <= hi * 0.5:
        lo = 0.0
    if lo < 0 < hi or lo == 0:
        zero_line(ax, "y")
    pad = st.VALUE_SIZE * 1.3 + 12 if labelled else 8
    below = pad if labelled and lo != 0 or len(spec.series) > 1 else 6
    set_value_limits(ax, "y", lo, hi, value_length_pt(frame, False), below, pad)
