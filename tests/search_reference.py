"""The search rules of :mod:`briefing.search`, written out plainly for one text.

:func:`find_matches` scans one text word by word; the tests check that the
viewer's :class:`~briefing.search.SearchIndex` always agrees with it.
:func:`tokenize`, :func:`normalize` and :func:`index_terms` expose the steps
the rules are made of, so the tests can pin each one down.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.search_languages import _algorithm_for_language
from briefing.search_words import (
    _TEXT_TABLE,
    _analyse,
    _dotless,
    _fold,
    _parse_query,
    _spans,
    _Word,
)

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
