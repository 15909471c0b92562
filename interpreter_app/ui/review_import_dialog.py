"""导入修改稿…: choose a 征求意见稿 edited in Word, WPS or LibreOffice, import it in a worker,
then show what came in and what could not be placed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import User
from ..services.workbench import Workbench
from . import alerts
from .jobs import start_job

translate = QCoreApplication.translate


class ReviewReportDialog(QDialog):
    """The report of one import: counts, authors and the lines that could not be placed."""

    def __init__(self, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edited draft imported"))
        self.setMinimumSize(620, 360)
        layout = QVBoxLayout(self)
        heading = QLabel(report.lines[0], self)
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        hint = QLabel(self.tr("The changes are tracked changes of the package, marked as "
                              "external: accept or reject them one by one."), self)
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.details = QPlainTextEdit("\n".join(report.lines[1:]), self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def choose_file(parent: QWidget, folder: str = "") -> Path | None:
    """The edited .docx, or None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("ReviewImport", "Import edited draft"), folder or str(Path.home()),
        translate("ReviewImport", "Word documents (*.docx)"))
    return Path(path) if path else None


def import_job(db_path, user: User, package_id: int, path: Path):
    """Import with a connection of this thread's own."""
    wb = Workbench.open(db_path)
    try:
        return wb.review_import.import_review(user, package_id, path)
    finally:
        wb.close()


def run_review_import(parent: QWidget, db_path, user: User, package_id: int,
                      path: Path | None = None, on_done=None) -> None:
    """Ask for the file (unless given), import it in the background, show the report."""
    path = path or choose_file(parent)
    if path is None:
        return

    def finished(report) -> None:
        if on_done is not None:
            on_done(report)
        ReviewReportDialog(report, parent).exec()

    start_job(parent, translate("ReviewImport", "Importing edited draft…"), import_job, db_path,
              user, package_id, path, on_result=finished,
              on_error=lambda exc: alerts.error(parent, exc, translate(
                  "ReviewImport", "The edited draft could not be imported")),
              cancellable=False)
