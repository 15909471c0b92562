"""A test set for the garbage-character check: clean government text with random runs inserted.

The clean text is the demo packages' documents, plans and materials (written for this project).
Runs of 2–5 characters are drawn from GB2312 (levels 1 and 2: the characters a scraper's noise
or a broken conversion produces) and inserted at random places between characters. A run counts
as found when a reported run overlaps it; a reported run overlapping no inserted one is a false
finding. Clean text alone gives the false findings per 10,000 characters.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "packages"


def clean_paragraphs() -> list[list[str]]:
    """Each demo package's text (document, plan outline, materials) as one list of paragraphs."""
    docs = []
    for path in sorted(DEMO.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        text = [data["document"]["body"], data.get("plan", {}).get("outline", "")]
        text += [m.get("body", "") for m in data.get("materials", [])]
        paras = [p.strip() for t in text for p in t.split("\n") if p.strip()]
        docs.append(paras)
    return docs


def gb2312_characters() -> list[str]:
    """The 6,763 Chinese characters of GB2312 (rows 16–87)."""
    out = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


@dataclass
class Scores:
    """Recall, precision and false findings per 10,000 clean characters."""

    inserted: int
    found: int
    reported: int
    true_reports: int
    clean_chars: int
    clean_false: int

    @property
    def recall(self) -> float:
        return self.found / self.inserted if self.inserted else 1.0

    @property
    def precision(self) -> float:
        return self.true_reports / self.reported if self.reported else 1.0

    @property
    def false_per_10k(self) -> float:
        return self.clean_false * 10_000 / self.clean_chars if self.clean_chars else 0.0


def insert_noise(paragraphs: list[str], rng: random.Random, chars: list[str],
                 every: int = 150) -> tuple[list[str], list[tuple[int, int, int]]]:
    """Paragraphs with one run of 2–5 random characters per `every` characters, and where."""
    out, spans = [], []
    for index, para in enumerate(paragraphs):
        k = max(0, round(len(para) / every + rng.random() - 0.5))
        positions = sorted(rng.sample(range(1, len(para)), min(k, len(para) - 1))) if len(para) > 1 else []
        text, shift = para, 0
        for pos in positions:
            run = "".join(rng.choice(chars) for _ in range(rng.randint(2, 5)))
            at = pos + shift
            text = text[:at] + run + text[at:]
            spans.append((index, at, at + len(run)))
            shift += len(run)
        out.append(text)
    return out, spans


def measure(seed: int = 2026) -> Scores:
    """Scores of interpreter_app.domain.noise.garbage_runs on the test set."""
    from interpreter_app.domain.noise import garbage_runs

    rng = random.Random(seed)
    chars = gb2312_characters()
    inserted = found = reported = true_reports = clean_chars = clean_false = 0
    for doc in clean_paragraphs():
        clean_chars += sum(len(p) for p in doc)
        clean_false += len(garbage_runs(doc))
        noisy, spans = insert_noise(doc, rng, chars)
        runs = garbage_runs(noisy)
        inserted += len(spans)
        hit = {(i, a, b) for i, a, b in spans
               if any(r.paragraph == i and r.start < b and a < r.end for r in runs)}
        found += len(hit)
        reported += len(runs)
        true_reports += sum(1 for r in runs
                            if any(r.paragraph == i and r.start < b and a < r.end for i, a, b in spans))
    return Scores(inserted, found, reported, true_reports, clean_chars, clean_false)


if __name__ == "__main__":
    s = measure()
    print(f"inserted {s.inserted}, found {s.found}, recall {s.recall:.1%}; reported {s.reported}, "
          f"precision {s.precision:.1%}; clean {s.clean_chars} chars, {s.clean_false} false "
          f"({s.false_per_10k:.2f} per 10,000)")
