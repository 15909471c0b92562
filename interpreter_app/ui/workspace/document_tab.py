"""政策文件 tab: the metadata form beside the body editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...domain.model import PolicyDocument
from .anchors import AnchoredEdit
from .body_editor import BodyEditorPanel
from .metadata_form import MetadataForm
from .session import PackageSession

PART = "document"


class DocumentTab(QWidget):
    """Edits the policy document of the open package."""

    def __init__(self, session: PackageSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.form = MetadataForm()
        self.body = BodyEditorPanel(session.hub)
        self.body.editor.owner = self
        self._loading = False
        self.form.edited.connect(self._edited)
        self.body.editor.textChanged.connect(self._edited)
        self._build()

    def _build(self) -> None:
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)  # its fields take the focus, not the frame
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(340)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        heading = QLabel(self.tr("Body text (one paragraph a line)"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(self.body, 1)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 700])
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.splitter)

    # -- PartView -------------------------------------------------------------------------
    def part_key(self) -> str:
        """This tab shows the document."""
        return PART

    def segments(self) -> list[AnchoredEdit]:
        """The body is one edit."""
        return [self.body.editor]

    # -- content --------------------------------------------------------------------------
    def load(self, document: PolicyDocument) -> None:
        """Show a document."""
        self._loading = True
        self.form.load(document)
        self.body.set_text(document.body)
        self._loading = False

    def value(self, base: PolicyDocument) -> PolicyDocument:
        """The document as edited (invalid metadata keeps the stored value)."""
        edited = self.form.apply(base)
        edited.body = self.body.text()
        return edited

    def field_value(self, name: str) -> str:
        """The current text of a metadata field."""
        field = self.form.fields.get(name)
        return field.text() if field else ""

    def set_field(self, name: str, value: str) -> bool:
        """Put a value into a metadata field as if typed (one-click fixes)."""
        return self.form.set_field(name, value)

    def focus_field(self, name: str) -> None:
        """Move the keyboard focus to a metadata field, or to the body."""
        if name == "body":
            self.body.editor.setFocus(Qt.OtherFocusReason)
            return
        self.form.focus_field(name)

    def set_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock editing; commenting follows the user's rights."""
        self.form.set_read_only(read_only)
        self.body.set_read_only(read_only)
        self.body.editor.comments_allowed = may_comment

    def _edited(self) -> None:
        if not self._loading:
            self.session.edited.emit(PART)

