"""Statistics of interpretation work: facts gathered from the store, figures from the domain."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

from ..domain import permissions, workflow
from ..domain.errors import AppError, ValidationError
from ..domain.kinds import material_kind
from ..domain.media import is_real
from ..domain.model import Package, User
from ..domain.outreach import DOCUMENT_PART, WebPosting, material_part
from ..domain.release_rules import publication_day
from ..domain.statistics import PackageFacts, Records, Statistics, compute_statistics
from ..domain.workdays import WorkCalendar, YearSchedule, schedule_from, spans
from ..resources import resource_path
from .base import ServiceBase

# How many working days after the document an interpretation may follow (a local rule).
DEFAULT_LIMIT_DAYS = 3
LIMIT_KEY = "timeliness_limit_days"
LIMIT_MAX_DAYS = 30  # as for a plan's own 解读时间
HOLIDAYS_KEY = "holiday_calendar"  # the administrator's schedules, by year; they win over ours
HOLIDAY_YEARS = range(2000, 2101)


@functools.cache
def _bundled() -> dict[int, YearSchedule]:
    try:
        data = json.loads(resource_path("calendar", "holidays_cn.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {int(y): schedule_from(int(y), v["off"], v["work"], v.get("source", ""))
            for y, v in data.get("years", {}).items()}


def bundled_schedules() -> dict[int, YearSchedule]:
    """The State Council's schedules shipped with the application (none if the file is gone)."""
    return dict(_bundled())


# 署名文章 and the 发布稿 he delivers; a press conference or interview counts by its attendance record.
SIGNED_KINDS = frozenset({"article", "speech"})


def facts_of(package: Package, department: str, submitted_at: str, signed_at: str,
             postings: list[WebPosting] = ()) -> PackageFacts:
    """The figures of one package that statistics need: acts, not plans. A role counts when
    someone of that role signed a public material as its author; the plan's 第一解读人 is an
    intention and counts for nothing."""
    plan = package.plan
    public = [m for m in package.materials if m.is_public]
    acts = tuple((m.interpreter_role, f"《{m.title or material_kind(m.kind).label}》")
                 for m in public if m.interpreter_role and m.kind in SIGNED_KINDS)
    charts = tuple(m.title or "图解" for m in public
                   if m.kind == "chart" and m.chart is not None and chart_has_data(m.chart))
    # A designer's 一图读懂 long image is an infographic too, counted per image file.
    charts += tuple(f"{m.title}：{i.title or i.file_name}" for m in public for i in m.media
                    if i.kind == "image" and is_real(i))
    posted = {p.part: p for p in postings if p.revision == package.revision}
    videos = _videos(public, posted)
    reading_posts = [p.posted_at for part, p in posted.items() if part != DOCUMENT_PART]
    document_post = posted.get(DOCUMENT_PART)
    return PackageFacts(
        package_id=package.id, department=department, state=package.state,
        title=package.title,
        doc_publish_date=(publication_day(package.document.publish_date, package.released_at)
                          or package.document.written_date),
        released_at=package.released_at, submitted_at=submitted_at, signed_at=signed_at,
        forms=tuple(plan.forms), interpreter_roles=tuple(dict.fromkeys(r for r, _ in acts)),
        material_kinds=tuple(m.kind for m in package.materials),
        doc_number=package.document.doc_number, acts=acts, charts=charts, videos=videos,
        posted_at=min(reading_posts, default=""),
        document_posted_at=document_post.posted_at if document_post else "")


def _videos(public, posted: dict[str, WebPosting]) -> tuple[str, ...]:
    """Published video: each video file or link a material carries; a 音视频 material without
    one counts once its page is posted (the script alone is no video)."""
    videos = []
    for m in public:
        own = [i.url or i.file_name for i in m.media if i.kind == "video" and is_real(i)]
        if own:
            videos += own
        elif m.kind == "media_script" and material_part(m.id) in posted:
            videos.append(posted[material_part(m.id)].url)
    return tuple(videos)


def chart_has_data(spec) -> bool:
    """Whether a chart has at least one category with a value, so an image is drawn."""
    return bool(spec.categories) and any(
        v is not None for s in spec.series for v in s.values)


class StatisticsService(ServiceBase):
    """The department's interpretation work in figures."""

    def facts(self, actor: User) -> list[PackageFacts]:
        """Facts of every package the actor may see."""
        names = {d.id: d.name for d in self.store.departments.all()}
        postings: dict[int, list[WebPosting]] = {}
        for posting in self.store.outreach.postings():
            postings.setdefault(posting.package_id, []).append(posting)
        result = []
        for pid in self.store.packages.ids():
            department_id = self.store.packages.department_of(pid)
            if not (actor.all_departments or actor.department_id == department_id):
                continue
            package = self.store.packages.get(pid)
            submitted = self.store.records.last_decision_at(pid, workflow.SUBMIT)
            signed = self.store.records.last_decision_at(pid, workflow.SIGN)
            result.append(facts_of(package, names[department_id], submitted, signed,
                                   postings.get(pid, [])))
        return result

    def records(self, actor: User) -> Records:
        """Events, the 发文登记 and 回应关切 of the departments the actor sees."""
        names = {d.id: d.name for d in self.store.departments.all()}
        seen = permissions.in_scope
        return Records(
            events=tuple((names[e.department_id], e) for e in self.store.outreach.events()
                         if seen(actor, e.department_id)),
            register=tuple((names[d.department_id], d) for d in self.store.outreach.issued()
                           if seen(actor, d.department_id)),
            concerns=tuple((names[c.department_id], c) for c in self.store.outreach.concerns()
                           if seen(actor, c.department_id)))

    def compute(self, actor: User, date_from: dt.date | None = None,
                date_to: dt.date | None = None, department: str | None = None) -> Statistics:
        """The statistics for a period and department, with the timeliness limit from settings."""
        return compute_statistics(self.facts(actor), date_from=date_from, date_to=date_to,
                                  department=department, limit_days=self.limit_days(),
                                  records=self.records(actor), calendar=self.calendar())

    def export_report(self, actor: User, stats: Statistics, out_dir: Path,
                      progress=None) -> list[Path]:
        """Write the charts and the Word summary of computed statistics into `out_dir`, and
        record who exported which period (the figures go into an official annual report)."""
        from ..export.stats_report import export_statistics

        files = export_statistics(stats, Path(out_dir), progress=progress)
        with self.store.transaction():
            self.store.audit(actor.id, None, "export_statistics", {
                "out": str(out_dir), "files": len(files),
                "from": str(stats.date_from or ""), "to": str(stats.date_to or ""),
                "department": stats.department or ""}, self.clock())
        return files

    def calendar(self) -> WorkCalendar:
        """Working days: the bundled schedules, with the administrator's years over them."""
        years = bundled_schedules()
        stored = self.store.get_setting(HOLIDAYS_KEY, {})
        for key, value in (stored.items() if isinstance(stored, dict) else ()):
            try:
                year = int(key)
                years[year] = schedule_from(year, value["off"], value["work"],
                                            value.get("source", ""))
            except (AppError, KeyError, TypeError, ValueError):
                continue  # a damaged entry: that year falls back to what we ship
        return WorkCalendar(years)

    def schedule(self, year: int) -> YearSchedule | None:
        """One year's holidays and make-up days, None when the year has none."""
        return self.calendar().years.get(year)

    def set_schedule(self, actor: User, year: int, off: list[str], work: list[str]) -> YearSchedule:
        """Store a year's holidays (dates or first..last ranges) and make-up working weekends
        (administrators); an empty `off` and `work` removes the year's own entry."""
        self._require(actor, permissions.MANAGE_DEPARTMENTS)
        if isinstance(year, bool) or not isinstance(year, int) or year not in HOLIDAY_YEARS:
            raise ValidationError(f"年份须在{HOLIDAY_YEARS.start}至{HOLIDAY_YEARS.stop - 1}之间")
        source = f"由{actor.display_name}录入"
        schedule = schedule_from(year, off, work, source)
        with self.store.transaction():
            stored = self.store.get_setting(HOLIDAYS_KEY, {})
            stored = dict(stored) if isinstance(stored, dict) else {}
            if schedule.off or schedule.work:
                stored[str(year)] = {"off": spans(schedule.off), "work": spans(schedule.work),
                                     "source": source}
            else:
                stored.pop(str(year), None)
            self.store.set_setting(HOLIDAYS_KEY, stored)
            self.store.audit(actor.id, None, "setting_changed",
                             {"key": HOLIDAYS_KEY, "year": year, "off": len(schedule.off),
                              "work": len(schedule.work)})
        return self.schedule(year) or YearSchedule(year)

    def limit_days(self) -> int:
        """Working days after the document within which interpretation counts as on time."""
        value = self.store.get_setting(LIMIT_KEY, DEFAULT_LIMIT_DAYS)
        valid = isinstance(value, int) and not isinstance(value, bool) and \
            0 <= value <= LIMIT_MAX_DAYS
        return value if valid else DEFAULT_LIMIT_DAYS

    def set_limit_days(self, actor: User, days: int) -> int:
        """Set the limit for the whole database (administrators); recorded in the audit chain."""
        self._require(actor, permissions.MANAGE_DEPARTMENTS)
        if isinstance(days, bool) or not isinstance(days, int) or \
                not 0 <= days <= LIMIT_MAX_DAYS:
            raise ValidationError(f"解读发布时限须为0至{LIMIT_MAX_DAYS}个工作日（0表示与文件同日发布）")
        with self.store.transaction():
            before = self.limit_days()
            self.store.set_setting(LIMIT_KEY, days)
            self.store.audit(actor.id, None, "setting_changed",
                             {"key": LIMIT_KEY, "from": before, "to": days})
        return days
