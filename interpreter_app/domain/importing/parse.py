"""From imported paragraphs to a PolicyDocument with outline, key tasks and a script report."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PolicyDocument
from ..script import ScriptReport, script_report
from ..text import Heading, outline
from .common import ImportedText
from .metadata import extract_metadata
from .tasks import ExtractedTask, extract_tasks

METADATA_FIELDS = ("title", "doc_number", "issuer", "joint_issuers", "index_number", "written_date",
                   "publish_date", "effective_date", "validity", "topic", "genre", "disclosure",
                   "normative_number")


@dataclass(frozen=True)
class ParsedDocument:
    """What an import yields: the document, its outline, its key tasks and its script."""

    document: PolicyDocument
    outline: list[Heading]
    tasks: list[ExtractedTask]
    script: ScriptReport
    found: tuple[str, ...] = ()  # metadata fields recognised in the text

    def metadata(self) -> dict[str, object]:
        """The recognised metadata fields and their values."""
        return {name: getattr(self.document, name) for name in self.found}


def parse_document(imported: ImportedText) -> ParsedDocument:
    """Header and signature become metadata; the remaining paragraphs become the body."""
    lines = imported.paragraphs
    meta = extract_metadata(lines)
    body_lines = [line for i, line in enumerate(lines) if i not in meta.consumed]
    fields = {k: v for k, v in meta.fields.items() if k in METADATA_FIELDS}
    document = PolicyDocument(body="\n".join(body_lines), **fields)
    found = tuple(name for name in METADATA_FIELDS if name in fields)
    return ParsedDocument(document, outline(document.body), extract_tasks(body_lines),
                          script_report(imported.text), found)
