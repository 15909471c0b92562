"""Tabs other than the document are built on first use and then show the package like the rest."""

from __future__ import annotations

from dataclasses import replace

from tests.factories import complete_package
from tests.gui.workspace_helpers import type_text, wait_checks, wait_saved

pytest_plugins = ("tests.gui.workspace_fixtures",)

LAZY = ("plan", "materials", "signoff", "history")


def test_opening_a_package_builds_only_the_document_tab(seeded, make_workspace, qtbot):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    assert not any(ws.is_built(name) for name in LAZY)
    assert ws.document_tab.form.fields["title"].line.text() == package.document.title
    wait_checks(qtbot, ws)  # the checks read the whole working copy without building tabs
    assert not any(ws.is_built(name) for name in LAZY)
    assert ws.working_copy().plan == package.plan
    assert [m.id for m in ws.working_copy().materials] == [m.id for m in package.materials]


def test_clicking_a_tab_builds_it_with_the_package_shown(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    ws.tabs.setCurrentIndex(1)  # as a click on 解读方案 does
    assert ws.is_built("plan")
    assert ws.tabs.currentWidget() is ws.plan_tab
    assert ws.plan_tab.lead_unit.text() == package.plan.lead_unit
    ws.tabs.setCurrentIndex(2)
    assert ws.tabs.currentWidget() is ws.materials_tab
    assert ws.materials_tab.list.ids() == [m.id for m in package.materials]
    assert [ws.tabs.tabText(i) for i in range(ws.tabs.count())] == \
        ["Policy document", "Interpretation plan", "Materials", "Review and sign-off", "History"]


def test_a_tab_built_late_respects_the_readers_rights(seeded, make_workspace):
    package = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], package.id)
    ws = make_workspace(seeded["reviewer"], seeded.wb, package.id)
    ws.tabs.setCurrentIndex(1)
    assert ws.plan_tab.lead_unit.isReadOnly()
    assert ws.plan_tab.outline.editor.comments_allowed


def test_an_edit_in_a_late_built_tab_is_saved(seeded, make_workspace, qtbot):
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    ws.tabs.setCurrentIndex(1)
    ws.plan_tab.lead_unit.clear()
    type_text(ws.plan_tab.lead_unit, "省发展改革委")
    wait_saved(qtbot, ws)
    stored = seeded.wb.authoring.get(seeded["writer"], package.id)
    assert stored.plan.lead_unit == "省发展改革委"


def test_a_built_tab_follows_the_next_package(seeded, make_workspace):
    first = complete_package(seeded.wb, seeded["writer"])
    second = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.authoring.save_plan(seeded["writer"], second.id,
                                  replace(second.plan, lead_unit="省财政厅"), second.plan_version)
    ws = make_workspace(seeded["writer"], seeded.wb, first.id)
    ws.tabs.setCurrentIndex(1)
    ws.open_package(second.id)
    assert ws.plan_tab.lead_unit.text() == "省财政厅"


def test_plan_shows_the_time_limit_and_warns_beyond_it(seeded, make_workspace):
    seeded.wb.statistics.set_limit_days(seeded["admin"], 2)
    package = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, package.id)
    plan = ws.plan_tab
    plan.within.setChecked(True)
    plan.days.setValue(2)
    assert plan.limit_note.text() == "Limit here: 2 working days"  # English: no translator here
    plan.days.setValue(4)
    assert plan.limit_note.text() == "Beyond the limit of 2 working days: it will count as late"
