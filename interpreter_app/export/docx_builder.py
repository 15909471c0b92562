"""A GB/T 9704 document being written: titles, body, tables, pictures, page numbers, marks."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from typing import Any

from . import docx_blocks as B
from . import docx_layout as L
from .context import ExportSettings

Runs = Sequence[tuple[str, str]]  # (text, role name)
MARK_SEPARATOR = "　　"


class GovDocument:
    """A python-docx Document with the GB/T 9704 page, styles, page numbers and marks."""

    def __init__(self, settings: ExportSettings, *, marks: Sequence[str] = (),
                 top_line: str = "") -> None:
        self.settings = settings
        self.roles = L.roles(settings)
        self.doc = _numbered_document(settings)
        self._style_ids: dict[str, str] = {}  # name → id: python-docx finds names by search
        if marks:
            self._header_marks(MARK_SEPARATOR.join(marks))
        if top_line:
            self.mark_line(top_line)
            self.blank()

    # ---- paragraphs ---------------------------------------------------------------------

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def paragraph(self, runs: Runs, *, style: str = "Normal", align: str | None = None,
                  indent: dict[str, float] | None = None) -> Any:
        """A paragraph of runs, each set in its role's fonts."""
        p = self.doc.add_paragraph()
        if style != "Normal":
            # By name, python-docx searches the styles part twice for every paragraph.
            p._p.style = self._style_id(style)
        for text, role in runs:
            if text:
                L.format_run(p.add_run(text), self.roles[role])
        if align:
            p.paragraph_format.alignment = _alignment(align)
        if indent is not None:
            L.set_indent(p.paragraph_format, **indent)
        return p

    def title(self, text: str) -> None:
        """The 二号 centred title; one paragraph per line so long titles break where written."""
        for written in L.split_body(text) or [""]:
            for line in L.title_lines(written):
                self.paragraph([(line, "title")], style="Title")

    def centered(self, text: str, role: str = "body") -> None:
        """A centred line without indent (发文字号, byline, embargo line)."""
        self.paragraph([(text, role)], align="center", indent={})

    def plain(self, text: str, role: str = "body", *, align: str = "left") -> None:
        """A line without first-line indent."""
        self.paragraph([(text, role)], align=align, indent={})

    def blank(self, count: int = 1) -> None:
        """Empty lines on the 28.95 pt grid."""
        for _ in range(count):
            self.paragraph([], indent={})

    def heading(self, text: str, level: int = 1) -> None:
        """A standalone heading in the GB/T 9704 font of its level."""
        self.paragraph([(text, f"h{level}")], style=L.HEADING_STYLES[level])

    def mark_line(self, text: str) -> None:
        """黑体 三号 at the top left, where GB/T 9704 puts 密级 and 紧急程度."""
        self.plain(text, "mark")

    def body(self, text: str) -> None:
        """Plain-text body: one paragraph per line, heading fonts from the numbering; a run of
        tab-separated lines (a table read from Word) becomes a real table; 第X章/第X节 are
        centred 黑体, the number of a 第X条 黑体; a leading 主送机关 line stands flush left."""
        paras = B.body_lines(text)
        i = 0
        while i < len(paras):
            if B.TABLE_CELL in paras[i]:
                j = i
                while j < len(paras) and B.TABLE_CELL in paras[j]:
                    j += 1
                self.body_table([row.split(B.TABLE_CELL) for row in paras[i:j]])
                i = j
                continue
            if i == 0 and B.is_addressee(paras[i]):
                self.plain(paras[i])
            else:
                self.body_paragraph(paras[i])
            i += 1

    def body_table(self, rows: Sequence[Sequence[str]]) -> Any:
        """A table of the body: columns as wide as their text needs, the first row as header."""
        columns = max(len(r) for r in rows)
        padded = [[c.strip() for c in r] + [""] * (columns - len(r)) for r in rows]
        widths = B.column_widths(padded)
        table = self.table(padded, widths, header=len(padded) > 1)
        self.blank()
        return table

    def body_paragraph(self, text: str, prefix: Runs = ()) -> None:
        """One body paragraph, with optional lead runs (e.g. “答：”)."""
        article = B.article_level(text)
        if article in (1, 2) and not prefix:
            self.paragraph([(text, "h1")], align="center", indent={})
            return
        if article == 3 and not prefix:
            number, rest = B.article_parts(text)
            self.paragraph([(number, "h1"), (rest, "body")])
            return
        style, runs = L.body_paragraph_parts(text)
        self.paragraph([*prefix, *runs], style=style if not prefix else "Normal")

    def attachment_note(self, names: Sequence[str]) -> None:
        """附件说明: 正文下空一行左空二字“附件：”, several attachments numbered, later names
        aligned with the first name (GB/T 9704 7.3.5)."""
        if not names:
            return
        self.blank()
        many = len(names) > 1
        for n, name in enumerate(names, 1):
            label = f"{n}. {name}" if many else name
            if n == 1:
                self.paragraph([("附件：" + label, "body")])
            else:
                self.paragraph([(label, "body")], indent={"left_chars": 5})

    def masthead(self, text: str) -> None:
        """发文机关标志: centred, red, in the title font (GB/T 9704 7.2.4)."""
        from docx.shared import RGBColor

        p = self.paragraph([(text, "title")], style="Title")
        for run in p.runs:
            run.font.color.rgb = RGBColor(0xE6, 0x00, 0x12)
        self.blank()

    def red_rule(self) -> None:
        """The red line under the 版头 (GB/T 9704 7.2.6), then a blank line."""
        p = self.paragraph([], indent={})
        B.rule(p, top=False, bottom=True, thick=True, color="E60012")
        self.blank()

    def number_and_signer(self, number: str, signer: str) -> None:
        """发文字号 left one character in, 签发人 right one character in, on one line (上行文)."""
        p = self.paragraph([(number, "body")], indent={"left_chars": 1})
        B.add_right_tab(p, "签发人：", self.roles["body"])
        L.format_run(p.add_run(signer), self.roles["kai"])

    def note(self, text: str) -> None:
        """附注 in parentheses, under the date, left two characters in."""
        if text:
            self.paragraph([(f"（{text.strip('（）()')}）", "body")])

    def imprint(self, copy_to: str, printer: str, print_date: str) -> None:
        """版记 at the end: 抄送 and 印发机关/印发日期 between rules (GB/T 9704 7.4)."""
        if not (copy_to or printer or print_date):
            return
        self.blank()
        rows = []
        if copy_to:
            rows.append((f"抄送：{copy_to.rstrip('。')}。", ""))
        rows.append((printer, f"{print_date}印发" if print_date else ""))
        for k, (left, right) in enumerate(rows):
            p = self.paragraph([(left, "imprint")], indent={"left_chars": 1, "right_chars": 1})
            if left.startswith("抄送："):  # 回行时与冒号后的首字对齐 (GB/T 9704 7.4.2)
                B.hanging(p, 4, 3, L.IMPRINT_CHAR_TWIPS)
            if right:
                B.add_right_tab(p, right, self.roles["imprint"])
            B.rule(p, top=k == 0, bottom=True, thick=k == 0 or k == len(rows) - 1)

    def signature_block(self, names: Iterable[str], date_text: str) -> None:
        """Issuers centred over the date; the date right-aligned four characters in."""
        date_width = L.text_width_chars(date_text)
        self.blank()
        for name in names:
            offset = 4 + (date_width - L.text_width_chars(name)) / 2
            self.paragraph([(name, "body")], align="right",
                           indent={"right_chars": max(offset, 0)})
        if date_text:
            self.paragraph([(date_text, "body")], align="right", indent={"right_chars": 4})

    # ---- pictures and tables ------------------------------------------------------------

    def picture(self, png: bytes, width_mm: float = L.TEXT_WIDTH_MM) -> None:
        """A picture at text width in a single-spaced paragraph (exact spacing would clip it)."""
        from docx.shared import Mm

        p = self.doc.add_paragraph(style=L.PICTURE_STYLE)
        p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))

    def table(self, rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *,
              header: bool = True, label_column: bool = False,
              centered_columns: Iterable[int] = ()) -> Any:
        """A bordered table at fixed widths; header row and label column in 黑体."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        table = self.doc.add_table(rows=len(rows), cols=len(widths_mm))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _cell_margins(table)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)  # the grid is what LibreOffice and WPS read
        centered = set(centered_columns)
        for row in table.rows:
            _cant_split(row)
        # Row by row: table.cell(r, c) lists every cell of the table on each call.
        for r, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
            for c, (text, cell) in enumerate(zip(row, table_row.cells, strict=False)):
                head = header and r == 0
                role = "table_head" if head or (label_column and c == 0) else "table"
                align = "center" if head or c in centered else "left"
                self._cell(cell, text, widths_mm[c], role, align)
        if header:
            _repeat_header(table.rows[0])
        return table

    def _cell(self, cell: Any, text: str, width_mm: float, role: str, align: str) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.shared import Mm

        cell.width = Mm(width_mm)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        first = cell.paragraphs[0]
        for i, line in enumerate(str(text).split("\n")):
            p = first if i == 0 else cell.add_paragraph()
            p._p.style = self._style_id(L.TABLE_TEXT_STYLE)
            p.paragraph_format.alignment = _alignment(align)
            if line:
                L.format_run(p.add_run(line), self.roles[role])

    # ---- header and footer --------------------------------------------------------------

    def _header_marks(self, text: str) -> None:
        section = self.doc.sections[0]
        for header in (section.header, section.even_page_header, section.first_page_header):
            header.is_linked_to_previous = False
            p = header.paragraphs[0]
            p._p.style = self._style_id("Header")
            p.paragraph_format.alignment = _alignment("right")
            L.format_run(p.add_run(text), self.roles["mark"])

    def save(self, path: Any) -> None:
        """Write the .docx to a path or stream."""
        self.doc.save(path)

    def to_bytes(self) -> bytes:
        """The .docx file as bytes."""
        return L.to_bytes(self.doc)


def _numbered_document(settings: ExportSettings) -> Any:
    """A new document with the page-number footers already in place."""
    import docx

    return docx.Document(io.BytesIO(_numbered_template(settings)))


@functools.lru_cache(maxsize=4)
def _numbered_template(settings: ExportSettings) -> bytes:
    # Every part has the same footers: write them once per settings, not once per file.
    doc = L.new_document(settings)
    section, role = doc.sections[0], L.roles(settings)["page"]
    _page_number(doc, section.footer, role, odd=True)
    _page_number(doc, section.even_page_footer, role, odd=False)
    return L.to_bytes(doc)


def _page_number(doc: Any, footer: Any, role: L.Role, *, odd: bool) -> None:
    """“— N —” as a PAGE field: odd pages right, even pages left, one character in."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.style = doc.styles["Footer"]
    p.paragraph_format.alignment = _alignment("right" if odd else "left")
    L.set_indent(p.paragraph_format)
    _one_char_in(p, odd)
    L.format_run(p.add_run("— "), role)
    for run_xml in _page_field("1" if odd else "2"):
        p._p.append(run_xml)
        L.set_fonts(run_xml.get_or_add_rPr(), role)
        _size(run_xml, role.size_pt)
    L.format_run(p.add_run(" —"), role)


def _alignment(name: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[name]


def _one_char_in(p: Any, odd: bool) -> None:
    """280 twips (one 四号 character) from the edge, in twips only: *Chars use the 三号 unit."""
    ind = p._p.get_or_add_pPr().get_or_add_ind()
    side = "right" if odd else "left"
    ind.set(L.qn(f"w:{side}"), "280")
    ind.attrib.pop(L.qn(f"w:{side}Chars"), None)


def _size(r: Any, size_pt: float) -> None:
    from docx.shared import Pt

    r.get_or_add_rPr().get_or_add_sz().val = Pt(size_pt)


def _page_field(cached: str) -> list[Any]:
    """The five runs of a PAGE field: begin, instruction, separate, cached value, end."""
    from docx.oxml import OxmlElement

    def fld(kind: str) -> Any:
        r = OxmlElement("w:r")
        el = OxmlElement("w:fldChar")
        el.set(L.qn("w:fldCharType"), kind)
        r.append(el)
        return r

    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    instr_run.append(instr)
    value_run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    value_run.append(text)
    return [fld("begin"), instr_run, fld("separate"), value_run, fld("end")]


def _cell_margins(table: Any) -> None:
    """A little air above and below cell text (1 mm), 2 mm at the sides."""
    from docx.oxml import OxmlElement

    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 57), ("left", 113), ("bottom", 57), ("right", 113)):
        el = OxmlElement(f"w:{side}")
        el.set(L.qn("w:w"), str(twips))
        el.set(L.qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(L.qn("w:tblLayout"))
    anchor = layout if layout is not None else tbl_pr.find(L.qn("w:tblInd"))
    if anchor is not None:
        anchor.addnext(margins)
    else:
        tbl_pr.append(margins)


def _cant_split(row: Any) -> None:
    """Keep each row on one page: a split row reads as two entries."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)
