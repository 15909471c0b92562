"""Pure domain rules: 发文字号, dates, headings, digest, permissions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter_app.domain import permissions, workflow
from interpreter_app.domain.digest import package_digest
from interpreter_app.domain.errors import ValidationError
from interpreter_app.domain.model import Material, Package, User, from_dict, to_dict
from interpreter_app.domain.text import heading_level, outline
from interpreter_app.domain.validation import (
    check_doc_number,
    format_date_cn,
    normalize_date,
    validate_doc_number,
)
from tests.factories import complete_parts


@pytest.mark.parametrize("good", ["云政办发〔2020〕33号", "江人社发〔2026〕1号", "国发〔2016〕8号"])
def test_well_formed_doc_numbers_accepted(good):
    assert check_doc_number(good) is None


@pytest.mark.parametrize("bad, fixed", [
    ("云政办发【2020】33号", "云政办发〔2020〕33号"),
    ("云政办发[2020]33号", "云政办发〔2020〕33号"),
    ("云政办发（2020）33号", "云政办发〔2020〕33号"),
    ("云政办发〔2020〕第33号", "云政办发〔2020〕33号"),
    ("云政办发〔2020〕033号", "云政办发〔2020〕33号"),
])
def test_malformed_doc_numbers_get_the_fix(bad, fixed):
    problem = check_doc_number(bad)
    assert problem is not None and problem.suggestion == fixed
    with pytest.raises(ValidationError, match=fixed):
        validate_doc_number(bad)


def test_unrecognisable_doc_number_has_no_suggestion():
    problem = check_doc_number("第三十三号文件")
    assert problem is not None and problem.suggestion is None


@pytest.mark.parametrize("text, iso", [("2020年8月17日", "2020-08-17"), ("2020-8-17", "2020-08-17"),
                                       ("2020/08/17", "2020-08-17"), ("２０２０年８月１７日", "2020-08-17")])
def test_dates_normalise_to_iso(text, iso):
    assert normalize_date(text) == iso


@pytest.mark.parametrize("bad", ["2020年2月30日", "昨天", "2020-13-01", "20200817"])
def test_malformed_dates_refused(bad):
    with pytest.raises(ValidationError, match="日期"):
        normalize_date(bad)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_chinese_date_format_round_trips(day):
    assert normalize_date(format_date_cn(day.isoformat())) == day.isoformat()


def test_chinese_date_has_no_zero_padding():
    assert format_date_cn("2020-08-07") == "2020年8月7日"


@pytest.mark.parametrize("para, level", [
    ("一、总体要求", 1), ("十二、附则", 1), ("（一）拓宽渠道", 2), ("(三)加强保障", 2),
    ("1.扩大招聘", 3), ("12．强化服务", 3), ("（1）补贴标准", 4), ("坚持就业优先。", 0),
    ("1.5倍的标准", 0), ("2026年底前完成", 0)])
def test_heading_levels_from_numbering(para, level):
    assert heading_level(para) == level


def test_outline_lists_headings_with_paragraph_index():
    heads = outline("一、总体要求\n正文。\n（一）目标\n1.具体任务。后续说明文字。")
    assert [(h.level, h.paragraph) for h in heads] == [(1, 0), (2, 2), (3, 3)]
    assert heads[2].text == "1.具体任务。"


def _package() -> Package:
    doc, plan, materials = complete_parts()
    return Package(1, 1, 1, doc, plan, materials)


def test_digest_ignores_ids_and_versions_but_not_content():
    pkg = _package()
    base = package_digest(pkg)
    renumbered = replace(pkg, materials=[replace(m, id="x" + str(i), row_version=9)
                                         for i, m in enumerate(pkg.materials)], row_version=7)
    assert package_digest(renumbered) == base
    changed = replace(pkg, document=replace(pkg.document, body=pkg.document.body + "。"))
    assert package_digest(changed) != base


def test_digest_depends_on_material_order_and_chart_data():
    pkg = _package()
    base = package_digest(pkg)
    assert package_digest(replace(pkg, materials=list(reversed(pkg.materials)))) != base
    chart = pkg.materials[2]
    data = replace(chart.chart, series=[replace(chart.chart.series[0], values=[46, 48, 51])])
    materials = list(pkg.materials)
    materials[2] = replace(chart, chart=data)
    assert package_digest(replace(pkg, materials=materials)) != base


def test_digest_same_for_nfc_and_nfd_text():
    pkg = _package()
    decomposed = replace(pkg, document=replace(pkg.document, title=pkg.document.title + "e\u0301"))
    composed = replace(pkg, document=replace(pkg.document, title=pkg.document.title + "\u00e9"))
    assert package_digest(decomposed) == package_digest(composed)


def test_model_round_trips_through_dict():
    pkg = _package()
    again = from_dict(Package, to_dict(pkg))
    assert package_digest(again) == package_digest(pkg)
    assert isinstance(again.materials[2].chart.series[0].values, list)


def test_new_material_takes_default_audience_of_its_kind():
    assert Material.new("reporter_lines", "口径").audience == "internal"
    assert Material.new("article", "文章").audience == "public"
    assert Material.new("chart", "图").chart is not None


def _user(roles, dept=1, uid=5, **kw) -> User:
    return User(uid, "u", "U", dept, frozenset(roles), **kw)


def test_admin_alone_grants_no_right_to_sign_or_edit():
    pkg = replace(_package(), state=workflow.AWAITING_SIGNOFF, authors=frozenset({1}))
    admin = _user({"admin"})
    assert not permissions.may(admin, workflow.SIGN, pkg)
    assert not permissions.may(admin, permissions.EDIT, replace(pkg, state=workflow.DRAFT))
    assert permissions.may(admin, permissions.MANAGE_USERS)


def test_all_departments_account_sees_other_departments():
    pkg = replace(_package(), department_id=2)
    assert not permissions.may(_user({"reviewer"}), permissions.VIEW, pkg)
    assert permissions.may(_user({"reviewer"}, all_departments=True), permissions.VIEW, pkg)


def test_available_transitions_follow_the_table():
    pkg = replace(_package(), state=workflow.SIGNED, authors=frozenset({1}))
    actions = {t.action for t in permissions.available_transitions(_user({"leader"}), pkg)}
    assert actions == {workflow.RELEASE, workflow.REVOKE}
    writer_actions = {t.action for t in permissions.available_transitions(_user({"writer"}), pkg)}
    assert writer_actions == {workflow.RELEASE}


def test_long_one_sentence_clause_is_not_a_heading_lead():
    from interpreter_app.domain.text import heading_lead
    clause = "（二）本办法所称工伤预防费，是指统筹地区工伤保险基金中依法用于开展工伤事故和职业病预防工作的费用。"
    assert heading_lead(clause) == ""
    assert heading_lead("（一）指导思想。") == "（一）指导思想。"
    assert heading_lead("一、总体要求") == "一、总体要求"
    assert heading_lead("（一）行动时间。自2026年12月1日起至2027年春节前。") == "（一）行动时间。"
    assert outline(clause)[0].text.startswith("（二）本办法")


def test_clause_is_exported_in_body_font():
    from interpreter_app.export.docx_layout import body_paragraph_parts
    clause = "（二）本办法所称工伤预防费，是指统筹地区工伤保险基金中依法用于开展工伤事故和职业病预防工作的费用。"
    assert body_paragraph_parts(clause) == ("Normal", [(clause, "body")])


def test_a_field_has_one_name_in_validation_import_and_history(seeded):
    """公开属性 was 公开方式 in validation; 牵头单位 and 风险等级 differed from the history's names."""
    from dataclasses import replace as _replace

    import pytest as _pytest

    from interpreter_app.domain.errors import ValidationError as _ValidationError
    from interpreter_app.domain.importing.inspect import FIELD_LABELS as IMPORT_LABELS
    from interpreter_app.domain.vocabulary import DOCUMENT_FIELD_LABELS, PLAN_FIELD_LABELS
    from interpreter_app.services.authoring import clean_document, clean_plan
    from tests.factories import complete_package as _complete

    package = _complete(seeded.wb, seeded["writer"])
    with _pytest.raises(_ValidationError, match="^公开属性"):
        clean_document(_replace(package.document, disclosure="公" * 51))
    with _pytest.raises(_ValidationError, match="^舆情风险等级"):
        clean_plan(_replace(package.plan, risk_level="高" * 51))
    assert IMPORT_LABELS["disclosure"] == DOCUMENT_FIELD_LABELS["disclosure"] == "公开属性"
    assert PLAN_FIELD_LABELS["lead_unit"] == "起草（牵头）单位"
