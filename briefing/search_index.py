"""The search index of a briefing: :class:`SearchIndex`, which analyses every text once
and then answers each keystroke's query with look-ups over the distinct words, and
:class:`Match`, the match it returns.  The matching rules are those of
:mod:`briefing.search`, applied through :mod:`briefing.search_words`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable
from typing import NamedTuple

from .search_languages import _algorithm_for_language
from .search_words import _analyse, _parse_query, _Term, _token_pattern, _Word


class Match(NamedTuple):
    """One match of a query: ``text[start:end]`` of the text registered under ``key``.

    A NamedTuple rather than a dataclass: a one-letter query on a big briefing
    makes tens of thousands of these per keystroke, and tuples are made fastest.
    """

    key: Hashable
    start: int
    end: int


# --------------------------------------------------------------------------- index

_AFTER_EVERYTHING = "\U0010ffff"  # not a word character: no word contains it


class SearchIndex:
    """Analysed texts of a briefing, answering :meth:`search` per keystroke.

    ``texts`` are ``(key, text)`` pairs; the key is returned in each :class:`Match`.
    ``language_of(key)`` may return a language hint for a text (see
    :func:`find_matches`).  The index is immutable: rebuild it when texts change.
    """

    def __init__(
        self,
        texts: Iterable[tuple[Hashable, str]],
        *,
        language_of: Callable[[Hashable], str | None] | None = None,
    ) -> None:
        """Tokenise and analyse every text once."""
        self._keys: list[Hashable] = []
        # Global token arrays: every word of every text, in order.
        self._tok_word: list[int] = []
        self._tok_text: list[int] = []
        self._tok_start: list[int] = []
        self._tok_end: list[int] = []
        words: list[_Word] = []
        postings: list[list[int]] = []
        word_id: dict[tuple[str, str | None], int] = {}
        by_raw: dict[str | None, dict[str, int]] = {}
        pattern = _token_pattern()
        for text_no, (key, text) in enumerate(texts):
            self._keys.append(key)
            hint = _algorithm_for_language(language_of(key)) if language_of else None
            raw_ids = by_raw.setdefault(hint, {})
            for m in pattern.finditer(text):
                raw = m.group()
                wid = raw_ids.get(raw)
                if wid is None:
                    word = _analyse(raw, hint)
                    if not word.norm:
                        raw_ids[raw] = wid = -1
                    else:
                        wid = word_id.get((word.base, word.algorithm))
                        if wid is None:
                            wid = word_id[(word.base, word.algorithm)] = len(words)
                            words.append(word)
                            postings.append([])
                        raw_ids[raw] = wid
                if wid < 0:
                    continue
                postings[wid].append(len(self._tok_word))
                self._tok_word.append(wid)
                self._tok_text.append(text_no)
                start, end = m.span()
                self._tok_start.append(start)
                self._tok_end.append(end)
        self._postings = postings
        # Look-up tables over the distinct words.
        self._by_norm: dict[str, list[int]] = {}
        self._by_stem: dict[str, dict[str, list[int]]] = {}
        self._by_ascii: dict[str, list[int]] = {}
        self._by_ascii_stem: dict[str, list[int]] = {}
        for wid, word in enumerate(words):
            self._by_norm.setdefault(word.norm, []).append(wid)
            if word.algorithm is not None:
                table = self._by_stem.setdefault(word.algorithm, {})
                table.setdefault(word.stem, []).append(wid)
            if word.ascii:
                self._by_ascii.setdefault(word.ascii, []).append(wid)
            if word.ascii_stem:
                self._by_ascii_stem.setdefault(word.ascii_stem, []).append(wid)
        by_norm = sorted((word.norm, wid) for wid, word in enumerate(words))
        self._sorted_norms = [norm for norm, _ in by_norm]
        self._sorted_norm_ids = [wid for _, wid in by_norm]
        by_ascii = sorted((word.ascii, wid) for wid, word in enumerate(words) if word.ascii)
        self._sorted_ascii = [form for form, _ in by_ascii]
        self._sorted_ascii_ids = [wid for _, wid in by_ascii]

    def __len__(self) -> int:
        """Return the number of texts in the index."""
        return len(self._keys)

    def _word_ids(self, term: _Term) -> set[int]:
        """Return the ids of the distinct words that ``term`` matches (cf. ``_Term.matches``)."""
        ids: set[int] = set(self._by_norm.get(term.norm, ()))
        if term.prefix:
            ids.update(_prefix_range(self._sorted_norms, self._sorted_norm_ids, term.norm))
        for algorithm, stems in self._by_stem.items():
            ids.update(stems.get(term.stem(algorithm), ()))
        if term.is_ascii:
            ids.update(self._by_ascii.get(term.norm, ()))
            if term.prefix:
                ids.update(_prefix_range(self._sorted_ascii, self._sorted_ascii_ids, term.norm))
            if term.translit_stem:
                ids.update(self._by_ascii_stem.get(term.translit_stem, ()))
        return ids

    def search(self, query: str) -> list[Match]:
        """Return every match of ``query``: in the order texts were given, then by start."""
        terms = _parse_query(query)
        if not terms:
            return []
        id_sets = [self._word_ids(term) for term in terms]
        postings = self._postings
        sizes = [sum(len(postings[wid]) for wid in ids) for ids in id_sets]
        anchor = min(range(len(terms)), key=sizes.__getitem__)
        if sizes[anchor] == 0:
            return []
        positions: list[int] = []
        for wid in id_sets[anchor]:
            positions.extend(postings[wid])
        positions.sort()
        size = len(terms)
        tok_text = self._tok_text
        if size > 1:
            positions = self._phrase_starts(positions, anchor, id_sets)
        keys, starts, ends = self._keys, self._tok_start, self._tok_end
        last = size - 1
        return [Match(keys[tok_text[g]], starts[g], ends[g + last]) for g in positions]

    def _phrase_starts(self, anchors: list[int], anchor: int, id_sets: list[set[int]]) -> list[int]:
        """Return the non-overlapping starts of the phrase, given sorted anchor positions."""
        tok_word, tok_text = self._tok_word, self._tok_text
        size = len(id_sets)
        total = len(tok_word)
        others = [(j, id_sets[j]) for j in range(size) if j != anchor]
        starts: list[int] = []
        next_free = 0
        for position in anchors:
            g = position - anchor
            if g < next_free or g + size > total or tok_text[g] != tok_text[g + size - 1]:
                continue
            if all(tok_word[g + j] in ids for j, ids in others):
                starts.append(g)
                next_free = g + size
        return starts


def _prefix_range(sorted_forms: list[str], ids: list[int], prefix: str) -> list[int]:
    """Return the ids of the forms in ``sorted_forms`` that start with ``prefix``."""
    lo = bisect_left(sorted_forms, prefix)
    hi = bisect_left(sorted_forms, prefix + _AFTER_EVERYTHING, lo)
    return ids[lo:hi]
