"""网站上网情况 in the 审签 tab: hidden before release, records a page's address, shows 已上网."""

from __future__ import annotations

import datetime as dt

from interpreter_app.ui.workspace.posting_panel import PostingDialog, PostingInput
from tests.factories import released_package, signed_package

pytest_plugins = ("tests.gui.workspace_fixtures",)
NOW = dt.datetime.now().strftime("%Y-%m-%dT%H:%M")


def test_panel_is_hidden_until_release(seeded, make_workspace):
    pkg = signed_package(seeded)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    assert ws.signoff_tab.posting.isHidden()


def test_recording_every_page_shows_posted_with_links(qtbot, seeded, make_workspace, monkeypatch,
                                                      tmp_path):
    pkg = released_package(seeded)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    ws.tabs.setCurrentWidget(ws.signoff_tab)
    panel = ws.signoff_tab.posting
    assert not panel.isHidden() and panel.record_button.isEnabled()
    assert "未" in panel.summary.text() or "Not" in panel.summary.text()
    parts = [p for p, _t, _x in seeded.wb.outreach.posting_status(seeded["writer"], pkg.id).pages]
    answers = iter(PostingInput(part, f"https://zwgk.example.gov/{n}.html", NOW, "")
                   for n, part in enumerate(parts))
    monkeypatch.setattr(PostingDialog, "ask", classmethod(lambda cls, *a, **k: next(answers)))
    for _ in parts:
        panel.record()
    assert seeded.wb.outreach.posting_status(seeded["writer"], pkg.id).posted
    assert panel.table.item(0, 1).text() == "https://zwgk.example.gov/0.html"
    ws.signoff_tab.grab().save(str(tmp_path / "posting.png"))


def test_a_refused_address_is_reported_not_recorded(seeded, make_workspace, monkeypatch,
                                                    ws_alerts):
    pkg = released_package(seeded)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    monkeypatch.setattr(PostingDialog, "ask", classmethod(
        lambda cls, *a, **k: PostingInput("policy", "zwgk.example.gov", NOW, "")))
    ws.signoff_tab.posting.record()
    assert any("网址" in t for t in ws_alerts.texts("error"))


def test_dialog_offers_the_first_page_not_yet_posted(qtbot):
    dialog = PostingDialog([("document", "政策文件"), ("material:a", "政策问答")])
    qtbot.addWidget(dialog)
    assert dialog.page.count() == 2
    dialog.url.setText(" https://x.example/a ")
    value = dialog.value()
    assert value.part == "document" and value.url == "https://x.example/a"
