"""Records of what happened after release: postings, events, the 发文登记 and 回应关切."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from ..domain.errors import NotFoundError
from ..domain.outreach import (
    Attendee,
    ConcernResponse,
    EventRecord,
    IssuedDocument,
    WebPosting,
)
from .rows import insert_returning_id

_NAME = "COALESCE((SELECT display_name FROM users u WHERE u.id = {t}.recorded_by), '')"


class OutreachRepository:
    """Postings, events with attendance, issued documents and concern responses."""

    def __init__(self, conn: sqlite3.Connection, *, server: bool = False) -> None:
        self.conn = conn
        self.server = server

    def awaiting_posting(self, since: str, cutoff: str) -> tuple[str, tuple[str, str]]:
        """The 待上网 filter clause for this store's dialect (see awaiting_posting_condition)."""
        return awaiting_posting_condition(since, cutoff, server=self.server)

    # -- postings -------------------------------------------------------------------------
    def put_posting(self, posting: WebPosting, recorded_by: int, at: str) -> None:
        """Record (or correct) where and when one page of a revision went online."""
        self.conn.execute(
            "INSERT INTO web_postings (package_id, revision, part, title, url, posted_at,"
            " index_number, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(package_id, revision, part) DO UPDATE SET title = excluded.title,"
            " url = excluded.url, posted_at = excluded.posted_at,"
            " index_number = excluded.index_number, recorded_by = excluded.recorded_by,"
            " recorded_at = excluded.recorded_at",
            (posting.package_id, posting.revision, posting.part, posting.title, posting.url,
             posting.posted_at, posting.index_number, recorded_by, at))

    def postings(self, package_id: int | None = None) -> list[WebPosting]:
        """Postings of one package (or all), in the order recorded."""
        where, params = ("WHERE w.package_id = ?", (package_id,)) if package_id else ("", ())
        rows = self.conn.execute(
            f"SELECT w.*, {_NAME.format(t='w')} AS who FROM web_postings w {where} ORDER BY w.id",
            params).fetchall()
        return [WebPosting(r["package_id"], r["revision"], r["part"], r["title"], r["url"],
                           r["posted_at"], r["index_number"], r["who"], r["recorded_at"])
                for r in rows]

    # -- events ---------------------------------------------------------------------------
    def add_event(self, event: EventRecord, recorded_by: int, at: str) -> int:
        """Store an event that took place with who attended; returns its id."""
        attendees = json.dumps([a.__dict__ for a in event.attendees], ensure_ascii=False)
        return insert_returning_id(
            self.conn,
            "INSERT INTO events (department_id, package_id, kind, held_on, title, attendees,"
            " link, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (event.department_id, event.package_id, event.kind, event.held_on, event.title,
             attendees, event.link, recorded_by, at))

    def events(self) -> list[EventRecord]:
        """Every recorded event, oldest first."""
        rows = self.conn.execute(
            f"SELECT e.*, {_NAME.format(t='e')} AS who FROM events e ORDER BY e.held_on, e.id")
        return [EventRecord(r["id"], r["department_id"], r["package_id"], r["kind"], r["held_on"],
                            r["title"], _attendees(r["attendees"]), r["link"], r["who"],
                            r["recorded_at"]) for r in rows]

    def delete_event(self, event_id: int) -> None:
        """Remove an event recorded by mistake."""
        if self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,)).rowcount == 0:
            raise NotFoundError(f"活动记录 {event_id} 不存在")

    # -- 发文登记 --------------------------------------------------------------------------
    def put_issued(self, doc: IssuedDocument, recorded_by: int, at: str) -> bool:
        """Add a register row; False when the same title and number are there already."""
        cur = self.conn.execute(
            "INSERT INTO issued_documents (department_id, title, issued_on, doc_number,"
            " index_number, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?)"
            " ON CONFLICT(department_id, title, doc_number) DO NOTHING",
            (doc.department_id, doc.title, doc.issued_on, doc.doc_number, doc.index_number,
             recorded_by, at))
        return cur.rowcount > 0

    def issued(self) -> list[IssuedDocument]:
        """The whole register, by date."""
        rows = self.conn.execute("SELECT * FROM issued_documents ORDER BY issued_on, id")
        return [IssuedDocument(r["id"], r["department_id"], r["title"], r["issued_on"],
                               r["doc_number"], r["index_number"]) for r in rows]

    # -- 回应关切 --------------------------------------------------------------------------
    def add_concern(self, response: ConcernResponse, recorded_by: int, at: str) -> int:
        """Store a response to a public concern; returns its id."""
        return insert_returning_id(
            self.conn,
            "INSERT INTO concern_responses (department_id, package_id, responded_on, topic,"
            " channel, link, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
            (response.department_id, response.package_id, response.responded_on,
             response.topic, response.channel, response.link, recorded_by, at))

    def concerns(self) -> list[ConcernResponse]:
        """Every recorded response, by date."""
        rows = self.conn.execute(
            f"SELECT c.*, {_NAME.format(t='c')} AS who FROM concern_responses c"
            " ORDER BY c.responded_on, c.id")
        return [ConcernResponse(r["id"], r["department_id"], r["responded_on"], r["topic"],
                                r["channel"], r["link"], r["package_id"], r["who"]) for r in rows]


def _attendees(text: str) -> tuple[Attendee, ...]:
    try:
        items = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(Attendee(str(i.get("name", "")), str(i.get("title", "")), str(i.get("role", "")))
                 for i in items if isinstance(i, dict))


def awaiting_posting_condition(since: str, cutoff: str, *,
                               server: bool = False) -> tuple[str, tuple[str, str]]:
    """A filter on packages `p`: released from `since` to `cutoff` (ISO dates) with some public
    page of the current revision that has no posting recorded yet."""
    unposted = ("NOT EXISTS (SELECT 1 FROM web_postings w WHERE w.package_id = p.id"
                " AND w.revision = p.revision AND w.part = {part})")
    material = ("EXISTS (SELECT 1 FROM materials m WHERE m.package_id = p.id"
                " AND m.audience != 'internal' AND " + unposted.format(part="'material:' || m.id")
                + ")")
    disclosure = "data::jsonb ->> 'disclosure'" if server else "json_extract(data, '$.disclosure')"
    document = (f"(SELECT COALESCE({disclosure}, '主动公开') FROM documents"
                " WHERE package_id = p.id) = '主动公开' AND " + unposted.format(part="'document'"))
    # Compared as text so that the (state, released_at) index bounds the scan: ISO times sort.
    after = (dt.date.fromisoformat(cutoff) + dt.timedelta(days=1)).isoformat()
    sql = (f"p.state = 'released' AND p.released_at >= ? AND p.released_at < ?"
           f" AND ({material} OR ({document}))")
    return sql, (since, after)
