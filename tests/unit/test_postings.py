"""The posting comes back: each page's real address and time, 已上网, 待上网, and the figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from interpreter_app.domain.errors import PermissionDenied, ValidationError
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_parts, signed_package

pytestmark = pytest.mark.both_stores  # the records and the 待上网 filter on either store
TODAY = dt.date.today()
URL = "https://zwgk.example.gov/zcjd/{}.html"


def released(seeded, *, publish_date: str = ""):
    wb, writer = seeded.wb, seeded["writer"]
    document, plan, materials = complete_parts()
    document = replace(document, publish_date=publish_date or TODAY.isoformat())
    pkg = wb.authoring.create(writer, document.title, document=document, plan=plan,
                              materials=materials)
    wb.review.submit(writer, pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(seeded["leader"], pkg.id, PASSWORD, "同意")
    return wb.review.release(writer, pkg.id)


def post_all(seeded, pkg, when: str = "") -> None:
    status = seeded.wb.outreach.posting_status(seeded["writer"], pkg.id)
    for n, (part, _title, _p) in enumerate(status.pages):
        seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, part, URL.format(n),
                                          when or f"{TODAY}T10:00")


def test_pages_are_the_web_packs_public_pages_and_answer_to_its_ids(seeded):
    pkg = released(seeded)
    status = seeded.wb.outreach.posting_status(seeded["writer"], pkg.id)
    assert [p[0] for p in status.pages][0] == "document"
    assert len(status.pages) == 1 + sum(1 for m in pkg.materials if m.is_public)
    posting = seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "jiedu-01",
                                                URL.format(1), f"{TODAY}T09:30", "000014349/2026-1")
    assert posting.part == f"material:{pkg.materials[0].id}" and posting.index_number


def test_posted_when_every_public_page_has_its_address(seeded):
    pkg = released(seeded)
    assert not seeded.wb.outreach.posting_status(seeded["writer"], pkg.id).posted
    post_all(seeded, pkg)
    status = seeded.wb.outreach.posting_status(seeded["writer"], pkg.id)
    assert status.posted and all(p[2].url.startswith("https://") for p in status.pages)


def test_recording_again_corrects_the_address(seeded):
    pkg = released(seeded)
    wb, writer = seeded.wb, seeded["writer"]
    wb.outreach.record_posting(writer, pkg.id, "policy", URL.format("old"), f"{TODAY}T10:00")
    wb.outreach.record_posting(writer, pkg.id, "policy", URL.format("new"), f"{TODAY}T11:00")
    page = wb.outreach.posting_status(writer, pkg.id).pages[0][2]
    assert page.url == URL.format("new") and page.posted_at.endswith("11:00")
    actions = [e.action for e in wb.store.audit_events(pkg.id)]
    assert actions.count("posting_recorded") == 2


@pytest.mark.parametrize("url,when,message", [
    ("ftp://x.example/a", f"{TODAY}T10:00", "网址"),
    ("https://x.example/a b", f"{TODAY}T10:00", "网址"),
    ("https://x.example/a", "昨天", "上网时间"),
    ("https://x.example/a", (TODAY + dt.timedelta(days=2)).isoformat(), "晚于今天"),
    ("https://x.example/a", (TODAY - dt.timedelta(days=40)).isoformat(), "早于"),
])
def test_bad_addresses_and_times_are_refused(seeded, url, when, message):
    pkg = released(seeded)
    with pytest.raises(ValidationError, match=message):
        seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "policy", url, when)


def test_unknown_page_names_the_pages_there_are(seeded):
    pkg = released(seeded)
    with pytest.raises(ValidationError, match="jiedu-01"):
        seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "jiedu-09", URL.format(1),
                                          f"{TODAY}T10:00")


def test_posting_needs_a_released_package_of_ones_own_department(seeded):
    pkg = signed_package(seeded)
    with pytest.raises(PermissionDenied, match="已签发"):
        seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "policy", URL.format(1),
                                          f"{TODAY}T10:00")
    done = released(seeded)
    with pytest.raises(Exception, match="不存在|无权"):
        seeded.wb.outreach.record_posting(seeded["writer_b"], done.id, "policy", URL.format(1),
                                          f"{TODAY}T10:00")


def test_recording_the_documents_posting_changes_the_timeliness_figure(seeded):
    month_ago = (TODAY - dt.timedelta(days=30)).isoformat()
    pkg = released(seeded, publish_date=month_ago)  # dated a month ago, released today
    assert seeded.wb.statistics.compute(seeded["writer"]).timeliness["超期"] == 1
    # The document itself went online today, with its interpretation: 同步发布 after all.
    seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "policy", URL.format(0),
                                      f"{TODAY}T10:00")
    timeliness = seeded.wb.statistics.compute(seeded["writer"]).timeliness
    assert timeliness["当日"] == 1 and timeliness["超期"] == 0


def test_an_interpretation_counts_in_the_period_it_went_online(seeded):
    pkg = released(seeded)
    post_all(seeded, pkg, f"{TODAY}T10:00")
    facts = {f.package_id: f for f in seeded.wb.statistics.facts(seeded["writer"])}
    assert facts[pkg.id].published_at.startswith(TODAY.isoformat())


def test_awaiting_posting_lists_released_packages_not_online_after_the_limit(seeded):
    pkg = released(seeded)
    assert seeded.wb.outreach.awaiting_posting(seeded["writer"]) == []  # released today
    later = (dt.datetime.now().astimezone() + dt.timedelta(days=14)).isoformat(timespec="seconds")
    wb = Workbench.open(seeded.path, clock=lambda: later)
    try:
        pending = wb.outreach.awaiting_posting(seeded["writer"])
        assert [s.package_id for s in pending] == [pkg.id]
        assert wb.outreach.awaiting_posting(seeded["writer_b"]) == []
        post_all(seeded, pkg)
        assert wb.outreach.awaiting_posting(seeded["writer"]) == []
    finally:
        wb.close()


def test_import_postings_from_the_cms_list(seeded, tmp_path):
    pkg = released(seeded)
    lines = ["解读包,页面,网址,上网时间,索引号"] + [
        f"{pkg.id},{page},{URL.format(page)},{TODAY}T10:00,000014349/2026-{n}"
        for n, page in enumerate(["policy", "jiedu-01", "jiedu-02", "jiedu-03"])]
    csv = tmp_path / "上网清单.csv"
    csv.write_text("\n".join(lines) + "\n", "utf-8")
    assert seeded.wb.outreach.import_postings(seeded["writer"], csv) == 4
    assert seeded.wb.outreach.posting_status(seeded["writer"], pkg.id).posted


def test_the_list_view_awaiting_posting_agrees_with_the_service(seeded):
    from interpreter_app.services.listing import TO_POST, ListQuery

    done = released(seeded)
    other = released(seeded)
    post_all(seeded, other)
    later = (dt.datetime.now().astimezone() + dt.timedelta(days=14)).isoformat(timespec="seconds")
    wb = Workbench.open(seeded.path, clock=lambda: later)
    try:
        rows = wb.listing.page(seeded["writer"], ListQuery(TO_POST), 0, 50)
        assert [r.id for r in rows] == [done.id]
        assert [s.package_id for s in wb.outreach.awaiting_posting(seeded["writer"])] == [done.id]
        assert wb.listing.count(seeded["writer_b"], ListQuery(TO_POST)) == 0
    finally:
        wb.close()
    assert seeded.wb.listing.count(seeded["writer"], ListQuery(TO_POST)) == 0  # not yet late


def test_a_web_pack_made_after_posting_links_both_ways_by_the_portals_index_numbers(seeded,
                                                                                   tmp_path):
    import json

    pkg = released(seeded)
    seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, "jiedu-01", URL.format(1),
                                      f"{TODAY}T10:00", "000014349/2026-00201")
    result = seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path, pack="web")
    meta = json.loads((result.path / "metadata.json").read_text("utf-8"))
    page = next(p for p in meta["pages"] if p["id"] == "jiedu-01")
    document = next(p for p in meta["pages"] if p["id"] == "policy")
    assert page["index_number"] == "000014349/2026-00201"
    ref = next(r for r in document["related_interpretations"] if r["id"] == "jiedu-01")
    assert ref["index_number"] == "000014349/2026-00201"
    assert page["related_documents"][0]["index_number"] == document["index_number"]


def test_releases_older_than_the_window_are_history_not_work_to_do(seeded):
    from interpreter_app.services.listing import TO_POST, ListQuery
    from interpreter_app.services.outreach import POSTING_WINDOW_DAYS

    released(seeded)
    later = (dt.datetime.now().astimezone() + dt.timedelta(days=POSTING_WINDOW_DAYS + 5))
    wb = Workbench.open(seeded.path, clock=lambda: later.isoformat(timespec="seconds"))
    try:
        assert wb.outreach.awaiting_posting(seeded["writer"]) == []
        assert wb.listing.count(seeded["writer"], ListQuery(TO_POST)) == 0
    finally:
        wb.close()
