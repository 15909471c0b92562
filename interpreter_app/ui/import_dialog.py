"""Import a policy document from a file: preview in a worker, then create the draft package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from ..services.importer import create_from_parsed, source_record
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
        self.cleanup_frame = self._cleanup_boxes()
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
        self.convert_button = QCheckBox(self.tr("Convert to Simplified"), frame)
        self.convert_button.toggled.connect(lambda on: self.load(simplify=on))
        row = QHBoxLayout(frame)
        row.addWidget(label, 1)
        row.addWidget(self.convert_button)
        frame.hide()
        return frame, label

    def _cleanup_boxes(self) -> QFrame:
        """一键清理: one box for each kind of clean-up, and a button that ticks them all."""
        frame = QFrame(self)
        frame.setObjectName("noticeFrame")
        row = QHBoxLayout(frame)
        row.addWidget(QLabel(self.tr("Clean up:"), frame))
        self.cleanup_boxes: dict[str, QCheckBox] = {}
        for name in ("furniture", "duplicates", "garbage", "punctuation"):
            box = QCheckBox(frame)
            box.setObjectName("cleanup_" + name)
            box.toggled.connect(lambda _on: self.load())
            self.cleanup_boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)
        self.clean_all_button = QPushButton(self.tr("Clean up everything"), frame)
        self.clean_all_button.clicked.connect(self.clean_everything)
        row.addWidget(self.clean_all_button)
        frame.hide()
        return frame

    def clean_everything(self) -> None:
        """Tick every clean-up that has something to do (and the conversion of a Traditional
        text), then read once."""
        for box in [*self.cleanup_boxes.values(), self.convert_button]:
            box.blockSignals(True)
            box.setChecked(box.isEnabled() and box.isVisibleTo(self))
            box.blockSignals(False)
        self.load()

    def cleanup_options(self):
        """The clean-up the boxes ask for."""
        from ..domain.importing import CleanupOptions

        return CleanupOptions(**{name: box.isChecked() for name, box in self.cleanup_boxes.items()})

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Encoding"), self))
        top.addWidget(self.encoding)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.script_frame)
        layout.addWidget(self.cleanup_frame)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

    # -- reading ------------------------------------------------------------------------------
    def load(self, simplify: bool | None = None) -> None:
        """Read the file again (in a worker) with the chosen encoding."""
        if simplify is None:
            simplify = self.convert_button.isChecked()
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        start_job(self, self.tr("Reading the file…"), read_preview, self.path,
                  self.encoding.currentData(), simplify, self.user, self.cleanup_options(),
                  on_result=self._show, on_error=self._failed, cancellable=False)

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        imported, parsed = preview.imported, preview.parsed
        info = self.tr("Read {count} paragraphs; encoding: {encoding}.").format(
            count=len(imported.paragraphs), encoding=imported.encoding or "—")
        notes = imported.warnings + parsed.cleanup.lines()
        if notes:
            info += "\n" + "\n".join(notes)
        self.info_label.setText(info)
        self._show_script(parsed.script, preview.simplified)
        self._show_cleanup(preview.available)
        self.tabs.show_preview(preview)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
        self.loaded.emit()

    def _show_script(self, script, simplified: bool) -> None:
        if simplified:
            self.script_label.setText(self.tr(
                "Converted {count} Traditional characters to Simplified; untick to keep the "
                "text as written.").format(count=script.traditional_chars))
        elif script.is_traditional:
            self.script_label.setText(self.tr(
                "The text is written in Traditional characters (for example {samples}); its "
                "outline and key tasks are read in Simplified.").format(
                samples="".join(script.samples[:6])))
        self.script_frame.setVisible(simplified or script.is_traditional)

    def _show_cleanup(self, available) -> None:
        counts = {"furniture": (available.furniture_lines, self.tr("Remove web page leftovers ({n})")),
                  "duplicates": (available.duplicate_lines, self.tr("Remove repeated paragraphs ({n})")),
                  "garbage": (available.garbage_runs, self.tr("Remove garbage characters ({n})")),
                  "punctuation": (available.punctuation_lines,
                                  self.tr("Half-width punctuation to full-width ({n})"))}
        chosen = self.preview.cleanup
        for name, (count, label) in counts.items():
            box = self.cleanup_boxes[name]
            done = getattr(chosen, name)
            box.setText(label.format(n=count) if not done else label.format(n="✓"))
            box.setEnabled(bool(count) or done)
        self.cleanup_frame.setVisible(any(c for c, _ in counts.values()) or any(
            getattr(chosen, n) for n in counts))

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
            self.package = create_from_parsed(
                self.workbench.authoring, self.user, self.preview.parsed,
                fallback_title=self.path.stem,
                source=source_record(self.path, self.preview.imported.source))
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
                          "Policy documents (*.docx *.doc *.wps *.pdf *.ofd *.txt);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        dialog = cls(workbench, user, path, parent)
        return dialog.package if dialog.exec() == QDialog.Accepted else None

