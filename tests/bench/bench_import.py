"""Import benchmarks: the garbage-character check's precision and recall, and inspect of a
100-page .docx, .pdf and .ofd (time and peak memory, each in a fresh process)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.common import Figure

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "import" / "sample_policy.txt"
PAGES_COPIES = 45  # sample_policy.txt × 45 ≈ 100 pages of GB/T 9704 text
_PROBE = """
import json, resource, sys, time
from interpreter_app.domain.importing.inspect import inspect_path
t = time.perf_counter(); inspect_path(sys.argv[1]); first = time.perf_counter() - t
t = time.perf_counter(); inspect_path(sys.argv[1]); second = time.perf_counter() - t
print(json.dumps({"first": first, "second": second,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def garbage_figures() -> list[Figure]:
    """Recall, precision and false findings on clean text (tests/support/garbage_corpus.py)."""
    sys.path.insert(0, str(ROOT))
    from tests.support.garbage_corpus import measure

    s = measure()
    note = f"{s.inserted} runs inserted into {s.clean_chars:,} characters of the demo texts"
    return [
        Figure("garbage check: recall of inserted 2–5 character runs", s.recall * 100, "%",
               target="≥ 80 %", ok=s.recall >= 0.8, note=note),
        Figure("garbage check: precision", s.precision * 100, "%", note=f"{s.reported} reported"),
        Figure("garbage check: false findings per 10,000 clean characters", s.false_per_10k, "",
               target="≤ 1", ok=s.false_per_10k <= 1, note=f"{s.clean_false} in {s.clean_chars:,}"),
    ]


def inspect_formats_figures() -> list[Figure]:
    """inspect of the same 100 pages as .docx, .pdf and .ofd: time of a warm call and peak RSS."""
    tmp = Path(tempfile.mkdtemp())
    try:
        files = _hundred_pages(tmp)
        out = []
        for path in files:
            probe = subprocess.run([sys.executable, "-c", _PROBE, str(path)], cwd=ROOT, text=True,
                                   capture_output=True, check=True)
            r = json.loads(probe.stdout.strip().splitlines()[-1])
            ms = r["second"] * 1000
            out.append(Figure(f"inspect of a 100-page {path.suffix} (warm)", ms, "ms",
                              target="≤ 1000 ms", ok=ms <= 1000,
                              note=f"first call {r['first'] * 1000:.0f} ms"))
            out.append(Figure(f"inspect of a 100-page {path.suffix}: peak memory", r["rss_mb"], "MB",
                              target="≤ 300 MB", ok=r["rss_mb"] <= 300))
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _hundred_pages(tmp: Path) -> list[Path]:
    import docx

    sys.path.insert(0, str(ROOT))
    from tests.support.make_import_corpus import ofd, pdf_from

    lines = SAMPLE.read_text("utf-8").split("\n") * PAGES_COPIES
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    path = tmp / "long.docx"
    d.save(str(path))
    files = [path]
    if shutil.which("soffice") or shutil.which("libreoffice"):
        pdf_from(path, tmp / "long.pdf")
        files.append(tmp / "long.pdf")
    ofd(lines, tmp / "long.ofd")
    files.append(tmp / "long.ofd")
    return files


