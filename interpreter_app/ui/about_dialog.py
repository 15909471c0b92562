"""About: version, where the data lives, and the licence of the bundled font."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from ..resources import resource_path


def app_version() -> str:
    """The installed version of the application."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("interpreter-app")
    except PackageNotFoundError:
        return "0.0"


class AboutDialog(QDialog):
    """Version, database and backup folders, and the font licence (SIL OFL 1.1)."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.resize(620, 520)
        heading = QLabel(self.tr("Policy Interpretation Workbench"), self)
        heading.setObjectName("dialogHeading")
        details = QLabel(self._details(db_path), self)
        details.setTextFormat(Qt.RichText)
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        licence = QPlainTextEdit(self._licence_text(), self, tabChangesFocus=True)
        licence.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(details)
        layout.addWidget(QLabel(self.tr("Licence of the bundled font (Interp Sans SC, "
                                        "a subset of Noto Sans CJK SC):"), self))
        layout.addWidget(licence, 1)
        layout.addWidget(buttons)

    def _details(self, db_path: Path) -> str:
        rows = [
            (self.tr("Version"), app_version()),
            (self.tr("Database"), str(db_path)),
            (self.tr("Automatic backups"), str(paths.backups_dir(db_path))),
            (self.tr("Data folder"), str(paths.data_dir())),
        ]
        cells = "".join(f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<table>{cells}</table>"

    def _licence_text(self) -> str:
        path = resource_path("fonts", "OFL.txt")
        try:
            return path.read_text("utf-8")
        except OSError:
            return self.tr("SIL Open Font License 1.1 (the licence file is missing: {path})").format(
                path=path)

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path) -> None:
        """Show the dialog until it is closed."""
        cls(db_path, parent).exec()
