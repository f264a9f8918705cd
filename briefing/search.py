"""Incremental full-text search over the texts of a briefing (pure Python, no UI).

The module finds every match of a query in a set of texts and returns the spans of
the ORIGINAL strings, so a UI can highlight them and show ``k/N``.  It is reused by
the planned SQLite FTS5 library: :func:`index_terms` lists the forms such an index
should store for a text.

Tokenisation (:func:`tokenize`)
    A word is a run of letters and digits (``str.isalnum``), together with the
    combining marks that follow its characters, soft hyphens / zero-width joiners
    inside it, and apostrophes (``'``, ``’``) between two of its characters
    (``O'Brien``, ``ob'ekt`` are one word).  Everything else -- spaces, punctuation,
    quotes such as ``«»``, hyphens, underscores -- separates words.  Chinese and
    Japanese ideographs/kana are one word per character, so a query in those
    scripts behaves like a substring search.

Normalisation (:func:`normalize`)
    NFKC, ``str.casefold`` (case-insensitive for every script: ``ß`` = ``ss``,
    ``ς`` = ``σ``), ``ё`` = ``е``, Turkish ``İ``/``ı`` fold to ``i``, and soft
    hyphens / zero-width joiners are dropped; words also drop their apostrophes.
    Normalisation happens per word, so spans always point into the original text.

Matching one query word ``q`` against one text word ``w`` -- it matches when any of:
    * ``w`` normalises to ``q`` (same word, up to case/``ё``/Unicode forms);
    * ``q`` is the LAST word of the query and ``w`` starts with ``q`` (as-you-type
      prefix: ``корид`` finds ``коридор``).  A query that ends in a space or in
      punctuation has no prefix word: the user has finished typing that word;
    * ``q`` and ``w`` have the same Snowball stem, both stemmed by the algorithm
      chosen for ``w`` (``коридора`` finds ``коридор``, ``транспортный`` finds
      ``транспортной``).  The algorithm is picked by the script of ``w``:
      Cyrillic -> russian, Latin -> english, Greek -> greek, Armenian -> armenian,
      Arabic -> arabic, Devanagari -> hindi, Tamil -> tamil, other scripts are not
      stemmed.  A language hint (``"tr"``, ``"de"``, ...) overrides this for the
      words written in that language's script; ``kk`` (Kazakh) and ``ky`` (Kyrgyz)
      have no Snowball stemmer and use russian as an approximation;
    * ``q`` is ASCII and ``w`` is not, and ``q`` equals (or, for the last word,
      prefixes) ``anyascii(w)`` with non-alphanumerics dropped (``koridor`` finds
      ``коридор``, ``turkiye`` finds ``Türkiye``); or, for a Cyrillic ``w``, ``q``
      read back into Cyrillic has the same russian stem, compared in ASCII
      (``koridora`` and ``sredniy`` find ``коридор`` and ``Средний``).
    Cyrillic queries do not find Latin text.

Phrases
    A query of several words matches that many consecutive words of one text
    (separators between them are ignored).  The span runs from the start of the
    first matched word to the end of the last one.  Matches do not overlap: the
    text is scanned left to right and a match resumes the scan after its last word.
    A query without words (empty, spaces, only punctuation) matches nothing.

:class:`SearchIndex` analyses every text once (the analysis of each distinct word is
cached), and answers a query with dictionary look-ups and binary searches over the
distinct words, then walks only the occurrences of the words that matched.
:func:`find_matches` is the straightforward one-text implementation of the same
rules; the two always agree.

This module holds the public functions and re-exports :class:`Match` and
:class:`SearchIndex` (from :mod:`briefing.search_index`); the analysis of words is in
:mod:`briefing.search_words` and the language tables in :mod:`briefing.search_languages`.
"""

from __future__ import annotations

from typing import NamedTuple

from .search_index import Match, SearchIndex
from .search_languages import _algorithm_for_language
from .search_words import _TEXT_TABLE, _analyse, _dotless, _fold, _parse_query, _spans, _Word

__all__ = [
    "Match",
    "SearchIndex",
    "Token",
    "find_matches",
    "index_terms",
    "normalize",
    "tokenize",
]


# --------------------------------------------------------------------------- public types


class Token(NamedTuple):
    """A word of a text: ``text[start:end]`` is the original word, ``word`` its normal form."""

    word: str
    start: int
    end: int


# --------------------------------------------------------------------------- normalisation


def normalize(text: str) -> str:
    """Return ``text`` in the form used for comparisons.

    NFKC + casefold (every script), ``ё`` -> ``е``, Turkish ``İ``/``ı`` -> ``i``, soft
    hyphens and zero-width joiners removed.  Offsets in the result do not correspond
    to offsets in ``text``; use :func:`tokenize` or the search functions for spans.
    """
    return _dotless(_fold(text, _TEXT_TABLE))


# --------------------------------------------------------------------------- word analysis


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words; each keeps its span in ``text`` and its normal form."""
    tokens = []
    for start, end in _spans(text):
        word = _analyse(text[start:end], None).norm
        if word:
            tokens.append(Token(word, start, end))
    return tokens


def index_terms(text: str, language: str | None = None) -> list[str]:
    """Return the distinct terms a full-text index (SQLite FTS5) should store for ``text``.

    For every word: its normal form, its Snowball stem and, for non-ASCII words, its
    ASCII transliteration and (Cyrillic) the transliteration of its stem.  Terms are
    listed in order of first appearance.  A text can only match a query if each
    query word is equal to, or (last word) a prefix of, one of these terms or has a
    stem among them, so the terms make a complete pre-filter; spans then come from
    :func:`find_matches`.
    """
    hint = _algorithm_for_language(language)
    terms: dict[str, None] = {}
    for start, end in _spans(text):
        word = _analyse(text[start:end], hint)
        for term in (word.norm, word.stem, word.ascii, word.ascii_stem):
            if term:
                terms[term] = None
    return list(terms)


# --------------------------------------------------------------------------- queries


def find_matches(query: str, text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans in ``text`` matched by ``query``, left to right.

    ``language`` is an optional hint (``"ru"``, ``"tr"``, ...) selecting the stemmer
    for the words of ``text`` written in that language's script.  This scans the text
    directly; use :class:`SearchIndex` to search many texts repeatedly.
    """
    terms = _parse_query(query)
    if not terms:
        return []
    hint = _algorithm_for_language(language)
    words: list[tuple[int, int, _Word]] = []
    for start, end in _spans(text):
        word = _analyse(text[start:end], hint)
        if word.norm:
            words.append((start, end, word))
    size = len(terms)
    spans: list[tuple[int, int]] = []
    i = 0
    while i + size <= len(words):
        if all(term.matches(words[i + j][2]) for j, term in enumerate(terms)):
            spans.append((words[i][0], words[i + size - 1][1]))
            i += size
        else:
            i += 1
    return spans
