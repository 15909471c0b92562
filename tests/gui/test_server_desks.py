"""Two desks (two windows, two users, two connections) on one PostgreSQL server."""

from __future__ import annotations

import pytest

from interpreter_app.domain import workflow
from interpreter_app.services.workbench import Workbench
from interpreter_app.ui.events import AppEvents
from interpreter_app.ui.main_window import MainWindow
from interpreter_app.ui.server_dialog import ServerDialog
from interpreter_app.ui.settings import AppSettings
from tests.factories import PASSWORD, complete_package, seed


@pytest.fixture
def server(pg_url):
    data = seed(pg_url)
    yield data
    data.wb.close()


@pytest.fixture
def desk(qtbot, tmp_path, pg_url, server):
    """A window of its own (own connection, own settings) for one of the seeded users."""
    opened = []

    def build(username: str) -> MainWindow:
        wb = Workbench.open(pg_url)
        settings = AppSettings.at_path(str(tmp_path / f"{username}.ini"))
        window = MainWindow(wb, server[username], AppEvents(), settings)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield build
    from PySide6.QtCore import QThreadPool

    for window in opened:
        window.live.stop()
        window._refresh_timer.stop()  # no list refresh after the database is gone
    QThreadPool.globalInstance().waitForDone(10_000)
    for window in opened:
        window.workbench.close()


def test_the_leaders_sign_off_arrives_in_the_writers_open_package(qtbot, server, desk):
    pkg = complete_package(server.wb, server["writer"])
    writer = desk("writer")
    writer.open_package(pkg.id)
    leader = desk("leader")
    writer.workbench.review.submit(server["writer"], pkg.id)
    server.wb.review.pass_review(server["reviewer"], pkg.id)
    qtbot.waitUntil(lambda: leader.live.toast.isVisible(), timeout=5000)
    assert "待我签发" in leader.live.toast.label.text() or "To sign" in leader.live.toast.label.text()
    leader.workbench.review.sign(server["leader"], pkg.id, PASSWORD, "同意")
    qtbot.waitUntil(lambda: writer.workspace.session.package.state == workflow.SIGNED,
                    timeout=5000)
    qtbot.waitUntil(lambda: writer.views.text_of("signed").endswith(" 1"), timeout=5000)


def test_an_edit_on_another_desk_is_flagged_when_this_desk_has_unsaved_changes(
        qtbot, server, desk):
    from dataclasses import replace

    pkg = complete_package(server.wb, server["writer"])
    mine = desk("writer")
    mine.open_package(pkg.id)
    mine.workspace.autosave.stop()  # keep this desk's edit unsaved
    mine.workspace.document_tab.body.editor.appendPlainText("本机尚未保存的修改。")
    qtbot.waitUntil(mine.workspace.has_unsaved, timeout=3000)
    server.wb.authoring.save_plan(server["writer2"], pkg.id,
                                  replace(pkg.plan, audiences="高校毕业生"), pkg.plan_version)
    qtbot.waitUntil(lambda: mine.live.toast.isVisible(), timeout=5000)
    assert "用户writer2" in mine.live.toast.label.text()


def test_the_server_dialog_saves_the_address_but_never_the_password(qtbot, tmp_path, pg_url,
                                                                     monkeypatch):
    from urllib.parse import urlsplit

    settings = AppSettings.at_path(str(tmp_path / "s.ini"))
    dialog = ServerDialog(settings)
    qtbot.addWidget(dialog)
    parts = urlsplit(pg_url)
    dialog.host.setText(parts.hostname)
    dialog.port.setValue(parts.port)
    dialog.database.setText(parts.path.lstrip("/"))
    dialog.user.setText(parts.username)
    dialog.password.setText("s3cret-pass")
    dialog.accept()
    assert dialog.address and "s3cret-pass" in dialog.address  # in memory, to connect
    settings.sync()
    saved = (tmp_path / "s.ini").read_text("utf-8")
    assert "s3cret-pass" not in saved and parts.hostname in saved
    assert settings.server_address.endswith("/" + parts.path.lstrip("/"))


def test_the_server_dialog_shows_why_it_cannot_connect(qtbot, tmp_path):
    settings = AppSettings.at_path(str(tmp_path / "s.ini"))
    dialog = ServerDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("jiedu")
    dialog.user.setText("desk")
    dialog.accept()
    assert dialog.result() != ServerDialog.Accepted
    assert "无法连接数据库服务器" in dialog.error_label.text()
    assert settings.server_address == ""


def _cli(url: str, *args: str) -> None:
    """One step taken on another desk: a separate interpreter-cli process."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "INTERPRETER_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "interpreter_app.cli", "--db", url, *args],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_the_whole_cycle_from_another_process_shows_live_in_the_writers_window(
        qtbot, server, desk, pg_url):
    pkg = complete_package(server.wb, server["writer"])
    writer = desk("writer")
    writer.open_package(pkg.id)
    writer.workbench.review.submit(server["writer"], pkg.id)
    _cli(pg_url, "return", str(pkg.id), "--as", "reviewer", "--reason", "请补充政策问答")
    qtbot.waitUntil(lambda: writer.workspace.session.package.state == workflow.DRAFT,
                    timeout=5000)
    writer.workbench.review.submit(server["writer"], pkg.id)
    _cli(pg_url, "pass", str(pkg.id), "--as", "reviewer")
    _cli(pg_url, "sign", str(pkg.id), "--as", "leader", "--opinion", "同意")
    qtbot.waitUntil(lambda: writer.workspace.session.package.state == workflow.SIGNED,
                    timeout=5000)
    qtbot.waitUntil(lambda: writer.views.text_of("signed").endswith(" 1"), timeout=5000)
    released = writer.workbench.review.release(server["writer"], pkg.id)
    assert released.state == workflow.RELEASED and writer.workbench.verify().ok


def test_an_edit_saved_after_the_server_dropped_the_connection_is_saved_once(
        qtbot, server, desk, pg_server):
    from tests.support import pg

    pkg = complete_package(server.wb, server["writer"])
    window = desk("writer")
    window.open_package(pkg.id)
    backend = window.workbench.store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    pg.admin_execute(pg_server, f"SELECT pg_terminate_backend({backend})")
    window.workspace.document_tab.body.editor.appendPlainText("断线后的修改。")
    assert window.workspace.save_now()
    saved = server.wb.authoring.get(server["writer"], pkg.id)
    assert saved.document.body.count("断线后的修改。") == 1
    assert saved.document_version == pkg.document_version + 1


def test_a_reviewers_tracked_change_arrives_in_the_writers_open_package(qtbot, server, desk):
    from tests.support.editing import submit_on_edit_route

    pkg = complete_package(server.wb, server["writer"])
    submit_on_edit_route(server.wb, server["writer"], pkg.id)
    writer = desk("writer")
    writer.open_package(pkg.id)
    assert writer.workspace.changes_panel.list.count() == 0
    body = server.wb.store.packages.get(pkg.id).document.body
    server.wb.changes.propose(server["reviewer"], pkg.id, "document.body",
                              body + "\n五、本通知自印发之日起施行。")
    qtbot.waitUntil(lambda: writer.workspace.changes_panel.list.count() == 1, timeout=5000)
