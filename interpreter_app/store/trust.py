"""Rows of the trust root, its seals, certificates, revocations, and the schema as created."""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

from ..domain.trust import Signed
from .schema import MIGRATIONS
from .search import register_functions


@dataclass(frozen=True)
class CertificateRow:
    """A stored certificate: serial, whose key it names (by the columns) and the statement."""

    serial: int
    user_id: int
    key_id: int
    cert: Signed


@dataclass(frozen=True)
class DecisionRow:
    """A workflow decision as stored, with its signed statement (empty before certification)."""

    id: int
    package_id: int
    revision: int
    action: str
    actor_id: int
    actor_name: str
    at: str
    reason: str
    signed: Signed


class TrustRepository:
    """The root, certificates, revocations and the signed columns of decisions."""

    def __init__(self, conn: sqlite3.Connection, *, server: bool = False) -> None:
        self.conn = conn
        self.server = server  # PostgreSQL: its triggers are read from pg_trigger

    # -- root -----------------------------------------------------------------------------
    def root(self) -> tuple[str, Signed] | None:
        """(public key, self-signed statement) of the root, or None before `trust init`."""
        row = self.conn.execute("SELECT public_key, statement, signature FROM trust_root"
                                " WHERE id = 1").fetchone()
        return (row[0], Signed(row[1], row[2])) if row else None

    def add_root(self, public_key: str, statement: Signed, at: str) -> None:
        """Store the root (there is only ever one)."""
        self.conn.execute("INSERT INTO trust_root (id, public_key, statement, signature,"
                          " created_at) VALUES (1, ?, ?, ?, ?)",
                          (public_key, statement.body, statement.signature, at))

    def seal(self, user_id: int) -> str | None:
        """The root's private key sealed under this administrator's password, if they hold it."""
        row = self.conn.execute("SELECT sealed FROM root_seals WHERE user_id = ?",
                                (user_id,)).fetchone()
        return row[0] if row else None

    def set_seal(self, user_id: int, sealed: str) -> None:
        """Store (or replace) an administrator's sealed copy of the root key."""
        self.conn.execute("INSERT INTO root_seals (user_id, sealed) VALUES (?, ?) ON CONFLICT"
                          "(user_id) DO UPDATE SET sealed = excluded.sealed", (user_id, sealed))

    def drop_seal(self, user_id: int) -> None:
        """Forget an administrator's sealed copy (their role was taken away)."""
        self.conn.execute("DELETE FROM root_seals WHERE user_id = ?", (user_id,))

    # -- certificates ---------------------------------------------------------------------
    def next_serial(self) -> int:
        """The serial the next certificate gets."""
        return self.conn.execute("SELECT coalesce(max(serial), 0) + 1 FROM certificates"
                                 ).fetchone()[0]

    def add_certificate(self, serial: int, user_id: int, key_id: int, cert: Signed,
                        at: str) -> None:
        """Store a certificate."""
        self.conn.execute("INSERT INTO certificates (serial, user_id, key_id, body, signature,"
                          " issued_at) VALUES (?,?,?,?,?,?)",
                          (serial, user_id, key_id, cert.body, cert.signature, at))

    def certificates(self) -> list[CertificateRow]:
        """Every certificate, by serial."""
        return [CertificateRow(r[0], r[1], r[2], Signed(r[3], r[4])) for r in self.conn.execute(
            "SELECT serial, user_id, key_id, body, signature FROM certificates ORDER BY serial")]

    def certificate(self, serial: int) -> CertificateRow | None:
        """One certificate by serial."""
        row = self.conn.execute("SELECT serial, user_id, key_id, body, signature FROM"
                                " certificates WHERE serial = ?", (serial,)).fetchone()
        return CertificateRow(row[0], row[1], row[2], Signed(row[3], row[4])) if row else None

    def current_certificate(self, user_id: int) -> CertificateRow | None:
        """The user's newest certificate that is not revoked."""
        row = self.conn.execute(
            "SELECT serial, user_id, key_id, body, signature FROM certificates c WHERE user_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.serial = c.serial)"
            " ORDER BY serial DESC LIMIT 1", (user_id,)).fetchone()
        return CertificateRow(row[0], row[1], row[2], Signed(row[3], row[4])) if row else None

    def add_revocation(self, serial: int, statement: Signed, at: str) -> None:
        """Store a revocation (once per certificate)."""
        self.conn.execute("INSERT INTO revocations (serial, body, signature, revoked_at)"
                          " VALUES (?,?,?,?) ON CONFLICT (serial) DO NOTHING",
                          (serial, statement.body, statement.signature, at))

    def revocations(self) -> dict[int, Signed]:
        """Revocation statements by certificate serial."""
        return {r[0]: Signed(r[1], r[2]) for r in self.conn.execute(
            "SELECT serial, body, signature FROM revocations")}

    # -- decisions ------------------------------------------------------------------------
    def last_decision(self, package_id: int) -> Signed | None:
        """The newest decision's statement of a package (to chain the next one to it)."""
        row = self.conn.execute("SELECT signed, signature FROM decisions WHERE package_id = ?"
                                " ORDER BY id DESC LIMIT 1", (package_id,)).fetchone()
        return Signed(row[0], row[1]) if row else None

    def decisions(self, decision_id: int | None = None) -> list[DecisionRow]:
        """Every decision of every package (or the one named), oldest first."""
        where, params = ("WHERE id = ?", (decision_id,)) if decision_id is not None else ("", ())
        return [DecisionRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Signed(r[8], r[9]))
                for r in self.conn.execute(
                    "SELECT id, package_id, revision, action, actor_id, actor_name, at, reason,"
                    f" signed, signature FROM decisions {where} ORDER BY id", params)]

    def decisions_of(self, package_id: int) -> list[DecisionRow]:
        """The decisions of one package, oldest first."""
        return [DecisionRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Signed(r[8], r[9]))
                for r in self.conn.execute(
                    "SELECT id, package_id, revision, action, actor_id, actor_name, at, reason,"
                    " signed, signature FROM decisions WHERE package_id = ? ORDER BY id",
                    (package_id,))]

    def signoff_decision(self, signoff_id: int) -> int | None:
        """The id of the decision a sign-off belongs to."""
        row = self.conn.execute("SELECT decision_id FROM signoffs WHERE id = ?",
                                (signoff_id,)).fetchone()
        return row[0] if row else None

    def counts(self) -> tuple[int, int, int]:
        """(highest decision id, highest sign-off id, highest key id): what predates the root."""
        row = self.conn.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM decisions),"
            " (SELECT coalesce(max(id), 0) FROM signoffs),"
            " (SELECT coalesce(max(id), 0) FROM user_keys)").fetchone()
        return row[0], row[1], row[2]

    # -- the audit chain seen from outside ------------------------------------------------
    def chain_head(self) -> tuple[int, str]:
        """(number of audit events, hash of the newest) without reading the chain."""
        row = self.conn.execute("SELECT count(*), (SELECT hash FROM audit ORDER BY id DESC"
                                " LIMIT 1) FROM audit").fetchone()
        return row[0], row[1] or ""

    def event_hash_at(self, position: int) -> str:
        """The hash of the audit event at 1-based `position` ('' when there is none)."""
        row = self.conn.execute("SELECT hash FROM audit ORDER BY id LIMIT 1 OFFSET ?",
                                (position - 1,)).fetchone()
        return row[0] if row else ""

    # -- schema ---------------------------------------------------------------------------
    def schema_objects(self) -> dict[tuple[str, str], str]:
        """(type, name) → SQL of every trigger and view in the file.

        On the server: every trigger of our tables → 'enabled' or 'disabled' (what can be
        compared without a scratch database; the definitions are the schema owner's).
        """
        if self.server:
            return {("trigger", r[0]): "disabled" if r[1] == "D" else "enabled"
                    for r in self.conn.execute(
                        "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c"
                        " ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                        " AND c.relnamespace = current_schema()::regnamespace")}
        return {(r[0], r[1]): r[2] or "" for r in self.conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")}

    def expected_objects(self) -> dict[tuple[str, str], str]:
        """What `schema_objects` holds on a database nobody tampered with."""
        if self.server:
            from .pg_schema import server_trigger_names

            return {("trigger", name): "enabled" for name in server_trigger_names()}
        return expected_schema_objects()


@functools.cache
def expected_schema_objects() -> dict[tuple[str, str], str]:
    """(type, name) → SQL of every trigger and view exactly as the migrations create them."""
    conn = sqlite3.connect(":memory:")
    try:
        register_functions(conn)
        for _version, _description, script in MIGRATIONS:
            conn.executescript(script)
        return TrustRepository(conn).schema_objects()
    finally:
        conn.close()


@dataclass(frozen=True)
class PackageFacts:
    """What signed decisions speak about a package: department, state, authors, release."""

    id: int
    department_id: int
    state: str
    revision: int
    released_at: str
    title: str
    authors: frozenset[int]
    created_by: int


def package_facts(conn: sqlite3.Connection) -> dict[int, PackageFacts]:
    """Facts of every package, read in two queries (verify walks 20,000 packages)."""
    authors: dict[int, set[int]] = {}
    for pid, uid in conn.execute("SELECT package_id, user_id FROM package_authors"):
        authors.setdefault(pid, set()).add(uid)
    return {r[0]: PackageFacts(r[0], r[1], r[2], r[3], r[4], r[5], frozenset(authors.get(r[0], ())),
                               r[6])
            for r in conn.execute("SELECT id, department_id, state, revision, released_at, title,"
                                  " created_by FROM packages")}


def signoff_rows(conn: sqlite3.Connection, decision_id: int | None = None) -> dict[int, dict]:
    """Sign-off rows by the id of the decision they belong to (all, or one decision's)."""
    where, params = ("WHERE decision_id = ?", (decision_id,)) if decision_id else ("", ())
    conn_rows = conn.execute("SELECT id, decision_id, package_id, revision, digest, signer_id,"
                             " signer_name, signer_title, opinion, signed_at, on_behalf_of"
                             f" FROM signoffs {where}", params)
    names = ("id", "decision_id", "package_id", "revision", "digest", "signer_id", "signer_name",
             "signer_title", "opinion", "signed_at", "on_behalf_of")
    return {r[1]: dict(zip(names, r, strict=True)) for r in conn_rows}
