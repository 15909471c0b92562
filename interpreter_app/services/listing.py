"""The package list: views, counts, sorting and search, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain import workflow
from ..domain.model import PackageSummary, User
from ..store import listing
from ..store.listing import PackageFilter
from .base import ServiceBase

MINE = "mine"
RETURNED = "returned"  # my drafts a reviewer or leader sent back, with their reason
MINE_IN_REVIEW = "mine_in_review"  # my packages now with reviewers or leaders
TO_REVIEW = "to_review"
TO_SIGN = "to_sign"
TO_COSIGN = "to_cosign"  # other departments' packages at a step where ours must agree (会签)
SIGNED = "signed"
RELEASED = "released"
TO_POST = "to_post"  # released, not all pages online N working days later
ALL = "all"
VIEWS = (MINE, RETURNED, MINE_IN_REVIEW, TO_REVIEW, TO_SIGN, TO_COSIGN, SIGNED, RELEASED,
         TO_POST, ALL)
# Views of the actor's own packages: what a writer follows.
WRITER_VIEWS = (MINE, RETURNED, MINE_IN_REVIEW)
VIEW_LABELS = {MINE: "我的草稿", RETURNED: "已退回", MINE_IN_REVIEW: "核稿中",
               TO_REVIEW: "待我核稿", TO_SIGN: "待我签发", TO_COSIGN: "待我会签",
               SIGNED: "已签发待发布", RELEASED: "已发布", TO_POST: "待上网", ALL: "全部"}
# Views of packages waiting at a step of their route for the actor (never their own): the
# roles that may act there at all, and the state.
_WAITING = {TO_REVIEW: (workflow.ACTING_ROLES, workflow.IN_REVIEW),
            TO_SIGN: (frozenset({"leader"}), workflow.AWAITING_SIGNOFF),
            TO_COSIGN: (workflow.ACTING_ROLES, None)}


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a view, a search text and an order."""

    view: str = ALL
    text: str = ""
    sort: str = "updated_at"
    descending: bool = True


class ListingService(ServiceBase):
    """Lists and counts packages as the actor sees them."""

    def _filter(self, actor: User, view: str, text: str = "") -> PackageFilter:
        """The packages of a view as this actor sees them (the rules; store/listing.py has
        the SQL)."""
        scope = PackageFilter(department_id=actor.department_id,
                              every_department=actor.all_departments, text=text,
                              parties_of=self._party_department(actor))
        if view == MINE:
            # The creator is always recorded among the authors.
            return replace(scope, state=workflow.DRAFT, authored_by=actor.id)
        if view == RETURNED:
            return replace(scope, state=workflow.DRAFT, authored_by=actor.id, returned=True)
        if view == MINE_IN_REVIEW:
            return replace(scope, states=(workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF),
                           authored_by=actor.id)
        if view in _WAITING:
            roles, state = _WAITING[view]
            if not actor.roles & roles:
                return replace(scope, nothing=True)
            acting = listing.Actor(actor.id, actor.department_id,
                                   tuple(sorted(actor.roles & workflow.ACTING_ROLES)),
                                   actor.all_departments)
            return replace(scope, state=state, not_authored_by=actor.id, acting=acting,
                           cosign=view == TO_COSIGN, parties_of=None)
        if view == SIGNED:
            return replace(scope, state=workflow.SIGNED)
        if view == RELEASED:
            return replace(scope, state=workflow.RELEASED)
        if view == TO_POST:
            from .outreach import OutreachService

            return replace(scope, awaiting_posting=OutreachService(
                self.store, self.clock).posting_window())
        return scope

    def _party_department(self, actor: User) -> int | None:
        """The actor's department when it takes part in other departments' routes (会签) and
        the actor acts for it; None otherwise, so the usual lists stay one indexed query."""
        if actor.all_departments or actor.department_id is None \
                or not actor.roles & workflow.ACTING_ROLES:
            return None
        return actor.department_id if self.store.packages.has_parties(actor.department_id) \
            else None

    def page(self, actor: User, query: ListQuery, offset: int, limit: int,
             after: PackageSummary | None = None) -> list[PackageSummary]:
        """Rows `offset`..`offset+limit` of the list, or the `limit` rows following `after`."""
        return listing.page(self.store, self._filter(actor, query.view, query.text),
                            query.sort, query.descending, limit, offset, after,
                            viewer_id=actor.id)

    def count(self, actor: User, query: ListQuery) -> int:
        """How many rows the list has."""
        return listing.count(self.store, self._filter(actor, query.view, query.text))

    def counts(self, actor: User, text: str = "") -> dict[str, int]:
        """Row count of every view, for the badges beside the view names."""
        return {view: self.count(actor, ListQuery(view, text)) for view in VIEWS}

    def search(self, actor: User, text: str, limit: int = 50) -> list[PackageSummary]:
        """Packages whose title or any part contains the text (any length, Chinese or not)."""
        return self.page(actor, ListQuery(ALL, text), 0, limit)
