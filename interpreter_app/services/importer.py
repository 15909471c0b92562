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

    imported = read_file(Path(path), encoding=encoding)
    parsed = parse_document(imported, simplify=simplify, cleanup=cleanup)
    return create_from_parsed(authoring, actor, parsed, fallback_title=Path(path).stem,
                              source=source_record(Path(path), imported.source)), parsed


def source_record(path: Path, kind: str) -> str:
    """“name · format · SHA-256 hex” of an imported file, kept with the document."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:  # read_file has refused anything but a document by name
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:  # gone since it was read: the name and format still say what it was
        return f"{path.name} · {kind}"
    return f"{path.name} · {kind} · SHA-256 {digest.hexdigest()}"


def create_from_parsed(authoring: AuthoringService, actor: User, parsed,
                       fallback_title: str = "", source: str = "") -> Package:
    """A draft package holding the parsed document with the key tasks pre-filled in the plan;
    `source` records which file it came from (source_record)."""
    from ..domain.importing import tasks_to_key_tasks

    document = parsed.document
    title = document.title or fallback_title or "未命名文件"
    document = replace(document, title=title, source_file=source or document.source_file)
    plan = InterpretationPlan(key_tasks=tasks_to_key_tasks(parsed.tasks),
                              proposed_doc_number=document.doc_number, lead_unit=document.issuer)
    return authoring.create(actor, title, document=document, plan=plan)
