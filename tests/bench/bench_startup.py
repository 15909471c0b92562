"""Start-up: `interpreter-app --screenshot` on a 10,000-package database against a bare window."""

from __future__ import annotations

import compileall
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.common import Figure, median
from tests.bench.generate import cached

HERE = Path(__file__).resolve().parent
APP = Path(sys.executable).with_name("interpreter-app")
PACKAGE = HERE.parents[1] / "interpreter_app"


def _run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd[0]} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, usage.ru_maxrss / 1024


def startup_figures(runs: int = 7) -> list[Figure]:
    """Median wall time and peak memory of ours vs the bare window, alternating runs."""
    db = cached(10_000, 300)
    # Installed copies (pip, the .deb, the bundle) carry bytecode; a source tree run with
    # PYTHONDONTWRITEBYTECODE would compile every module on every start instead.
    compileall.compile_dir(str(PACKAGE), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERPRETER_PASSWORD="demo1234")
    out = Path(tempfile.mkdtemp())
    ours_cmd = [str(APP), "--db", str(db), "--screenshot", str(out / "ours.png"),
                "--user", "d1-writer"]
    bare_cmd = [sys.executable, str(HERE / "bare_window.py"), str(out / "bare.png")]
    _run(ours_cmd, env)  # warm the page cache and the font cache once
    _run(bare_cmd, env)
    ours, bare = [], []
    for _ in range(runs):
        ours.append(_run(ours_cmd, env))
        bare.append(_run(bare_cmd, env))
    ours_t, bare_t = median([o[0] for o in ours]) * 1000, median([b[0] for b in bare]) * 1000
    ours_m, bare_m = median([o[1] for o in ours]), median([b[1] for b in bare])
    _ = resource  # ru_maxrss comes from wait4; resource documents the unit (KB on Linux)
    return [
        Figure("start-up to screenshot, 10,000 packages", ours_t, "ms", bare_t, "bare PySide6 window",
               "≤ 2.0×", ours_t <= 2.0 * bare_t),
        Figure("peak memory at start-up", ours_m, "MB", bare_m, "bare PySide6 window", "≤ 1.6×",
               ours_m <= 1.6 * bare_m),
    ]
