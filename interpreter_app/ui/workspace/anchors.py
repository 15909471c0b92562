"""Text editors that know their paragraphs: anchors for comments and jumps from findings.

A part ("document", "plan", "material:<id>") may be edited in several boxes (a Q&A material has
one per question and answer). Its paragraphs are the non-empty lines of those boxes, in order,
exactly as services.comments.part_paragraphs counts them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

COMMENT_SHORTCUT = QKeySequence("Ctrl+Alt+M")


class CommentHub(QObject):
    """Where an editor asks for a comment on its selection (the workspace answers)."""

    requested = Signal(object)  # the AnchoredEdit


class PartView(Protocol):
    """Something that shows one part in one or more AnchoredEdits."""

    def part_key(self) -> str:
        """'document', 'plan' or 'material:<id>'."""

    def segments(self) -> list[AnchoredEdit]:
        """The edits holding the part's paragraphs, in order."""


class AnchoredEdit(QPlainTextEdit):
    """A plain-text editor whose context menu offers “Add comment” on a selection."""

    def __init__(self, hub: CommentHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab leaves the editor: our texts need no tab character
        self.hub = hub
        self.owner: PartView | None = None
        self.comments_allowed = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(event.pos())
        if self.hub is not None and self.owner is not None:
            menu.addSeparator()
            action = menu.addAction(self.tr("Add comment…"), self.request_comment)
            action.setShortcut(COMMENT_SHORTCUT)
            action.setEnabled(self.comments_allowed and self.textCursor().hasSelection())
        self.extend_menu(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def extend_menu(self, menu) -> None:
        """Add editor-specific actions to the context menu (none here)."""

    def request_comment(self) -> None:
        """Ask the workspace to comment on the current selection."""
        if self.hub is not None:
            self.hub.requested.emit(self)

    def paragraph_count(self) -> int:
        """Number of non-empty lines."""
        return sum(1 for line in self.toPlainText().split("\n") if line.strip())

    def local_anchor(self) -> tuple[int, str] | None:
        """(paragraph index within this edit, quoted text) of the selection, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        start = doc.findBlock(cursor.selectionStart())
        end_in_block = min(cursor.selectionEnd(), start.position() + len(start.text()))
        quote = start.text()[cursor.selectionStart() - start.position():
                             end_in_block - start.position()].strip()
        if not quote:
            return None
        index = sum(1 for n in range(start.blockNumber()) if doc.findBlockByNumber(n).text().strip())
        return index, quote

    def block_of_paragraph(self, paragraph: int) -> int | None:
        """Block number of the n-th non-empty line, or None."""
        seen = -1
        for number, line in enumerate(self.toPlainText().split("\n")):
            if line.strip():
                seen += 1
                if seen == paragraph:
                    return number
        return None

    def select_in_paragraph(self, paragraph: int, quote: str = "") -> bool:
        """Select `quote` in the n-th paragraph (or the whole paragraph); False if absent."""
        number = self.block_of_paragraph(paragraph)
        if number is None:
            return False
        block = self.document().findBlockByNumber(number)
        start = block.text().find(quote) if quote else -1
        length = len(quote) if start >= 0 else len(block.text())
        start = max(start, 0)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + start + length, QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()
        return True

    def replace_paragraph(self, paragraph: int, text: str) -> bool:
        """Replace the n-th paragraph's text, or remove its line for '' (one undo step)."""
        number = self.block_of_paragraph(paragraph)
        if number is None:
            return False
        block = self.document().findBlockByNumber(number)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
        if not text and block.next().isValid():
            cursor.movePosition(QTextCursor.NextCharacter, QTextCursor.KeepAnchor)
        cursor.insertText(text)
        self.setTextCursor(cursor)
        return True


def global_anchor(view: PartView, edit: AnchoredEdit) -> tuple[int, str] | None:
    """(paragraph index within the part, quote) of the selection in one of its edits."""
    local = edit.local_anchor()
    if local is None:
        return None
    offset = 0
    for segment in view.segments():
        if segment is edit:
            return offset + local[0], local[1]
        offset += segment.paragraph_count()
    return None


def locate(view: PartView, paragraph: int) -> tuple[AnchoredEdit, int] | None:
    """The edit holding the part's n-th paragraph and the index within it."""
    for segment in view.segments():
        count = segment.paragraph_count()
        if paragraph < count:
            return segment, paragraph
        paragraph -= count
    return None


def reveal(view: PartView, paragraph: int, quote: str = "") -> bool:
    """Select the quote in the part's n-th paragraph; False when the paragraph is gone."""
    found = locate(view, paragraph)
    if found is None:
        return False
    edit, local = found
    return edit.select_in_paragraph(local, quote)
