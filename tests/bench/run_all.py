"""make bench: every benchmark, printed against its target and appended to docs/performance.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench import (  # noqa: E402
    bench_hostile,
    bench_import,
    bench_list,
    bench_server,
    bench_startup,
    bench_store,
    bench_verify,
    bench_work,
)
from tests.bench.common import Figure, table  # noqa: E402

GROUPS = (
    ("Start-up", bench_startup.startup_figures),
    ("Package list", bench_list.list_figures),
    ("Search", bench_store.search_figures),
    ("Save", bench_store.save_figures),
    ("Export", bench_work.export_figures),
    ("Chart", bench_work.chart_figures),
    ("Inspect", bench_work.inspect_figures),
    ("Hostile input", bench_hostile.hostile_figures),
    ("Verify", bench_verify.verify_figures),
    ("Garbage characters", bench_import.garbage_figures),
    ("Inspect by format", bench_import.inspect_formats_figures),
    ("Department server (PostgreSQL beside SQLite)", bench_server.server_figures),
)


def machine() -> str:
    """One line describing the machine the figures come from."""
    cpu = platform.processor() or platform.machine()
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def commit() -> str:
    """The checked-out commit (with + when the tree has changes)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               text=True, capture_output=True).stdout.strip()
        return head + ("+" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    """Run every group (or those named on the command line), print the table, append it to
    docs/performance.md."""
    started = time.perf_counter()
    sections = []
    chosen = set(sys.argv[1:])
    for name, run in GROUPS:
        if chosen and name not in chosen:
            continue
        t = time.perf_counter()
        figures: list[Figure] = run()
        print(f"\n## {name} ({time.perf_counter() - t:.0f} s)\n{table(figures)}", flush=True)
        sections.append(f"### {name}\n\n{table(figures)}\n")
    total = time.perf_counter() - started
    header = (f"\n## {dt.datetime.now():%Y-%m-%d %H:%M} · commit {commit()} · {total:.0f} s\n\n"
              f"{machine()}\n\n")
    with open(ROOT / "docs" / "performance.md", "a", encoding="utf-8") as fh:
        fh.write(header + "\n".join(sections))
    print(f"\nall benchmarks: {total:.0f} s; appended to docs/performance.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
