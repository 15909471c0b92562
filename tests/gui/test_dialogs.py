"""Administration forms and the new-package dialog create what they say, or explain why not."""

from __future__ import annotations

from interpreter_app.ui.admin_dialogs import UsersDialog
from interpreter_app.ui.admin_forms import DepartmentForm, UserForm
from interpreter_app.ui.new_package_dialog import NewPackageDialog
from tests.factories import PASSWORD


def test_user_form_creates_a_user(qtbot, seeded):
    form = UserForm(seeded.wb.accounts, seeded["admin"])
    qtbot.addWidget(form)
    form.username.setText("newwriter")
    form.display_name.setText("陈晓")
    form.title.setText("科员")
    form.department.setCurrentIndex(form.department.findData(seeded.dept_a))
    form.roles["writer"].setChecked(True)
    form.password.setText("Start2026!")
    form.accept()
    assert form.created is not None
    user = seeded.wb.accounts.login("newwriter", "Start2026!")
    assert user.roles == frozenset({"writer"}) and user.department_id == seeded.dept_a


def test_user_form_reports_a_refusal(qtbot, seeded, alert_log):
    form = UserForm(seeded.wb.accounts, seeded["admin"])
    qtbot.addWidget(form)
    form.username.setText("weak")
    form.display_name.setText("弱密码")
    form.roles["writer"].setChecked(True)
    form.department.setCurrentIndex(1)
    form.password.setText("short")
    form.accept()
    assert form.created is None
    assert "密码至少8位" in alert_log.texts()


def test_users_dialog_disables_an_account(qtbot, seeded):
    dialog = UsersDialog(seeded.wb.accounts, seeded["admin"])
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text() == "writer2")
    dialog.table.selectRow(row)
    dialog.toggle_disabled()
    assert seeded.wb.accounts.user("writer2").disabled


def test_department_form_creates_a_department(qtbot, seeded):
    form = DepartmentForm(seeded.wb.accounts, seeded["admin"])
    qtbot.addWidget(form)
    form.name.setText("江海省发展和改革委员会")
    form.code.setText("江发改")
    form.accept()
    assert form.created is not None
    assert "江海省发展和改革委员会" in [d.name for d in seeded.wb.accounts.departments()]


def test_new_package_needs_a_title(qtbot, seeded):
    dialog = NewPackageDialog(seeded.wb, seeded["writer"])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.package is None
    assert dialog.error_label.isVisibleTo(dialog)


def test_new_package_is_created_with_its_due_date(qtbot, seeded):
    dialog = NewPackageDialog(seeded.wb, seeded["writer"])
    qtbot.addWidget(dialog)
    assert dialog.department is None  # only accounts for all departments choose one
    dialog.title_edit.setText("关于做好2026年高校毕业生就业创业工作的通知")
    dialog.accept()
    assert dialog.package is not None
    stored = seeded.wb.authoring.get(seeded["writer"], dialog.package.id)
    assert stored.title.startswith("关于做好2026年") and stored.due_date


def test_new_package_without_a_due_date(qtbot, seeded):
    dialog = NewPackageDialog(seeded.wb, seeded["writer"])
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("关于做好2027年春节期间根治欠薪工作的通知")
    dialog.no_due.setChecked(True)
    assert not dialog.due.isEnabled()
    dialog.accept()
    assert seeded.wb.authoring.get(seeded["writer"], dialog.package.id).due_date == ""


def test_first_admin_page_creates_the_administrator(qtbot, tmp_path):
    from interpreter_app.services.workbench import Workbench
    from interpreter_app.ui.first_run import FirstRunWizard

    wb = Workbench.create(tmp_path / "new.db")
    try:
        wizard = FirstRunWizard(wb.accounts)
        qtbot.addWidget(wizard)
        page = wizard.admin_page
        page.password.setText(PASSWORD)
        page.repeat.setText(PASSWORD)
        assert page.validatePage()
        assert not wb.accounts.needs_first_admin()
        assert wb.accounts.login("admin", PASSWORD).has("admin")
    finally:
        wb.close()


def test_user_changes_own_password_in_the_gui(qtbot, seeded):
    from interpreter_app.ui.admin_forms import ChangePasswordForm
    from tests.factories import PASSWORD

    form = ChangePasswordForm(seeded.wb.accounts, seeded["writer"])
    qtbot.addWidget(form)
    form.old.setText("wrong-password")
    form.first.setText("Brand-new-1")
    form.second.setText("Brand-new-1")
    form.accept()
    assert form.result() == 0 and "密码" in form.error_label.text()
    form.old.setText(PASSWORD)
    form.accept()
    assert form.result() == 1
    assert seeded.wb.accounts.login("writer", "Brand-new-1").username == "writer"


def test_administrator_sets_the_time_limit_in_the_gui(qtbot, seeded):
    from interpreter_app.ui.admin_forms import TimelinessLimitForm

    form = TimelinessLimitForm(seeded.wb.statistics, seeded["admin"])
    qtbot.addWidget(form)
    assert form.days.value() == 3 and form.days.maximum() == 30
    form.days.setValue(5)
    form.accept()
    assert form.result() == 1 and seeded.wb.statistics.limit_days() == 5


def test_time_limit_form_keeps_a_refusal_in_the_dialog(qtbot, seeded):
    from interpreter_app.ui.admin_forms import TimelinessLimitForm

    form = TimelinessLimitForm(seeded.wb.statistics, seeded["writer"])  # not an administrator
    qtbot.addWidget(form)
    form.days.setValue(7)
    form.accept()
    assert form.result() == 0 and "管理员" in form.error_label.text()
    assert seeded.wb.statistics.limit_days() == 3


def test_administrator_enters_holidays_in_the_gui(qtbot, seeded):
    from interpreter_app.ui.admin_forms import HolidaysForm

    form = HolidaysForm(seeded.wb.statistics, seeded["admin"], 2026)
    qtbot.addWidget(form)
    assert "2026-10-01..2026-10-07" in form.off.toPlainText()  # the shipped schedule
    assert "国务院办公厅" in form.source.text()
    form.year.setValue(2027)
    assert form.off.toPlainText() == "" and form.work.toPlainText() == ""
    form.off.setPlainText("2027-10-01..2027-10-07\n")
    form.work.setPlainText("2027-09-29")  # a Wednesday: refused, kept in the dialog
    form.accept()
    assert form.result() == 0 and "星期三" in form.error_label.text()
    form.work.setPlainText("2027-09-26")
    form.accept()
    assert form.result() == 1
    assert len(seeded.wb.statistics.schedule(2027).off) == 7


def test_users_dialog_edits_roles_department_and_title(qtbot, seeded, monkeypatch):
    dialog = UsersDialog(seeded.wb.accounts, seeded["admin"])
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text() == "writer2")
    dialog.table.selectRow(row)
    shown: list[UserForm] = []

    def fill_and_save(form: UserForm) -> int:
        shown.append(form)
        assert form.username.isReadOnly() and form.roles["writer"].isChecked()
        assert form.title.text() == "主任科员" and form.department.currentData() == seeded.dept_a
        form.roles["reviewer"].setChecked(True)
        form.title.setText("副处长")
        form.department.setCurrentIndex(form.department.findData(seeded.dept_b))
        form.accept()
        return form.result()

    monkeypatch.setattr(UserForm, "exec", fill_and_save)
    dialog.edit_user()
    user = seeded.wb.accounts.user("writer2")
    assert (user.roles, user.title, user.department_id) == \
        ({"writer", "reviewer"}, "副处长", seeded.dept_b)
    assert not seeded.wb.trust.identity_changed(user.id)  # certified as it now is
    texts = [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
    assert "副处长" in texts and shown[0].password.isHidden()


def test_user_edit_form_reports_a_refusal_and_stays_open(qtbot, seeded, alert_log):
    form = UserForm(seeded.wb.accounts, seeded["admin"], user=seeded["writer2"])
    qtbot.addWidget(form)
    form.roles["writer"].setChecked(False)
    form.accept()
    assert form.updated is None
    assert "至少选择一个角色" in alert_log.texts()
    assert seeded.wb.accounts.user("writer2").roles == {"writer"}
