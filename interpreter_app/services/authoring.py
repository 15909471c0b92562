"""Authoring: create packages, edit the three parts, manage materials, save versions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from ..domain import permissions
from ..domain.digest import canonical_json, material_content, package_digest
from ..domain.errors import NotFoundError, PermissionDenied, ValidationError
from ..domain.kinds import AUDIENCES, KINDS_BY_CODE
from ..domain.model import (
    ChartSpec,
    InterpretationPlan,
    Material,
    Package,
    PolicyDocument,
    User,
    to_dict,
)
from ..domain.validation import NAME_MAX, TITLE_MAX, normalize_date
from ..domain.vocabulary import DOCUMENT_FIELD_LABELS as D
from ..domain.vocabulary import MATERIAL_FIELD_LABELS
from ..domain.vocabulary import PLAN_FIELD_LABELS as P
from .base import (
    LINE_MAX,
    TEXT_MAX,
    ServiceBase,
    check_line,
    check_lines,
    check_text,
    clean_field,
)

EDIT_LOG_INTERVAL = 600  # seconds between two audit events for the same kind of edit
BODY_MAX = TEXT_MAX  # characters in one body: far beyond any real document


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the part's new row version, the package digest, whether it changed."""

    version: int
    digest: str
    changed: bool


def clean_document(document: PolicyDocument) -> PolicyDocument:
    """The document with every field checked and its dates normalised to ISO (or ValidationError)."""
    d = document
    return replace(
        d,
        title=clean_field(d.title, D["title"]),
        doc_number=clean_field(d.doc_number, D["doc_number"], required=False, max_len=60),
        issuer=clean_field(d.issuer, D["issuer"], required=False),
        joint_issuers=check_lines(d.joint_issuers, D["joint_issuers"], TITLE_MAX),
        index_number=clean_field(d.index_number, D["index_number"], required=False, max_len=60),
        written_date=_date(d.written_date, D["written_date"]),
        publish_date=_date(d.publish_date, D["publish_date"]),
        effective_date=_date(d.effective_date, D["effective_date"]),
        validity=check_line(d.validity, D["validity"], 50),
        topic=check_line(d.topic, D["topic"], 100),
        genre=check_line(d.genre, D["genre"], 50),
        disclosure=check_line(d.disclosure, D["disclosure"], 50),
        disclosure_reason=check_line(d.disclosure_reason, D["disclosure_reason"]),
        normative_number=check_line(d.normative_number, D["normative_number"], 60),
        body=check_text(d.body, "政策文件正文", BODY_MAX),
        masthead=check_line(d.masthead, D["masthead"], TITLE_MAX),
        signer=check_line(d.signer, D["signer"], NAME_MAX),
        attachments=check_lines(d.attachments, D["attachments"], TITLE_MAX),
        note=check_text(d.note, D["note"], LINE_MAX * 4),
        copy_to=check_text(d.copy_to, D["copy_to"], LINE_MAX * 4),
        printer=check_line(d.printer, D["printer"]),
        print_date=_date(d.print_date, D["print_date"]),
        source_file=check_line(d.source_file, D["source_file"], LINE_MAX),
    )


def clean_plan(plan: InterpretationPlan) -> InterpretationPlan:
    """The plan with its timing in range and every text field checked (or ValidationError)."""
    if plan.timing not in ("same_day", "within_days"):
        raise ValidationError("解读时间应为“与文件同日”或“文件发布后N个工作日内”")
    if not isinstance(plan.timing_days, int) or not 0 <= plan.timing_days <= 30:
        raise ValidationError("解读时限应在0到30个工作日之间")
    p, pc = plan, plan.press_conference
    return replace(
        p,
        outline=check_text(p.outline, P["outline"], BODY_MAX),
        forms=check_lines(p.forms, P["forms"], 50), channels=check_lines(p.channels, P["channels"], 100),
        first_interpreter=_person(p.first_interpreter, P["first_interpreter"]),
        interpreters=[replace(_person(i, "解读人"), role=check_line(i.role, "解读人角色", 50))
                      for i in p.interpreters],
        proposed_doc_number=check_line(p.proposed_doc_number, P["proposed_doc_number"], 60),
        lead_unit=check_line(p.lead_unit, P["lead_unit"]),
        joint_units=check_lines(p.joint_units, P["joint_units"]),
        audiences=check_text(p.audiences, P["audiences"], LINE_MAX * 4),
        risk_level=check_line(p.risk_level, P["risk_level"], 50),
        key_risks=check_text(p.key_risks, P["key_risks"], BODY_MAX),
        response_plan=check_text(p.response_plan, P["response_plan"], BODY_MAX),
        response_lines=check_text(p.response_lines, P["response_lines"], BODY_MAX),
        press_conference=replace(pc, **{name: check_line(getattr(pc, name), f"新闻发布会{label}")
                                        for name, label in _PRESS_FIELDS.items()}),
        contact_person=check_line(p.contact_person, P["contact_person"], NAME_MAX),
        contact_phone=check_line(p.contact_phone, P["contact_phone"], 60),
        key_tasks=[replace(t, task=check_text(t.task, "重点任务", LINE_MAX * 20),
                           lead=check_text(t.lead, "牵头单位", LINE_MAX),
                           deadline=check_text(t.deadline, "完成时限", LINE_MAX))
                   for t in p.key_tasks],
    )


def clean_material(material: Material) -> Material:
    """The material with its kind, audience, title, texts, chart and embargo checked."""
    m = material
    if m.kind not in KINDS_BY_CODE:
        raise ValidationError(f"未知的材料类型：{m.kind}")
    if m.audience not in AUDIENCES:
        raise ValidationError(f"{MATERIAL_FIELD_LABELS['audience']}无效：{m.audience}")
    title = clean_field(m.title, MATERIAL_FIELD_LABELS["title"], max_len=TITLE_MAX)
    return replace(
        m, title=title, body=check_text(m.body, f"材料“{title}”正文", BODY_MAX),
        qa=[replace(q, question=check_text(q.question, "问题", LINE_MAX * 4),
                    answer=check_text(q.answer, "回答", BODY_MAX)) for q in m.qa],
        chart=_chart(m.chart) if m.chart else None,
        caption=check_text(m.caption, "图表说明", LINE_MAX * 4),
        byline=check_line(m.byline, "署名"), interpreter_role=check_line(m.interpreter_role,
                                                                           "解读人角色", 50),
        embargo=_embargo(m.embargo), media=[_media(item) for item in m.media], id=m.id,
        row_version=m.row_version)


def _media(item):
    """A media item with its texts checked and complete (file or link; images described)."""
    from ..domain.media import media_problems

    item = replace(item, title=check_line(item.title, "附件标题"),
                   alt=check_text(item.alt, "替代文字", 2000),
                   source=check_line(item.source, "数据来源"), url=check_line(item.url, "链接", 2000),
                   file_name=check_line(item.file_name, "文件名", 200))
    problems = media_problems(item)
    if problems:
        raise ValidationError("；".join(problems))
    return item


_PRESS_FIELDS = {"time": "时间", "place": "地点", "host": "主持人", "speakers": "发布人",
                 "media": "邀请媒体"}


def _date(value: str, what: str) -> str:
    return normalize_date(check_line(value, what, 40))


def _person(person, what: str):
    return replace(person, name=check_line(person.name, f"{what}姓名", NAME_MAX),
                   title=check_line(person.title, f"{what}职务", NAME_MAX))


def _chart(chart: ChartSpec) -> ChartSpec:
    """The chart with its texts checked and every value a finite number or empty."""
    series = []
    for s in chart.series:
        for v in s.values:
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))
                                  or not math.isfinite(v)):
                raise ValidationError(f"图表数据“{s.name}”含有无效数值，请填写数字或留空")
        series.append(replace(s, name=check_line(s.name, "数据系列名称", 100)))
    return replace(
        chart, type=check_line(chart.type, "图表类型", 50), title=check_line(chart.title, "图表标题"),
        categories=check_lines(chart.categories, "图表分类", 100), series=series,
        unit=check_line(chart.unit, "单位", 50), source=check_line(chart.source, "数据来源"),
        highlight=check_line(chart.highlight, "突出显示的分类", 100))


def _embargo(value: str) -> str:
    """'' or an ISO date-time (the GUI and the exports parse it)."""
    value = check_line(value, "发布时间限制", 40)
    if value:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError("发布时间限制应为日期时间，如 2026-03-02T09:00") from None
    return value


class AuthoringService(ServiceBase):
    """Use cases of the writer."""

    def get(self, actor: User, package_id: int) -> Package:
        """A package the actor may see."""
        return self._load(actor, package_id)

    def create(self, actor: User, title: str, *, department_id: int | None = None,
               document: PolicyDocument | None = None, plan: InterpretationPlan | None = None,
               materials: list[Material] | None = None, due_date: str = "") -> Package:
        """Create a draft package in the actor's department (or a chosen one when allowed)."""
        self._require(actor, permissions.CREATE)
        department_id = department_id or actor.department_id
        if department_id is None or not permissions.in_scope(actor, department_id):
            raise PermissionDenied("只能在本部门创建解读包")
        self.store.departments.get(department_id)
        document = clean_document(replace(document or PolicyDocument(), title=title))
        plan = clean_plan(plan or InterpretationPlan())
        materials = [clean_material(m) for m in (materials or [])]
        due_date = _date(due_date, "完成期限")
        at = self.clock()
        package = Package(None, department_id, actor.id, document, plan, materials,
                          holder_id=actor.id, due_date=due_date)
        with self.store.transaction():
            pid = self.store.packages.insert(package, at)
            self.store.audit(actor.id, pid, "create", {"title": document.title}, at)
        return self.store.packages.get(pid)

    def save_document(self, actor: User, package_id: int, document: PolicyDocument,
                      expected_version: int) -> SaveResult:
        """Save the policy document if nobody saved it since `expected_version`."""
        document = clean_document(document)
        with self.store.transaction():
            package = self._load(actor, package_id)
            if to_dict(package.document) == to_dict(document):
                return SaveResult(package.document_version, package_digest(package), False)
            self._check(actor, permissions.EDIT, package)
            version = self.store.packages.save_document(package_id, document, expected_version)
            package.document = document
            return SaveResult(version, self._after_edit(actor, package, "edit_document"), True)

    def save_plan(self, actor: User, package_id: int, plan: InterpretationPlan,
                  expected_version: int) -> SaveResult:
        """Save the interpretation plan if nobody saved it since `expected_version`."""
        plan = clean_plan(plan)
        with self.store.transaction():
            package = self._load(actor, package_id)
            if to_dict(package.plan) == to_dict(plan):
                return SaveResult(package.plan_version, package_digest(package), False)
            self._check(actor, permissions.EDIT, package)
            version = self.store.packages.save_plan(package_id, plan, expected_version)
            package.plan = plan
            return SaveResult(version, self._after_edit(actor, package, "edit_plan"), True)

    def save_material(self, actor: User, package_id: int, material: Material) -> SaveResult:
        """Save one material if nobody saved it since its `row_version`."""
        material = clean_material(material)
        with self.store.transaction():
            package = self._load(actor, package_id)
            index = next((i for i, m in enumerate(package.materials) if m.id == material.id), None)
            if index is None:
                raise NotFoundError("该解读材料不存在（可能已被他人删除）")
            stored = package.materials[index]
            if material_content(stored) == material_content(material):
                return SaveResult(stored.row_version, package_digest(package), False)
            self._check(actor, permissions.EDIT, package)
            version = self.store.packages.save_material(material, material.row_version)
            package.materials[index] = material
            return SaveResult(version, self._after_edit(actor, package, "edit_material",
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
        due = _date(due_date, "完成期限")
        with self.store.transaction():
            self._load(actor, package_id, permissions.EDIT)
            self.store.packages.set_due_date(package_id, due, self.clock())
            self.store.audit(actor.id, package_id, "due_date", {"due_date": due})

    def save_version(self, actor: User, package_id: int, label: str = "") -> int:
        """Store an explicit snapshot of the working copy; returns the snapshot id."""
        label = clean_field(label, "版本说明", required=False, max_len=100)
        at = self.clock()
        with self.store.transaction():
            package = self._load(actor, package_id, permissions.SAVE_VERSION)
            text = canonical_json(package)
            digest = package_digest(package)
            rid = self.store.records.add_revision(package_id, package.revision, "save", at,
                                                  actor.id, digest, text, label)
            self.store.audit(actor.id, package_id, "save_version",
                             {"revision_id": rid, "digest": digest, "label": label}, at)
        return rid

    def _after_edit(self, actor: User, package: Package | int, action: str, what: str = "") -> str:
        """Authorship, digest, list columns, search text and (coalesced) audit after an edit."""
        at = self.clock()
        loaded = package if isinstance(package, Package) else None
        package_id = loaded.id if loaded else package
        self.store.packages.add_author(package_id, actor.id)
        digest = self.store.packages.refresh_derived(package_id, at, loaded)
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
