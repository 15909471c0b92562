"""Full-text search on the server: the same answers as the SQLite store, another index.

Every term, of any length, must occur in the title or the text of a package. `search_grams`
holds each package's distinct characters and character pairs (lower case) in a GIN indexed
array, like SQLite's bigram index: it answers one- and two-character terms exactly, and for
longer terms it narrows the packages to those holding every pair of the term, which strpos()
then confirms (ILIKE for terms with letters: SQLite's trigram index ignores case).

Why not pg_trgm, which the server may well have: it cuts Chinese into trigrams too, but a term
found in most packages makes it recheck every text (70–260 ms on 3,000 packages of 3,000
characters), where the list walks its own order and confirms only the first matches (the
pairs narrow as well as trigrams for four characters or more); and its index costs 10 ms of
every 50,000-character autosave (docs/performance.md).
"""

from __future__ import annotations

import operator

from .search import TRIGRAM_MIN, grams, split_terms


def start_index(conn, package_id: int) -> None:
    """The (empty) pairs entry of a new package."""
    conn.execute("INSERT INTO search_grams (package_id) VALUES (?)", (package_id,))


def replace_grams(conn, package_id: int, old: tuple[str, str] | None,
                  new: tuple[str, str]) -> None:
    """Store the characters and pairs of the package's new text."""
    tokens = grams(*new).split(" ") if any(new) else []
    conn.execute("INSERT INTO search_grams (package_id, grams) VALUES (?, ?) ON CONFLICT"
                 " (package_id) DO UPDATE SET grams = excluded.grams",
                 (package_id, [t for t in tokens if t]))


def term_grams(term: str) -> list[str]:
    """The index entries a package holding `term` must have (its pairs, or the character)."""
    text = term.lower()
    if len(text) == 1:
        return [text]
    return sorted(set(map(operator.add, text, text[1:])))


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_condition(query: str, column: str = "p.id") -> tuple[str, tuple]:
    """A SQL condition on `column` (a package id) matching every term of the query."""
    narrow, narrow_params, confirm, confirm_params = search_parts(query, column)
    return f"{narrow} AND {confirm}", (*narrow_params, *confirm_params)


def search_parts(query: str, column: str = "p.id") -> tuple[str, tuple, str, tuple]:
    """(narrow, its parameters, confirm, its parameters): the pairs index narrows the packages
    cheaply; `confirm` reads the text of each one left, so a list page applies it to the
    narrowed rows in its own order and stops when the page is full."""
    terms = split_terms(query)
    if not terms:
        return "TRUE", (), "TRUE", ()
    narrow: list[str] = []
    narrow_params: list = []
    clauses: list[str] = []
    params: list = []
    for term in terms:
        narrow.append(f"{column} = ANY(ARRAY(SELECT search_pairs(CAST(? AS text[]))))")
        narrow_params.append(term_grams(term))
        if len(term) < TRIGRAM_MIN:
            continue  # the pairs answer exactly
        # A scalar subquery, not EXISTS: the planner would turn EXISTS into a join that reads
        # every text; this way only the packages the pairs let through, in the list's order
        # and until the page is full, are read.
        if term.lower() == term.upper():  # no case: a plain search of the bytes
            clauses.append(f"(SELECT strpos(s.title, ?) > 0 OR strpos(s.body, ?) > 0"
                           f" FROM search_text s WHERE s.package_id = {column})")
            params += [term, term]
        else:
            clauses.append(f"(SELECT s.title ILIKE ? OR s.body ILIKE ?"
                           f" FROM search_text s WHERE s.package_id = {column})")
            params += [_like_pattern(term)] * 2
    return (" AND ".join(narrow), tuple(narrow_params), " AND ".join(clauses) or "TRUE",
            tuple(params))
