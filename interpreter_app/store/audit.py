"""The append-only audit chain: each event stores the hash of the previous one."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass

from ..domain.model import AuditEvent

GENESIS = "0" * 64


def event_hash(prev_hash: str, at: str, actor_id: int | None, package_id: int | None,
               action: str, detail: str) -> str:
    """SHA-256 over the previous hash and the event's fields in canonical JSON."""
    body = json.dumps([prev_hash, at, actor_id, package_id, action, detail],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append_event(conn: sqlite3.Connection, at: str, actor_id: int | None,
                 package_id: int | None, action: str, detail: dict | str = "") -> str:
    """Append one event inside the caller's transaction; returns its hash."""
    if isinstance(detail, dict):
        detail = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    last_id, prev = (row[0], row[1]) if row else (0, GENESIS)
    digest = event_hash(prev, at, actor_id, package_id, action, detail)
    # The id is given, not drawn from a sequence: a server sequence skips the numbers of
    # rolled-back transactions, and verify reads a gap in the chain as deleted events.
    conn.execute(
        "INSERT INTO audit (id, at, actor_id, package_id, action, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (last_id + 1, at, actor_id, package_id, action, detail, prev, digest))
    return digest


def _event(row: sqlite3.Row) -> AuditEvent:
    return AuditEvent(row["id"], row["at"], row["actor_id"], row["package_id"], row["action"],
                      row["detail"], row["prev_hash"], row["hash"])


def events(conn: sqlite3.Connection, package_id: int | None = None) -> list[AuditEvent]:
    """Events in order, for one package or all."""
    if package_id is None:
        rows = conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
    else:
        rows = conn.execute("SELECT * FROM audit WHERE package_id = ? ORDER BY id",
                            (package_id,)).fetchall()
    return [_event(r) for r in rows]


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain stops matching its hashes."""

    event_id: int
    reason: str


def verify_chain(conn: sqlite3.Connection) -> list[ChainBreak]:
    """Walk the whole chain and report every event whose links or hash do not match."""
    problems = []
    prev = GENESIS
    expected_id = None
    for row in conn.execute("SELECT * FROM audit ORDER BY id"):
        ev = _event(row)
        if expected_id is not None and ev.id != expected_id:
            problems.append(ChainBreak(ev.id, f"事件 {expected_id}–{ev.id - 1} 缺失（被删除）"))
        if ev.prev_hash != prev:
            problems.append(ChainBreak(ev.id, "前一事件的哈希不符（链条被改动）"))
        recomputed = event_hash(ev.prev_hash, ev.at, ev.actor_id, ev.package_id, ev.action,
                                ev.detail)
        if recomputed != ev.hash:
            problems.append(ChainBreak(ev.id, "事件内容与其哈希不符（记录被改动）"))
        prev = ev.hash
        expected_id = ev.id + 1
    return problems


def last_event(conn: sqlite3.Connection, package_id: int) -> AuditEvent | None:
    """The newest event of a package."""
    row = conn.execute("SELECT * FROM audit WHERE package_id = ? ORDER BY id DESC LIMIT 1",
                       (package_id,)).fetchone()
    return _event(row) if row else None

