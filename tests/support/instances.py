"""A second running copy of the application, as a separate process for the two-instance tests.

Each instance opens its own Workbench on the shared file, loads what it will change, waits at
a barrier so that both act at the same moment, and reports its outcome on a queue as
(name, outcome, detail): outcome "ok", the AppError class name, or "RAW" for anything else.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, replace

PASSWORD_ENV = "INTERPRETER_PASSWORD"


@dataclass(frozen=True)
class Plan:
    """What one instance does: who, which action on which package, with what text."""

    name: str
    username: str
    action: str  # save_body, sign, release, return, pass, withdraw
    package_id: int
    text: str = ""


def instance(db: str, plan: Plan, barrier, results) -> None:
    """Run one plan in this process and put the outcome on `results`."""
    from interpreter_app.domain.errors import AppError
    from interpreter_app.services.workbench import Workbench

    try:
        wb = Workbench.open(db)
        user = wb.accounts.login(plan.username, os.environ[PASSWORD_ENV])
        loaded = wb.authoring.get(user, plan.package_id)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        barrier.abort()
        results.put((plan.name, "RAW", f"set-up failed: {exc!r}"))
        return
    barrier.wait()
    try:
        detail = _act(wb, user, plan, loaded)
        results.put((plan.name, "ok", detail))
    except AppError as exc:
        results.put((plan.name, type(exc).__name__, exc.message))
    except BaseException as exc:  # noqa: BLE001 - a raw error is exactly what the test looks for
        results.put((plan.name, "RAW", repr(exc)))
    finally:
        wb.close()


def _act(wb, user, plan: Plan, loaded) -> str:
    review = wb.review
    if plan.action == "save_body":
        doc = replace(loaded.document, body=plan.text)
        return str(wb.authoring.save_document(user, plan.package_id, doc,
                                              loaded.document_version).version)
    if plan.action == "sign":
        return review.sign(user, plan.package_id, os.environ[PASSWORD_ENV], plan.text or "同意").digest
    actions = {"release": lambda: review.release(user, plan.package_id),
               "return": lambda: review.return_package(user, plan.package_id, plan.text or "退回"),
               "pass": lambda: review.pass_review(user, plan.package_id, plan.text),
               "withdraw": lambda: review.withdraw(user, plan.package_id)}
    return actions[plan.action]().state


def hold_write_lock(db: str, seconds: float, ready, exclusive: bool = False) -> None:
    """Hold the database's write lock (or, exclusive, every lock) like a stuck program would."""
    conn = sqlite3.connect(db, isolation_level=None)
    if exclusive:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE settings SET value = value WHERE 0")
    else:
        conn.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()
