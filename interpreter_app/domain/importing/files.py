"""read_file and read_text: every way text gets into the workbench."""

from __future__ import annotations

from pathlib import Path

from .common import (
    IMPORT_MAX_CHARS,
    TOO_MUCH_TEXT,
    ImportedText,
    ImportFailed,
    clean_paragraphs,
    split_lines,
)
from .docx_reader import DOCX_MAX_BYTES, read_docx
from .encoding import decode_text
from .fixed_layout import SCANNED, read_ofd, read_pdf
from .legacy import read_legacy

TXT_MAX_BYTES = 20 * 1024 * 1024
PASTE_MAX_CHARS = IMPORT_MAX_CHARS
TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx", ".docm")
LEGACY_SUFFIXES = (".doc", ".wps")
PDF_SUFFIXES = (".pdf",)
OFD_SUFFIXES = (".ofd",)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
NOT_PDF = "文件扩展名是 .pdf，但内容不是 PDF；请确认选择了正确的文件"


def read_file(path: Path, *, encoding: str | None = None) -> ImportedText:
    """The paragraphs of a .docx, .doc/.wps, .pdf, .ofd or .txt file; ImportFailed says what
    went wrong."""
    path = Path(path)
    size = _size_of(path)
    suffix = path.suffix.lower()
    if suffix not in DOCX_SUFFIXES + LEGACY_SUFFIXES + TEXT_SUFFIXES + PDF_SUFFIXES + OFD_SUFFIXES:
        # Refused by name before anything is read: the file might be the open database, and
        # closing a descriptor of it would drop the locks of this process's connections.
        raise ImportFailed(f"不支持的文件类型“{suffix or '无扩展名'}”；"
                           "请选择 .docx、.doc、.wps、.pdf、.ofd 或 .txt 文件")
    head = _head(path)
    if head.startswith(b"%PDF") and suffix not in TEXT_SUFFIXES:
        return _fixed_layout(path, read_pdf, "pdf")
    if suffix in PDF_SUFFIXES:
        raise ImportFailed(NOT_PDF)
    if suffix in OFD_SUFFIXES:
        return _fixed_layout(path, read_ofd, "ofd")
    if suffix in DOCX_SUFFIXES + LEGACY_SUFFIXES:
        return _read_word(path, suffix, head, size)
    return _read_txt(path, size, encoding)


def read_text(text: str) -> ImportedText:
    """Pasted text as paragraphs, cleaned of invisible characters."""
    if len(text) > PASTE_MAX_CHARS and char_total(text) > PASTE_MAX_CHARS:
        raise ImportFailed(f"粘贴的文字过长（超过{PASTE_MAX_CHARS // 10000}万字），请分段导入")
    paragraphs, warnings = clean_paragraphs(split_lines(text))
    if not paragraphs:
        raise ImportFailed("粘贴的内容是空的，请先复制政策文件的文字再粘贴")
    return ImportedText(paragraphs, "utf-8", "paste", warnings)


def char_total(text: str) -> int:
    """Characters that count towards IMPORT_MAX_CHARS: everything but line ends and spaces."""
    return len(text) - sum(text.count(c) for c in "\r\n \t\u3000")


def _size_of(path: Path) -> int:
    if not path.is_file():
        raise ImportFailed(f"找不到文件“{path.name}”，请确认文件存在且没有被移动")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(f"文件“{path.name}”是空的（0 字节），请确认选择了正确的文件")
    return size


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise ImportFailed(f"无法打开文件“{path.name}”（{exc.strerror or '读取失败'}），"
                           "请确认文件没有被其他程序占用且有读取权限") from None


def _fixed_layout(path: Path, reader, source: str) -> ImportedText:
    paragraphs, cleaned = clean_paragraphs(reader(path))
    if not paragraphs:
        raise ImportFailed(SCANNED)
    note = "版式文件（PDF/OFD）的段落由文字位置重建，请核对分段和表格"
    return ImportedText(paragraphs, "utf-8", source, [note, *cleaned])


def _read_word(path: Path, suffix: str, head: bytes, size: int) -> ImportedText:
    warnings = []
    if head.startswith(_ZIP_MAGIC):
        lines = read_docx(path)
    elif head.startswith(_OLE_MAGIC) or suffix in LEGACY_SUFFIXES:
        if suffix in DOCX_SUFFIXES:
            warnings.append("文件扩展名是 .docx，但实际是旧版 .doc 格式")
        lines = read_legacy(path)
        warnings.append("旧版文件已通过 LibreOffice 转换后读取，请核对表格和编号")
    else:
        lines = read_docx(path)  # raises the “not a valid .docx” message
    paragraphs, cleaned = clean_paragraphs(lines)
    if not paragraphs:
        raise ImportFailed(f"文件“{path.name}”中没有文字（可能只有图片或扫描件）；请导入含文字的文件")
    return ImportedText(paragraphs, "utf-8", "docx", warnings + cleaned)


def _read_txt(path: Path, size: int, encoding: str | None) -> ImportedText:
    if size > TXT_MAX_BYTES:
        raise ImportFailed(f"文本文件过大（{size / 1048576:.1f} MB），超过 {TXT_MAX_BYTES // 1048576} MB 的上限；"
                           "政策文件通常不足 1 MB，请确认选择了正确的文件或拆分后再导入")
    try:
        data = path.read_bytes()
    except OSError:
        raise ImportFailed(f"无法读取文件“{path.name}”，请确认有读取权限且文件未被占用") from None
    text, used = decode_text(data, encoding)
    if len(text) > IMPORT_MAX_CHARS and char_total(text) > IMPORT_MAX_CHARS:
        raise ImportFailed(TOO_MUCH_TEXT)
    paragraphs, warnings = clean_paragraphs(split_lines(text))
    if not paragraphs:
        raise ImportFailed(f"文件“{path.name}”中没有文字，请确认选择了正确的文件")
    return ImportedText(paragraphs, used, "txt", warnings)


__all__ = ["DOCX_MAX_BYTES", "TXT_MAX_BYTES", "read_file", "read_text"]
