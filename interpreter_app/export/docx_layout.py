"""GB/T 9704-2012 page, styles and fonts on python-docx (imported lazily, inside functions)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..domain.text import heading_lead, heading_level, paragraphs
from ..domain.words import word_breaks
from .context import ExportSettings

# A4 and the 37/35/28/26 mm margins, in twentieths of a point.
PAGE_TWIPS = {"width": 11906, "height": 16838, "top": 2098, "bottom": 1984,
              "left": 1587, "right": 1474, "header": 851, "footer": 1304}
TEXT_WIDTH_MM = 156
LINE_TWIPS = 579  # exact 28.95 pt: 22 lines fill the 225 mm text block
CHAR_TWIPS = 320  # one 三号 (16 pt) character
# 156 mm holds 27.6 characters of 16 pt; tightening each by 0.25 pt gives GB/T 9704's 28 a line.
# (Word's character grid does the same, but LibreOffice spreads grid text across the line.)
BODY_CHAR_SPACING_TWIPS = -5
TITLE_LINE_CHARS = 20  # 二号 characters on one 156 mm line
CORE_PROPERTY_MAX = 255  # python-docx refuses longer core properties
TITLE_PT, BODY_PT, PAGE_NUMBER_PT, TABLE_PT, SMALL_PT = 22, 16, 14, 14, 12
IMPRINT_PT = 14  # 版记: 四号 (GB/T 9704 7.4.1)
IMPRINT_CHAR_TWIPS = IMPRINT_PT * 20
THEME_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
TABLE_TEXT_STYLE, PICTURE_STYLE = "GB Table Text", "GB Picture"
TABLE_STYLES_KEPT = frozenset({"Table Grid"})
# Names Word falls back to when the GB fonts are not installed (charset 134 = GB2312).
ALT_FONT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体",
                  "黑体": "SimHei", "宋体": "SimSun"}


@dataclass(frozen=True)
class Role:
    """How one kind of text is set: Chinese font, Latin font, size and weight."""

    east_asia: str
    latin: str
    size_pt: float
    bold: bool = False


def roles(s: ExportSettings) -> dict[str, Role]:
    """The text roles of the layout, resolved against the settings' font names."""
    body = s.body_font
    return {
        "title": Role(s.title_font, s.latin_font, TITLE_PT),
        "body": Role(body, s.latin_font, BODY_PT),
        "h1": Role(s.heading1_font, s.latin_font, BODY_PT),
        "h2": Role(s.heading2_font, s.latin_font, BODY_PT),
        "h3": Role(body, s.latin_font, BODY_PT, s.bold_level3),
        "h4": Role(body, s.latin_font, BODY_PT, s.bold_level4),
        "kai": Role(s.heading2_font, s.latin_font, BODY_PT),
        "mark": Role(s.heading1_font, s.latin_font, BODY_PT),
        "page": Role(s.page_number_font, s.page_number_font, PAGE_NUMBER_PT),
        "table": Role(body, s.latin_font, TABLE_PT),
        "table_head": Role(s.heading1_font, s.latin_font, TABLE_PT),
        "small": Role(body, s.latin_font, SMALL_PT),
        "imprint": Role(body, s.latin_font, IMPRINT_PT),
    }


# ---- low-level XML helpers ------------------------------------------------------------------

@functools.cache
def qn(tag: str) -> str:
    """Clark name of a `w:` tag, without importing docx at module import."""
    from docx.oxml.ns import qn as _qn

    return _qn(tag)


def set_fonts(rpr: Any, role: Role) -> None:
    """Explicit fonts on an rPr: Latin via ascii/hAnsi, Chinese via eastAsia with the hint."""
    fonts = rpr.get_or_add_rFonts()
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), role.latin)
    fonts.set(qn("w:eastAsia"), role.east_asia)
    # Shared punctuation (“” — …) takes the Chinese font only with this hint.
    fonts.set(qn("w:hint"), "eastAsia")


def format_run(run: Any, role: Role) -> None:
    """Fonts, size and weight of one run, set explicitly so no style or theme can override."""
    from docx.shared import Pt

    set_fonts(run._r.get_or_add_rPr(), role)
    run.font.size = Pt(role.size_pt)
    run.font.bold = True if role.bold else None


def _set_spacing(pf: Any, *, exact: bool) -> None:
    from docx.shared import Pt, Twips

    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = Twips(LINE_TWIPS) if exact else 1.0


def set_indent(pf: Any, *, first_chars: int = 0, left_chars: float = 0,
               right_chars: float = 0) -> None:
    """Indents in characters, written both as *Chars (Word) and as twips (other readers)."""
    from docx.shared import Twips

    pf.first_line_indent = Twips(first_chars * CHAR_TWIPS)
    pf.left_indent = Twips(round(left_chars * CHAR_TWIPS))
    pf.right_indent = Twips(round(right_chars * CHAR_TWIPS))
    ind = pf._element.get_or_add_pPr().get_or_add_ind()
    # *Chars win over twips in Word, so a zero must be written to cancel an inherited indent.
    ind.set(qn("w:firstLineChars"), str(first_chars * 100))
    ind.set(qn("w:leftChars"), str(round(left_chars * 100)))
    ind.set(qn("w:rightChars"), str(round(right_chars * 100)))


def _reset_style(style: Any) -> None:
    """Drop a style's own paragraph and run properties (template colours, theme fonts)."""
    for tag in ("w:pPr", "w:rPr"):
        for child in style.element.findall(qn(tag)):
            style.element.remove(child)


def _strip_theme_fonts(styles_element: Any) -> None:
    for fonts in styles_element.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)


def _doc_defaults_xml(role: Role) -> str:
    from docx.oxml.ns import nsdecls

    size = int(role.size_pt * 2)
    return (
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{role.latin}" w:hAnsi="{role.latin}" w:eastAsia="{role.east_asia}"'
        f' w:cs="{role.latin}" w:hint="eastAsia"/>'
        f'<w:kern w:val="2"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


# ---- document set-up ------------------------------------------------------------------------

def setup_styles(doc: Any, settings: ExportSettings) -> None:
    """docDefaults, Normal, Title, headings, header/footer and table/picture styles."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    r = roles(settings)
    styles_el = doc.styles.element
    old = styles_el.find(qn("w:docDefaults"))
    new = parse_xml(_doc_defaults_xml(r["body"]))
    if old is not None:
        old.addprevious(new)
        styles_el.remove(old)
    else:
        styles_el.insert(0, new)
    _strip_theme_fonts(styles_el)
    _paragraph_style(doc.styles["Normal"], r["body"], exact=True, first_chars=2,
                     align=WD_ALIGN_PARAGRAPH.JUSTIFY, spacing=BODY_CHAR_SPACING_TWIPS)
    _paragraph_style(doc.styles["Title"], r["title"], exact=True,
                     align=WD_ALIGN_PARAGRAPH.CENTER)
    for level, name in HEADING_STYLES.items():
        style = doc.styles[name]
        _paragraph_style(style, r[f"h{level}"], exact=True, first_chars=2,
                         align=WD_ALIGN_PARAGRAPH.JUSTIFY, outline=level - 1,
                         spacing=BODY_CHAR_SPACING_TWIPS)
        style.paragraph_format.keep_with_next = True
    for name, role in (("Header", r["mark"]), ("Footer", r["page"])):
        _paragraph_style(doc.styles[name], role, exact=False)
    for name, role, align in ((TABLE_TEXT_STYLE, r["table"], WD_ALIGN_PARAGRAPH.LEFT),
                              (PICTURE_STYLE, r["body"], WD_ALIGN_PARAGRAPH.CENTER)):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _paragraph_style(style, role, exact=False, align=align)
    doc.styles[PICTURE_STYLE].paragraph_format.keep_with_next = True


def _paragraph_style(style: Any, role: Role, *, exact: bool, first_chars: int = 0,
                     align: Any = None, outline: int | None = None, spacing: int = 0) -> None:
    from docx.shared import Pt

    _reset_style(style)
    pf = style.paragraph_format
    pf.widow_control = False  # keep the strict 22-line grid: no lines pushed to the next page
    _set_spacing(pf, exact=exact)
    set_indent(pf, first_chars=first_chars)
    if align is not None:
        pf.alignment = align
    if outline is not None:
        style.element.get_or_add_pPr().append(_outline_level(outline))
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, role)
    style.font.size = Pt(role.size_pt)
    style.font.bold = role.bold
    style.font.color.rgb = None
    _char_spacing(rpr, spacing)


def _char_spacing(rpr: Any, twips: int) -> None:
    """w:spacing sits before w:sz in rPr; written as 0 too, to stop inheriting Normal's value."""
    from docx.oxml import OxmlElement

    el = OxmlElement("w:spacing")
    el.set(qn("w:val"), str(twips))
    rpr.get_or_add_sz().addprevious(el)


def _outline_level(level: int) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    return el


def setup_page(doc: Any) -> None:
    """A4 portrait with the GB/T 9704 margins and odd/even footers."""
    from docx.shared import Twips

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_TWIPS["width"]), Twips(PAGE_TWIPS["height"])
    section.top_margin, section.bottom_margin = Twips(PAGE_TWIPS["top"]), Twips(PAGE_TWIPS["bottom"])
    section.left_margin, section.right_margin = Twips(PAGE_TWIPS["left"]), Twips(PAGE_TWIPS["right"])
    section.header_distance = Twips(PAGE_TWIPS["header"])
    section.footer_distance = Twips(PAGE_TWIPS["footer"])
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(LINE_TWIPS))
    doc.settings.odd_and_even_pages_header_footer = True


def setup_package_parts(doc: Any, settings: ExportSettings) -> None:
    """Chinese theme language, GB font fall-backs, and no stale Word 2010 style copy."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
        elif rel.reltype == RT.FONT_TABLE:
            _add_font_entries(rel.target_part, settings)


def _add_font_entries(font_part: Any, settings: ExportSettings) -> None:
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(font_part.blob)
    known = {el.get(f"{{{w}}}name") for el in root.findall(f"{{{w}}}font")}
    names = [settings.title_font, settings.body_font, settings.heading1_font,
             settings.heading2_font, settings.page_number_font]
    for name in dict.fromkeys(names):
        if name in known:
            continue
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
        if name in ALT_FONT_NAMES:
            etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": ALT_FONT_NAMES[name]})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "auto"})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
    # python-docx loads fontTable as a plain Part: its bytes are all there is to replace.
    font_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)


def set_core_properties(doc: Any, *, title: str, author: str, created: str,
                        digest: str, subject: str = "") -> None:
    """Title, author (department), creation time and the package digest in the comments."""
    props = doc.core_properties
    props.title = title[:CORE_PROPERTY_MAX]
    props.author = props.last_modified_by = author[:CORE_PROPERTY_MAX]
    props.subject = (subject or f"解读包摘要 SHA-256 {digest}")[:CORE_PROPERTY_MAX]
    props.comments = digest
    props.keywords = "政策解读"
    props.category = "政策解读"
    props.language = "zh-CN"
    props.revision = 1
    stamp = _as_utc(created)
    if stamp is not None:
        props.created = props.modified = stamp


def _as_utc(iso: str) -> dt.datetime | None:
    """python-docx writes the time as-is with a Z suffix: convert aware times to UTC first."""
    if not iso:
        return None
    value = dt.datetime.fromisoformat(iso)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def new_document(settings: ExportSettings) -> Any:
    """An empty python-docx Document set up for GB/T 9704."""
    import docx

    # Setting up the styles costs more than reading the result back: do it once per settings.
    return docx.Document(io.BytesIO(_prepared_template(settings)))


@functools.lru_cache(maxsize=4)
def _prepared_template(settings: ExportSettings) -> bytes:
    import docx

    doc = docx.Document()
    setup_styles(doc, settings)
    _drop_unused_table_styles(doc)
    _drop_template_thumbnail(doc)
    setup_page(doc)
    setup_package_parts(doc, settings)
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)  # the template's empty first paragraph
    return to_bytes(doc)


def _drop_unused_table_styles(doc: Any) -> None:
    """Keep only the table styles we use: the template's hundred others were nine tenths of
    styles.xml (335 of 377 KB), parsed and written again for every file. Word and WPS keep
    their built-in table styles themselves, as for any document that does not use them."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) != "table" or style.get(qn("w:default")) == "1":
            continue
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in TABLE_STYLES_KEPT:
            styles.remove(style)


def _drop_template_thumbnail(doc: Any) -> None:
    """The template carries a thumbnail of python-docx's blank page: a file manager would
    show it as the preview of our document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = doc.part.package.rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[r_id]


def to_bytes(doc: Any) -> bytes:
    """The .docx file of a Document as bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---- text -----------------------------------------------------------------------------------

def text_width_chars(text: str) -> float:
    """Width in characters: CJK full, ASCII half, plus the gap Word and LibreOffice put
    between Chinese and Latin letters or digits (about a quarter character each side)."""
    width = sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)
    return width + 0.25 * sum(1 for a, b in pairwise(text) if _is_latin(a) != _is_latin(b))


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def body_paragraph_parts(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(style name, [(text, role)]) for one paragraph; run-in headings give the lead its font."""
    level = heading_level(text)
    if not level:
        return "Normal", [(text, "body")]
    lead = heading_lead(text)
    if not lead:
        return "Normal", [(text, "body")]
    if lead == text:
        return HEADING_STYLES[level], [(text, f"h{level}")]
    return "Normal", [(lead, f"h{level}"), (text[len(lead):], "body")]


_BREAK_AFTER = set("的于和与及对在、，；：）》”")
_NO_BREAK_AFTER = set("（《“")


def title_lines(title: str, capacity: float = TITLE_LINE_CHARS) -> list[str]:
    """A long title broken into balanced lines, preferring breaks after 的/于/和/、 and the like."""
    width = text_width_chars(title)
    if width <= capacity:
        return [title]
    count = math.ceil(width / capacity)
    cut = _best_cut(title, width / count, capacity)
    return [title[:cut], *title_lines(title[cut:], capacity)]


def _best_cut(title: str, target: float, capacity: float) -> int:
    """Index to cut at: between whole words (GB/T 9704: 词意完整), the preferred break nearest
    the balanced width; inside a word only when no word break fits on the line."""
    breaks = word_breaks(title)
    used, fits = 0.0, False
    for i, ch in enumerate(title[:-1], 1):
        used += text_width_chars(ch)
        if used > capacity:
            break
        fits = fits or i in breaks
    return _cut_among(title, target, capacity, breaks if fits else None)


def _cut_among(title: str, target: float, capacity: float, allowed: frozenset[int] | None) -> int:
    best, best_score, used = 1, float("inf"), 0.0
    total = text_width_chars(title)
    for i, ch in enumerate(title[:-1], 1):
        used += text_width_chars(ch)
        if used > capacity:
            break
        if allowed is not None and i not in allowed:
            continue
        if ch in _NO_BREAK_AFTER or (ch.isascii() and title[i].isascii()):
            continue  # never split 《…, or a run of digits/letters
        score = abs(used - target) - (6 if ch in _BREAK_AFTER else 0)
        if min(used, total - used) < target / 2:  # 图解《关于 / 进一步降低企业…: lopsided
            score += 4
        if score < best_score:
            best, best_score = i, score
    return best


def split_body(text: str) -> list[str]:
    """The paragraphs of a plain-text body."""
    return paragraphs(text)
