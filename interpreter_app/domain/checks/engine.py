"""Runs every registered check over a package."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Package
from ..validation import check_doc_number
from . import BLOCKING, Finding

PackageCheck = Callable[[Package], Iterable[Finding]]


def check_doc_numbers(package: Package) -> Iterable[Finding]:
    """发文字号 fields must be well-formed (〔〕, no 第, no zero padding)."""
    for field, value in (("doc_number", package.document.doc_number),):
        problem = check_doc_number(value)
        if problem:
            yield Finding("doc-number-format", BLOCKING, "document", -1, value,
                          problem.message, problem.suggestion, field)
    problem = check_doc_number(package.plan.proposed_doc_number)
    if problem:
        yield Finding("doc-number-format", BLOCKING, "plan", -1, package.plan.proposed_doc_number,
                      problem.message, problem.suggestion, "proposed_doc_number")


def registered_checks() -> list[PackageCheck]:
    """The checks run on a package, in order."""
    return [check_doc_numbers]


def run_checks(package: Package) -> list[Finding]:
    """All findings for a package, blocking first."""
    findings = [f for check in registered_checks() for f in check(package)]
    order = {BLOCKING: 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order.get(f.severity, 3))
