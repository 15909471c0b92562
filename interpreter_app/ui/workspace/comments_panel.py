"""Comments of the package: add on a selection, list, resolve/reopen, jump to the anchored text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import AppError
from ...domain.validation import format_datetime_cn
from ...services.comments import AnchoredComment
from .. import alerts
from .anchors import AnchoredEdit, global_anchor
from .session import PackageSession

QUOTE_SHOWN = 40
SEPARATOR = "#c9ced6"


class CommentDialog(QDialog):
    """Asks for the text of a comment on a quoted passage."""

    def __init__(self, parent: QWidget | None, quote: str) -> None:
        super().__init__(parent, windowTitle=self.tr("Add comment"))
        self.text = QPlainTextEdit(tabChangesFocus=True)
        self.text.setAccessibleName(self.tr("Comment"))
        shown = quote if len(quote) <= QUOTE_SHOWN * 2 else quote[:QUOTE_SHOWN * 2] + "…"
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip())))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        self.ok.setToolTip(self.tr("Add the comment (Ctrl+Enter)"))
        self.text.installEventFilter(self)
        layout.addWidget(QLabel(self.tr("On: “{quote}”").format(quote=shown), wordWrap=True))
        layout.addWidget(self.text)
        hint = QLabel(self.tr("Ctrl+Enter adds the comment."))
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(440, 220)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ctrl+Enter in the text adds the comment (Enter alone starts a new line)."""
        if watched is self.text and event.type() == QEvent.KeyPress and \
                event.key() in (Qt.Key_Return, Qt.Key_Enter) and \
                event.modifiers() & Qt.ControlModifier:
            if self.ok.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, parent: QWidget | None, quote: str) -> str | None:
        """The comment text, or None when cancelled."""
        dialog = cls(parent, quote)
        return dialog.text.toPlainText().strip() if dialog.exec() == QDialog.Accepted else None


class CommentsPanel(QWidget):
    """The package's comments, newest last; detached anchors are shown as such, never moved."""

    count_changed = Signal(int)  # open comments

    def __init__(self, session: PackageSession, flush: Callable[[], bool],
                 reveal: Callable[[str, int, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self._flush, self._reveal = session, flush, reveal
        self.comments: list[AnchoredComment] = []
        self.list = QListWidget(wordWrap=True)
        # A rule under each comment: three-line entries ran into each other.
        self.list.setStyleSheet(f"QListWidget::item {{ border-bottom: 1px solid {SEPARATOR}; "
                                "padding: 6px 4px; }")
        self.list.setAccessibleName(self.tr("Comments"))
        self.list.itemDoubleClicked.connect(lambda _i: self.jump_to_current())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.toggled.connect(lambda _c: self._show())
        self.hint = QLabel(self.tr("Select text in any editor, then right-click → “Add comment” "
                                   "(Ctrl+Alt+M)."), wordWrap=True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.jump_button = QPushButton(self.tr("Go to text"))
        self.jump_button.clicked.connect(self.jump_to_current)
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.clicked.connect(self.toggle_current)
        session.hub.requested.connect(self.add_for)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.jump_button)
        row.addWidget(self.resolve_button)
        layout.addLayout(row)
        self._update_buttons()

    # -- adding ---------------------------------------------------------------------------
    def add_for(self, edit: AnchoredEdit) -> bool:
        """Comment on the selection of an edit (after saving, so the anchor matches the store)."""
        session = self.session
        if session.package is None or edit.owner is None or not session.may_comment:
            return False
        anchor = global_anchor(edit.owner, edit)
        if anchor is None:
            alerts.info(self, self.tr("Add comment"), self.tr("Select the text to comment on first."))
            return False
        text = CommentDialog.ask(self, anchor[1])
        if not text or not self._flush():
            return False
        try:
            session.workbench.comments.add(session.user, session.package_id, edit.owner.part_key(),
                                           anchor[0], anchor[1], text)
        except AppError as exc:
            alerts.error(self, exc)
            return False
        self.refresh()
        return True

    # -- listing --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the comments with their current anchors."""
        session = self.session
        self.comments = [] if session.package is None else session.workbench.comments.list(
            session.user, session.package_id)
        self._show()
        self.count_changed.emit(sum(1 for c in self.comments if not c.comment.resolved))

    def _show(self) -> None:
        self.list.clear()
        for anchored in self.comments:
            if anchored.comment.resolved and not self.show_resolved.isChecked():
                continue
            item = QListWidgetItem(self._item_text(anchored))
            item.setData(Qt.UserRole, anchored.comment.id)
            if anchored.detached:
                item.setForeground(QColor("#b3261e"))
            elif anchored.comment.resolved:
                item.setForeground(QColor("#80868b"))
            self.list.addItem(item)
        self._update_buttons()

    def _item_text(self, anchored: AnchoredComment) -> str:
        c = anchored.comment
        quote = c.quote if len(c.quote) <= QUOTE_SHOWN else c.quote[:QUOTE_SHOWN] + "…"
        lines = [f"{c.author_name} · {format_datetime_cn(c.created_at)} · {self.part_label(c.part)}",
                 f"“{quote}”", c.text]
        if anchored.detached:
            lines.append(self.tr("The text was changed; this comment is detached."))
        if c.resolved:
            lines.append(self.tr("Resolved"))
        return "\n".join(lines)

    def part_label(self, part: str) -> str:
        """政策文件, 解读方案 or the material's title."""
        if part == "document":
            return self.tr("Policy document")
        if part == "plan":
            return self.tr("Interpretation plan")
        package = self.session.package
        mid = part.split(":", 1)[-1]
        for m in package.materials if package else []:
            if m.id == mid:
                return m.title
        return self.tr("(deleted material)")

    def current(self) -> AnchoredComment | None:
        """The selected comment."""
        item = self.list.currentItem()
        if item is None:
            return None
        cid = item.data(Qt.UserRole)
        return next((c for c in self.comments if c.comment.id == cid), None)

    def _update_buttons(self) -> None:
        current = self.current()
        self.jump_button.setEnabled(current is not None and not current.detached)
        self.resolve_button.setEnabled(current is not None)
        resolved = current is not None and current.comment.resolved
        self.resolve_button.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))

    # -- acting ---------------------------------------------------------------------------
    def jump_to_current(self) -> bool:
        """Show and select the anchored text of the selected comment."""
        current = self.current()
        if current is None:
            return False
        if current.detached:
            self.session.events.status_message.emit(
                self.tr("The text was changed; this comment is detached."))
            return False
        c = current.comment
        return self._reveal(c.part, current.paragraph, c.quote)

    def toggle_current(self) -> None:
        """Resolve the selected comment, or reopen it when resolved."""
        current = self.current()
        if current is None:
            return
        try:
            self.session.workbench.comments.set_resolved(
                self.session.user, current.comment.id, not current.comment.resolved)
        except AppError as exc:
            alerts.error(self, exc)
            return
        self.refresh()
