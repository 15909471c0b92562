"""The package list as SQL: a filter the listing service describes, turned into clauses here.

The service says *which* packages a view holds (the rules: states, authorship, department,
the posting window); this module alone knows how the tables express that, for SQLite and the
server alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import workflow
from ..domain.model import PackageSummary
from .packages import LAST_DECISION

if TYPE_CHECKING:
    from .store import Store

# Sort keys of the list and the column each sorts by.
SORT_COLUMNS = {"title": "p.title", "doc_number": "p.doc_number", "department": "d.name",
                "state": "p.state", "holder": "COALESCE(u.display_name, '')",
                "updated_at": "p.updated_at", "due_date": "p.due_date", "id": "p.id"}
_AUTHORS_OF = "p.id IN (SELECT package_id FROM package_authors WHERE user_id = ?)"
_NOT_AUTHOR = ("NOT EXISTS (SELECT 1 FROM package_authors a WHERE a.package_id = p.id"
               " AND a.user_id = ?)")
_PARTY_OF = "p.id IN (SELECT package_id FROM package_parties WHERE department_id = ?)"


@dataclass(frozen=True)
class Actor:
    """Who asks "what is waiting for me": the facts of the user that step parties match."""

    user_id: int
    department_id: int | None
    roles: tuple[str, ...]
    all_departments: bool = False


def _acting(actor: Actor, other_departments: bool) -> tuple[str, list]:
    """The package's current step has an open party this actor acts for: named, or by role
    in a department (their own; the package's own for an account of every department).
    `other_departments`: only parties of the actor's department in other departments'
    packages (会签). Both read step_parties by its indexes, not per package."""
    roles = actor.roles or ("",)
    marks = ", ".join("?" for _ in roles)
    department = actor.department_id if actor.department_id is not None else -1
    if other_departments:
        return (f"p.department_id != ? AND p.id IN (SELECT package_id FROM step_parties"
                f" WHERE department_id = ? AND role IN ({marks}) AND user_id IS NULL)",
                [department, department, *roles])
    if actor.all_departments:
        return (f"EXISTS (SELECT 1 FROM step_parties s WHERE s.package_id = p.id AND"
                f" (s.user_id = ? OR (s.user_id IS NULL AND s.role IN ({marks})"
                f" AND s.department_id = p.department_id)))", [actor.user_id, *roles])
    return (f"p.department_id = ? AND p.id IN (SELECT package_id FROM step_parties WHERE user_id = ?"
            f" UNION ALL SELECT package_id FROM step_parties WHERE department_id = ?"
            f" AND role IN ({marks}) AND user_id IS NULL)",
            [department, actor.user_id, department, *roles])


@dataclass(frozen=True)
class PackageFilter:
    """Which packages a list shows; every field given narrows it."""

    department_id: int | None = None  # one department; None for every department
    every_department: bool = True
    state: str | None = None
    states: tuple[str, ...] = ()  # any of these states
    authored_by: int | None = None  # the user is among the authors
    not_authored_by: int | None = None  # the user is not among the authors
    returned: bool = False  # the latest decision of the current revision returned it
    awaiting_posting: tuple[str, str] | None = None  # (since, cutoff): released, not online
    text: str = ""  # search in the title and every part
    nothing: bool = False  # a view the user has no part in
    acting: Actor | None = None  # the actor may act at the package's current step
    cosign: bool = False  # with `acting`: as a 会签 party of another department's package
    parties_of: int | None = None  # also packages whose route involves this department


def _where(store: Store, f: PackageFilter, first_rows: bool) -> tuple[str, tuple, str, tuple]:
    """(where, params, confirm, params) of a filter (see Store.search_parts for `confirm`)."""
    if f.nothing:
        return "FALSE", (), "TRUE", ()
    clauses: list[str] = []
    params: list = []
    if not f.every_department and not f.cosign:  # a 会签 view's acting clause names both
        department = f.department_id if f.department_id is not None else -1
        if f.parties_of is None:
            clauses.append("p.department_id = ?")
            params.append(department)
        else:
            clauses.append(f"(p.department_id = ? OR {_PARTY_OF})")
            params += [department, f.parties_of]
    if f.acting is not None:
        sql, acting_params = _acting(f.acting, f.cosign)
        clauses.append(sql)
        params += acting_params
    if f.state is not None:
        clauses.append("p.state = ?")
        params.append(f.state)
    if f.states:
        clauses.append(f"p.state IN ({', '.join('?' * len(f.states))})")
        params += f.states
    if f.returned:
        clauses.append(f"({LAST_DECISION.format(column='action')}) = ?")
        params.append(workflow.RETURN)
    if f.authored_by is not None:
        clauses.append(_AUTHORS_OF)
        params.append(f.authored_by)
    if f.not_authored_by is not None:
        clauses.append(_NOT_AUTHOR)
        params.append(f.not_authored_by)
    if f.awaiting_posting is not None:
        sql, window = store.outreach.awaiting_posting(*f.awaiting_posting)
        clauses.append(sql)
        params += window
    confirm, confirm_params = "TRUE", ()
    if f.text.strip():
        # A page needs only its first matches; a count needs them all (the index).
        cond, cond_params, confirm, confirm_params = store.search_parts(
            f.text, first_rows=first_rows)
        clauses.append(cond)
        params += cond_params
    return " AND ".join(clauses) or "TRUE", tuple(params), confirm, confirm_params


def page(store: Store, f: PackageFilter, sort: str, descending: bool, limit: int,
         offset: int = 0, after: PackageSummary | None = None,
         viewer_id: int | None = None) -> list[PackageSummary]:
    """Rows `offset`..`offset+limit` in the list's order, or the `limit` rows after `after`
    (keyset paging: an OFFSET deep into 100,000 rows steps over every row before it);
    `viewer_id` marks the rows that user wrote."""
    where, params, confirm, confirm_params = _where(store, f, first_rows=True)
    key = sort if sort in SORT_COLUMNS else "updated_at"
    column = SORT_COLUMNS[key]
    direction = "DESC" if descending else "ASC"
    if after is not None:
        where += f" AND ({column}, p.id) {'<' if descending else '>'} (?, ?)"
        params = (*params, getattr(after, key), after.id)
        offset = 0
    order = f"{column} {direction}, p.id {direction}"
    return store.packages.summaries(where, params, order, limit, offset, confirm,
                                    confirm_params, viewer_id=viewer_id)


def count(store: Store, f: PackageFilter) -> int:
    """How many packages the filter holds."""
    where, params, confirm, confirm_params = _where(store, f, first_rows=False)
    return store.packages.count(f"{where} AND {confirm}", (*params, *confirm_params))
