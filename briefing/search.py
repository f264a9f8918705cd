"""Incremental full-text search over the texts of a briefing (pure Python, no UI).

The module finds every match of a query in a set of texts and returns the spans of
the ORIGINAL strings, so a UI can highlight them and show ``k/N``.  It is reused by
the planned SQLite FTS5 library (``index_terms`` in ``tests/search_reference.py``
lists the forms such an index should store for a text).

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
distinct words, then walks only the occurrences of the words that matched.  Its
:meth:`~SearchIndex.find` returns a :class:`Found`: the positions where the matches
start, from which a viewer makes only the matches it shows; given the result of the
previous keystroke, a phrase that can only occur where that one did is checked there.
:func:`find_matches` in ``tests/search_reference.py`` is the straightforward
one-text implementation of the same rules; the tests check that the two agree.

This module holds the rules and re-exports :class:`Match`, :class:`SearchIndex` and
:class:`Found` (from :mod:`briefing.search_index`); the analysis of words is in
:mod:`briefing.search_words` and the language tables in :mod:`briefing.search_languages`.
"""

from __future__ import annotations

from .search_index import Found, Match, SearchIndex

__all__ = ["Found", "Match", "SearchIndex"]
