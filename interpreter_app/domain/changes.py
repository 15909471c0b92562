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
from .vocabulary import PLAN_FIELD_LABELS

PENDING = "pending"
ACCEPTED = "accepted"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"  # replaced by its author's later edit of the same text
STATUSES = (PENDING, ACCEPTED, REJECTED, WITHDRAWN)
STATUS_LABELS = {PENDING: "待处理", ACCEPTED: "已接受", REJECTED: "已拒绝", WITHDRAWN: "已撤回"}

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


_MATERIAL_FIELD_LABELS = {"title": "标题", "body": "正文", "caption": "图表说明", "byline": "署名"}


def target_label(target: str, package: Package | None = None) -> str:
    """A target as a writer names it: 政策文件正文, 解读方案·解读要点, 材料“…”正文, 材料“…”第2问回答."""
    part, _, name = target.partition(".")
    if part == "document":
        return {"title": "政策文件标题", "body": "政策文件正文"}.get(name, target)
    if part == "plan":
        return f"解读方案·{PLAN_FIELD_LABELS.get(name, name)}"
    material_id, _, rest = target[len("material:"):].partition(".")
    title = next((m.title for m in (package.materials if package else []) if m.id == material_id),
                 "")
    where = f"材料“{title}”" if title else "解读材料"
    if rest in _MATERIAL_FIELD_LABELS:
        return where + _MATERIAL_FIELD_LABELS[rest]
    pieces = rest.split(".")
    if len(pieces) == 3 and pieces[1].isdigit():
        kind = "问题" if pieces[2] == "question" else "回答"
        return f"{where}第{int(pieces[1]) + 1}问{kind}"
    return where


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


# -- diffing, placing and applying ----------------------------------------------------------

CONTEXT_CHARS = 20  # characters before a change kept to find it again
MERGE_GAP = 2  # edits this few unchanged characters apart are one change (a reworded phrase)


class Unplaceable(ValueError):
    """The change's text is no longer where it was, nor near it: it can only be rejected."""


def diff(target: str, accepted: str, edited: str, *, author_name: str,
         author_id: int | None = None, made_at: str = "", package_id: int | None = None,
         revision: int = 1, external: bool = False, source: str = "") -> list[Change]:
    """The tracked changes that turn `accepted` into `edited`, in text order.

    A character diff; edits separated by one or two unchanged characters become one change,
    so that a reworded phrase reads as one replacement rather than a scatter of letters.
    Every offset is into `accepted`."""
    import difflib

    ops = difflib.SequenceMatcher(None, accepted, edited, autojunk=False).get_opcodes()
    spans: list[list[int]] = []
    open_span: list[int] | None = None
    for index, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            if open_span is None:
                open_span = [i1, i2, j1, j2]
                spans.append(open_span)
            else:
                open_span[1], open_span[3] = i2, j2
        elif open_span is not None and i2 - i1 <= MERGE_GAP and index < len(ops) - 1:
            open_span[1], open_span[3] = i2, j2  # absorbed: the next edit extends the span
        else:
            open_span = None
    return [Change(target=target, offset=i1, old=accepted[i1:i2], new=edited[j1:j2],
                   author_name=author_name, made_at=made_at, package_id=package_id,
                   revision=revision, context=accepted[max(0, i1 - CONTEXT_CHARS):i1],
                   author_id=author_id, external=external, source=source)
            for i1, i2, j1, j2 in spans]


def _fits(text: str, at: int, change: Change) -> bool:
    return (0 <= at <= len(text) and text.startswith(change.old, at)
            and text[:at].endswith(change.context))


def locate(text: str, change: Change) -> int | None:
    """Where the change's old text is in `text` now: at its offset when it is still there
    after its context, else the nearest place with the same context and old text, else the
    nearest place of a (longer) old text alone; None when it can no longer be placed."""
    if _fits(text, change.offset, change):
        return change.offset
    best = _nearest(text, change.context + change.old, change.offset - len(change.context))
    if best is not None:
        return best + len(change.context)
    if len(change.old) >= 4:  # a short piece alone would match anywhere
        return _nearest(text, change.old, change.offset)
    return None


def _nearest(text: str, needle: str, near: int) -> int | None:
    if not needle:
        return None
    found, start = None, text.find(needle)
    while start != -1:
        if found is None or abs(start - near) < abs(found - near):
            found = start
        start = text.find(needle, start + 1)
    return found


def apply(text: str, change: Change) -> str:
    """The text with the change made; Unplaceable when it cannot be found any more."""
    at = locate(text, change)
    if at is None:
        raise Unplaceable(_unplaceable_message(change))
    return text[:at] + change.new + text[at + len(change.old):]


def _unplaceable_message(change: Change) -> str:
    shown = change.old or change.context[-10:]
    return (f"{change.author_name}的修改（“{_short(shown)}”处）已无法在当前文字中找到"
            "（该处文字已被改动），只能拒绝")


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def rebase(change: Change, accepted: Change, at: int, text_after: str) -> Change:
    """`change` (made against the same text as `accepted`) moved to the text after `accepted`
    was applied at `at`: its offset shifted and its context read again. A change that
    overlaps the accepted one is left as it was (it will not be found again)."""
    end = at + len(accepted.old)
    if change.offset + len(change.old) <= at and not (change.offset == at and not change.old
                                                    and not accepted.old):
        offset = change.offset  # before: unmoved, but its context may reach into the edit
    elif change.offset >= end:
        offset = change.offset + len(accepted.new) - len(accepted.old)
    else:
        return change
    if offset > len(text_after) or not text_after.startswith(change.old, offset):
        return change
    return replace(change, offset=offset,
                   context=text_after[max(0, offset - CONTEXT_CHARS):offset])


def apply_in_order(text: str, changes: list[Change]) -> tuple[str, list[Change]]:
    """Accept changes of one text one after another, each placed again after the ones before
    (their offsets all refer to the text they were made against). Returns the new text and
    the changes that could not be placed (left out)."""
    rest = list(changes)
    left_out: list[Change] = []
    while rest:
        change = rest.pop(0)
        at = locate(text, change)
        if at is None:
            left_out.append(change)
            continue
        placed = replace(change, offset=at)
        text = text[:at] + change.new + text[at + len(change.old):]
        rest = [rebase(c, placed, at, text) for c in rest]
    return text, left_out


@dataclass(frozen=True)
class Segment:
    """A run of text as a review shows it: plain, or inserted or deleted by someone."""

    kind: str  # "plain", "inserted" or "deleted"
    text: str
    author_name: str = ""
    change_id: int | None = None


PLAIN, INSERTED, DELETED = "plain", "inserted", "deleted"


def preview(text: str, changes: list[Change]) -> list[Segment]:
    """The accepted text with the pending changes shown in it: each change's deleted text and
    inserted text after it, by author. Changes that cannot be placed, or that overlap one
    placed before, are left out (the list of changes still shows them)."""
    placed: list[tuple[int, Change]] = []
    for change in changes:
        at = locate(text, change)
        if at is not None:
            placed.append((at, change))
    placed.sort(key=lambda item: (item[0], item[0] + len(item[1].old)))
    segments: list[Segment] = []
    cursor = 0
    for at, change in placed:
        if at < cursor:
            continue  # overlaps a change shown already
        if at > cursor:
            segments.append(Segment(PLAIN, text[cursor:at]))
        if change.old:
            segments.append(Segment(DELETED, change.old, change.author_name, change.id))
        if change.new:
            segments.append(Segment(INSERTED, change.new, change.author_name, change.id))
        cursor = at + len(change.old)
    if cursor < len(text):
        segments.append(Segment(PLAIN, text[cursor:]))
    return segments


def excerpt(text: str, change: Change, around: int = 12) -> list[Segment]:
    """The change in a few characters of its surroundings (for a list of changes): where it
    cannot be placed, its recorded context, old and new text."""
    at = locate(text, change)
    if at is None:
        before, after = change.context[-around:], ""
    else:
        before = text[max(0, at - around):at]
        after = text[at + len(change.old):at + len(change.old) + around]
    segments = [Segment(PLAIN, before)] if before else []
    if change.old:
        segments.append(Segment(DELETED, change.old, change.author_name, change.id))
    if change.new:
        segments.append(Segment(INSERTED, change.new, change.author_name, change.id))
    if after:
        segments.append(Segment(PLAIN, after))
    return segments
