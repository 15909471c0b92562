"""历史 tab: stored snapshots, a side-by-side diff of any two (or against the working copy), audit."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Package, Revision
from ...domain.validation import format_datetime_cn
from ..labels import action_label, state_label
from ..scrolling import scroll_page
from ..widgets import read_only_table
from .session import PackageSession
from .snapshots import (
    content_of_package,
    content_of_revision,
    diff_html,
    last_review_snapshot,
    lines_of,
)

WORKING = -1  # combo data of the working copy


class HistoryTab(QWidget):
    """Revisions, their comparison and the audit events of the package."""

    def __init__(self, session: PackageSession, working_copy: Callable[[], Package],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self._working_copy = session, working_copy
        self.revisions: list[Revision] = []
        self.revision_table = read_only_table(
            [self.tr("Snapshot"), self.tr("Revision"), self.tr("Time"), self.tr("By"),
             self.tr("Digest")])
        self.audit_table = read_only_table(
            [self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Details")])
        self.change_table = read_only_table(
            [self.tr("Time"), self.tr("Changed by"), self.tr("Where"), self.tr("Change"),
             self.tr("Outcome"), self.tr("Decided by")])
        self.change_table.setAccessibleName(self.tr("Tracked changes"))
        self.left, self.right = QComboBox(), QComboBox()
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.clicked.connect(self.compare)
        self.since_button = QPushButton(self.tr("Changes since my last review"))
        self.since_button.clicked.connect(self.compare_since_my_review)
        self.summary = QLabel()
        self.diff = QTextBrowser()
        for widget, text in ((self.revision_table, self.tr("Stored versions")),
                             (self.audit_table, self.tr("Audit events")),
                             (self.left, self.tr("Compare")), (self.right, self.tr("with")),
                             (self.diff, self.tr("Differences"))):
            widget.setAccessibleName(text)
        self.revision_table.itemSelectionChanged.connect(self._pick_from_table)
        self._build()

    def _build(self) -> None:
        left = QSplitter(Qt.Vertical)
        left.addWidget(self._titled(self.tr("Stored versions"), self.revision_table))
        left.addWidget(self._titled(self.tr("Audit events"), self.audit_table))
        left.addWidget(self._titled(self.tr("Tracked changes"), self.change_table))
        controls = QHBoxLayout()
        for combo in (self.left, self.right):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for widget in (QLabel(self.tr("Compare")), self.left, QLabel(self.tr("with")), self.right):
            controls.addWidget(widget)
        controls.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.compare_button)
        second.addWidget(self.summary, 1)
        second.addWidget(self.since_button)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(second)
        layout.addWidget(self.diff, 1)
        split = self.splitter = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([450, 600])
        split.setChildrenCollapsible(False)
        outer = scroll_page(self)  # scrolls in a short window instead of squeezing
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(split)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold;")
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload snapshots and audit events of the current package."""
        session = self.session
        if session.package is None:
            return
        review = session.workbench.review
        self.revisions = review.revisions(session.user, session.package_id)
        self._show_revisions()
        self._show_audit(review.audit_events(session.user, session.package_id))
        self._show_changes(session.workbench.changes.history(session.user, session.package_id))
        self._fill_combos()
        self._update_since_button()
        self.diff.clear()
        self.summary.setText(self.tr("Choose two versions and press Compare."))

    def _revision_label(self, r: Revision) -> str:
        kind = {"submit": self.tr("Submitted"), "pass": self.tr("Review passed"),
                "sign": self.tr("Signed"), "release": self.tr("Released"),
                "save": self.tr("Saved version")}.get(r.kind, r.kind)
        return f"{kind} {r.label}".strip()

    def _show_revisions(self) -> None:
        table = self.revision_table
        table.setRowCount(len(self.revisions))
        for row, r in enumerate(self.revisions):
            cells = (self._revision_label(r), str(r.revision), format_datetime_cn(r.created_at),
                     self.session.name_of(r.actor_id), r.digest[:12] + "…")
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))

    def _show_audit(self, events) -> None:
        table = self.audit_table
        table.setRowCount(len(events))
        for row, event in enumerate(reversed(events)):
            cells = (format_datetime_cn(event.at), self.session.name_of(event.actor_id),
                     self._event_label(event.action), self._event_detail(event.detail))
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))

    def _show_changes(self, changes) -> None:
        """Who changed what as tracked changes, and who accepted or rejected it (newest first)."""
        from ...domain.changes import target_label

        outcomes = {"pending": self.tr("Pending"), "accepted": self.tr("Accepted"),
                    "rejected": self.tr("Rejected")}
        shown = [c for c in reversed(changes) if c.status in outcomes]
        table = self.change_table
        table.setRowCount(len(shown))
        for row, c in enumerate(shown):
            change = f"“{c.old}” → “{c.new}”" if c.old and c.new else (
                self.tr("inserted “{text}”").format(text=c.new) if c.new
                else self.tr("deleted “{text}”").format(text=c.old))
            decided = ""
            if c.decided_by is not None:
                decided = f"{self.session.name_of(c.decided_by)} {format_datetime_cn(c.decided_at)}"
            cells = (format_datetime_cn(c.made_at), c.author_name,
                     target_label(c.target, self.session.package), change, outcomes[c.status],
                     decided)
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))

    def _event_label(self, action: str) -> str:
        labels = {"create": self.tr("Created"), "edit_document": self.tr("Edited the document"),
                  "edit_plan": self.tr("Edited the plan"),
                  "edit_material": self.tr("Edited a material"),
                  "add_material": self.tr("Added a material"),
                  "delete_material": self.tr("Deleted a material"),
                  "reorder_materials": self.tr("Reordered materials"),
                  "comment": self.tr("Commented"), "comment_resolved": self.tr("Resolved a comment"),
                  "comment_reopened": self.tr("Reopened a comment"),
                  "signoff": self.tr("Sign-off recorded"), "save_version": self.tr("Saved a version"),
                  "due_date": self.tr("Set the due date"), "export": self.tr("Exported"),
                  "propose_change": self.tr("Made tracked changes"),
                  "accept_change": self.tr("Accepted a tracked change"),
                  "reject_change": self.tr("Rejected a tracked change"),
                  "record_external_changes": self.tr("Imported tracked changes")}
        return labels.get(action) or action_label(action)

    @staticmethod
    def _event_detail(detail: str) -> str:
        try:
            data = json.loads(detail) if detail else {}
        except ValueError:
            return detail
        if not isinstance(data, dict):
            return str(data)
        for key in ("reason", "what", "title", "label", "due_date"):
            if data.get(key):
                return str(data[key])
        if data.get("from") and data.get("to"):
            return f"{state_label(data['from']) if data.get('from') else ''} → " \
                   f"{state_label(data['to']) if data.get('to') else ''}"
        return ""

    def _fill_combos(self) -> None:
        for combo in (self.left, self.right):
            combo.clear()
            for r in self.revisions:
                combo.addItem(f"{self._revision_label(r)} · {format_datetime_cn(r.created_at)}",
                              r.id)
            combo.addItem(self.tr("Working copy"), WORKING)
        if self.revisions:
            self.left.setCurrentIndex(len(self.revisions) - 1)
        self.right.setCurrentIndex(self.right.count() - 1)

    def _update_since_button(self) -> None:
        visible = self.session.is_reviewer
        self.since_button.setVisible(visible)
        if visible:
            found = self._my_review_snapshot()
            self.since_button.setEnabled(found is not None)
            self.since_button.setToolTip("" if found else self.tr(
                "You have not passed, returned or signed this package yet."))

    def _my_review_snapshot(self) -> Revision | None:
        session = self.session
        decisions = session.workbench.review.decisions(session.user, session.package_id)
        return last_review_snapshot(session.user.id, decisions, self.revisions)

    # -- comparing ------------------------------------------------------------------------
    def _pick_from_table(self) -> None:
        rows = sorted({i.row() for i in self.revision_table.selectedIndexes()})
        if rows:
            self.left.setCurrentIndex(rows[0])

    def _lines(self, key: int) -> tuple[list[str], str]:
        if key == WORKING:
            return lines_of(content_of_package(self._working_copy())), self.tr("Working copy")
        revision = next(r for r in self.revisions if r.id == key)
        label = f"{self._revision_label(revision)} · {format_datetime_cn(revision.created_at)}"
        return lines_of(content_of_revision(revision)), label

    def compare(self) -> int:
        """Show the diff of the two chosen versions; returns the number of changed places."""
        if self.left.currentData() is None or self.right.currentData() is None:
            return 0
        return self._show_diff(self.left.currentData(), self.right.currentData())

    def compare_since_my_review(self) -> int:
        """Compare the snapshot I last reviewed with the working copy."""
        revision = self._my_review_snapshot()
        if revision is None:
            return 0
        self.left.setCurrentIndex(self.left.findData(revision.id))
        self.right.setCurrentIndex(self.right.findData(WORKING))
        return self._show_diff(revision.id, WORKING)

    def _show_diff(self, left_key: int, right_key: int) -> int:
        left, left_title = self._lines(left_key)
        right, right_title = self._lines(right_key)
        text, changed = diff_html(left, right, left_title, right_title)
        self.diff.setHtml(text)
        self.summary.setText(self.tr("{count} changed places.").format(count=str(changed)) if changed
                             else self.tr("No differences."))
        return changed
