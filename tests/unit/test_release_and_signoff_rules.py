"""Sign-off and release meet the blocking checks again; the 机关代字 list; the day statistics
count as the document's publication."""

from __future__ import annotations

import dataclasses

import pytest

from interpreter_app.domain.errors import IncompleteError, PermissionDenied
from interpreter_app.domain.statistics import SAME_DAY
from interpreter_app.services.stats import facts_of
from tests.factories import PASSWORD, complete_package, complete_parts


def test_sign_is_refused_with_the_list_when_the_rules_tightened(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.accounts.set_department_codes(seeded["admin"], "江海省人力资源和社会保障厅", ["江人社函"])
    with pytest.raises(IncompleteError) as refused:
        wb.review.sign(seeded["leader"], pkg.id, PASSWORD)
    assert any("机关代字" in d and "江人社函" in d for d in refused.value.details)
    assert wb.authoring.get(seeded["writer"], pkg.id).state == "awaiting_signoff"


def test_department_codes_are_kept_by_administrators_only(seeded):
    accounts = seeded.wb.accounts
    dept = accounts.set_department_codes(seeded["admin"], "江海省人力资源和社会保障厅",
                                         ["江人社发", "江人社函、江人社发"])
    assert dept.code == "江人社发、江人社函"
    with pytest.raises(PermissionDenied):
        accounts.set_department_codes(seeded["writer"], "江海省人力资源和社会保障厅", ["x"])


def test_release_without_publish_date_counts_as_same_day(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])  # 成文日期 2026-03-02, no 发布日期
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(seeded["leader"], pkg.id, PASSWORD)
    released = wb.review.release(seeded["writer"], pkg.id)
    facts = facts_of(released, "厅", "", "")
    assert facts.doc_publish_date == released.released_at[:10]
    stats = wb.statistics.compute(seeded["admin"])
    assert stats.timeliness[SAME_DAY] == 1


def test_typed_publish_date_before_release_still_counts_from_that_day(seeded):
    document, plan, materials = complete_parts()
    document = dataclasses.replace(document, publish_date="2026-03-02")
    pkg = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                     plan=plan, materials=materials)
    pkg = dataclasses.replace(pkg, released_at="2026-03-20T10:00:00+08:00")
    assert facts_of(pkg, "厅", "", "").doc_publish_date == "2026-03-02"
