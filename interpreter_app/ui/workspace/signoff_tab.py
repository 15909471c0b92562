"""审签 tab: where the package stands, the actions this user may take now, sign-offs and decisions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import permissions, workflow
from ...domain.checks import Finding
from ...domain.completeness import submit_checklist
from ...domain.digest import package_digest
from ...domain.errors import AppError, IncompleteError
from ...domain.validation import format_date_cn, format_datetime_cn
from ...services.routes import CURRENT
from .. import alerts
from ..labels import action_label, role_label, state_label
from ..scrolling import scroll_page
from ..style import STATE_COLORS
from ..widgets import fill_table, read_only_table
from .posting_panel import PostingPanel
from .route_choice import NO_ROUTE, RouteChoiceDialog
from .route_progress import RouteProgressLine
from .session import PackageSession
from .signoff_dialogs import (
    IncompleteDialog,
    ReasonDialog,
    ReleaseDialog,
    SignOffDialog,
    grouped_digest,
)

BROKEN_COLOR = "#c5221f"


def _mark_broken(table: QTableWidget, rows: set[int]) -> None:
    """Sign-offs whose signature does not stand, in red, the reason in the tooltip."""
    for r in rows:
        for c in range(table.columnCount()):
            item = table.item(r, c)
            item.setForeground(QBrush(QColor(BROKEN_COLOR)))
            item.setToolTip(table.item(r, table.columnCount() - 1).text())


class SignoffTab(QWidget):
    """State, holder, the available actions as buttons, and the record of sign-offs."""

    def __init__(self, session: PackageSession, flush: Callable[[], bool],
                 reload: Callable[[], None], parent: QWidget | None = None, *,
                 reveal: Callable[[Finding], bool] | None = None) -> None:
        super().__init__(parent)
        self.session, self._flush, self._reload = session, flush, reload
        self._reveal = reveal  # shows the place of a refusal line
        self.state_label = QLabel()
        self.holder_label, self.revision_label, self.digest_label, self.due_label = (
            QLabel(), QLabel(), QLabel(), QLabel())
        self.digest_label.setStyleSheet("font-family: monospace;")
        self.action_row = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.no_action = QLabel()
        self.signoffs = read_only_table(
            [self.tr("Signer"), self.tr("Opinion"), self.tr("Signed at"), self.tr("Revision"),
             self.tr("Digest"), self.tr("Status")], stretch=1)
        self.decisions = read_only_table(
            [self.tr("Time"), self.tr("Action"), self.tr("By"), self.tr("Reason or opinion")],
            stretch=3)
        self.signoffs.setAccessibleName(self.tr("Sign-offs"))
        self.decisions.setAccessibleName(self.tr("Submissions, reviews and returns"))
        self.posting = PostingPanel(session, self)
        self.route_line = RouteProgressLine(self)
        self._build()

    def _build(self) -> None:
        status = QGroupBox(self.tr("Where the package stands"))
        form = QFormLayout(status)
        form.addRow(self.tr("State"), self.state_label)
        form.addRow(self.tr("Held by"), self.holder_label)
        form.addRow(self.tr("Revision"), self.revision_label)
        form.addRow(self.tr("Content digest"), self.digest_label)
        form.addRow(self.tr("Due"), self.due_label)
        actions = QGroupBox(self.tr("What you can do now"))
        actions_layout = QVBoxLayout(actions)
        actions_layout.addLayout(self.action_row)
        actions_layout.addWidget(self.no_action)
        actions_layout.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(status, 3)
        top.addWidget(actions, 2)
        layout = scroll_page(self)  # scrolls in a short window instead of squeezing
        layout.addLayout(top)
        route = QGroupBox(self.tr("Approval route"))
        QVBoxLayout(route).addWidget(self.route_line)
        layout.addWidget(route)
        layout.addWidget(QLabel(self.tr("<b>Sign-offs</b>")))
        self.broken_banner = QLabel()
        self.broken_banner.setObjectName("brokenSignatures")
        self.broken_banner.setWordWrap(True)
        self.broken_banner.setStyleSheet(
            f"color: white; background: {BROKEN_COLOR}; padding: 6px; font-weight: bold;")
        self.broken_banner.hide()
        layout.addWidget(self.broken_banner)
        self.no_signoffs = QLabel(self.tr("Not signed off yet."))
        self.no_signoffs.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.no_signoffs)
        layout.addWidget(self.signoffs, 1)
        layout.addWidget(QLabel(self.tr("<b>Submissions, reviews and returns</b>")))
        layout.addWidget(self.decisions, 2)
        layout.addWidget(self.posting)  # once released: the website's postings, below
        self.decisions.setMinimumHeight(150)

    # -- display --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the current package's state, actions and records."""
        package = self.session.package
        if package is None:
            return
        label = state_label(package.state)
        color = STATE_COLORS.get(package.state, "#333")
        self.state_label.setText(f"<span style='color:{color}; font-size:16pt; "
                                 f"font-weight:bold'>{label}</span>")
        self.holder_label.setText(self._holder_text())
        self.revision_label.setText(self.tr("Revision {revision}").format(revision=str(package.revision)))
        self.digest_label.setText(grouped_digest(package_digest(package)))
        self.due_label.setText(format_date_cn(package.due_date) or "—")
        self._show_actions()
        progress = self.session.workbench.routes.progress(self.session.user, package.id)
        self.route_line.show_progress(progress)
        self._show_step_holder(progress)
        self._show_records()
        self.posting.refresh()

    def _holder_text(self) -> str:
        package = self.session.package
        name = self.session.name_of(package.holder_id)
        role = workflow.HOLDER_ROLE.get(package.state, "")
        role_text = role_label(role) if role else ""
        if package.state == workflow.RELEASED:
            return self.tr("Released {time}; nobody needs to act.").format(time=format_datetime_cn(package.released_at))
        if name:
            return f"{name}（{role_text}）" if role_text else name
        return self.tr("Any {role} of the department").format(role=role_text)

    def _show_step_holder(self, progress) -> None:
        """On the route, who holds the package is who acts at its step (会签: who is awaited)."""
        current = next((s for s in progress.steps if s.status == CURRENT), None)
        if current is not None:
            who = "、".join(current.pending) if current.pending else current.actors
            self.holder_label.setText(f"{current.name}：{who}")

    def _show_actions(self) -> None:
        for button in self.action_buttons.values():
            self.action_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        session = self.session
        for transition in session.workbench.review.available(session.user, session.package):
            button = QPushButton(action_label(transition.action))
            button.setObjectName(f"action_{transition.action}")
            button.clicked.connect(lambda _c=False, a=transition.action: self.take(a))
            self.action_row.addWidget(button)
            self.action_buttons[transition.action] = button
        self.no_action.setText("" if self.action_buttons else
                               self.tr("You have no action to take on this package now."))
        self.no_action.setVisible(not self.action_buttons)

    def _show_records(self) -> None:
        review, user, pid = self.session.workbench.review, self.session.user, self.session.package_id
        rows, broken, reasons = [], set(), []
        for s in review.signoffs(user, pid):
            if s.problem:
                broken.add(len(rows))
                reasons.append(s.problem)
            signer = f"{s.signer_name}（{s.signer_title}）" if s.signer_title else s.signer_name
            if s.on_behalf_of:
                signer += self.tr(" for {on_behalf_of}").format(on_behalf_of=s.on_behalf_of)
            status = self._signoff_status(s)
            rows.append([signer, s.opinion, format_datetime_cn(s.signed_at), str(s.revision),
                         s.digest[:16] + "…", status])
        fill_table(self.signoffs, rows)
        _mark_broken(self.signoffs, broken)
        self.broken_banner.setText("\n".join([self.tr(
            "A signature on this package does not verify: the record was changed outside the "
            "application. Do not release it; ask the administrator to run 校验 (verify).")]
            + reasons))
        self.broken_banner.setVisible(bool(broken))
        self.signoffs.setVisible(bool(rows))
        rows_height = sum(self.signoffs.rowHeight(r) for r in range(len(rows)))
        self.signoffs.setMaximumHeight(self.signoffs.horizontalHeader().sizeHint().height()
                                       + rows_height + 2 * self.signoffs.frameWidth() + 2)
        self.no_signoffs.setVisible(not rows)
        fill_table(self.decisions, [[format_datetime_cn(d.at), action_label(d.action),
                                d.actor_name, d.reason] for d in review.decisions(user, pid)])

    def _signoff_status(self, signoff) -> str:
        if signoff.problem:
            return self.tr("Signature broken (see above)")
        if signoff.void:
            return self.tr("Void (revoked)")
        if signoff.revision != self.session.package.revision:
            return self.tr("For an earlier revision")
        if signoff.certified:
            return self.tr("Valid (certified signature)")
        return self.tr("Valid (signed before certification)")

    # -- actions --------------------------------------------------------------------------
    def take(self, action: str) -> bool:
        """Run one workflow action after saving pending edits; True when it was carried out."""
        if self.session.package is None or not self._flush():
            return False
        handler = getattr(self, f"_do_{action}")
        try:
            done = handler(self.session.fetch(self.session.package_id))
        except IncompleteError as exc:
            place = IncompleteDialog.ask(self, exc.details, exc.message,
                                         self._places(exc.details))
            if place is not None and self._reveal is not None:
                self._reveal(place)
            return False
        except AppError as exc:
            alerts.error(self, exc)
            self._reload()
            return False
        if done:
            self._after(action)
        return bool(done)

    def _places(self, details: list[str]) -> dict[str, Finding]:
        """Where each refusal line points, as far as the working copy tells."""
        package = self.session.package
        if package is None or self._reveal is None:
            return {}
        try:
            rules = self.session.workbench.review.department_rules(self.session.user, package.id)
        except AppError:
            rules = None
        wanted = set(details)
        return {line: place for line, place in submit_checklist(package, rules)
                if line in wanted}

    def _after(self, action: str) -> None:
        pid = self.session.package_id
        self.session.events.package_changed.emit(pid)
        self.session.events.packages_changed.emit()
        self.session.events.status_message.emit(
            self.tr("{action}: done.").format(action=action_label(action)))
        self._reload()

    def _review(self):
        return self.session.workbench.review

    def _do_submit(self, package) -> bool:
        route_id = self._choose_route(package)
        if route_id is NO_ROUTE:
            return False
        try:
            self._review().submit(self.session.user, package.id, route_id=route_id)
        except IncompleteError as exc:
            if not exc.overridable:
                raise
            reason = ReasonDialog.ask(self, self.tr("Submit with a reason"), "\n".join(exc.details)
                                      + "\n" + self.tr("Reason for submitting as it is (recorded):"))
            if not reason:
                return False
            self._review().submit(self.session.user, package.id, reason, route_id=route_id)
        return True

    def _choose_route(self, package):
        """The route the writer picks when the department has several (None: the service
        takes the one for the 文种 or the default), or NO_ROUTE when they cancel."""
        routes, default = self.session.workbench.routes.choices(self.session.user, package.id)
        if len(routes) < 2:
            return None
        return RouteChoiceDialog.ask(self, routes, default)

    def _do_withdraw(self, package) -> bool:
        if not alerts.confirm(self, self.tr("Withdraw"), self.tr(
                "Take the package back from review to edit it again?")):
            return False
        self._review().withdraw(self.session.user, package.id)
        return True

    def _do_pass(self, package) -> bool:
        route, at = permissions.route_of(package), package.step
        following = route.steps[at + 1].name if at + 1 < len(route.steps) else ""
        prompt = self.tr("Pass the package on for sign-off. Opinion (optional):")
        if permissions.current_step(package) is not None and following:
            prompt = self.tr("Agree at “{step}”: the package goes on to “{next}” (at a "
                             "co-signing step, once every party agreed). Opinion (optional):"
                             ).format(step=route.steps[at].name, next=following)
        opinion = ReasonDialog.ask(self, self.tr("Pass review"), prompt, required=False)
        if opinion is None:
            return False
        self._review().pass_review(self.session.user, package.id, opinion)
        return True

    def _do_return(self, package) -> bool:
        reason = ReasonDialog.ask(self, self.tr("Return"), self.tr(
            "Return the package to the writers. The reason is required and shown to them:"))
        if not reason:
            return False
        self._review().return_package(self.session.user, package.id, reason)
        return True

    def _do_back(self, package) -> bool:
        route = permissions.route_of(package)
        previous = route.steps[max(package.step - 1, 0)].name
        reason = ReasonDialog.ask(self, self.tr("Back to previous step"), self.tr(
            "Send the package back to the previous step “{step}”. The reason is required and "
            "shown there:").format(step=previous))
        if not reason:
            return False
        self._review().back(self.session.user, package.id, reason)
        return True

    def _do_revoke(self, package) -> bool:
        reason = ReasonDialog.ask(self, self.tr("Revoke sign-off"), self.tr(
            "Revoke the sign-off; the package returns to draft. The reason is required:"))
        if not reason:
            return False
        self._review().revoke(self.session.user, package.id, reason)
        return True

    def _do_sign(self, package) -> bool:
        digest, user = package_digest(package), self.session.user

        def sign(entered) -> None:  # the dialog stays open on a wrong password
            self._review().sign(user, package.id, entered.password, entered.opinion,
                                entered.on_behalf_of, expected_digest=digest)

        left = self.session.workbench.accounts.attempts_left(user)
        return SignOffDialog.ask(self, package.title, digest, user.display_name, sign,
                                 left) is not None

    def _do_release(self, package) -> bool:
        if not ReleaseDialog.ask(self, package):
            return False
        from ...domain.release_rules import release_holds

        reason = ""
        early = [h for h in release_holds(package, self.session.workbench.clock()) if h.override_by == "releaser"]
        if early:
            reason = ReasonDialog.ask(self, self.tr("Release early"), early[0].message + "\n"
                                      + self.tr("Reason for releasing now (recorded):"))
            if not reason:
                return False
        self._review().release(self.session.user, package.id, reason)
        return True

    def _do_revise(self, package) -> bool:
        reason = ReasonDialog.ask(self, self.tr("Revise"), self.tr(
            "Open a new revision as a draft; the released version stays as it is. "
            "Reason (optional):"), required=False)
        if reason is None:
            return False
        self._review().revise(self.session.user, package.id, reason)
        return True
