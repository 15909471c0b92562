"""The package list: views, counts, sorting and search, one page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import workflow
from ..domain.model import PackageSummary, User
from .base import ServiceBase

MINE = "mine"
TO_REVIEW = "to_review"
TO_SIGN = "to_sign"
SIGNED = "signed"
RELEASED = "released"
TO_POST = "to_post"  # released, not all pages online N working days later
ALL = "all"
VIEWS = (MINE, TO_REVIEW, TO_SIGN, SIGNED, RELEASED, TO_POST, ALL)
VIEW_LABELS = {MINE: "我的草稿", TO_REVIEW: "待我核稿", TO_SIGN: "待我签发",
               SIGNED: "已签发待发布", RELEASED: "已发布", TO_POST: "待上网", ALL: "全部"}
SORT_COLUMNS = {"title": "p.title", "doc_number": "p.doc_number", "department": "d.name",
                "state": "p.state", "holder": "COALESCE(u.display_name, '')",
                "updated_at": "p.updated_at", "due_date": "p.due_date", "id": "p.id"}
# Views of packages in one state that someone other than their authors must act on: the role
# that acts, and the state.
_OTHERS_IN_STATE = {TO_REVIEW: ("reviewer", workflow.IN_REVIEW),
                    TO_SIGN: ("leader", workflow.AWAITING_SIGNOFF)}
_NOT_AUTHOR = "NOT EXISTS (SELECT 1 FROM package_authors a WHERE a.package_id = p.id AND a.user_id = ?)"


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a view, a search text and an order."""

    view: str = ALL
    text: str = ""
    sort: str = "updated_at"
    descending: bool = True


class ListingService(ServiceBase):
    """Lists and counts packages as the actor sees them."""

    @staticmethod
    def _scope(actor: User) -> tuple[list[str], list]:
        """The department clause of an actor who does not see every department."""
        if actor.all_departments:
            return [], []
        return ["p.department_id = ?"], [actor.department_id if actor.department_id is not None
                                         else -1]

    def _where(self, actor: User, view: str, text: str,
               first_rows: bool = False) -> tuple[str, tuple, str, tuple]:
        """(where, params, confirm, params): the list's filter, and the part of the search
        that reads package texts (TRUE unless the store answers in two steps)."""
        clauses, params = self._scope(actor)
        view_sql, view_params = self._to_post() if view == TO_POST else self._view(actor, view)
        clauses.append(view_sql)
        params += view_params
        confirm, confirm_params = "TRUE", ()
        if text.strip():
            # A page needs only its first matches; a count needs them all (the index).
            cond, cond_params, confirm, confirm_params = self.store.search_parts(
                text, first_rows=first_rows)
            clauses.append(cond)
            params += cond_params
        return " AND ".join(clauses), tuple(params), confirm, confirm_params

    def _to_post(self) -> tuple[str, list]:
        from .outreach import OutreachService

        since, cutoff = OutreachService(self.store, self.clock).posting_window()
        sql, params = self.store.outreach.awaiting_posting(since, cutoff)
        return sql, list(params)

    @staticmethod
    def _view(actor: User, view: str) -> tuple[str, list]:
        if view == MINE:
            # The creator is always recorded among the authors.
            return ("p.state = 'draft' AND p.id IN (SELECT package_id FROM package_authors"
                    " WHERE user_id = ?)", [actor.id])
        if view in _OTHERS_IN_STATE:
            role, state = _OTHERS_IN_STATE[view]
            if not actor.has(role):
                return "FALSE", []
            return f"p.state = '{state}' AND {_NOT_AUTHOR}", [actor.id]
        if view == SIGNED:
            return f"p.state = '{workflow.SIGNED}'", []
        if view == RELEASED:
            return f"p.state = '{workflow.RELEASED}'", []
        return "TRUE", []

    def page(self, actor: User, query: ListQuery, offset: int, limit: int,
             after: PackageSummary | None = None) -> list[PackageSummary]:
        """Rows `offset`..`offset+limit` of the list, or the `limit` rows following `after`.

        Scrolling passes the last row it has (keyset paging): an OFFSET deep into 100,000
        rows makes SQLite step over every row before it, 0.2 s a page at the end.
        """
        where, params, confirm, confirm_params = self._where(actor, query.view, query.text,
                                                             first_rows=True)
        key = query.sort if query.sort in SORT_COLUMNS else "updated_at"
        column = SORT_COLUMNS[key]
        direction = "DESC" if query.descending else "ASC"
        if after is not None:
            where += f" AND ({column}, p.id) {'<' if query.descending else '>'} (?, ?)"
            params = (*params, getattr(after, key), after.id)
            offset = 0
        order = f"{column} {direction}, p.id {direction}"
        return self.store.packages.summaries(where, params, order, limit, offset,
                                             confirm, confirm_params)

    def count(self, actor: User, query: ListQuery) -> int:
        """How many rows the list has."""
        if query.view in _OTHERS_IN_STATE and not query.text.strip():
            return self._count_others(actor, query.view)
        where, params, confirm, confirm_params = self._where(actor, query.view, query.text)
        return self.store.packages.count(f"{where} AND {confirm}", (*params, *confirm_params))

    def _count_others(self, actor: User, view: str) -> int:
        """Packages in the view's state less the actor's own: two counts on indexes, where
        asking package_authors about each of 15,000 packages took 17 ms on 100,000."""
        role, state = _OTHERS_IN_STATE[view]
        if not actor.has(role):
            return 0
        clauses, params = self._scope(actor)
        clauses.append("p.state = ?")
        params.append(state)
        count = self.store.packages.count
        everyone = count(" AND ".join(clauses), tuple(params))
        own = count(" AND ".join([*clauses, "p.id IN (SELECT package_id FROM package_authors"
                                  " WHERE user_id = ?)"]), (*params, actor.id))
        return everyone - own

    def counts(self, actor: User, text: str = "") -> dict[str, int]:
        """Row count of every view, for the badges beside the view names."""
        return {view: self.count(actor, ListQuery(view, text)) for view in VIEWS}

    def search(self, actor: User, text: str, limit: int = 50) -> list[PackageSummary]:
        """Packages whose title or any part contains the text (any length, Chinese or not)."""
        return self.page(actor, ListQuery(ALL, text), 0, limit)
