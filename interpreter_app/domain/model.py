"""The package and its three parts as plain dataclasses, with dict conversion for storage."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from . import workflow
from .kinds import INTERNAL, PUBLIC, material_kind
from .workflow import Route


@dataclass
class Department:
    """An organisational unit that owns packages (厅、局、委)."""

    id: int | None
    name: str
    code: str = ""  # issuer code used in 发文字号, e.g. 云政办发


@dataclass
class User:
    """A person who logs in; roles are a subset of writer/reviewer/leader/admin."""

    id: int | None
    username: str
    display_name: str
    department_id: int | None
    roles: frozenset[str] = frozenset()
    title: str = ""  # 职务, shown beside sign-offs
    all_departments: bool = False
    disabled: bool = False

    def has(self, role: str) -> bool:
        """Whether the user holds the role."""
        return role in self.roles


@dataclass
class PolicyDocument:
    """政策文件: metadata as on government portals plus the plain-text body."""

    title: str = ""
    doc_number: str = ""  # 发文字号
    issuer: str = ""  # 发文机关
    joint_issuers: list[str] = field(default_factory=list)
    index_number: str = ""  # 索引号
    written_date: str = ""  # 成文日期, ISO yyyy-mm-dd
    publish_date: str = ""  # 发布日期
    effective_date: str = ""  # 施行日期
    validity: str = "有效"
    topic: str = ""  # 主题分类
    genre: str = ""  # 体裁
    disclosure: str = "主动公开"
    disclosure_reason: str = ""
    normative_number: str = ""  # 规范性文件统一编号
    body: str = ""
    # The parts of a 公文 around its body (GB/T 9704): 版头, 签发人, 附件说明, 附注 and 版记.
    masthead: str = ""  # 发文机关标志, e.g. 江海省人民政府办公厅文件
    signer: str = ""  # 签发人 (上行文)
    attachments: list[str] = field(default_factory=list)  # 附件说明: names of the attachments
    note: str = ""  # 附注, shown in parentheses under the date
    copy_to: str = ""  # 抄送机关
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期, ISO yyyy-mm-dd
    source_file: str = ""  # the imported file: “name · format · SHA-256 …” (what was imported)


@dataclass
class Person:
    """A named person with a title (职务)."""

    name: str = ""
    title: str = ""


@dataclass
class Interpreter:
    """Somebody who interprets the policy, with the role used in statistics."""

    name: str = ""
    title: str = ""
    role: str = ""  # one of INTERPRETER_ROLES


@dataclass
class PressConference:
    """新闻发布会 arrangements, used when that form is chosen."""

    time: str = ""
    place: str = ""
    host: str = ""
    speakers: str = ""
    media: str = ""


@dataclass
class KeyTask:
    """One row of the key-tasks table (重点任务)."""

    task: str = ""
    lead: str = ""
    deadline: str = ""


@dataclass
class InterpretationPlan:
    """解读方案."""

    outline: str = ""  # 解读提纲/解读重点
    forms: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    timing: str = "same_day"  # "same_day" or "within_days"
    timing_days: int = 3
    first_interpreter: Person = field(default_factory=Person)
    interpreters: list[Interpreter] = field(default_factory=list)
    proposed_doc_number: str = ""  # 拟发文号
    lead_unit: str = ""  # 起草（牵头）单位
    joint_units: list[str] = field(default_factory=list)
    audiences: str = ""
    risk_level: str = ""  # 低/中/高
    key_risks: str = ""
    response_plan: str = ""  # 应对预案 (internal)
    response_lines: str = ""  # 回应口径 (internal)
    press_conference: PressConference = field(default_factory=PressConference)
    contact_person: str = ""
    contact_phone: str = ""
    key_tasks: list[KeyTask] = field(default_factory=list)


@dataclass
class Series:
    """One data series of a chart."""

    name: str = ""
    values: list[float | None] = field(default_factory=list)


@dataclass
class ChartSpec:
    """A chart as data: drawn by export.charts, edited in a grid."""

    type: str = "bar"
    title: str = ""
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    unit: str = ""
    source: str = ""
    highlight: str = ""  # a category to emphasise, or ""


@dataclass
class QAPair:
    """One question and its answer."""

    question: str = ""
    answer: str = ""


@dataclass
class MediaItem:
    """A file or link a material carries: 一图读懂 long image, video, audio, H5, transcript.
    A file is known by its SHA-256 (its bytes are stored once, outside the material), so the
    package digest covers the exact file."""

    kind: str = "image"  # one of domain.media.MEDIA_KINDS
    title: str = ""
    alt: str = ""  # what an image shows, for people who cannot see it
    source: str = ""  # 数据来源 of an image
    url: str = ""  # a link (video platform, H5 page), or "" for a file
    file_name: str = ""
    sha256: str = ""
    mime: str = ""
    size: int = 0


@dataclass
class Material:
    """解读材料 of one kind; which fields matter depends on the kind's editor."""

    kind: str = "article"
    title: str = ""
    audience: str = PUBLIC
    body: str = ""
    qa: list[QAPair] = field(default_factory=list)
    chart: ChartSpec | None = None
    caption: str = ""
    byline: str = ""  # 署名, e.g. 省发展改革委主任 张明
    interpreter_role: str = ""  # 主要负责人/分管领导/专家 when signed by one
    embargo: str = ""  # ISO date-time before which it must not be published
    media: list[MediaItem] = field(default_factory=list)
    id: str = field(default="", compare=False)
    row_version: int = field(default=0, compare=False)

    @classmethod
    def new(cls, kind: str, title: str = "", **fields: Any) -> Material:
        """A material of the kind with the kind's default audience."""
        spec = material_kind(kind)
        fields.setdefault("audience", spec.default_audience)
        if spec.editor == "chart" and "chart" not in fields:
            fields["chart"] = ChartSpec(title=title)
        return cls(kind=kind, title=title, **fields)

    @property
    def is_public(self) -> bool:
        """Whether the material goes into press packs."""
        return self.audience != INTERNAL


@dataclass
class Package:
    """解读包: one policy document with its plan and materials, moving as one."""

    id: int | None
    department_id: int
    created_by: int
    document: PolicyDocument = field(default_factory=PolicyDocument)
    plan: InterpretationPlan = field(default_factory=InterpretationPlan)
    materials: list[Material] = field(default_factory=list)
    state: str = "draft"
    revision: int = 1  # 版次: raised when a released package is revised
    row_version: int = 0
    document_version: int = 0
    plan_version: int = 0
    created_at: str = ""
    updated_at: str = ""
    due_date: str = ""
    released_at: str = ""
    holder_id: int | None = None  # who holds it now (next to act), when known
    authors: frozenset[int] = frozenset()
    # The approval route frozen when it was last submitted (None before: the default route
    # applies), the step it is at while on the route, and the parties who agreed there.
    route: Route | None = field(default=None, compare=False)
    step: int = field(default=0, compare=False)
    agreed: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def title(self) -> str:
        """The package is known by its document's title."""
        return self.document.title


@dataclass(frozen=True)
class PackageSummary:
    """One row of the package list: no bodies."""

    id: int
    title: str
    doc_number: str
    department_id: int
    department: str
    state: str
    holder: str
    updated_at: str
    due_date: str
    created_by: int
    revision: int
    last_action: str = ""  # the latest decision on the current revision ('' when none)
    last_reason: str = ""  # its reason
    authored: bool = False  # the user the list was read for is among the authors

    @property
    def returned(self) -> bool:
        """Sent back to draft by a reviewer or leader, and not resubmitted since."""
        return self.state == workflow.DRAFT and self.last_action == workflow.RETURN


@dataclass(frozen=True)
class SignOff:
    """A leader's signature bound to one revision and digest."""

    id: int
    package_id: int
    revision: int
    digest: str
    signer_id: int
    signer_name: str
    signer_title: str
    opinion: str
    signed_at: str
    on_behalf_of: str = ""  # the principal when signing with “代”
    signature: str = ""
    public_key: str = ""
    void: bool = False
    certified: bool = False  # signed with a key the department's root certified
    problem: str = ""  # why the signature does not stand ('' when it does or predates the root)


@dataclass(frozen=True)
class Decision:
    """A pass, return, withdraw or revoke with its reason, as shown in the 审签 tab."""

    package_id: int
    action: str
    actor_id: int
    actor_name: str
    at: str
    reason: str = ""


@dataclass(frozen=True)
class Revision:
    """A stored snapshot of the package content."""

    id: int
    package_id: int
    revision: int
    kind: str  # submit/pass/sign/release/save
    created_at: str
    actor_id: int | None
    digest: str
    snapshot: str  # canonical JSON
    label: str = ""


@dataclass(frozen=True)
class AuditEvent:
    """One link of the append-only audit chain."""

    id: int
    at: str
    actor_id: int | None
    package_id: int | None
    action: str
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Comment:
    """A reviewer's remark anchored to a quote in one paragraph of one part."""

    id: int
    package_id: int
    part: str  # "document", "plan" or "material:<id>"
    paragraph: int
    quote: str
    text: str
    author_id: int
    author_name: str
    created_at: str
    resolved: bool = False
    row_version: int = 0
    external: bool = False  # read from a Word file: author_name is the name the file gives


# ---- conversion -----------------------------------------------------------------------------

def to_dict(obj: Any) -> Any:
    """Dataclass tree → plain JSON-ready values (frozensets become sorted lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted(to_dict(v) for v in obj)
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


@functools.cache
def _field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, resolved type) of each field; resolving string annotations is slow, so once."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def from_dict(cls: type, data: Any) -> Any:
    """Plain values → a dataclass of `cls`, ignoring unknown keys, defaulting missing ones."""
    if data is None:
        return None
    kwargs = {name: _convert(tp, data[name]) for name, tp in _field_types(cls) if name in data}
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_convert(arg, v) for v in (value or [])]
    if origin is frozenset:
        (arg,) = typing.get_args(tp)
        return frozenset(_convert(arg, v) for v in (value or []))
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value or {})
    return value
