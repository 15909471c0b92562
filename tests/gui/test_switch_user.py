"""注销/切换用户: the writer's work is saved and closed, the reviewer logs in in the same run."""

from __future__ import annotations

import pytest

from interpreter_app.services import listing
from interpreter_app.ui import alerts
from interpreter_app.ui.desk import Desk
from interpreter_app.ui.login import LoginDialog
from tests.factories import PASSWORD, complete_package


@pytest.fixture
def desk(qtbot, seeded, settings):
    """The writer's window, opened as after the log-in at start."""
    made = Desk(seeded.wb, settings)
    window = made.open(seeded["writer"])
    qtbot.addWidget(window)
    yield made
    if made.window is not None:
        made.window.close()


def _next_log_in(monkeypatch, seeded, username: str | None) -> list[str]:
    asked: list[str] = []

    def log_in(_parent, accounts, _settings, _hint=None):
        asked.append("login")
        return accounts.login(username, PASSWORD) if username else None

    monkeypatch.setattr(LoginDialog, "ask", log_in)
    return asked


def test_switching_from_writer_to_reviewer_shows_the_reviewers_views(qtbot, seeded, desk,
                                                                     monkeypatch):
    package = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], package.id)
    writer_window = desk.window
    _next_log_in(monkeypatch, seeded, "reviewer")
    writer_window.main_actions.log_out.trigger()
    reviewer_window = desk.window
    qtbot.addWidget(reviewer_window)
    assert reviewer_window is not writer_window and reviewer_window.user.username == "reviewer"
    assert reviewer_window.isVisible() and not writer_window.isVisible()
    assert reviewer_window.views.current_view() == listing.TO_REVIEW
    assert reviewer_window.views.text_of(listing.TO_REVIEW).endswith("  1")
    assert reviewer_window.views.text_of(listing.MINE) == ""  # the writer's views are gone
    assert "用户reviewer" in reviewer_window.windowTitle()
    # The reviewer's own key signs: the writer's was forgotten at log-out.
    seeded.wb.review.pass_review(reviewer_window.user, package.id)
    with pytest.raises(Exception, match="签名密钥未解锁"):
        seeded.wb.review.submit(seeded["writer"], complete_package(seeded.wb, seeded["writer"]).id)


def test_log_out_saves_the_open_packages_pending_edits(qtbot, seeded, desk, monkeypatch):
    package = seeded.wb.authoring.create(seeded["writer"], "关于促进高校毕业生就业的通知")
    window = desk.window
    window.show_package(package.id)
    window.workspace.document_tab.body.editor.setPlainText("一、总体要求\n做好就业工作。")
    assert window.workspace.has_unsaved()
    _next_log_in(monkeypatch, seeded, "reviewer")
    window.main_actions.log_out.trigger()
    qtbot.addWidget(desk.window)
    assert seeded.wb.authoring.get(seeded["admin"], package.id).document.body == \
        "一、总体要求\n做好就业工作。"


def test_log_out_is_refused_when_the_edits_can_neither_be_saved_nor_dropped(qtbot, seeded, desk,
                                                                          monkeypatch):
    package = seeded.wb.authoring.create(seeded["writer"], "关于促进高校毕业生就业的通知")
    window = desk.window
    window.show_package(package.id)
    window.workspace.document_tab.body.editor.setPlainText("未保存的正文")
    monkeypatch.setattr(window.workspace, "save_now", lambda: False)
    asked_discard: list[str] = []
    monkeypatch.setattr(alerts, "confirm",
                        lambda _p, _t, text, **_k: asked_discard.append(text) or False)
    asked = _next_log_in(monkeypatch, seeded, "reviewer")
    window.main_actions.log_out.trigger()
    assert asked_discard and asked == []  # asked about the edits, never for a log-in
    assert desk.window is window and window.isVisible() and window.isEnabled()
    assert window.workspace.has_unsaved()


def test_cancelling_the_next_log_in_closes_the_window(qtbot, seeded, desk, monkeypatch):
    window = desk.window
    _next_log_in(monkeypatch, seeded, None)
    window.main_actions.log_out.trigger()
    assert desk.window is None and not window.isVisible()
