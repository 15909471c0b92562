"""From imported paragraphs to a PolicyDocument with outline, key tasks and a script report.

The analysis reads a normalised copy of the text: Traditional characters converted to Simplified
(opencc t2s, character for character, so offsets stay) and inserted garbage characters taken
out. Metadata, outline and tasks come from that copy, so a Traditional or noisy document gives
the same structure as a clean Simplified one; the body keeps the writer's text unless the
clean-up the writer chose says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import PolicyDocument
from ..noise import garbage_runs, strip_runs
from ..script import ScriptReport, script_report, to_simplified
from ..text import Heading, outline
from .cleanup import CleanupOptions, CleanupReport, clean_body
from .common import ImportedText
from .metadata import extract_metadata
from .tasks import ExtractedTask, extract_tasks

METADATA_FIELDS = ("title", "doc_number", "issuer", "joint_issuers", "index_number", "written_date",
                   "publish_date", "effective_date", "validity", "topic", "genre", "disclosure",
                   "normative_number", "masthead", "signer", "attachments", "note", "copy_to",
                   "printer", "print_date")


@dataclass(frozen=True)
class ParsedDocument:
    """What an import yields: the document, its outline, its key tasks and its script."""

    document: PolicyDocument
    outline: list[Heading]
    tasks: list[ExtractedTask]
    script: ScriptReport
    found: tuple[str, ...] = ()  # metadata fields recognised in the text
    converted: bool = False  # the body was converted from Traditional to Simplified
    cleanup: CleanupReport = field(default_factory=CleanupReport)
    original_body: str = ""  # the body as read, before conversion and clean-up

    def metadata(self) -> dict[str, object]:
        """The recognised metadata fields and their values."""
        return {name: getattr(self.document, name) for name in self.found}

    @property
    def notices(self) -> list[str]:
        """What the import changed, in words for the writer."""
        out = []
        if self.converted:
            out.append(f"已将繁体字转换为简体（共{self.script.traditional_chars}字），分析和正文均使用简体")
        elif self.script.is_traditional:
            out.append("原文为繁体字：正文保留繁体，标题、提纲和重点任务按简体识别")
        out += self.cleanup.lines()
        return out


def analysis_copy(lines: list[str], simple: list[str] | None = None) -> list[str]:
    """The lines in Simplified with garbage runs removed, one for one with the input."""
    simple = [to_simplified(line) for line in lines] if simple is None else simple
    by_line: dict[int, list[tuple[int, int]]] = {}
    for run in garbage_runs(simple):
        by_line.setdefault(run.paragraph, []).append((run.start, run.end))
    out = [strip_runs(line, by_line[i]) if i in by_line else line for i, line in enumerate(simple)]
    # A line that was nothing but garbage stays, so that lines keep their numbers.
    return [line if line.strip() else simple[i] for i, line in enumerate(out)]


def parse_document(imported: ImportedText, simplify: bool | None = None,
                   cleanup: CleanupOptions | None = None) -> ParsedDocument:
    """Header and signature become metadata; the remaining paragraphs become the body.

    simplify: convert the body to Simplified (None: when the text is written in Traditional).
    cleanup: what to take out of the body (nothing by default)."""
    lines = imported.paragraphs
    report = script_report(imported.text)
    convert = report.is_traditional if simplify is None else simplify
    simple = [to_simplified(line) for line in lines]
    analysed = analysis_copy(lines, simple)
    # Metadata from the converted lines as they are: a rare character in a name or title is
    # kept there, while the outline and the tasks read the copy without garbage.
    meta = extract_metadata(simple)
    keep = [i for i in range(len(lines)) if i not in meta.consumed]
    source = [to_simplified(lines[i]) if convert else lines[i] for i in keep]
    body_lines, done = clean_body(source, cleanup or CleanupOptions())
    fields = {k: v for k, v in meta.fields.items() if k in METADATA_FIELDS}
    if not convert:
        fields = _original_values(fields, lines, simple, meta.consumed)
    document = PolicyDocument(body="\n".join(body_lines), **fields)
    analysed_body = [analysed[i] for i in keep]
    if done.changed:
        analysed_body = analysis_copy(body_lines)
    found = tuple(name for name in METADATA_FIELDS if name in fields)
    return ParsedDocument(document, outline("\n".join(analysed_body)), extract_tasks(analysed_body),
                          report, found, convert and report.traditional_chars > 0, done,
                          "\n".join(lines[i] for i in keep))


def _original_values(fields: dict[str, object], lines: list[str], analysed: list[str],
                     consumed: set[int]) -> dict[str, object]:
    """Text fields as written in the original script (same offsets: t2s is one for one)."""
    out = dict(fields)
    for name, value in fields.items():
        if not isinstance(value, str) or not value:
            continue
        for i in sorted(consumed):
            at = analysed[i].find(value)
            if at >= 0 and len(analysed[i]) == len(lines[i]) and analysed[i] == to_simplified(lines[i]):
                out[name] = lines[i][at:at + len(value)]
                break
    return out
