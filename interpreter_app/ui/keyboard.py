"""Keyboard and screen-reader support shared by every window: Tab leaves editors, fields are named.

Multi-line editors and tables take Tab as "next field" (Shift+Tab "previous"): our texts are one
paragraph a line and never need a tab character, and a keyboard-only user must be able to leave
an editor or a table.
Form fields get the text of their row label as their accessible name, so a screen reader
announces 发文字号 rather than "edit".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

EDITORS = (QPlainTextEdit, QTextEdit)


def tab_leaves_editors(root: QWidget) -> None:
    """Make Tab and Shift+Tab move focus out of every multi-line editor and every table or list
    under `root` (in a table Tab went from cell to cell and wrapped round: a trap; the arrow
    keys move between cells)."""
    for kind in EDITORS:
        for editor in root.findChildren(kind):
            editor.setTabChangesFocus(True)
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def focus_target(widget: QWidget) -> QWidget:
    """The widget that takes focus for `widget`: itself, its proxy, or its first focusable child."""
    if widget.focusProxy() is not None:
        return widget.focusProxy()
    if widget.focusPolicy() & Qt.TabFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.TabFocus:
            return child
    return widget


def label_text(label: QWidget | None) -> str:
    """A row label as a screen reader should say it: no mnemonic &, no trailing colon."""
    if not isinstance(label, QLabel):
        return ""
    return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("：: ")


def name_form_fields(root: QWidget) -> None:
    """Give every unnamed field of every form under `root` its row label as accessible name."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.LabelRole)
            field = form.itemAt(row, QFormLayout.FieldRole)
            if label is None or field is None or field.widget() is None:
                continue
            text = label_text(label.widget())
            target = focus_target(field.widget())
            if text and not target.accessibleName():
                target.setAccessibleName(text)
            editable = getattr(field.widget(), "lineEdit", lambda: None)()  # an editable combo
            if text and editable is not None and not editable.accessibleName():
                editable.setAccessibleName(text)
            if isinstance(label.widget(), QLabel) and label.widget().buddy() is not target:
                label.widget().setBuddy(target)


def focusable_in(container: QWidget) -> list[QWidget]:
    """Widgets inside `container` that Tab can reach, in the window's focus-chain order.

    The chain is walked only until every such widget is found: the window's whole chain (220
    widgets when the workspace opens) took 6 ms of start-up, most of it after the last one."""
    window = container.window()
    wanted = {w for w in container.findChildren(QWidget)
              if w.focusPolicy() & Qt.TabFocus and w.window() is window}
    found, widget = [], container
    while len(found) < len(wanted):
        widget = widget.nextInFocusChain()
        if widget is container:
            break
        if widget in wanted:
            found.append(widget)
    return found


def place_after(anchor: QWidget, container: QWidget) -> QWidget:
    """Put everything Tab reaches inside `container` right after `anchor`, keeping its order
    (Qt's setTabOrder moves single widgets only); returns the last widget placed."""
    last = anchor
    for widget in focusable_in(container):
        QWidget.setTabOrder(last, widget)
        last = widget
    return last


def prepare(root: QWidget) -> None:
    """Both of the above, for a window or a part built later (a lazily built tab)."""
    tab_leaves_editors(root)
    name_form_fields(root)


def name(widget: QWidget, text: str, description: str = "") -> QWidget:
    """Set a widget's accessible name (and description); returns the widget."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    return widget
