"""Runs every registered check over a package."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..department_rules import DepartmentRules
from ..model import Package
from . import BLOCKING, Finding
from .chart_facts import check_chart_facts
from .consistency import check_consistency
from .conventions import check_conventions
from .copying import check_copied_text
from .dates import check_date_format
from .duplicates import check_duplicate_paragraphs
from .elements import check_missing_elements
from .facts import check_fact_mismatch
from .garbage import check_garbage_characters
from .headings import check_heading_sequence
from .numbering import check_doc_numbers
from .punctuation import check_punctuation
from .readiness import check_readiness
from .script import check_traditional_script, check_variant_terms
from .speech import check_long_sentences, check_speech_length
from .web import check_web_leftovers

PackageCheck = Callable[[Package], Iterable[Finding]]

__all__ = ["PackageCheck", "check_doc_numbers", "registered_checks", "run_checks"]


def registered_checks() -> list[PackageCheck]:
    """The checks run on a package, in order."""
    return [
        check_doc_numbers,
        check_readiness,
        check_duplicate_paragraphs,
        check_web_leftovers,
        check_garbage_characters,
        check_traditional_script,
        check_variant_terms,
        check_heading_sequence,
        check_punctuation,
        check_conventions,
        check_date_format,
        check_fact_mismatch,
        check_chart_facts,
        check_copied_text,
        check_missing_elements,
        check_speech_length,
        check_long_sentences,
    ]


def run_checks(package: Package, rules: DepartmentRules | None = None) -> list[Finding]:
    """All findings for a package, blocking first; `rules` adds the department's rules
    (机关代字, 第一解读人) to the plan-against-materials consistency checks."""
    findings = [f for check in registered_checks() for f in check(package)]
    findings += check_consistency(package, rules)
    order = {BLOCKING: 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order.get(f.severity, 3))
