"""Working days with China's holiday schedules: holidays off, make-up weekends worked."""

from __future__ import annotations

from datetime import date

import pytest

from interpreter_app.domain.errors import ValidationError
from interpreter_app.domain.statistics import compute_statistics, timeliness_bucket
from interpreter_app.domain.workdays import WEEKDAYS_ONLY, WorkCalendar, schedule_from, spans
from interpreter_app.services.stats import bundled_schedules
from tests.unit.test_statistics import facts

CAL = WorkCalendar(bundled_schedules())


def test_shipped_schedules_cover_2024_to_2026_with_make_up_days_on_weekends():
    years = bundled_schedules()
    assert {2024, 2025, 2026} <= set(years)
    for schedule in years.values():
        assert schedule.source.startswith("国务院办公厅关于")
        assert all(day.weekday() >= 5 for day in schedule.work)


def test_national_day_week_is_not_working_and_the_make_up_saturday_is():
    assert not CAL.is_working_day(date(2025, 10, 3))  # Friday in the holiday
    assert CAL.is_working_day(date(2025, 10, 11))  # Saturday worked in exchange
    assert CAL.is_working_day(date(2025, 10, 9))  # an ordinary Thursday


def test_a_document_before_the_spring_festival_is_interpreted_in_time_after_it():
    doc, released = date(2026, 2, 13), date(2026, 2, 25)  # Friday before, Wednesday after
    # Worked: Sat 14 (make-up), Tue 24, Wed 25; the holiday 15–23 is not.
    assert CAL.working_days_between(doc, released) == 3
    assert timeliness_bucket(doc, released, 3, CAL) == "期限内"
    assert timeliness_bucket(doc, released, 3, WEEKDAYS_ONLY) == "超期"  # 8 weekdays


def test_years_without_a_schedule_count_monday_to_friday_and_are_named():
    assert CAL.working_days_between(date(2030, 10, 1), date(2030, 10, 8)) == \
        WEEKDAYS_ONLY.working_days_between(date(2030, 10, 1), date(2030, 10, 8)) == 5
    stats = compute_statistics([facts(1, "2030-10-08T09:00:00", doc_publish_date="2030-10-01"),
                                facts(2, "2026-10-09T09:00:00", doc_publish_date="2026-09-30")],
                               limit_days=3, calendar=CAL)
    assert stats.unknown_years == (2030,)
    assert stats.timeliness == {"当日": 0, "期限内": 1, "超期": 1}


@pytest.mark.parametrize(("off", "work", "message"), [
    (["2027-10-01..2027-09-07"], [], "起止日期颠倒"),
    (["2027-10-01..2027-12-31"], [], "超过31天"),
    (["2026-10-01"], [], "不在2027年"),
    (["十月一日"], [], "不是日期"),
    ([], ["2027-09-29"], "是工作日（星期三）"),
    (["2027-10-09"], ["2027-10-09"], "既是放假日期又是调休上班日期"),
])
def test_a_bad_schedule_is_refused_with_the_reason(off, work, message):
    with pytest.raises(ValidationError, match=message):
        schedule_from(2027, off, work)


def test_ranges_in_either_notation_and_back_to_lines():
    schedule = schedule_from(2027, ["2027-10-01 至 2027-10-03", "2027/10/04..2027/10/07", ""],
                             ["2027-09-26"])
    assert len(schedule.off) == 7
    assert spans(schedule.off) == ["2027-10-01..2027-10-07"]
    assert spans([date(2027, 1, 1), date(2027, 1, 3)]) == ["2027-01-01", "2027-01-03"]
