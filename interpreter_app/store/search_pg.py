"""Full-text search on the server: the same answers as the SQLite store, other indexes.

Every term, of any length, must occur in the title or the text of a package (case folded).
- One or two characters: the package's distinct characters and character pairs, as a GIN
  indexed array (`search_grams`), answer exactly, as SQLite's bigram index does.
- Three or more: pg_trgm's GIN index with ILIKE where the server has the extension (it cuts
  Chinese into trigrams too, but cannot serve shorter terms); without it, the term's pairs
  narrow the packages through `search_grams` and strpos() confirms each one.
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


def search_condition(query: str, column: str = "p.id", *,
                     trigram: bool = True) -> tuple[str, tuple]:
    """A SQL condition on `column` (a package id) matching every term of the query."""
    terms = split_terms(query)
    if not terms:
        return "TRUE", ()
    clauses: list[str] = []
    params: list = []
    for term in terms:
        if len(term) >= TRIGRAM_MIN and trigram:
            clauses.append(f"{column} IN (SELECT package_id FROM search_text"
                           " WHERE title ILIKE ? OR body ILIKE ?)")
            params += [_like_pattern(term)] * 2
            continue
        clauses.append(f"{column} IN (SELECT package_id FROM search_grams"
                       " WHERE grams @> CAST(? AS text[]))")
        params.append(term_grams(term))
        if len(term) > 2:
            clauses.append(f"EXISTS (SELECT 1 FROM search_text s WHERE s.package_id = {column}"
                           " AND (strpos(lower(s.title), ?) > 0 OR strpos(lower(s.body), ?) > 0))")
            params += [term.lower()] * 2
    return " AND ".join(clauses), tuple(params)
