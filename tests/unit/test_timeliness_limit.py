"""The timeliness limit: one setting for the whole database, set by an administrator."""

from __future__ import annotations

import datetime as dt

import pytest

from interpreter_app.domain.errors import PermissionDenied, ValidationError
from interpreter_app.services.stats import DEFAULT_LIMIT_DAYS, LIMIT_KEY


def test_default_limit_is_three_working_days(seeded):
    assert seeded.wb.statistics.limit_days() == DEFAULT_LIMIT_DAYS == 3


def test_administrator_sets_the_limit_and_the_audit_chain_records_it(seeded):
    wb = seeded.wb
    assert wb.statistics.set_limit_days(seeded["admin"], 5) == 5
    assert wb.statistics.limit_days() == 5
    event = wb.store.audit_events()[-1]
    assert event.action == "setting_changed" and event.actor_id == seeded["admin"].id
    assert '"from":3' in event.detail and '"to":5' in event.detail
    assert wb.verify().ok
    today = dt.date.today()
    stats = wb.statistics.compute(seeded["admin"], dt.date(today.year, 1, 1), today)
    assert stats.limit_days == 5


@pytest.mark.parametrize("name", ["writer", "reviewer", "leader"])
def test_only_administrators_change_the_limit(seeded, name):
    with pytest.raises(PermissionDenied):
        seeded.wb.statistics.set_limit_days(seeded[name], 5)
    assert seeded.wb.statistics.limit_days() == 3


@pytest.mark.parametrize("days", [-1, 31, 2.5, "5", True, None])
def test_limit_outside_zero_to_thirty_whole_days_is_refused_and_nothing_changes(seeded, days):
    with pytest.raises(ValidationError, match="0至30个工作日"):
        seeded.wb.statistics.set_limit_days(seeded["admin"], days)
    assert seeded.wb.statistics.limit_days() == 3


def test_a_damaged_stored_value_reads_as_the_default(seeded):
    wb = seeded.wb
    with wb.store.transaction():
        wb.store.set_setting(LIMIT_KEY, "五天")
    assert wb.statistics.limit_days() == DEFAULT_LIMIT_DAYS


def test_administrator_enters_a_years_holidays_which_the_statistics_then_use(seeded):
    wb, admin = seeded.wb, seeded["admin"]
    assert wb.statistics.schedule(2027) is None
    schedule = wb.statistics.set_schedule(admin, 2027, ["2027-10-01..2027-10-07"],
                                          ["2027-09-26", "2027-10-09"])
    assert len(schedule.off) == 7 and len(schedule.work) == 2
    assert schedule.source == f"由{admin.display_name}录入"
    calendar = wb.statistics.calendar()
    assert not calendar.is_working_day(dt.date(2027, 10, 4))
    assert calendar.is_working_day(dt.date(2027, 10, 9))
    assert wb.store.audit_events()[-1].action == "setting_changed"
    assert wb.verify().ok
    wb.statistics.set_schedule(admin, 2027, [], [])  # empty: the year's entry is removed
    assert wb.statistics.schedule(2027) is None


def test_an_administrators_year_replaces_the_shipped_one(seeded):
    wb = seeded.wb
    assert dt.date(2026, 10, 8) not in wb.statistics.schedule(2026).off
    wb.statistics.set_schedule(seeded["admin"], 2026, ["2026-10-01..2026-10-08"], [])
    assert dt.date(2026, 10, 8) in wb.statistics.schedule(2026).off
    wb.statistics.set_schedule(seeded["admin"], 2026, [], [])
    assert wb.statistics.schedule(2026).source.startswith("国务院办公厅")  # ours again


def test_only_administrators_enter_holidays_and_bad_years_are_refused(seeded):
    with pytest.raises(PermissionDenied):
        seeded.wb.statistics.set_schedule(seeded["writer"], 2027, ["2027-10-01"], [])
    with pytest.raises(ValidationError, match="年份"):
        seeded.wb.statistics.set_schedule(seeded["admin"], 1999, [], [])
    with pytest.raises(ValidationError, match="不是日期"):
        seeded.wb.statistics.set_schedule(seeded["admin"], 2027, ["国庆"], [])
    assert seeded.wb.statistics.schedule(2027) is None


def test_a_damaged_stored_year_falls_back_to_the_shipped_schedule(seeded):
    wb = seeded.wb
    with wb.store.transaction():
        wb.store.set_setting("holiday_calendar", {"2026": {"off": ["坏数据"], "work": []},
                                                  "x": 1})
    assert wb.statistics.schedule(2026).source.startswith("国务院办公厅")
