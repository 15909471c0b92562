"""Full-text search for Chinese queries of any length.

Terms of three characters or more go to the FTS5 trigram index. Shorter terms cannot: MATCH
returns nothing for them, and SQLite 3.40's LIKE on a trigram table silently misses 1–2
character CJK terms, so they are answered by instr() on the plain content table instead.
"""

from __future__ import annotations

import re
import unicodedata

from ..domain.errors import ValidationError

TRIGRAM_MIN = 3
MAX_QUERY = 200
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def split_terms(query: str) -> list[str]:
    """Whitespace-separated terms, NFKC-normalised, duplicates removed, order kept."""
    # Cut before normalising: a pasted megabyte is not searched, only its beginning.
    text = unicodedata.normalize("NFKC", (query or "")[:MAX_QUERY * 2])[:MAX_QUERY]
    bad = _SURROGATE.search(text)
    if bad:
        raise ValidationError(f"搜索内容含有无法识别的字符（U+{ord(bad.group()):04X}），请删除后重试")
    # Stored text holds no control characters; FTS5 stops reading a query at a NUL.
    text = _CONTROL.sub(" ", text)
    seen: list[str] = []
    for term in text.split():
        if term not in seen:
            seen.append(term)
    return seen


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search_condition(query: str, column: str = "p.id") -> tuple[str, tuple]:
    """A SQL condition on `column` (a package id) matching every term of the query."""
    terms = split_terms(query)
    if not terms:
        return "1", ()
    long_terms = [t for t in terms if len(t) >= TRIGRAM_MIN]
    short_terms = [t for t in terms if len(t) < TRIGRAM_MIN]
    clauses, params = [], []
    if long_terms:
        clauses.append(f"{column} IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(" ".join(_fts_quote(t) for t in long_terms))
    for term in short_terms:
        clauses.append(f"{column} IN (SELECT package_id FROM search_text"
                       " WHERE instr(title, ?) > 0 OR instr(body, ?) > 0)")
        params += [term, term]
    return " AND ".join(clauses), tuple(params)
