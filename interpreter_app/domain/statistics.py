"""Figures about interpretation work for reports and the dashboard, from plain package facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from .kinds import FORMS, INTERPRETER_ROLES, KINDS_BY_CODE
from .workdays import WEEKDAYS_ONLY, WorkCalendar

MAIN_ROLE = "主要负责人"
CHART_KIND = "chart"
VIDEO_KIND = "media_script"
SAME_DAY, WITHIN_LIMIT, LATE = "当日", "期限内", "超期"
TIMELINESS_BUCKETS = (SAME_DAY, WITHIN_LIMIT, LATE)
_KIND_BY_LABEL = {k.label: k.code for k in KINDS_BY_CODE.values()}

STAT_LABELS = {
    "released": "发布政策解读", "released_per_month": "各月发布解读", "by_form": "解读形式",
    "by_department": "各部门发布解读", "by_role": "解读人", "press_conferences": "新闻发布会",
    "leader_attendances": "领导出席人次", "charts": "图解", "videos": "视频",
    "timeliness": "解读及时性", "cycle_time": "审签用时", "documents_issued": "发文数",
    "interpreted": "解读数", "issued_vs_interpreted": "发文与解读",
}


@dataclass(frozen=True)
class PackageFacts:
    """What statistics need to know about one package, read from the store."""

    package_id: int
    department: str
    state: str = ""
    title: str = ""
    doc_publish_date: str = ""  # ISO date of the policy document, or ""
    released_at: str = ""  # ISO date-time of the (first) release, or ""
    submitted_at: str = ""
    signed_at: str = ""
    forms: tuple[str, ...] = ()
    interpreter_roles: tuple[str, ...] = ()  # includes 主要负责人 when a first interpreter is set
    material_kinds: tuple[str, ...] = ()  # kind codes, one entry a material
    has_press_conference: bool = False
    leaders_attending: int = 0


@dataclass(frozen=True)
class CycleTime:
    """Days from submission to sign-off over the packages signed in the period."""

    count: int = 0
    median_days: float | None = None
    longest_days: float | None = None


@dataclass(frozen=True)
class Statistics:
    """All figures for one period and (optionally) one department."""

    date_from: date | None
    date_to: date | None
    department: str | None
    limit_days: int
    released: int
    released_per_month: list[tuple[str, int]]
    by_form: dict[str, int]
    by_department: dict[str, int]
    by_role: dict[str, int]
    press_conferences: int
    leader_attendances: int
    charts: int
    videos: int
    timeliness: dict[str, int]
    cycle_time: CycleTime = field(default_factory=CycleTime)
    documents_issued: int = 0
    # Years the timeliness figures counted Monday to Friday, for want of a holiday schedule.
    unknown_years: tuple[int, ...] = ()

    @property
    def interpreted(self) -> int:
        """Interpreted documents are the packages released in the period."""
        return self.released

    @property
    def interpretation_rate(self) -> float | None:
        """解读率 as a fraction, None when no document was issued."""
        return self.interpreted / self.documents_issued if self.documents_issued else None

    @property
    def is_calendar_year(self) -> bool:
        """Whether the period is exactly one calendar year (the report says 全年)."""
        return bool(self.date_from and self.date_to and self.date_from.year == self.date_to.year
                    and (self.date_from.month, self.date_from.day) == (1, 1)
                    and (self.date_to.month, self.date_to.day) == (12, 31))


# ---- dates ---------------------------------------------------------------------------------

def to_date(text: str) -> date | None:
    """The date part of an ISO date or date-time, None when empty or malformed."""
    try:
        return date.fromisoformat(text.strip()[:10]) if text and text.strip() else None
    except ValueError:
        return None


def _to_datetime(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None
    # Mixed aware/naive values cannot be subtracted; all times are local to one office anyway.
    return value.replace(tzinfo=None) if value else None


def working_days_between(start: date, end: date, calendar: WorkCalendar = WEEKDAYS_ONLY) -> int:
    """Working days after `start` up to and including `end`; 0 when end is not after start."""
    return calendar.working_days_between(start, end)


def timeliness_bucket(doc_date: date, released: date, limit_days: int,
                      calendar: WorkCalendar = WEEKDAYS_ONLY) -> str:
    """当日 when released with the document, 期限内 within the working-day limit, else 超期."""
    if released <= doc_date:
        return SAME_DAY
    within = working_days_between(doc_date, released, calendar) <= limit_days
    return WITHIN_LIMIT if within else LATE


def month_range(first: date, last: date) -> list[str]:
    """Every month from first to last inclusive as YYYY-MM."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _in_period(day: date | None, date_from: date | None, date_to: date | None) -> bool:
    if day is None:
        return False
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


# ---- computing -----------------------------------------------------------------------------

def compute_statistics(facts: list[PackageFacts], *, date_from: date | None = None,
                       date_to: date | None = None, department: str | None = None,
                       limit_days: int = 3, documents_issued: int | None = None,
                       calendar: WorkCalendar = WEEKDAYS_ONLY) -> Statistics:
    """Figures for packages released in the period (a package counts once, by its release date);
    timeliness counts working days by `calendar`."""
    mine = [f for f in facts if not department or f.department == department]
    released = [f for f in mine if _in_period(to_date(f.released_at), date_from, date_to)]
    if documents_issued is None:
        documents_issued = sum(
            1 for f in mine if _in_period(to_date(f.doc_publish_date), date_from, date_to))
    return Statistics(
        date_from=date_from, date_to=date_to, department=department or None,
        limit_days=limit_days, released=len(released),
        released_per_month=_per_month(released, date_from, date_to),
        by_form=_by_form(released), by_department=_by_department(released),
        by_role=_by_role(released),
        press_conferences=sum(1 for f in released if f.has_press_conference),
        leader_attendances=sum(f.leaders_attending for f in released if f.has_press_conference),
        charts=_count_kind(released, CHART_KIND), videos=_count_kind(released, VIDEO_KIND),
        timeliness=_timeliness(released, limit_days, calendar),
        cycle_time=_cycle_time(mine, date_from, date_to), documents_issued=documents_issued,
        unknown_years=_unknown_years(released, calendar),
    )


def _per_month(released: list[PackageFacts], date_from: date | None,
               date_to: date | None) -> list[tuple[str, int]]:
    days = [to_date(f.released_at) for f in released]
    counts = Counter(f"{d:%Y-%m}" for d in days if d)
    first = date_from or min((d for d in days if d), default=None)
    last = date_to or max((d for d in days if d), default=None)
    if first is None or last is None:
        return []
    return [(m, counts.get(m, 0)) for m in month_range(first, last)]


def _by_form(released: list[PackageFacts]) -> dict[str, int]:
    counts = Counter(form for f in released for form in set(f.forms))
    order = [*FORMS, *sorted(set(counts) - set(FORMS))]
    return {form: counts[form] for form in order if counts[form]}


def _by_department(released: list[PackageFacts]) -> dict[str, int]:
    counts = Counter(f.department for f in released)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _by_role(released: list[PackageFacts]) -> dict[str, int]:
    # A package counts once per role however many people of that role took part.
    counts = Counter(role for f in released for role in set(f.interpreter_roles))
    return {role: counts[role] for role in INTERPRETER_ROLES}


def _count_kind(released: list[PackageFacts], code: str) -> int:
    return sum(1 for f in released for k in f.material_kinds if _KIND_BY_LABEL.get(k, k) == code)


def _timeliness(released: list[PackageFacts], limit_days: int,
                calendar: WorkCalendar) -> dict[str, int]:
    counts = dict.fromkeys(TIMELINESS_BUCKETS, 0)
    for f in released:
        doc_day, release_day = to_date(f.doc_publish_date), to_date(f.released_at)
        if doc_day and release_day:
            counts[timeliness_bucket(doc_day, release_day, limit_days, calendar)] += 1
    return counts


def _unknown_years(released: list[PackageFacts], calendar: WorkCalendar) -> tuple[int, ...]:
    years: set[int] = set()
    for f in released:
        doc_day, release_day = to_date(f.doc_publish_date), to_date(f.released_at)
        if doc_day and release_day and release_day > doc_day:
            years.update(calendar.unknown_years(doc_day, release_day))
    return tuple(sorted(years))


def _cycle_time(facts: list[PackageFacts], date_from: date | None,
                date_to: date | None) -> CycleTime:
    durations = []
    for f in facts:
        submitted, signed = _to_datetime(f.submitted_at), _to_datetime(f.signed_at)
        if submitted and signed and signed >= submitted and _in_period(
                signed.date(), date_from, date_to):
            durations.append((signed - submitted).total_seconds() / 86400)
    if not durations:
        return CycleTime()
    return CycleTime(len(durations), round(_median(durations), 1), round(max(durations), 1))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


# ---- sentences -----------------------------------------------------------------------------

def annual_sentence(stats: Statistics) -> str:
    """The sentence annual disclosure reports use, e.g. 全年发布政策解读12篇，其中图解3篇、……"""
    lead = "全年" if stats.is_calendar_year else "本期"
    return (f"{lead}发布政策解读{stats.released}篇，其中图解{stats.charts}篇、视频{stats.videos}个；"
            f"{MAIN_ROLE}解读{stats.by_role.get(MAIN_ROLE, 0)}次；"
            f"举办新闻发布会{stats.press_conferences}场，领导出席{stats.leader_attendances}人次。")


def period_label(stats: Statistics) -> str:
    """The period in words: 2024年, 2024年1月1日至2024年6月30日, or 全部."""
    if stats.is_calendar_year and stats.date_from:
        return f"{stats.date_from.year}年"
    parts = [_chinese_date(d) if d else "" for d in (stats.date_from, stats.date_to)]
    if not any(parts):
        return "全部"
    if parts[0] and parts[1]:
        return f"{parts[0]}至{parts[1]}"
    return f"{parts[0]}起" if parts[0] else f"截至{parts[1]}"


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
