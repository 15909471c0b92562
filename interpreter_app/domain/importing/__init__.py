"""Import of policy documents: .docx/.doc/.wps/.pdf/.ofd/.txt/paste → paragraphs → PolicyDocument."""

from __future__ import annotations

from ..script import (
    ScriptReport,
    TermSuggestion,
    apply_suggestions,
    script_report,
    to_simplified,
    variant_term_suggestions,
)
from .cleanup import CleanupOptions, CleanupReport, clean_body
from .common import ImportedText, ImportFailed
from .files import read_file, read_text
from .parse import ParsedDocument, parse_document
from .tasks import ExtractedTask, extract_tasks, tasks_to_key_tasks

__all__ = [
    "CleanupOptions", "CleanupReport", "ExtractedTask", "clean_body", "ImportFailed", "ImportedText", "ParsedDocument", "ScriptReport",
    "TermSuggestion", "apply_suggestions", "extract_tasks", "parse_document", "read_file",
    "read_text", "script_report", "tasks_to_key_tasks", "to_simplified", "variant_term_suggestions",
]
