"""Tracked changes (留痕): edits a reviewer or leader makes, or a Word file brings, kept apart
from the package's text until a writer accepts them.

A change replaces `old` by `new` at `offset` of one text field of the package, the *target*.
Targets are addressed as strings: ``document.title``, ``document.body``, ``plan.<field>`` for
the plan's text fields, ``material:<id>.<field>`` for a material's title, body, caption and
byline, and ``material:<id>.qa.<i>.question`` / ``.answer`` for one question and answer. The
package content, and so its digest, holds accepted text only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Package

PENDING = "pending"
ACCEPTED = "accepted"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"  # replaced by its author's later edit of the same text
STATUSES = (PENDING, ACCEPTED, REJECTED, WITHDRAWN)

# Text fields of the plan a change may touch (the rest are choices, dates, lists, people).
PLAN_TEXT_FIELDS = ("outline", "audiences", "key_risks", "response_plan", "response_lines")
MATERIAL_TEXT_FIELDS = ("title", "body", "caption", "byline")
DOCUMENT_TEXT_FIELDS = ("title", "body")


@dataclass(frozen=True)
class Change:
    """One tracked change: `old` replaced by `new` at `offset` of the target's accepted text.

    An insertion has `old` empty, a deletion `new` empty. `context` is up to twenty characters
    before `offset` as they were, so the change can be found again after other changes to the
    same text were accepted. `external` marks a change read from a Word file (its author is
    the name the file gives)."""

    target: str
    offset: int
    old: str
    new: str
    author_name: str
    made_at: str
    id: int | None = None
    package_id: int | None = None
    revision: int = 1
    context: str = ""
    author_id: int | None = None
    external: bool = False
    source: str = ""  # the file an external change came from
    status: str = PENDING
    decided_by: int | None = None
    decided_at: str = ""


class UnknownTarget(ValueError):
    """The address names no text of this package."""


def targets_of(package: Package) -> list[str]:
    """Every text target of the package, in reading order."""
    found = [f"document.{f}" for f in DOCUMENT_TEXT_FIELDS]
    found += [f"plan.{f}" for f in PLAN_TEXT_FIELDS]
    for m in package.materials:
        found += [f"material:{m.id}.{f}" for f in MATERIAL_TEXT_FIELDS]
        for i in range(len(m.qa)):
            found += [f"material:{m.id}.qa.{i}.question", f"material:{m.id}.qa.{i}.answer"]
    return found


def _material(package: Package, target: str):
    head, _, rest = target.partition(".")
    material_id = head[len("material:"):]
    for m in package.materials:
        if m.id == material_id:
            return m, rest
    raise UnknownTarget(f"没有找到材料 {material_id}")


def text_at(package: Package, target: str) -> str:
    """The accepted text of a target; UnknownTarget when there is no such text."""
    part, _, name = target.partition(".")
    if part == "document" and name in DOCUMENT_TEXT_FIELDS:
        return getattr(package.document, name)
    if part == "plan" and name in PLAN_TEXT_FIELDS:
        return getattr(package.plan, name)
    if part.startswith("material:"):
        m, rest = _material(package, target)
        if rest in MATERIAL_TEXT_FIELDS:
            return getattr(m, rest)
        pieces = rest.split(".")
        if len(pieces) == 3 and pieces[0] == "qa" and pieces[2] in ("question", "answer"):
            index = int(pieces[1]) if pieces[1].isdigit() else -1
            if 0 <= index < len(m.qa):
                return getattr(m.qa[index], pieces[2])
    raise UnknownTarget(f"解读包中没有“{target}”这段文字")


def with_text(package: Package, target: str, text: str) -> Package:
    """A copy of the package whose target holds `text` (the other parts shared)."""
    text_at(package, target)  # UnknownTarget first
    part, _, name = target.partition(".")
    if part == "document":
        return replace(package, document=replace(package.document, **{name: text}))
    if part == "plan":
        return replace(package, plan=replace(package.plan, **{name: text}))
    m, rest = _material(package, target)
    if rest in MATERIAL_TEXT_FIELDS:
        new = replace(m, **{rest: text})
    else:
        _, index, field_name = rest.split(".")
        qa = list(m.qa)
        qa[int(index)] = replace(qa[int(index)], **{field_name: text})
        new = replace(m, qa=qa)
    return replace(package, materials=[new if x is m else x for x in package.materials])
