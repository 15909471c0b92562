"""Figures about interpretation work for reports and the dashboard, from plain package facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from .kinds import FORMS, INTERPRETER_ROLES
from .outreach import (
    MAIN_ROLE,
    PRESS_EVENT_KINDS,
    ConcernResponse,
    EventRecord,
    IssuedDocument,
    normalise_doc_number,
)
from .workdays import WEEKDAYS_ONLY, WorkCalendar

SAME_DAY, WITHIN_LIMIT, LATE = "当日", "期限内", "超期"
TIMELINESS_BUCKETS = (SAME_DAY, WITHIN_LIMIT, LATE)

STAT_LABELS = {
    "released": "发布政策解读", "released_per_month": "各月发布解读", "by_form": "解读形式",
    "by_department": "各部门发布解读", "by_role": "解读人", "press_conferences": "新闻发布会",
    "leader_attendances": "领导出席人次", "charts": "图解", "videos": "视频",
    "timeliness": "解读及时性", "cycle_time": "审签用时", "documents_issued": "发文数",
    "interpreted": "解读数", "issued_vs_interpreted": "发文与解读", "concerns": "回应关切",
    "main_interpretations": "主要负责人解读",
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
    # Roles of those who signed a public material as its author (署名文章, 发布稿 delivered):
    # acts, never the plan's list of intended interpreters.
    interpreter_roles: tuple[str, ...] = ()
    material_kinds: tuple[str, ...] = ()  # kind codes, one entry a material
    doc_number: str = ""
    acts: tuple[tuple[str, str], ...] = ()  # (role, what: 署名材料《…》) behind interpreter_roles
    charts: tuple[str, ...] = ()  # titles of public 图解 with data drawn into an image
    videos: tuple[str, ...] = ()  # addresses of published video (音视频 pages with a posting)
    posted_at: str = ""  # first recorded posting of an interpretation page, or ""
    document_posted_at: str = ""  # recorded posting of the document's page, or ""

    @property
    def published_at(self) -> str:
        """When the interpretation went out: its first recorded posting, else the release."""
        return self.posted_at or self.released_at


@dataclass(frozen=True)
class Records:
    """Records kept after the fact, each with its department's name."""

    events: tuple[tuple[str, EventRecord], ...] = ()
    register: tuple[tuple[str, IssuedDocument], ...] = ()
    concerns: tuple[tuple[str, ConcernResponse], ...] = ()


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
    documents_issued: int = 0  # rows of the 发文登记 issued in the period
    interpreted: int = 0  # of those, the ones with a released package
    # Years the timeliness figures counted Monday to Friday, for want of a holiday schedule.
    unknown_years: tuple[int, ...] = ()
    main_interpretations: int = 0  # 主要负责人解读: interpretations with an act of his
    concerns: int = 0
    concerns_by_channel: dict[str, int] = field(default_factory=dict)
    # What stands behind each figure: key → one line per package or record counted.
    explain: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def interpretation_rate(self) -> float | None:
        """解读率 as a fraction, None when the register holds no document of the period."""
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
                       limit_days: int = 3, records: Records | None = None,
                       calendar: WorkCalendar = WEEKDAYS_ONLY) -> Statistics:
    """Figures for packages published in the period (a package counts once, by its first
    recorded posting, else its release) and for the records kept after the fact; timeliness
    counts working days by `calendar`."""
    records = records or Records()
    mine = [f for f in facts if not department or f.department == department]
    released = [f for f in mine if _in_period(to_date(f.published_at), date_from, date_to)]
    events = [e for d, e in records.events if (not department or d == department)
              and _in_period(to_date(e.held_on), date_from, date_to)]
    units = _role_units(released, events, records)
    press = [e for e in events if e.kind in PRESS_EVENT_KINDS]
    issued, interpreted = _register(records, mine, department, date_from, date_to)
    concerns = [c for d, c in records.concerns if (not department or d == department)
                and _in_period(to_date(c.responded_on), date_from, date_to)]
    explain = {
        "released": tuple(_package_line(f) for f in released),
        "charts": tuple(f"{_package_line(f)}：图解《{t}》" for f in released for t in f.charts),
        "videos": tuple(f"{_package_line(f)}：视频 {u}" for f in released for u in f.videos),
        "main_interpretations": tuple(
            f"{name}：{'；'.join(text for role, text in what if role == MAIN_ROLE)}"
            for name, roles, what in units if MAIN_ROLE in roles),
        "press_conferences": tuple(_event_line(e) for e in press),
        "leader_attendances": tuple(f"{_event_line(e)}：{_leaders(e)}" for e in press
                                    if e.leader_attendances),
        "documents_issued": tuple(f"{d.issued_on} {d.doc_number or '（无文号）'}《{d.title}》"
                                  + ("：已解读" if d in interpreted else "：未解读")
                                  for d in issued),
        "concerns": tuple(f"{c.responded_on} {c.channel}：{c.topic}"
                          + (f"（解读包 {c.package_id}）" if c.package_id else "")
                          + (f" {c.link}" if c.link else "") for c in concerns),
    }
    return Statistics(
        date_from=date_from, date_to=date_to, department=department or None,
        limit_days=limit_days, released=len(released),
        released_per_month=_per_month(released, date_from, date_to),
        by_form=_by_form(released), by_department=_by_department(released),
        by_role=_by_role(units),
        press_conferences=len(press),
        leader_attendances=sum(e.leader_attendances for e in press),
        charts=sum(len(f.charts) for f in released), videos=sum(len(f.videos) for f in released),
        timeliness=_timeliness(released, limit_days, calendar),
        cycle_time=_cycle_time(mine, date_from, date_to), documents_issued=len(issued),
        interpreted=len(interpreted), unknown_years=_unknown_years(released, calendar),
        main_interpretations=sum(1 for _, roles, _w in units if MAIN_ROLE in roles),
        concerns=len(concerns), concerns_by_channel=dict(Counter(c.channel for c in concerns)),
        explain=explain,
    )


def _package_line(f: PackageFacts) -> str:
    return f"解读包 {f.package_id}《{f.title}》"


def _event_line(e: EventRecord) -> str:
    return f"{e.held_on} {e.kind}{('《' + e.title + '》') if e.title else ''}（活动记录 {e.id}）"


def _leaders(e: EventRecord) -> str:
    from .outreach import LEADER_ROLES

    return "、".join(f"{a.name}（{a.role}）" for a in e.attendees if a.role in LEADER_ROLES)


def _role_units(released: list[PackageFacts], events: list[EventRecord],
                records: Records) -> list[tuple[str, set[str], list[tuple[str, str]]]]:
    """(name, roles that acted, [(role, what they did)]) per interpretation: each package
    published in the period with its signed materials and the events held for it, then each
    event of the period that belongs to no such package."""
    by_package: dict[int, list[EventRecord]] = {}
    for _, e in records.events:
        if e.package_id is not None:
            by_package.setdefault(e.package_id, []).append(e)
    units, counted = [], set()
    for f in released:
        what = [(role, f"署名{text}") for role, text in f.acts]
        for e in by_package.get(f.package_id, []):
            what += _attended(e)
            counted.add(e.id)
        units.append((_package_line(f), {role for role, _ in what}, what))
    for e in events:
        if e.id not in counted:
            what = _attended(e)
            units.append((_event_line(e), {role for role, _ in what}, what))
    return units


def _attended(e: EventRecord) -> list[tuple[str, str]]:
    return [(a.role, f"{_event_line(e)}出席：{a.name}") for a in e.attendees if a.role]


def _register(records: Records, mine: list[PackageFacts], department: str | None,
              date_from: date | None, date_to: date | None
              ) -> tuple[list[IssuedDocument], list[IssuedDocument]]:
    """(documents issued in the period, those interpreted by a released package)."""
    issued = [d for name, d in records.register if (not department or name == department)
              and _in_period(to_date(d.issued_on), date_from, date_to)]
    released = [f for f in mine if to_date(f.released_at)]
    numbers = {normalise_doc_number(f.doc_number) for f in released if f.doc_number}
    titles = {f.title.strip() for f in released}
    interpreted = [d for d in issued
                   if (d.doc_number and normalise_doc_number(d.doc_number) in numbers)
                   or d.title.strip() in titles]
    return issued, interpreted


def _per_month(released: list[PackageFacts], date_from: date | None,
               date_to: date | None) -> list[tuple[str, int]]:
    days = [to_date(f.published_at) for f in released]
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


def _by_role(units: list[tuple[str, set[str], list[tuple[str, str]]]]) -> dict[str, int]:
    # An interpretation counts once per role however many people of that role took part.
    counts = Counter(role for _, roles, _w in units for role in roles)
    return {role: counts[role] for role in INTERPRETER_ROLES}


def _timeliness(released: list[PackageFacts], limit_days: int,
                calendar: WorkCalendar) -> dict[str, int]:
    counts = dict.fromkeys(TIMELINESS_BUCKETS, 0)
    for f in released:
        doc_day, release_day = _document_day(f), to_date(f.published_at)
        if doc_day and release_day:
            counts[timeliness_bucket(doc_day, release_day, limit_days, calendar)] += 1
    return counts


def _document_day(f: PackageFacts) -> date | None:
    """The day the document went out: its recorded posting, else its 发布日期/成文日期."""
    return to_date(f.document_posted_at) or to_date(f.doc_publish_date)


def _unknown_years(released: list[PackageFacts], calendar: WorkCalendar) -> tuple[int, ...]:
    years: set[int] = set()
    for f in released:
        doc_day, release_day = _document_day(f), to_date(f.published_at)
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
    """The sentence annual disclosure reports use, saying only what records show: e.g.
    全年发布政策解读12篇，其中图解3篇、视频1个；主要负责人解读2次；…。A figure with nothing
    recorded behind it is left out rather than written as a number nobody counted."""
    lead = "全年" if stats.is_calendar_year else "本期"
    first = f"{lead}发布政策解读{stats.released}篇"
    parts = [p for p in (f"图解{stats.charts}篇" if stats.charts else "",
                         f"视频{stats.videos}个" if stats.videos else "") if p]
    if parts:
        first += "，其中" + "、".join(parts)
    clauses = [first]
    if stats.main_interpretations:
        clauses.append(f"{MAIN_ROLE}解读{stats.main_interpretations}次")
    if stats.press_conferences:
        press = f"举办新闻发布会{stats.press_conferences}场"
        if stats.leader_attendances:
            press += f"，领导出席{stats.leader_attendances}人次"
        clauses.append(press)
    if stats.concerns:
        clauses.append(f"回应社会关切{stats.concerns}次")
    rate = stats.interpretation_rate
    if rate is not None:
        clauses.append(f"发布政策文件{stats.documents_issued}件，已解读{stats.interpreted}件，"
                       f"解读率{rate * 100:.1f}%")
    return "；".join(clauses) + "。"


# The figures of the sentence, in its order, with the records each one counts.
EXPLAINED = (
    ("released", "发布政策解读（篇）", "released"),
    ("charts", "图解（篇）", "charts"), ("videos", "视频（个）", "videos"),
    ("main_interpretations", "主要负责人解读（次）", "main_interpretations"),
    ("press_conferences", "举办新闻发布会（场）", "press_conferences"),
    ("leader_attendances", "领导出席（人次）", "leader_attendances"),
    ("concerns", "回应社会关切（次）", "concerns"),
    ("documents_issued", "发文登记（件），及是否已解读", "documents_issued"),
)


# How each figure of the annual report is counted, and from which records (docs/guide/统计口径).
FIGURE_DEFINITIONS = (
    ("发布政策解读", "统计期内首次上网（未登记上网的，以同步发布时间计）的解读包，一个解读包计1篇。"),
    ("图解", "上述解读包中含有数据、已生成图片的公开图解材料，每件计1篇。"),
    ("视频", "上述解读包中已登记上网网址的音视频材料，每件计1个；只有脚本、未上网的不计。"),
    ("主要负责人解读", "主要负责人署名的解读文章、由其发布的发布稿，或活动结束后登记的出席记录中有主要负责人的"
     "新闻发布会、吹风会、访谈；同一解读包只计1次。解读方案中填写的第一解读人不计。"),
    ("举办新闻发布会", "统计期内举办、已登记的新闻发布会和政策吹风会场次（按举办日期）。"),
    ("领导出席", "上述发布会出席记录中主要负责人和分管领导的人次；方案中拟出席的人员不计。"),
    ("回应社会关切", "统计期内登记的回应关切记录条数（回应日期、事项、渠道、链接）。"),
    ("解读率", "发文登记中统计期内印发的政策文件里，已有发布的解读包（按发文字号或标题对应）的比例；"
     "未录入发文登记时不计算，起草中的解读包不影响。"),
)


def annual_table(stats: Statistics) -> list[list[str]]:
    """The 政策解读 rows of the annual report's table (header first)."""
    rate = stats.interpretation_rate
    return [["项目", "数量"],
            ["发布政策解读（篇）", str(stats.released)],
            ["其中：图解（篇）", str(stats.charts)],
            ["　　　视频（个）", str(stats.videos)],
            ["主要负责人解读（次）", str(stats.main_interpretations)],
            ["举办新闻发布会（场）", str(stats.press_conferences)],
            ["领导出席（人次）", str(stats.leader_attendances)],
            ["回应社会关切（次）", str(stats.concerns)],
            ["印发政策文件（件，发文登记）", str(stats.documents_issued) if rate is not None else "未登记"],
            ["其中已解读（件）", str(stats.interpreted) if rate is not None else "—"],
            ["解读率", f"{rate * 100:.1f}%" if rate is not None else "—"]]


def explanation(stats: Statistics) -> str:
    """Every figure of the sentence with the packages and records behind it, one per line."""
    lines = [f"统计范围：{period_label(stats)}" + (f"，{stats.department}" if stats.department else "")]
    for attr, label, key in EXPLAINED:
        rows = stats.explain.get(key, ())
        lines.append(f"{label}：{getattr(stats, attr)}")
        lines += [f"  - {row}" for row in rows] or ["  （无登记记录）"]
    return "\n".join(lines)


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
