"""Authoring: create packages, edit the three parts, manage materials, save versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..domain import permissions
from ..domain.digest import canonical_json, material_content, package_digest
from ..domain.errors import NotFoundError, PermissionDenied, ValidationError
from ..domain.kinds import AUDIENCES, KINDS_BY_CODE
from ..domain.model import (
    InterpretationPlan,
    Material,
    Package,
    PolicyDocument,
    User,
    to_dict,
)
from ..domain.validation import TITLE_MAX, clean_line, normalize_date, validate_title
from .base import ServiceBase

EDIT_LOG_INTERVAL = 600  # seconds between two audit events for the same kind of edit
BODY_MAX = 1_000_000  # characters in one body: far beyond any real document


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the part's new row version, the package digest, whether it changed."""

    version: int
    digest: str
    changed: bool


def clean_document(document: PolicyDocument) -> PolicyDocument:
    """The document with its title checked and its dates normalised to ISO (or ValidationError)."""
    _check_body(document.body, "政策文件正文")
    return replace(
        document,
        title=validate_title(document.title),
        doc_number=clean_line(document.doc_number, "发文字号", required=False, max_len=60),
        issuer=clean_line(document.issuer, "发文机关", required=False),
        index_number=clean_line(document.index_number, "索引号", required=False, max_len=60),
        written_date=normalize_date(document.written_date),
        publish_date=normalize_date(document.publish_date),
        effective_date=normalize_date(document.effective_date),
        body=document.body.replace("\r\n", "\n"),
    )


def clean_material(material: Material) -> Material:
    """The material with its kind, audience, title and body checked."""
    if material.kind not in KINDS_BY_CODE:
        raise ValidationError(f"未知的材料类型：{material.kind}")
    if material.audience not in AUDIENCES:
        raise ValidationError(f"公开属性无效：{material.audience}")
    _check_body(material.body, f"材料“{material.title}”正文")
    title = clean_line(material.title, "材料标题", max_len=TITLE_MAX)
    return replace(material, title=title, body=material.body.replace("\r\n", "\n"),
                   id=material.id, row_version=material.row_version)


def _check_body(body: str, what: str) -> None:
    if len(body) > BODY_MAX:
        raise ValidationError(f"{what}过长（{len(body)}字），不能超过{BODY_MAX}字")
    if "\x00" in body:
        raise ValidationError(f"{what}含有空字符（NUL），请检查粘贴来源")


class AuthoringService(ServiceBase):
    """Use cases of the writer."""

    def get(self, actor: User, package_id: int) -> Package:
        """A package the actor may see."""
        return self._load(actor, package_id)

    def create(self, actor: User, title: str, *, department_id: int | None = None,
               document: PolicyDocument | None = None, plan: InterpretationPlan | None = None,
               materials: list[Material] | None = None, due_date: str = "") -> Package:
        """Create a draft package in the actor's department (or a chosen one when allowed)."""
        reason = permissions.why_not(actor, permissions.CREATE)
        if reason:
            raise PermissionDenied(reason)
        department_id = department_id or actor.department_id
        if department_id is None or not permissions.in_scope(actor, department_id):
            raise PermissionDenied("只能在本部门创建解读包")
        self.store.departments.get(department_id)
        document = clean_document(replace(document or PolicyDocument(), title=title))
        materials = [clean_material(m) for m in (materials or [])]
        at = self.clock()
        package = Package(None, department_id, actor.id, document, plan or InterpretationPlan(),
                          materials, holder_id=actor.id, due_date=normalize_date(due_date))
        with self.store.transaction():
            pid = self.store.packages.insert(package, at)
            self.store.audit(actor.id, pid, "create", {"title": document.title}, at)
        return self.store.packages.get(pid)

    def save_document(self, actor: User, package_id: int, document: PolicyDocument,
                      expected_version: int) -> SaveResult:
        """Save the policy document if nobody saved it since `expected_version`."""
        document = clean_document(document)
        with self.store.transaction():
            package = self.store.packages.get(package_id)
            if to_dict(package.document) == to_dict(document):
                self._load(actor, package_id)
                return SaveResult(package.document_version, package_digest(package), False)
            self._load(actor, package_id, permissions.EDIT)
            version = self.store.packages.save_document(package_id, document, expected_version)
            return SaveResult(version, self._after_edit(actor, package_id, "edit_document"), True)

    def save_plan(self, actor: User, package_id: int, plan: InterpretationPlan,
                  expected_version: int) -> SaveResult:
        """Save the interpretation plan if nobody saved it since `expected_version`."""
        if plan.timing not in ("same_day", "within_days"):
            raise ValidationError("解读时间应为“与文件同日”或“文件发布后N个工作日内”")
        if not 0 <= plan.timing_days <= 30:
            raise ValidationError("解读时限应在0到30个工作日之间")
        with self.store.transaction():
            package = self.store.packages.get(package_id)
            if to_dict(package.plan) == to_dict(plan):
                self._load(actor, package_id)
                return SaveResult(package.plan_version, package_digest(package), False)
            self._load(actor, package_id, permissions.EDIT)
            version = self.store.packages.save_plan(package_id, plan, expected_version)
            return SaveResult(version, self._after_edit(actor, package_id, "edit_plan"), True)

    def save_material(self, actor: User, package_id: int, material: Material) -> SaveResult:
        """Save one material if nobody saved it since its `row_version`."""
        material = clean_material(material)
        with self.store.transaction():
            package = self.store.packages.get(package_id)
            stored = next((m for m in package.materials if m.id == material.id), None)
            if stored is None:
                raise NotFoundError("该解读材料不存在（可能已被他人删除）")
            if material_content(stored) == material_content(material):
                self._load(actor, package_id)
                return SaveResult(stored.row_version, package_digest(package), False)
            self._load(actor, package_id, permissions.EDIT)
            version = self.store.packages.save_material(material, material.row_version)
            return SaveResult(version, self._after_edit(actor, package_id, "edit_material",
                                                        material.title), True)

    def add_material(self, actor: User, package_id: int, material: Material,
                     position: int | None = None) -> Material:
        """Add a material (at the end unless a position is given); returns it with its id."""
        material = clean_material(material)
        with self.store.transaction():
            self._load(actor, package_id, permissions.EDIT)
            added = self.store.packages.add_material(package_id, material, position)
            self.store.packages.bump(package_id, None, self.clock())
            self._after_edit(actor, package_id, "add_material", material.title)
        return added

    def duplicate_material(self, actor: User, package_id: int, material_id: str) -> Material:
        """Add a copy of a material right after it."""
        package = self._load(actor, package_id, permissions.EDIT)
        index = next((i for i, m in enumerate(package.materials) if m.id == material_id), None)
        if index is None:
            raise NotFoundError("该解读材料不存在（可能已被他人删除）")
        source = package.materials[index]
        title = (source.title + "（副本）")[:TITLE_MAX]
        copy = replace(source, id="", row_version=0, title=title)
        return self.add_material(actor, package_id, copy, index + 1)

    def delete_material(self, actor: User, package_id: int, material_id: str) -> Material:
        """Delete a material; returns it so that the caller can offer undo (add it back)."""
        with self.store.transaction():
            package = self._load(actor, package_id, permissions.EDIT)
            removed = next((m for m in package.materials if m.id == material_id), None)
            if removed is None:
                raise NotFoundError("该解读材料不存在（可能已被他人删除）")
            self.store.packages.delete_material(package_id, material_id)
            self.store.packages.bump(package_id, None, self.clock())
            self._after_edit(actor, package_id, "delete_material", removed.title)
        return removed

    def reorder_materials(self, actor: User, package_id: int, order: list[str]) -> None:
        """Put the materials in the given order of ids."""
        with self.store.transaction():
            self._load(actor, package_id, permissions.EDIT)
            self.store.packages.reorder_materials(package_id, order)
            self.store.packages.bump(package_id, None, self.clock())
            self._after_edit(actor, package_id, "reorder_materials")

    def set_due_date(self, actor: User, package_id: int, due_date: str) -> None:
        """Set the date by which the package should be released."""
        due = normalize_date(due_date)
        with self.store.transaction():
            self._load(actor, package_id, permissions.EDIT)
            self.store.packages.set_due_date(package_id, due, self.clock())
            self.store.audit(actor.id, package_id, "due_date", {"due_date": due})

    def save_version(self, actor: User, package_id: int, label: str = "") -> int:
        """Store an explicit snapshot of the working copy; returns the snapshot id."""
        label = clean_line(label, "版本说明", required=False, max_len=100)
        at = self.clock()
        with self.store.transaction():
            package = self._load(actor, package_id)
            if not (actor.roles & {"writer", "reviewer", "leader"}):
                raise PermissionDenied("需要拟稿人、核稿人或签发领导角色")
            text = canonical_json(package)
            digest = package_digest(package)
            rid = self.store.records.add_revision(package_id, package.revision, "save", at,
                                                  actor.id, digest, text, label)
            self.store.audit(actor.id, package_id, "save_version",
                             {"revision_id": rid, "digest": digest, "label": label}, at)
        return rid

    def _after_edit(self, actor: User, package_id: int, action: str, what: str = "") -> str:
        at = self.clock()
        self.store.packages.add_author(package_id, actor.id)
        digest = self.store.packages.refresh_derived(package_id, at)
        if not self._recently_logged(actor, package_id, action, at):
            self.store.audit(actor.id, package_id, action, {"what": what} if what else {}, at)
        return digest

    def _recently_logged(self, actor: User, package_id: int, action: str, at: str) -> bool:
        """Autosave runs every few seconds: one edit event per person, part and ten minutes."""
        last = self.store.last_audit_event(package_id)
        if last is None or last.actor_id != actor.id or last.action != action:
            return False
        elapsed = dt.datetime.fromisoformat(at) - dt.datetime.fromisoformat(last.at)
        return elapsed.total_seconds() < EDIT_LOG_INTERVAL
