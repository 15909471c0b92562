"""File names made from titles that are safe on Windows, macOS and Linux, and stay readable."""

from __future__ import annotations

import re
import unicodedata

NAME_MAX_CHARS = 60
_FORBIDDEN = re.compile(r'[/\\:*?"<>|]+')
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_DOTS = re.compile(r"\.{2,}")
_SPACES = re.compile(r"[\s\u3000]+")
_EDGE = " .\u3000_"
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
)


def safe_name(title: str, fallback: str, *, limit: int = NAME_MAX_CHARS) -> str:
    """A file-name part from a title: no separators, control characters, `..` or reserved names."""
    name = _clean(title, limit)
    if not name:
        name = _clean(fallback, limit) or "未命名"
    if is_reserved(name):
        name = f"_{name}"  # Windows reserves CON, CON.txt …: a prefix frees the stem
    return name


def _clean(text: str, limit: int) -> str:
    name = unicodedata.normalize("NFC", text or "")
    name = _SPACES.sub(" ", name)  # line breaks and tabs become one space
    name = _CONTROL.sub("", name)
    name = _FORBIDDEN.sub("_", name)
    name = _DOTS.sub(".", name).strip(_EDGE)
    return name[:limit].strip(_EDGE)


def is_reserved(name: str) -> bool:
    """Whether Windows treats the name (with or without an extension) as a device."""
    stem = name.split(".", 1)[0].strip().upper()
    return stem in _RESERVED


def numbered(number: int, title: str, fallback: str, suffix: str) -> str:
    """NN-title.suffix, e.g. 02-政策问答.docx."""
    return f"{number:02d}-{safe_name(title, fallback)}{suffix}"
