"""Full-text search for Chinese queries of any length.

Terms of three characters or more go to the FTS5 trigram index. Shorter terms cannot: MATCH
returns nothing for them, and SQLite 3.40's LIKE on a trigram table silently misses 1–2
character CJK terms, so they are answered by instr() on the plain content table instead.
"""

from __future__ import annotations

import unicodedata

TRIGRAM_MIN = 3
MAX_QUERY = 200


def split_terms(query: str) -> list[str]:
    """Whitespace-separated terms, NFKC-normalised, duplicates removed, order kept."""
    text = unicodedata.normalize("NFKC", query or "")[:MAX_QUERY]
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
