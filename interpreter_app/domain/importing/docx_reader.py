"""Reading .docx bodies in document order (paragraphs, tables, list numbers), defensively."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .common import ImportFailed
from .docx_numbering import build_labeler

DOCX_MAX_BYTES = 50 * 1024 * 1024
UNCOMPRESSED_MAX = 200 * 1024 * 1024
# Office XML compresses about 10:1; a member far beyond that is a zip bomb.
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024
MAX_MEMBERS = 5000
MAIN_PART = "word/document.xml"
CELL_SEPARATOR = "\t"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag", f"{_W}ins"}
# Deleted revisions, text boxes (drawn over the page, not part of the text flow), field codes
# and the fallback copy of alternate content are not text the reader sees in order.
_SKIP = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}instrText",
         f"{_W}delText", f"{_W}rPr", f"{_W}pPr", f"{_W}footnoteReference", f"{_W}commentReference"}
_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}

NOT_DOCX = "文件不是有效的 .docx（可能是改了扩展名的 PDF 或其他文件）；请在 Word 或 WPS 中打开后“另存为” .docx 再导入"
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
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as member:
                head = member.read(4096)
            if b"<!DOCTYPE" in head.upper():
                # Word never writes a DTD; one here can only be an entity-expansion attack.
                raise ImportFailed("文件中含有不安全的 XML 声明（DTD），为安全起见已拒绝读取；"
                                   "请在 Word 中“另存为” .docx 后再导入")


def read_docx(path: Path) -> list[str]:
    """The lines of a .docx body: paragraphs with their list labels, table rows as tab-joined cells."""
    check_docx_zip(path)
    try:
        import docx  # heavy: imported only when a .docx is read

        document = docx.Document(str(path))
        labeler = build_labeler(document)
        lines: list[str] = []
        _walk(document.element.body, labeler, lines)
        return lines
    except ImportFailed:
        raise
    except Exception:  # python-docx and lxml errors on corrupt parts: show one clear message
        raise ImportFailed(DAMAGED) from None


def _walk(container: Any, labeler: Any, lines: list[str]) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            _add_paragraph(child, labeler, lines)
        elif tag == _TBL:
            lines.extend(_table_rows(child))
        elif tag in _WRAPPERS:
            _walk(child, labeler, lines)


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
    rows = []
    for tr in _children(tbl, _TR):
        cells = [_cell_text(tc) for tc in _children(tr, _TC)]
        if any(cells):
            # Empty cells stay so that columns line up with the header row.
            rows.append(CELL_SEPARATOR.join(cells).rstrip(CELL_SEPARATOR))
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
