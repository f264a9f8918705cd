"""The words the library's full-text index stores, and the full-text query for a search.

Both come from the in-document search's own analysis (:mod:`briefing.search_words`:
the same tokeniser, normalisation, ``ё``/``е``, case folding, Snowball stems and
transliteration), so the index finds every briefing in which that search would find
a match. A document stores two columns:

``stems``
    every word's stem, in order: what BM25 counts;
``forms``
    each of the document's other forms once: normal forms that differ from the
    stem, ASCII transliterations and the transliterations of Russian stems.

A query word becomes the alternatives it can match: its stem by every algorithm
the library's words were stemmed by, its normal form, its Russian stem read back
from Latin letters, and (for the last word of a query, typed or not) its normal
form as a prefix. A briefing must have every query word. That is a complete
pre-filter, not the final word: phrases and the exact rules are checked by the
project's matcher on the stored text (:mod:`briefing.library.hits`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import chain, filterfalse
from operator import itemgetter
from typing import Any, NamedTuple

from ..search_words import Word, analyse_word, find_words, query_terms

# SQLite's `ascii` tokenizer splits at every ASCII character that is not a letter or
# a digit, and keeps every other character in a token: removing those characters
# makes each form one token, and keeps a prefix a prefix.
_SPLITTERS = {code: None for code in range(128) if not chr(code).isalnum()}


def token(form: str) -> str:
    """``form`` as one token of the index."""
    return form.translate(_SPLITTERS)


class _Forms(dict[str, str]):
    """The stem token of each word (by its text), for one stemming algorithm; the
    rest in :attr:`more` (a word search skips, one without a normal form, has none:
    those are in :attr:`skipped`)."""

    def __init__(self, algorithm: str | None) -> None:
        super().__init__()
        self.algorithm = algorithm
        self.more: dict[str, tuple[str, tuple[str, ...], str | None, str]] = {}
        """Each word's tokens (the stem first), its other forms, the algorithm that
        stemmed it and its stem: one look-up gives them all."""
        self.skipped: set[str] = set()
        """The words search skips."""

    def __missing__(self, raw: str) -> str:
        word: Word = analyse_word(raw, self.algorithm)
        if not word.norm:
            self[raw] = ""
            self.skipped.add(raw)
            return ""
        stem = token(word.stem)
        others = {token(form) for form in (word.norm, word.ascii, word.ascii_stem)}
        others.discard(stem)
        others.discard("")
        extra = tuple(sorted(others))
        self[raw] = stem
        self.more[raw] = (" ".join((stem, *extra)), extra, word.algorithm, stem)
        return stem


_CACHES: dict[str | None, _Forms] = {}
_CACHE_LIMIT = 200_000
"""Distinct words kept per algorithm before the cache starts again (memory bound)."""


def _forms(algorithm: str | None) -> _Forms:
    forms = _CACHES.get(algorithm)
    if forms is None or len(forms) > _CACHE_LIMIT:
        forms = _CACHES[algorithm] = _Forms(algorithm)
    return forms


class DocumentWords(NamedTuple):
    """What a document's texts give the index."""

    stems: str
    """Every word's stem, in order, separated by spaces (what BM25 counts)."""
    forms: str
    """The other forms of the words (normal forms, transliterations), each once."""
    algorithms: tuple[str, ...]
    """The stemming algorithms its words were stemmed by."""
    vocabulary: str
    """Each distinct word, one a line: the algorithm of its text (``""`` for none), a
    tab, and the word as written. (Plain strings: they cross from a worker process
    at little cost.)"""
    tokens: str
    """Each distinct word's tokens (separated by spaces; its stem first), one a line,
    in the order of ``vocabulary``: what finds it for a query word."""
    sequences: tuple[tuple[int, ...], ...]
    """For each text, its words as numbers in ``vocabulary``, without the words
    search skips: what checks a phrase without reading the text again."""


def document_words(texts: Iterable[tuple[str, str | None]]) -> DocumentWords:
    """The words of a document whose texts are ``texts`` (each with the stemming
    algorithm of its language)."""
    # The work per word is done by C loops (join, map, set operations): Python code
    # runs once per distinct text, not once per word nor per distinct word.
    listed: list[tuple[str | None, list[str]]] = []
    by_text: dict[tuple[str, str | None], list[str]] = {}
    by_algorithm: dict[str | None, list[list[str]]] = {}
    for text, algorithm in texts:
        words = by_text.get((text, algorithm))
        if words is None:  # a text met again (a speaker's name) is read once
            words = by_text[(text, algorithm)] = find_words(text)
            by_algorithm.setdefault(algorithm, []).append(words)
        listed.append((algorithm, words))
    # Each distinct word: its number in the vocabulary (-1: a word search skips) and
    # its stem, in small dictionaries (the caches of every word are large and slow to
    # look words up in). Words are kept in the order they come: no sorting.
    vocabulary: list[str] = []
    tokens: list[str] = []
    extra: list[Iterable[str]] = []
    algorithms: set[str | None] = set()
    numbered: dict[str | None, tuple[dict[str, str], dict[str, int], set[str]]] = {}
    for algorithm, lists in by_algorithm.items():
        forms = _forms(algorithm)
        distinct = list(dict.fromkeys(chain.from_iterable(lists)))
        more: list[Any] = list(map(forms.more.get, distinct))
        skipped: set[str] = set()
        if None in more:  # words not analysed yet, or that search skips
            for raw in list(filterfalse(forms.__contains__, distinct)):
                forms[raw]  # analysed
            skipped = forms.skipped.intersection(distinct)
            if skipped:
                distinct = [raw for raw in distinct if raw not in skipped]
            more = list(map(forms.more.__getitem__, distinct))
        first = len(vocabulary)
        numbers = dict(zip(distinct, range(first, first + len(distinct)), strict=True))
        stem_of = dict(zip(distinct, map(itemgetter(3), more), strict=True))
        if skipped:
            numbers.update(dict.fromkeys(skipped, -1))
            stem_of.update(dict.fromkeys(skipped, ""))
        vocabulary.extend(map(f"{algorithm or ''}\t".__add__, distinct))
        tokens.extend(map(itemgetter(0), more))
        extra.append(chain.from_iterable(map(itemgetter(1), more)))
        algorithms.update(map(itemgetter(2), more))
        numbered[algorithm] = (stem_of, numbers, skipped)
    stems: list[str] = []
    sequences: list[tuple[int, ...]] = []
    done: dict[int, tuple[str, tuple[int, ...]]] = {}
    for algorithm, words in listed:
        again = done.get(id(words))
        if again is None:
            stem_of, numbers, skipped = numbered[algorithm]
            if skipped and not skipped.isdisjoint(words):
                sequence = tuple(numbers[raw] for raw in words if raw not in skipped)
            else:
                sequence = tuple(map(numbers.__getitem__, words))
            again = done[id(words)] = (" ".join(map(stem_of.__getitem__, words)), sequence)
        if words:
            stems.append(again[0])
        sequences.append(again[1])
    return DocumentWords(" ".join(stems), " ".join(dict.fromkeys(chain.from_iterable(extra))),
                         tuple(sorted(name for name in algorithms if name is not None)),
                         "\n".join(vocabulary), "\n".join(tokens), tuple(sequences))


def term_expressions(query: str, algorithms: Iterable[str]) -> list[str | None]:
    """For each word of ``query``, the FTS5 ``MATCH`` expression of the tokens that
    may match it (see the module's docstring); ``None`` for a word with no form the
    index keeps."""
    algorithms = tuple(algorithms)
    expressions: list[str | None] = []
    for term in query_terms(query):
        norm = token(term.norm)
        alternatives = {token(term.stem(algorithm)) for algorithm in algorithms}
        alternatives.add(norm)
        if term.is_ascii and term.translit_stem:
            alternatives.add(token(term.translit_stem))
        alternatives.discard("")
        quoted = [f'"{alternative}"' for alternative in sorted(alternatives)]
        if term.prefix and norm:
            quoted.append(f'"{norm}"*')
        expressions.append(f"({' OR '.join(quoted)})" if quoted else None)
    return expressions


def match_expression(query: str, algorithms: Iterable[str]) -> str | None:
    """The FTS5 ``MATCH`` expression that finds every document in which ``query``
    may match (see the module's docstring); ``None`` when the query has no words."""
    parts = [part for part in term_expressions(query, algorithms) if part is not None]
    return " AND ".join(parts) or None


def pack_numbers(sequences: Sequence[Sequence[int]]) -> bytes:
    """Lists of numbers as bytes: their count, each one's length, then the numbers."""
    packed = array("I", [len(sequences)])
    packed.extend(len(sequence) for sequence in sequences)
    for sequence in sequences:
        packed.extend(sequence)
    return packed.tobytes()


def unpack_numbers(data: bytes) -> list[array[int]]:
    """What :func:`pack_numbers` packed."""
    packed = array("I")
    packed.frombytes(data)
    if not packed:
        return []
    count = packed[0]
    at = 1 + count
    sequences = []
    for length in packed[1:1 + count]:
        sequences.append(packed[at:at + length])
        at += length
    return sequences
