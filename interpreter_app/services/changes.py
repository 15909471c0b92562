"""Tracked changes (留痕): reviewers and leaders edit at steps that allow it, writers settle.

A proposal never touches the package content: it is stored as changes against the accepted
text. Accepting one writes the content (row versions, digest, search text) in one transaction
with its audit event; rejecting leaves the content as it is. The digest covers accepted text
only. Changes left pending block submitting, passing and signing (`require_settled`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..domain import permissions, workflow
from ..domain.changes import (
    ACCEPTED,
    PENDING,
    REJECTED,
    STATUS_LABELS,
    WITHDRAWN,
    Change,
    UnknownTarget,
    apply_in_order,
    diff,
    locate,
    rebase,
    target_label,
    text_at,
    with_text,
)
from ..domain.errors import (
    IncompleteError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from ..domain.model import Package, User
from ..domain.validation import TITLE_MAX
from .authoring import clean_document, clean_material, clean_plan
from .base import ServiceBase, check_line, check_text, clean_field

PROPOSE_LOG_INTERVAL = 600  # seconds: the GUI proposes on every autosave
# What moving on is called in the refusal, by action.
_MOVE_NAMES = {workflow.SUBMIT: "提交", workflow.PASS: "通过", workflow.SIGN: "签发"}


def require_settled(store, package: Package, action: str) -> None:
    """IncompleteError when tracked changes of the package wait for a decision and `action`
    would move it on (submit, pass, sign)."""
    if action not in _MOVE_NAMES:
        return
    pending = store.changes.of_package(package.id, PENDING)
    if not pending:
        return
    details = [f"{c.author_name}修改了{target_label(c.target, package)}" for c in pending]
    raise IncompleteError(
        f"还有{len(pending)}处修改（留痕）未处理，请接受或拒绝后再{_MOVE_NAMES[action]}",
        details=list(dict.fromkeys(details)))


class ChangeService(ServiceBase):
    """Propose, list, accept and reject tracked changes."""

    # -- reading --------------------------------------------------------------------------
    def pending(self, actor: User, package_id: int, target: str | None = None) -> list[Change]:
        """Changes waiting for a writer's decision, oldest first."""
        self._load(actor, package_id)
        return self.store.changes.of_package(package_id, PENDING, target)

    def history(self, actor: User, package_id: int) -> list[Change]:
        """Every change of the package, whatever became of it, newest last."""
        self._load(actor, package_id)
        return self.store.changes.of_package(package_id)

    def own_text(self, actor: User, package_id: int, target: str) -> str:
        """The target as the actor last edited it: the accepted text with the actor's own
        pending changes made (what a reviewer's editor shows in 修订模式)."""
        package = self._load(actor, package_id)
        mine = [c for c in self.store.changes.of_package(package_id, PENDING, target)
                if c.author_id == actor.id and not c.external]
        return apply_in_order(self._text(package, target), mine)[0]

    def own_version(self, actor: User, package_id: int) -> Package:
        """The package as the actor last edited it in 修订模式: every text with the actor's
        own pending changes made (the content itself stays the accepted text)."""
        package = self._load(actor, package_id)
        mine = [c for c in self.store.changes.of_package(package_id, PENDING)
                if c.author_id == actor.id and not c.external]
        for target in dict.fromkeys(c.target for c in mine):
            try:
                text = text_at(package, target)
            except UnknownTarget:
                continue
            ours = [c for c in mine if c.target == target]
            package = with_text(package, target, apply_in_order(text, ours)[0])
        return package

    # -- proposing ------------------------------------------------------------------------
    def propose(self, actor: User, package_id: int, target: str, edited_text: str) -> list[Change]:
        """Record the actor's version of a text as tracked changes against the accepted text,
        replacing the actor's earlier pending changes of that text; returns the actor's pending
        changes of the text now (those the new version still makes keep their id and time)."""
        edited = self._clean(target, edited_text)
        at = self.clock()
        with self.store.transaction():
            package = self._load(actor, package_id)
            why = permissions.why_not(actor, permissions.TRACK_CHANGE, package)
            if why:
                raise PermissionDenied(why)
            accepted = self._text(package, target)
            fresh = diff(target, accepted, edited, author_name=actor.display_name,
                         author_id=actor.id, made_at=at, package_id=package_id,
                         revision=package.revision)
            # Changes the new version still makes stay as they were (with their time); the
            # rest are withdrawn: autosave proposes every few seconds while someone types.
            earlier = {(c.offset, c.old, c.new): c for c in self.store.changes.of_package(
                package_id, PENDING, target) if c.author_id == actor.id and not c.external}
            kept = [earlier.pop((c.offset, c.old, c.new), None) for c in fresh]
            for gone in earlier.values():
                self.store.changes.set_status(gone.id, WITHDRAWN, actor.id, at)
            made = [old or self.store.changes.add(new) for old, new in zip(kept, fresh, strict=True)]
            added = sum(1 for old in kept if old is None)
            if (added or earlier) and not self._recently_logged(actor, package_id, target, at):
                self.store.audit(actor.id, package_id, "propose_change", {
                    "target": target, "changes": len(made), "withdrawn": len(earlier)}, at)
        return made

    def record_external(self, actor: User, package_id: int, changes: list[Change],
                        source: str) -> list[Change]:
        """Store changes read from a Word file as pending, by the authors the file names."""
        source = clean_field(source, "来源文件", required=False, max_len=TITLE_MAX)
        at = self.clock()
        with self.store.transaction():
            package = self._load(actor, package_id)
            if (permissions.why_not(actor, permissions.SETTLE_CHANGE, package)
                    and permissions.why_not(actor, permissions.TRACK_CHANGE, package)):
                raise PermissionDenied("只有本解读包的拟稿人或当前步骤的办理人才能导入修订")
            stored = []
            for change in changes:
                self._text(package, change.target)  # the target exists
                author = clean_field(change.author_name, "修订人", required=False,
                                     max_len=TITLE_MAX) or "未署名"
                stored.append(self.store.changes.add(replace(
                    change, id=None, package_id=package_id, revision=package.revision,
                    author_id=None, author_name=author, external=True, source=source,
                    made_at=change.made_at or at, status=PENDING, decided_by=None,
                    decided_at="", old=check_text(change.old, "修订文字"),
                    new=check_text(change.new, "修订文字"),
                    context=check_text(change.context, "修订文字"))))
            if stored:
                self.store.audit(actor.id, package_id, "record_external_changes", {
                    "source": source, "changes": len(stored),
                    "authors": sorted({c.author_name for c in stored})}, at)
        return stored

    # -- settling -------------------------------------------------------------------------
    def accept(self, actor: User, package_id: int, change_id: int) -> Change:
        """Make one pending change part of the content; an unplaceable one is refused."""
        at = self.clock()
        with self.store.transaction():
            package = self._settling(actor, package_id)
            change = self._pending_change(package_id, change_id)
            text = self._placed_text(package, change)
            position = locate(text, change)
            if position is None:
                raise WorkflowError(_unplaceable(change, package))
            new_text = text[:position] + change.new + text[position + len(change.old):]
            self._write(package, change.target, new_text, at)
            placed = replace(change, offset=position)
            for other in self.store.changes.of_package(package_id, PENDING, change.target):
                if other.id == change.id:
                    continue
                moved = rebase(other, placed, position, new_text)
                if moved is not other:
                    self.store.changes.set_place(other.id, moved.offset, moved.context)
            self._settle(actor, change, ACCEPTED, at)
        return replace(change, status=ACCEPTED, decided_by=actor.id, decided_at=at)

    def reject(self, actor: User, package_id: int, change_id: int) -> Change:
        """Drop one pending change; the content stays as it is."""
        at = self.clock()
        with self.store.transaction():
            self._settling(actor, package_id)
            change = self._pending_change(package_id, change_id)
            self._settle(actor, change, REJECTED, at)
        return replace(change, status=REJECTED, decided_by=actor.id, decided_at=at)

    def accept_all(self, actor: User, package_id: int, target: str | None = None) -> list[Change]:
        """Accept every pending change (of one target, when given) in the order made; when
        some can no longer be placed nothing is accepted and the error lists them."""
        at = self.clock()
        with self.store.transaction():
            package = self._settling(actor, package_id)
            pending = self.store.changes.of_package(package_id, PENDING, target)
            texts: dict[str, str] = {}
            stuck: list[Change] = []
            for name in dict.fromkeys(c.target for c in pending):
                ours = [c for c in pending if c.target == name]
                try:
                    text = text_at(package, name)
                except UnknownTarget:
                    stuck += ours
                    continue
                texts[name], left_out = apply_in_order(text, ours)
                stuck += left_out
            if stuck:
                raise IncompleteError(
                    f"有{len(stuck)}处修改已无法在当前文字中找到，未接受任何修改；"
                    "请先逐条拒绝这些修改，再全部接受",
                    details=[_unplaceable(c, package) for c in stuck])
            for name, text in texts.items():
                package = self._write(package, name, text, at)
            for change in pending:
                self._settle(actor, change, ACCEPTED, at)
        return [replace(c, status=ACCEPTED, decided_by=actor.id, decided_at=at) for c in pending]

    def reject_all(self, actor: User, package_id: int, target: str | None = None) -> list[Change]:
        """Reject every pending change (of one target, when given)."""
        at = self.clock()
        with self.store.transaction():
            self._settling(actor, package_id)
            pending = self.store.changes.of_package(package_id, PENDING, target)
            for change in pending:
                self._settle(actor, change, REJECTED, at)
        return [replace(c, status=REJECTED, decided_by=actor.id, decided_at=at) for c in pending]

    # -- helpers --------------------------------------------------------------------------
    def _settling(self, actor: User, package_id: int) -> Package:
        package = self._load(actor, package_id)
        why = permissions.why_not(actor, permissions.SETTLE_CHANGE, package)
        if why:
            raise PermissionDenied(why)
        return package

    def _pending_change(self, package_id: int, change_id: int) -> Change:
        try:
            change = self.store.changes.get(change_id)
        except NotFoundError:
            change = None
        if change is None or change.package_id != package_id:
            raise NotFoundError(f"解读包 {package_id} 没有编号为 {change_id} 的修改")
        if change.status != PENDING:
            raise WorkflowError(f"修改 {change_id} 已处理（{STATUS_LABELS[change.status]}），"
                                "不能再接受或拒绝")
        return change

    def _placed_text(self, package: Package, change: Change) -> str:
        try:
            return text_at(package, change.target)
        except UnknownTarget:
            raise WorkflowError(_unplaceable(change, package)) from None

    @staticmethod
    def _text(package: Package, target: str) -> str:
        try:
            return text_at(package, target)
        except UnknownTarget as exc:
            raise ValidationError(str(exc)) from None

    @staticmethod
    def _clean(target: str, text: str) -> str:
        what = target_label(target)
        if target.endswith(".title") or target.endswith(".byline"):
            return check_line(text, what, TITLE_MAX)
        return check_text(text, what)

    def _write(self, package: Package, target: str, text: str, at: str) -> Package:
        """Store the target's new accepted text with the part's row version (not making the
        change's author, nor the writer accepting it, an author of the package)."""
        changed = with_text(package, target, text)
        packages = self.store.packages
        part = target.partition(".")[0]
        if part == "document":
            changed = replace(changed, document=clean_document(changed.document))
            version = packages.save_document(package.id, changed.document, package.document_version)
            changed = replace(changed, document_version=version)
        elif part == "plan":
            changed = replace(changed, plan=clean_plan(changed.plan))
            version = packages.save_plan(package.id, changed.plan, package.plan_version)
            changed = replace(changed, plan_version=version)
        else:
            material_id = target[len("material:"):].partition(".")[0]
            materials = []
            for m in changed.materials:
                if m.id == material_id:
                    m = clean_material(m)
                    m = replace(m, row_version=packages.save_material(m, m.row_version))
                materials.append(m)
            changed = replace(changed, materials=materials)
        packages.refresh_derived(package.id, at, changed)
        return changed

    def _settle(self, actor: User, change: Change, status: str, at: str) -> None:
        self.store.changes.set_status(change.id, status, actor.id, at)
        self.store.audit(actor.id, change.package_id,
                         "accept_change" if status == ACCEPTED else "reject_change", {
                             "change_id": change.id, "author": change.author_name,
                             "author_id": change.author_id, "target": change.target,
                             "old": change.old, "new": change.new}, at)

    def _recently_logged(self, actor: User, package_id: int, target: str, at: str) -> bool:
        """One proposal event per person, text and ten minutes (autosave proposes often)."""
        last = self.store.last_audit_event(package_id)
        if (last is None or last.actor_id != actor.id or last.action != "propose_change"
                or f'"{target}"' not in last.detail):
            return False
        elapsed = dt.datetime.fromisoformat(at) - dt.datetime.fromisoformat(last.at)
        return elapsed.total_seconds() < PROPOSE_LOG_INTERVAL


def _unplaceable(change: Change, package: Package) -> str:
    shown = change.old or change.context[-10:]
    shown = shown if len(shown) <= 12 else shown[:12] + "…"
    return (f"{change.author_name}对{target_label(change.target, package)}的修改（“{shown}”处，"
            f"编号 {change.id}）已无法在当前文字中找到（该处文字已被改动），只能拒绝")
