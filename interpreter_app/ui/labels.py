"""Words on screen for views, states and roles, and the date formats of the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from ..domain import workflow
from ..domain.model import PackageSummary
from ..domain.permissions import ROLES
from ..services import listing

translate = QCoreApplication.translate


def view_label(view: str) -> str:
    """The name of a list view."""
    names = {
        listing.MINE: translate("labels", "My drafts"), listing.TO_REVIEW: translate("labels", "To review"),
        listing.TO_SIGN: translate("labels", "To sign"), listing.SIGNED: translate("labels", "Signed, not released"),
        listing.RELEASED: translate("labels", "Released"), listing.ALL: translate("labels", "All"),
        listing.TO_POST: translate("labels", "Awaiting posting"),
        listing.RETURNED: translate("labels", "Returned to me"),
        listing.MINE_IN_REVIEW: translate("labels", "Mine in review"),
        listing.TO_COSIGN: translate("labels", "To countersign"),
    }
    return names.get(view, view)


def state_label(state: str) -> str:
    """The name of a workflow state."""
    names = {
        workflow.DRAFT: translate("labels", "Draft"), workflow.IN_REVIEW: translate("labels", "In review"),
        workflow.AWAITING_SIGNOFF: translate("labels", "Awaiting sign-off"), workflow.SIGNED: translate("labels", "Signed"),
        workflow.RELEASED: translate("labels", "Released"),
    }
    return names.get(state, state)


def action_label(action: str) -> str:
    """The name of a workflow action (a button, a history line)."""
    names = {
        workflow.SUBMIT: translate("labels", "Submit for review"),
        workflow.PASS: translate("labels", "Pass review"),
        workflow.RETURN: translate("labels", "Return"),
        workflow.WITHDRAW: translate("labels", "Withdraw"),
        workflow.SIGN: translate("labels", "Sign off"),
        workflow.REVOKE: translate("labels", "Revoke sign-off"),
        workflow.RELEASE: translate("labels", "Release together"),
        workflow.REVISE: translate("labels", "Revise"),
        workflow.BACK: translate("labels", "Back to previous step"),
    }
    return names.get(action, action)


def route_steps_text(route: workflow.Route) -> str:
    """The steps of a route in one line: 处室核稿 → 办公室核稿 → 签发."""
    return " → ".join(step.name for step in route.steps)


def role_label(role: str) -> str:
    """The name of a role."""
    names = {"writer": translate("labels", "Writer"), "reviewer": translate("labels", "Reviewer"),
             "leader": translate("labels", "Signing leader"), "admin": translate("labels", "Administrator")}
    return names.get(role, role)


def roles_text(roles: frozenset[str]) -> str:
    """Roles in their fixed order, joined for display."""
    return translate("labels", ", ").join(role_label(r) for r in ROLES if r in roles)


def package_marker(row: PackageSummary) -> str:
    """已退回 on a draft sent back, 核稿中 on the user's own package now with reviewers or
    leaders; '' otherwise."""
    if row.returned:
        return translate("labels", "Returned")
    if row.authored and row.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF):
        return translate("labels", "In review")
    return ""


def return_reason_text(row: PackageSummary) -> str:
    """The reason a returned package came back, for its tooltip ('' when not returned)."""
    if not row.returned:
        return ""
    return translate("labels", "Returned: {reason}").format(reason=row.last_reason or "—")


def holder_text(holder: str, state: str) -> str:
    """Who holds a package now: the person when known, else the role expected to act."""
    if holder:
        return holder
    role = workflow.HOLDER_ROLE.get(state, "")
    return role_label(role) if role else "—"


def _parse(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    return value.astimezone() if value.tzinfo else value


def format_datetime(text: str) -> str:
    """An ISO date-time as 2026年4月6日 21:12 (or its English form)."""
    value = _parse(text)
    if value is None:
        return text or ""
    return translate("labels", "{year}-{month:02d}-{day:02d} {time}").format(
        year=value.year, month=value.month, day=value.day, time=value.strftime("%H:%M"))


def format_date(text: str) -> str:
    """An ISO date as 2026年4月27日 (or its English form)."""
    try:
        day = dt.date.fromisoformat(text.strip()[:10])
    except (ValueError, AttributeError):
        return text or ""
    return translate("labels", "{year}-{month:02d}-{day:02d}").format(year=day.year, month=day.month, day=day.day)


def is_overdue(due_date: str, state: str, today: dt.date | None = None) -> bool:
    """Whether a package is past its due date and not yet released."""
    if not due_date or state == workflow.RELEASED:
        return False
    try:
        due = dt.date.fromisoformat(due_date[:10])
    except ValueError:
        return False
    return due < (today or dt.date.today())
