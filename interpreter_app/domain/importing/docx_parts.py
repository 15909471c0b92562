"""The XML parts of a .docx read within bounds: safe lxml options, size limits, relationships."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from typing import Any

from .common import ImportFailed

# A 100-page policy document's word/document.xml is one or two MB with some 40,000 tags
# (python-docx writes 240 KB for 60,000 characters; Word with revision marks and run
# formatting several times that). lxml builds about a million elements a second here, each
# taking some 120 bytes, so the tag count bounds time and memory; the byte limit bounds
# what tags can hide (long attributes and text). Both are counted while the part streams.
MAIN_PART_MAX = 32 * 1024 * 1024
MARKUP_MAX = 1_000_000  # "<" in the main part: start, end and empty tags
SMALL_PART_MAX = 8 * 1024 * 1024  # styles, numbering, relationships
RELS = "word/_rels/document.xml.rels"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Word never writes a DTD or entities; network access and huge text nodes are never needed.
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
SAFE_PARSER = _SAFE  # for other zip-of-XML formats (OFD)


def too_big(name: str, size: int, limit: int) -> ImportFailed:
    """The refusal for a part that expands beyond its limit."""
    return ImportFailed(f"文件中的“{name}”解压后过大（{size / 1048576:.0f} MB 以上，上限 {limit // 1048576} MB），"
                        "正常的政策文件远小于此；请确认选择了正确的文件，或在 Word 中“另存为”后再导入")


class Bounded:
    """A read-only stream that refuses to yield more than `limit` bytes or `markup` tags
    (declared sizes lie, and a part can be small and still hold millions of tags)."""

    def __init__(self, raw: Any, limit: int, name: str, markup: int | None = None) -> None:
        self.raw, self.left, self.limit, self.name = raw, limit, limit, name
        self.markup_left = markup

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes; ImportFailed once a limit is passed."""
        data = self.raw.read(size if size is not None and size >= 0 else self.left + 1)
        self.left -= len(data)
        if self.left < 0:
            raise too_big(self.name, self.limit, self.limit)
        if self.markup_left is not None:
            self.markup_left -= data.count(b"<")
            if self.markup_left < 0:
                raise ImportFailed(f"文件中的“{self.name}”结构异常复杂（超过 {MARKUP_MAX // 10000} 万个标记），"
                                   "正常的政策文件远少于此；请在 Word 中“另存为”后再导入")
        return data


def iterparse(stream: Any, tags: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """lxml iterparse over `tags` with entities, DTDs, network and huge nodes off."""
    from lxml import etree

    return etree.iterparse(stream, events=("end",), tag=tags, **_SAFE)


def release(el: Any) -> None:
    """Free an element already read, and anything before it in its parent."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
        parent.remove(el)


def parse_part(archive: zipfile.ZipFile, name: str) -> Any | None:
    """The root element of a small part, None when the package has no such part."""
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > SMALL_PART_MAX:
        raise too_big(name, info.file_size, SMALL_PART_MAX)
    with archive.open(info) as raw:
        data = Bounded(raw, SMALL_PART_MAX, name).read()
    return etree.fromstring(data, etree.XMLParser(**_SAFE))


def numbering_and_styles(archive: zipfile.ZipFile) -> tuple[Any | None, Any | None]:
    """The numbering and styles parts the main document names (None where it names none)."""
    rels = parse_part(archive, RELS)
    targets: dict[str, str] = {}
    for rel in [] if rels is None else rels.iter(_REL):
        kind = (rel.get("Type") or "").removeprefix(_TYPES)
        if kind in ("numbering", "styles") and rel.get("TargetMode") != "External":
            target = posixpath.join("word", rel.get("Target") or "")
            targets[kind] = posixpath.normpath(target).lstrip("/")
    return tuple(parse_part(archive, targets[k]) if k in targets else None  # type: ignore[return-value]
                 for k in ("numbering", "styles"))
