"""Shared types of the import: the error users see and the text an import yields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import ValidationError
from ..text import count_hidden_controls, drop_hidden_controls

SOURCES = ("docx", "txt", "paste", "pdf", "ofd")
# A 100-page policy document holds about 60,000 characters; checking costs time in proportion
# to the text (about 10 s a million characters in `inspect`), so an import stops here.
IMPORT_MAX_CHARS = 300_000
TOO_MUCH_TEXT = (f"文件中的文字过多（超过 {IMPORT_MAX_CHARS // 10000} 万字，约 480 页），政策文件通常不足 10 万字；"
                 "请确认选择了正确的文件，或拆分后再导入")


class ImportFailed(ValidationError):
    """A file or text that cannot be imported; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class ImportedText:
    """The paragraphs read from a file or a paste, with the encoding used and any warnings."""

    paragraphs: list[str]
    encoding: str
    source: str  # one of SOURCES
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraphs as one text, one paragraph a line."""
        return "\n".join(self.paragraphs)


# Zero-width and bidi control characters come along with text copied from web pages.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_NOT_TABS = " \u3000\r\n\f\v"


def clean_paragraphs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines → non-empty paragraphs without invisible or control characters, plus warnings."""
    warnings: list[str] = []
    removed = 0
    out = []
    for line in lines:
        text = unicodedata.normalize("NFC", line).replace("\u00a0", " ")
        text, n_invisible = _INVISIBLE.subn("", text)
        text, n_control = _CONTROL.subn("", text)
        n_hidden = count_hidden_controls(text)  # C1 controls; the bidi ones went with _INVISIBLE
        text = drop_hidden_controls(text) if n_hidden else text
        removed += n_invisible + n_control + n_hidden
        # A table row keeps its tabs, empty cells at either end included (columns line up).
        kept = text.strip(_NOT_TABS)
        text = kept if "\t" in kept and kept.strip() else text.strip()
        if text:
            out.append(text)
    if removed:
        warnings.append(f"已删除{removed}个不可见字符或控制字符（常见于从网页复制的文字）")
    return out, warnings


def split_lines(text: str) -> list[str]:
    """A text split into lines on any line ending (CRLF, CR, LF, U+2028)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
