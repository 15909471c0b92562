"""The save indicator tells the truth when the database fails under the window, and nothing is lost.

Each fault is made while the workspace is open: the file turned read-only, the disk full, another
program holding the write lock, the file removed or replaced. The header must say 保存失败 with the
reason, the text must stay in the editor and in the recovery journal, and once the cause is gone
重试 (or the next autosave) must save it, say 已保存 and empty the journal.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from interpreter_app import paths
from interpreter_app.services import journal
from interpreter_app.services.workbench import Workbench
from interpreter_app.ui.workspace.recovery import DISCARD, RESTORE
from tests.factories import complete_package
from tests.gui.workspace_helpers import wait_saved
from tests.support.dbdigest import content_digest

pytest_plugins = ("tests.gui.workspace_fixtures",)

TYPED = "（九）失败时仍须保留的一段：补贴在十个工作日内发放到位。"
NO_LIMIT = 2_147_483_646


@pytest.fixture
def draft(seeded):
    """A complete draft package of the writer."""
    return complete_package(seeded.wb, seeded["writer"])


@pytest.fixture
def ws(seeded, draft, make_workspace):
    """The writer's workspace on the draft."""
    return make_workspace(seeded["writer"], seeded.wb, draft.id)


@dataclass
class Fault:
    """A way the database fails under the open window, the reason shown, and its cure."""

    make: Callable[[], None]
    cure: Callable[[], None]
    reason: str


def _read_only(seeded) -> Fault:
    conn = seeded.wb.store.conn
    return Fault(lambda: conn.execute("PRAGMA query_only = ON"),
                 lambda: conn.execute("PRAGMA query_only = OFF"), "只读")


def _disk_full(seeded) -> Fault:
    # SQLite's own limit on the file's size fails exactly as a full disk does (SQLITE_FULL).
    conn = seeded.wb.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return Fault(lambda: conn.execute(f"PRAGMA max_page_count = {pages}"),
                 lambda: conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}"), "磁盘空间不足")


def _locked(seeded) -> Fault:
    # Our wait for the lock is cut short so the test does not sit through the real patience.
    seeded.wb.store.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(seeded.path, isolation_level=None)
    return Fault(lambda: other.execute("BEGIN EXCLUSIVE"),
                 lambda: (other.execute("ROLLBACK"), other.close()), "占用")


def _removed(seeded) -> Fault:
    path, aside = str(seeded.path), str(seeded.path) + ".moved"
    return Fault(lambda: os.rename(path, aside), lambda: os.rename(aside, path), "删除或移走")


def _replaced(seeded) -> Fault:
    path, aside = str(seeded.path), str(seeded.path) + ".original"
    copy = str(seeded.path) + ".other"

    def make() -> None:
        seeded.wb.store.conn.execute("VACUUM INTO ?", (copy,))  # another valid database
        os.rename(path, aside)
        os.rename(copy, path)

    def cure() -> None:
        os.remove(path)
        os.rename(aside, path)

    return Fault(make, cure, "替换")


FAULTS = {"read_only": _read_only, "disk_full": _disk_full, "locked": _locked,
          "removed": _removed, "replaced": _replaced}


@pytest.fixture(params=list(FAULTS))
def fault(request, seeded) -> Fault:
    """Each way the database can fail under the window."""
    return FAULTS[request.param](seeded)


def journal_dir():
    """The recovery journal of this test (its own user data folder)."""
    return paths.recovery_dir()


def _journal_body(seeded, package_id) -> str | None:
    entry = journal.load(journal_dir(), seeded.path, seeded["writer"].id, package_id)
    part = entry.part("document") if entry else None
    return part.value.body if part else None


def _stored_body(seeded, package_id) -> str:
    return seeded.wb.authoring.get(seeded["writer"], package_id).document.body


def _type_and_fail(qtbot, ws, fault: Fault) -> list[str]:
    states: list[str] = []
    ws.autosave.state_changed.connect(lambda state, _m: states.append(state))
    fault.make()
    ws.document_tab.body.editor.appendPlainText(TYPED)
    qtbot.waitUntil(lambda: ws.autosave.state == "failed", timeout=5000)
    return states


def test_a_failed_save_says_so_and_keeps_the_text(qtbot, seeded, draft, ws, fault):
    states = _type_and_fail(qtbot, ws, fault)
    header = ws.header
    assert "saved" not in states, "已保存 was shown although nothing was committed"
    assert header.save_state.property("state") == "failed"
    assert header.retry_button.isVisibleTo(ws)
    assert header.save_problem.isVisibleTo(ws) and fault.reason in header.save_problem.text()
    assert fault.reason in header.save_state.toolTip()
    assert ws.document_tab.body.text().endswith(TYPED)
    assert ws.has_unsaved()
    assert _journal_body(seeded, draft.id).endswith(TYPED)
    fault.cure()
    assert TYPED not in _stored_body(seeded, draft.id)
    qtbot.mouseClick(header.retry_button, Qt.LeftButton)
    assert header.save_state.property("state") == "saved"
    assert not header.retry_button.isVisibleTo(ws) and not header.save_problem.isVisibleTo(ws)
    assert _stored_body(seeded, draft.id).endswith(TYPED)
    assert _journal_body(seeded, draft.id) is None
    assert not journal.entry_path(journal_dir(), seeded.path, seeded["writer"].id,
                                  draft.id).exists()


def test_the_next_autosave_saves_once_the_cause_is_gone(qtbot, seeded, draft, ws):
    fault = _read_only(seeded)
    _type_and_fail(qtbot, ws, fault)
    ws.document_tab.body.editor.appendPlainText("再补一句。")
    assert ws.header.save_state.property("state") == "failed", "保存失败 stays while it fails"
    qtbot.waitUntil(lambda: _journal_body(seeded, draft.id).endswith("再补一句。"), timeout=3000)
    fault.cure()
    ws.document_tab.body.editor.appendPlainText("好")
    wait_saved(qtbot, ws)
    assert _stored_body(seeded, draft.id).endswith(TYPED + "\n再补一句。\n好")
    assert _journal_body(seeded, draft.id) is None


def test_a_crashed_session_is_offered_back_at_the_next_open(qtbot, seeded, draft, ws,
                                                            make_workspace, ws_alerts):
    fault = _read_only(seeded)
    _type_and_fail(qtbot, ws, fault)
    with ws.autosave.paused():  # the first window is gone: its timers never fire again
        fault.cure()
        before = content_digest(seeded.path)
        ws_alerts.choose_answer = RESTORE
        second = Workbench.open(seeded.path)
        again = make_workspace(seeded["writer"], second, draft.id)
        try:
            offer = ws_alerts.texts("choose")[-1]
            assert "年" in offer and "日" in offer, "the offer says when the edits were made"
            assert "Policy document" in offer and TYPED[:12] in offer, "and what it holds"
            assert again.document_tab.body.text().endswith(TYPED)
            assert again.has_unsaved() and again.autosave.state == "dirty"
            assert content_digest(seeded.path) == before, "restoring alone writes nothing"
            with qtbot.waitSignal(again.events.package_changed, timeout=3000):
                wait_saved(qtbot, again)
            assert second.authoring.get(seeded["writer"], draft.id).document.body.endswith(TYPED)
            assert _journal_body(seeded, draft.id) is None
        finally:
            again.autosave.forget()
            second.close()


def test_discarding_the_offer_removes_the_journal_and_changes_nothing(qtbot, seeded, draft, ws,
                                                                      make_workspace, ws_alerts):
    fault = _read_only(seeded)
    _type_and_fail(qtbot, ws, fault)
    with ws.autosave.paused():
        fault.cure()
        before = content_digest(seeded.path)
        ws_alerts.choose_answer = DISCARD
        again = make_workspace(seeded["writer"], seeded.wb, draft.id)
        assert not again.document_tab.body.text().endswith(TYPED)
        assert not again.has_unsaved()
        assert _journal_body(seeded, draft.id) is None
        assert content_digest(seeded.path) == before


def test_an_offer_put_off_is_kept_through_other_edits(qtbot, seeded, draft, ws, make_workspace,
                                                      ws_alerts):
    fault = _read_only(seeded)
    _type_and_fail(qtbot, ws, fault)
    with ws.autosave.paused():
        ws.plan_tab.outline.editor.appendPlainText("四、计划里也没保存的一条")
        ws.autosave.flush()  # still read-only: the plan joins the journal
        fault.cure()
        ws_alerts.choose_answer = None  # cancel: decide later
        again = make_workspace(seeded["writer"], seeded.wb, draft.id)
        again.document_tab.body.editor.appendPlainText("新会话里的另一段。")
        wait_saved(qtbot, again)
        entry = journal.load(journal_dir(), seeded.path, seeded["writer"].id, draft.id)
        assert entry is not None and [p.key for p in entry.parts] == ["document", "plan"]
        assert entry.part("document").value.body.endswith(TYPED)


def test_a_restored_edit_on_a_part_saved_elsewhere_meanwhile_is_a_conflict(
        qtbot, seeded, draft, ws, make_workspace, ws_alerts):
    fault = _read_only(seeded)
    _type_and_fail(qtbot, ws, fault)
    with ws.autosave.paused():
        fault.cure()
        stored = seeded.wb.authoring.get(seeded["writer"], draft.id)
        stored.document.body += "\n别处保存的一段。"
        seeded.wb.authoring.save_document(seeded["writer"], draft.id, stored.document,
                                          stored.document_version)
        ws_alerts.choose_answer = RESTORE
        again = make_workspace(seeded["writer"], seeded.wb, draft.id)
        ws_alerts.choose_answer = None  # the conflict question: decide later
        assert again.save_now() is False
        assert again.autosave.state == "conflict"
        body = _stored_body(seeded, draft.id)
        assert "别处保存的一段。" in body and TYPED not in body, "nothing was overwritten"
        assert _journal_body(seeded, draft.id).endswith(TYPED)


def test_a_journal_that_cannot_be_written_is_said(qtbot, seeded, draft, make_workspace,
                                                  tmp_path, monkeypatch):
    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(journal, "write", refuse)
    ws = make_workspace(seeded["writer"], seeded.wb, draft.id)
    _type_and_fail(qtbot, ws, _read_only(seeded))
    assert "Permission denied" in ws.header.save_problem.text()
    assert ws.document_tab.body.text().endswith(TYPED)
    with contextlib.suppress(Exception):
        seeded.wb.store.conn.execute("PRAGMA query_only = OFF")


def test_a_package_submitted_elsewhere_meanwhile_says_why_and_keeps_the_text(
        qtbot, seeded, draft, ws):
    seeded.wb.review.submit(seeded["writer"], draft.id)  # from another window
    ws.document_tab.body.editor.appendPlainText(TYPED)
    qtbot.waitUntil(lambda: ws.autosave.state != "dirty", timeout=3000)
    assert ws.header.save_state.property("state") == "failed"
    assert ws.header.save_problem.isVisibleTo(ws) and ws.header.retry_button.isVisibleTo(ws)
    assert _journal_body(seeded, draft.id).endswith(TYPED)
