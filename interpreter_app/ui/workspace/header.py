"""The workspace header: title, state, save indicator, and the read-only banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Package
from ..elided_label import ElidedLabel
from ..labels import state_label
from ..style import STATE_COLORS
from . import autosave

SAVE_COLORS = {autosave.SAVED: "#2f6b3a", autosave.DIRTY: "#b06000", autosave.SAVING: "#1d4f91",
               autosave.FAILED: "#b3261e", autosave.CONFLICT: "#b3261e",
               autosave.INVALID: "#b3261e"}


class WorkspaceHeader(QWidget):
    """Package title and state on the left, the save state and actions on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ElidedLabel()  # a long title must not widen the window
        self.title.setObjectName("workspaceTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state = QLabel()
        self.meta = QLabel()
        self.meta.setStyleSheet("color: #5f6368;")
        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")
        self.conflict_button = QPushButton(self.tr("Resolve conflict…"))
        self.conflict_button.hide()
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setToolTip(self.tr("Try to save the changes again now"))
        self.retry_button.hide()
        self.save_problem = QLabel(wordWrap=True)
        self.save_problem.setObjectName("save_problem")
        self.save_problem.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.save_problem.setStyleSheet("QLabel { background: #fce8e6; border: 1px solid #f1998e; "
                                        "border-radius: 3px; padding: 6px; color: #8c1d18; }")
        self.save_problem.hide()
        self.save_version_button = QPushButton(self.tr("Save version"))
        self.save_version_button.setToolTip(self.tr("Store a named snapshot of the whole package"))
        self.side_toggle = QToolButton(checkable=True)
        self.side_toggle.setObjectName("sideToggle")
        self.side_toggle.setToolTip(self.tr("Show or hide comments and checks (F8)"))
        self.show_side_counts(0)
        self.banner = QLabel(wordWrap=True)
        self.banner.setObjectName("read_only_banner")
        self.banner.setStyleSheet("QLabel { background: #fff4d6; border: 1px solid #f0c36d; "
                                  "border-radius: 3px; padding: 6px; color: #5c4400; }")
        self.banner.hide()
        self._build()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.state)
        top.addSpacing(12)
        top.addWidget(self.save_state)
        top.addWidget(self.retry_button)
        top.addWidget(self.conflict_button)
        top.addWidget(self.save_version_button)
        top.addWidget(self.side_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addWidget(self.save_problem)
        layout.addWidget(self.banner)
        line = QFrame(frameShape=QFrame.HLine, frameShadow=QFrame.Sunken)
        layout.addWidget(line)

    def show_side_counts(self, comments: int) -> None:
        """The toggle's text: 批注与检查, with the number of open comments."""
        text = self.tr("Comments and checks")
        self.side_toggle.setText(f"{text} ({comments})" if comments else text)

    def show_package(self, package: Package, holder: str, lock_reason: str) -> None:
        """Title, state chip, document number and holder, and the banner when read-only."""
        self.title.setText(package.title or self.tr("(untitled)"))
        color = STATE_COLORS.get(package.state, "#333")
        self.state.setText(state_label(package.state))
        self.state.setStyleSheet(f"QLabel {{ color: white; background: {color}; "
                                 "border-radius: 3px; padding: 2px 8px; font-weight: bold; }")
        parts = [package.document.doc_number or self.tr("no document number yet"),
                 self.tr("revision {revision}").format(revision=str(package.revision))]
        if holder:
            parts.append(self.tr("now with {holder}").format(holder=holder))
        self.meta.setText(" · ".join(parts))
        self.banner.setText(lock_reason)
        self.banner.setVisible(bool(lock_reason))

    def show_save_state(self, state: str, message: str, kept: str = "") -> None:
        """已保存/未保存/保存中/保存失败; a failure's reason and where the text is kept below."""
        labels = {autosave.SAVED: self.tr("Saved"), autosave.DIRTY: self.tr("Unsaved"),
                  autosave.SAVING: self.tr("Saving…"), autosave.FAILED: self.tr("Save failed"),
                  autosave.CONFLICT: self.tr("Conflict: not saved"),
                  autosave.INVALID: self.tr("Not saved: please correct")}
        self.save_state.setText("● " + labels.get(state, state))
        self.save_state.setProperty("state", state)
        self.save_state.setToolTip("\n".join(t for t in (message, kept) if t))
        self.save_state.setStyleSheet(f"color: {SAVE_COLORS.get(state, '#333')}; font-weight: bold;")
        self.conflict_button.setVisible(state == autosave.CONFLICT)
        self.retry_button.setVisible(state == autosave.FAILED)
        problem = state == autosave.FAILED and bool(message)
        if problem:
            reason = self.tr("Save failed: {reason}").format(reason=message)
            self.save_problem.setText(reason + ("\n" + kept if kept else ""))
        self.save_problem.setVisible(problem)
