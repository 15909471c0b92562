"""Shared pieces of the benchmarks: timing, results and the report table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    """One benchmark figure: our value, the baseline of the same run, and the target."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """value / baseline when there is a baseline."""
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of `repeat` calls in milliseconds."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def median(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def table(figures: list[Figure]) -> str:
    """A Markdown table of figures."""
    lines = ["| figure | value | baseline | ratio | target | met |", "|---|---|---|---|---|---|"]
    for f in figures:
        base = f"{f.baseline:.1f} {f.unit} ({f.baseline_name})" if f.baseline is not None else "—"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        met = {True: "yes", False: "**no**", None: "—"}[f.ok]
        note = f" {f.note}" if f.note else ""
        lines.append(f"| {f.name} | {f.value:.1f} {f.unit}{note} | {base} | {ratio} | {f.target} | {met} |")
    return "\n".join(lines)
