"""Restore from the File menu: the administrator's password first, then the same service as
the command line."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from interpreter_app.ui import backup_actions
from interpreter_app.ui.restore_dialog import RestoreCredentialsDialog
from tests.factories import PASSWORD, complete_package


def test_menu_restore_asks_the_admin_password_and_restores_after_the_window_closes(
        qtbot, seeded, make_window, alert_log, monkeypatch, tmp_path):
    kept = complete_package(seeded.wb, seeded["writer"])
    backup = seeded.wb.store.backup_to(tmp_path / "monday.db")
    complete_package(seeded.wb, seeded["writer"])  # later work the restore rolls back
    window = make_window("admin")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    alert_log.confirm_answer = True
    errors: list[str] = []

    def type_passwords(dialog) -> int:
        assert dialog.username.text() == "admin" and dialog.username.isReadOnly()
        for password in ("wrong-password1", PASSWORD):
            dialog.password.setText(password)
            dialog.accept()
            if dialog.result() == RestoreCredentialsDialog.Accepted:
                return dialog.result()
            errors.append(dialog.error_label.text())
        return RestoreCredentialsDialog.Rejected

    monkeypatch.setattr(RestoreCredentialsDialog, "exec", type_passwords)
    window.main_actions.restore.trigger()
    request = window.restore_source
    assert request is not None and request.source == backup and request.username == "admin"
    assert len(errors) == 1 and "密码错误" in errors[0]
    seeded.wb.close()  # what closing the window does before the restore runs
    assert backup_actions.restore_database(None, request, seeded.path)
    seeded.wb = type(seeded.wb).open(seeded.path)
    assert seeded.wb.store.packages.ids() == [kept.id]
    last = seeded.wb.store.audit_events()[-1]
    assert last.action == "restore" and "系统管理员" in last.detail


def test_restore_dialog_is_cancelled_without_restoring(qtbot, seeded, make_window, alert_log,
                                                      monkeypatch, tmp_path):
    backup = seeded.wb.store.backup_to(tmp_path / "monday.db")
    window = make_window("admin")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    alert_log.confirm_answer = True
    monkeypatch.setattr(RestoreCredentialsDialog, "exec",
                        lambda dialog: RestoreCredentialsDialog.Rejected)
    window.main_actions.restore.trigger()
    assert window.restore_source is None



def test_the_application_restores_after_the_window_closed_instead_of_switching_databases(
        qtbot, seeded, monkeypatch, tmp_path):
    from interpreter_app.ui import app as app_module

    request = backup_actions.RestoreRequest(tmp_path / "monday.db", "admin", PASSWORD)
    outcomes = [request, None]
    sessions, restored = [], []
    monkeypatch.setattr(app_module, "run_session",
                        lambda app, db_path, settings, hint: sessions.append(db_path)
                        or outcomes.pop(0))
    monkeypatch.setattr(backup_actions, "restore_database",
                        lambda parent, req, db_path: restored.append((req, db_path)) or True)
    monkeypatch.setattr("interpreter_app.ui.startup.first_start", lambda *a: False)
    assert app_module.run_gui(None, str(seeded.path), demo=False) == 0
    assert restored == [(request, seeded.path)] and sessions == [seeded.path, seeded.path]
