"""Append-only records of a package: revisions (snapshots), sign-offs, decisions, comments."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..domain.errors import NotFoundError
from ..domain.model import Comment, Decision, Revision, SignOff
from ..domain.trust import Signed
from .rows import insert_returning_id


class RecordRepository:
    """Snapshots, sign-offs, decisions and comments of packages."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- revisions ------------------------------------------------------------------------
    def add_revision(self, package_id: int, revision: int, kind: str, at: str,
                     actor_id: int | None, digest: str, snapshot: str, label: str = "") -> int:
        """Store a snapshot; returns its id."""
        return insert_returning_id(self.conn,
            "INSERT INTO revisions (package_id, revision, kind, created_at, actor_id, digest,"
            " snapshot, label) VALUES (?,?,?,?,?,?,?,?)",
            (package_id, revision, kind, at, actor_id, digest, snapshot, label))

    def revisions(self, package_id: int) -> list[Revision]:
        """Every snapshot of a package, oldest first."""
        return [_revision(r) for r in self.conn.execute(
            "SELECT * FROM revisions WHERE package_id = ? ORDER BY id", (package_id,))]

    def revision(self, revision_id: int) -> Revision:
        """One snapshot by id."""
        row = self.conn.execute("SELECT * FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"版本 {revision_id} 不存在")
        return _revision(row)

    def iter_revisions(self) -> Iterator[Revision]:
        """Every snapshot, read one at a time (verify hashes tens of thousands of them)."""
        for row in self.conn.execute("SELECT * FROM revisions ORDER BY id"):
            yield _revision(row)

    def latest_digest(self, package_id: int, kind: str, revision: int) -> str | None:
        """The digest of the newest snapshot of a kind for one revision of a package."""
        row = self.conn.execute("SELECT digest FROM revisions WHERE package_id = ? AND kind = ?"
                                " AND revision = ? ORDER BY id DESC LIMIT 1",
                                (package_id, kind, revision)).fetchone()
        return row[0] if row else None

    def all_revisions(self) -> list[Revision]:
        """Every snapshot in the database (for verify)."""
        return [_revision(r) for r in self.conn.execute("SELECT * FROM revisions ORDER BY id")]

    # -- sign-offs ------------------------------------------------------------------------
    def add_signoff(self, package_id: int, revision: int, snapshot_id: int, decision_id: int,
                    digest: str,
                    signer_id: int, signer_name: str, signer_title: str, opinion: str,
                    signed_at: str, on_behalf_of: str, key_id: int | None, signature: str) -> int:
        """Store a sign-off; returns its id."""
        return insert_returning_id(self.conn,
            "INSERT INTO signoffs (package_id, revision, snapshot_id, decision_id, digest,"
            " signer_id, signer_name, signer_title, opinion, signed_at, on_behalf_of, key_id,"
            " signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (package_id, revision, snapshot_id, decision_id, digest, signer_id, signer_name, signer_title,
             opinion, signed_at, on_behalf_of, key_id, signature))

    def signoffs(self, package_id: int | None = None) -> list[SignOff]:
        """Sign-offs of one package (or all), oldest first; `void` when revoked afterwards."""
        where, params = ("WHERE s.package_id = ?", (package_id,)) if package_id else ("", ())
        rows = self.conn.execute(
            "SELECT s.*, EXISTS (SELECT 1 FROM decisions d WHERE d.package_id = s.package_id"
            " AND d.action = 'revoke' AND d.id > s.decision_id) AS void"
            f" FROM signoffs s {where} ORDER BY s.id", params).fetchall()
        return [_signoff(r, bool(r["void"])) for r in rows]

    # -- decisions ------------------------------------------------------------------------
    def signoffs_by_decision(self, *, signed: bool, upto: int | None = None) -> set[int]:
        """Ids of sign-offs whose decision is signed (or not), optionally up to a decision id."""
        sql = ("SELECT s.id FROM signoffs s JOIN decisions d ON d.id = s.decision_id WHERE "
               + ("d.signed != ''" if signed else "d.signed = ''"))
        params: tuple = ()
        if upto is not None:
            sql += " AND d.id <= ?"
            params = (upto,)
        return {r[0] for r in self.conn.execute(sql, params)}

    def signoff_snapshot_digest(self, signoff_id: int) -> str | None:
        """The digest of the snapshot a sign-off was made on (None when it has none)."""
        row = self.conn.execute("SELECT digest FROM revisions WHERE id = (SELECT snapshot_id"
                                " FROM signoffs WHERE id = ?)", (signoff_id,)).fetchone()
        return None if row is None else row[0]

    def add_decision(self, package_id: int, revision: int, action: str, actor_id: int,
                     actor_name: str, at: str, reason: str = "", signed: Signed | None = None) -> int:
        """Store a workflow decision (submit, pass, return, withdraw, sign, revoke, release...)
        with the actor's signed statement of it."""
        body, signature = (signed.body, signed.signature) if signed else ("", "")
        return insert_returning_id(
            self.conn,
            "INSERT INTO decisions (package_id, revision, action, actor_id, actor_name, at, reason,"
            " signed, signature) VALUES (?,?,?,?,?,?,?,?,?)",
            (package_id, revision, action, actor_id, actor_name, at, reason, body, signature))

    def decisions(self, package_id: int) -> list[Decision]:
        """Decisions on a package, oldest first."""
        return [Decision(r["package_id"], r["action"], r["actor_id"], r["actor_name"], r["at"],
                         r["reason"]) for r in self.conn.execute(
            "SELECT * FROM decisions WHERE package_id = ? ORDER BY id", (package_id,))]

    def last_decision_at(self, package_id: int, action: str) -> str:
        """Time of the latest decision of a kind ('' when none)."""
        row = self.conn.execute("SELECT max(at) FROM decisions WHERE package_id = ? AND action = ?",
                                (package_id, action)).fetchone()
        return row[0] or ""

    # -- comments -------------------------------------------------------------------------
    def add_comment(self, package_id: int, part: str, paragraph: int, quote: str, text: str,
                    author_id: int, at: str, *, author_name: str = "",
                    external: bool = False) -> int:
        """Store a comment anchored to a quote; returns its id. An external comment (read
        from a Word file) keeps the file's author name; author_id is who imported it."""
        return insert_returning_id(self.conn,
            "INSERT INTO comments (package_id, part, paragraph, quote, text, author_id, created_at,"
            " author_name, external) VALUES (?,?,?,?,?,?,?,?,?)",
            (package_id, part, paragraph, quote, text, author_id, at, author_name, int(external)))

    def comments(self, package_id: int) -> list[Comment]:
        """Comments on a package, oldest first, with author names."""
        rows = self.conn.execute(
            "SELECT c.*, u.display_name FROM comments c JOIN users u ON u.id = c.author_id"
            " WHERE c.package_id = ? ORDER BY c.id", (package_id,)).fetchall()
        return [Comment(r["id"], r["package_id"], r["part"], r["paragraph"], r["quote"], r["text"],
                        r["author_id"], r["author_name"] or r["display_name"], r["created_at"],
                        bool(r["resolved"]), r["row_version"], bool(r["external"]))
                for r in rows]

    def comment(self, comment_id: int) -> Comment:
        """One comment by id."""
        for c in self.comments(self._comment_package(comment_id)):
            if c.id == comment_id:
                return c
        raise NotFoundError(f"批注 {comment_id} 不存在")

    def _comment_package(self, comment_id: int) -> int:
        row = self.conn.execute("SELECT package_id FROM comments WHERE id = ?",
                                (comment_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"批注 {comment_id} 不存在")
        return row[0]

    def set_comment_resolved(self, comment_id: int, resolved: bool) -> None:
        """Resolve or reopen a comment."""
        self.conn.execute("UPDATE comments SET resolved = ?, row_version = row_version + 1"
                          " WHERE id = ?", (int(resolved), comment_id))


def _revision(row: sqlite3.Row) -> Revision:
    return Revision(row["id"], row["package_id"], row["revision"], row["kind"], row["created_at"],
                    row["actor_id"], row["digest"], row["snapshot"], row["label"])


def _signoff(row: sqlite3.Row, void: bool) -> SignOff:
    return SignOff(row["id"], row["package_id"], row["revision"], row["digest"], row["signer_id"],
                   row["signer_name"], row["signer_title"], row["opinion"], row["signed_at"],
                   row["on_behalf_of"], row["signature"], str(row["key_id"] or ""), void)
