"""What an export needs besides the package: fonts, department, digest and sign-offs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.digest import package_digest
from ..domain.model import Package, SignOff
from ..domain.signoffs import binding
from ..domain.workflow import AWAITING_SIGNOFF, IN_REVIEW

DRAFT_FOR_COMMENT = "征求意见稿"
DRAFT = "草稿"
INTERNAL_MARK = "内部资料"


@dataclass(frozen=True)
class ExportSettings:
    """Font names and switches of the GB/T 9704 layout; names are written even if not installed."""

    title_font: str = "方正小标宋简体"
    body_font: str = "仿宋_GB2312"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    latin_font: str = "Times New Roman"
    page_number_font: str = "宋体"
    bold_level3: bool = False
    bold_level4: bool = False
    chart_dpi: int = 300


@dataclass(frozen=True)
class ExportContext:
    """One package as it is exported: its current digest and the valid sign-offs (newest last)."""

    package: Package
    department_name: str
    digest: str
    signoffs: tuple[SignOff, ...] = ()
    released_at: str = ""
    settings: ExportSettings = field(default_factory=ExportSettings)
    generated_at: str = ""
    # What lets the pack prove itself offline: the root, certificates, signed decisions and the
    # audit chain head (export/pack_trust.py), and the exporter's signing of the manifest.
    trust: dict[str, Any] = field(default_factory=dict)
    sign: Callable[[bytes], str] | None = None
    media: dict[str, bytes] = field(default_factory=dict)  # SHA-256 → file of a material
    # 索引号 the website gave each page (part key → number), once its posting is recorded.
    index_numbers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_package(
        cls,
        package: Package,
        department_name: str,
        signoffs: tuple[SignOff, ...] | list[SignOff] = (),
        *,
        settings: ExportSettings | None = None,
        generated_at: str = "",
        trust: dict[str, Any] | None = None,
        sign: Callable[[bytes], str] | None = None,
        media: dict[str, bytes] | None = None,
        index_numbers: dict[str, str] | None = None,
    ) -> ExportContext:
        """A context with the digest computed now and generated_at defaulting to the local time."""
        stamp = generated_at or dt.datetime.now().replace(microsecond=0).isoformat()
        return cls(
            package=package,
            department_name=department_name,
            digest=package_digest(package),
            signoffs=tuple(signoffs),
            released_at=package.released_at,
            settings=settings or ExportSettings(),
            generated_at=stamp,
            trust=trust or {},
            sign=sign,
            media=dict(media or {}),
            index_numbers=dict(index_numbers or {}),
        )

    @property
    def current_signoffs(self) -> tuple[SignOff, ...]:
        """The sign-offs that bind the current digest (several when countersigned), oldest first."""
        return binding(self.signoffs, self.package.revision, self.digest)

    @property
    def signoff(self) -> SignOff | None:
        """The newest sign-off binding the current digest, if any."""
        current = self.current_signoffs
        return current[-1] if current else None

    @property
    def is_signed(self) -> bool:
        """Whether some valid sign-off binds exactly the content being exported."""
        return bool(self.current_signoffs)

    @property
    def draft_mark(self) -> str:
        """'' when signed, else 征求意见稿 while under review and 草稿 otherwise."""
        if self.is_signed:
            return ""
        if self.package.state in (IN_REVIEW, AWAITING_SIGNOFF):
            return DRAFT_FOR_COMMENT
        return DRAFT
