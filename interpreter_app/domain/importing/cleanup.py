"""一键清理 on import: furniture, repeated blocks, garbage characters, punctuation — each chosen."""

from __future__ import annotations

from dataclasses import dataclass

from ..checks.duplicates import repeated_runs
from ..checks.punctuation import fix_punctuation
from ..checks.web import furniture_blocks
from ..noise import garbage_runs, strip_runs
from ..script import to_simplified


@dataclass(frozen=True)
class CleanupOptions:
    """What the writer chose to take out of the body before the draft is created."""

    furniture: bool = False
    duplicates: bool = False
    garbage: bool = False
    punctuation: bool = False

    @classmethod
    def everything(cls) -> CleanupOptions:
        """Every clean-up ticked."""
        return cls(True, True, True, True)


@dataclass(frozen=True)
class CleanupReport:
    """What the clean-up did, counted."""

    furniture_lines: int = 0
    duplicate_lines: int = 0
    garbage_runs: int = 0
    punctuation_lines: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything was taken out or changed."""
        return any((self.furniture_lines, self.duplicate_lines, self.garbage_runs,
                    self.punctuation_lines))

    def lines(self) -> list[str]:
        """The report in words."""
        out = []
        if self.furniture_lines:
            out.append(f"已删除网页残留内容{self.furniture_lines}行")
        if self.duplicate_lines:
            out.append(f"已删除重复段落{self.duplicate_lines}段")
        if self.garbage_runs:
            out.append(f"已删除疑似乱码字符{self.garbage_runs}处")
        if self.punctuation_lines:
            out.append(f"已将{self.punctuation_lines}段中的半角标点改为全角")
        return out


def clean_body(lines: list[str], options: CleanupOptions) -> tuple[list[str], CleanupReport]:
    """The body lines after the chosen clean-ups, and what each one did."""
    furniture = duplicates = garbage = punctuation = 0
    if options.furniture:
        drop = {i for start, n in furniture_blocks(lines) for i in range(start, start + n)}
        furniture = len(drop)
        lines = [line for i, line in enumerate(lines) if i not in drop]
    if options.garbage:
        lines, garbage = _without_garbage(lines)
    if options.duplicates:
        drop = {i for start, _orig, n in repeated_runs(lines) if n >= 2 for i in range(start, start + n)}
        duplicates = len(drop)
        lines = [line for i, line in enumerate(lines) if i not in drop]
    if options.punctuation:
        fixed = [fix_punctuation(line) for line in lines]
        punctuation = sum(1 for a, b in zip(lines, fixed, strict=True) if a != b)
        lines = fixed
    return lines, CleanupReport(furniture, duplicates, garbage, punctuation)


def _without_garbage(lines: list[str]) -> tuple[list[str], int]:
    simple = [to_simplified(line) for line in lines]
    runs = garbage_runs(simple)
    by_line: dict[int, list[tuple[int, int]]] = {}
    for run in runs:
        if len(simple[run.paragraph]) == len(lines[run.paragraph]):
            by_line.setdefault(run.paragraph, []).append((run.start, run.end))
    out = [strip_runs(line, by_line[i]) if i in by_line else line for i, line in enumerate(lines)]
    return out, sum(len(v) for v in by_line.values())
