"""Paragraphs rebuilt from positioned text (PDF and OFD pages): lines by position, then joined.

A fixed-layout page holds pieces of text at coordinates. Pieces on one baseline form a line
(ordered left to right); a line continues the paragraph above it when the gap between them is
clearly narrower than the usual gap between paragraphs, or when the line above runs to the
right margin without ending a sentence.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

_SENTENCE_END = ("。", "：", ":", "；", "！", "？", "）", "”")
_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*\d{1,4}[—\-－–\s]*$")
_SPACE_IN_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\d“”（）〔〕《》、，。：；]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\d“”（）〔〕《》、，。：；])")
_QUOTES = set("“”‘’")
LINE_TOLERANCE = 0.45  # of the font size: pieces this close in height share a baseline


@dataclass(frozen=True)
class Piece:
    """A run of text at (x, y) in page units, y growing downwards, with its font size."""

    x: float
    y: float
    size: float
    text: str


def page_lines(pieces: list[Piece]) -> list[tuple[float, float, str]]:
    """(y, x of the first piece, text) of each line of one page, top to bottom."""
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.y, p.x)):
        if rows and abs(rows[-1][0].y - piece.y) <= max(piece.size, 1.0) * LINE_TOLERANCE:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    lines = []
    for row in rows:
        row.sort(key=lambda p: p.x)
        text = _fill_quotes(row)
        text = _SPACE_IN_CJK.sub("", text).strip()
        if text and not _PAGE_NUMBER.match(text):
            lines.append((row[0].y, row[0].x, text))
    return lines


def _fill_quotes(row: list[Piece]) -> str:
    """Quotes set in another font come as their own piece (“ ”) while the text keeps a space
    where each goes: put them back into those spaces, in order."""
    marks = [p for p in row if p.text.strip() and set(p.text.replace(" ", "")) <= _QUOTES]
    if not marks:
        return "".join(p.text for p in row)
    others = [p for p in row if p not in marks]
    quotes = [ch for p in marks for ch in p.text if ch in _QUOTES]
    out = []
    for p in others:
        text = p.text
        while quotes and " " in text:
            text = text.replace(" ", quotes.pop(0), 1)
        out.append(text)
    return "".join(out) + "".join(quotes)


def paragraphs_from_lines(pages: list[list[tuple[float, float, str]]]) -> list[str]:
    """Lines of every page joined into paragraphs."""
    paragraphs: list[str] = []
    for lines in pages:
        gaps = [b[0] - a[0] for a, b in zip(lines, lines[1:], strict=False) if b[0] > a[0]]
        usual = statistics.median(gaps) if gaps else 0.0
        widest = max((len(t) for _, _, t in lines), default=0)
        previous = None
        for y, x, text in lines:
            if previous is not None and paragraphs and _continues(previous, (y, x, text), usual, widest):
                paragraphs[-1] += text
            else:
                paragraphs.append(text)
            previous = (y, x, text)
    return paragraphs


def _continues(above: tuple[float, float, str], line: tuple[float, float, str], usual: float,
               widest: int) -> bool:
    from ..text import article_level, heading_level

    if heading_level(line[2]) or article_level(line[2]) or above[2].endswith(_SENTENCE_END):
        return False
    gap = line[0] - above[0]
    if usual and gap < usual * 0.75:
        return True
    return len(above[2]) >= widest * 0.92 and widest >= 20 and line[1] <= above[1] + 1
