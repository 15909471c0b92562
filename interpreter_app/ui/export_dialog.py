"""Export a package: choose the pack, folder and zip; the export runs in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import TargetExistsError, WorkflowError
from ..domain.model import User
from ..services.workbench import Workbench
from . import alerts
from .jobs import start_job

translate = QCoreApplication.translate
DRAFT_PACK = "parts"
REVIEW_PACK = "review"
UNSIGNED_PACKS = (DRAFT_PACK, REVIEW_PACK)  # what a package not yet signed may export


@dataclass(frozen=True)
class ExportOptions:
    """What to export and where."""

    pack: str
    out_dir: Path
    as_zip: bool


def pack_choices() -> list[tuple[str, str, str]]:
    """(pack, label, description) of every choice, in the order shown."""
    return [
        ("press", translate("ExportDialog", "Press pack"),
         translate("ExportDialog", "Public parts for release, with index and manifest")),
        ("briefing", translate("ExportDialog", "Briefing pack"),
         translate("ExportDialog", "Adds the plan and the internal materials")),
        ("web", translate("ExportDialog", "Web pack"),
         translate("ExportDialog", "HTML pages, images and metadata for the website's CMS")),
        ("all", translate("ExportDialog", "Both packs"),
         translate("ExportDialog", "Press pack and briefing pack together")),
        (DRAFT_PACK, translate("ExportDialog", "Draft Word files"),
         translate("ExportDialog", "One Word file per part, marked as draft when not signed")),
        (REVIEW_PACK, translate("ExportDialog", "Review draft (征求意见稿)"),
         translate("ExportDialog", "The whole package in one Word file, to edit with tracked "
                                   "changes and bring back")),
    ]


class ExportDialog(QDialog):
    """Pack, folder and zip for one package."""

    def __init__(self, title: str, signed: bool, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export package"))
        self.setMinimumWidth(560)
        self.group = QButtonGroup(self)
        self.folder = QLineEdit(folder, self)
        self.as_zip = QCheckBox(self.tr("Pack into one .zip file"), self)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if not signed:
            note = QLabel(self.tr("This package is not signed yet: only draft Word files can be "
                                  "exported."), self)
            note.setObjectName("noteLabel")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(self._choices(signed))
        layout.addLayout(self._folder_row())
        layout.addWidget(self.as_zip)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choices(self, signed: bool) -> QFormLayout:
        form = QFormLayout()
        for index, (pack, label, description) in enumerate(pack_choices()):
            button = QRadioButton(label, self)
            button.setProperty("pack", pack)
            button.setEnabled(signed or pack in UNSIGNED_PACKS)
            button.setChecked(pack == ("press" if signed else DRAFT_PACK))
            self.group.addButton(button, index)
            hint = QLabel(description, self)
            hint.setObjectName("hintText")
            hint.setEnabled(button.isEnabled())
            form.addRow(button, hint)
        return form

    def _folder_row(self) -> QHBoxLayout:
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Folder"), self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        return row

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def options(self) -> ExportOptions:
        """The choices made."""
        pack = self.group.checkedButton().property("pack")
        return ExportOptions(pack, Path(self.folder.text().strip()), self.as_zip.isChecked())

    def accept(self) -> None:
        """Accept only with a folder given."""
        if not self.folder.text().strip():
            self.folder.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, workbench: Workbench, user: User, package_id: int,
            folder: str = "") -> ExportOptions | None:
        """The export options, or None when cancelled."""
        package, signed = workbench.exports.signed(user, package_id)
        dialog = cls(package.title, signed,
                     folder or str(Path.home()), parent)
        return dialog.options() if dialog.exec() == QDialog.Accepted else None


def export_job(db_path: Path, user: User, package_id: int, options: ExportOptions, force: bool,
               progress=None, cancelled=None):
    """Write the pack with a connection of this thread's own; TargetExistsError unless `force`."""
    wb = Workbench.open(db_path)
    try:
        return wb.exports.export(user, package_id, options.out_dir, pack=options.pack,
                                 as_zip=options.as_zip, force=force, progress=progress,
                                 cancelled=cancelled)
    finally:
        wb.close()


def run_export(parent: QWidget, db_path: Path, user: User, package_id: int,
               options: ExportOptions, force: bool = False) -> None:
    """Export in the background; asks about overwriting and draft export; offers the folder."""
    def failed(exc: BaseException) -> None:
        """Ask about overwriting or draft export, or show the error."""
        if isinstance(exc, TargetExistsError):
            if alerts.confirm(parent, translate("ExportDialog", "Export package"),
                              translate("ExportDialog", "“{name}” exists already. Replace it?")
                              .format(name=exc.path.name)):
                run_export(parent, db_path, user, package_id, options, force=True)
        elif isinstance(exc, WorkflowError) and options.pack not in UNSIGNED_PACKS:
            question = exc.message + "\n\n" + translate(
                "ExportDialog", "Export draft Word files instead?")
            if alerts.confirm(parent, translate("ExportDialog", "Export package"), question):
                draft = ExportOptions(DRAFT_PACK, options.out_dir, options.as_zip)
                run_export(parent, db_path, user, package_id, draft, force)
        else:
            alerts.error(parent, exc, translate("ExportDialog", "Export failed"))

    start_job(parent, translate("ExportDialog", "Exporting…"), export_job, db_path, user,
              package_id, options, force, on_result=lambda result: finished(parent, result),
              on_error=failed)


def finished(parent: QWidget, result) -> None:
    """Say where the files are and offer to open the folder."""
    path = Path(result.path)
    text = translate("ExportDialog", "{count} files were written to:\n{path}").format(
        count=len(result.files), path=path)
    if alerts.done(parent, translate("ExportDialog", "Export finished"), text,
                   translate("ExportDialog", "Open folder")):
        folder = path if path.is_dir() else path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
