"""Pieces of a 公文 body beyond plain paragraphs: body tables, 主送机关, 第X条, 版记 rules."""

from __future__ import annotations

import re
from typing import Any

from ..domain.text import article_level
from . import docx_layout as L

TABLE_CELL = "\t"  # a body line holding tabs is a table row (cells read from a Word table)
COLUMN_MIN_MM = 14.0
_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇\d]+条)[\s　]*")
_ADDRESSEE_MAX = 120

__all__ = ["TABLE_CELL", "add_right_tab", "article_level", "article_parts", "column_widths",
           "is_addressee", "rule"]


def is_addressee(line: str) -> bool:
    """A 主送机关 line: names ending with a colon, no sentence before it."""
    text = line.strip()
    return (text.endswith(("：", ":")) and len(text) <= _ADDRESSEE_MAX
            and not re.search(r"[。；;！？]", text) and not article_level(text))


def article_parts(text: str) -> tuple[str, str]:
    """(“第一条”, the rest after one full-width space) of an article paragraph."""
    m = _ARTICLE.match(text)
    if not m:
        return "", text
    return m[1], "　" + text[m.end():]


def column_widths(rows: list[list[str]]) -> list[float]:
    """Column widths in mm filling the text width, by the longest cell of each column."""
    columns = len(rows[0])
    need = [max(max(min(L.text_width_chars(r[c]), 24.0) for r in rows), 2.0) for c in range(columns)]
    total = sum(need)
    widths = [max(L.TEXT_WIDTH_MM * n / total, COLUMN_MIN_MM) for n in need]
    scale = L.TEXT_WIDTH_MM / sum(widths)
    return [round(w * scale, 1) for w in widths]


def add_right_tab(p: Any, text: str, role: L.Role) -> None:
    """Text after a right-aligned tab stop at the right margin (印发日期 on the 印发机关 line)."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    p.paragraph_format.tab_stops.add_tab_stop(Mm(L.TEXT_WIDTH_MM - 11), WD_TAB_ALIGNMENT.RIGHT)
    L.format_run(p.add_run("\t" + text), role)


def rule(p: Any, *, top: bool, bottom: bool, thick: bool) -> None:
    """Horizontal rules above and/or below a paragraph (版记: thick first and last, thin between)."""
    from docx.oxml import OxmlElement

    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side, on in (("top", top), ("bottom", bottom)):
        if on:
            el = OxmlElement(f"w:{side}")
            el.set(L.qn("w:val"), "single")
            el.set(L.qn("w:sz"), "8" if thick else "4")  # eighths of a point: 1 pt and 0.5 pt
            el.set(L.qn("w:space"), "1")
            el.set(L.qn("w:color"), "000000")
            borders.append(el)
    ppr.append(borders)
