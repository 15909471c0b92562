"""Two running copies on one database file: no silent overwrite, no lost update, no raw errors.

Every test starts real processes (multiprocessing, spawn) that open their own Workbench on the
same file, load what they will change, meet at a barrier and act at the same moment.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import replace

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.digest import package_digest
from interpreter_app.domain.errors import StorageError
from interpreter_app.services.workbench import Workbench
from interpreter_app.store import db as db_module
from tests.factories import PASSWORD, complete_package, signed_package
from tests.support.dbdigest import content_digest
from tests.support.instances import Plan, hold_write_lock, instance

CLEAN_REFUSALS = {"ConflictError", "PermissionDenied", "WorkflowError", "NotFoundError"}


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)


def run_together(db, *plans: Plan, timeout: float = 60) -> dict[str, tuple[str, str]]:
    """Run each plan in its own process, all acting at once; outcome by plan name."""
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(len(plans)), ctx.Queue()
    procs = [ctx.Process(target=instance, args=(str(db), p, barrier, results)) for p in plans]
    for p in procs:
        p.start()
    outcomes = {}
    try:
        for _ in plans:
            name, outcome, detail = results.get(timeout=timeout)
            outcomes[name] = (outcome, detail)
    finally:
        for p in procs:
            p.join(timeout=timeout)
    assert all(o != "RAW" for o, _ in outcomes.values()), outcomes
    return outcomes


def in_review(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], pkg.id)
    return pkg


def awaiting_signoff(seeded):
    pkg = in_review(seeded)
    seeded.wb.review.pass_review(seeded["reviewer"], pkg.id)
    return seeded.wb.authoring.get(seeded["writer"], pkg.id)


def test_same_document_from_two_instances_one_conflict_no_lost_update(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    texts = {"first": "第一个窗口保存的正文", "second": "第二个窗口保存的正文"}
    outcomes = run_together(seeded.path, Plan("first", "writer", "save_body", pkg.id, texts["first"]),
                            Plan("second", "writer2", "save_body", pkg.id, texts["second"]))
    assert sorted(o for o, _ in outcomes.values()) == ["ConflictError", "ok"]
    winner = next(name for name, (o, _) in outcomes.items() if o == "ok")
    loser = next(name for name in outcomes if name != winner)
    assert "已被他人修改" in outcomes[loser][1]
    stored = seeded.wb.authoring.get(seeded["writer"], pkg.id)
    assert stored.document.body == texts[winner]
    assert stored.document_version == pkg.document_version + 1
    assert seeded.wb.verify().ok


def test_different_packages_from_two_instances_both_saved(seeded):
    one = complete_package(seeded.wb, seeded["writer"])
    two = complete_package(seeded.wb, seeded["writer2"])
    outcomes = run_together(seeded.path, Plan("one", "writer", "save_body", one.id, "甲包正文"),
                            Plan("two", "writer2", "save_body", two.id, "乙包正文"))
    assert {o for o, _ in outcomes.values()} == {"ok"}
    assert seeded.wb.authoring.get(seeded["writer"], one.id).document.body == "甲包正文"
    assert seeded.wb.authoring.get(seeded["writer"], two.id).document.body == "乙包正文"


def test_sign_off_while_the_writer_tries_to_edit(seeded):
    pkg = awaiting_signoff(seeded)
    before = package_digest(pkg)
    outcomes = run_together(seeded.path, Plan("sign", "leader", "sign", pkg.id, "同意"),
                            Plan("edit", "writer", "save_body", pkg.id, "签发时偷偷改的正文"))
    assert outcomes["sign"] == ("ok", before)
    assert outcomes["edit"][0] == "PermissionDenied"
    package = seeded.wb.authoring.get(seeded["writer"], pkg.id)
    assert package.state == workflow.SIGNED and package_digest(package) == before
    assert seeded.wb.verify().ok


def test_sign_and_return_at_once_exactly_one_wins(seeded):
    pkg = awaiting_signoff(seeded)
    outcomes = run_together(seeded.path, Plan("sign", "leader", "sign", pkg.id),
                            Plan("return", "leader2", "return", pkg.id, "数据需核实"))
    assert sorted(o for o, _ in outcomes.values())[1] == "ok"
    assert [o for o, _ in outcomes.values()].count("ok") == 1
    assert {o for o, _ in outcomes.values()} - {"ok"} <= CLEAN_REFUSALS
    state = seeded.wb.authoring.get(seeded["writer"], pkg.id).state
    signoffs = seeded.wb.store.records.signoffs(pkg.id)
    if outcomes["sign"][0] == "ok":
        assert state == workflow.SIGNED and len(signoffs) == 1
    else:
        assert state == workflow.DRAFT and signoffs == []
    assert seeded.wb.verify().ok


def test_pass_and_withdraw_at_once_exactly_one_wins(seeded):
    pkg = in_review(seeded)
    outcomes = run_together(seeded.path, Plan("pass", "reviewer", "pass", pkg.id),
                            Plan("withdraw", "writer", "withdraw", pkg.id))
    assert [o for o, _ in outcomes.values()].count("ok") == 1
    assert {o for o, _ in outcomes.values()} - {"ok"} <= CLEAN_REFUSALS
    expected = workflow.AWAITING_SIGNOFF if outcomes["pass"][0] == "ok" else workflow.DRAFT
    assert seeded.wb.authoring.get(seeded["writer"], pkg.id).state == expected


def test_release_by_writer_and_leader_at_once_exactly_one_release(seeded):
    pkg = signed_package(seeded)
    outcomes = run_together(seeded.path, Plan("writer", "writer", "release", pkg.id),
                            Plan("leader", "leader", "release", pkg.id))
    assert sorted(o for o, _ in outcomes.values()) in (["PermissionDenied", "ok"],
                                                       ["ConflictError", "ok"])
    refusal = next(d for o, d in outcomes.values() if o != "ok")
    assert "已发布" in refusal or "已被他人" in refusal
    decisions = seeded.wb.review.decisions(seeded["writer"], pkg.id)
    assert [d.action for d in decisions].count(workflow.RELEASE) == 1
    kinds = [r.kind for r in seeded.wb.review.revisions(seeded["writer"], pkg.id)]
    assert kinds.count("release") == 1
    assert seeded.wb.verify().ok


def _holder(db, seconds: float, exclusive: bool = False):
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    proc = ctx.Process(target=hold_write_lock, args=(str(db), seconds, ready, exclusive))
    proc.start()
    assert ready.wait(30), "the lock holder did not start"
    return proc


def test_write_lock_held_longer_than_busy_timeout_gives_clear_message(seeded, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(db_module, "BUSY_RETRIES", 2)
    writer = seeded["writer"]
    pkg = complete_package(seeded.wb, writer)
    wb = Workbench.open(seeded.path)
    before = content_digest(seeded.path)
    holder = _holder(seeded.path, 4.0)
    try:
        started = time.monotonic()
        with pytest.raises(StorageError) as err:
            wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body="被锁住时的修改"),
                                       pkg.document_version)
        waited = time.monotonic() - started
        assert "占用" in err.value.message and "尚未保存" in err.value.message
        assert "locked" not in str(err.value)
        assert 0.5 < waited < 3.5, waited  # two busy timeouts plus back-off, then a clear answer
        assert wb.authoring.get(writer, pkg.id).document.body == pkg.document.body  # reads go on
    finally:
        holder.join()
    assert content_digest(seeded.path) == before
    result = wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body="锁释放后的修改"),
                                        pkg.document_version)
    assert result.changed
    wb.close()


def test_readers_go_on_while_another_instance_holds_the_write_lock(seeded, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    writer = seeded["writer"]
    pkg = complete_package(seeded.wb, writer)
    holder = _holder(seeded.path, 1.5)
    try:
        wb = Workbench.open(seeded.path)  # WAL: opening and reading need no write lock
        assert wb.authoring.get(writer, pkg.id).id == pkg.id
        assert [r.id for r in wb.listing.search(writer, "毕业生")] == [pkg.id]
        wb.close()
    finally:
        holder.join()


def test_opening_a_file_locked_exclusively_by_another_program_gives_clear_message(seeded,
                                                                                   monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    seeded.wb.close()  # a database browser that opened the file first, in exclusive mode
    holder = _holder(seeded.path, 2.0, exclusive=True)
    try:
        with pytest.raises(StorageError, match="占用") as err:
            Workbench.open(seeded.path)
        assert "locked" not in str(err.value)
    finally:
        holder.join()
    seeded.wb = Workbench.open(seeded.path)
    assert seeded.wb.verify().ok
