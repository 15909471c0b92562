"""Other programs opening and closing the database while a window writes: no commit is lost.

On POSIX a process loses every lock it holds on a file as soon as it closes *any* descriptor of
that file. If the application ever opened the database outside SQLite while a connection was
open, SQLite in that process would go on believing it holds its locks; another program closing
its own connection would then think it is the last one and delete the -wal file, and every
commit made since would vanish when the window ends without a checkpoint. These tests run real
processes: a window-like one (long-lived store, worker jobs on their own connections) and a
command-like one (open, read, write, close, again), crash the window with os._exit or SIGKILL
right after a commit, and then look for every commit the programs had logged.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from interpreter_app.services.workbench import Workbench
from interpreter_app.store.store import Store
from tests.factories import PASSWORD, complete_package, seed
from tests.support.instances import Role, counted_body, program, reopen_and_write
from tests.support.save_loop import counter_of

ROUNDS_ENV = "INTERPRETER_LOCK_ROUNDS"
STRESS_ROUNDS = 200
TIMEOUT = 60.0


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)


def other_program_opens_and_closes(db: Path) -> None:
    """Another process opens the file, reads and closes: as `sqlite3 DB 'select 1'` does."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('select count(*) from sqlite_master').fetchall(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=TIMEOUT)
    if shutil.which("sqlite3"):
        subprocess.run(["sqlite3", str(db), "select 1"], check=True, timeout=TIMEOUT,
                       stdout=subprocess.DEVNULL)


def logged_lines(path: Path) -> list[str]:
    """The complete lines of a program's log (a line cut short by a kill does not count)."""
    if not path.exists():
        return []
    return path.read_text("ascii").split("\n")[:-1]


def test_second_store_in_one_process_keeps_its_locks_when_another_program_closes(tmp_path):
    db, log = tmp_path / "work.db", tmp_path / "reopen.log"
    Store(db).close()
    ctx = mp.get_context("spawn")
    reopened, resume = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=reopen_and_write, args=(str(db), str(log), reopened, resume))
    proc.start()
    try:
        assert reopened.wait(TIMEOUT), "the writing process did not start"
        other_program_opens_and_closes(db)
    finally:
        resume.set()
        proc.join(TIMEOUT)
    assert proc.exitcode == 0
    assert logged_lines(log) == ["setting row-1", "setting row-2"]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = {r[0] for r in conn.execute("SELECT key FROM settings WHERE key LIKE 'lock-test-%'")}
    finally:
        conn.close()
    assert keys == {"lock-test-row-1", "lock-test-row-2"}


# -- rounds of two or three programs ----------------------------------------------------------

@dataclass
class Figures:
    """What the rounds did, for the report."""

    rounds: int = 0
    commits: int = 0
    exits: int = 0
    kills: int = 0
    lost: list[str] = field(default_factory=list)


def prepare(db: Path) -> list[int]:
    """A seeded database with three draft packages whose bodies carry counter 0."""
    data = seed(db)
    ids = []
    for _ in range(3):
        pkg = complete_package(data.wb, data["writer"])
        data.wb.authoring.save_document(data["writer"], pkg.id,
                                        replace(pkg.document, body=counted_body(0)),
                                        pkg.document_version)
        ids.append(pkg.id)
    data.wb.close()
    return ids


def roles_for(index: int, packages: list[int], folder: Path, rng: random.Random,
              programs: int, crash: str) -> list[Role]:
    """A window (crashing by `crash`), a second window with three programs, and a command."""
    def log(name: str) -> str:
        return str(folder / f"round-{index}-{name}.log")

    def window(name: str, package: int, how: str) -> Role:
        exit_after = rng.randint(4, 30) if how == "exit" else 0
        return Role(name, "gui", package, log(name), exit_after)

    roles = [window("window", packages[0], crash)]
    if programs == 3:
        roles.append(window("window2", packages[1], "kill" if crash == "exit" else "exit"))
    roles.append(Role("command", "cli", packages[2], log("command")))
    return roles


def run_round(db: Path, roles: list[Role], rng: random.Random, figures: Figures) -> None:
    """Start the programs, crash the windows after a commit, stop the command, check."""
    ctx = mp.get_context("spawn")
    stop = ctx.Event()
    procs = {r.name: ctx.Process(target=program, args=(str(db), r, stop)) for r in roles}
    for proc in procs.values():
        proc.start()
    try:
        _crash_windows(roles, procs, rng, figures)
    finally:
        stop.set()
        for proc in procs.values():
            proc.join(TIMEOUT)
            if proc.exitcode is None:
                proc.kill()
                proc.join()
    check_commits(db, roles, figures)
    figures.rounds += 1
    errors = [line.encode().decode("unicode_escape") for r in roles
              for line in logged_lines(Path(r.log)) if line.startswith("error")]
    assert not errors and not figures.lost, (errors, figures.lost[:10])
    assert all(procs[r.name].exitcode in (0, -signal.SIGKILL) for r in roles), \
        {name: p.exitcode for name, p in procs.items()}


def _crash_windows(roles: list[Role], procs: dict, rng: random.Random, figures: Figures) -> None:
    """os._exit comes from the window itself; SIGKILL once its log shows enough commits."""
    kill_at = {r.name: rng.randint(4, 30) for r in roles if r.kind == "gui" and not r.exit_after}
    windows = [r for r in roles if r.kind == "gui"]
    deadline = time.monotonic() + TIMEOUT
    while any(procs[r.name].is_alive() for r in windows):
        assert time.monotonic() < deadline, "a window neither exited nor reached its kill point"
        for r in windows:
            proc = procs[r.name]
            if r.name in kill_at and proc.is_alive() and \
                    len(logged_lines(Path(r.log))) >= kill_at[r.name]:
                proc.kill()
                proc.join()
                figures.kills += 1
            if any(line.startswith("error") for line in logged_lines(Path(r.log))):
                return
        time.sleep(0.005)
    figures.exits += sum(1 for r in windows if r.exit_after and procs[r.name].exitcode == 0)


def check_commits(db: Path, roles: list[Role], figures: Figures) -> None:
    """integrity_check is ok and every logged commit is in the file."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        comments = {r[0] for r in conn.execute("SELECT id FROM comments")}
    finally:
        conn.close()
    wb = Workbench.open(db)
    try:
        writer = wb.accounts.login("writer", PASSWORD)
        stored = {r.package_id: counter_of(wb.authoring.get(writer, r.package_id).document.body)
                  for r in roles}
    finally:
        wb.close()
    for role in roles:
        for line in logged_lines(Path(role.log)):
            kind, *values = line.split()
            if kind == "error":
                continue
            figures.commits += 1
            if kind == "save" and int(values[1]) > stored[int(values[0])]:
                figures.lost.append(f"{role.name}: {line} (stored {stored[int(values[0])]})")
            elif kind == "comment" and int(values[0]) not in comments:
                figures.lost.append(f"{role.name}: {line}")


def run_rounds(tmp_path: Path, rounds: int, programs: int | None = None) -> Figures:
    """`rounds` rounds on one file: two or three programs (alternating when None), both crashes."""
    seed_value = int(os.environ.get("INTERPRETER_LOCK_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed_value)
    db = tmp_path / "shared.db"
    packages = prepare(db)
    figures, started = Figures(), time.monotonic()
    for i in range(rounds):
        count = programs or (2 if i % 2 == 0 else 3)
        crash = "exit" if (i // 2) % 2 == 0 else "kill"
        run_round(db, roles_for(i, packages, tmp_path, rng, count, crash), rng, figures)
        assert not figures.lost, figures.lost[:10]
    print(f"\nlock rounds (seed {seed_value}): {figures.rounds} rounds, {figures.commits} commits "
          f"verified, {len(figures.lost)} lost, {figures.exits} os._exit and {figures.kills} "
          f"SIGKILL crashes, {time.monotonic() - started:.1f} s")
    wb = Workbench.open(db)
    try:
        report = wb.verify()
        assert report.ok, report.problems
    finally:
        wb.close()
    return figures


def test_window_and_command_on_one_file_lose_no_commit(tmp_path):
    figures = run_rounds(tmp_path, 4, programs=2)
    assert figures.rounds == 4 and figures.exits + figures.kills == 4
    assert figures.commits > 4 * 4 and not figures.lost


def test_two_windows_and_a_command_on_one_file_lose_no_commit(tmp_path):
    figures = run_rounds(tmp_path, 2, programs=3)
    assert figures.rounds == 2 and figures.exits + figures.kills == 4
    assert figures.commits > 2 * 8 and not figures.lost


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("INTERPRETER_STRESS"), reason="make stress runs it")
def test_programs_on_one_file_lose_no_commit_stress(tmp_path):
    rounds = int(os.environ.get(ROUNDS_ENV, STRESS_ROUNDS))
    figures = run_rounds(tmp_path, rounds)
    assert figures.rounds == rounds and not figures.lost
