"""What a search finds: :class:`Found`, every match of one query kept as positions in
the index rather than as objects, and :class:`Match`, one match made when asked for.
Made by :meth:`briefing.search_index.SearchIndex.find`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .search_index import SearchIndex


class Match(NamedTuple):
    """One match of a query: ``text[start:end]`` of the text registered under ``key``.

    A NamedTuple rather than a dataclass: a one-letter query on a big briefing
    makes tens of thousands of these per keystroke, and tuples are made fastest.
    """

    key: Hashable
    start: int
    end: int


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
        occurrences: list[int] | None, *, capped: bool = False,
    ) -> None:
        self.index = index
        self.capped = capped
        """Whether there are more matches than these: the search stopped at its limit."""
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
        return Match(*self.index.span(self.starts[number], self.size))

    def matches(self) -> list[Match]:
        """Every match, in index order."""
        span, size = self.index.span, self.size
        return [Match(*span(g, size)) for g in self.starts]

    def key_at(self, position: int) -> Hashable:
        """The key of the text that holds the word at ``position``."""
        index = self.index
        return index._keys[index.text_at(position)]

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
        spans: list[tuple[int, int]] = []
        for text in index.texts_of(key):
            first, end = index.token_range(text)
            low = bisect_left(starts, first)
            high = bisect_left(starts, end, low)
            if low < high:
                tok_start, tok_end = index._spans_of(text)
                spans.extend((tok_start[g - first], tok_end[g - first + last])
                             for g in starts[low:high])
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
