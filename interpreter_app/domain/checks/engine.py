"""Runs every registered check over a package."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Package
from . import BLOCKING, Finding
from .dates import check_date_format
from .duplicates import check_duplicate_paragraphs
from .elements import check_missing_elements
from .facts import check_fact_mismatch
from .garbage import check_garbage_characters
from .headings import check_heading_sequence
from .numbering import check_doc_numbers
from .punctuation import check_punctuation
from .script import check_traditional_script, check_variant_terms
from .speech import check_long_sentences, check_speech_length
from .web import check_web_leftovers

PackageCheck = Callable[[Package], Iterable[Finding]]

__all__ = ["PackageCheck", "check_doc_numbers", "registered_checks", "run_checks"]


def registered_checks() -> list[PackageCheck]:
    """The checks run on a package, in order."""
    return [
        check_doc_numbers,
        check_duplicate_paragraphs,
        check_web_leftovers,
        check_garbage_characters,
        check_traditional_script,
        check_variant_terms,
        check_heading_sequence,
        check_punctuation,
        check_date_format,
        check_fact_mismatch,
        check_missing_elements,
        check_speech_length,
        check_long_sentences,
    ]


def run_checks(package: Package) -> list[Finding]:
    """All findings for a package, blocking first."""
    findings = [f for check in registered_checks() for f in check(package)]
    order = {BLOCKING: 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order.get(f.severity, 3))
