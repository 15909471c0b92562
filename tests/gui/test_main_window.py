"""The main window: counts follow workflow actions, closing asks about unsaved work, layout memory."""

from __future__ import annotations

from interpreter_app.services import listing
from tests.factories import complete_package


def test_counts_update_after_a_workflow_action(qtbot, make_window, seeded, events):
    package = complete_package(seeded.wb, seeded["writer"])
    window = make_window("reviewer")
    assert window.views.text_of(listing.TO_REVIEW).endswith("  0")
    seeded.wb.review.submit(seeded["writer"], package.id)
    events.package_changed.emit(package.id)
    qtbot.waitUntil(lambda: window.views.text_of(listing.TO_REVIEW).endswith("  1"), timeout=2000)
    assert window.packages.model.rowCount() == 1


def test_refresh_keeps_the_selected_package(qtbot, make_window, seeded, events):
    wb, writer = seeded.wb, seeded["writer"]
    first = wb.authoring.create(writer, "第一个解读包")
    window = make_window("writer")
    window.packages.select_row(0)
    assert window.current_package_id() == first.id
    wb.authoring.create(writer, "第二个解读包")
    events.packages_changed.emit()
    qtbot.waitUntil(lambda: window.packages.model.rowCount() == 2, timeout=2000)
    selected = window.packages.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [window.packages.model.row_of(first.id)]


def test_closing_with_unsaved_work_asks_and_cancel_keeps_the_window(make_window, monkeypatch,
                                                                      alert_log):
    window = make_window("writer")
    window.show()
    monkeypatch.setattr(window.workspace, "has_unsaved", lambda: True)
    alert_log.choose_answer = None  # cancel
    assert not window.close()
    assert alert_log.kinds() == ["choose"]
    assert window.isVisible()


def test_closing_with_unsaved_work_can_save_first(make_window, monkeypatch, alert_log):
    window = make_window("writer")
    window.show()
    saved = []
    monkeypatch.setattr(window.workspace, "has_unsaved", lambda: True)
    monkeypatch.setattr(window.workspace, "save_now", lambda: saved.append(True) or True)
    alert_log.choose_answer = 0  # save
    assert window.close()
    assert saved == [True]


def test_closing_remembers_the_splitters(make_window, settings):
    window = make_window("writer")
    window.show()
    window.inner.setSizes([200, 600])
    window.close()
    assert settings.for_user("writer").splitter_sizes("inner")[0] in range(190, 211)
    assert settings.for_user("writer").window_geometry() is not None


def test_each_user_finds_their_own_layout_and_view(make_window, settings):
    from interpreter_app.services import listing

    writer = make_window("writer")
    writer.show()
    writer.inner.setSizes([180, 620])
    writer.views.select_view(listing.ALL)
    writer.packages.table.setColumnWidth(4, 333)
    writer.close()
    reviewer = make_window("reviewer")  # the same PC, the same settings file
    reviewer.show()
    assert reviewer.views.current_view() == listing.TO_REVIEW
    assert reviewer.inner.sizes()[0] not in range(170, 191)
    reviewer.inner.setSizes([400, 400])
    reviewer.close()
    again = make_window("writer")
    again.show()
    assert again.views.current_view() == listing.ALL
    assert again.inner.sizes()[0] in range(170, 191)
    assert again.packages.table.columnWidth(4) == 333
    assert reviewer.packages.table.columnWidth(4) != 333


def test_admin_menu_only_for_administrators(make_window):
    titles = [a.text() for a in make_window("admin").menuBar().actions()]
    writer_titles = [a.text() for a in make_window("writer").menuBar().actions()]
    assert len(titles) == len(writer_titles) + 1


def test_writer_may_create_but_reviewer_may_not(make_window):
    assert make_window("writer").main_actions.new_package.isEnabled()
    reviewer = make_window("reviewer")
    assert not reviewer.main_actions.new_package.isEnabled()
    assert not reviewer.main_actions.import_file.isEnabled()
    assert not reviewer.main_actions.backup.isVisible()


def test_first_start_gives_the_list_its_default_height_with_a_package_open(make_window, seeded,
                                                                           qtbot):
    """The workspace does not claim the plan and materials tabs' height before they are shown."""
    package = complete_package(seeded.wb, seeded["writer"])
    window = make_window("writer")
    window.resize(1440, 900)
    window.show()
    window.open_package(package.id)
    qtbot.waitUntil(lambda: window.workspace.package_id == package.id)
    assert window.inner.sizes()[0] in range(290, 311)
    window.inner.setSizes([600, 200])  # and the writer may give the list most of the room
    assert window.inner.sizes()[1] < 300
