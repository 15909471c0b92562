"""Repository of packages and their parts: the working copy, row versions and search text."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import replace

from ..domain.digest import package_digest
from ..domain.errors import ConflictError, NotFoundError
from ..domain.model import (
    InterpretationPlan,
    Material,
    Package,
    PackageSummary,
    PolicyDocument,
    from_dict,
    to_dict,
)
from ..domain.workflow import Route, route_from_dict, route_to_dict
from . import search as sqlite_search
from .rows import insert_returning_id

_DOC_META_EXCLUDE = ("body",)
# A column of the latest decision on the row's current revision (the list marks returns, and
# the 已退回 view filters on it).
LAST_DECISION = ("SELECT dl.{column} FROM decisions dl WHERE dl.package_id = p.id"
                  " AND dl.revision = p.revision ORDER BY dl.id DESC LIMIT 1")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _doc_data(document: PolicyDocument) -> str:
    data = to_dict(document)
    for key in _DOC_META_EXCLUDE:
        data.pop(key)
    return _dumps(data)


def _material_data(material: Material) -> str:
    data = to_dict(material)
    for key in ("id", "row_version", "kind", "title", "audience"):
        data.pop(key)
    return _dumps(data)


def _material_from_row(row: sqlite3.Row) -> Material:
    data = json.loads(row["data"])
    data.update(kind=row["kind"], title=row["title"], audience=row["audience"])
    material = from_dict(Material, data)
    material.id = row["id"]
    material.row_version = row["row_version"]
    return material


def search_text_of(package: Package) -> tuple[str, str]:
    """The title and the concatenated searchable text of every part."""
    doc, plan = package.document, package.plan
    pieces = [doc.doc_number, doc.issuer, doc.body, plan.outline, plan.key_risks,
              plan.response_lines, plan.response_plan]
    for m in package.materials:
        pieces += [m.title, m.body, m.caption, m.byline]
        pieces += [q.question + "\n" + q.answer for q in m.qa]
        if m.chart:
            pieces += [m.chart.title, " ".join(m.chart.categories), m.chart.source]
    return doc.title, "\n".join(p for p in pieces if p)



def new_material_id() -> str:
    """32 random hex digits, like uuid4().hex (uuid itself costs start-up a module chain)."""
    return os.urandom(16).hex()

class PackageRepository:
    """Reads and writes packages; every write runs inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, search=sqlite_search, *,
                 row_locks: bool = False) -> None:
        self.conn = conn
        self.search = search  # the dialect's search module (search.py or search_pg.py)
        # The server locks a package's row when a write transaction reads it, so that two
        # desks changing one package take turns (SQLite's BEGIN IMMEDIATE already does).
        self.row_locks = row_locks

    # -- reading --------------------------------------------------------------------------
    def get(self, package_id: int) -> Package:
        """The whole package with its parts; NotFoundError when there is none."""
        lock = " FOR UPDATE" if self.row_locks and self.conn.in_transaction else ""
        row = self.conn.execute(f"SELECT * FROM packages WHERE id = ?{lock}",
                                (package_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"解读包 {package_id} 不存在")
        doc_row = self.conn.execute("SELECT * FROM documents WHERE package_id = ?",
                                    (package_id,)).fetchone()
        plan_row = self.conn.execute("SELECT * FROM plans WHERE package_id = ?",
                                     (package_id,)).fetchone()
        document = from_dict(PolicyDocument, {**json.loads(doc_row["data"]), "body": doc_row["body"]})
        plan = from_dict(InterpretationPlan, json.loads(plan_row["data"]))
        materials = [_material_from_row(r) for r in self.conn.execute(
            "SELECT * FROM materials WHERE package_id = ? ORDER BY position", (package_id,))]
        authors = frozenset(r[0] for r in self.conn.execute(
            "SELECT user_id FROM package_authors WHERE package_id = ?", (package_id,)))
        return Package(
            id=row["id"], department_id=row["department_id"], created_by=row["created_by"],
            document=document, plan=plan, materials=materials, state=row["state"],
            revision=row["revision"], row_version=row["row_version"],
            document_version=doc_row["row_version"], plan_version=plan_row["row_version"],
            created_at=row["created_at"], updated_at=row["updated_at"], due_date=row["due_date"],
            released_at=row["released_at"], holder_id=row["holder_id"], authors=authors,
            route=route_from_dict(json.loads(row["route"])) if row["route"] else None,
            step=row["route_step"], agreed=frozenset(json.loads(row["step_agreed"] or "[]")))

    def route_of(self, package_id: int) -> Route | None:
        """The route frozen into the package at its last submit (None before any)."""
        row = self.conn.execute("SELECT route FROM packages WHERE id = ?", (package_id,)).fetchone()
        return route_from_dict(json.loads(row[0])) if row and row[0] else None

    def department_of(self, package_id: int) -> int:
        """The owning department of a package."""
        row = self.conn.execute("SELECT department_id FROM packages WHERE id = ?",
                                (package_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"解读包 {package_id} 不存在")
        return row[0]

    def stored_digest(self, package_id: int) -> str:
        """The digest cached on the package row (recompute with get() to verify it)."""
        row = self.conn.execute("SELECT digest FROM packages WHERE id = ?", (package_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"解读包 {package_id} 不存在")
        return row[0]

    def ids(self) -> list[int]:
        """Every package id."""
        return [r[0] for r in self.conn.execute("SELECT id FROM packages ORDER BY id")]

    # -- writing --------------------------------------------------------------------------
    def insert(self, package: Package, at: str) -> int:
        """Store a new package with its parts; returns the new id."""
        pid = insert_returning_id(
            self.conn,
            "INSERT INTO packages (department_id, created_by, state, revision, title, doc_number,"
            " holder_id, created_at, updated_at, due_date) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (package.department_id, package.created_by, package.state, package.revision,
             package.document.title, package.document.doc_number, package.holder_id, at, at,
             package.due_date))
        self.conn.execute("INSERT INTO documents (package_id, data, body) VALUES (?,?,?)",
                          (pid, _doc_data(package.document), package.document.body))
        self.conn.execute("INSERT INTO plans (package_id, data) VALUES (?,?)",
                          (pid, _dumps(to_dict(package.plan))))
        for position, material in enumerate(package.materials):
            self._insert_material(pid, position, material)
        self.add_author(pid, package.created_by)
        self.conn.execute("INSERT INTO search_text (package_id) VALUES (?)", (pid,))
        self.search.start_index(self.conn, pid)
        self.refresh_derived(pid, at)
        return pid

    def add_author(self, package_id: int, user_id: int) -> None:
        """Record that the user wrote part of the package (authors may not pass or sign it)."""
        self.conn.execute("INSERT INTO package_authors VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (package_id, user_id))

    def save_document(self, package_id: int, document: PolicyDocument, expected_version: int) -> int:
        """Replace the document if its row version is still `expected_version`; the new version."""
        cur = self.conn.execute(
            "UPDATE documents SET data = ?, body = ?, row_version = row_version + 1 "
            "WHERE package_id = ? AND row_version = ?",
            (_doc_data(document), document.body, package_id, expected_version))
        return self._checked(cur, "documents", "package_id", package_id, "政策文件")

    def save_plan(self, package_id: int, plan: InterpretationPlan, expected_version: int) -> int:
        """Replace the plan if its row version is still `expected_version`; the new version."""
        cur = self.conn.execute(
            "UPDATE plans SET data = ?, row_version = row_version + 1 "
            "WHERE package_id = ? AND row_version = ?",
            (_dumps(to_dict(plan)), package_id, expected_version))
        return self._checked(cur, "plans", "package_id", package_id, "解读方案")

    def save_material(self, material: Material, expected_version: int) -> int:
        """Replace one material if its row version is still `expected_version`."""
        cur = self.conn.execute(
            "UPDATE materials SET kind = ?, title = ?, audience = ?, data = ?, "
            "row_version = row_version + 1 WHERE id = ? AND row_version = ?",
            (material.kind, material.title, material.audience, _material_data(material),
             material.id, expected_version))
        return self._checked(cur, "materials", "id", material.id, f"解读材料“{material.title}”")

    def _checked(self, cur: sqlite3.Cursor, table: str, key: str, value, what: str) -> int:
        row = self.conn.execute(f"SELECT row_version FROM {table} WHERE {key} = ?",
                                (value,)).fetchone()
        if row is None:
            raise NotFoundError(f"{what}不存在（可能已被删除）")
        if cur.rowcount == 0:
            raise ConflictError(f"{what}已被他人修改（可能在另一个窗口中），本次保存未写入",
                                current_version=row[0])
        return row[0]

    def add_material(self, package_id: int, material: Material, position: int | None) -> Material:
        """Insert a material at `position` (end when None); returns it with its new id."""
        count = self.conn.execute("SELECT count(*) FROM materials WHERE package_id = ?",
                                  (package_id,)).fetchone()[0]
        position = count if position is None else max(0, min(position, count))
        self.conn.execute("UPDATE materials SET position = position + 1 "
                          "WHERE package_id = ? AND position >= ?", (package_id, position))
        material = replace(material, id=material.id or new_material_id(), row_version=0)
        self._insert_material(package_id, position, material)
        return material

    def _insert_material(self, package_id: int, position: int, material: Material) -> None:
        material.id = material.id or new_material_id()
        self.conn.execute(
            "INSERT INTO materials (id, package_id, position, kind, title, audience, data) "
            "VALUES (?,?,?,?,?,?,?)",
            (material.id, package_id, position, material.kind, material.title, material.audience,
             _material_data(material)))

    def delete_material(self, package_id: int, material_id: str) -> None:
        """Remove a material and close the gap in positions."""
        row = self.conn.execute("SELECT position FROM materials WHERE id = ? AND package_id = ?",
                                (material_id, package_id)).fetchone()
        if row is None:
            raise NotFoundError("该解读材料不存在（可能已被删除）")
        self.conn.execute("DELETE FROM materials WHERE id = ?", (material_id,))
        self.conn.execute("UPDATE materials SET position = position - 1 "
                          "WHERE package_id = ? AND position > ?", (package_id, row[0]))

    def reorder_materials(self, package_id: int, order: list[str]) -> None:
        """Set the material order to the given ids (which must be exactly the current ones)."""
        current = {r[0] for r in self.conn.execute(
            "SELECT id FROM materials WHERE package_id = ?", (package_id,))}
        if set(order) != current or len(order) != len(current):
            raise ConflictError("解读材料列表已被他人修改，请刷新后重新排序")
        for position, mid in enumerate(order):
            self.conn.execute("UPDATE materials SET position = ? WHERE id = ?", (-1 - position, mid))
        self.conn.execute("UPDATE materials SET position = -1 - position WHERE package_id = ?",
                          (package_id,))

    def bump(self, package_id: int, expected_row_version: int | None, at: str) -> int:
        """Raise the package row version (structure change); conflict if it moved meanwhile."""
        if expected_row_version is None:
            self.conn.execute("UPDATE packages SET row_version = row_version + 1, updated_at = ? "
                              "WHERE id = ?", (at, package_id))
        else:
            cur = self.conn.execute(
                "UPDATE packages SET row_version = row_version + 1, updated_at = ? "
                "WHERE id = ? AND row_version = ?", (at, package_id, expected_row_version))
            if cur.rowcount == 0:
                raise ConflictError("解读包已被他人修改（可能在另一个窗口中），请刷新后重试")
        return self.conn.execute("SELECT row_version FROM packages WHERE id = ?",
                                 (package_id,)).fetchone()[0]

    def set_state(self, package_id: int, expected_state: str, state: str, at: str, *,
                  holder_id: int | None = None, revision: int | None = None,
                  released_at: str | None = None, step: int = 0,
                  agreed: frozenset[str] = frozenset(), route: Route | None = None) -> None:
        """Move the package to `state` (at `step` of its route, with `agreed` parties there) if
        it is still in `expected_state`; `route` freezes a route into it (at submit)."""
        sets = ["state = ?", "row_version = row_version + 1", "updated_at = ?", "holder_id = ?",
                "route_step = ?", "step_agreed = ?"]
        params: list = [state, at, holder_id, step, json.dumps(sorted(agreed))]
        if route is not None:
            sets.append("route = ?")
            params.append(json.dumps(route_to_dict(route), ensure_ascii=False, sort_keys=True))
        if revision is not None:
            sets.append("revision = ?")
            params.append(revision)
        if released_at is not None:
            sets.append("released_at = ?")
            params.append(released_at)
        cur = self.conn.execute(f"UPDATE packages SET {', '.join(sets)} WHERE id = ? AND state = ?",
                                (*params, package_id, expected_state))
        if cur.rowcount == 0:
            raise ConflictError("解读包的状态已被他人改变，请刷新后重试")

    def set_step_parties(self, package_id: int, parties: list[tuple[str, int | None,
                                                                    str | None, int | None]]) -> None:
        """Who may act at the package's current step now: (party, department, role, user) rows,
        replacing the previous step's (none when it is off the route)."""
        self.conn.execute("DELETE FROM step_parties WHERE package_id = ?", (package_id,))
        for party, department_id, role, user_id in parties:
            self.conn.execute(
                "INSERT INTO step_parties (package_id, party, department_id, role, user_id)"
                " VALUES (?, ?, ?, ?, ?)", (package_id, party, department_id, role, user_id))

    def has_parties(self, department_id: int) -> bool:
        """Whether the department takes part in any package's route (会签)."""
        return self.conn.execute("SELECT 1 FROM package_parties WHERE department_id = ? LIMIT 1",
                                 (department_id,)).fetchone() is not None

    def add_parties(self, package_id: int, department_ids: frozenset[int]) -> None:
        """Departments a frozen route involves: they may read the package from now on."""
        for department_id in sorted(department_ids):
            self.conn.execute("INSERT INTO package_parties VALUES (?, ?) ON CONFLICT DO NOTHING",
                              (package_id, department_id))

    def set_parts_released(self, package_id: int, released_at: str) -> None:
        """Give the document, the plan and every material the same release time."""
        for table in ("documents", "plans", "materials"):
            self.conn.execute(f"UPDATE {table} SET released_at = ? WHERE package_id = ?",
                              (released_at, package_id))

    def parts_release_times(self, package_id: int) -> set[str]:
        """The distinct release times carried by the package's parts."""
        rows = self.conn.execute(
            "SELECT released_at FROM documents WHERE package_id = :p UNION "
            "SELECT released_at FROM plans WHERE package_id = :p UNION "
            "SELECT released_at FROM materials WHERE package_id = :p", {"p": package_id})
        return {r[0] for r in rows}

    def set_due_date(self, package_id: int, due_date: str, at: str) -> None:
        """Change the due date shown in the list."""
        self.conn.execute("UPDATE packages SET due_date = ?, updated_at = ? WHERE id = ?",
                          (due_date, at, package_id))

    def refresh_derived(self, package_id: int, at: str, package: Package | None = None) -> str:
        """Recompute the digest, list columns and search text after a content change.

        `package` is the content just written, when the caller has it in memory.
        """
        package = package or self.get(package_id)
        digest = package_digest(package)
        title, body = search_text_of(package)
        self.conn.execute(
            "UPDATE packages SET digest = ?, title = ?, doc_number = ?, updated_at = ? WHERE id = ?",
            (digest, package.document.title, package.document.doc_number, at, package_id))
        old = self.conn.execute("SELECT title, body FROM search_text WHERE package_id = ?",
                                (package_id,)).fetchone()
        if old is None or (old[0], old[1]) != (title, body):
            self.conn.execute("UPDATE search_text SET title = ?, body = ? WHERE package_id = ?",
                              (title, body, package_id))
            self.search.replace_grams(self.conn, package_id, (old[0], old[1]) if old else None, (title, body))
        return digest

    # -- list -----------------------------------------------------------------------------
    def summaries(self, where: str, params: tuple, order_by: str, limit: int, offset: int,
                  confirm: str = "TRUE", confirm_params: tuple = (),
                  viewer_id: int | None = None) -> list[PackageSummary]:
        """One page of list rows (no bodies) for a prepared filter.

        `confirm` (a condition on p.id that reads package texts) is applied to the filtered
        rows in the list's order, until the page is full: the inner query sorts the narrowed
        rows (OFFSET 0 keeps it whole), the outer one confirms as they stream.
        """
        viewer = -1 if viewer_id is None else viewer_id
        sql = (
            "SELECT p.id, p.title, p.doc_number, p.department_id, d.name AS department, p.state,"
            " COALESCE(u.display_name, '') AS holder, p.updated_at, p.due_date, p.created_by,"
            " p.revision,"
            f" COALESCE(({LAST_DECISION.format(column='action')}), '') AS last_action,"
            f" COALESCE(({LAST_DECISION.format(column='reason')}), '') AS last_reason,"
            " EXISTS (SELECT 1 FROM package_authors a WHERE a.package_id = p.id"
            " AND a.user_id = ?) AS authored"
            " FROM packages p JOIN departments d ON d.id = p.department_id"
            " LEFT JOIN users u ON u.id = p.holder_id"
            f" WHERE {where} ORDER BY {order_by}")
        if confirm == "TRUE":
            sql += " LIMIT ? OFFSET ?"
            args: tuple = (viewer, *params, limit, offset)
        else:
            sql = f"SELECT * FROM ({sql} OFFSET 0) AS p WHERE {confirm} LIMIT ? OFFSET ?"
            args = (viewer, *params, *confirm_params, limit, offset)
        rows = self.conn.execute(sql, args).fetchall()
        return [PackageSummary(r["id"], r["title"], r["doc_number"], r["department_id"],
                               r["department"], r["state"], r["holder"], r["updated_at"],
                               r["due_date"], r["created_by"], r["revision"], r["last_action"],
                               r["last_reason"], bool(r["authored"])) for r in rows]

    def count(self, where: str, params: tuple) -> int:
        """How many packages match a prepared filter."""
        return self.conn.execute(f"SELECT count(*) FROM packages p WHERE {where}",
                                 params).fetchone()[0]
