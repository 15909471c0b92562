"""Server notifications: every desk hears which package changed (LISTEN interpreter_packages).

The triggers of the server schema send a notification for every change of a package row and
of its comments (pg_schema.py); `ChangeListener` waits for them on a connection of its own.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

CHANNEL = "interpreter_packages"
DRAIN_S = 0.05  # after a first notification, how long to gather the rest of its burst
RETRY_S = (1, 2, 4, 8, 15)  # waits between attempts to reconnect


@dataclass(frozen=True)
class Change:
    """A package changed on the server (package_id 0: changes may have been missed)."""

    package_id: int
    table: str
    op: str
    session: int  # the server process of the desk that made the change
    state: str = ""  # the package's workflow state after the change (packages rows only)


RESYNC = Change(0, "", "RESYNC", 0)


class ChangeListener:
    """A connection that listens for package changes; reconnects with backoff when dropped."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn = None
        self._failures = 0
        self.connected = False
        self._connect()

    def _connect(self) -> bool:
        import psycopg

        try:
            self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5,
                                         application_name="interpreter-app listener")
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            self._conn = None
            self.connected = False
            return False
        self.connected, self._failures = True, 0
        return True

    def wait(self, timeout: float) -> list[Change]:
        """The changes that arrive within `timeout` seconds ([] when none).

        After the connection was lost and came back, the list holds RESYNC: whatever happened
        meanwhile was not heard, so the caller reads everything again.
        """
        import psycopg

        if self._conn is None or self._conn.closed:
            time.sleep(min(timeout, RETRY_S[min(self._failures, len(RETRY_S) - 1)]))
            self._failures += 1
            return [RESYNC] if self._connect() else []
        try:
            first = list(self._conn.notifies(timeout=timeout, stop_after=1))
            rest = list(self._conn.notifies(timeout=DRAIN_S)) if first else []
        except psycopg.Error:
            self.connected = False
            self._conn = None
            return []
        return [_change(n) for n in first + rest]

    def close(self) -> None:
        """Stop listening."""
        if self._conn is not None:
            self._conn.close()


def _change(notify) -> Change:
    try:
        data = json.loads(notify.payload)
        return Change(int(data["package_id"]), str(data["table"]), str(data["op"]), notify.pid,
                      str(data.get("state") or ""))
    except (ValueError, KeyError, TypeError):
        return Change(0, "", "RESYNC", notify.pid)
