"""Reading a 征求意见稿 .docx back after Word, WPS or LibreOffice edited it.

What comes out is the file's view only: for every bookmarked paragraph its text as segments
(unchanged, inserted or deleted, with author and time), the comments with where they start
and end, and the identity properties. review_merge places all that in the package."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from ..domain.importing.common import ImportFailed
from ..domain.importing.docx_parts import (
    MAIN_PART_MAX,
    MARKUP_MAX,
    SAFE_PARSER,
    Bounded,
    parse_part,
)
from ..domain.importing.docx_reader import MAIN_PART, check_docx_zip
from . import review_format as F

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CORE_NAMES = ("{http://purl.org/dc/elements/1.1/}creator",)
_LAST_BY = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy"
SAME, INS, DEL = "same", "ins", "del"
_INSERTED = {f"{W}ins", f"{W}moveTo"}
_DELETED = {f"{W}del", f"{W}moveFrom"}
# Containers whose content is read in place (links, content controls, smart tags, fields).
_TRANSPARENT = {f"{W}hyperlink", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent", f"{W}customXml",
                f"{W}fldSimple", f"{_MC}AlternateContent", f"{_MC}Choice"}
_CHARS = {f"{W}tab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}

NOT_OURS = ("这不是本程序导出的征求意见稿（文件中没有解读包标识）；请在解读包中用“导出→征求意见稿”生成文件，"
            "修改后再导入")
DAMAGED = "文件已损坏，无法读取；请在 Word、WPS 或 LibreOffice 中打开并“另存为” .docx 后再导入"


@dataclass(frozen=True)
class Seg:
    """A piece of a paragraph's text: unchanged, or inserted/deleted by `author` at `date`."""

    text: str
    kind: str = SAME
    author: str = ""
    date: str = ""


@dataclass
class FileAnchor:
    """One bookmarked line of a target and the paragraphs a reader added after it."""

    index: int  # the target's number in the file's target list
    line: int
    hash: str
    segs: list[Seg] = field(default_factory=list)
    mark: Seg = field(default_factory=lambda: Seg("\n"))  # the last paragraph's own mark

    @property
    def was(self) -> str:
        """The text as it was before the tracked changes (untracked edits included)."""
        return "".join(s.text for s in self.segs if s.kind != INS)

    @property
    def now(self) -> str:
        """The text with every tracked change accepted."""
        return "".join(s.text for s in self.segs if s.kind != DEL)


@dataclass
class FileComment:
    """A comment of the file and where its range starts and ends (anchor, offset in `was`)."""

    id: str
    author: str
    initials: str
    date: str
    text: str
    start: tuple[FileAnchor, int] | None = None
    end: tuple[FileAnchor, int] | None = None


@dataclass
class ReviewFile:
    """Everything the file says."""

    package_id: int
    revision: int
    digest: str
    targets: dict[int, F.TargetEntry]
    last_modified_by: str
    anchors: list[FileAnchor]
    comments: list[FileComment]
    orphans: list[str]  # text in paragraphs that belong to no line of the package


def read_review_file(path: Path) -> ReviewFile:
    """Read a 征求意见稿 .docx; ValidationError (in Chinese) for anything that is not one."""
    check_docx_zip(Path(path))
    try:
        with zipfile.ZipFile(path) as archive:
            props = _custom_properties(archive)
            identity = _identity(props)
            last_by = _last_modified_by(archive)
            comments = _comments(archive)
            with archive.open(MAIN_PART) as raw:
                data = Bounded(raw, MAIN_PART_MAX, MAIN_PART, MARKUP_MAX).read()
    except (ValidationError, ImportFailed):
        raise
    except Exception:  # zipfile and lxml raise many types on damaged files; one message
        raise ValidationError(DAMAGED) from None
    anchors, orphans = _body(data, comments)
    return ReviewFile(*identity, last_by, anchors, list(comments.values()), orphans)


def _custom_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    root = parse_part(archive, "docProps/custom.xml")
    if root is None:
        return {}
    found = {}
    for prop in root.iter(f"{_CUSTOM}property"):
        value = next((c.text or "" for c in prop), "")
        found[prop.get("name", "")] = value
    return found


def _identity(props: dict[str, str]) -> tuple[int, int, str, dict[int, F.TargetEntry]]:
    package, revision = props.get(F.PROP_PACKAGE, ""), props.get(F.PROP_REVISION, "")
    if not package.strip().isdigit() or not revision.strip().isdigit():
        raise ValidationError(NOT_OURS)
    keys = sorted((k for k in props
                   if k.startswith(F.PROP_TARGETS) and k[len(F.PROP_TARGETS):].isdigit()),
                  key=lambda k: int(k[len(F.PROP_TARGETS):]))
    chunks = [props[k] for k in keys]
    targets = F.decode_targets(chunks)
    if not targets:
        raise ValidationError(NOT_OURS)
    return int(package), int(revision), props.get(F.PROP_DIGEST, ""), targets


def _last_modified_by(archive: zipfile.ZipFile) -> str:
    root = parse_part(archive, "docProps/core.xml")
    if root is None:
        return ""
    node = root.find(_LAST_BY)
    return (node.text or "").strip() if node is not None else ""


def _comments(archive: zipfile.ZipFile) -> dict[str, FileComment]:
    root = parse_part(archive, "word/comments.xml")
    found: dict[str, FileComment] = {}
    if root is None:
        return found
    for c in root.iter(f"{W}comment"):
        paras = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")]
        cid = c.get(f"{W}id", "")
        found[cid] = FileComment(cid, c.get(f"{W}author", ""), c.get(f"{W}initials", ""),
                                 c.get(f"{W}date", ""), "\n".join(paras).strip())
    return found


# ---- the body -------------------------------------------------------------------------------

@dataclass
class _Para:
    """One paragraph as items: Seg, or (event, value) for bookmarks and comment marks."""

    items: list[Any] = field(default_factory=list)
    mark: Seg = field(default_factory=lambda: Seg("\n"))


def _body(data: bytes, comments: dict[str, FileComment]) -> tuple[list[FileAnchor], list[str]]:
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(**SAFE_PARSER))
    except etree.XMLSyntaxError:
        raise ValidationError(DAMAGED) from None
    body = root.find(f"{W}body")
    if body is None:
        raise ValidationError(DAMAGED)
    builder = _Builder(comments)
    for p in body.iter(f"{W}p"):
        if any(a.tag == f"{W}txbxContent" for a in p.iterancestors()):
            continue  # text boxes float over the page: not part of the text flow
        builder.paragraph(_paragraph(p))
    return builder.anchors, builder.orphans


def _paragraph(p: Any) -> _Para:
    para = _Para()
    ppr = p.find(f"{W}pPr")
    rpr = ppr.find(f"{W}rPr") if ppr is not None else None
    if rpr is not None:
        for child in rpr:
            if child.tag in _INSERTED or child.tag in _DELETED:
                kind = INS if child.tag in _INSERTED else DEL
                para.mark = Seg("\n", kind, child.get(f"{W}author", ""), child.get(f"{W}date", ""))
    _walk(p, Seg(""), para.items)
    return para


def _walk(el: Any, state: Seg, out: list[Any]) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{W}r":
            _run(child, state, out)
        elif tag in _INSERTED or tag in _DELETED:
            kind = INS if tag in _INSERTED else DEL
            if state.kind != SAME and state.kind != kind:
                continue  # deleted inside an insertion (or the reverse): in neither text
            _walk(child, Seg("", kind, child.get(f"{W}author", ""), child.get(f"{W}date", "")),
                  out)
        elif tag == f"{W}bookmarkStart":
            out.append(("bookmark", child.get(f"{W}name", "")))
        elif tag == f"{W}commentRangeStart":
            out.append(("comment_start", child.get(f"{W}id", "")))
        elif tag == f"{W}commentRangeEnd":
            out.append(("comment_end", child.get(f"{W}id", "")))
        elif tag in _TRANSPARENT:
            _walk(child, state, out)


def _run(run: Any, state: Seg, out: list[Any]) -> None:
    for child in run:
        tag = child.tag
        if tag in (f"{W}t", f"{W}delText"):
            text = child.text or ""
        elif tag in _CHARS:
            text = _CHARS[tag]
        elif tag == f"{W}br" and child.get(f"{W}type") in (None, "textWrapping"):
            text = "\n"
        elif tag == f"{W}commentReference":
            out.append(("comment_ref", child.get(f"{W}id", "")))
            continue
        else:
            continue
        if text:
            out.append(Seg(text, state.kind, state.author, state.date))


class _Builder:
    """Groups paragraphs into anchors: a bookmarked line and the paragraphs added after it."""

    def __init__(self, comments: dict[str, FileComment]) -> None:
        self.comments = comments
        self.anchors: list[FileAnchor] = []
        self.orphans: list[str] = []
        self.current: FileAnchor | None = None

    def paragraph(self, para: _Para) -> None:
        names = [v for item in para.items if isinstance(item, tuple) and item[0] == "bookmark"
                 for v in [item[1]]]
        content = next((m for m in map(F.CONTENT_BOOKMARK.match, names) if m), None)
        items = para.items
        if content:
            self.current = FileAnchor(int(content[1]), int(content[2]), content[3])
            self.anchors.append(self.current)
            at = next(i for i, item in enumerate(items)
                      if isinstance(item, tuple) and item == ("bookmark", content[0]))
            # the label before the bookmark (问：, 答：) is ours, not the text; its comment marks stay
            items = [x for x in items[:at] if not isinstance(x, Seg)] + items[at + 1:]
        elif any(F.STRUCTURE_BOOKMARK.match(n) for n in names):
            self.current = None
        elif self.current is not None:
            self.current.segs.append(self.current.mark)
        if self.current is None:
            self._orphan(items)
            return
        self._add(self.current, items)
        self.current.mark = para.mark

    def _add(self, anchor: FileAnchor, items: list[Any]) -> None:
        for item in items:
            if isinstance(item, Seg):
                anchor.segs.append(item)
                continue
            event, value = item
            comment = self.comments.get(value)
            if comment is None:
                continue
            where = (anchor, len(anchor.was))
            if event == "comment_start" or (event == "comment_ref" and comment.start is None):
                comment.start = where
            if event in ("comment_end", "comment_ref") and comment.end is None:
                comment.end = where

    def _orphan(self, items: list[Any]) -> None:
        text = "".join(s.text for s in items if isinstance(s, Seg) and s.kind != DEL).strip()
        # text a reader typed where no line of the package is (after one of our headings)
        if text and self.current is None and not any(
                isinstance(i, tuple) and i[0] == "bookmark" and F.STRUCTURE_BOOKMARK.match(i[1])
                for i in items):
            self.orphans.append(text)
