"""Where a query matches in a briefing's stored texts, found by the project's own
matcher (:class:`~briefing.search.SearchIndex`), and the excerpts that show it.

The full-text index only says which briefings may match; this says where, by the
same rules as the in-document search (phrases, prefixes, stems,
transliteration), so a briefing listed is one the viewer's search finds the query in.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import islice, product
from math import prod
from typing import Any

from ..search import SearchIndex
from ..search_words import analyse_word, query_terms
from .entries import Hit, IndexedText

PHRASES_LIMIT = 4096
"""The most phrases (one word for each query word) a briefing is checked for at once;
more, and it is checked a place at a time."""


class QueryMatcher:
    """One query, checked against many briefings' stored words.

    The index knows every distinct word of the library (with the stemming algorithm
    of its text) by a number. :meth:`confirm` decides which of the words the
    full-text index proposes for a query word really match it, by the search's own
    rule (``Term.matches``), once per query; :meth:`matching` then finds the texts of
    a briefing in which the query's words stand one after the other, on the stored
    numbers; :meth:`hits` takes the spans of the texts shown from
    :class:`~briefing.search.SearchIndex`.
    """

    def __init__(self, query: str) -> None:
        self.query = query
        self.terms = query_terms(query)
        self.words: list[set[int]] = [set() for _ in self.terms]
        """For each query word, the numbers of the library's words it matches."""
        self._mask_of: dict[int, int] = {}

    def confirm(self, term: int, candidates: Iterable[tuple[int, str, str | None]]) -> None:
        """Keep those of ``candidates`` (number, word, algorithm) that query word
        number ``term`` matches."""
        rule = self.terms[term]
        bit = 1 << term
        for number, word, algorithm in candidates:
            if rule.matches(analyse_word(word, algorithm)):
                self.words[term].add(number)
                self._mask_of[number] = self._mask_of.get(number, 0) | bit

    @property
    def possible(self) -> bool:
        """Whether every query word matches some word of the library."""
        return bool(self.terms) and all(self.words)

    def matching(self, vocabulary: Sequence[int], sequences: Sequence[Sequence[int]],
                 containing: Mapping[int, Sequence[int]] | None = None) -> list[int]:
        """The numbers of the texts of a briefing in which the query matches (a phrase:
        its words one after the other); ``vocabulary`` gives the library's number of
        each of its words, ``sequences`` each text's words by their place in it, and
        ``containing`` (if known: :func:`texts_containing`) the texts each is in."""
        size = len(self.terms)
        if not self.possible:
            return []
        mask_of = self._mask_of
        # Only the briefing's words that some query word matches are looked at again.
        found = mask_of.keys() & set(vocabulary)
        if not found:
            return []
        masks = [0] * len(vocabulary)
        by_term: list[set[int]] = [set() for _ in range(size)]
        for local, number in enumerate(vocabulary):
            if number in found:
                mask = masks[local] = mask_of[number]
                for j in range(size):
                    if mask >> j & 1:
                        by_term[j].add(local)
        if not all(by_term):
            return []
        first, rest = by_term[0], by_term[1:]
        # The phrases the query matches, as tuples of the briefing's words: a text has
        # one when one of its runs of ``size`` words is one (C loops: zip, isdisjoint).
        phrases = (set(product(*by_term))
                   if size > 1 and prod(map(len, by_term)) <= PHRASES_LIMIT else None)
        texts = []
        if containing is None:
            candidates: Iterable[int] = range(len(sequences))
        else:  # only the texts with one of the words the query's first word matches
            candidates = sorted({text for word in first for text in containing.get(word, ())})
        for text in candidates:
            sequence = sequences[text]
            # One C call rejects most texts: they lack the query's first word.
            if first.isdisjoint(sequence):
                continue
            if rest:
                if phrases is not None:
                    # strict=False: the runs end where the last word of the phrase can
                    runs = zip(*(islice(sequence, j, None) for j in range(size)), strict=False)
                    if phrases.isdisjoint(runs):
                        continue
                elif (any(words.isdisjoint(sequence) for words in rest)
                      or not _has_phrase(sequence, masks, size, first)):
                    continue
            texts.append(text)
        return texts

    def hits(self, texts: Sequence[IndexedText], language: str,
             numbers: Sequence[int]) -> tuple[Hit, ...]:
        """The hits of the query in the texts ``numbers`` of ``texts`` (a briefing's,
        in ``language``): spans by the project's matcher."""
        return find_hits([texts[number] for number in numbers], language, self.query)

    def hits_of(self, briefings: Sequence[tuple[Sequence[IndexedText], str]],
                ) -> list[tuple[Hit, ...]]:
        """The hits of the query in each of ``briefings`` (the texts to look in, and
        the briefing's language), found by one :class:`~briefing.search.SearchIndex`
        over them all: each distinct word is analysed once for the page of results."""
        return find_hits_in(briefings, self.query)


def texts_containing(sequences: Sequence[Sequence[int]]) -> dict[int, tuple[int, ...]]:
    """For each word of a briefing (by its place in the briefing's vocabulary), the
    numbers of the texts it is in (see :meth:`QueryMatcher.matching`)."""
    containing: dict[int, list[int]] = {}
    for text, sequence in enumerate(sequences):
        for word in set(sequence):
            containing.setdefault(word, []).append(text)
    # Kept between searches: tuples of numbers, which the garbage collector stops
    # following (lists it would walk through in every full collection).
    return {word: tuple(texts) for word, texts in containing.items()}


def library_numbers(data: bytes) -> array[int]:
    """The library's number of each word of a briefing, as stored."""
    numbers = array("q")
    numbers.frombytes(data)
    return numbers


def _has_phrase(sequence: Sequence[int], masks: list[int], size: int, first: set[int]) -> bool:
    last = len(sequence) - size
    for position, word in enumerate(sequence):
        if position > last:
            return False
        if word in first and all(masks[sequence[position + j]] >> j & 1
                                 for j in range(1, size)):
            return True
    return False


def find_hits(texts: Sequence[IndexedText], language: str, query: str) -> tuple[Hit, ...]:
    """The hits of ``query`` in ``texts`` (those of a briefing in ``language``), one
    per paragraph that has a match, in the order of ``texts``."""
    return find_hits_in([(texts, language)], query)[0]


def find_hits_in(briefings: Sequence[tuple[Sequence[IndexedText], str]],
                 query: str) -> list[tuple[Hit, ...]]:
    """:func:`find_hits` for each of ``briefings`` (texts, language), with one index."""
    keys = [(number, text) for number, (texts, _) in enumerate(briefings)
            for text in range(len(texts))]

    def language_of(key: Hashable) -> str | None:
        assert isinstance(key, int)
        number, text = keys[key]
        texts, language = briefings[number]
        return texts[text].language or language

    index = SearchIndex(((key, briefings[number][0][text].text)
                         for key, (number, text) in enumerate(keys)),
                        language_of=language_of)
    spans: dict[int, list[tuple[int, int]]] = {}
    for match in index.search(query):
        assert isinstance(match.key, int)
        spans.setdefault(match.key, []).append((match.start, match.end))
    found: list[list[Hit]] = [[] for _ in briefings]
    for key, within in sorted(spans.items()):
        number, text = keys[key]
        found[number].append(Hit(briefings[number][0][text], tuple(within)))
    return [tuple(hits) for hits in found]


def stored_texts(texts: Sequence[Sequence[Any]], numbers: Sequence[int]) -> list[IndexedText]:
    """The texts ``numbers`` of a briefing's stored texts (``entries.pack_texts``,
    decoded): only those are made into values."""
    return [IndexedText(*texts[number]) for number in numbers]


ELLIPSIS = "…"


def excerpt(
    text: str, spans: Sequence[tuple[int, int]], width: int = 160,
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``width`` characters of ``text`` around its first span, cut at spaces
    where it can be, with ``…`` where it is cut; and the spans inside it (shifted)."""
    if len(text) <= width or not spans:
        start, end = 0, min(len(text), width)
    else:
        first_start, first_end = spans[0]
        start = max(0, first_start - width // 3)
        end = min(len(text), max(start + width, first_end))
        start = max(0, min(start, end - width))
        if start > 0:
            space = text.find(" ", start, first_start)
            start = space + 1 if space != -1 else start
        if end < len(text):
            space = text.rfind(" ", max(first_end, start), end)
            end = space if space != -1 else end
    shown = text[start:end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift)
                   for s, e in spans if s < end and e > start)
    return f"{prefix}{shown}{suffix}", inside
