"""Text-based PDF (pypdf) and OFD (a zip of XML, GB/T 33190) read into paragraphs, within bounds."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from . import docx_parts
from .common import IMPORT_MAX_CHARS, TOO_MUCH_TEXT, ImportFailed
from .layout import Piece, page_lines, paragraphs_from_lines

PDF_MAX_BYTES = 50 * 1024 * 1024
PAGES_MAX = 500  # a policy document has tens of pages; a 500-page file is something else
OFD_MAX_BYTES = 50 * 1024 * 1024
OFD_PART_MAX = 16 * 1024 * 1024
OFD_TOTAL_MAX = 64 * 1024 * 1024  # all XML read from one OFD, whatever the parts declare
OFD_MEMBERS_MAX = 5000
SCANNED = "这是扫描件，无法提取文字；请导入原始 Word 文件，或用文字识别（OCR）软件转换后再导入"
ENCRYPTED = "PDF 文件已加密，无法读取其中的文字；请导入原始 Word 文件，或取消加密后再导入"
BROKEN_PDF = "PDF 文件已损坏或不是有效的 PDF，无法读取；请导入原始 Word 文件"
BROKEN_OFD = "OFD 文件已损坏或不是有效的 OFD，无法读取；请在版式阅读器中另存或导入原始 Word 文件"
NO_PDF_LIBRARY = "本机缺少读取 PDF 的组件（pypdf），暂不能导入 PDF；请导入原始 Word 文件"
_OFD_NS = "{http://www.ofdspec.org/2016}"


def read_pdf(path: Path) -> list[str]:
    """The paragraphs of a text-based PDF; ImportFailed for scanned, encrypted or broken files."""
    if path.stat().st_size > PDF_MAX_BYTES:
        raise ImportFailed(f"PDF 文件过大，超过 {PDF_MAX_BYTES // 1048576} MB 的上限；请导入原始 Word 文件")
    try:
        import pypdf
    except ImportError:  # a build without it refuses PDF in words, not with a traceback
        raise ImportFailed(NO_PDF_LIBRARY) from None
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            raise ImportFailed(ENCRYPTED)
        if len(reader.pages) > PAGES_MAX:
            raise ImportFailed(f"PDF 文件超过 {PAGES_MAX} 页，不像一份政策文件；请确认选择了正确的文件")
        pages = [_pdf_page(page) for page in reader.pages]
    except ImportFailed:
        raise
    except Exception:  # pypdf raises many types on damaged files; all mean the same here
        raise ImportFailed(BROKEN_PDF) from None
    return _checked(paragraphs_from_lines(pages))


def _pdf_page(page: Any) -> list[tuple[float, float, str]]:
    pieces: list[Piece] = []
    total = 0

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        nonlocal total
        if not text or not text.strip("\n"):
            return
        total += len(text)
        if total > IMPORT_MAX_CHARS:
            raise ImportFailed(TOO_MUCH_TEXT)
        x = tm[4] * cm[0] + cm[4]
        y = -(tm[5] * cm[3] + cm[5])  # PDF y grows upwards
        scale = abs(cm[3]) if cm[3] else 1.0
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                pieces.append(Piece(x, y + k * size * scale, (size or 10) * scale, part))

    page.extract_text(visitor_text=visit)
    return page_lines(pieces)


def read_ofd(path: Path) -> list[str]:
    """The paragraphs of an OFD: every page's TextObjects, placed by their boundary boxes."""
    if path.stat().st_size > OFD_MAX_BYTES:
        raise ImportFailed(f"OFD 文件过大，超过 {OFD_MAX_BYTES // 1048576} MB 的上限；请导入原始 Word 文件")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_ofd(archive)
            budget = [OFD_TOTAL_MAX]
            pages = [page_lines(_ofd_pieces(archive, name, budget))
                     for name in _ofd_pages(archive, budget)]
    except ImportFailed:
        raise
    except Exception:  # zipfile and lxml errors on damaged parts
        raise ImportFailed(BROKEN_OFD) from None
    return _checked(paragraphs_from_lines(pages))


def _check_ofd(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > OFD_MEMBERS_MAX or "OFD.xml" not in {i.filename for i in infos}:
        raise ImportFailed(BROKEN_OFD)
    for info in infos:
        if info.file_size > OFD_PART_MAX and info.filename.lower().endswith(".xml"):
            raise docx_parts.too_big(info.filename, info.file_size, OFD_PART_MAX)


def _part(archive: zipfile.ZipFile, name: str, budget: list[int]) -> Any:
    """One XML part, read within its own limit and what is left of the file's budget."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ImportFailed(BROKEN_OFD) from None
    if info.file_size > min(OFD_PART_MAX, budget[0]):  # declared sizes may lie: read bounded too
        raise docx_parts.too_big(name, info.file_size, OFD_PART_MAX)
    with archive.open(info) as raw:
        data = docx_parts.Bounded(raw, min(OFD_PART_MAX, budget[0]), name,
                                  docx_parts.MARKUP_MAX).read()
    budget[0] -= len(data)
    return etree.fromstring(data, etree.XMLParser(**docx_parts.SAFE_PARSER))


def _ofd_pages(archive: zipfile.ZipFile, budget: list[int]) -> list[str]:
    """Content.xml of every page, in order: OFD.xml → DocRoot → Pages/Page@BaseLoc."""
    root = _part(archive, "OFD.xml", budget)
    doc_root = (root.findtext(f".//{_OFD_NS}DocRoot") or "").strip().lstrip("/")
    document = _part(archive, doc_root, budget)
    base = posixpath.dirname(doc_root)
    pages = []
    for page in document.iter(f"{_OFD_NS}Page"):
        loc = (page.get("BaseLoc") or "").strip()
        if loc:
            pages.append(posixpath.normpath(posixpath.join(base, loc.lstrip("/"))))
        if len(pages) > PAGES_MAX:
            raise ImportFailed(f"OFD 文件超过 {PAGES_MAX} 页，不像一份政策文件；请确认选择了正确的文件")
    return pages


def _ofd_pieces(archive: zipfile.ZipFile, name: str, budget: list[int]) -> list[Piece]:
    pieces = []
    for obj in _part(archive, name, budget).iter(f"{_OFD_NS}TextObject"):
        box = [float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4]]
        size = float(obj.get("Size") or 3.5)
        for code in obj.iter(f"{_OFD_NS}TextCode"):
            x = box[0] + float(code.get("X") or 0)
            y = box[1] + float(code.get("Y") or 0)
            pieces.append(Piece(x, y, size, code.text or ""))
    return pieces


def _checked(paragraphs: list[str]) -> list[str]:
    text = [re.sub(r"\s+$", "", p) for p in paragraphs if p.strip()]
    if sum(len(p) for p in text) > IMPORT_MAX_CHARS:
        raise ImportFailed(TOO_MUCH_TEXT)
    if not text:
        raise ImportFailed(SCANNED)
    return text
