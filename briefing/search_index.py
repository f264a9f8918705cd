"""The search index of a briefing: :class:`SearchIndex`, which analyses every text once
and then answers each keystroke's query with look-ups over the distinct words;
:class:`Found`, every match of one query kept as positions, not objects; and
:class:`Match`, one match.  The matching rules are those of :mod:`briefing.search`,
applied through :mod:`briefing.search_words`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
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
        # Global token arrays: every word of every text, in order.  A text's words are
        # the tokens from self._text_starts[text] up to the next text's first one.
        self._text_starts: list[int] = []
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
            self._text_starts.append(len(self._tok_word))
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
        self._text_starts.append(len(self._tok_word))
        self._postings = postings
        # Which text has which key; a key given for several texts names them all.
        self._text_of: dict[Hashable, int] = {}
        self._more_texts_of: dict[Hashable, list[int]] = {}
        for text_no, key in enumerate(self._keys):
            first = self._text_of.setdefault(key, text_no)
            if first != text_no:
                self._more_texts_of.setdefault(key, [first]).append(text_no)
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

    @property
    def keys(self) -> Sequence[Hashable]:
        """The key of every text, in the order the texts were given."""
        return self._keys

    def token_range(self, text: int) -> tuple[int, int]:
        """The positions of the words of text number ``text``: ``range(*token_range)``.

        Positions number every word of every text in the order the texts were given,
        so the words of consecutive texts are consecutive positions; a :class:`Found`
        counts the matches between two positions with a binary search.
        """
        return self._text_starts[text], self._text_starts[text + 1]

    def texts_of(self, key: Hashable) -> list[int]:
        """The numbers of the texts given under ``key`` (none for an unknown key)."""
        more = self._more_texts_of.get(key)
        if more is not None:
            return more
        text = self._text_of.get(key)
        return [] if text is None else [text]

    def search(self, query: str) -> list[Match]:
        """Return every match of ``query``: in the order texts were given, then by start."""
        return self.find(query).matches()

    def find(self, query: str, previous: Found | None = None) -> Found:
        """Find every match of ``query``, as a :class:`Found` (no :class:`Match` is made).

        ``previous`` is the result of the query before this one (typed one key ago).
        When every one of its words matches a superset of the words that the same
        word of ``query`` matches -- checked, not assumed: a longer last word usually
        narrows, but stems and transliteration need not -- the phrases of ``query``
        can only start where those of ``previous`` did, and those are checked instead
        of the postings of the rarest word, if there are fewer of them.
        """
        terms = _parse_query(query)
        if not terms:
            return Found(self, (), [], [])
        id_sets = tuple(self._word_ids(term) for term in terms)
        postings = self._postings
        sizes = [sum(len(postings[wid]) for wid in ids) for ids in id_sets]
        anchor = min(range(len(terms)), key=sizes.__getitem__)
        if sizes[anchor] == 0:
            return Found(self, id_sets, [], [])
        if len(terms) == 1:
            # Every occurrence is a match: the postings of its words, merged. That walks
            # no more than what it finds, which narrowing the last result cannot beat.
            return Found(self, id_sets, self._positions(id_sets[0]), None)
        if (previous is not None and len(previous.occurrences) < sizes[anchor]
                and self._narrows(previous, id_sets)):
            # Each of them checked against every word (the first one narrowed too).
            occurrences = self._occurrences(previous.occurrences, 0, id_sets, range(len(terms)))
        else:
            others = [j for j in range(len(terms)) if j != anchor]
            occurrences = self._occurrences(self._positions(id_sets[anchor]), anchor,
                                            id_sets, others)
        return Found(self, id_sets, _not_overlapping(occurrences, len(terms)), occurrences)

    def _positions(self, ids: set[int]) -> list[int]:
        """The sorted positions of every occurrence of the words ``ids``."""
        postings = self._postings
        positions: list[int] = []
        for wid in ids:
            positions.extend(postings[wid])
        positions.sort()  # sorted runs, merged: about linear
        return positions

    def _narrows(self, previous: Found, id_sets: tuple[set[int], ...]) -> bool:
        """Whether every phrase of ``id_sets`` starts where one of ``previous`` occurs."""
        if previous.index is not self or not previous.word_ids:
            return False
        if len(previous.word_ids) > len(id_sets):
            return False
        return all(new <= old for new, old in zip(id_sets, previous.word_ids, strict=False))

    def _occurrences(
        self, positions: Iterable[int], anchor: int, id_sets: tuple[set[int], ...],
        check: Iterable[int],
    ) -> list[int]:
        """The starts ``g`` of every occurrence of the phrase ``id_sets`` within one text,
        given sorted ``positions`` of its word number ``anchor`` (``g`` + ``anchor``),
        checking its words number ``check`` (the others are known to match)."""
        tok_word, tok_text = self._tok_word, self._tok_text
        last = len(id_sets) - 1
        total = len(tok_word)
        checks = [(j, id_sets[j]) for j in check]
        found: list[int] = []
        for position in positions:
            g = position - anchor
            if g < 0 or g + last >= total or tok_text[g] != tok_text[g + last]:
                continue
            if all(tok_word[g + j] in ids for j, ids in checks):
                found.append(g)
        return found


class Found:
    """Every match of one query, kept as the sorted positions where they start.

    A one-letter query over a big briefing has tens of thousands of matches, and a
    15 MB briefing millions; a viewer shows a screenful.  So a result makes no
    :class:`Match` until asked: :meth:`match` makes one, :meth:`spans` those of one
    text, and :meth:`count` counts the matches between two positions (see
    :meth:`SearchIndex.token_range`) without making any.  Matches are numbered in
    index order: the order the texts were given, then by start.
    """

    def __init__(
        self, index: SearchIndex, word_ids: tuple[set[int], ...], starts: list[int],
        occurrences: list[int] | None,
    ) -> None:
        self.index = index
        self.word_ids = word_ids
        """The ids of the distinct words each word of the query matches."""
        self.starts = starts
        """The position of the first word of each match, ascending."""
        self.occurrences = starts if occurrences is None else occurrences
        """Where the query's words occur one after the other in a text, overlapping
        ones too (the matches are those that do not overlap): what a longer query
        narrows (see :meth:`SearchIndex.find`)."""
        self.size = len(word_ids)
        """Words per match."""
        self._last = max(0, self.size - 1)

    def __len__(self) -> int:
        """How many matches."""
        return len(self.starts)

    def match(self, number: int) -> Match:
        """Match number ``number``, in index order."""
        index, start = self.index, self.starts[number]
        return Match(index._keys[index._tok_text[start]], index._tok_start[start],
                     index._tok_end[start + self._last])

    def matches(self) -> list[Match]:
        """Every match, in index order."""
        index, last = self.index, self._last
        keys, tok_text, tok_start, tok_end = (index._keys, index._tok_text, index._tok_start,
                                              index._tok_end)
        return [Match(keys[tok_text[g]], tok_start[g], tok_end[g + last]) for g in self.starts]

    def key_at(self, position: int) -> Hashable:
        """The key of the text that holds the word at ``position``."""
        index = self.index
        return index._keys[index._tok_text[position]]

    def first_from(self, position: int) -> int:
        """The number of the first match that starts at ``position`` or after it."""
        return bisect_left(self.starts, position)

    def count(self, first: int, end: int) -> int:
        """How many matches start at positions ``first`` to ``end`` (excluded)."""
        starts = self.starts
        low = bisect_left(starts, first)
        return bisect_left(starts, end, low) - low

    def spans(self, key: Hashable) -> list[tuple[int, int]]:
        """The ``(start, end)`` of each match in the text(s) of ``key``, in order."""
        index, starts, last = self.index, self.starts, self._last
        if not starts:
            return []
        tok_start, tok_end = index._tok_start, index._tok_end
        spans: list[tuple[int, int]] = []
        for text in index.texts_of(key):
            first, end = index.token_range(text)
            low = bisect_left(starts, first)
            high = bisect_left(starts, end, low)
            spans.extend((tok_start[g], tok_end[g + last]) for g in starts[low:high])
        return spans


def _not_overlapping(occurrences: list[int], size: int) -> list[int]:
    """The occurrences a left-to-right scan keeps: each resumes after the last one's words."""
    starts: list[int] = []
    next_free = 0
    for g in occurrences:
        if g >= next_free:
            starts.append(g)
            next_free = g + size
    return starts


def _prefix_range(sorted_forms: list[str], ids: list[int], prefix: str) -> list[int]:
    """Return the ids of the forms in ``sorted_forms`` that start with ``prefix``."""
    lo = bisect_left(sorted_forms, prefix)
    hi = bisect_left(sorted_forms, prefix + _AFTER_EVERYTHING, lo)
    return ids[lo:hi]
