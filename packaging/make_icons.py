"""Draw the application icon: resources/icons/app.svg and PNGs of 16–256 px rendered from it.

The icon is a red seal (印章) with a page corner folded over and the character 解 in white.
The character is taken from the bundled font as an outline, so the SVG needs no font.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "InterpSansSC-Bold.otf"
SIZES = (16, 32, 48, 64, 128, 256)
RED, DARK_RED, WHITE = "#B5282E", "#8E1F24", "#FFFFFF"
CHARACTER = "解"


def glyph_path(character: str, font_path: Path) -> tuple[str, float, tuple[float, float, float, float]]:
    """SVG path data of a character in font units, the units per em and the glyph's bounds."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_path))
    name = font.getBestCmap()[ord(character)]
    glyphs = font.getGlyphSet()
    pen, bounds = SVGPathPen(glyphs), BoundsPen(glyphs)
    glyphs[name].draw(pen)
    glyphs[name].draw(bounds)
    return pen.getCommands(), font["head"].unitsPerEm, bounds.bounds


def build_svg() -> str:
    """The icon on a 256 × 256 canvas."""
    path, _upm, (x0, y0, x1, y1) = glyph_path(CHARACTER, FONT)
    box = 148.0  # the character fills this square, centred in the seal
    scale = box / max(x1 - x0, y1 - y0)
    cx, cy = 128.0, 134.0
    tx = cx - (x0 + x1) / 2 * scale
    ty = cy + (y0 + y1) / 2 * scale
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>政策解读工作台</title>
  <path d="M40 12 H188 L244 68 V216 A28 28 0 0 1 216 244 H40 A28 28 0 0 1 12 216 V40 A28 28 0 0 1 40 12 Z"
        fill="{RED}"/>
  <path d="M188 12 V52 A16 16 0 0 0 204 68 H244 Z" fill="{DARK_RED}"/>
  <path d="M34 30 H180 M226 76 V212 A14 14 0 0 1 212 226 H44 A14 14 0 0 1 30 212 V44 A14 14 0 0 1 44 30"
        fill="none" stroke="{WHITE}" stroke-width="6" stroke-linecap="round"/>
  <path transform="translate({tx:.2f} {ty:.2f}) scale({scale:.5f} {-scale:.5f})" fill="{WHITE}"
        d="{path}"/>
</svg>
"""


def render_pngs(svg: Path, out_dir: Path) -> list[Path]:
    """Render the SVG to app-<size>.png for every size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"app-{size}.png"
        if not image.save(str(path)):
            raise OSError(f"无法写入 {path}")
        written.append(path)
    return written


def main() -> int:
    """Write app.svg and the PNGs."""
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = ICONS / "app.svg"
    svg.write_text(build_svg(), encoding="utf-8")
    for path in [svg, *render_pngs(svg, ICONS)]:
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
