"""Plan against materials and department, release timing, and the day statistics count."""

from __future__ import annotations

import dataclasses

import pytest

from interpreter_app.domain.checks.consistency import check_consistency
from interpreter_app.domain.department_rules import (
    DepartmentRules,
    first_interpreter_ok,
    is_leader_title,
    parse_codes,
)
from interpreter_app.domain.model import Material, Package, Person
from interpreter_app.domain.release_rules import publication_day, release_holds
from tests.factories import complete_parts

RULES = DepartmentRules("江海省人力资源和社会保障厅", ("江人社发", "江人社函"),
                        (("王建国", "厅长"),))


def package(**plan_fields) -> Package:
    document, plan, materials = complete_parts()
    plan = dataclasses.replace(plan, **plan_fields)
    return Package(1, 1, 1, document, plan, materials)


def found(pkg: Package, rules: DepartmentRules | None = RULES) -> list[str]:
    return [f.code for f in check_consistency(pkg, rules)]


def test_complete_package_is_consistent():
    assert found(package()) == []


@pytest.mark.parametrize(("form", "kinds"), [
    ("新闻发布会", {"新闻发布稿", "主持词"}), ("图表图解", set()),
    ("在线访谈", {"在线访谈提纲"}), ("音频视频", {"音视频脚本"}),
])
def test_each_chosen_form_needs_its_materials(form, kinds):
    pkg = package(forms=["文字解读", form])
    messages = [f.message for f in check_consistency(pkg, RULES) if f.code == "form-materials"]
    if not kinds:  # the factory package has a chart (and 答问口径)
        assert messages == []
        return
    assert len(messages) == 1
    for label in kinds:
        assert label in messages[0]


def test_press_conference_with_all_three_materials_passes():
    pkg = package(forms=["新闻发布会"])
    pkg.materials += [Material.new("speech", "发布稿", body="大家好。"),
                      Material.new("host_script", "主持词", body="欢迎。")]
    assert "form-materials" not in found(pkg)  # 答问口径 is in the factory package


def test_government_website_channel_is_required():
    assert "website-channel" in found(package(channels=["政务新媒体（微信、微博、客户端）"]))
    assert "website-channel" not in found(package(channels=["政府网站", "报刊"]))


@pytest.mark.parametrize(("name", "title", "ok"), [
    ("张三", "科员", False), ("李四", "主任科员", False), ("赵六", "办公室主任", False),
    ("钱七", "处长", False), ("王建国", "", True), ("孙八", "厅长", True),
    ("周九", "党组书记、厅长", True), ("吴十", "副厅长", True),
])
def test_first_interpreter_is_a_leader(name, title, ok):
    assert first_interpreter_ok(name, title, RULES) is ok
    pkg = package(first_interpreter=Person(name, title))
    assert ("first-interpreter" not in found(pkg)) is ok


def test_first_interpreter_is_not_judged_without_the_department():
    assert found(package(first_interpreter=Person("张三", "科员")), None) == []


@pytest.mark.parametrize(("time", "ok"), [
    ("下周", False), ("近期", False), ("2026年3月", False), ("3月25日上午", False),
    ("2026-03-25 10:00", True), ("2026-03-25T10:00", True), ("2026年3月25日 10:00", True),
    ("2026年3月25日上午10时", True), ("2026年3月25日（星期三）下午3点半", True),
])
def test_meeting_time_must_be_a_date_and_time(time, ok):
    pkg = package(forms=["文字解读", "政策吹风会"])
    pkg.plan.press_conference.time = time
    assert ("meeting-time" not in found(pkg)) is ok


def test_proposed_number_must_equal_the_doc_number():
    assert "doc-number-mismatch" in found(package(proposed_doc_number="江人社发〔2026〕13号"))
    assert "doc-number-mismatch" not in found(package(proposed_doc_number="江人社发〔2026〕12号"))


def test_issuer_code_must_belong_to_the_department():
    pkg = package()
    pkg.document.doc_number = "江发改〔2026〕83号"
    assert "issuer-code" in found(pkg)
    pkg.document.doc_number = "江人社函〔2026〕83号"
    assert "issuer-code" not in found(pkg)
    assert "issuer-code" not in found(pkg, DepartmentRules("新部门"))  # no codes kept yet


def test_codes_and_leader_titles_are_read_leniently():
    assert parse_codes("江人社发、江人社函, 江人社发") == ("江人社发", "江人社函")
    assert is_leader_title("局长") and not is_leader_title("主任科员")


# -- release and time ----------------------------------------------------------------------

def test_future_embargo_holds_release_for_an_administrator():
    pkg = package()
    pkg.materials[0].embargo = "2026-03-25T10:00"
    holds = release_holds(pkg, "2026-03-25T09:59:00+08:00")
    assert [(h.code, h.override_by) for h in holds] == [("embargo", "admin")]
    assert release_holds(pkg, "2026-03-25T10:00:00") == []


def test_release_before_publish_date_asks_the_releaser():
    pkg = package()
    pkg.document.publish_date = "2026-03-25"
    holds = release_holds(pkg, "2026-03-24T16:00:00")
    assert [(h.code, h.override_by) for h in holds] == [("before-publish-date", "releaser")]
    assert "2026年3月25日" in holds[0].message
    assert release_holds(pkg, "2026-03-25T08:00:00") == []


@pytest.mark.parametrize(("typed", "released", "day"), [
    ("2026-03-20", "2026-03-25T10:00:00", "2026-03-20"),  # document out before: may be late
    ("2026-03-25", "2026-03-25T10:00:00", "2026-03-25"),
    ("2026-03-30", "2026-03-25T10:00:00", "2026-03-25"),  # went out early with the package
    ("", "2026-03-25T10:00:00", "2026-03-25"),  # no date typed: released together
    ("2026-03-30", "", "2026-03-30"),  # not released yet: the planned day
])
def test_publication_day_for_statistics(typed, released, day):
    assert publication_day(typed, released) == day
