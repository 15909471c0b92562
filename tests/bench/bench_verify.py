"""verify on a 20,000-package database whose every decision was signed through the services.

    python tests/bench/bench_verify.py [--packages 20000] [--body-chars 3000]

The database is built once through the real services (certified users, signed submit, pass,
sign, release and revise decisions, snapshots, the audit chain) and cached; building it takes a
few minutes. Target (issue 14): verify finishes in under 30 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.common import Figure, table  # noqa: E402
from tests.bench.generate import CODES, DEPARTMENTS, cache_dir, corpus  # noqa: E402

PASSWORD = "Bench-1234"
# draft, in review, awaiting sign-off, signed, released, revised: as in a department's year
STEPS = ([[]] * 25 + [["submit"]] * 12 + [["submit", "pass"]] * 8 +
         [["submit", "pass", "sign"]] * 5 + [["submit", "pass", "sign", "release"]] * 45 +
         [["submit", "pass", "sign", "release", "revise"]] * 5)


class StepClock:
    """A clock moving one minute a reading: distinct, ordered times."""

    def __init__(self) -> None:
        self.now = dt.datetime(2025, 1, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

    def __call__(self) -> str:
        self.now += dt.timedelta(minutes=1)
        return self.now.isoformat(timespec="seconds")


def unique_body(rng: random.Random, paras: list[str], chars: int) -> str:
    """About `chars` characters of distinct real paragraphs (repeated ones block submit)."""
    out, total = [], 0
    for p in rng.sample(sorted(set(paras)), k=len(set(paras))):
        if total >= chars:
            break
        out.append(p)
        total += len(p)
    return "\n".join(out)


def build(path: Path, packages: int, body_chars: int, seed: int = 11) -> None:
    """The database at `path`, every change through the services."""
    from interpreter_app.services import crypto
    from interpreter_app.services.workbench import Workbench
    from interpreter_app.store.store import Store
    from tests.factories import complete_parts

    crypto.SCRYPT_N = 2**8
    rng = random.Random(seed)
    paras, titles, _ = corpus()
    wb = Workbench(Store(path), StepClock())
    wb.store.conn.execute("PRAGMA synchronous = OFF")  # building only: one fsync a commit is slow
    admin = wb.accounts.create_first_admin("admin", "系统管理员", PASSWORD)
    people = []
    for i, name in enumerate(DEPARTMENTS):
        dept = wb.accounts.create_department(admin, name, CODES[i])
        trio = []
        for role, title in (("writer", "科员"), ("reviewer", "处长"), ("leader", "厅长")):
            user = wb.accounts.create_user(admin, f"d{i + 1}-{role}", f"{role}{i + 1}", PASSWORD,
                                           dept.id, {role}, title)
            wb.accounts.login(user.username, PASSWORD)
            trio.append(user)
        people.append(trio)
    document, plan, materials = complete_parts()
    for n in range(packages):
        writer, reviewer, leader = people[rng.randrange(len(people))]
        doc = replace(document, title=f"{rng.choice(titles)}（{n + 1}）",
                      body=unique_body(rng, paras, body_chars))
        pkg = wb.authoring.create(writer, doc.title, document=doc, plan=plan,
                                  materials=materials)
        actions = {"submit": lambda p=pkg, w=writer: wb.review.submit(w, p.id),
                   "pass": lambda p=pkg, r=reviewer: wb.review.pass_review(r, p.id, "同意"),
                   "sign": lambda p=pkg, x=leader: wb.review.sign(x, p.id, PASSWORD, "同意"),
                   "release": lambda p=pkg, w=writer: wb.review.release(w, p.id),
                   "revise": lambda p=pkg, w=writer: wb.review.revise(w, p.id, "政策调整")}
        for step in rng.choice(STEPS):
            actions[step]()
        if n % 1000 == 999:
            print(f"  {n + 1} packages", file=sys.stderr, flush=True)
    wb.store.close()


def cached(packages: int, body_chars: int) -> Path:
    """The cached signed database of that size, built when missing."""
    from interpreter_app.store.schema import SCHEMA_VERSION

    path = cache_dir() / f"verify-v{SCHEMA_VERSION}-{packages}-{body_chars}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(tmp, packages, body_chars)
        tmp.rename(path)
        print(f"built {path} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def verify_figures(packages: int = 20_000, body_chars: int = 3000) -> list[Figure]:
    """Wall time of Workbench.verify on the whole database, cold connection."""
    from interpreter_app.services.workbench import Workbench

    path = cached(packages, body_chars)
    with tempfile.TemporaryDirectory() as home:  # no trust file or history of this machine
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = home
        wb = Workbench.open(path)
        try:
            t = time.perf_counter()
            report = wb.verify()
            seconds = time.perf_counter() - t
        finally:
            wb.store.close()
    note = (f"({report.packages} packages, {report.decisions} signed decisions, "
            f"{report.signoffs} sign-offs, {report.events} events; "
            f"{'no problems' if report.ok else f'{len(report.problems)} problems'})")
    return [Figure(f"verify, {packages:,} packages of {body_chars} characters", seconds, "s",
                   target="< 30 s", ok=seconds < 30 and report.ok, note=note)]


def main() -> None:
    """Print the figure as a Markdown table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=20_000)
    ap.add_argument("--body-chars", type=int, default=3000)
    args = ap.parse_args()
    print(table(verify_figures(args.packages, args.body_chars)))


if __name__ == "__main__":
    main()
