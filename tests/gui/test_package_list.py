"""The package list: views and counts per user, search, sorting and fetching page by page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from interpreter_app.domain.model import Package, PolicyDocument
from interpreter_app.services import listing
from interpreter_app.ui.package_list import PackageListPanel
from interpreter_app.ui.package_model import PAGE_SIZE, PackageListModel
from tests.factories import complete_package


def _titles(model: PackageListModel) -> list[str]:
    return [model.summary(row).title for row in range(model.rowCount())]


def _model(seeded, username: str, view: str = listing.ALL) -> PackageListModel:
    model = PackageListModel(seeded.wb.listing, seeded[username])
    model.set_view(view)
    return model


def _two_packages(seeded):
    wb = seeded.wb
    first = complete_package(wb, seeded["writer"])
    second = wb.authoring.create(seeded["writer2"], "关于做好根治欠薪工作的通知")
    wb.review.submit(seeded["writer"], first.id)
    return first, second


def test_views_show_the_packages_waiting_for_each_user(qtbot, seeded):
    first, second = _two_packages(seeded)
    assert _titles(_model(seeded, "writer", listing.MINE)) == []
    assert _titles(_model(seeded, "writer2", listing.MINE)) == [second.title]
    assert _titles(_model(seeded, "reviewer", listing.TO_REVIEW)) == [first.title]
    assert _titles(_model(seeded, "leader", listing.TO_SIGN)) == []
    assert _titles(_model(seeded, "writer_b", listing.ALL)) == []


def test_view_list_shows_counts_per_user(make_window, seeded):
    _two_packages(seeded)
    reviewer = make_window("reviewer")
    assert reviewer.views.text_of(listing.TO_REVIEW).endswith("  1")
    assert reviewer.views.text_of(listing.ALL).endswith("  2")
    assert reviewer.views.text_of(listing.MINE) == ""  # a reviewer has no drafts of their own
    assert reviewer.views.current_view() == listing.TO_REVIEW
    other = make_window("writer_b")
    assert other.views.text_of(listing.ALL).endswith("  0")


def test_search_finds_one_and_three_character_chinese(qtbot, seeded):
    first, second = _two_packages(seeded)
    panel = PackageListPanel(seeded.wb.listing, seeded["writer"])
    qtbot.addWidget(panel)
    panel.show_view(listing.ALL)
    panel.search.setText("薪")
    qtbot.waitUntil(lambda: _titles(panel.model) == [second.title], timeout=2000)
    panel.search.setText("毕业生")
    qtbot.waitUntil(lambda: _titles(panel.model) == [first.title], timeout=2000)
    assert "1" in panel.result_label.text()
    panel.search.clear()
    qtbot.waitUntil(lambda: len(_titles(panel.model)) == 2, timeout=2000)


def test_clicking_a_header_sorts_in_the_database(qtbot, seeded):
    wb, writer = seeded.wb, seeded["writer"]
    for title in ("乙类通知", "甲类通知", "丙类通知"):
        wb.authoring.create(writer, title)
    panel = PackageListPanel(wb.listing, writer)
    qtbot.addWidget(panel)
    panel.show_view(listing.ALL)
    panel.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
    assert panel.model.query.sort == "title" and not panel.model.query.descending
    ascending = _titles(panel.model)
    assert ascending == sorted(ascending)
    panel.table.horizontalHeader().setSortIndicator(0, Qt.DescendingOrder)
    assert _titles(panel.model) == list(reversed(ascending))


def test_rows_are_fetched_a_page_at_a_time(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    with wb.store.transaction():
        for i in range(1000):
            package = Package(None, seeded.dept_a, writer.id,
                              PolicyDocument(title=f"批量解读包{i:04d}"), holder_id=writer.id)
            wb.store.packages.insert(package, "2026-04-06T21:12:00+08:00")
    model = _model(seeded, "writer")
    assert model.total == 1000
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    assert len({model.summary(r).id for r in range(1000)}) == 1000


def test_list_columns_show_state_holder_and_dates(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    wb.authoring.create(writer, "过期的解读包", due_date="2020-01-31")
    model = _model(seeded, "writer")
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0] == "过期的解读包"
    assert row[4] == "用户writer"
    assert row[6] in ("2020年1月31日", "2020-01-31")
    assert model.index(0, 6).data(Qt.ForegroundRole) is not None  # overdue: red


def _returned_and_in_review(seeded):
    wb = seeded.wb
    returned, in_review = complete_package(wb, seeded["writer"]), complete_package(wb, seeded["writer"])
    for pkg in (returned, in_review):
        wb.review.submit(seeded["writer"], pkg.id)
    wb.review.return_package(seeded["reviewer"], returned.id, "补贴标准与正文不一致")
    return returned, in_review


def test_writer_sees_returned_and_in_review_markers_with_the_reason(qtbot, seeded):
    returned, in_review = _returned_and_in_review(seeded)
    model = _model(seeded, "writer")
    rows = {model.summary(r).id: r for r in range(model.rowCount())}
    title = model.index(rows[returned.id], 0)
    assert title.data(Qt.DisplayRole) == f"【Returned】{returned.title}"
    assert "Returned: 补贴标准与正文不一致" in title.data(Qt.ToolTipRole)
    assert model.index(rows[in_review.id], 0).data(Qt.DisplayRole) == f"【In review】{in_review.title}"
    # The reviewer's list shows the return too, but the package in review is not theirs.
    reviewer = _model(seeded, "reviewer")
    texts = [reviewer.index(r, 0).data(Qt.DisplayRole) for r in range(reviewer.rowCount())]
    assert sorted(texts) == sorted([f"【Returned】{returned.title}", in_review.title])


def test_writer_views_list_returned_and_in_review_packages(make_window, seeded):
    returned, in_review = _returned_and_in_review(seeded)
    writer = make_window("writer")
    assert writer.views.text_of(listing.RETURNED) == "Returned to me  1"
    assert writer.views.text_of(listing.MINE_IN_REVIEW) == "Mine in review  1"
    writer.views.select_view(listing.RETURNED)
    assert _titles(writer.packages.model) == [returned.title]
    shown = writer.packages.model.index(0, 0).data(Qt.DisplayRole)
    assert shown == f"【Returned: 补贴标准与正文不一致】{returned.title}"
    tip = writer.packages.model.index(0, 0).data(Qt.ToolTipRole)
    assert "补贴标准与正文不一致" in tip
    writer.views.select_view(listing.MINE_IN_REVIEW)
    assert _titles(writer.packages.model) == [in_review.title]
    reviewer = make_window("reviewer")
    assert reviewer.views.text_of(listing.RETURNED) == ""  # no drafts of their own
