"""After release: record the website's postings, events held, the 发文登记 and 回应关切."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..domain import permissions
from ..domain.errors import PermissionDenied, ValidationError
from ..domain.kinds import material_kind
from ..domain.model import Package, User
from ..domain.outreach import (
    CONCERN_CHANNELS,
    DEFAULT_POSTING_DAYS,
    DOCUMENT_PART,
    EVENT_KINDS,
    Attendee,
    ConcernResponse,
    EventRecord,
    IssuedDocument,
    PostingStatus,
    WebPosting,
    check_attendee,
    check_date,
    check_datetime,
    check_url,
    material_part,
)
from ..domain.statistics import to_date
from ..domain.workdays import WorkCalendar
from .base import ServiceBase, clean_field

PROACTIVE = "主动公开"
POSTING_LIMIT_KEY = "posting_limit_days"
POSTING_WINDOW_DAYS = 90  # 待上网 looks back this far; older releases are not a to-do


def public_pages(package: Package) -> list[tuple[str, str]]:
    """(part, title) of every page the web pack holds for the package."""
    return [(part, title) for part, _page, title in web_page_ids(package)]


def web_page_ids(package: Package) -> list[tuple[str, str, str]]:
    """(part, web pack page id, title) of each public page: policy, jiedu-01, jiedu-02, …"""
    pages = [(DOCUMENT_PART, "policy", package.title)] \
        if package.document.disclosure == PROACTIVE else []
    public = [m for m in package.materials if m.is_public]
    pages += [(material_part(m.id), f"jiedu-{n:02d}", m.title.strip() or material_kind(m.kind).label)
              for n, m in enumerate(public, 1)]
    return pages


def resolve_page(package: Package, page: str) -> str:
    """The part key of a page named by part key (document, material:…) or page id (jiedu-01)."""
    page = (page or "").strip().removesuffix(".html")
    for part, page_id, _title in web_page_ids(package):
        if page in (part, page_id):
            return part
    known = "、".join(p for _, p, _t in web_page_ids(package)) or "（无公开页面）"
    raise ValidationError(f"解读包 {package.id} 没有公开页面“{page}”；可用：{known}")


class OutreachService(ServiceBase):
    """Records that the annual figures count, each written to the audit chain."""

    # -- postings -------------------------------------------------------------------------
    def record_posting(self, actor: User, package_id: int, part: str, url: str, posted_at: str,
                       index_number: str = "") -> WebPosting:
        """Record where and when one public page of the released package went online."""
        package = self._load(actor, package_id, permissions.RECORD_POSTING)
        titles = dict(public_pages(package))
        part = resolve_page(package, part)
        posted_at = check_datetime(posted_at, "上网时间")
        today = to_date(self.clock())
        if today and posted_at[:10] > today.isoformat():
            raise ValidationError(f"上网时间{posted_at[:10]}晚于今天：页面上网后再登记")
        if package.released_at and posted_at[:10] < package.released_at[:10]:
            raise ValidationError(f"上网时间{posted_at[:10]}早于解读包发布时间{package.released_at[:10]}")
        posting = WebPosting(package_id, package.revision, part, titles[part],
                             check_url(url, "页面网址"), posted_at,
                             clean_field(index_number, "索引号", required=False, max_len=60))
        with self.store.transaction():
            self.store.outreach.put_posting(posting, actor.id, self.clock())
            self.store.audit(actor.id, package_id, "posting_recorded",
                             {"part": part, "url": posting.url, "posted_at": posted_at,
                              "revision": package.revision})
        return replace(posting, recorded_by=actor.display_name)

    def import_postings(self, actor: User, path: Path) -> int:
        """Record postings from the CMS's CSV list: 解读包,页面,网址,上网时间[,索引号]."""
        count = 0
        for row in self._csv(path, 4):
            self.record_posting(actor, _int(row[0], "解读包编号"), row[1], row[2], row[3],
                                row[4] if len(row) > 4 else "")
            count += 1
        return count

    def posting_status(self, actor: User, package_id: int) -> PostingStatus:
        """Each public page of the current revision with its posting (None while not online)."""
        package = self._load(actor, package_id)
        return self._status(package, self._calendar_limit())

    def posting_window(self) -> tuple[str, str]:
        """(first, last) release dates (ISO) of packages overdue for posting today: released more
        than the limit ago, and within the last POSTING_WINDOW_DAYS (older ones were posted
        before their postings were recorded, or are history, not work to do)."""
        calendar, days = self._calendar_limit()
        today = to_date(self.clock()) or dt.date.today()
        day = today
        while calendar.working_days_between(day, today) <= days:
            day -= dt.timedelta(days=1)
        return (today - dt.timedelta(days=POSTING_WINDOW_DAYS)).isoformat(), day.isoformat()

    def awaiting_posting(self, actor: User) -> list[PostingStatus]:
        """待上网: released packages not all online N working days after release."""
        limit = self._calendar_limit()
        result = []
        for pid in self.store.packages.ids():
            if not permissions.in_scope(actor, self.store.packages.department_of(pid)):
                continue
            package = self.store.packages.get(pid)
            if package.state == "released":
                status = self._status(package, limit)
                if status.overdue:
                    result.append(status)
        return result

    def _status(self, package: Package, limit: tuple[WorkCalendar, int]) -> PostingStatus:
        posted = {p.part: p for p in self.store.outreach.postings(package.id)
                  if p.revision == package.revision}
        pages = tuple((part, title, posted.get(part)) for part, title in public_pages(package))
        status = PostingStatus(package.id, package.title, package.released_at, pages)
        calendar, days = limit
        released, today = to_date(package.released_at), to_date(self.clock())
        late = bool(released and today and calendar.working_days_between(released, today) > days
                    and (today - released).days <= POSTING_WINDOW_DAYS)
        return replace(status, overdue=late and not status.posted)

    def posting_limit(self) -> int:
        """Working days after release within which every public page should be online."""
        days = self.store.get_setting(POSTING_LIMIT_KEY, DEFAULT_POSTING_DAYS)
        valid = isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= 30
        return days if valid else DEFAULT_POSTING_DAYS

    def set_posting_limit(self, actor: User, days: int) -> int:
        """Set the 待上网 limit for the whole database (administrators), audited."""
        self._require(actor, permissions.MANAGE_DEPARTMENTS)
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 30:
            raise ValidationError("上网时限须为0至30个工作日")
        with self.store.transaction():
            before = self.posting_limit()
            self.store.set_setting(POSTING_LIMIT_KEY, days)
            self.store.audit(actor.id, None, "setting_changed",
                             {"key": POSTING_LIMIT_KEY, "from": before, "to": days})
        return days

    def _calendar_limit(self) -> tuple[WorkCalendar, int]:
        from .stats import StatisticsService

        return StatisticsService(self.store, self.clock).calendar(), self.posting_limit()

    # -- events ---------------------------------------------------------------------------
    def record_event(self, actor: User, kind: str, held_on: str, attendees: list[Attendee], *,
                     package_id: int | None = None, title: str = "", link: str = "",
                     department_id: int | None = None) -> EventRecord:
        """Record an event that took place and who actually attended (not who was planned)."""
        self._require(actor, permissions.RECORD_WORK)
        if kind not in EVENT_KINDS:
            raise ValidationError(f"活动类型应为 {'、'.join(EVENT_KINDS)} 之一：{kind}")
        today = to_date(self.clock())
        held = check_date(held_on, "举办日期", today=today, not_future=True)
        if not attendees:
            raise ValidationError("请登记实际出席的人员（至少一人）")
        department = self._department(actor, package_id, department_id)
        event = EventRecord(None, department, package_id, kind, held,
                            clean_field(title, "活动名称", required=False),
                            tuple(check_attendee(a) for a in attendees),
                            check_url(link, "活动链接") if link.strip() else "")
        with self.store.transaction():
            event_id = self.store.outreach.add_event(event, actor.id, self.clock())
            self.store.audit(actor.id, package_id, "event_recorded",
                             {"event": event_id, "kind": kind, "held_on": held,
                              "attendees": [a.name for a in event.attendees]})
        return replace(event, id=event_id, recorded_by=actor.display_name)

    def events(self, actor: User) -> list[EventRecord]:
        """Events of the departments the actor sees."""
        return [e for e in self.store.outreach.events()
                if permissions.in_scope(actor, e.department_id)]

    # -- 发文登记 --------------------------------------------------------------------------
    def register_document(self, actor: User, title: str, issued_on: str, doc_number: str = "",
                          index_number: str = "", department_id: int | None = None) -> bool:
        """Add a document to the register; False when it is there already."""
        from ..domain.importing.table import cell_date

        self._require(actor, permissions.RECORD_WORK)
        department = self._department(actor, None, department_id)
        doc = IssuedDocument(None, department, clean_field(title, "文件标题"),
                             check_date(cell_date(issued_on), "发文日期"),
                             clean_field(doc_number, "发文字号", required=False, max_len=60),
                             clean_field(index_number, "索引号", required=False, max_len=60))
        with self.store.transaction():
            added = self.store.outreach.put_issued(doc, actor.id, self.clock())
            if added:
                self.store.audit(actor.id, None, "document_registered",
                                 {"title": doc.title, "doc_number": doc.doc_number,
                                  "issued_on": doc.issued_on})
        return added

    def import_register(self, actor: User, path: Path,
                        department_id: int | None = None) -> tuple[int, int]:
        """Import the register from a CSV or Excel (.xlsx) file: 标题,发文日期[,发文字号[,索引号]],
        header optional; returns (added, already there)."""
        added = skipped = 0
        for row in self._csv(path, 2):
            row = row + [""] * (4 - len(row))
            if self.register_document(actor, row[0], row[1], row[2], row[3], department_id):
                added += 1
            else:
                skipped += 1
        return added, skipped

    def register(self, actor: User) -> list[IssuedDocument]:
        """Register rows of the departments the actor sees."""
        return [d for d in self.store.outreach.issued()
                if permissions.in_scope(actor, d.department_id)]

    # -- 回应关切 --------------------------------------------------------------------------
    def record_concern(self, actor: User, responded_on: str, topic: str, channel: str,
                       link: str = "", package_id: int | None = None,
                       department_id: int | None = None) -> ConcernResponse:
        """Log a response to a public concern."""
        self._require(actor, permissions.RECORD_WORK)
        if channel not in CONCERN_CHANNELS:
            raise ValidationError(f"回应渠道应为 {'、'.join(CONCERN_CHANNELS)} 之一：{channel}")
        department = self._department(actor, package_id, department_id)
        response = ConcernResponse(
            None, department, check_date(responded_on, "回应日期", today=to_date(self.clock()),
                                         not_future=True),
            clean_field(topic, "关切事项"), channel,
            check_url(link, "回应链接") if link.strip() else "", package_id)
        with self.store.transaction():
            rid = self.store.outreach.add_concern(response, actor.id, self.clock())
            self.store.audit(actor.id, package_id, "concern_recorded",
                             {"response": rid, "topic": response.topic, "channel": channel})
        return replace(response, id=rid, recorded_by=actor.display_name)

    def concerns(self, actor: User) -> list[ConcernResponse]:
        """Responses of the departments the actor sees."""
        return [c for c in self.store.outreach.concerns()
                if permissions.in_scope(actor, c.department_id)]

    # -- helpers --------------------------------------------------------------------------
    def _csv(self, path: Path, min_columns: int) -> list[list[str]]:
        # A path from the user may be the open database: never read that outside SQLite.
        if self.store.is_database_file(Path(path)):
            raise ValidationError(f"“{path}”是正在使用的数据库文件，不能作为表格导入")
        return _table_rows(path, min_columns)

    def _department(self, actor: User, package_id: int | None,
                    department_id: int | None) -> int:
        """The department a record belongs to: the package's, the one named, or the actor's."""
        if package_id is not None:
            return self._load(actor, package_id).department_id
        department = department_id if department_id is not None else actor.department_id
        if department is None:
            raise ValidationError("请指定部门")
        if not permissions.in_scope(actor, department):
            raise PermissionDenied("无权为其他部门登记")
        return department


def _int(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(f"{what}应为数字：{text}") from None


def _table_rows(path: Path, min_columns: int) -> list[list[str]]:
    """Rows of a small CSV or .xlsx, a header row skipped, each with enough columns."""
    from ..domain.importing.table import read_table

    path = Path(path)
    rows = read_table(path)
    if rows and not any(ch.isdigit() for ch in "".join(rows[0])):
        rows = rows[1:]  # a header row: 标题,发文日期,…
    for n, row in enumerate(rows, 1):
        if len([c for c in row if c]) < min_columns:
            raise ValidationError(f"“{path.name}”第{n}行应至少有{min_columns}列：{','.join(row)[:80]}")
    return rows
