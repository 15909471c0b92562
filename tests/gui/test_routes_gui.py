"""Approval routes in the window: the administrator defines them, the writer chooses one at
submit, the 审签 tab shows the package's progress along it, and 退回上一步 sends it back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog

from interpreter_app.domain import workflow
from interpreter_app.domain.workflow import Route, Step
from interpreter_app.ui.route_dialog import RoutesDialog
from interpreter_app.ui.route_form import RouteForm, split_genres
from interpreter_app.ui.workspace.route_choice import RouteChoiceDialog
from interpreter_app.ui.workspace.route_progress import RouteProgressLine
from interpreter_app.ui.workspace.signoff_dialogs import ReasonDialog
from tests.factories import complete_package
from tests.gui.workspace_helpers import action_names, type_text

pytest_plugins = ("tests.gui.workspace_fixtures",)

FIVE_STEPS = ["处室核稿", "办公室核稿", "合法性审核", "分管领导", "主要负责人签发"]


def five_step_route(seeded) -> Route:
    """The route of the issue, defined through the service."""
    reviewer = frozenset({"reviewer"})
    return seeded.wb.routes.save(seeded["admin"], Route("规范性文件审批", (
        Step("处室核稿", reviewer, may_edit=True), Step("办公室核稿", reviewer),
        Step("合法性审核", reviewer, departments=(seeded.dept_a, seeded.dept_b),
             all_must_act=True),
        Step("分管领导", frozenset({"leader"}), users=(seeded["leader2"].id,)),
        Step("主要负责人签发", frozenset({"leader"}), users=(seeded["leader"].id,))),
        department_id=seeded.dept_a))


def _edit_step(qtbot, form: RouteForm, row: int, name: str, roles: set[str]) -> None:
    form.table.selectRow(row)
    editor = form.editor
    editor.name.clear()
    type_text(editor.name, name)
    for role, box in editor.roles.items():
        if box.isChecked() != (role in roles):
            box.click()


def _tick(widget, key: int) -> None:
    for i in range(widget.count()):
        if widget.item(i).data(Qt.UserRole) == key:
            widget.item(i).setCheckState(Qt.Checked)


def _fill_five_steps(qtbot, form: RouteForm, seeded) -> None:
    """What the administrator does in the form: name, 文种, three steps added between the two
    a new route starts with (核稿, 签发), each step's people, 会签 at step 3."""
    type_text(form.name, "规范性文件审批")
    type_text(form.genres, "意见，办法")
    assert [s.name for s in form.steps] == ["核稿", "签发"]  # today's steps to start from
    form.table.selectRow(0)
    for _ in range(3):
        qtbot.mouseClick(form.add_button, Qt.LeftButton)
    assert len(form.steps) == 5 and form.steps[-1].name == "签发"
    for row, name in enumerate(FIVE_STEPS[:3]):
        _edit_step(qtbot, form, row, name, {"reviewer"})
    form.table.selectRow(0)
    form.editor.may_edit.click()
    form.table.selectRow(2)
    _tick(form.editor.departments, seeded.dept_a)
    _tick(form.editor.departments, seeded.dept_b)
    form.editor.all_must_act.click()
    _edit_step(qtbot, form, 3, "分管领导", {"leader"})
    _tick(form.editor.users, seeded["leader2"].id)
    _edit_step(qtbot, form, 4, "主要负责人签发", {"leader"})
    _tick(form.editor.users, seeded["leader"].id)


def test_admin_defines_the_five_step_route_from_the_window(qtbot, seeded, monkeypatch):
    admin = seeded["admin"]
    dialog = RoutesDialog(seeded.wb.routes, seeded.wb.accounts, admin)
    qtbot.addWidget(dialog)
    assert dialog.department.isEnabled()  # an all-department administrator chooses
    dialog.department.setCurrentIndex(dialog.department.findData(seeded.dept_a))
    assert dialog.empty.isVisibleTo(dialog) and dialog.table.rowCount() == 0

    def drive(form: RouteForm) -> int:
        _fill_five_steps(qtbot, form, seeded)
        form.accept()
        return form.result()

    monkeypatch.setattr(RouteForm, "exec", drive)
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)

    [route] = seeded.wb.routes.routes(admin, seeded.dept_a)
    assert [s.name for s in route.steps] == FIVE_STEPS
    assert route.genres == ("意见", "办法")
    cosign = route.steps[2]
    assert cosign.all_must_act and cosign.departments == (seeded.dept_a, seeded.dept_b)
    assert route.steps[0].may_edit and not route.steps[1].may_edit
    assert route.steps[3].users == (seeded["leader2"].id,)
    assert route.steps[4].users == (seeded["leader"].id,)
    assert dialog.table.rowCount() == 1 and "合法性审核" in dialog.table.item(0, 3).text()


def test_the_admin_menu_opens_the_route_dialog(make_window, monkeypatch):
    window = make_window("admin")
    opened = []
    monkeypatch.setattr(RoutesDialog, "exec", lambda self: opened.append(self) or 0)
    window.main_actions.routes.trigger()
    assert opened and opened[0].windowTitle()
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() and window.main_actions.users in a.menu().actions())
    assert window.main_actions.routes in menu.actions()


def test_a_refused_route_is_explained_in_the_form_and_nothing_is_lost(qtbot, seeded):
    dept = next(d for d in seeded.wb.accounts.departments() if d.id == seeded.dept_a)
    form = RouteForm(seeded.wb.routes, seeded["admin"], dept, None, seeded.wb.accounts.users(),
                     seeded.wb.accounts.departments())
    qtbot.addWidget(form)
    type_text(form.name, "只有核稿")
    _edit_step(qtbot, form, 1, "终审", {"reviewer"})  # the last step must be a leader's
    form.accept()
    assert form.error_label.isVisibleTo(form)
    assert "最后一步是签发" in form.error_label.text()
    assert form.result() != QDialog.Accepted
    assert form.name.text() == "只有核稿" and [s.name for s in form.steps] == ["核稿", "终审"]
    assert seeded.wb.routes.routes(seeded["admin"], seeded.dept_a) == []


def test_steps_move_up_and_down_from_the_keyboard(qtbot, seeded):
    dept = next(d for d in seeded.wb.accounts.departments() if d.id == seeded.dept_a)
    form = RouteForm(seeded.wb.routes, seeded["admin"], dept, None, seeded.wb.accounts.users(),
                     seeded.wb.accounts.departments())
    qtbot.addWidget(form)
    form.show()
    form.table.selectRow(0)
    form.add_step()
    form.table.setFocus()
    form.table.selectRow(1)
    qtbot.keyClick(form.table, Qt.Key_Up, Qt.AltModifier)
    assert [s.name for s in form.steps][:2] == ["第2步", "核稿"] or \
        [s.name for s in form.steps][:2] == ["Step 2", "核稿"]
    assert form.current_row() == 0


def test_genres_are_split_on_chinese_and_latin_separators():
    assert split_genres("通知，意见、办法, 通知 ;规定") == ("通知", "意见", "办法", "规定")


# -- submit --------------------------------------------------------------------------------

def _two_routes(seeded) -> tuple[Route, Route]:
    five = five_step_route(seeded)
    short = seeded.wb.routes.save(seeded["admin"], Route(
        "简易程序", workflow.DEFAULT_ROUTE.steps, department_id=seeded.dept_a, is_default=True))
    return five, short


def test_submit_asks_for_the_route_when_the_department_has_two(seeded, make_workspace,
                                                               monkeypatch):
    five, short = _two_routes(seeded)
    writer, wb = seeded["writer"], seeded.wb
    package = complete_package(wb, writer)
    ws = make_workspace(writer, wb, package.id)
    offered = []

    def choose_five(dialog: RouteChoiceDialog) -> int:
        offered.append(([r.name for r in dialog.routes], dialog.chosen().name))
        dialog.combo.setCurrentIndex(dialog.combo.findData(five.id))
        assert "合法性审核" in dialog.steps.text()
        return QDialog.Accepted

    monkeypatch.setattr(RouteChoiceDialog, "exec", choose_five)
    assert ws.signoff_tab.take(workflow.SUBMIT)
    assert offered == [(["简易程序", "规范性文件审批"], "简易程序")]  # the default preselected
    submitted = wb.authoring.get(writer, package.id)
    assert submitted.route.name == "规范性文件审批" and submitted.step == 0


def test_cancelling_the_route_choice_does_not_submit(seeded, make_workspace, monkeypatch):
    _two_routes(seeded)
    writer, wb = seeded["writer"], seeded.wb
    package = complete_package(wb, writer)
    ws = make_workspace(writer, wb, package.id)
    monkeypatch.setattr(RouteChoiceDialog, "exec", lambda _d: QDialog.Rejected)
    assert not ws.signoff_tab.take(workflow.SUBMIT)
    assert wb.authoring.get(writer, package.id).state == workflow.DRAFT


def test_submit_asks_nothing_with_one_route(seeded, make_workspace, monkeypatch):
    five_step_route(seeded)
    writer, wb = seeded["writer"], seeded.wb
    package = complete_package(wb, writer)
    ws = make_workspace(writer, wb, package.id)
    monkeypatch.setattr(RouteChoiceDialog, "exec", lambda _d: pytest.fail("asked for a route"))
    assert ws.signoff_tab.take(workflow.SUBMIT)
    assert wb.authoring.get(writer, package.id).state == workflow.IN_REVIEW


# -- progress and back ---------------------------------------------------------------------

def _at_cosign(seeded) -> int:
    """A package on the five-step route at 合法性审核, department A agreed, B awaited."""
    wb, route = seeded.wb, five_step_route(seeded)
    package = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], package.id, route_id=route.id)
    for _ in range(3):
        wb.review.pass_review(seeded["reviewer"], package.id)
    return package.id


def test_progress_line_shows_the_current_step_and_the_pending_department(seeded,
                                                                          make_workspace):
    pid = _at_cosign(seeded)
    ws = make_workspace(seeded["reviewer_b"], seeded.wb, pid)
    line = ws.signoff_tab.route_line
    assert "规范性文件审批" in line.title.text()
    assert [c.step.name for c in line.cards] == FIVE_STEPS
    assert [c.step.status for c in line.cards] == ["done", "done", "current", "waiting",
                                                   "waiting"]
    current = line.current()
    texts = "\n".join(label.text() for label in current.labels)
    b_name = next(d.name for d in seeded.wb.accounts.departments() if d.id == seeded.dept_b)
    pending = current.card.findChild(type(current.labels[0]), "stepPending")
    assert b_name in pending.text() and b_name in texts
    assert b_name in ws.signoff_tab.holder_label.text()  # who holds it: the awaited party
    assert action_names(ws) >= {"pass", "back"}


def test_progress_line_wraps_in_a_narrow_window(qtbot, seeded):
    pid = _at_cosign(seeded)
    line = RouteProgressLine()
    qtbot.addWidget(line)
    line.show_progress(seeded.wb.routes.progress(seeded["reviewer_b"], pid))
    line.resize(360, line.heightForWidth(360))
    line.show()
    qtbot.waitUntil(lambda: line.cards[-1].geometry().top() > line.cards[0].geometry().top())
    assert line.steps.height() >= line.steps.layout().heightForWidth(line.steps.width())
    area = QRect(0, 0, line.steps.width(), line.steps.height())
    for card in line.cards:  # every card whole inside the line: wrapped, not clipped
        assert area.contains(card.geometry()), card.step.name


def test_back_sends_the_package_to_the_previous_step(seeded, make_workspace, monkeypatch):
    wb, route = seeded.wb, five_step_route(seeded)
    package = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], package.id, route_id=route.id)
    wb.review.pass_review(seeded["reviewer"], package.id)
    ws = make_workspace(seeded["reviewer"], wb, package.id)
    prompts = []
    monkeypatch.setattr(ReasonDialog, "ask", lambda _p, _t, prompt, **_k:
                        prompts.append(prompt) or "数据口径需处室再核")
    qtbot_click = ws.signoff_tab.action_buttons[workflow.BACK]
    qtbot_click.click()
    assert "处室核稿" in prompts[0]  # the reason is asked naming the step it goes back to
    moved = wb.authoring.get(seeded["reviewer"], package.id)
    assert moved.step == 0 and moved.state == workflow.IN_REVIEW
    line = ws.signoff_tab.route_line
    assert line.current().step.name == "处室核稿"
    decisions = wb.review.decisions(seeded["reviewer"], package.id)
    assert decisions[-1].action == workflow.BACK and decisions[-1].reason == "数据口径需处室再核"
