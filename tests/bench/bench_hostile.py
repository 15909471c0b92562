"""Hostile input: time and peak memory of `inspect` on crafted files up to the 20 MB file limit,
beside a normal 100-page .docx. Each file is inspected in a fresh process whose peak resident
memory is the figure, interpreter and imports included: VmHWM from /proc where there is one,
since Linux carries the parent's peak into a child's getrusage across fork and exec."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.common import Figure
from tests.support import hostile_docx

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
TIME_TARGET_MS = 5000
MEMORY_TARGET_MB = 500

_CHILD = """
import json, resource, sys, time
from interpreter_app.domain.importing.inspect import inspect_path
from interpreter_app.export.verify_pack import read_pack
from interpreter_app.domain.errors import AppError
started = time.perf_counter()
try:
    if sys.argv[1].endswith(".zip"):
        outcome = f"finished, {len(read_pack(sys.argv[1]).hashes)} files hashed"
    else:
        result = inspect_path(sys.argv[1])
        outcome = f"finished, {len(result['outline'])} headings"
except AppError as exc:
    outcome = "refused: " + exc.message[:40]
ms = (time.perf_counter() - started) * 1000
try:
    with open("/proc/self/status") as fh:
        kb = int(next(line for line in fh if line.startswith("VmHWM")).split()[1])
except OSError:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"ms": ms, "mb": kb / 1024, "outcome": outcome}))
"""


def measure(path: Path) -> dict:
    """inspect (verify-pack's reading for a .zip) of one file in a fresh process:
    {'ms', 'mb', 'outcome'}."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, text=True,
                          capture_output=True, timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def normal_docx(path: Path, copies: int = 45) -> Path:
    """About 100 pages (60,000 characters) of a real notice, as python-docx writes it."""
    import docx

    sample = (DATA / "import" / "sample_policy.txt").read_text("utf-8").split("\n")
    document = docx.Document()
    for n in range(copies):
        for para in sample:
            document.add_paragraph(f"{para}{n}" if para else para)
    document.save(str(path))
    return path


def largest_txt(path: Path, chars: int = 280_000) -> Path:
    """A .txt just under the import's character limit: the most that is read and checked."""
    sample = (DATA / "import" / "sample_policy.txt").read_text("utf-8")
    text, n = [], 0
    while sum(len(t) for t in text) < chars:
        text.append(sample.replace("。", f"{n}。", 1))
        n += 1
    path.write_text("\n".join(text)[:chars], "utf-8")
    return path


def hostile_txt(path: Path, mb: int = 19) -> Path:
    """A .txt just under the 20 MB file limit (6.6 million characters)."""
    line = "各地要加大稳岗扩就业政策落实力度，确保惠企政策直达快享。\n"
    path.write_text(line * (mb * 1024 * 1024 // len(line.encode())), "utf-8")
    return path


def big_pack(path: Path, mb: int = 200) -> Path:
    """A pack of `mb` MB that does not compress (stored random bytes): all of it is hashed."""
    import os
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", '{"files": []}')
        with zf.open("video.bin", "w", force_zip64=True) as member:
            for _ in range(mb):
                member.write(os.urandom(1024 * 1024))
    return path


def zeros_pack(path: Path, mb: int = 500) -> Path:
    """A zip bomb under the 512 MB limit: 500 MB of zeros deflated to about 0.5 MB."""
    import zipfile

    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", '{"files": []}')
        with zf.open("zeros.bin", "w", force_zip64=True) as member:
            for _ in range(mb):
                member.write(chunk)
    return path


CASES = (
    ("inspect, normal 100-page .docx", lambda d: normal_docx(d / "normal.docx")),
    ("inspect, largest .docx read and checked (270,000 characters)",
     lambda d: normal_docx(d / "largest.docx", copies=199)),
    ("inspect, 20 MB .docx, document.xml expands to 145 MB",
     lambda d: hostile_docx.expanding_text_docx(d / "expanding.docx", 145)),
    ("inspect, 30 MB of tags in one table cell (1.7 MB .docx)",
     lambda d: hostile_docx.tag_flood_docx(d / "flood.docx", 30, "cell")),
    ("inspect, 19 MB .txt (6.6 million characters)", lambda d: hostile_txt(d / "big.txt")),
    ("inspect, largest .txt read and checked (280,000 characters)", lambda d: largest_txt(d / "max.txt")),
    ("verify-pack reading a 200 MB .zip (every byte hashed)", lambda d: big_pack(d / "big.zip")),
    ("verify-pack reading a .zip of 500 MB zeros", lambda d: zeros_pack(d / "zeros.zip")),
)


def hostile_figures() -> list[Figure]:
    """Time and peak memory of each case, against 5 s and 500 MB."""
    tmp = Path(tempfile.mkdtemp())
    figures = []
    try:
        for name, make in CASES:
            path = make(tmp)
            size = path.stat().st_size / 1048576
            result = measure(path)
            note = f"({size:.2f} MB file; {result['outcome']})"
            figures.append(Figure(f"{name}: time", result["ms"], "ms",
                                  target=f"≤ {TIME_TARGET_MS} ms", ok=result["ms"] <= TIME_TARGET_MS,
                                  note=note))
            figures.append(Figure(f"{name}: peak memory", result["mb"], "MB",
                                  target=f"≤ {MEMORY_TARGET_MB} MB",
                                  ok=result["mb"] <= MEMORY_TARGET_MB))
            path.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return figures


if __name__ == "__main__":
    from tests.bench.common import table

    print(table(hostile_figures()))
