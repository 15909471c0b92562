"""修订模式 and 修改（留痕）: a reviewer's or leader's edits become tracked changes; writers settle.

`TrackedEditing` unlocks the texts a tracked change may touch (document body, plan texts,
text materials' bodies) for a user who may edit at the package's step, shows them as that
user last left them, and turns each save into a proposal. `ChangesPanel` lists the pending
changes in their authors' colours with 接受 / 拒绝 / 全部接受 / 全部拒绝 for the writers."""

from __future__ import annotations

import html
import zlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import permissions
from ...domain.changes import (
    DELETED,
    INSERTED,
    Change,
    Segment,
    excerpt,
    locate,
    target_label,
    targets_of,
    text_at,
)
from ...domain.errors import AppError
from ...domain.model import Package
from ...domain.validation import format_datetime_cn
from .. import alerts
from .session import PackageSession

# Six colours that read well on white and apart from each other.
PALETTE = ("#c0392b", "#1f5fa8", "#2e7d32", "#8e44ad", "#b35900", "#00838f")
PLAN_TEXTS = ("outline", "key_risks", "response_plan", "response_lines")


def author_colour(name: str) -> str:
    """The colour a person's changes are shown in: the same name, the same colour, always."""
    return PALETTE[zlib.crc32(name.encode("utf-8")) % len(PALETTE)]


def segments_html(segments: list[Segment]) -> str:
    """Segments as rich text: insertions underlined, deletions struck through, in the colour
    of their author."""
    parts = []
    for s in segments:
        text = html.escape(s.text).replace("\n", "↵")
        if s.kind == INSERTED:
            parts.append(f'<u style="color:{author_colour(s.author_name)}">{text}</u>')
        elif s.kind == DELETED:
            parts.append(f'<s style="color:{author_colour(s.author_name)}">{text}</s>')
        else:
            parts.append(text)
    return "".join(parts)


class TrackedEditing(QObject):
    """The workspace's 修订模式: which editors are unlocked, what they show, how they save."""

    proposed = Signal()  # changes were stored

    def __init__(self, session: PackageSession, parts: Callable[[str], QWidget | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._parts = parts  # a built tab by name ('document', 'plan', 'materials') or None
        self.shown: Package | None = None
        self._stored: dict[str, str] = {}  # what each target's last proposal said

    def start(self, package: Package) -> Package:
        """The package as the editors should show it: in 修订模式 the user's own version."""
        self.shown, self._stored = package, {}
        if not self.session.tracking:
            return package
        try:
            self.shown = self.session.workbench.changes.own_version(self.session.user, package.id)
        except AppError:
            self.shown = package
        self._stored = {t: text_at(self.shown, t) for t in targets_of(self.shown)}
        return self.shown

    def unlock(self, name: str) -> None:
        """Let the tracked texts of a built tab be typed into (the rest stays locked)."""
        if not self.session.tracking:
            return
        part = self._parts(name)
        if part is None:
            return
        if name == "document":
            part.body.set_read_only(False)
        elif name == "plan":
            part.outline.set_read_only(False)
            for field in PLAN_TEXTS[1:]:
                getattr(part, field).setReadOnly(False)
        elif name == "materials":
            for editor in part.editors.values():
                body = getattr(editor, "body", None)
                if body is not None:
                    body.set_read_only(False)

    def edits(self) -> list[tuple[str, QPlainTextEdit]]:
        """(target, editor) of every tracked text in the tabs built so far."""
        found: list[tuple[str, QPlainTextEdit]] = [("document.body",
                                                    self._parts("document").body.editor)]
        plan = self._parts("plan")
        if plan is not None:
            found.append(("plan.outline", plan.outline.editor))
            found += [(f"plan.{f}", getattr(plan, f)) for f in PLAN_TEXTS[1:]]
        materials = self._parts("materials")
        for material_id, editor in (materials.editors.items() if materials is not None else ()):
            body = getattr(editor, "body", None)
            if body is not None:
                found.append((f"material:{material_id}.body", body.editor))
        return found

    def mark(self, changes: list[Change]) -> None:
        """Show pending changes in the texts of those who read the accepted text: deleted or
        replaced text struck through, the place of an insertion underlined, in the author's
        colour (in 修订模式 the editors hold the user's own version: nothing is marked)."""
        for target, edit in self.edits():
            ours = [] if self.session.tracking else [c for c in changes if c.target == target]
            edit.setExtraSelections(_marks(edit, ours))

    def texts(self, key: str) -> dict[str, str]:
        """The tracked targets of a part key as the editors hold them now."""
        if key == "document":
            return {"document.body": self._parts("document").body.text()}
        if key == "plan":
            plan = self._parts("plan")
            if plan is None:
                return {}
            return {"plan.outline": plan.outline.text(),
                    **{f"plan.{f}": getattr(plan, f).toPlainText() for f in PLAN_TEXTS[1:]}}
        materials = self._parts("materials")
        material_id = key.split(":", 1)[-1]
        editor = materials.editor(material_id) if materials is not None else None
        body = getattr(editor, "body", None)
        return {} if body is None else {f"material:{material_id}.body": body.text()}

    def save(self, key: str) -> None:
        """Store the user's edits of a part as tracked changes (raises like a save would)."""
        session = self.session
        changed = False
        for target, text in self.texts(key).items():
            if self._stored.get(target) == text:
                continue
            session.workbench.changes.propose(session.user, session.package_id, target, text)
            self._stored[target] = text
            changed = True
        if changed:
            self.proposed.emit()


def _marks(edit: QPlainTextEdit, changes: list[Change]) -> list[QTextEdit.ExtraSelection]:
    text = edit.toPlainText()
    marks = []
    for change in changes:
        at = locate(text, change)
        if at is None:
            continue
        colour = QColor(author_colour(change.author_name))
        fmt = QTextCharFormat()
        fmt.setForeground(colour)
        if change.old:
            start, end = at, at + len(change.old)
            fmt.setFontStrikeOut(True)
        else:  # an insertion: the character before (or after) the place, underlined
            start, end = (at - 1, at) if at else (0, min(1, len(text)))
            fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
            fmt.setUnderlineColor(colour)
        if start == end:
            continue
        fmt.setBackground(QColor(colour.red(), colour.green(), colour.blue(), 28))
        cursor = QTextCursor(edit.document())
        cursor.setPosition(_units(text, start))
        cursor.setPosition(_units(text, end), QTextCursor.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor, mark.format = cursor, fmt
        marks.append(mark)
    return marks


def select_change(edit: QPlainTextEdit, change: Change) -> bool:
    """Select the text a change replaces (or the place it inserts at) in an editor."""
    text = edit.toPlainText()
    at = locate(text, change)
    if at is None:
        return False
    cursor = edit.textCursor()
    cursor.setPosition(_units(text, at))
    cursor.setPosition(_units(text, at + len(change.old)), QTextCursor.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    edit.setFocus(Qt.OtherFocusReason)
    return True


def _units(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2


class ChangesPanel(QWidget):
    """The pending tracked changes of the package, for the writers to accept or reject."""

    count_changed = Signal(int)
    listed = Signal(list)  # the pending changes, whenever read again
    settled = Signal()  # the content may have changed: the workspace reads it again

    def __init__(self, session: PackageSession, flush: Callable[[], bool],
                 reveal: Callable[[Change], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self._flush, self._reveal = session, flush, reveal
        self.changes: list[Change] = []
        self.summary = QLabel(wordWrap=True)
        self.list = QListWidget(wordWrap=True)
        self.list.setAccessibleName(self.tr("Tracked changes"))
        self.list.setStyleSheet("QListWidget::item { border-bottom: 1px solid #c9ced6; }"
                                " QListWidget::item:selected { background: #e3ecfa; }")
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _i: self.reveal_current())
        self.list.setToolTip(self.tr("Double-click to show the change in the text."))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_all_button = QPushButton(self.tr("Accept all"))
        self.reject_all_button = QPushButton(self.tr("Reject all"))
        self.accept_button.clicked.connect(lambda: self._settle("accept"))
        self.reject_button.clicked.connect(lambda: self._settle("reject"))
        self.accept_all_button.clicked.connect(lambda: self._settle("accept_all"))
        self.reject_all_button.clicked.connect(lambda: self._settle("reject_all"))
        self.why = QLabel(wordWrap=True)
        self.why.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        one, every = QHBoxLayout(), QHBoxLayout()
        for row, buttons in ((one, (self.accept_button, self.reject_button)),
                             (every, (self.accept_all_button, self.reject_all_button))):
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)
        layout.addWidget(self.why)

    @property
    def may_settle(self) -> bool:
        """Whether the user may accept or reject changes of the open package."""
        package = self.session.package
        return package is not None and permissions.may(self.session.user,
                                                       permissions.SETTLE_CHANGE, package)

    def refresh(self) -> None:
        """Read the pending changes again."""
        session = self.session
        self.changes = []
        if session.package is not None:
            try:
                self.changes = session.workbench.changes.pending(session.user, session.package_id)
            except AppError:
                self.changes = []
        self._show()

    def _show(self) -> None:
        package = self.session.package
        row = self.list.currentRow()
        self.list.clear()
        for change in self.changes:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, change.id)
            label = QLabel(self._entry_html(change, package), wordWrap=True,
                           textFormat=Qt.RichText)
            label.setContentsMargins(4, 6, 4, 6)
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            item.setSizeHint(label.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, label)
        if self.changes:
            self.list.setCurrentRow(min(max(row, 0), len(self.changes) - 1))
            authors = len({c.author_name for c in self.changes})
            self.summary.setText(self.tr("{count} changes by {authors} people wait for a "
                                         "writer to accept or reject them.").format(
                count=str(len(self.changes)), authors=str(authors)))
        else:
            self.summary.setText(self.tr("No tracked changes wait for a decision."))
        self._update_buttons()
        self.count_changed.emit(len(self.changes))
        self.listed.emit(self.changes)

    def _entry_html(self, change: Change, package: Package | None) -> str:
        colour = author_colour(change.author_name)
        where = target_label(change.target, package)
        try:
            text = text_at(package, change.target) if package else ""
        except ValueError:
            text = ""
        imported = self.tr(" (from {file})").format(file=change.source) if change.external else ""
        return (f'<b style="color:{colour}">■ {html.escape(change.author_name)}</b>'
                f'{html.escape(imported)} · {html.escape(format_datetime_cn(change.made_at))}'
                f'<br><span style="color:#5f6368">{html.escape(where)}</span><br>'
                + segments_html(excerpt(text, change)))

    def _update_buttons(self) -> None:
        settle = self.may_settle
        chosen = self.list.currentRow() >= 0
        self.accept_button.setEnabled(settle and chosen)
        self.reject_button.setEnabled(settle and chosen)
        self.accept_all_button.setEnabled(settle and bool(self.changes))
        self.reject_all_button.setEnabled(settle and bool(self.changes))
        package = self.session.package
        why = ""
        if self.changes and package is not None and not settle:
            why = permissions.why_not(self.session.user, permissions.SETTLE_CHANGE, package) or ""
        self.why.setText(why)
        self.why.setVisible(bool(why))

    def current_change(self) -> Change | None:
        """The change selected in the list."""
        row = self.list.currentRow()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def reveal_current(self) -> bool:
        """Show the selected change in its text."""
        change = self.current_change()
        return change is not None and self._reveal is not None and self._reveal(change)

    def _settle(self, how: str) -> bool:
        session = self.session
        if session.package is None or not self._flush():
            return False
        service = session.workbench.changes
        try:
            if how in ("accept", "reject"):
                change = self.current_change()
                if change is None:
                    return False
                getattr(service, how)(session.user, session.package_id, change.id)
            else:
                getattr(service, how)(session.user, session.package_id)
        except AppError as exc:
            alerts.error(self, exc)
            self.refresh()
            return False
        self.settled.emit()
        return True
