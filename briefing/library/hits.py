"""Where a query matches in a briefing's stored texts, found by the project's own
matcher (:class:`~briefing.search.SearchIndex`), and the excerpts that show it.

The full-text index only says which briefings may match; this says where, by the
same rules as the in-document search (phrases, prefixes, stems,
transliteration), so a briefing listed is one the viewer's search finds the query in.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from ..search import SearchIndex
from ..search_words import Term, analyse_word, query_terms
from .entries import Hit, IndexedText, StoredTexts


class QueryMatcher:
    """One query, checked against many briefings' stored texts.

    Which texts match is decided on the stored words (each distinct word is
    compared with the query's words once per query, by the search's own rule,
    ``Term.matches``); the spans of the texts shown come from
    :class:`~briefing.search.SearchIndex` on those texts alone.
    """

    def __init__(self, query: str) -> None:
        self.query = query
        self.terms = query_terms(query)
        self._masks: dict[str | None, _Masks] = {}

    def _mask(self, word: str, algorithm: str | None) -> int:
        """Bit ``j`` set when the query's word ``j`` matches ``word`` (in a text
        stemmed by ``algorithm``)."""
        masks = self._masks.get(algorithm)
        if masks is None:
            masks = self._masks[algorithm] = _Masks(self.terms, algorithm)
        return masks[word]

    def matching(self, stored: StoredTexts) -> list[int]:
        """The numbers of the texts in which the query matches (a phrase: its words
        one after the other)."""
        size = len(self.terms)
        if not size:
            return []
        masks = [self._mask(word, algorithm) for word, algorithm in stored.vocabulary]
        by_term = [{number for number, mask in enumerate(masks) if mask >> j & 1}
                   for j in range(size)]
        if not all(by_term):
            return []
        first = by_term[0]
        found = []
        for text, sequence in enumerate(stored.sequences):
            if any(words.isdisjoint(sequence) for words in by_term):
                continue
            if size == 1 or _has_phrase(sequence, masks, size, first):
                found.append(text)
        return found

    def hits(self, stored: StoredTexts, language: str, texts: Sequence[int]) -> tuple[Hit, ...]:
        """The hits of the query in the texts ``texts`` (numbers) of a briefing in
        ``language``: spans by the project's matcher."""
        return find_hits([stored.text(number) for number in texts], language, self.query)


class _Masks(dict[str, int]):
    """The mask of each word of texts stemmed by one algorithm (see ``_mask``)."""

    def __init__(self, terms: Sequence[Term], algorithm: str | None) -> None:
        super().__init__()
        self.terms = terms
        self.algorithm = algorithm

    def __missing__(self, word: str) -> int:
        analysed = analyse_word(word, self.algorithm)
        mask = 0
        for number, term in enumerate(self.terms):
            if term.matches(analysed):
                mask |= 1 << number
        self[word] = mask
        return mask


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
