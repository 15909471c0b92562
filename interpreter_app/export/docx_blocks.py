"""Pieces of a 公文 body beyond plain paragraphs: body tables, 主送机关, 第X条, 版记 rules."""

from __future__ import annotations

import re
from typing import Any

from ..domain.text import article_level
from . import docx_layout as L

TABLE_CELL = "\t"  # a body line holding tabs is a table row (cells read from a Word table)
COLUMN_MIN_MM = 12.0
CELL_CHAR_MM = 5.0  # one 四号 (14 pt) character
CELL_PADDING_MM = 6.0  # cell margins and border
_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇\d]+条)[\s　]*")
_ADDRESSEE_MAX = 120

__all__ = ["TABLE_CELL", "add_right_tab", "article_level", "body_lines", "hanging", "article_parts", "column_widths",
           "is_addressee", "rule"]


def body_lines(text: str) -> list[str]:
    """The paragraphs of a body as domain.text.paragraphs gives them, except that a table row
    keeps its tabs (an empty last cell too)."""
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        kept = line.strip(" \u3000\r")
        out.append(kept if TABLE_CELL in kept else line.strip())
    return out


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
    """Column widths in mm filling the text width: each column as wide as its longest cell when
    that fits, otherwise the long columns shrink (and wrap) while short ones keep their width."""
    columns = len(rows[0])
    natural = [max(L.text_width_chars(r[c]) for r in rows) * CELL_CHAR_MM + CELL_PADDING_MM
               for c in range(columns)]
    floor = [max(COLUMN_MIN_MM, L.text_width_chars(h) * CELL_CHAR_MM + CELL_PADDING_MM)
             for h in rows[0]]
    natural = [max(n, f) for n, f in zip(natural, floor, strict=True)]
    total = sum(natural)
    if total <= L.TEXT_WIDTH_MM:
        widths = [n * L.TEXT_WIDTH_MM / total for n in natural]
    else:
        fixed = [min(n, f) for n, f in zip(natural, floor, strict=True)]
        room = L.TEXT_WIDTH_MM - sum(fixed)
        extra = [n - f for n, f in zip(natural, fixed, strict=True)]
        widths = [f + e * room / sum(extra) if sum(extra) else f
                  for f, e in zip(fixed, extra, strict=True)]
    return [round(w, 1) for w in widths]


def add_right_tab(p: Any, text: str, role: L.Role) -> None:
    """Text after a right-aligned tab stop at the right margin (印发日期 on the 印发机关 line)."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    p.paragraph_format.tab_stops.add_tab_stop(Mm(L.TEXT_WIDTH_MM - 11), WD_TAB_ALIGNMENT.RIGHT)
    L.format_run(p.add_run("\t" + text), role)


def hanging(p: Any, left_chars: float, hang_chars: float, chars_twips: int) -> None:
    """Wrapped lines start `left_chars` in, the first line `hang_chars` further out (抄送：…
    wraps under the first name after the colon)."""
    ind = p._p.get_or_add_pPr().get_or_add_ind()
    for name in ("w:firstLine", "w:firstLineChars"):
        ind.attrib.pop(L.qn(name), None)
    ind.set(L.qn("w:left"), str(round(left_chars * chars_twips)))
    ind.set(L.qn("w:leftChars"), str(round(left_chars * 100)))
    ind.set(L.qn("w:hanging"), str(round(hang_chars * chars_twips)))
    ind.set(L.qn("w:hangingChars"), str(round(hang_chars * 100)))


def rule(p: Any, *, top: bool, bottom: bool, thick: bool, color: str = "000000") -> None:
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
            el.set(L.qn("w:color"), color)
            borders.append(el)
    ppr.append(borders)
