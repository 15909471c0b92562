"""At the next start, edits a crashed session left in the recovery journal are offered back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from interpreter_app import paths
from interpreter_app.services import journal
from interpreter_app.ui.workspace.recovery import RESTORE
from tests.factories import complete_package
from tests.support.dbdigest import content_digest

LEFT = "（五）崩溃前写下、尚未保存的一段。"


@pytest.fixture
def draft(seeded):
    """A complete draft package of the writer."""
    return complete_package(seeded.wb, seeded["writer"])


def _leave_in_journal(seeded, package, user="writer", material_text: str | None = None) -> None:
    """What a session that crashed with unsaved edits leaves behind."""
    document = replace(package.document, body=package.document.body + "\n" + LEFT)
    parts = [journal.JournalPart("document", package.document_version, document)]
    if material_text is not None:
        m = package.materials[0]
        parts.append(journal.JournalPart(f"material:{m.id}", m.row_version,
                                         replace(m, body=m.body + "\n" + material_text)))
    journal.write(paths.recovery_dir(), journal.JournalEntry(
        str(seeded.path), seeded[user].id, package.id, "2026-12-02T17:40:00+08:00",
        package.title, parts))


def test_the_window_opens_the_package_and_offers_its_unsaved_edits(qtbot, seeded, draft,
                                                                   make_window, alert_log):
    _leave_in_journal(seeded, draft, material_text="材料里未保存的一句。")
    alert_log.choose_answer = RESTORE
    window = make_window("writer")
    window.offer_recovery()
    ws = window.workspace
    assert window.current_package_id() == draft.id
    offer = alert_log.calls[-1][2]
    assert "2026年12月2日 17:40" in offer and LEFT[:10] in offer and "材料里未保存的一句。" in offer
    assert ws.document_tab.body.text().endswith(LEFT) and ws.has_unsaved()
    mid = draft.materials[0].id
    assert ws.materials_tab.editor(mid).body.text().endswith("材料里未保存的一句。")
    with qtbot.waitSignal(window._refresh_timer.timeout, timeout=3000):  # list follows the save
        assert ws.save_now()
    stored = seeded.wb.authoring.get(seeded["writer"], draft.id)
    assert stored.document.body.endswith(LEFT)
    assert stored.materials[0].body.endswith("材料里未保存的一句。")
    assert journal.list_entries(paths.recovery_dir(), seeded.path, seeded["writer"].id) == []


def test_another_users_journal_is_not_offered(seeded, draft, make_window, alert_log):
    _leave_in_journal(seeded, draft, user="writer2")
    window = make_window("writer")
    window.offer_recovery()
    assert alert_log.calls == [] and window.current_package_id() is None


def test_a_package_locked_since_is_offered_only_to_discard_or_keep(seeded, draft, make_window,
                                                                   alert_log):
    seeded.wb.review.submit(seeded["writer"], draft.id)
    locked = seeded.wb.authoring.get(seeded["writer"], draft.id)
    _leave_in_journal(seeded, locked)
    before = content_digest(seeded.path)
    alert_log.choose_answer = None  # keep it for when the package can be edited again
    window = make_window("writer")
    window.offer_recovery()
    assert "cannot be edited now" in alert_log.calls[-1][2]
    assert not window.workspace.has_unsaved()
    assert content_digest(seeded.path) == before
    assert journal.load(paths.recovery_dir(), seeded.path, seeded["writer"].id, draft.id)


def test_edits_to_a_material_deleted_since_stay_kept(qtbot, seeded, draft, make_window,
                                                     alert_log):
    _leave_in_journal(seeded, draft, material_text="已删除材料里的一句。")
    first = draft.materials[0]
    seeded.wb.authoring.delete_material(seeded["writer"], draft.id, first.id)
    alert_log.choose_answer = RESTORE
    window = make_window("writer")
    window.offer_recovery()
    assert "(deleted since)" in alert_log.calls[-1][2]
    assert window.workspace.document_tab.body.text().endswith(LEFT)
    with qtbot.waitSignal(window._refresh_timer.timeout, timeout=3000):
        assert window.workspace.save_now()
    entry = journal.load(paths.recovery_dir(), seeded.path, seeded["writer"].id, draft.id)
    assert [p.key for p in entry.parts] == [f"material:{first.id}"]
    assert entry.part(f"material:{first.id}").value.body.endswith("已删除材料里的一句。")
