"""Import a policy document from a file: preview in a worker, then create the draft package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError
from ..domain.model import Package, User
from ..services.importer import create_from_parsed
from ..services.workbench import Workbench
from . import alerts
from .file_types import TEXT_SUFFIXES
from .import_preview import ImportPreview, PreviewTabs, read_preview
from .jobs import start_job

ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")
translate = QCoreApplication.translate


class ImportDialog(QDialog):
    """Shows what was read from a file and creates the package on OK."""

    loaded = Signal()  # a preview is shown (after the first read and after every re-read)

    def __init__(self, workbench: Workbench, user: User, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user, self.path = workbench, user, Path(path)
        self.preview: ImportPreview | None = None
        self.package: Package | None = None
        self.setWindowTitle(self.tr("Import “{name}”").format(name=self.path.name))
        self.resize(900, 640)
        self.encoding = self._encoding_combo()
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.script_frame, self.script_label = self._script_notice()
        self.tabs = PreviewTabs(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Create package"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.load()

    def _encoding_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("Detect automatically"), None)
        for name in ENCODINGS:
            combo.addItem(name.upper(), name)
        combo.setEnabled(self.path.suffix.lower() in TEXT_SUFFIXES)
        combo.setToolTip(self.tr("Choose another encoding when the preview shows garbled text"))
        combo.activated.connect(lambda _index: self.load())
        return combo

    def _script_notice(self) -> tuple[QFrame, QLabel]:
        frame = QFrame(self)
        frame.setObjectName("noticeFrame")
        label = QLabel(frame)
        label.setWordWrap(True)
        self.convert_button = QPushButton(self.tr("Convert to Simplified"), frame)
        self.convert_button.clicked.connect(lambda: self.load(simplify=True))
        row = QHBoxLayout(frame)
        row.addWidget(label, 1)
        row.addWidget(self.convert_button)
        frame.hide()
        return frame, label

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Encoding"), self))
        top.addWidget(self.encoding)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.script_frame)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    # -- reading ------------------------------------------------------------------------------
    def load(self, simplify: bool | None = None) -> None:
        """Read the file again (in a worker) with the chosen encoding."""
        if simplify is None:
            simplify = bool(self.preview and self.preview.simplified)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        start_job(self, self.tr("Reading the file…"), read_preview, self.path,
                  self.encoding.currentData(), simplify, self.user,
                  on_result=self._show, on_error=self._failed, cancellable=False)

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        imported, parsed = preview.imported, preview.parsed
        info = self.tr("Read {count} paragraphs; encoding: {encoding}.").format(
            count=len(imported.paragraphs), encoding=imported.encoding or "—")
        if imported.warnings:
            info += "\n" + "\n".join(imported.warnings)
        self.info_label.setText(info)
        self._show_script(parsed.script, preview.simplified)
        self.tabs.show_preview(preview)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
        self.loaded.emit()

    def _show_script(self, script, simplified: bool) -> None:
        if simplified:
            self.script_label.setText(self.tr("Converted from Traditional to Simplified characters."))
            self.convert_button.hide()
        elif script.is_traditional:
            self.script_label.setText(self.tr(
                "The text is written in Traditional characters (for example {samples}).").format(
                samples="".join(script.samples[:6])))
            self.convert_button.show()
        self.script_frame.setVisible(simplified or script.is_traditional)

    def _failed(self, exc: BaseException) -> None:
        alerts.error(self, exc, self.tr("Import failed"))
        if self.preview is None:
            self.reject()
        else:
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)

    # -- creating -----------------------------------------------------------------------------
    def accept(self) -> None:
        """Create the draft package from the preview."""
        if self.preview is None:
            return
        try:
            self.package = create_from_parsed(self.workbench.authoring, self.user,
                                              self.preview.parsed, fallback_title=self.path.stem)
        except AppError as exc:
            alerts.error(self, exc, self.tr("Import failed"))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, workbench: Workbench, user: User,
            path: Path | None = None) -> Package | None:
        """The created package, or None; asks for the file when no path is given."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                parent, translate("ImportDialog", "Import policy document"), "",
                translate("ImportDialog",
                          "Policy documents (*.docx *.doc *.wps *.txt);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        dialog = cls(workbench, user, path, parent)
        return dialog.package if dialog.exec() == QDialog.Accepted else None

