"""附件与链接 of the selected material: files and links listed, previewed, attached, removed."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.media import FILE_TYPES, LINK_KINDS, MEDIA_KINDS
from ...domain.model import Material, MediaItem
from .session import PackageSession

PREVIEW_HEIGHT = 220


@dataclass(frozen=True)
class MediaInput:
    """A file or a link with its description, as entered."""

    kind: str
    path: Path | None
    url: str
    title: str
    alt: str
    source: str


class MediaDialog(QDialog):
    """Kind, file or link, title, and for an image its alt text and data source."""

    def __init__(self, as_file: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_file = as_file
        self.setWindowTitle(self.tr("Attach a file") if as_file else self.tr("Add a link"))
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        for code, label in MEDIA_KINDS.items():
            if (code in FILE_TYPES) if as_file else (code in LINK_KINDS):
                self.kind.addItem(label, code)
        self.where = QLineEdit(self)
        self.where.setPlaceholderText("" if as_file else "https://")
        self.title = QLineEdit(self)
        self.alt = QPlainTextEdit(self)
        self.alt.setPlaceholderText(self.tr("What the image shows, for readers who cannot see it"))
        self.alt.setFixedHeight(70)
        self.source = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        if as_file:
            browse = QPushButton(self.tr("Choose…"), self)
            browse.clicked.connect(self._browse)
            row.addWidget(browse)
        form.addRow(self.tr("File") if as_file else self.tr("Address"), row)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Alt text"), self.alt)
        form.addRow(self.tr("Data source"), self.source)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a file"), "",
            self.tr("Images, video, audio, transcripts (*.png *.jpg *.jpeg *.mp4 *.mp3 *.txt *.pdf)"))
        if path:
            self.where.setText(path)
            if not self.title.text().strip():
                self.title.setText(Path(path).stem)

    def value(self) -> MediaInput:
        """What was entered."""
        where = self.where.text().strip()
        return MediaInput(self.kind.currentData(), Path(where) if self.as_file and where else None,
                          "" if self.as_file else where, self.title.text().strip(),
                          self.alt.toPlainText().strip(), self.source.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, as_file: bool) -> MediaInput | None:
        """The entered file or link, or None when cancelled."""
        dialog = cls(as_file, parent)
        return dialog.value() if dialog.exec() == QDialog.Accepted else None


class MediaPanel(QGroupBox):
    """The selected material's files and links with a preview; the tab runs the changes."""

    attach_requested = Signal(bool)  # True: a file, False: a link
    remove_requested = Signal(int)

    def __init__(self, session: PackageSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.material: Material | None = None
        self.setTitle(self.tr("Files and links"))
        self.items = QListWidget(self)
        self.items.setMaximumHeight(110)
        self.items.currentRowChanged.connect(self._preview)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setOpenExternalLinks(True)
        self.preview.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self.preview.setMinimumHeight(60)
        self.file_button = QPushButton(self.tr("Attach file…"), self)
        self.link_button = QPushButton(self.tr("Add link…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.file_button.clicked.connect(lambda: self.attach_requested.emit(True))
        self.link_button.clicked.connect(lambda: self.attach_requested.emit(False))
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit(self.items.currentRow()))
        buttons = QHBoxLayout()
        for button in (self.file_button, self.link_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.items)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)

    def show_material(self, material: Material | None, read_only: bool) -> None:
        """List a material's files and links; buttons only while it may be edited."""
        self.material = material
        self.items.clear()
        for item in material.media if material else []:
            self.items.addItem(QListWidgetItem(self._label(item)))
        for button in (self.file_button, self.link_button):
            button.setVisible(not read_only and material is not None)
        self.remove_button.setVisible(not read_only and bool(material and material.media))
        if self.items.count():
            self.items.setCurrentRow(0)
        else:
            self.preview.setText(self.tr("No files or links. A 一图读懂 image, a video, audio, "
                                         "an H5 page or a transcript can be attached here."))

    def _label(self, item: MediaItem) -> str:
        kind = MEDIA_KINDS.get(item.kind, item.kind)
        what = item.file_name or item.url
        size = f"，{item.size / 1024:.0f} KB" if item.size else ""
        return f"{kind}：{item.title or what}（{what}{size}）"

    def _preview(self, row: int) -> None:
        if self.material is None or not 0 <= row < len(self.material.media):
            self.preview.clear()
            return
        item = self.material.media[row]
        if item.kind == "image" and item.sha256:
            data = self.session.workbench.media.file_bytes(
                self.session.user, self.session.package.id, item.sha256)
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.preview.setPixmap(pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.SmoothTransformation))
            source = self.tr("Data source")
            self.preview.setToolTip(f"{item.alt}\n{source}：{item.source}")
            return
        self.preview.setToolTip("")
        if item.url:
            self.preview.setText(f"<a href='{escape(item.url)}'>{escape(item.title or item.url)}</a>")
        else:
            self.preview.setText(escape(f"{item.file_name}（{item.mime}，SHA-256 {item.sha256[:16]}…）"))
