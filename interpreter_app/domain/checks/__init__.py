"""One check engine over all parts of a package; each finding names code, severity and place."""

from __future__ import annotations

from dataclasses import dataclass

BLOCKING = "blocking"
WARNING = "warning"
INFO = "info"
SEVERITY_LABELS = {BLOCKING: "阻断", WARNING: "警告", INFO: "提示"}


@dataclass(frozen=True)
class Finding:
    """One problem found by a check."""

    code: str
    severity: str
    part: str  # "document", "plan" or "material:<index>"
    paragraph: int  # 0-based paragraph index in that part, -1 for a field
    excerpt: str
    message: str
    suggestion: str | None = None
    field: str = ""  # metadata field name when the finding is about a field
    span: int = 1  # paragraphs covered from `paragraph` on (a block of furniture, a repeat)
    places: tuple[int, ...] = ()  # every paragraph of a grouped finding (one fix for all)

    @property
    def count(self) -> int:
        """How many places the finding groups (1 for a single one)."""
        return len(self.places) or 1

    @property
    def blocking(self) -> bool:
        """Whether the finding stops submit."""
        return self.severity == BLOCKING
