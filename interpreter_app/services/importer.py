"""Creating a draft package from an imported policy document."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain.model import InterpretationPlan, Package, User
from .authoring import AuthoringService


def package_from_file(authoring: AuthoringService, actor: User, path: Path,
                      encoding: str | None = None, simplify: bool | None = None,
                      cleanup: object | None = None) -> tuple[Package, object]:
    """Read, recognise and create a draft; returns the package and the parse result.

    simplify: convert Traditional to Simplified (None: when the text is Traditional);
    cleanup: a domain.importing.CleanupOptions (None: take nothing out)."""
    from ..domain.importing import parse_document, read_file

    parsed = parse_document(read_file(Path(path), encoding=encoding), simplify=simplify,
                            cleanup=cleanup)
    return create_from_parsed(authoring, actor, parsed, fallback_title=Path(path).stem), parsed


def create_from_parsed(authoring: AuthoringService, actor: User, parsed,
                       fallback_title: str = "") -> Package:
    """A draft package holding the parsed document with the key tasks pre-filled in the plan."""
    from ..domain.importing import tasks_to_key_tasks

    document = parsed.document
    title = document.title or fallback_title or "未命名文件"
    document = replace(document, title=title)
    plan = InterpretationPlan(key_tasks=tasks_to_key_tasks(parsed.tasks),
                              proposed_doc_number=document.doc_number, lead_unit=document.issuer)
    return authoring.create(actor, title, document=document, plan=plan)
