"""Working days: Monday to Friday, less official holidays, plus the weekends worked in exchange.

China's State Council announces each year's holidays (放假) and the weekend days worked to
make up for them (调休上班). A year without a schedule counts Monday to Friday.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .errors import ValidationError

_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s*(?:\.\.|至|到|~|～|—|–)\s*(\d{4}-\d{1,2}-\d{1,2})$")
MAX_RANGE_DAYS = 31  # no holiday lasts longer; a longer range is a typing error


@dataclass(frozen=True)
class YearSchedule:
    """One year's holidays and make-up working days, with where they come from."""

    year: int
    off: frozenset[date] = frozenset()
    work: frozenset[date] = frozenset()
    source: str = ""


@dataclass(frozen=True)
class WorkCalendar:
    """The schedules known; other years count Monday to Friday."""

    years: dict[int, YearSchedule] = field(default_factory=dict)

    def is_working_day(self, day: date) -> bool:
        """Whether people work on that day."""
        schedule = self.years.get(day.year)
        if schedule is not None:
            if day in schedule.work:
                return True
            if day in schedule.off:
                return False
        return day.weekday() < 5

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; 0 when end is not after it."""
        days = (end - start).days
        if days <= 0:
            return 0
        if not any(y in self.years for y in range(start.year, end.year + 1)):
            weeks, rest = divmod(days, 7)
            tail = (start + timedelta(days=weeks * 7 + i) for i in range(1, rest + 1))
            return weeks * 5 + sum(1 for d in tail if d.weekday() < 5)
        return sum(1 for i in range(1, days + 1) if self.is_working_day(start + timedelta(i)))

    def unknown_years(self, first: date, last: date) -> list[int]:
        """Years of the span that have no schedule (counted Monday to Friday)."""
        return [y for y in range(first.year, last.year + 1) if y not in self.years]


WEEKDAYS_ONLY = WorkCalendar()


def parse_days(entries: Iterable[str], year: int, what: str) -> frozenset[date]:
    """Dates from lines like 2026-10-01 or 2026-10-01..2026-10-07 (also 至); every one in `year`.

    `what` names the list in the error message (放假日期 or 调休上班日期).
    """
    days: set[date] = set()
    for raw in entries:
        text = raw.strip().replace("／", "-").replace("/", "-")
        if not text:
            continue
        match = _RANGE.match(text)
        try:
            first, last = (_iso(match.group(1)), _iso(match.group(2))) if match else \
                (_iso(text), _iso(text))
        except ValueError:
            raise ValidationError(f"{what}中的“{raw.strip()}”不是日期：请写成 {year}-10-01，"
                                  f"连续几天写成 {year}-10-01..{year}-10-07") from None
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise ValidationError(f"{what}中的“{raw.strip()}”：起止日期颠倒或超过{MAX_RANGE_DAYS}天")
        if first.year != year or last.year != year:
            raise ValidationError(f"{what}中的“{raw.strip()}”不在{year}年")
        days.update(first + timedelta(i) for i in range((last - first).days + 1))
    return frozenset(days)


def schedule_from(year: int, off: Iterable[str], work: Iterable[str], source: str = "") -> YearSchedule:
    """A checked schedule: make-up days fall on weekends and are not also holidays."""
    off_days = parse_days(off, year, "放假日期")
    work_days = parse_days(work, year, "调休上班日期")
    for day in sorted(work_days):
        if day.weekday() < 5:
            raise ValidationError(f"调休上班日期 {day.isoformat()} 是工作日（星期{'一二三四五'[day.weekday()]}），"
                                  "只需填写需要上班的周六、周日")
        if day in off_days:
            raise ValidationError(f"{day.isoformat()} 既是放假日期又是调休上班日期")
    return YearSchedule(year, off_days, work_days, source)


def spans(days: Iterable[date]) -> list[str]:
    """Dates as lines for editing: runs of consecutive days as first..last."""
    ordered, lines = sorted(days), []
    start = prev = None
    for day in [*ordered, None]:
        if start is not None and (day is None or day != prev + timedelta(1)):
            lines.append(start.isoformat() if start == prev else
                         f"{start.isoformat()}..{prev.isoformat()}")
            start = None
        if day is not None and start is None:
            start = day
        prev = day
    return lines


def _iso(text: str) -> date:
    y, m, d = (int(part) for part in text.split("-"))
    return date(y, m, d)
