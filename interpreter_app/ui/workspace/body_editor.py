"""The body editor: heading levels 一、（一）1.（1）highlighted, outline, character count, find, undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import article_level, char_count, heading_lead, heading_level, outline
from .anchors import AnchoredEdit, CommentHub

LEVEL_COLORS = {1: "#8a1c1c", 2: "#1d4f91", 3: "#2f6b3a", 4: "#6b4a1d"}
OUTLINE_DELAY_MS = 300
# Below this panel width (logical pixels) the outline folds away behind its toggle: the text
# needs the room more (28 characters, a GB/T 9704 line, fit in about 500 pixels).
OUTLINE_FOLD_WIDTH = 720


def _level_format(level: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(LEVEL_COLORS[level]))
    if level <= 2:
        fmt.setFontWeight(QFont.Bold)
    return fmt


class HeadingHighlighter(QSyntaxHighlighter):
    """Colours the numbered lead of each heading by its level."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = {level: _level_format(level) for level in LEVEL_COLORS}

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        stripped = text.lstrip()
        start = len(text) - len(stripped)
        article = article_level(stripped)
        if article:  # 第一章 总则 whole; of 第一条 … only the number
            length = len(stripped) if article < 3 else stripped.find("条") + 1
            self.setFormat(start, length, self._formats[1])
            return
        level = heading_level(text)
        if not level:
            return
        self.setFormat(start, len(heading_lead(stripped)), self._formats[level])


class BodyEditor(AnchoredEdit):
    """Plain text, one paragraph per line, with heading highlighting."""

    find_requested = Signal(str)  # "find", "next" or "previous"
    FIND_KEYS = ((QKeySequence.Find, "find"), (QKeySequence.FindNext, "next"),
                 (QKeySequence.FindPrevious, "previous"))

    def __init__(self, hub: CommentHub | None = None, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.highlighter = HeadingHighlighter(self.document())
        self.setLineWrapMode(AnchoredEdit.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)

    def extend_menu(self, menu) -> None:
        """“Edit table…” when the cursor is in a table of the body."""
        from .table_dialog import table_block

        menu.addSeparator()
        action = menu.addAction(self.tr("Edit table…"), self.edit_table)
        action.setEnabled(not self.isReadOnly() and table_block(self) is not None)

    def edit_table(self) -> bool:
        """Edit the table under the cursor as a grid (one undo step)."""
        from .table_dialog import TableDialog

        return TableDialog.edit_at_cursor(self)

    def _find_key(self, event: QKeyEvent) -> str | None:
        return next((name for key, name in self.FIND_KEYS if event.matches(key)), None)

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt override
        # Ctrl+F here finds in the text, not in the window's package list.
        if event.type() == QEvent.ShortcutOverride and self._find_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        name = self._find_key(event)
        if name:
            self.find_requested.emit(name)
            return
        super().keyPressEvent(event)

    def jump_to_paragraph(self, paragraph: int) -> None:
        """Put the cursor at the start of the n-th paragraph."""
        self.select_in_paragraph(paragraph, "")
        cursor = self.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.setTextCursor(cursor)


class FindBar(QWidget):
    """Find text in one editor: next, previous, not-found feedback."""

    def __init__(self, editor: BodyEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = QLineEdit(placeholderText=self.tr("Find in text"), clearButtonEnabled=True)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _t: self._mark(True))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Find:")))
        row.addWidget(self.field, 1)
        for text, tip, slot in ((self.tr("Previous"), self.tr("Find previous (Shift+F3)"),
                                 self.find_previous),
                                (self.tr("Next"), self.tr("Find next (F3)"), self.find_next),
                                ("✕", self.tr("Close (Esc)"), self.hide)):
            row.addWidget(_tool_button(text, tip, slot))
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.hide, context=Qt.WidgetWithChildrenShortcut)

    def open(self) -> None:
        """Show the bar with the editor's selection as the search text."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def find_next(self) -> bool:
        """Select the next occurrence (wrapping); False when there is none."""
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        """Select the previous occurrence (wrapping); False when there is none."""
        return self._find(QTextDocument.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.field.text()
        if not text:
            return False
        found = self.editor.find(text, flags)
        if not found:  # wrap around once
            cursor = self.editor.textCursor()
            backward = bool(flags & QTextDocument.FindBackward)
            cursor.movePosition(QTextCursor.End if backward else QTextCursor.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(text, flags)
        self._mark(found)
        return found

    def _mark(self, found: bool) -> None:
        self.field.setStyleSheet("" if found else "QLineEdit { background: #fde2e1; }")


class OutlineList(QListWidget):
    """Headings of a body, indented by level; activating one jumps to it."""

    jump = Signal(int)  # paragraph index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextElideMode(Qt.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.itemClicked.connect(lambda item: self.jump.emit(item.data(Qt.UserRole)))
        self.itemActivated.connect(lambda item: self.jump.emit(item.data(Qt.UserRole)))

    def show_outline(self, body: str) -> None:
        """Rebuild the list from the body text."""
        self.clear()
        for heading in outline(body):
            item = QListWidgetItem("    " * (heading.level - 1) + heading.text)
            item.setData(Qt.UserRole, heading.paragraph)
            item.setForeground(QColor(LEVEL_COLORS[heading.level]))
            item.setToolTip(heading.text)
            self.addItem(item)


class BodyEditorPanel(QWidget):
    """Toolbar (undo, redo, find), the editor, an outline and a character count."""

    def __init__(self, hub: CommentHub | None = None, parent: QWidget | None = None, *,
                 with_outline: bool = True) -> None:
        super().__init__(parent)
        self.editor = BodyEditor(hub)
        self.editor.setAccessibleName(self.tr("Body text"))
        self.find_bar = FindBar(self.editor)
        self.find_bar.hide()
        self.outline = OutlineList()
        self.outline.setAccessibleName(self.tr("Outline"))
        self.outline.jump.connect(self.editor.jump_to_paragraph)
        self.count_label = QLabel()
        self._outline_timer = QTimer(self, singleShot=True, interval=OUTLINE_DELAY_MS)
        self._outline_timer.timeout.connect(self.refresh_outline)
        self.editor.textChanged.connect(self._on_text_changed)
        self.outline_box: QWidget | None = None
        self._narrow: bool | None = None
        self._build(with_outline)
        self._on_text_changed()

    def _build(self, with_outline: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.find_bar)
        if with_outline:
            split = QSplitter(Qt.Horizontal)
            split.addWidget(self.editor)
            self.outline_box = self._outline_box()
            self.outline_box.hide()  # until the first resize says there is room
            split.addWidget(self.outline_box)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 0)
            split.setSizes([600, 210])
            split.setChildrenCollapsible(False)
            layout.addWidget(split, 1)
        else:
            self.outline.hide()
            self.outline_toggle.hide()
            layout.addWidget(self.editor, 1)
        self.editor.find_requested.connect(self._find_requested)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.undo_button = _tool_button(self.tr("Undo"), self.tr("Undo (Ctrl+Z)"), self.editor.undo)
        self.redo_button = _tool_button(self.tr("Redo"), self.tr("Redo (Ctrl+Y)"), self.editor.redo)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.editor.undoAvailable.connect(self.undo_button.setEnabled)
        self.editor.redoAvailable.connect(self.redo_button.setEnabled)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addWidget(_tool_button(self.tr("Find"), self.tr("Find in text (Ctrl+F)"),
                                   self.find_bar.open))
        self.outline_toggle = _tool_button(self.tr("Outline"), self.tr("Show or hide the outline"),
                                           self.show_outline)
        self.outline_toggle.setCheckable(True)
        row.addWidget(self.outline_toggle)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _outline_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Outline"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.outline, 1)
        box.setMinimumWidth(160)
        return box

    def show_outline(self, shown: bool) -> None:
        """Show or fold away the outline beside the text."""
        if self.outline_box is not None:
            self.outline_box.setVisible(shown)
        self.outline_toggle.setChecked(shown)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = event.size().width() < OUTLINE_FOLD_WIDTH
        if narrow != self._narrow and self.outline_box is not None:
            self._narrow = narrow
            self.show_outline(not narrow)

    def _find_requested(self, name: str) -> None:
        {"find": self.find_bar.open, "next": self.find_bar.find_next,
         "previous": self.find_bar.find_previous}[name]()

    def set_text(self, text: str) -> None:
        """Replace the text without leaving an undo step behind."""
        self.editor.setPlainText(text)
        self.refresh_outline()

    def text(self) -> str:
        """The current text."""
        return self.editor.toPlainText()

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock typing (selection and find stay available)."""
        self.editor.setReadOnly(read_only)
        self.undo_button.setVisible(not read_only)
        self.redo_button.setVisible(not read_only)

    def refresh_outline(self) -> None:
        """Rebuild the outline from the text."""
        self.outline.show_outline(self.editor.toPlainText())

    def _on_text_changed(self) -> None:
        text = self.editor.toPlainText()
        paragraphs = sum(1 for line in text.split("\n") if line.strip())
        self.count_label.setText(self.tr("{chars} characters · {paragraphs} paragraphs").format(chars=f"{char_count(text):,}", paragraphs=str(paragraphs)))
        self._outline_timer.start()


def _tool_button(text: str, tip: str, slot) -> QToolButton:
    button = QToolButton(text=text, toolTip=tip, autoRaise=True)
    button.clicked.connect(slot)
    return button
