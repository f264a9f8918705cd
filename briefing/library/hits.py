"""Where a query matches in a briefing's stored texts, found by the project's own
matcher (:class:`~briefing.search.SearchIndex`), and the excerpts that show it.

The full-text index only says which briefings may match; this says where, by the
same rules as the in-document search (phrases, prefixes, stems,
transliteration), so a briefing listed is one the viewer's search finds the query in.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Sequence

from ..search import SearchIndex
from ..search_words import analyse_word, query_terms
from .entries import Hit, IndexedText


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

    def matching(self, vocabulary: Sequence[int], sequences: Sequence[Sequence[int]]) -> list[int]:
        """The numbers of the texts of a briefing in which the query matches (a phrase:
        its words one after the other); ``vocabulary`` gives the library's number of
        each of its words, ``sequences`` each text's words by their place in it."""
        size = len(self.terms)
        if not self.possible:
            return []
        mask_of = self._mask_of
        masks = [mask_of.get(number, 0) for number in vocabulary]
        by_term: list[set[int]] = [set() for _ in range(size)]
        for local, mask in enumerate(masks):
            if mask:
                for j in range(size):
                    if mask >> j & 1:
                        by_term[j].add(local)
        if not all(by_term):
            return []
        first = by_term[0]
        found = []
        for text, sequence in enumerate(sequences):
            if any(words.isdisjoint(sequence) for words in by_term):
                continue
            if size == 1 or _has_phrase(sequence, masks, size, first):
                found.append(text)
        return found

    def hits(self, texts: Sequence[IndexedText], language: str,
             numbers: Sequence[int]) -> tuple[Hit, ...]:
        """The hits of the query in the texts ``numbers`` of ``texts`` (a briefing's,
        in ``language``): spans by the project's matcher."""
        return find_hits([texts[number] for number in numbers], language, self.query)


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

    def language_of(key: Hashable) -> str | None:
        assert isinstance(key, int)
        return texts[key].language or language

    index = SearchIndex(((number, text.text) for number, text in enumerate(texts)),
                        language_of=language_of)
    spans: dict[int, list[tuple[int, int]]] = {}
    for match in index.search(query):
        assert isinstance(match.key, int)
        spans.setdefault(match.key, []).append((match.start, match.end))
    return tuple(Hit(texts[number], tuple(found)) for number, found in sorted(spans.items()))


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
