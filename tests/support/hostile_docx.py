"""Hostile .docx files, generated where a test or benchmark needs them (too big to commit).

Each is a valid Word package whose word/document.xml expands far beyond what its file size
suggests, compressing about as well as real Word XML does, so the zip-bomb ratio check alone
does not catch it.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
_TAIL = "</w:body></w:document>"
_COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年经发展政策企业就业服务保障工作社会建设管理制度"


def _text_block(rng: random.Random, size: int) -> bytes:
    """About `size` bytes of paragraphs as Word writes them (revision ids, spacing, fonts) with
    random text: blocks longer than deflate's 32 KiB window compress like a real file (~9:1)."""
    rsids = [f"{rng.getrandbits(32):08X}" for _ in range(20)]
    out, total = [], 0
    while total < size:
        text = "".join(rng.choices(_COMMON, k=rng.randint(20, 60)))
        rsid = rng.choice(rsids)
        para = (f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}"><w:pPr><w:spacing w:line="560" '
                'w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>'
                '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
                f'w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>{text}</w:t></w:r></w:p>')
        out.append(para.encode())
        total += len(out[-1])
    return b"".join(out)


def _tag_block(rng: random.Random, size: int) -> bytes:
    """`size` bytes of the smallest elements there are, random enough to pass a ratio check."""
    return "".join(rng.choice(("<a/>", "<b/>")) for _ in range(size // 4)).encode()


def write_docx(path: Path, body_chunks, *, level: int = 6) -> Path:
    """A minimal Word package whose body is the given chunks of XML, written as it streams."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w") as member:
            member.write(_HEAD.encode())
            for chunk in body_chunks:
                member.write(chunk)
            member.write(_TAIL.encode())
    return path


def expanding_text_docx(path: Path, expanded_mb: int, seed: int = 13) -> Path:
    """word/document.xml of `expanded_mb` MB of ordinary-looking text paragraphs."""
    block = _text_block(random.Random(seed), 256 * 1024)
    count = expanded_mb * 1024 * 1024 // len(block)
    return write_docx(path, (block for _ in range(count)))


def tag_flood_docx(path: Path, expanded_mb: int, where: str = "paragraph", seed: int = 13) -> Path:
    """`expanded_mb` MB of empty elements inside one paragraph or one table cell."""
    block = _tag_block(random.Random(seed), 256 * 1024)
    chunks = [block] * (expanded_mb * 4)
    wrap = {"paragraph": (b"<w:p>", b"</w:p>"),
            "cell": (b"<w:tbl><w:tr><w:tc><w:p>", b"</w:p></w:tc></w:tr></w:tbl>")}[where]
    return write_docx(path, [wrap[0], *chunks, wrap[1]])


def empty_paragraphs_docx(path: Path, count: int, seed: int = 13) -> Path:
    """`count` empty top-level paragraphs, each with its own revision id."""
    rng = random.Random(seed)
    paras = (f'<w:p w:rsidR="{rng.getrandbits(32):08X}"/>'.encode() for _ in range(count))
    return write_docx(path, paras)


def deep_nesting_docx(path: Path, depth: int = 100_000) -> Path:
    """Content controls nested `depth` deep around one paragraph."""
    open_, close = b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"
    return write_docx(path, [open_ * depth, b"<w:p><w:r><w:t>x</w:t></w:r></w:p>", close * depth])
