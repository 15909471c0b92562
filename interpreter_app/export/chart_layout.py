"""Places title, unit row, legend, source line and plotting area of a chart figure, in points."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from interpreter_app.domain.chartdata import wrap_label

from . import chart_style as st

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

ACCENT_WIDTH_PT = 3.5
ACCENT_GAP_PT = 6.0
ROW_GAP_PT = 7.0
SETTLED = 0.002  # fraction of the figure (about 0.3 pt at A4 text width) below which fit_axes stops


class ChartFrame:
    """Layout of one figure: header rows take space from the top, the source line from the bottom."""

    def __init__(self, fig: Figure) -> None:
        self.fig = fig
        self.width_pt = fig.get_figwidth() * 72
        self.height_pt = fig.get_figheight() * 72
        self.top_used = st.PAD_PT
        self.bottom_used = st.PAD_PT
        self.renderer = fig.canvas.get_renderer()

    # ---- coordinates ----------------------------------------------------------------------

    def fx(self, pt: float) -> float:
        """Figure fraction of a distance from the left edge."""
        return pt / self.width_pt

    def fy(self, pt_from_top: float) -> float:
        """Figure fraction of a distance from the top edge."""
        return 1 - pt_from_top / self.height_pt

    def height_of(self, artist: Any) -> float:
        """Rendered height of an artist in points."""
        return artist.get_window_extent(self.renderer).height * 72 / self.fig.dpi

    def width_of(self, artist: Any) -> float:
        """Rendered width of an artist in points."""
        return artist.get_window_extent(self.renderer).width * 72 / self.fig.dpi

    @property
    def inner_width_pt(self) -> float:
        """Width between the outer margins."""
        return self.width_pt - 2 * st.PAD_PT

    def content_box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) figure fractions left for the plot after header and footer."""
        return (self.fx(st.PAD_PT), self.bottom_used / self.height_pt,
                self.fx(self.width_pt - st.PAD_PT), self.fy(self.top_used))

    def content_size_pt(self) -> tuple[float, float]:
        """Width and height of the content box in points."""
        return self.inner_width_pt, self.height_pt - self.top_used - self.bottom_used

    # ---- header and footer ----------------------------------------------------------------

    def add_title(self, title: str) -> None:
        """The title at top left, bold, with a short red bar before it like a report heading."""
        if not title.strip():
            return
        indent = ACCENT_WIDTH_PT + ACCENT_GAP_PT
        lines = wrap_label(title.strip(), (self.inner_width_pt - indent) / st.TITLE_SIZE, 2,
                           whole_words=True)
        text = self.fig.text(self.fx(st.PAD_PT + indent), self.fy(self.top_used), lines,
                             ha="left", va="top", fontsize=st.TITLE_SIZE, fontweight="bold",
                             color=st.TEXT, linespacing=1.35)
        height = self.height_of(text)
        self._accent_bar(self.top_used, height)
        self.top_used += height + ROW_GAP_PT

    def _accent_bar(self, top_pt: float, height_pt: float) -> None:
        from matplotlib.patches import Rectangle

        bar = Rectangle((self.fx(st.PAD_PT), self.fy(top_pt + height_pt)),
                        self.fx(ACCENT_WIDTH_PT), height_pt / self.height_pt,
                        transform=self.fig.transFigure, color=st.RED, linewidth=0)
        self.fig.add_artist(bar)

    def add_unit_row(self, unit_label: str, handles: list[Any] | None = None,
                     labels: list[str] | None = None) -> None:
        """“单位：…” at the left and the legend at the right of one row (the legend wraps below)."""
        row_height = 0.0
        unit_right = st.PAD_PT
        if unit_label:
            text = self._small_text(unit_label, self.top_used)
            row_height = self.height_of(text)
            unit_right += self.width_of(text)
        if handles and labels:
            row_height = self._place_legend(handles, labels, unit_right, row_height)
        if row_height:
            self.top_used += row_height + ROW_GAP_PT

    def _small_text(self, text: str, top_pt: float) -> Text:
        return self.fig.text(self.fx(st.PAD_PT), self.fy(top_pt), text, ha="left", va="top",
                             fontsize=st.SUBTITLE_SIZE, color=st.TEXT_SOFT)

    def _place_legend(self, handles: list[Any], labels: list[str], unit_right: float,
                      row_height: float) -> float:
        legend = self._legend(handles, labels, len(labels), "upper right",
                              self.width_pt - st.PAD_PT, self.top_used)
        width = self.width_of(legend)
        if unit_right + 16 + width <= self.width_pt - st.PAD_PT:
            return max(row_height, self.height_of(legend))
        # Not enough room beside the unit: give the legend its own left-aligned rows.
        legend.remove()
        columns = max(1, int(len(labels) * self.inner_width_pt / width))
        top = self.top_used + (row_height + 4 if row_height else 0)
        legend = self._legend(handles, labels, min(columns, len(labels)), "upper left",
                              st.PAD_PT, top)
        return top - self.top_used + self.height_of(legend)

    def _legend(self, handles: list[Any], labels: list[str], columns: int, loc: str,
                x_pt: float, top_pt: float) -> Any:
        return self.fig.legend(
            handles, labels, loc=loc, bbox_to_anchor=(self.fx(x_pt), self.fy(top_pt)),
            bbox_transform=self.fig.transFigure, ncol=columns, frameon=False,
            fontsize=st.SUBTITLE_SIZE, borderaxespad=0, borderpad=0, handlelength=1.1,
            handleheight=0.75, handletextpad=0.45, columnspacing=1.4, labelcolor=st.TEXT)

    def add_source(self, source: str) -> None:
        """“数据来源：…” at the bottom left in small grey type."""
        if not source.strip():
            return
        line = wrap_label(f"数据来源：{source.strip()}", self.inner_width_pt / st.SOURCE_SIZE, 2)
        text = self.fig.text(self.fx(st.PAD_PT), self.bottom_used / self.height_pt, line,
                             ha="left", va="bottom", fontsize=st.SOURCE_SIZE,
                             color=st.TEXT_FAINT, linespacing=1.3)
        self.bottom_used += self.height_of(text) + ROW_GAP_PT

    # ---- plotting area --------------------------------------------------------------------

    def add_axes(self) -> Axes:
        """An axes filling the content box (refined later by fit_axes)."""
        x0, y0, x1, y1 = self.content_box()
        return self.fig.add_axes((x0, y0, x1 - x0, y1 - y0))

    def fit_axes(self, ax: Axes, box: tuple[float, float, float, float] | None = None) -> None:
        """Move the axes so that it and its tick and value labels fill the box exactly."""
        x0, y0, x1, y1 = box or self.content_box()
        inverse = self.fig.transFigure.inverted()
        for _ in range(3):  # tick labels move with the axes; a few passes settle them
            tight = ax.get_tightbbox(self.renderer).transformed(inverse)
            pos = ax.get_position()
            left, right = pos.x0 + (x0 - tight.x0), pos.x1 - (tight.x1 - x1)
            bottom, top = pos.y0 + (y0 - tight.y0), pos.y1 - (tight.y1 - y1)
            if right - left <= 0.05 or top - bottom <= 0.05:
                return
            moved = max(abs(left - pos.x0), abs(right - pos.x1), abs(bottom - pos.y0),
                        abs(top - pos.y1))
            ax.set_position((left, bottom, right - left, top - bottom))
            if moved < SETTLED:  # each pass costs a full text layout: stop once it is still
                return
