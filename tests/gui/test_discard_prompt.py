"""放弃修改 discards: no autosave runs while the prompt about unsaved edits is open."""

from __future__ import annotations

import pytest

from interpreter_app import paths
from interpreter_app.services import journal
from interpreter_app.ui import alerts
from interpreter_app.ui.workspace import autosave
from tests.factories import complete_package
from tests.support.dbdigest import content_digest

AUTOSAVE_MS = 60
PROMPT_OPEN_MS = AUTOSAVE_MS * 8  # long enough for several autosaves, were any to run
TYPED = "这一段不应写进数据库。"
SAVE, DISCARD = 0, 1


@pytest.fixture
def draft(seeded):
    """A complete draft package of the writer."""
    return complete_package(seeded.wb, seeded["writer"])


@pytest.fixture
def window(qtbot, make_window, settings, monkeypatch, draft):
    """The writer's window on the draft, with a short autosave pause and retry."""
    settings.autosave_delay_ms = AUTOSAVE_MS
    monkeypatch.setattr(autosave, "RETRY_MS", AUTOSAVE_MS)
    w = make_window("writer")
    w.show()
    w.open_package(draft.id)
    yield w
    w.workspace.autosave.forget()
    w._refresh_timer.stop()  # no list refresh after the database is closed


def _answer_after_a_while(qtbot, monkeypatch, name: str, answer, states: list[str], before=None):
    """Patch alerts.<name>: keep the prompt 'open' past several autosave pauses, then answer."""
    def prompt(*_args, **_kwargs):
        if before:
            before()
        qtbot.wait(PROMPT_OPEN_MS)
        states.append("answered")
        return answer

    monkeypatch.setattr(alerts, name, prompt)


def _journal(seeded, package_id):
    return journal.load(paths.recovery_dir(), seeded.path, seeded["writer"].id, package_id)


def test_discard_when_closing_leaves_the_database_exactly_as_it_was(qtbot, seeded, draft, window,
                                                                    monkeypatch):
    ws = window.workspace
    states: list[str] = []
    ws.autosave.state_changed.connect(lambda state, _m: states.append(state))
    before = content_digest(seeded.path)
    ws.document_tab.body.editor.appendPlainText(TYPED)
    _answer_after_a_while(qtbot, monkeypatch, "choose", DISCARD, states)
    assert window.close()
    assert states[:2] == ["dirty", "answered"], "no save was attempted while the prompt was open"
    assert content_digest(seeded.path) == before
    assert not ws.has_unsaved()
    assert _journal(seeded, draft.id) is None


def test_cancel_keeps_the_edits_and_autosave_resumes(qtbot, seeded, draft, window, monkeypatch):
    ws = window.workspace
    states: list[str] = []
    ws.autosave.state_changed.connect(lambda state, _m: states.append(state))
    ws.document_tab.body.editor.appendPlainText(TYPED)
    _answer_after_a_while(qtbot, monkeypatch, "choose", None, states)
    with qtbot.waitSignal(window._refresh_timer.timeout, timeout=3000):  # the list follows
        assert not window.close()
        assert states[:2] == ["dirty", "answered"]
    assert ws.autosave.state == "saved"
    assert seeded.wb.authoring.get(seeded["writer"], draft.id).document.body.endswith(TYPED)


def test_discard_after_a_failed_save_when_switching_package(qtbot, seeded, draft, window,
                                                            monkeypatch):
    other = complete_package(seeded.wb, seeded["writer"])
    ws, conn = window.workspace, seeded.wb.store.conn
    conn.execute("PRAGMA query_only = ON")  # the save fails; the retry timer starts
    ws.document_tab.body.editor.appendPlainText(TYPED)
    qtbot.waitUntil(lambda: ws.autosave.state == "failed", timeout=3000)
    assert _journal(seeded, draft.id) is not None
    before = content_digest(seeded.path)
    states: list[str] = []
    ws.autosave.state_changed.connect(lambda state, _m: states.append(state))

    def cured_while_asking() -> None:  # a retry now would succeed, and must not run
        conn.execute("PRAGMA query_only = OFF")

    _answer_after_a_while(qtbot, monkeypatch, "confirm", True, states, cured_while_asking)
    states.clear()
    window.open_package(other.id)
    assert states.count("saving") == 1 and states.index("saving") < states.index("answered"), \
        "only the save before the question ran"
    assert content_digest(seeded.path) == before
    assert ws.package_id == other.id and not ws.has_unsaved()
    assert _journal(seeded, draft.id) is None


def test_closing_while_saves_fail_can_keep_the_edits_for_the_next_start(qtbot, seeded, draft,
                                                                        window, alert_log):
    ws, conn = window.workspace, seeded.wb.store.conn
    conn.execute("PRAGMA query_only = ON")
    ws.document_tab.body.editor.appendPlainText(TYPED)
    qtbot.waitUntil(lambda: ws.autosave.state == "failed", timeout=3000)
    alert_log.choose_answer = 2  # keep for the next start
    assert window.close()
    conn.execute("PRAGMA query_only = OFF")
    before = content_digest(seeded.path)
    qtbot.wait(AUTOSAVE_MS * 4)
    assert content_digest(seeded.path) == before, "nothing saves after the window closed"
    assert _journal(seeded, draft.id).part("document").value.body.endswith(TYPED)
