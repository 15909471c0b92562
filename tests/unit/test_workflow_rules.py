"""The rules of the three-synchronisation workflow, through the services."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.errors import (
    AuthError,
    ConflictError,
    IncompleteError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from interpreter_app.domain.model import InterpretationPlan, Material
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package, released_package, signed_package
from tests.support.tamper import raw_connection, unguard

# The workflow rules hold on both stores.
pytestmark = pytest.mark.both_stores


def test_submit_refused_with_list_of_what_is_missing(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = wb.authoring.create(writer, "关于开展政务公开工作的通知")
    with pytest.raises(IncompleteError) as err:
        wb.review.submit(writer, pkg.id)
    missing = err.value.details
    assert "政策文件正文" in missing
    assert any("解读形式" in m for m in missing)
    assert any("第一解读人" in m for m in missing)
    assert any("公开解读材料" in m for m in missing)
    assert wb.authoring.get(writer, pkg.id).state == workflow.DRAFT


def test_submit_refused_for_malformed_doc_number(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    doc = replace(pkg.document, doc_number="江人社发[2026]012号")
    wb.authoring.save_document(writer, pkg.id, doc, pkg.document_version)
    with pytest.raises(IncompleteError) as err:
        wb.review.submit(writer, pkg.id)
    assert any("发文字号" in m for m in err.value.details)


def test_submit_refused_when_only_internal_materials(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    for m in pkg.materials:
        if m.is_public:
            wb.authoring.delete_material(writer, pkg.id, m.id)
    with pytest.raises(IncompleteError) as err:
        wb.review.submit(writer, pkg.id)
    assert any("公开解读材料" in m for m in err.value.details)


def test_complete_package_goes_through_full_cycle(seeded):
    pkg = released_package(seeded)
    assert pkg.state == workflow.RELEASED
    assert seeded.wb.verify().ok


def test_author_may_not_pass_or_sign_own_package(seeded):
    wb, multi = seeded.wb, seeded["multi"]
    pkg = complete_package(wb, multi)
    wb.review.submit(multi, pkg.id)
    with pytest.raises(PermissionDenied, match="本人起草"):
        wb.review.pass_review(multi, pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    with pytest.raises(PermissionDenied, match="本人起草"):
        wb.review.sign(multi, pkg.id, PASSWORD)


def test_editing_a_package_makes_you_an_author(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    multi = seeded["multi"]
    doc = replace(pkg.document, body=pkg.document.body + "\n四、附则")
    wb.authoring.save_document(multi, pkg.id, doc, pkg.document_version)
    wb.review.submit(seeded["writer"], pkg.id)
    with pytest.raises(PermissionDenied):
        wb.review.pass_review(multi, pkg.id)


@pytest.mark.parametrize("reason", ["", "   "])
def test_return_and_revoke_need_a_reason(seeded, reason):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    with pytest.raises(ValidationError, match="理由"):
        wb.review.return_package(seeded["reviewer"], pkg.id, reason)
    pkg = signed_package(seeded)
    with pytest.raises(ValidationError, match="理由"):
        wb.review.revoke(seeded["leader"], pkg.id, reason)


def test_return_with_reason_goes_back_to_draft_and_is_recorded(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.return_package(seeded["reviewer"], pkg.id, "第二部分补贴标准与文件不一致")
    pkg = wb.authoring.get(seeded["writer"], pkg.id)
    assert pkg.state == workflow.DRAFT
    last = wb.review.decisions(seeded["writer"], pkg.id)[-1]
    assert (last.action, last.reason) == ("return", "第二部分补贴标准与文件不一致")


def test_other_department_cannot_read_or_edit(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    with pytest.raises(NotFoundError):
        wb.authoring.get(seeded["writer_b"], pkg.id)
    with pytest.raises(NotFoundError):
        wb.authoring.save_document(seeded["writer_b"], pkg.id, pkg.document, pkg.document_version)
    assert all(s.id != pkg.id for s in wb.listing.search(seeded["writer_b"], "毕业生"))


def test_reviewer_cannot_edit_content(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    doc = replace(pkg.document, body="改动")
    with pytest.raises(PermissionDenied):
        wb.authoring.save_document(seeded["reviewer"], pkg.id, doc, pkg.document_version)


def test_signoff_records_signer_opinion_revision_time_and_digest(seeded):
    pkg = signed_package(seeded)
    (so,) = seeded.wb.review.signoffs(seeded["writer"], pkg.id)
    assert so.signer_id == seeded["leader"].id
    assert so.signer_name == "用户leader" and so.signer_title == "厅长"
    assert so.opinion == "同意" and so.revision == 1
    assert "T" in so.signed_at and so.signed_at[:4].isdigit()
    from interpreter_app.domain.digest import package_digest
    assert so.digest == package_digest(pkg)


def test_sign_with_wrong_password_refused_and_counted(seeded):
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    with pytest.raises(AuthError, match="再错4次"):
        wb.review.sign(seeded["leader"], pkg.id, "wrong-password")
    assert wb.authoring.get(seeded["leader"], pkg.id).state == workflow.AWAITING_SIGNOFF


def test_content_locked_after_submit(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    wb.review.submit(writer, pkg.id)
    doc = replace(pkg.document, body=pkg.document.body + "。")
    with pytest.raises(PermissionDenied, match="核稿中"):
        wb.authoring.save_document(writer, pkg.id, doc, pkg.document_version)


@pytest.mark.parametrize("part", ["document", "plan", "material"])
def test_change_behind_the_back_blocks_release_and_verify_reports_it(seeded, part):
    pkg = signed_package(seeded)
    conn = raw_connection(seeded.path)
    if part == "document":
        conn.execute("UPDATE documents SET body = replace(body, '1500', '1600')")
    elif part == "plan":
        conn.execute("UPDATE plans SET data = replace(data, '王建国', '王建民')")
    else:
        conn.execute("UPDATE materials SET data = replace(data, '每人1500元', '每人1501元')")
    conn.commit()
    conn.close()
    with pytest.raises(WorkflowError, match="摘要不一致"):
        seeded.wb.review.release(seeded["writer"], pkg.id)
    report = seeded.wb.verify()
    assert not report.ok
    assert any(f"解读包 {pkg.id}" in p and "改动" in p for p in report.problems)


def test_saving_without_change_keeps_digest_and_signoff(seeded):
    wb = seeded.wb
    pkg = signed_package(seeded)
    before = wb.store.packages.stored_digest(pkg.id)
    result = wb.authoring.save_document(seeded["writer"], pkg.id, pkg.document,
                                        pkg.document_version)
    assert not result.changed and result.digest == before
    result = wb.authoring.save_plan(seeded["writer"], pkg.id, pkg.plan, pkg.plan_version)
    assert not result.changed
    wb.authoring.save_material(seeded["writer"], pkg.id, pkg.materials[0])
    assert wb.store.packages.stored_digest(pkg.id) == before
    assert wb.review.release(seeded["writer"], pkg.id).state == workflow.RELEASED


def test_release_sets_one_time_on_every_part_and_freezes_snapshot(seeded):
    pkg = released_package(seeded)
    times = seeded.wb.store.packages.parts_release_times(pkg.id)
    assert times == {pkg.released_at}
    conn = raw_connection(seeded.path)
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("UPDATE revisions SET snapshot = '{}' WHERE kind = 'release'")
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        conn.execute("UPDATE documents SET body = 'x' WHERE package_id = ?", (pkg.id,))
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("DELETE FROM signoffs")


def test_revise_opens_new_revision_and_keeps_released_snapshot(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = released_package(seeded)
    revised = wb.review.revise(writer, pkg.id, "政策调整")
    assert (revised.state, revised.revision) == (workflow.DRAFT, 2)
    kinds = [r.kind for r in wb.review.revisions(writer, pkg.id)]
    assert kinds.count("release") == 1
    doc = replace(revised.document, body=revised.document.body + "\n四、附则")
    assert wb.authoring.save_document(writer, pkg.id, doc, revised.document_version).changed
    assert wb.verify().ok


def test_revoke_voids_signoff_and_release_needs_new_signature(seeded):
    wb = seeded.wb
    pkg = signed_package(seeded)
    wb.review.revoke(seeded["leader"], pkg.id, "数据需要更新")
    (so,) = wb.review.signoffs(seeded["writer"], pkg.id)
    assert so.void
    with pytest.raises(PermissionDenied):
        wb.review.release(seeded["writer"], pkg.id)


def test_stale_save_from_second_connection_is_a_conflict(seeded):
    writer = seeded["writer"]
    pkg = complete_package(seeded.wb, writer)
    other = Workbench.open(seeded.path)
    try:
        mine = seeded.wb.authoring.get(writer, pkg.id)
        theirs = other.authoring.get(writer, pkg.id)
        other.authoring.save_document(writer, pkg.id, replace(theirs.document, body="他们的版本"),
                                      theirs.document_version)
        with pytest.raises(ConflictError):
            seeded.wb.authoring.save_document(writer, pkg.id, replace(mine.document, body="我的版本"),
                                              mine.document_version)
        assert seeded.wb.authoring.get(writer, pkg.id).document.body == "他们的版本"
    finally:
        other.close()


def test_stale_material_save_is_a_conflict(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    material = pkg.materials[0]
    wb.authoring.save_material(writer, pkg.id, replace(material, body="第一次"))
    with pytest.raises(ConflictError):
        wb.authoring.save_material(writer, pkg.id, replace(material, body="过期的保存"))


def test_edits_of_different_parts_do_not_conflict(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    wb.authoring.save_document(writer, pkg.id, replace(pkg.document, body="新正文"),
                               pkg.document_version)
    result = wb.authoring.save_plan(writer, pkg.id, replace(pkg.plan, audiences="高校毕业生"),
                                    pkg.plan_version)
    assert result.changed


def test_audit_edit_behind_the_back_is_named_by_verify(seeded):
    released_package(seeded)
    conn = raw_connection(seeded.path)
    unguard(conn, "audit")
    conn.execute("UPDATE audit SET detail = '{}' WHERE id = 3")
    conn.commit()
    report = seeded.wb.verify()
    assert any("第 3 号事件" in p for p in report.problems)


def test_materials_add_duplicate_reorder_delete(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    copy = wb.authoring.duplicate_material(writer, pkg.id, pkg.materials[0].id)
    pkg = wb.authoring.get(writer, pkg.id)
    assert pkg.materials[1].id == copy.id and copy.title.endswith("（副本）")
    order = [m.id for m in reversed(pkg.materials)]
    wb.authoring.reorder_materials(writer, pkg.id, order)
    assert [m.id for m in wb.authoring.get(writer, pkg.id).materials] == order
    removed = wb.authoring.delete_material(writer, pkg.id, copy.id)
    assert copy.id not in [m.id for m in wb.authoring.get(writer, pkg.id).materials]
    restored = wb.authoring.add_material(writer, pkg.id, removed, 0)
    assert wb.authoring.get(writer, pkg.id).materials[0].id == restored.id


def test_release_refused_when_signature_forged(seeded):
    pkg = signed_package(seeded)
    conn = raw_connection(seeded.path)
    unguard(conn, "signoffs")
    conn.execute("UPDATE signoffs SET opinion = '不同意'")
    conn.commit()
    with pytest.raises(WorkflowError, match="数字签名"):
        seeded.wb.review.release(seeded["writer"], pkg.id)


@pytest.mark.parametrize("title", ["", "   ", "标" * 2000, "含\x07控制字符"])
def test_bad_titles_refused_and_nothing_written(seeded, title):
    wb = seeded.wb
    before = wb.store.packages.ids()
    with pytest.raises(ValidationError):
        wb.authoring.create(seeded["writer"], title)
    assert wb.store.packages.ids() == before


def test_malformed_date_refused_and_nothing_written(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    with pytest.raises(ValidationError, match="日期"):
        wb.authoring.save_document(writer, pkg.id, replace(pkg.document, written_date="2026年13月1日"),
                                   pkg.document_version)
    assert wb.authoring.get(writer, pkg.id).document.written_date == "2026-03-02"


def test_plan_timing_out_of_range_refused(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    with pytest.raises(ValidationError):
        wb.authoring.save_plan(writer, pkg.id, InterpretationPlan(timing="someday"), 0)


def test_unknown_material_kind_refused(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    with pytest.raises(ValidationError, match="材料类型"):
        wb.authoring.add_material(writer, pkg.id, Material(kind="poem", title="诗"))


def test_submit_needs_a_reason_when_document_is_not_proactively_disclosed(seeded):
    wb, writer = seeded.wb, seeded["writer"]
    pkg = complete_package(wb, writer)
    doc = replace(pkg.document, disclosure="依申请公开")
    wb.authoring.save_document(writer, pkg.id, doc, pkg.document_version)
    with pytest.raises(IncompleteError) as err:
        wb.review.submit(writer, pkg.id)
    assert any("理由" in m for m in err.value.details)


def test_signing_reads_the_package_twice_and_asks_the_rules_twice(seeded, monkeypatch):
    """Once to refuse early (before the password counts), once inside the transaction."""
    from interpreter_app.domain import permissions
    from tests.factories import PASSWORD, complete_package

    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    reads, asked = [], []
    get, why_not = wb.store.packages.get, permissions.why_not
    monkeypatch.setattr(wb.store.packages, "get", lambda pid: reads.append(pid) or get(pid))
    monkeypatch.setattr(permissions, "why_not",
                        lambda *a, **k: asked.append(a[1]) or why_not(*a, **k))
    signoff = wb.review.sign(seeded["leader"], pkg.id, PASSWORD, "同意")
    assert reads == [pkg.id, pkg.id] and asked == ["sign", "sign"]
    assert signoff.certified and signoff.digest == wb.store.packages.stored_digest(pkg.id)


def test_a_sign_off_of_content_other_than_what_was_read_writes_nothing(seeded):
    from interpreter_app.domain.errors import WorkflowError
    from tests.factories import PASSWORD, complete_package

    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    events = len(wb.store.audit_events())
    with pytest.raises(WorkflowError, match="内容已变化"):
        wb.review.sign(seeded["leader"], pkg.id, PASSWORD, "同意", expected_digest="0" * 64)
    assert wb.store.packages.get(pkg.id).state == "awaiting_signoff"
    assert wb.store.records.signoffs(pkg.id) == [] and len(wb.store.audit_events()) == events
