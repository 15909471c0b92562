"""What happened after release, as records: postings on the website, events held with who
attended, the register of documents issued, and responses to public concerns.

Annual figures are counted from these records, never from plans: a plan says who should attend,
an attendance record says who did.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import ValidationError
from .kinds import INTERPRETER_ROLES

DOCUMENT_PART = "document"  # the policy document's page; a material's page is material:<id>
EVENT_KINDS = ("新闻发布会", "政策吹风会", "在线访谈", "媒体专访")
PRESS_EVENT_KINDS = frozenset({"新闻发布会", "政策吹风会"})
LEADER_ROLES = frozenset({"主要负责人", "分管领导"})
MAIN_ROLE = "主要负责人"
CONCERN_CHANNELS = ("政府网站", "政务新媒体", "新闻发布会", "媒体采访", "热线电话", "其他")
DEFAULT_POSTING_DAYS = 3  # working days after release before a package shows as 待上网

_URL = re.compile(r"^https?://[^\s/]+[^\s]*$", re.IGNORECASE)


def material_part(material_id: str) -> str:
    """The page key of a material."""
    return f"material:{material_id}"


@dataclass(frozen=True)
class WebPosting:
    """One page as the website published it: real address and posting time."""

    package_id: int
    revision: int
    part: str  # DOCUMENT_PART or material:<id>
    title: str
    url: str
    posted_at: str  # ISO date-time (or date) the page went online
    index_number: str = ""  # the 索引号 the portal gave the page
    recorded_by: str = ""
    recorded_at: str = ""


@dataclass(frozen=True)
class Attendee:
    """Somebody who actually took part in an event, with the role counted in statistics."""

    name: str
    title: str = ""
    role: str = ""  # one of INTERPRETER_ROLES, or "" for others (moderator, guests)


@dataclass(frozen=True)
class EventRecord:
    """A 新闻发布会, 吹风会, 在线访谈 or 专访 that took place, recorded after the event."""

    id: int | None
    department_id: int
    package_id: int | None
    kind: str
    held_on: str  # ISO date
    title: str = ""
    attendees: tuple[Attendee, ...] = ()
    link: str = ""
    recorded_by: str = ""
    recorded_at: str = ""

    @property
    def leader_attendances(self) -> int:
        """Leaders (主要负责人, 分管领导) who attended: 人次 in the annual report."""
        return sum(1 for a in self.attendees if a.role in LEADER_ROLES)

    @property
    def main_attended(self) -> bool:
        """Whether the 主要负责人 attended."""
        return any(a.role == MAIN_ROLE for a in self.attendees)


@dataclass(frozen=True)
class IssuedDocument:
    """One row of the 发文登记: a policy document the department issued."""

    id: int | None
    department_id: int
    title: str
    issued_on: str  # ISO date
    doc_number: str = ""
    index_number: str = ""


@dataclass(frozen=True)
class ConcernResponse:
    """A response to a public concern (回应关切), linked to a package where there is one."""

    id: int | None
    department_id: int
    responded_on: str
    topic: str
    channel: str
    link: str = ""
    package_id: int | None = None
    recorded_by: str = ""


@dataclass(frozen=True)
class PostingStatus:
    """Whether a released package is online: each public page with its posting, if any."""

    package_id: int
    title: str
    released_at: str
    pages: tuple[tuple[str, str, WebPosting | None], ...] = field(default_factory=tuple)
    overdue: bool = False  # released more than the allowed working days ago and not all posted

    @property
    def posted(self) -> bool:
        """已上网: every public page has a recorded address."""
        return bool(self.pages) and all(p[2] is not None for p in self.pages)


# ---- checks ----------------------------------------------------------------------------------

def check_url(url: str, what: str = "网址") -> str:
    """An http(s) address without spaces; ValidationError otherwise."""
    url = (url or "").strip()
    if not _URL.match(url) or len(url) > 2000:
        raise ValidationError(f"{what}应为以 http:// 或 https:// 开头的完整网址：{url[:80] or '（空）'}")
    return url


def check_date(text: str, what: str, *, today: dt.date | None = None,
               not_future: bool = False) -> str:
    """A date (2026-06-18, 2026/6/18, 2026年6月18日) as ISO; with not_future, refuse days
    after today."""
    from .validation import parse_date

    try:
        day = parse_date((text or "").strip()[:11])
    except ValidationError:
        raise ValidationError(f"{what}应为日期，如 2026-06-18：{text or '（空）'}") from None
    if not_future and today is not None and day > today:
        raise ValidationError(f"{what}{day.isoformat()}晚于今天：活动结束后才能登记实际出席情况")
    return day.isoformat()


def check_datetime(text: str, what: str) -> str:
    """An ISO date or date-time, returned as given (trimmed)."""
    text = (text or "").strip()
    try:
        dt.datetime.fromisoformat(text) if "T" in text or " " in text else dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{what}应为日期或日期时间，如 2026-06-18 或 2026-06-18T10:30：{text or '（空）'}") from None
    return text.replace(" ", "T")


def check_attendee(attendee: Attendee) -> Attendee:
    """A named attendee with a known role (or none)."""
    if not attendee.name.strip():
        raise ValidationError("出席人员须填写姓名")
    if attendee.role and attendee.role not in INTERPRETER_ROLES:
        raise ValidationError(f"出席人员角色应为 {'、'.join(INTERPRETER_ROLES)} 之一：{attendee.role}")
    return Attendee(attendee.name.strip(), attendee.title.strip(), attendee.role)


def parse_attendee(text: str) -> Attendee:
    """姓名,职务,角色 (职务 and 角色 optional) → Attendee, as the CLI and imports write it."""
    parts = [p.strip() for p in re.split(r"[,，]", text)]
    parts += [""] * (3 - len(parts))
    return check_attendee(Attendee(parts[0], parts[1], parts[2]))


def normalise_doc_number(number: str) -> str:
    """发文字号 compared without spaces and with 〔〕 for any bracket pair used around the year."""
    text = re.sub(r"\s+", "", number or "")
    return re.sub(r"[\[【(（](\d{4})[\]】)）]", r"〔\1〕", text)
