"""Tracked changes (留痕) of packages: proposed, then accepted, rejected or withdrawn."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..domain.changes import PENDING, WITHDRAWN, Change
from ..domain.errors import ConflictError, NotFoundError
from .rows import insert_returning_id


def _change(row: sqlite3.Row) -> Change:
    return Change(target=row["target"], offset=row["at_offset"], old=row["old_text"],
                  new=row["new_text"], author_name=row["author_name"], made_at=row["made_at"],
                  id=row["id"], package_id=row["package_id"], revision=row["revision"],
                  context=row["context"], author_id=row["author_id"],
                  external=bool(row["external"]), source=row["source"], status=row["status"],
                  decided_by=row["decided_by"], decided_at=row["decided_at"])


class ChangeRepository:
    """Reads and writes tracked changes; writes run inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, change: Change) -> Change:
        """Store a new change (pending unless it says otherwise); returns it with its id."""
        new_id = insert_returning_id(
            self.conn,
            "INSERT INTO changes (package_id, revision, target, at_offset, old_text, new_text,"
            " context, author_id, author_name, external, source, made_at, status)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (change.package_id, change.revision, change.target, change.offset, change.old,
             change.new, change.context, change.author_id, change.author_name,
             int(change.external), change.source, change.made_at, change.status))
        return replace(change, id=new_id)

    def get(self, change_id: int) -> Change:
        """One change; NotFoundError when there is none."""
        row = self.conn.execute("SELECT * FROM changes WHERE id = ?", (change_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"修改 {change_id} 不存在")
        return _change(row)

    def of_package(self, package_id: int, status: str | None = None,
                   target: str | None = None) -> list[Change]:
        """The package's changes (of one status, on one target, when given), oldest first."""
        sql, params = "SELECT * FROM changes WHERE package_id = ?", [package_id]
        if status is not None:
            sql += " AND status = ?"
            params.append(status)
        if target is not None:
            sql += " AND target = ?"
            params.append(target)
        return [_change(r) for r in self.conn.execute(sql + " ORDER BY id", tuple(params))]

    def pending_count(self, package_id: int) -> int:
        """How many changes of the package wait for a writer's decision."""
        return self.conn.execute("SELECT count(*) FROM changes WHERE package_id = ? AND status = ?",
                                 (package_id, PENDING)).fetchone()[0]

    def set_status(self, change_id: int, status: str, decided_by: int | None, at: str) -> None:
        """Settle a pending change; ConflictError when it was settled meanwhile."""
        cur = self.conn.execute(
            "UPDATE changes SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE id = ? AND status = ?", (status, decided_by, at, change_id, PENDING))
        if cur.rowcount == 0:
            self.get(change_id)  # NotFoundError first
            raise ConflictError(f"修改 {change_id} 已被处理（可能在另一个窗口中），请刷新后重试")

    def set_place(self, change_id: int, offset: int, context: str) -> None:
        """Where a pending change now is, after another change to its text was accepted."""
        self.conn.execute("UPDATE changes SET at_offset = ?, context = ? WHERE id = ? AND status = ?",
                          (offset, context, change_id, PENDING))

    def withdraw_pending(self, package_id: int, target: str, author_id: int, at: str) -> int:
        """Withdraw one author's pending changes on one target (replaced by a newer edit);
        returns how many."""
        cur = self.conn.execute(
            "UPDATE changes SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE package_id = ? AND target = ? AND author_id = ? AND status = ?",
            (WITHDRAWN, author_id, at, package_id, target, author_id, PENDING))
        return cur.rowcount
