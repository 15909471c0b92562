"""Builds large benchmark databases (realistic Chinese text, varied states and dates), cached.

    python tests/bench/generate.py --packages 100000 --body-chars 300
    python tests/bench/generate.py --packages 20000 --body-chars 3000

Rows are written in bulk through the store's own schema (the services would take an hour for
100,000 packages); digests and search text are computed exactly as the services compute them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from interpreter_app.domain.digest import package_digest  # noqa: E402
from interpreter_app.domain.model import (  # noqa: E402
    InterpretationPlan,
    Material,
    Package,
    PolicyDocument,
    from_dict,
    to_dict,
)
from interpreter_app.resources import resource_path  # noqa: E402
from interpreter_app.services import crypto  # noqa: E402
from interpreter_app.store.packages import search_text_of  # noqa: E402
from interpreter_app.store.store import Store  # noqa: E402

STATES = ["draft"] * 30 + ["in_review"] * 15 + ["awaiting_signoff"] * 10 + ["signed"] * 5 + \
    ["released"] * 40
DEPARTMENTS = ["江海省人力资源和社会保障厅", "江海省发展和改革委员会", "江海省政务服务管理局",
               "江海省教育厅", "江海省财政厅", "江海省自然资源厅", "江海省生态环境厅",
               "江海省住房和城乡建设厅", "江海省交通运输厅", "江海省农业农村厅",
               "江海省商务厅", "江海省卫生健康委员会", "江海省市场监督管理局", "江海省医疗保障局"]
CODES = ["江人社发", "江发改", "江政务发", "江教发", "江财发", "江自然资发", "江环发", "江建发",
         "江交发", "江农发", "江商发", "江卫发", "江市监发", "江医保发"]


def cache_dir() -> Path:
    """Where generated databases are kept between runs (outside the repository)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("interpreter-app-bench", appauthor=False))


def corpus() -> tuple[list[str], list[str], list[dict]]:
    """Paragraphs, titles and material dicts from the demo content."""
    paras, titles, materials = [], [], []
    for f in sorted(resource_path("demo", "packages").glob("*.json")):
        spec = json.loads(f.read_text("utf-8"))
        titles.append(spec["document"]["title"])
        paras += [p for p in spec["document"]["body"].split("\n") if p.strip()]
        materials += spec["materials"]
    return paras, titles, materials


def make_body(rng: random.Random, paras: list[str], chars: int) -> str:
    """A body of about `chars` characters from shuffled real paragraphs."""
    out, total = [], 0
    while total < chars:
        p = rng.choice(paras)
        out.append(p)
        total += len(p)
    return "\n".join(out)[: max(chars, 1)]


def build(path: Path, packages: int, body_chars: int, seed: int = 7) -> Path:
    """Create the database at `path` with `packages` packages."""
    crypto.SCRYPT_N = 2**8
    rng = random.Random(seed)
    paras, titles, materials = corpus()
    path.unlink(missing_ok=True)
    store = Store(path)
    conn = store.conn
    now = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with store.transaction():
        for i, name in enumerate(DEPARTMENTS):
            conn.execute("INSERT INTO departments (id, name, code) VALUES (?,?,?)",
                         (i + 1, name, CODES[i]))
        pw = crypto.hash_password("demo1234")
        users = [("admin", "系统管理员", None, "admin", 1)]
        for i in range(len(DEPARTMENTS)):
            for role in ("writer", "reviewer", "leader"):
                users.append((f"d{i + 1}-{role}", f"{role}{i + 1}", i + 1, role, 0))
        for uid, (name, display, dept, roles, alld) in enumerate(users, 1):
            conn.execute("INSERT INTO users (id, username, display_name, department_id, roles,"
                         " all_departments, password_hash, created_at) VALUES (?,?,?,?,?,?,?,?)",
                         (uid, name, display, dept, roles, alld, pw, now.isoformat()))
            # Each account's signing key, sealed at the same cheap cost as its password: else
            # the first log-in enrols one at full cost and every start-up unseals it (20 ms of
            # scrypt that a real user spends on the log-in dialog, not on start-up).
            public, sealed = crypto.new_signing_key("demo1234")
            store.users.add_key(uid, public, sealed, now.isoformat())
    batch = 2000
    for start in range(0, packages, batch):
        with store.transaction():
            for pid in range(start + 1, min(start + batch, packages) + 1):
                _insert(conn, rng, pid, paras, titles, materials, body_chars, now)
    store.close()
    return path


def _insert(conn, rng, pid, paras, titles, materials, body_chars, now) -> None:
    dept = rng.randrange(len(DEPARTMENTS)) + 1
    writer = 2 + (dept - 1) * 3
    state = rng.choice(STATES)
    when = now - dt.timedelta(minutes=rng.randrange(60 * 24 * 720))
    year = when.year
    doc = PolicyDocument(title=f"{rng.choice(titles)}（{pid}）",
                         doc_number=f"{CODES[dept - 1]}〔{year}〕{pid % 500 + 1}号",
                         issuer=DEPARTMENTS[dept - 1], written_date=when.date().isoformat(),
                         body=make_body(rng, paras, body_chars))
    mats = [from_dict(Material, rng.choice(materials)) for _ in range(2)]
    pkg = Package(pid, dept, writer, doc, InterpretationPlan(outline="一、出台背景\n二、主要内容"),
                  mats, state=state)
    digest = package_digest(pkg)
    stamp = when.isoformat(timespec="seconds")
    due = (when + dt.timedelta(days=30)).date().isoformat()
    released = stamp if state == "released" else ""
    conn.execute("INSERT INTO packages (id, department_id, created_by, state, digest, title,"
                 " doc_number, holder_id, created_at, updated_at, due_date, released_at)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 (pid, dept, writer, "draft", digest, doc.title, doc.doc_number, writer, stamp,
                  stamp, due, released))
    data = to_dict(doc)
    body = data.pop("body")
    conn.execute("INSERT INTO documents (package_id, data, body) VALUES (?,?,?)",
                 (pid, json.dumps(data, ensure_ascii=False), body))
    conn.execute("INSERT INTO plans (package_id, data) VALUES (?,?)",
                 (pid, json.dumps(to_dict(pkg.plan), ensure_ascii=False)))
    for pos, m in enumerate(mats):
        md = to_dict(m)
        for key in ("id", "row_version", "kind", "title", "audience"):
            md.pop(key)
        conn.execute("INSERT INTO materials (id, package_id, position, kind, title, audience,"
                     " data) VALUES (?,?,?,?,?,?,?)",
                     (f"{pid}-{pos}", pid, pos, m.kind, m.title, m.audience,
                      json.dumps(md, ensure_ascii=False)))
    conn.execute("INSERT INTO package_authors VALUES (?, ?)", (pid, writer))
    title, text = search_text_of(pkg)
    conn.execute("INSERT INTO search_text (package_id, title, body) VALUES (?,?,?)",
                 (pid, title, text))
    conn.execute("INSERT INTO search_bigrams(rowid, grams) VALUES (?, search_grams(?, ?))",
                 (pid, title, text))
    if state in ("in_review", "awaiting_signoff"):
        # On the default route: waiting for the department's reviewers or leaders.
        role, step = ("reviewer", 0) if state == "in_review" else ("leader", 1)
        conn.execute("INSERT INTO step_parties (package_id, party, department_id, role)"
                     " VALUES (?, ?, ?, ?)", (pid, f"dept:{dept}", dept, role))
        conn.execute("UPDATE packages SET route_step = ? WHERE id = ?", (step, pid))
    if state != "draft":
        # Released packages are frozen by triggers: set the state last.
        conn.execute("UPDATE packages SET state = ? WHERE id = ?", (state, pid))


def read_through(path: Path) -> None:
    """Read the whole file once, so that it is in the operating system's cache as the file of a
    desktop in daily use would be; what other work evicted would otherwise be timed as disk."""
    with open(path, "rb") as fh:
        while fh.read(16 * 1024 * 1024):
            pass


def cached(packages: int, body_chars: int) -> Path:
    """The cached database of that size, built when missing."""
    from interpreter_app.store.schema import SCHEMA_VERSION

    # "k": accounts carry their signing keys (a database built before that is not reused).
    path = cache_dir() / f"bench-v{SCHEMA_VERSION}k-{packages}-{body_chars}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        tmp = path.with_suffix(".building")
        build(tmp, packages, body_chars)
        tmp.rename(path)
        print(f"built {path} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def main() -> None:
    """Command line: build (or find) a cached database and print its path."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=10_000)
    ap.add_argument("--body-chars", type=int, default=300)
    args = ap.parse_args()
    print(cached(args.packages, args.body_chars))


if __name__ == "__main__":
    main()
