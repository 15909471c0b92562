"""检查 panel: runs the checks in a worker, lists findings by severity, jumps, fixes what is certain."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.checks import BLOCKING, INFO, SEVERITY_LABELS, WARNING, Finding
from ...domain.completeness import missing_parts
from ...domain.department_rules import DepartmentRules
from ...domain.model import Package
from ..worker import Worker
from .findings import is_fixable

RECHECK_DELAY_MS = 2000
SEVERITY_COLORS = {BLOCKING: "#b3261e", WARNING: "#b06000", INFO: "#1d4f91"}


def run_package_checks(package: Package, rules: DepartmentRules | None = None) -> list[Finding]:
    """All findings for a package, with its department's rules (runs in a worker)."""
    from ...domain.checks.engine import run_checks

    return run_checks(package, rules)


class FindingCard(QFrame):
    """One finding: message, where it is, and a “Fix” button when the fix is certain."""

    clicked = Signal()
    expanded = Signal()  # the list of places was shown or hidden: the row height changes

    def __init__(self, finding: Finding, where: str, fixable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        color = SEVERITY_COLORS.get(finding.severity, "#333")
        self.setStyleSheet(f"FindingCard {{ border-left: 3px solid {color}; }}")
        self.message = QLabel(finding.message, wordWrap=True)
        self.where = QLabel(where, wordWrap=True)
        self.where.setStyleSheet("color: #5f6368;")
        self.fix_button = QToolButton(text=self.tr("Fix"), visible=fixable)
        self.fix_button.setObjectName("fix_" + finding.code)
        self.fix_button.setToolTip(self.tr("Change to: {suggestion}").format(suggestion=finding.suggestion or ""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.message)
        self.places = QLabel(wordWrap=True, visible=False)
        self.places.setStyleSheet("color: #5f6368;")
        self.places_button = QToolButton(visible=finding.count > 1, checkable=True)
        self.places_button.setText(self.tr("Show {count} places").format(count=str(finding.count)))
        self.places_button.toggled.connect(self._toggle_places)
        layout.addWidget(self.places)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(self.places_button, 0, Qt.AlignBottom)
        row.addWidget(self.fix_button, 0, Qt.AlignBottom)
        layout.addLayout(row)

    def _toggle_places(self, shown: bool) -> None:
        """Expand a grouped finding into the paragraphs it covers."""
        numbers = "、".join(str(p + 1) for p in self.finding.places)
        self.places.setText(self.tr("Paragraphs {paragraphs}").format(paragraphs=numbers))
        self.places.setVisible(shown)
        self.expanded.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mousePressEvent(event)
        self.clicked.emit()


class FindingList(QListWidget):
    """Keeps the rows of card widgets as tall as their wrapped text."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Give each card row the height its text needs at the current width."""
        width = self.viewport().width() - 4
        for i in range(self.count()):
            item = self.item(i)
            widget = self.itemWidget(item)
            if widget is not None:
                item.setSizeHint(QSize(width, widget.heightForWidth(width)))


class ChecksPanel(QWidget):
    """Findings grouped by severity; click to jump, “Fix” where the correction is certain."""

    count_changed = Signal(int, int)  # blocking, all
    finished = Signal()

    def __init__(self, working_copy: Callable[[], Package | None],
                 reveal: Callable[[Finding], bool], apply_fix: Callable[[Finding], bool],
                 describe: Callable[[Finding], str], parent: QWidget | None = None,
                 rules: Callable[[], DepartmentRules | None] | None = None) -> None:
        super().__init__(parent)
        self._rules = rules or (lambda: None)
        self._working_copy, self._reveal, self._apply_fix = working_copy, reveal, apply_fix
        self._describe = describe
        self.findings: list[Finding] = []
        self.cards: list[FindingCard] = []
        self._job: Worker | None = None
        self._again = False
        self.fix_enabled = True
        self.list = FindingList()
        self.list.setVerticalScrollMode(QListWidget.ScrollPerPixel)
        self.status = QLabel(wordWrap=True)
        self.run_button = QPushButton(self.tr("Check now"))
        self.run_button.clicked.connect(self.run)
        self._timer = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.run_button)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)

    # -- running --------------------------------------------------------------------------
    def schedule(self) -> None:
        """Check again a moment after the typing stops."""
        self._timer.start()

    def run(self) -> None:
        """Check the working copy now (in a worker; a newer request runs after it)."""
        self._timer.stop()
        package = self._working_copy()
        if package is None:
            self.show_findings([])
            return
        if self._job is not None:
            self._again = True
            return
        self.status.setText(self.tr("Checking…"))
        self._job = Worker(run_package_checks, package, self._rules())
        self._job.signals.result.connect(self.show_findings)
        self._job.signals.error.connect(self._failed)
        self._job.signals.finished.connect(self._done)
        self._job.start()

    def _done(self) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.run()
        else:
            self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The checks could not run: {reason}").format(reason=str(exc)))

    # -- showing --------------------------------------------------------------------------
    def show_findings(self, findings: list[Finding]) -> None:
        """List the findings grouped by severity."""
        self.findings = list(findings)
        self.list.clear()
        self.cards = []
        for severity in (BLOCKING, WARNING, INFO):
            group = [f for f in self.findings if f.severity == severity]
            if group:
                self._add_group(severity, group)
        self.list.fit_rows()
        blocking = sum(1 for f in self.findings if f.blocking)
        self.status.setText(self._no_findings_text() if not self.findings else
                            self.tr("{count} findings, {blocking} blocking submit.").format(count=str(len(self.findings)), blocking=str(blocking)))
        self.count_changed.emit(blocking, len(self.findings))

    def _no_findings_text(self) -> str:
        """未发现问题 only when nothing is missing either: an empty package has nothing to
        check, which is no reassurance."""
        package = self._working_copy()
        missing = missing_parts(package) if package is not None else []
        if not missing:
            return self.tr("No problems found.")
        return self.tr("Nothing to correct in what is written. Still missing before submit: "
                       "{missing}.").format(missing="；".join(missing))

    def _add_group(self, severity: str, findings: list[Finding]) -> None:
        header = QListWidgetItem(f"{SEVERITY_LABELS[severity]}（{len(findings)}）")
        header.setFlags(Qt.ItemIsEnabled)
        header.setForeground(QColor(SEVERITY_COLORS[severity]))
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        self.list.addItem(header)
        for finding in findings:
            card = FindingCard(finding, self._describe(finding),
                               self.fix_enabled and is_fixable(finding))
            card.clicked.connect(lambda f=finding: self._reveal(f))
            card.fix_button.clicked.connect(lambda _c=False, f=finding: self.fix(f))
            card.expanded.connect(self.list.fit_rows)
            item = QListWidgetItem()
            item.setToolTip(self._tooltip(finding))
            self.list.addItem(item)
            self.list.setItemWidget(item, card)
            self.cards.append(card)

    def _tooltip(self, finding: Finding) -> str:
        text = self.tr("Excerpt: {excerpt}").format(excerpt=finding.excerpt)
        if finding.suggestion:
            text += "\n" + self.tr("Suggestion: {suggestion}").format(suggestion=finding.suggestion)
        return text

    # -- acting ---------------------------------------------------------------------------
    def fix(self, finding: Finding) -> bool:
        """Apply a certain fix to the editor; the edit then autosaves and the checks rerun."""
        done = self._apply_fix(finding)
        if done:
            self.schedule()
        return done
