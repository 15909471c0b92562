"""Statistics of interpretation work computed from hand-made package facts."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from interpreter_app.domain.outreach import (
    Attendee,
    ConcernResponse,
    EventRecord,
    IssuedDocument,
)
from interpreter_app.domain.statistics import (
    PackageFacts,
    Records,
    annual_sentence,
    compute_statistics,
    period_label,
    timeliness_bucket,
    working_days_between,
)

YEAR = {"date_from": date(2024, 1, 1), "date_to": date(2024, 12, 31)}
FRIDAY = date(2024, 3, 1)


def facts(pid: int, released: str = "2024-03-01T10:00:00", **kw) -> PackageFacts:
    kw.setdefault("department", "省发展改革委")
    kw.setdefault("doc_publish_date", released[:10])
    return PackageFacts(package_id=pid, state="released", title=f"文件{pid}",
                        released_at=released, **kw)


# ---- working days and timeliness -----------------------------------------------------------

def test_working_days_skip_the_weekend():
    assert working_days_between(FRIDAY, date(2024, 3, 2)) == 0  # Saturday
    assert working_days_between(FRIDAY, date(2024, 3, 4)) == 1  # Monday
    assert working_days_between(FRIDAY, date(2024, 3, 6)) == 3  # Wednesday
    assert working_days_between(FRIDAY, date(2024, 3, 15)) == 10
    assert working_days_between(FRIDAY, FRIDAY) == 0


def test_timeliness_buckets_count_working_days_across_a_weekend():
    assert timeliness_bucket(FRIDAY, FRIDAY, 3) == "当日"
    assert timeliness_bucket(FRIDAY, date(2024, 3, 6), 3) == "期限内"  # Fri → Wed: 3 working days
    assert timeliness_bucket(FRIDAY, date(2024, 3, 7), 3) == "超期"  # Thu: 4
    assert timeliness_bucket(FRIDAY, date(2024, 3, 7), 5) == "期限内"


def test_statistics_timeliness_uses_the_limit_setting():
    items = [facts(1, "2024-03-01T18:00:00", doc_publish_date="2024-03-01"),
             facts(2, "2024-03-06T09:00:00", doc_publish_date="2024-03-01"),
             facts(3, "2024-03-07T09:00:00", doc_publish_date="2024-03-01"),
             facts(4, "2024-03-07T09:00:00", doc_publish_date="")]
    stats = compute_statistics(items, **YEAR)
    assert stats.timeliness == {"当日": 1, "期限内": 1, "超期": 1}
    assert compute_statistics(items, **YEAR, limit_days=5).timeliness["超期"] == 0


# ---- cycle time ----------------------------------------------------------------------------

def test_cycle_time_median_longest_and_count_of_packages_signed_in_period():
    items = [facts(1, submitted_at="2024-03-01T09:00:00", signed_at="2024-03-02T09:00:00"),
             facts(2, submitted_at="2024-03-01T09:00:00", signed_at="2024-03-04T09:00:00"),
             facts(3, submitted_at="2024-03-01T09:00:00", signed_at="2024-03-11T21:00:00"),
             facts(4, submitted_at="2024-03-01T09:00:00", signed_at="2024-03-05T09:00:00"),
             facts(5, submitted_at="2023-12-01T09:00:00", signed_at="2023-12-30T09:00:00"),
             facts(6, submitted_at="2024-03-01T09:00:00", signed_at="")]
    ct = compute_statistics(items, **YEAR).cycle_time
    assert (ct.count, ct.median_days, ct.longest_days) == (4, 3.5, 10.5)


def test_cycle_time_is_empty_without_sign_offs():
    ct = compute_statistics([facts(1)], **YEAR).cycle_time
    assert (ct.count, ct.median_days, ct.longest_days) == (0, None, None)


# ---- months, filters, counts ---------------------------------------------------------------

def test_released_per_month_covers_every_month_of_the_period():
    items = [facts(1, "2024-01-15T10:00:00"), facts(2, "2024-03-02T10:00:00"),
             facts(3, "2024-03-30T10:00:00"), facts(4, "2024-05-01T10:00:00")]
    stats = compute_statistics(items, date_from=date(2024, 1, 1), date_to=date(2024, 4, 30))
    assert stats.released_per_month == [("2024-01", 1), ("2024-02", 0), ("2024-03", 2),
                                        ("2024-04", 0)]
    assert stats.released == 3


def test_open_period_spans_the_data_and_crosses_the_year():
    items = [facts(1, "2023-11-15T10:00:00"), facts(2, "2024-01-02T10:00:00")]
    months = compute_statistics(items).released_per_month
    assert months == [("2023-11", 1), ("2023-12", 0), ("2024-01", 1)]
    assert compute_statistics([]).released_per_month == []


def test_department_filter_limits_every_figure():
    items = [facts(1, department="省财政厅", forms=("图表图解",)),
             facts(2, department="省教育厅", forms=("文字解读",)),
             facts(3, department="省财政厅", forms=("文字解读",))]
    stats = compute_statistics(items, **YEAR, department="省财政厅")
    assert stats.released == 2 and stats.by_department == {"省财政厅": 2}
    assert stats.by_form == {"文字解读": 1, "图表图解": 1}
    assert stats.department == "省财政厅"


def test_without_a_register_there_is_no_rate_and_drafts_never_make_one():
    items = [facts(1), PackageFacts(2, "省财政厅", "draft", "文件2", "2024-05-01", "")]
    stats = compute_statistics(items, **YEAR)
    assert (stats.released, stats.documents_issued, stats.interpreted) == (1, 0, 0)
    assert stats.interpretation_rate is None


def test_rate_divides_interpreted_register_rows_by_register_rows_of_the_period():
    register = (("省发展改革委", IssuedDocument(1, 1, "文件1", "2024-02-20", "江发改〔2024〕1号")),
                ("省发展改革委", IssuedDocument(2, 1, "文件2", "2024-05-01", "江发改[2024]2号")),
                ("省发展改革委", IssuedDocument(3, 1, "旧文件", "2023-12-01", "江发改〔2023〕9号")))
    items = [facts(1, doc_number="江发改〔2024〕1号"),
             PackageFacts(2, "省发展改革委", "draft", "文件2", "2024-05-01", "",
                          doc_number="江发改〔2024〕2号")]
    stats = compute_statistics(items, **YEAR, records=Records(register=register))
    assert (stats.documents_issued, stats.interpreted) == (2, 1)
    assert stats.interpretation_rate == pytest.approx(0.5)


def test_by_department_sorted_by_count_then_name_and_roles_counted_once_a_package():
    items = [facts(1, department="乙厅", acts=(("主要负责人", "《甲》"), ("专家", "《乙》"),
                                               ("专家", "《丙》"))),
             facts(2, department="甲厅", acts=(("分管领导", "《丁》"),)),
             facts(3, department="乙厅")]
    stats = compute_statistics(items, **YEAR)
    assert list(stats.by_department.items()) == [("乙厅", 2), ("甲厅", 1)]
    assert stats.by_role == {"主要负责人": 1, "分管领导": 1, "处室负责人": 0, "专家": 1}


def _event(eid: int, day: str, *roles: str, kind: str = "新闻发布会",
           package: int | None = None) -> tuple[str, EventRecord]:
    people = tuple(Attendee(f"人{n}", "", role) for n, role in enumerate(roles))
    return ("省发展改革委", EventRecord(eid, 1, package, kind, day, "", people))


def test_charts_and_videos_come_from_real_images_and_postings_not_kinds():
    items = [facts(1, material_kinds=("chart", "chart", "media_script"), charts=("图一", "图二"),
                   videos=("https://x.example/v.html",)),
             facts(2, material_kinds=("chart", "media_script"))]  # no data, not posted
    stats = compute_statistics(items, **YEAR)
    assert (stats.charts, stats.videos) == (2, 1)


def test_press_conferences_and_leaders_come_from_attendance_records():
    events = (_event(1, "2024-03-01", "主要负责人", "分管领导", "处室负责人", package=1),
              _event(2, "2024-04-01", "分管领导", kind="政策吹风会"),
              _event(3, "2024-05-01", "专家", kind="在线访谈"),
              _event(4, "2025-01-05", "主要负责人"))  # another year
    stats = compute_statistics([facts(1)], **YEAR, records=Records(events=events))
    assert (stats.press_conferences, stats.leader_attendances) == (2, 3)
    assert stats.main_interpretations == 1  # package 1 through the 3-01 attendance


# ---- sentences -----------------------------------------------------------------------------

def _sentence_fixture() -> tuple[list[PackageFacts], Records]:
    items = [facts(1, charts=("图",), acts=(("主要负责人", "《署名文章》"),)),
             facts(2, "2024-06-01T10:00:00", videos=("https://x.example/v",),
                   acts=(("专家", "《专家解读》"),)),
             facts(3, "2024-07-01T10:00:00", charts=("图",))]
    events = (_event(1, "2024-06-01", "主要负责人", "分管领导", package=2),)
    return items, Records(events=events)


def test_annual_sentence_for_a_calendar_year():
    items, records = _sentence_fixture()
    stats = compute_statistics(items, **YEAR, records=records)
    assert annual_sentence(stats) == (
        "全年发布政策解读3篇，其中图解2篇、视频1个；主要负责人解读2次；"
        "举办新闻发布会1场，领导出席2人次。")


def test_annual_sentence_says_this_period_otherwise():
    items, records = _sentence_fixture()
    stats = compute_statistics(items, date_from=date(2024, 1, 1), date_to=date(2024, 6, 30),
                               records=records)
    assert annual_sentence(stats) == (
        "本期发布政策解读2篇，其中图解1篇、视频1个；主要负责人解读2次；"
        "举办新闻发布会1场，领导出席2人次。")


def test_annual_sentence_leaves_out_what_nothing_was_recorded_for():
    stats = compute_statistics([facts(1), facts(2)], **YEAR)
    assert annual_sentence(stats) == "全年发布政策解读2篇。"


def test_annual_sentence_names_concerns_and_the_rate_when_recorded():
    concerns = (("省发展改革委", ConcernResponse(1, 1, "2024-03-02", "电价", "政府网站")),)
    register = (("省发展改革委", IssuedDocument(1, 1, "文件1", "2024-02-20")),
                ("省发展改革委", IssuedDocument(2, 1, "文件9", "2024-02-21")))
    stats = compute_statistics([facts(1)], **YEAR,
                               records=Records(concerns=concerns, register=register))
    assert annual_sentence(stats) == (
        "全年发布政策解读1篇；回应社会关切1次；发布政策文件2件，已解读1件，解读率50.0%。")
    assert stats.explain["documents_issued"][1].endswith("：未解读")


def test_period_label_in_words():
    assert period_label(compute_statistics([], **YEAR)) == "2024年"
    half = compute_statistics([], date_from=date(2024, 1, 1), date_to=date(2024, 6, 30))
    assert period_label(half) == "2024年1月1日至2024年6月30日"
    assert period_label(compute_statistics([])) == "全部"


def test_statistics_module_imports_neither_matplotlib_nor_qt():
    code = ("import interpreter_app.domain.statistics, interpreter_app.domain.chartdata, sys; "
            "print([m for m in ('matplotlib', 'PySide6', 'sqlite3') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_count_chart_with_small_values_has_whole_ticks_only():
    from interpreter_app.domain.model import ChartSpec, Series
    from interpreter_app.export.charts import build_figure

    fig = build_figure(ChartSpec("bar", "各月发布", ["1月", "2月", "3月"],
                                 [Series("篇", [0, 1, 1])], "篇"))
    fig.canvas.draw()
    ticks = [t for ax in fig.axes for t in ax.get_yticks()]
    assert ticks and all(float(t).is_integer() for t in ticks)
