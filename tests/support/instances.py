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


# -- Several programs on one file, opening and closing stores while others write ----------
#
# Each writer appends a line to its log (tests.support.save_loop.Log, fsynced) after the
# committing call returned: "save <package> <counter>" or "comment <id>". A line on disk is a
# commit the parent must find again, whatever happened to the process afterwards.

FIXED_QUOTE = "出台背景"  # in the first paragraph of every complete package's plan outline


@dataclass(frozen=True)
class Role:
    """One program in a multi-process round: a window ("gui") or a command ("cli")."""

    name: str
    kind: str  # gui: long-lived store with worker connections; cli: opens and closes
    package_id: int
    log: str
    exit_after: int = 0  # gui: commits after which it ends with os._exit (0: until killed)


def counted_body(counter: int) -> str:
    """A document body carrying `counter` where tests.support.save_loop.counter_of finds it."""
    return f"本文每次保存都带一个新的计数。\n计数 {counter:08d}"


def reopen_and_write(db: str, log_path: str, reopened, resume) -> None:
    """The lost-commit reproduction: write, open the store again, let another program in, write, die."""
    from interpreter_app.store.store import Store
    from tests.support.save_loop import Log

    log = Log(log_path)
    store = Store(db)
    _set_marker(store, "row-1", log)
    _second = Store(db)  # as a worker thread of the window does
    reopened.set()
    resume.wait(60)  # the parent lets another program open and close the file meanwhile
    _set_marker(store, "row-2", log)
    os._exit(0)  # no close, no checkpoint: only what is in the files counts


def _set_marker(store, key: str, log) -> None:
    with store.transaction():
        store.set_setting(f"lock-test-{key}", key)
    log.write(f"setting {key}")


def program(db: str, role: Role, stop) -> None:
    """Run `role` until `stop` is set, it exits on purpose or it is killed; errors go to its log."""
    from tests.support.save_loop import Log

    log = Log(role.log)
    try:
        (_window if role.kind == "gui" else _command)(db, role, stop, log)
    except BaseException as exc:  # noqa: BLE001 - the parent fails the test with this line
        log.write("error " + repr(exc).encode("ascii", "backslashreplace").decode())
        os._exit(1)


def _window(db: str, role: Role, stop, log) -> None:
    """Autosave on the main connection while a worker job runs on its own connection."""
    import threading

    from interpreter_app.services.workbench import Workbench
    from tests.support.save_loop import counter_of

    wb = Workbench.open(db)
    user = wb.accounts.login("writer", os.environ[PASSWORD_ENV])
    package = wb.authoring.get(user, role.package_id)
    counter, version = counter_of(package.document.body), package.document_version
    commits, failures = 0, []
    while not stop.is_set():
        job = threading.Thread(target=_worker_job, args=(db, role, counter, log, failures))
        job.start()  # like the window's export, statistics and backup jobs
        counter += 1
        doc = replace(package.document, body=counted_body(counter))
        version = wb.authoring.save_document(user, role.package_id, doc, version).version
        log.write(f"save {role.package_id} {counter}")
        job.join()
        if failures:
            raise failures[0]
        commits += 2
        if role.exit_after and commits >= role.exit_after:
            os._exit(0)  # a crash right after the last commit: nothing closed or checkpointed
    wb.close()


def _worker_job(db: str, role: Role, n: int, log, failures: list) -> None:
    from interpreter_app.services.workbench import Workbench

    try:
        wb = Workbench.open(db)
        try:
            user = wb.accounts.login("writer", os.environ[PASSWORD_ENV])
            comment = wb.comments.add(user, role.package_id, "plan", 0, FIXED_QUOTE,
                                      f"{role.name} 的第 {n} 条批注")
            log.write(f"comment {comment.id}")
            if n % 4 == 0:
                wb.store.backup_to(f"{role.log}.backup.db")
        finally:
            wb.close()
    except BaseException as exc:  # noqa: BLE001 - handed to the main thread
        failures.append(exc)


def _command(db: str, role: Role, stop, log) -> None:
    """Open, read, sometimes write, close: over and over, as repeated CLI commands do."""
    from interpreter_app.services.workbench import Workbench

    n = 0
    while not stop.is_set():
        n += 1
        wb = Workbench.open(db)
        try:
            user = wb.accounts.login("writer", os.environ[PASSWORD_ENV])
            wb.listing.search(user, "毕业生")
            if n % 2:
                comment = wb.comments.add(user, role.package_id, "plan", 0, FIXED_QUOTE,
                                          f"{role.name} 的第 {n} 条批注")
                log.write(f"comment {comment.id}")
        finally:
            wb.close()
