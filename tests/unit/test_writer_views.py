"""A writer's 已退回 and 核稿中 views: computed in the store from the decisions, on both stores."""

from __future__ import annotations

import pytest

from interpreter_app.services.listing import MINE_IN_REVIEW, RETURNED, ListQuery
from tests.factories import complete_package


def _ids(wb, user, view: str) -> list[int]:
    return [r.id for r in wb.listing.page(user, ListQuery(view), 0, 100)]


@pytest.mark.both_stores
def test_a_returned_package_is_in_its_authors_returned_view_until_resubmitted(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    returned, kept = complete_package(wb, writer), complete_package(wb, writer)
    for pkg in (returned, kept):
        wb.review.submit(writer, pkg.id)
    wb.review.return_package(seeded["reviewer"], returned.id, "补贴标准与正文不一致")
    assert _ids(wb, writer, RETURNED) == [returned.id]
    assert wb.listing.count(writer, ListQuery(RETURNED)) == 1
    row = wb.listing.page(writer, ListQuery(RETURNED), 0, 10)[0]
    assert row.returned and row.last_reason == "补贴标准与正文不一致" and row.authored
    assert _ids(wb, writer, MINE_IN_REVIEW) == [kept.id]
    wb.review.submit(writer, returned.id)
    assert _ids(wb, writer, RETURNED) == []
    assert wb.listing.count(writer, ListQuery(RETURNED)) == 0
    assert sorted(_ids(wb, writer, MINE_IN_REVIEW)) == sorted([returned.id, kept.id])
    resubmitted = wb.listing.page(writer, ListQuery("all"), 0, 10)
    assert not any(r.returned for r in resubmitted)


@pytest.mark.both_stores
def test_returned_and_in_review_views_hold_only_the_actors_own_packages(seeded):
    wb = seeded.wb
    mine, other = complete_package(wb, seeded["writer"]), complete_package(wb, seeded["writer2"])
    for pkg, author in ((mine, "writer"), (other, "writer2")):
        wb.review.submit(seeded[author], pkg.id)
        wb.review.return_package(seeded["reviewer"], pkg.id, "请补充数据来源")
    assert _ids(wb, seeded["writer"], RETURNED) == [mine.id]
    assert _ids(wb, seeded["reviewer"], RETURNED) == []
    wb.review.submit(seeded["writer"], mine.id)
    wb.review.pass_review(seeded["reviewer"], mine.id)
    assert _ids(wb, seeded["writer"], MINE_IN_REVIEW) == [mine.id]  # awaiting sign-off
    assert _ids(wb, seeded["writer2"], MINE_IN_REVIEW) == []
    # The reviewer's list marks the reviewer's rows as not theirs.
    assert not any(r.authored for r in wb.listing.page(seeded["reviewer"], ListQuery("all"), 0, 10))


@pytest.mark.both_stores
def test_a_leaders_return_counts_and_a_withdrawal_does_not(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    by_leader, withdrawn = complete_package(wb, writer), complete_package(wb, writer)
    for pkg in (by_leader, withdrawn):
        wb.review.submit(writer, pkg.id)
    wb.review.pass_review(seeded["reviewer"], by_leader.id)
    wb.review.return_package(seeded["leader"], by_leader.id, "口径需再斟酌")
    wb.review.withdraw(writer, withdrawn.id)
    assert _ids(wb, writer, RETURNED) == [by_leader.id]
    assert sorted(_ids(wb, writer, "mine")) == sorted([by_leader.id, withdrawn.id])
