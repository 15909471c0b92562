"""Editor of question/answer materials (政策问答, 答问口径): pairs to add, remove and reorder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Material, QAPair
from .anchors import AnchoredEdit, CommentHub
from .material_editors import MaterialEditor

QUESTION_HEIGHT = 52
QUESTION_LINES = (1, 3)
ANSWER_LINES = (3, 12)


def fit_to_text(edit: AnchoredEdit, lines: tuple[int, int]) -> None:
    """Keep an edit as tall as its wrapped text, between a minimum and maximum of lines."""
    def fit() -> None:
        count = max(lines[0], min(lines[1], int(edit.document().documentLayout()
                                                .documentSize().height())))
        margins = edit.contentsMargins()
        frame = 2 * edit.frameWidth() + 2 * int(edit.document().documentMargin())
        edit.setFixedHeight(count * edit.fontMetrics().lineSpacing() + frame + margins.top()
                            + margins.bottom())

    edit.document().documentLayout().documentSizeChanged.connect(lambda _s: fit())
    fit()


class PairBox(QFrame):
    """One numbered question with its answer and move/remove buttons."""

    moved = Signal(object, int)  # self, -1 up / +1 down
    removed = Signal(object)

    def __init__(self, hub: CommentHub, number: int, pair: QAPair, owner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, frameShape=QFrame.StyledPanel)
        self.question = AnchoredEdit(hub)
        self.answer = AnchoredEdit(hub)
        for edit, lines, text, hint in (
                (self.question, QUESTION_LINES, pair.question, self.tr("Question")),
                (self.answer, ANSWER_LINES, pair.answer, self.tr("Answer"))):
            edit.owner = owner
            edit.setPlainText(text)
            fit_to_text(edit, lines)
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
        self.label = QLabel(self.tr("Q{number}").format(number=str(number)))
        self.label.setStyleSheet("font-weight: bold; color: #1d4f91;")
        self.buttons = [self._button("↑", self.tr("Move up"), lambda: self.moved.emit(self, -1)),
                        self._button("↓", self.tr("Move down"), lambda: self.moved.emit(self, 1)),
                        self._button("✕", self.tr("Remove this pair"),
                                     lambda: self.removed.emit(self))]
        grid = QGridLayout(self)
        grid.addWidget(self.label, 0, 0, Qt.AlignTop)
        grid.addWidget(self.question, 0, 1)
        grid.addWidget(QLabel(self.tr("A")), 1, 0, Qt.AlignTop)
        grid.addWidget(self.answer, 1, 1)
        column = QVBoxLayout()
        for button in self.buttons:
            column.addWidget(button)
        column.addStretch(1)
        grid.addLayout(column, 0, 2, 2, 1)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(text=text, toolTip=tip, autoRaise=True)
        button.clicked.connect(slot)
        return button

    def pair(self) -> QAPair:
        """The pair as edited."""
        return QAPair(self.question.toPlainText().strip(), self.answer.toPlainText().strip())


class QAMaterialEditor(MaterialEditor):
    """An optional lead paragraph, then the question/answer pairs."""

    def build_body(self) -> QWidget:
        """Lead text, pairs in a scroll area, an add button."""
        self.pairs: list[PairBox] = []
        self.intro = AnchoredEdit(self.hub)
        self.intro.owner = self
        self.intro.setPlaceholderText(self.tr("Lead paragraph (optional)"))
        self.intro.setFixedHeight(QUESTION_HEIGHT)
        self.intro.textChanged.connect(self.emit_edited)
        self.pair_area = QWidget()
        self.pair_layout = QVBoxLayout(self.pair_area)
        self.pair_layout.setContentsMargins(0, 0, 0, 0)
        self.pair_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)  # its fields take the focus, not the frame
        scroll.setWidget(self.pair_area)
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.clicked.connect(self.add_pair)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.add_button)
        self._read_only, self._may_comment = False, False
        return box

    def load_body(self, material: Material) -> None:
        """Show the lead text and the pairs."""
        self.intro.setPlainText(material.body)
        self._show_pairs(material.qa)

    def body_value(self, material: Material) -> Material:
        """The material with the edited lead and pairs (empty pairs dropped)."""
        pairs = [p for p in (box.pair() for box in self.pairs) if p.question or p.answer]
        return replace(material, body=self.intro.toPlainText(), qa=pairs)

    def set_body_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock the pairs."""
        self._read_only, self._may_comment = read_only, may_comment
        self.add_button.setVisible(not read_only)
        for edit in self.segments():
            edit.setReadOnly(read_only)
            edit.comments_allowed = may_comment
        for box in self.pairs:
            for button in box.buttons:
                button.setVisible(not read_only)

    def segments(self) -> list[AnchoredEdit]:
        """Lead, then each question and answer."""
        edits = [self.intro]
        for box in self.pairs:
            edits += [box.question, box.answer]
        return edits

    def add_pair(self) -> None:
        """Append an empty pair and put the cursor in its question."""
        self._show_pairs([box.pair() for box in self.pairs] + [QAPair()])
        self.pairs[-1].question.setFocus()

    def _show_pairs(self, pairs: list[QAPair]) -> None:
        for box in self.pairs:
            box.setParent(None)
            box.deleteLater()
        self.pairs = []
        for number, pair in enumerate(pairs, start=1):
            box = PairBox(self.hub, number, pair, self)
            box.question.textChanged.connect(self.emit_edited)
            box.answer.textChanged.connect(self.emit_edited)
            box.moved.connect(self._move)
            box.removed.connect(self._remove)
            self.pair_layout.insertWidget(self.pair_layout.count() - 1, box)
            self.pairs.append(box)
        self.set_body_read_only(self._read_only, self._may_comment)

    def _move(self, box: PairBox, step: int) -> None:
        pairs = [b.pair() for b in self.pairs]
        index = self.pairs.index(box)
        target = index + step
        if 0 <= target < len(pairs):
            pairs[index], pairs[target] = pairs[target], pairs[index]
            self._show_pairs(pairs)
            self.emit_edited()

    def _remove(self, box: PairBox) -> None:
        pairs = [b.pair() for b in self.pairs]
        del pairs[self.pairs.index(box)]
        self._show_pairs(pairs)
        self.emit_edited()
