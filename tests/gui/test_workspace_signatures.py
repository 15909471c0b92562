"""The 审签 tab says plainly when a sign-off's signature does not stand."""

from __future__ import annotations

import sqlite3

from tests.factories import signed_package

pytest_plugins = ("tests.gui.workspace_fixtures",)


def test_signoff_tab_shows_a_valid_certified_signature(seeded, make_workspace):
    pkg = signed_package(seeded)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    tab = ws.signoff_tab
    tab.refresh()
    assert tab.signoffs.item(0, 5).text() == "Valid (certified signature)"
    assert tab.broken_banner.isHidden()


def test_signoff_tab_shows_a_broken_signature_in_red_with_a_banner(seeded, make_workspace, qtbot):
    pkg = signed_package(seeded)
    conn = sqlite3.connect(seeded.path)
    conn.execute("DROP TRIGGER signoffs_no_update")
    conn.execute("UPDATE signoffs SET opinion = '同意（已核）' WHERE package_id = ?", (pkg.id,))
    conn.commit()
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    tab = ws.signoff_tab
    tab.refresh()
    status = tab.signoffs.item(0, 5)
    assert status.text() == "Signature broken (see above)"
    assert status.foreground().color().name() == "#c5221f"
    assert not tab.broken_banner.isHidden() and "Do not release" in tab.broken_banner.text()
    assert "数字签名无效" in tab.broken_banner.text()
