"""What a 征求意见稿 .docx carries to find its way back into its package.

The identity travels in custom document properties (docProps/custom.xml), which Word, WPS and
LibreOffice keep when they save: the package id, revision, digest and the list of text targets
(each with a short index, its line count and a hash of its text as exported). Every paragraph
we write carries a bookmark: ``_PR<t>_<line>_<hash>`` for line `line` of target `t` (the hash is
of that line as exported), ``_PRS<n>`` for our own headings and labels. Word limits bookmark
names to 40 characters and hides those starting with an underscore.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

PROP_PACKAGE = "PolicyReview.Package"
PROP_REVISION = "PolicyReview.Revision"
PROP_DIGEST = "PolicyReview.Digest"
PROP_FORMAT = "PolicyReview.Format"
PROP_TARGETS = "PolicyReview.Targets."  # followed by 1, 2, …: chunks of the target list
FORMAT_VERSION = "1"
# Word shows and keeps custom property text up to 255 characters: the list goes in pieces.
CHUNK_MAX = 250
CONTENT_BOOKMARK = re.compile(r"^_PR(\d+)_(\d+)_([0-9a-f]{6})$")
STRUCTURE_BOOKMARK = re.compile(r"^_PRS\d+$")
LINE_HASH_LEN, TEXT_HASH_LEN = 6, 12


def line_hash(text: str) -> str:
    """The short hash of one exported line that its bookmark carries."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LINE_HASH_LEN]


def text_hash(text: str) -> str:
    """The hash of a whole target's text as exported, kept in the target list."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:TEXT_HASH_LEN]


def content_bookmark(index: int, line: int, text: str) -> str:
    """The bookmark name of line `line` of target number `index`."""
    return f"_PR{index}_{line}_{line_hash(text)}"


@dataclass(frozen=True)
class TargetEntry:
    """One target as exported: its address, line count and text hash."""

    index: int
    target: str
    lines: int
    digest: str


def encode_targets(entries: list[TargetEntry]) -> list[str]:
    """The target list as property values of at most CHUNK_MAX characters."""
    chunks: list[str] = []
    current = ""
    for e in entries:
        item = f"{e.index}|{e.target}|{e.lines}|{e.digest};"
        if current and len(current) + len(item) > CHUNK_MAX:
            chunks.append(current)
            current = ""
        current += item
    if current:
        chunks.append(current)
    return chunks


def decode_targets(chunks: list[str]) -> dict[int, TargetEntry]:
    """The target list from its property values (malformed items are skipped)."""
    found: dict[int, TargetEntry] = {}
    for item in "".join(chunks).split(";"):
        pieces = item.split("|")
        if len(pieces) == 4 and pieces[0].isdigit() and pieces[2].isdigit():
            found[int(pieces[0])] = TargetEntry(int(pieces[0]), pieces[1], int(pieces[2]),
                                                pieces[3])
    return found
