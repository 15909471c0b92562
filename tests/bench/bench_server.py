"""The department server beside the embedded file: the same data, the same service calls.

    .venv/bin/python tests/bench/bench_server.py [--packages 3000] [--desks 20 --seconds 120]

A generated SQLite database (tests/bench/generate.py) is copied into a fresh PostgreSQL
database with `migrate-to-server`'s own copy; then list, search and autosave are timed through
the services on both, SQLite's figure being the baseline. The desk load runs N clients, each on
its own connection and thread, autosaving every 3 s and reading its list on every
notification. The server is INTERPRETER_TEST_PG or the local one (see tests/support/pg.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.common import Figure, median, p95, table, timed  # noqa: E402
from tests.bench.generate import cached, read_through  # noqa: E402
from tests.support import pg  # noqa: E402

RUNS = 40
QUERIES = 50
LIST_TARGET_MS = 50
SAVE_TARGET_MS = 40


def server_figures(packages: int = 3000, body_chars: int = 3000, desks: int = 20,
                   seconds: float = 120) -> list[Figure]:
    """Every server figure against SQLite on the same data; [] without a server."""
    admin, why = pg.find_server()
    if admin is None:
        print(f"no PostgreSQL server ({why}): {pg.HOW_TO_ENABLE}", file=sys.stderr)
        return []
    source = cached(packages, body_chars)
    read_through(source)
    name = pg.unique_name("bench")
    url = pg.create_database(admin, name)
    try:
        copy_s = _copy(source, url)
        figures = [Figure(f"copy {packages:,} packages into the server (migrate-to-server)",
                          copy_s, "s")]
        figures += _list(source, url, packages)
        figures += _search(source, url, packages)
        figures += _save(source, url)
        if desks:
            figures += _desk_load(url, desks, seconds)
        return figures
    finally:
        pg.drop_database(admin, name)


def _copy(source: Path, url: str) -> float:
    from interpreter_app.store.store import Store
    from interpreter_app.store.transfer import copy_to_server

    src, dst = Store(source), Store(url)
    try:
        t0 = time.perf_counter()
        copy_to_server(src.db, dst.db)
        dst.conn.execute("ANALYZE")
        return time.perf_counter() - t0
    finally:
        src.close()
        dst.close()


def _actors(wb):
    from interpreter_app.domain.model import User

    everyone = User(1, "admin", "admin", None, frozenset({"writer", "reviewer", "leader"}),
                    all_departments=True)
    one = User(2, "bench", "bench", 1, frozenset({"writer", "reviewer", "leader"}))
    return everyone, one


def _list(source: Path, url: str, packages: int) -> list[Figure]:
    from interpreter_app.services.listing import ListQuery
    from interpreter_app.services.workbench import Workbench

    figures = []
    for label, view, who in (("all departments, 全部", "all", 0), ("one department, 待我核稿",
                                                                   "to_review", 1)):
        times = {}
        for address in (source, url):
            wb = Workbench.open(address)
            actor = _actors(wb)[who]
            wb.listing.page(actor, ListQuery(view), 0, 200)  # warm
            times[address] = timed(lambda wb=wb, a=actor, v=view: (
                wb.listing.page(a, ListQuery(v), 0, 200), wb.listing.counts(a)), RUNS)
            wb.close()
        ours, base = times[url], times[source]
        figures.append(Figure(f"list first 200 rows and view counts, {label} ({packages:,}), p95",
                              p95(ours), "ms", p95(base), "SQLite p95",
                              f"p95 ≤ {LIST_TARGET_MS} ms", p95(ours) <= LIST_TARGET_MS,
                              f"(median {median(ours):.1f})"))
    return figures


def _search(source: Path, url: str, packages: int) -> list[Figure]:
    from interpreter_app.services.listing import ListQuery
    from interpreter_app.services.workbench import Workbench

    wb = Workbench.open(source)
    bodies = [r[0] for r in wb.store.conn.execute(
        "SELECT body FROM search_text ORDER BY random() LIMIT 50")]
    wb.close()
    rng = random.Random(3)
    figures = []
    for length in (1, 2, 4, 8):
        queries = [_sample(rng, bodies, length) for _ in range(QUERIES)]
        times = {}
        for address in (source, url):
            wb = Workbench.open(address)
            actor = _actors(wb)[0]
            times[address] = [timed(lambda q=q, wb=wb, a=actor: wb.listing.page(
                a, ListQuery("all", q), 0, 200), 1)[0] for q in queries]
            wb.close()
        target = 10 if length >= 3 else 150
        ours = times[url]
        figures.append(Figure(f"search {length} char{'s' if length > 1 else ''} ({packages:,}),"
                              " p95", p95(ours), "ms", p95(times[source]), "SQLite p95",
                              f"p95 ≤ {target} ms", p95(ours) <= target,
                              f"(median {median(ours):.1f})"))
    return figures


def _sample(rng: random.Random, bodies: list[str], length: int) -> str:
    while True:
        body = rng.choice(bodies)
        start = rng.randrange(max(1, len(body) - length))
        q = body[start:start + length]
        if len(q) == length and not any(ch.isspace() for ch in q):
            return q


def _save(source: Path, url: str, chars: int = 50_000, saves: int = 40) -> list[Figure]:
    from interpreter_app.services import crypto
    from interpreter_app.services.workbench import Workbench
    from tests.factories import complete_package

    crypto.SCRYPT_N = 2**8
    times = {}
    for address in (source, url):
        wb = Workbench.open(address)
        writer = _writer(wb)
        pkg = complete_package(wb, writer)
        body = (pkg.document.body * (chars // len(pkg.document.body) + 1))[:chars]
        version = pkg.document_version
        run = []
        for i in range(saves):
            doc = replace(pkg.document, body=body[:-8] + f"{i:08d}")
            run.append(timed(lambda d=doc, v=version, wb=wb, w=writer, p=pkg.id:
                             wb.authoring.save_document(w, p, d, v), 1)[0])
            version += 1
        times[address] = run[2:]
        wb.close()
    ours = times[url]
    return [Figure(f"autosave of a {chars:,}-character body, p95", p95(ours), "ms",
                   p95(times[source]), "SQLite p95", f"p95 ≤ {SAVE_TARGET_MS} ms",
                   p95(ours) <= SAVE_TARGET_MS, f"(median {median(ours):.1f})")]


def _writer(wb):
    """A writer of the first department, created for the bench when missing."""
    from interpreter_app.domain.errors import NotFoundError

    try:
        return wb.accounts.user("bench-writer")
    except NotFoundError:
        admin = _actors(wb)[0]
        admin = replace(admin, roles=frozenset({"admin"}))
        dept = wb.accounts.departments()[0].id
        return wb.accounts.create_user(admin, "bench-writer", "测试拟稿人", "Passw0rd!", dept,
                                       {"writer"}, "科员")


def _desk_load(url: str, desks: int, seconds: float) -> list[Figure]:
    """N desks autosaving every 3 s, each reading its list on every notification."""
    from interpreter_app.services import live
    from interpreter_app.services.listing import ListQuery
    from interpreter_app.services.workbench import Workbench
    from tests.factories import complete_package

    setup = Workbench.open(url)
    writer = _writer(setup)
    package_ids = [complete_package(setup, writer).id for _ in range(desks)]
    setup.close()
    stop = threading.Event()
    saves: list[float] = []
    delays: list[float] = []
    sent: dict[int, float] = {}
    lock = threading.Lock()

    def desk(index: int) -> None:
        wb = Workbench.open(url)
        listener = live.listen(url)
        pid = package_ids[index]
        pkg = wb.authoring.get(writer, pid)
        version, n = pkg.document_version, 0
        next_save = time.monotonic() + random.Random(index).uniform(0, 3)
        while not stop.is_set():
            if time.monotonic() >= next_save:
                n += 1
                doc = replace(pkg.document, body=pkg.document.body + f"\n第{n}次修改。")
                with lock:
                    sent[pid] = time.monotonic()
                saves.append(timed(lambda d=doc, v=version: wb.authoring.save_document(
                    writer, pid, d, v), 1)[0])
                version += 1
                next_save += 3
            for change in listener.wait(0.1):
                arrived = time.monotonic()
                with lock:
                    started = sent.get(change.package_id)
                if started is not None and change.session != wb.session:
                    delays.append((arrived - started) * 1000)
                wb.listing.page(writer, ListQuery("mine"), 0, 200)
        listener.close()
        wb.close()

    threads = [threading.Thread(target=desk, args=(i,)) for i in range(desks)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(30)
    note = f"({len(saves)} saves, {len(delays)} notifications heard, one Python process)"
    return [
        Figure(f"{desks}-desk load: autosave p95 ({seconds:.0f} s)", p95(saves), "ms",
               target=f"p95 ≤ {SAVE_TARGET_MS} ms", ok=p95(saves) <= SAVE_TARGET_MS,
               note=f"(median {median(saves):.1f}) {note}"),
        Figure(f"{desks}-desk load: notification delay p95", p95(delays), "ms",
               target="p95 ≤ 1000 ms", ok=p95(delays) <= 1000,
               note=f"(median {median(delays):.1f}; from the save's start to its arrival on "
                    "another desk)"),
    ]


def main() -> int:
    """Run the server figures and print them as a table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=3000)
    ap.add_argument("--body-chars", type=int, default=3000)
    ap.add_argument("--desks", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=120)
    args = ap.parse_args()
    figures = server_figures(args.packages, args.body_chars, args.desks, args.seconds)
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
