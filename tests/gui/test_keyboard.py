"""Keyboard-only use: Tab leaves every editor, shortcuts work from the start, a walk from the
list to submit, and names a screen reader announces."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.factories import complete_package

LAZY_TABS = ("plan", "materials", "signoff", "history")


def _open_window(make_window, qtbot, seeded, username="writer"):
    package = complete_package(seeded.wb, seeded["writer"])
    window = make_window(username)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window, package


def _press(widget: QWidget, key, modifier=Qt.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives from the input method as committed text, as a pinyin IME sends it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _tab_until(predicate, limit: int = 60) -> QWidget:
    """Press Tab until the focused widget satisfies `predicate`; fail after `limit` presses."""
    for _ in range(limit):
        if predicate(_focused()):
            return _focused()
        _press(_focused(), Qt.Key_Tab)
    raise AssertionError(f"Tab never reached the widget; stopped at {_focused()!r}")


def test_tab_and_shift_tab_leave_the_body_editor_without_typing(make_window, qtbot, seeded):
    window, _package = _open_window(make_window, qtbot, seeded)
    window.packages.select_row(0)
    editor = window.workspace.document_tab.body.editor
    before = editor.toPlainText()
    editor.setFocus()
    editor.selectAll()  # a tab character would have replaced the selection
    _press(editor, Qt.Key_Tab)
    assert _focused() is not editor and editor.toPlainText() == before
    _press(_focused(), Qt.Key_Backtab)
    assert _focused() is editor and editor.toPlainText() == before


def test_every_editor_of_every_tab_passes_tab_on(make_window, qtbot, seeded):
    window, _package = _open_window(make_window, qtbot, seeded)
    window.packages.select_row(0)
    for name in LAZY_TABS:
        window.workspace.show_tab(name)
    materials = window.workspace.materials_tab
    for material_id in materials.list.ids():  # every editor kind: text, Q&A, chart
        materials.select(material_id)
    editors = window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
    assert len(editors) > 5
    trapping = [e for e in editors if not e.tabChangesFocus()]
    assert trapping == []


def test_shortcuts_work_before_the_window_is_activated(make_window, qtbot, seeded,
                                                       monkeypatch):
    from interpreter_app.ui.import_dialog import ImportDialog

    asked = []
    monkeypatch.setattr(ImportDialog, "ask", lambda *a: asked.append(a))
    window = make_window("writer")
    window.show()
    other = QWidget()  # where the keyboard was, e.g. the log-in dialog that just closed
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    QApplication.processEvents()
    with qtbot.waitSignal(window.main_actions.import_file.triggered, timeout=1000):
        QTest.keyClick(window.packages.table, Qt.Key_O, Qt.ControlModifier)
    assert asked  # the import dialog was asked for
    with qtbot.waitSignal(window.main_actions.refresh.triggered, timeout=1000):
        QTest.keyClick(window.packages.table, Qt.Key_F5)


def test_keyboard_only_walk_from_the_list_to_submit(make_window, qtbot, seeded):
    window, package = _open_window(make_window, qtbot, seeded)
    window.views.setFocus()
    _tab_until(lambda w: w is window.packages.table)
    _press(window.packages.table, Qt.Key_Home)
    assert window.workspace.package_id == package.id
    _tab_until(lambda w: w is window.workspace.document_tab.body.editor)
    _press(_focused(), Qt.Key_End, Qt.ControlModifier)
    _type_chinese(_focused(), "（经核实）")
    _press(_focused(), Qt.Key_4, Qt.ControlModifier)  # 审签
    signoff = window.workspace.signoff_tab
    assert window.workspace.tabs.currentWidget() is signoff
    submit = _tab_until(lambda w: w is signoff.action_buttons.get("submit"))
    _press(submit, Qt.Key_Space)
    stored = seeded.wb.authoring.get(seeded["writer"], package.id)
    assert stored.state == "in_review"
    assert stored.document.body.endswith("（经核实）")  # the typed text was saved first


def _announced(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible name through QAccessible."""
    if isinstance(widget, QComboBox):  # Qt's combo interface names the current item instead
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Name) if interface is not None else ""


def _reachable(window: QWidget) -> list[QWidget]:
    found, widget = [], window
    for _ in range(5000):
        widget = widget.nextInFocusChain()
        if widget is window:
            break
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.TabFocus:
            found.append(widget)
    return found


def test_every_control_tab_reaches_has_an_accessible_name(make_window, qtbot, seeded):
    window, _package = _open_window(make_window, qtbot, seeded)
    window.packages.select_row(0)
    unnamed = []
    for name in ("document", *LAZY_TABS):
        window.workspace.show_tab(name)
        QApplication.processEvents()
        unnamed += [f"{name}: {type(w).__name__} {w.objectName()}"
                    for w in _reachable(window) if not _announced(w).strip()]
    assert sorted(set(unnamed)) == [], "\n".join(sorted(set(unnamed)))


def test_sample_names_are_what_the_labels_say(make_window, qtbot, seeded):
    window, _package = _open_window(make_window, qtbot, seeded)
    window.packages.select_row(0)
    form = window.workspace.document_tab.form
    label = form._form.labelForField(form.fields["doc_number"]).text()
    assert _announced(form.fields["doc_number"].line) == label == form.tr("Document number")
    body = window.workspace.document_tab.body
    assert _announced(body.editor) == body.tr("Body text")
    assert _announced(window.packages.search) == window.packages.tr("Search packages")
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert all(_announced(b) for b in buttons)



def test_focusable_in_follows_the_chain_and_stays_in_the_window(qtbot):
    """The widgets Tab reaches inside a container, in focus-chain order (after a reorder too),
    without its labels, the widgets around it, or those of a dialog parented to it."""
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

    from interpreter_app.ui.keyboard import focusable_in

    root = QWidget()
    qtbot.addWidget(root)
    before = QLineEdit(root)
    box = QWidget(root)
    first, _label, second, third = QLineEdit(box), QLabel("x", box), QLineEdit(box), QLineEdit(box)
    after = QLineEdit(root)
    in_dialog = QLineEdit(QDialog(box))
    QWidget.setTabOrder(second, first)  # first now follows second
    chain, widget = [], box  # the whole chain, filtered: what focusable_in must return
    while (widget := widget.nextInFocusChain()) is not box:
        if widget.focusPolicy() & Qt.TabFocus and box.isAncestorOf(widget):
            chain.append(widget)
    assert chain.index(first) == chain.index(second) + 1
    assert set(chain) == {first, second, third}
    assert focusable_in(box) == chain
    assert not {before, after, in_dialog} & set(focusable_in(box))
