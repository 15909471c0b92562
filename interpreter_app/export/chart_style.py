"""The one house style of our charts: colours, type sizes and matplotlib settings."""

from __future__ import annotations

from typing import Any

RED = "#B5282E"
NAVY = "#1F4E79"
OCHRE = "#C49A45"
SLATE = "#5E6E7E"
MUTED = "#C8CDD3"
TEXT = "#1F1F1F"
TEXT_SOFT = "#5F5F5F"
TEXT_FAINT = "#8A8A8A"
GRID = "#E3E3E3"
BASELINE = "#7F7F7F"
WHITE = "#FFFFFF"

# Series order: the red of official publications first, then navy, ochre and greys.
SERIES_COLORS: tuple[str, ...] = (
    RED, NAVY, OCHRE, SLATE, "#D98A8D", "#7EA1C4", "#A9B3BD", "#7A1C21",
)
# Up to twelve pie slices, still within the red/navy/ochre/grey family.
PIE_COLORS: tuple[str, ...] = (
    RED, NAVY, OCHRE, SLATE, "#D98A8D", "#7EA1C4", "#DDBF85", "#A9B3BD",
    "#7A1C21", "#143553", "#8C6A26", "#3E4A56",
)
# Greys for the other slices when one slice is highlighted.
MUTED_STEPS: tuple[str, ...] = ("#9AA3AD", "#B4BBC3", "#CDD2D8", "#E1E4E8")

# Type sizes in points, chosen for a figure printed at the 156 mm text width of an A4 page.
TITLE_SIZE = 13.5
SUBTITLE_SIZE = 9.5
TICK_SIZE = 9.5
VALUE_SIZE = 9
SMALL_VALUE_SIZE = 8
SOURCE_SIZE = 8.5
BIG_NUMBER_SIZE = 46
BIG_UNIT_SIZE = 18
BIG_LABEL_SIZE = 12.5
SECONDARY_SIZE = 22
SECONDARY_UNIT_SIZE = 11
SECONDARY_LABEL_SIZE = 9.5

PAD_PT = 6.0  # outer margin of the figure
SVG_HASHSALT = "interp-chart"  # fixed ids in SVG output, so equal specs give equal files
MINUS = "\u2212"


def house_rc() -> dict[str, Any]:
    """rcParams applied while a chart is built and saved."""
    return {
        "axes.edgecolor": BASELINE,
        "axes.facecolor": WHITE,
        "axes.labelcolor": TEXT,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "figure.facecolor": WHITE,
        "grid.color": GRID,
        "grid.linewidth": 0.7,
        "xtick.color": TEXT_SOFT,
        "ytick.color": TEXT_SOFT,
        "xtick.labelcolor": TEXT,
        "ytick.labelcolor": TEXT_SOFT,
        "xtick.labelsize": TICK_SIZE,
        "ytick.labelsize": TICK_SIZE,
        "xtick.major.size": 0,
        "ytick.major.size": 0,
        "legend.frameon": False,
        "legend.fontsize": SUBTITLE_SIZE,
        "text.color": TEXT,
        "svg.hashsalt": SVG_HASHSALT,
        "svg.fonttype": "path",
        "path.simplify": True,
    }


def series_color(index: int) -> str:
    """Colour of the n-th series, cycling through the house palette."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]


def with_minus(text: str) -> str:
    """Use the typographic minus sign for a leading hyphen-minus."""
    return MINUS + text[1:] if text.startswith("-") else text
