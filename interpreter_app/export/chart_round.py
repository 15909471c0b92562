"""Charts without value axes: pie, donut and the key-figure card (big_number)."""

from __future__ import annotations

import math
import re
from typing import Any

from interpreter_app.domain.chartdata import figure_units, format_value, text_units, wrap_label
from interpreter_app.domain.model import ChartSpec

from . import chart_style as st
from .chart_layout import ChartFrame

DONUT_RING = 0.34
LEGEND_GAP_PT = 28.0
MIN_LABELLED_SHARE = 0.07  # thinner slices show their share in the table only
_NUMBER_PART = re.compile(r"^([−-]?[\d,]+(?:\.\d+)?)(.*)$")


# ---- pie and donut -------------------------------------------------------------------------

def draw_pie(spec: ChartSpec, frame: ChartFrame) -> None:
    """pie and donut: slices clockwise from twelve o'clock, shares inside, a value table beside."""
    frame.add_title(spec.title)
    frame.add_source(spec.source)
    values = spec.series[0].values
    total = sum(values)
    colors = _slice_colors(spec)
    ax = frame.add_axes()
    ax.set_axis_off()
    donut = spec.type == "donut"
    wedges, _texts = ax.pie(
        values, colors=colors, startangle=90, counterclock=False,
        explode=[0.04 if c == spec.highlight else 0 for c in spec.categories],
        wedgeprops={"width": DONUT_RING if donut else 1, "edgecolor": st.WHITE,
                    "linewidth": 1.4})
    ax.set_aspect("equal")
    table = _LegendTable(frame, spec, colors, values, total)
    diameter = _place_pie(frame, ax, table)
    if donut:  # a ring is too thin for labels: its shares are in the table
        _donut_centre(frame, ax, spec, total, diameter)
    else:
        _share_labels(ax, wedges, values, total)


def _slice_colors(spec: ChartSpec) -> list[str]:
    if not spec.highlight:
        return list(st.PIE_COLORS[: len(spec.categories)])
    greys = iter(st.MUTED_STEPS * 3)
    return [st.RED if c == spec.highlight else next(greys) for c in spec.categories]


def _share_labels(ax: Any, wedges: list[Any], values: list[float], total: float) -> None:
    from .chart_axes import ink_for

    radius = 0.64
    for wedge, value in zip(wedges, values, strict=True):
        share = value / total
        if share < MIN_LABELLED_SHARE:
            continue
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        cx, cy = wedge.center
        ax.text(cx + radius * math.cos(angle), cy + radius * math.sin(angle), _percent(share),
                ha="center", va="center", fontsize=st.VALUE_SIZE,
                fontweight="bold", color=ink_for(wedge.get_facecolor()))


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _donut_centre(frame: ChartFrame, ax: Any, spec: ChartSpec, total: float,
                  diameter_pt: float) -> None:
    """“合计” and the total inside the ring, shrunk until it fits the hole."""
    room = diameter_pt * (1 - DONUT_RING) * 0.72
    ax.text(0, 0.16, "合计", ha="center", va="center", fontsize=st.SUBTITLE_SIZE,
            color=st.TEXT_SOFT)
    text = ax.text(0, -0.08, format_value(total, spec.unit), ha="center", va="center",
                   fontweight="bold", color=st.TEXT)
    size = st.SECONDARY_SIZE * 0.85
    text.set_fontsize(size)
    while frame.width_of(text) > room and size > st.VALUE_SIZE:
        size -= 1
        text.set_fontsize(size)


class _LegendTable:
    """Slice colour, name, value and share in aligned columns beside the pie."""

    ROW_PT = st.TICK_SIZE * 2.1
    SWATCH_PT = st.TICK_SIZE * 0.9
    GAP_PT = st.TICK_SIZE * 1.2

    def __init__(self, frame: ChartFrame, spec: ChartSpec, colors: list[str],
                 values: list[float], total: float) -> None:
        self.frame, self.colors = frame, colors
        fig = frame.fig
        self.rows = []
        for cat, value in zip(spec.categories, values, strict=True):
            strong = cat == spec.highlight
            cells = (wrap_label(cat, 10, 1), format_value(value, spec.unit),
                     _percent(value / total))
            self.rows.append([fig.text(0, 0, cell, fontsize=st.TICK_SIZE, va="center",
                                       color=st.RED if strong else st.TEXT,
                                       fontweight="bold" if strong else "normal")
                              for cell in cells])
        self.widths = [max(frame.width_of(row[c]) for row in self.rows) for c in range(3)]

    @property
    def width_pt(self) -> float:
        """Total width of swatch and three columns."""
        return self.SWATCH_PT + self.GAP_PT * 0.6 + sum(self.widths) + 2 * self.GAP_PT

    def place(self, left_pt: float, centre_y: float) -> None:
        """Put the table's left edge at left_pt, centred on centre_y (a figure fraction)."""
        from matplotlib.patches import Rectangle

        frame = self.frame
        top = centre_y + len(self.rows) * self.ROW_PT / 2 / frame.height_pt
        name_x = left_pt + self.SWATCH_PT + self.GAP_PT * 0.6
        value_right = name_x + self.widths[0] + self.GAP_PT + self.widths[1]
        share_right = value_right + self.GAP_PT + self.widths[2]
        for i, (name, value, share) in enumerate(self.rows):
            y = top - (i + 0.5) * self.ROW_PT / frame.height_pt
            name.set_position((frame.fx(name_x), y))
            value.set_position((frame.fx(value_right), y))
            value.set_horizontalalignment("right")
            share.set_position((frame.fx(share_right), y))
            share.set_horizontalalignment("right")
            share.set_color(st.TEXT_SOFT)
            half = self.SWATCH_PT / 2 / frame.height_pt
            frame.fig.add_artist(Rectangle(
                (frame.fx(left_pt), y - half), frame.fx(self.SWATCH_PT), 2 * half,
                transform=frame.fig.transFigure, color=self.colors[i], linewidth=0))


def _place_pie(frame: ChartFrame, ax: Any, table: _LegendTable) -> float:
    """Pie and table side by side, centred as a group; returns the pie's diameter in points."""
    _x0, y0, _x1, y1 = frame.content_box()
    width_pt, height_pt = frame.content_size_pt()
    diameter = min(height_pt - 6, width_pt - table.width_pt - LEGEND_GAP_PT, width_pt * 0.5)
    left = st.PAD_PT + max(0.0, (width_pt - diameter - LEGEND_GAP_PT - table.width_pt) / 2)
    bottom = y0 + (y1 - y0 - diameter / frame.height_pt) / 2
    ax.set_position((frame.fx(left), bottom, frame.fx(diameter), diameter / frame.height_pt))
    table.place(left + diameter + LEGEND_GAP_PT, (y0 + y1) / 2)
    return diameter


# ---- key figures ---------------------------------------------------------------------------

def draw_big_number(spec: ChartSpec, frame: ChartFrame) -> None:
    """A card with one key figure (first category) and up to four secondary figures."""
    frame.add_title(spec.title)
    frame.add_source(spec.source)
    values = spec.series[0].values
    units = figure_units(spec)
    _, height_pt = frame.content_size_pt()
    top = frame.top_used
    secondary = list(zip(spec.categories[1:], values[1:], units[1:], strict=True))
    main_block = st.BIG_NUMBER_SIZE * 0.95 + st.BIG_LABEL_SIZE * 1.6 + 10
    block = main_block + (_SECONDARY_BLOCK_PT + 18 if secondary else 0)
    top += max(4.0, (height_pt - block) / 2)  # centre the card's contents vertically
    centre = frame.width_pt / 2
    baseline = top + st.BIG_NUMBER_SIZE * 0.82
    _figure_with_unit(frame, centre, baseline, format_value(values[0], units[0]),
                      st.BIG_NUMBER_SIZE, st.BIG_UNIT_SIZE, st.RED)
    frame.fig.text(frame.fx(centre), frame.fy(baseline + 10), spec.categories[0], ha="center",
                   va="top", fontsize=st.BIG_LABEL_SIZE, color=st.TEXT)
    if secondary:
        _secondary_row(frame, secondary, top + main_block + 10)


_SECONDARY_BLOCK_PT = st.SECONDARY_SIZE * 0.95 + st.SECONDARY_LABEL_SIZE * 1.5 + 8


def _figure_with_unit(frame: ChartFrame, centre_pt: float, baseline_pt: float, text: str,
                      size: float, unit_size: float, color: str) -> None:
    """Number and its unit on one baseline, centred together; the unit is set smaller."""
    match = _NUMBER_PART.match(text)
    number, unit = (match.group(1), match.group(2)) if match else (text, "")
    y = frame.fy(baseline_pt)
    number_text = frame.fig.text(0, y, st.with_minus(number), ha="left", va="baseline",
                                 fontsize=size, fontweight="bold", color=color)
    unit_text = frame.fig.text(0, y, unit, ha="left", va="baseline", fontsize=unit_size,
                               color=color)
    gap = size * 0.08 if unit else 0
    width = frame.width_of(number_text) + gap + (frame.width_of(unit_text) if unit else 0)
    left = centre_pt - width / 2
    number_text.set_x(frame.fx(left))
    unit_text.set_x(frame.fx(left + frame.width_of(number_text) + gap))


def _secondary_row(frame: ChartFrame, items: list[tuple[str, float, str]],
                   top_pt: float) -> None:
    from matplotlib.lines import Line2D

    inner = frame.inner_width_pt
    column = inner / len(items)
    rule_y = frame.fy(top_pt)
    frame.fig.add_artist(Line2D([frame.fx(st.PAD_PT + inner * 0.08),
                                 frame.fx(st.PAD_PT + inner * 0.92)], [rule_y, rule_y],
                                transform=frame.fig.transFigure, color=st.GRID, linewidth=0.9))
    baseline = top_pt + 16 + st.SECONDARY_SIZE * 0.82
    for i, (label, value, unit) in enumerate(items):
        centre = st.PAD_PT + column * (i + 0.5)
        _figure_with_unit(frame, centre, baseline, format_value(value, unit),
                          st.SECONDARY_SIZE, st.SECONDARY_UNIT_SIZE, st.NAVY)
        frame.fig.text(frame.fx(centre), frame.fy(baseline + 7),
                       wrap_label(label, column / st.SECONDARY_LABEL_SIZE * 0.9, 2),
                       ha="center", va="top", fontsize=st.SECONDARY_LABEL_SIZE,
                       color=st.TEXT_SOFT, linespacing=1.25)


def big_number_height_pt(spec: ChartSpec) -> float:
    """Room the card's contents need, without title and source."""
    main_block = st.BIG_NUMBER_SIZE * 0.95 + st.BIG_LABEL_SIZE * 1.6 + 10
    secondary = _SECONDARY_BLOCK_PT + 28 if len(spec.categories) > 1 else 0
    longest = max((text_units(c) for c in spec.categories[1:]), default=0)
    return main_block + secondary + (st.SECONDARY_LABEL_SIZE * 1.3 if longest > 10 else 0) + 16
