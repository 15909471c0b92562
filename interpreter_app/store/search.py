"""Full-text search for Chinese queries of any length.

Terms of three characters or more go to the FTS5 trigram index. Shorter terms cannot: MATCH
returns nothing for them, and SQLite 3.40's LIKE on a trigram table silently misses 1–2
character CJK terms. They go to a second FTS5 index whose tokens are every distinct character
and character pair of a package's text (`detail=none`: which packages hold a token, nothing
more). Common Chinese and ASCII punctuation are token characters there, so 〔2 or ，就 are
found too; a short term with any other separator falls back to instr() on the content table.
"""

from __future__ import annotations

import functools
import operator
import re
import sqlite3

from ..domain.errors import ValidationError

TRIGRAM_MIN = 3
# Punctuation the bigram index keeps inside tokens (no quotes or spaces: they delimit the
# tokenizer's own option syntax). Used by the schema's CREATE VIRTUAL TABLE.
TOKEN_PUNCTUATION = "，。、；：？！“”‘’（）《》〔〕【】—…·「」％＋－／.,:;?!()[]%+-/_@#&*~<>|=^{}$"
_TOKEN_CHARS = frozenset(TOKEN_PUNCTUATION)
MAX_QUERY = 200
# A term found in this share of the newest packages is common: the first page of the list is
# quicker to fill by walking the list in its order and looking for the term in each package
# (a page needs about 200 / share packages) than by the trigram index, which must read and
# phrase-check the postings of every package (12–18 ms for a term in all 20,000). Below 0.6
# the walk reads more texts than the index costs (100 queries each of 4 and 8 characters:
# p95 5.0/6.9 ms at 0.6, 7.1/7.5 at 0.4, 7.0/9.4 with the index alone).
COMMON_PROBE = 50
COMMON_SHARE = 0.6
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def grams(title: str | None, body: str | None) -> str:
    """The bigram-index tokens of a text: each distinct character and character pair."""
    return _grams(title or "", body or "")


# Autosave replaces the tokens of the text it saved last time: keeping the last few results
# halves the work of a save (the old tokens are needed to clean the contentless index).
@functools.lru_cache(maxsize=32)
def _grams(title: str, body: str) -> str:
    tokens: set[str] = set()
    for text in (title or "", body or ""):
        text = text.lower()
        tokens.update(text)
        tokens.update(map(operator.add, text, text[1:]))
    # Sorted: a contentless index is cleaned by giving it the same tokens again.
    return " ".join(sorted(tokens))


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema and the store rely on, on every connection."""
    conn.create_function("search_grams", 2, grams, deterministic=True)


def start_index(conn: sqlite3.Connection, package_id: int) -> None:
    """The (empty) bigram entry of a new package."""
    conn.execute("INSERT INTO search_bigrams(rowid, grams) VALUES (?, '')", (package_id,))


def replace_grams(conn: sqlite3.Connection, package_id: int, old: tuple[str, str] | None,
                  new: tuple[str, str]) -> None:
    """Swap a package's bigram tokens from its old text to its new text."""
    if old is not None:
        conn.execute("INSERT INTO search_bigrams(search_bigrams, rowid, grams)"
                     " VALUES ('delete', ?, ?)", (package_id, grams(*old)))
    conn.execute("INSERT INTO search_bigrams(rowid, grams) VALUES (?, ?)",
                 (package_id, grams(*new)))


def split_terms(query: str) -> list[str]:
    """Whitespace-separated terms, duplicates removed, order kept (as typed: no NFKC, which
    would turn the Chinese comma and colon into ASCII ones that the text does not hold)."""
    text = (query or "")[:MAX_QUERY]
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


def is_common(conn: sqlite3.Connection, term: str) -> bool:
    """Whether the term is in COMMON_SHARE or more of the newest COMMON_PROBE packages."""
    found, probed = conn.execute(
        "SELECT coalesce(sum(instr(title, ?1) > 0 OR instr(body, ?1) > 0), 0), count(*)"
        " FROM (SELECT title, body FROM search_text ORDER BY package_id DESC LIMIT ?2)",
        (term, COMMON_PROBE)).fetchone()
    return probed > 0 and found >= probed * COMMON_SHARE


def _caseless(term: str) -> bool:
    # instr() compares exactly; the trigram index folds case. Chinese, digits and
    # punctuation have no case, so both ways find the same packages.
    return term.lower() == term.upper()


def search_condition(query: str, column: str = "p.id",
                     conn: sqlite3.Connection | None = None) -> tuple[str, tuple]:
    """A SQL condition on `column` (a package id) matching every term of the query.

    With `conn`, for a list that reads only its first rows: common terms are looked for in
    each package as the list is walked, instead of through the trigram index.
    """
    terms = split_terms(query)
    if not terms:
        return "TRUE", ()
    clauses, params = [], []
    scanned = [t for t in terms if len(t) >= TRIGRAM_MIN and conn is not None
               and _caseless(t) and is_common(conn, t)]
    for term in scanned:
        clauses.append(f"EXISTS (SELECT 1 FROM search_text s WHERE s.package_id = {column}"
                       " AND (instr(s.title, ?) > 0 OR instr(s.body, ?) > 0))")
        params += [term, term]
    terms = [t for t in terms if t not in scanned]
    # "+" keeps SQLite from looking matches up by package id one at a time: walking the list
    # in its sort order and probing the set of matches is 3–4 times faster (and the list
    # needs only its first page).
    column = f"+{column}"
    long_terms = [t for t in terms if len(t) >= TRIGRAM_MIN]
    short_terms = [t for t in terms if len(t) < TRIGRAM_MIN]
    if long_terms:
        clauses.append(f"{column} IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(" ".join(_fts_quote(t) for t in long_terms))
    for term in short_terms:
        if all(ch.isalnum() or ch in _TOKEN_CHARS for ch in term):
            clauses.append(f"{column} IN (SELECT rowid FROM search_bigrams"
                           " WHERE search_bigrams MATCH ?)")
            params.append(_fts_quote(term.lower()))
        else:
            clauses.append(f"{column} IN (SELECT package_id FROM search_text"
                           " WHERE instr(title, ?) > 0 OR instr(body, ?) > 0)")
            params += [term, term]
    return " AND ".join(clauses) or "TRUE", tuple(params)
