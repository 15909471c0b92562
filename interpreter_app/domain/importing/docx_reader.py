"""Reading .docx bodies in document order (paragraphs, tables, list numbers), defensively."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from . import docx_parts
from .common import IMPORT_MAX_CHARS, TOO_MUCH_TEXT, ImportFailed
from .docx_numbering import build_labeler
from .docx_parts import MAIN_PART_MAX, MARKUP_MAX

DOCX_MAX_BYTES = 50 * 1024 * 1024
UNCOMPRESSED_MAX = 200 * 1024 * 1024
# Office XML compresses about 10:1; a member far beyond that is a zip bomb.
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024
MAX_MEMBERS = 5000
MAIN_PART = "word/document.xml"
# Paragraphs and table rows of the body, empty ones included; a 100-page document has about
# 1,500, one at the character limit (IMPORT_MAX_CHARS) some 10,000.
BODY_ITEMS_MAX = 30_000
CELL_SEPARATOR = "\t"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_BODY, _P, _TBL, _TR, _TC = f"{_W}body", f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag", f"{_W}ins"}
# Deleted revisions, text boxes (drawn over the page, not part of the text flow), field codes
# and the fallback copy of alternate content are not text the reader sees in order.
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}instrText",
         f"{_W}delText", f"{_W}rPr", f"{_W}pPr", f"{_W}footnoteReference", f"{_W}commentReference"}
_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}

NOT_DOCX = "文件不是有效的 .docx（可能是改了扩展名的 PDF 或其他文件）；请在 Word 或 WPS 中打开后“另存为” .docx 再导入"
TOO_MANY_PARAGRAPHS = (f"文件中的段落和表格行过多（超过 {BODY_ITEMS_MAX // 10000} 万个，含空段落），"
                       "政策文件通常只有几千段；请确认选择了正确的文件，或删除多余的空段落后再导入")
DAMAGED = "文件已损坏，无法读取其中的文字；请在 Word 或 WPS 中打开并修复后“另存为” .docx 再导入"


def check_docx_zip(path: Path) -> None:
    """Refuse files that are not a Word package or would expand to too much (zip bombs)."""
    size = path.stat().st_size
    if size > DOCX_MAX_BYTES:
        raise ImportFailed(f"文件过大（{size / 1048576:.1f} MB），超过 {DOCX_MAX_BYTES // 1048576} MB 的上限；"
                           "请删除文中的大图片或拆分文件后再导入")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(archive)
    except ImportFailed:
        raise
    except Exception:  # zipfile raises many types on corrupt archives; all mean the same here
        raise ImportFailed(NOT_DOCX) from None


def _check_members(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportFailed(NOT_DOCX)
    total = sum(max(info.file_size, 0) for info in infos)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if total > UNCOMPRESSED_MAX or (info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO):
            raise ImportFailed("文件解压后异常巨大（疑似“压缩炸弹”），为安全起见已拒绝读取；"
                               "如确为正常文档，请在 Word 中“另存为”后再导入")
    names = {info.filename for info in infos}
    if MAIN_PART not in names:
        raise ImportFailed("文件缺少 Word 正文部分（word/document.xml），不是有效的 .docx；"
                           "请在 Word 或 WPS 中“另存为” .docx 后再导入")
    main = next(info for info in infos if info.filename == MAIN_PART)
    if main.file_size > MAIN_PART_MAX:
        raise docx_parts.too_big(MAIN_PART, main.file_size, MAIN_PART_MAX)
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as member:
                head = member.read(4096)
            if b"<!DOCTYPE" in head.upper():
                # Word never writes a DTD; one here can only be an entity-expansion attack.
                raise ImportFailed("文件中含有不安全的 XML 声明（DTD），为安全起见已拒绝读取；"
                                   "请在 Word 中“另存为” .docx 后再导入")


def read_docx(path: Path) -> list[str]:
    """The lines of a .docx body: paragraphs with their list labels, table rows as tab-joined cells.

    The body streams through lxml's iterparse, each paragraph and table row released once
    read, so memory stays flat whatever the size; images and other parts are never read."""
    check_docx_zip(path)
    try:
        with zipfile.ZipFile(path) as archive:
            labeler = build_labeler(*docx_parts.numbering_and_styles(archive))
            with archive.open(MAIN_PART) as raw:
                stream = docx_parts.Bounded(raw, MAIN_PART_MAX, MAIN_PART, MARKUP_MAX)
                return _body_lines(stream, labeler)
    except ImportFailed:
        raise
    except Exception:  # zipfile and lxml errors on corrupt parts: show one clear message
        raise ImportFailed(DAMAGED) from None


def _body_lines(stream: Any, labeler: Any) -> list[str]:
    """Top-level paragraphs and table rows in document order, refused past IMPORT_MAX_CHARS
    characters or BODY_ITEMS_MAX paragraphs and rows (empty ones too: each costs time)."""
    lines: list[str] = []
    chars = items = 0
    for _, el in docx_parts.iterparse(stream, (_P, _TR)):
        before = len(lines)
        if el.tag == _P and _in_flow(el):
            _add_paragraph(el, labeler, lines)
        elif el.tag == _TR and _in_flow_row(el):
            lines.extend(_table_rows_of([el]))
        else:
            continue  # nested: read with the paragraph or row that holds it
        items += 1
        chars += sum(len(line) for line in lines[before:])
        if chars > IMPORT_MAX_CHARS:
            raise ImportFailed(TOO_MUCH_TEXT)
        if items > BODY_ITEMS_MAX:
            raise ImportFailed(TOO_MANY_PARAGRAPHS)
        docx_parts.release(el)
    return lines


def _in_flow(el: Any) -> bool:
    """True when the element sits in the body, possibly inside content-control wrappers."""
    parent = el.getparent()
    while parent is not None and parent.tag in _WRAPPERS:
        parent = parent.getparent()
    return parent is not None and parent.tag == _BODY


def _in_flow_row(tr: Any) -> bool:
    parent = tr.getparent()
    while parent is not None and parent.tag in _WRAPPERS:
        parent = parent.getparent()
    return parent is not None and parent.tag == _TBL and _in_flow(parent)


def _add_paragraph(p: Any, labeler: Any, lines: list[str]) -> None:
    text = paragraph_text(p)
    if not text.strip():
        return
    label = labeler.label(p)
    first, *rest = text.split("\n")
    lines.append(label + first.strip() if first.strip() else label)
    lines.extend(rest)


def paragraph_text(p: Any) -> str:
    """The visible text of one w:p element, soft line breaks as newlines."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(el: Any, parts: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        elif tag == _P:
            _collect(child, parts)
            parts.append("\n")
        else:
            _collect(child, parts)


def _table_rows(tbl: Any) -> list[str]:
    return _table_rows_of(_children(tbl, _TR))


def _table_rows_of(trs: list[Any]) -> list[str]:
    rows = []
    for tr in trs:
        cells = [_cell_text(tc) for tc in _children(tr, _TC)]
        if any(cells):
            # Empty cells stay so that columns line up with the header row.
            rows.append(CELL_SEPARATOR.join(cells))
    return rows


def _cell_text(tc: Any) -> str:
    pieces = []
    for child in tc.iterchildren():
        if child.tag == _P:
            pieces.append(paragraph_text(child).replace("\n", " ").strip())
        elif child.tag == _TBL:
            pieces.extend(row.replace(CELL_SEPARATOR, " ") for row in _table_rows(child))
        elif child.tag in _WRAPPERS:
            pieces.append(_cell_text(child))
    return " ".join(p for p in pieces if p)


def _children(el: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, looking through content-control and custom-XML wrappers."""
    out = []
    for child in el.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out
