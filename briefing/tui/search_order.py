"""The order in which the viewer walks search matches, computed from segments of texts.

Matches in the language on screen and in text without a language come first, then
those of each other language of the briefing, in its order; within each, panel by
panel, and within a panel in the order of the search index (the outline's texts).
That is a stable sort of the index's matches by the rank of their language and their
panel, and it is done here without
touching each match: the index's texts are grouped once into segments of consecutive
positions of one language and one panel (:class:`TextRuns`), the segments are put in
the order of the language on screen (:class:`ReadingOrder`), and a result is counted
segment by segment with binary searches (:class:`Walk`). A keystroke then costs two
binary searches per segment, however many matches there are, and makes a
:class:`~briefing.search.Match` only for the match it goes to."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterator, Sequence
from functools import partial
from itertools import accumulate
from operator import sub
from typing import TYPE_CHECKING, NamedTuple

from ..outline import TextKey
from .panels import PANELS, panel_of

if TYPE_CHECKING:
    from ..search import Found, Match, SearchIndex
    from .highlights import Spans

PANEL_ORDER = {spec.panel: number for number, spec in enumerate(PANELS)}
"""Each panel's place in the registry."""


class Segment(NamedTuple):
    """Consecutive texts of the index in one language and one panel."""

    language: str
    panel: int
    """The panel's place in :data:`PANEL_ORDER`."""
    first: int
    """The position of its first word (see :meth:`SearchIndex.token_range`)."""
    end: int
    """The position after its last word."""


class TextRuns:
    """The texts of a search index as :class:`Segment` s, and the panels' runs of them.

    Made once per index (in the worker that builds it): it walks every text once.
    """

    def __init__(self, index: SearchIndex) -> None:
        segments: list[Segment] = []
        panels: dict[str, int] = {}
        for text, key in enumerate(index.keys):
            first, end = index.token_range(text)
            if first == end or not isinstance(key, TextKey):
                continue  # no words: never matched
            panel = panels.get(key.section)
            if panel is None:
                panel = panels[key.section] = PANEL_ORDER[panel_of(key.section)]
            if segments and segments[-1][:2] == (key.language, panel) and \
                    segments[-1].end == first:
                segments[-1] = segments[-1]._replace(end=end)
            else:
                segments.append(Segment(key.language, panel, first, end))
        self.segments = segments
        by_panel: list[tuple[int, int, int]] = []
        for segment in segments:
            if by_panel and by_panel[-1][0] == segment.panel and by_panel[-1][2] == segment.first:
                by_panel[-1] = (segment.panel, by_panel[-1][1], segment.end)
            else:
                by_panel.append((segment.panel, segment.first, segment.end))
        self.by_panel = by_panel
        """``(panel, first, end)``: positions of one panel's texts, in one language or
        several (few: about the number of panels times the number of languages)."""

    def counts_by_panel(self, found: Found) -> dict[str, int]:
        """How many matches of ``found`` each panel holds (panels without any left out)."""
        counts: dict[str, int] = {}
        for panel, first, end in self.by_panel:
            count = found.count(first, end)
            if count:
                name = PANELS[panel].panel
                counts[name] = counts.get(name, 0) + count
        return counts


class ReadingOrder:
    """The segments of an index in the order matches are walked with one language on
    screen: those of rank 0 first, then rank 1, ...; each rank's panel by panel, each
    panel's in index order.

    Rank 0 is the language on screen and text without a language; then the
    briefing's languages in order, from 1; a language the briefing does not list
    comes last.
    """

    def __init__(self, runs: TextRuns, languages: Sequence[str], language: str) -> None:
        self.text_runs = runs
        """The runs of the index this order is for."""
        ranks = {lang: rank for rank, lang in enumerate(languages, 1)}
        ranks[language] = ranks[""] = 0
        unknown = len(ranks)
        segments = runs.segments
        ranked = sorted(range(len(segments)), key=lambda number: (
            ranks.get(segments[number].language, unknown), segments[number].panel))
        # A stable sort: each rank's segments panel by panel, each panel's in index
        # order. (The index is of the outline first shown, its own language first:
        # in another, the texts without a language come before the rest.) Those that
        # follow each other in one panel and rank are one (text without a language
        # between texts in the language on screen: a figure's value among its label
        # and unit).
        merged: list[tuple[int, int, int, int]] = []  # rank, panel, first, end
        reading = [0] * len(runs.segments)
        for number in ranked:
            segment = runs.segments[number]
            rank = ranks.get(segment.language, unknown)
            if merged and merged[-1][:2] == (rank, segment.panel) and \
                    merged[-1][3] == segment.first:
                merged[-1] = (rank, segment.panel, merged[-1][2], segment.end)
            else:
                merged.append((rank, segment.panel, segment.first, segment.end))
            reading[number] = len(merged) - 1
        self.text_firsts = [segment.first for segment in runs.segments]
        """Where each segment of the index starts, in index order (ascending)."""
        self.text_reading = reading
        """The number, in reading order, of the segment each index segment is part of."""
        self.firsts = [first for _, _, first, _ in merged]
        """Where each segment starts, in reading order."""
        self.ends = [end for _, _, _, end in merged]
        self.first_ranked = sum(1 for rank, _, _, _ in merged if rank == 0)
        """How many segments, from the first, are of rank 0."""
        self.panels = [panel for _, panel, _, _ in merged[: self.first_ranked]]
        """The panel of each segment of rank 0 (ascending)."""


class Walk:
    """The matches of one result in reading order: the ``k`` of ``k/N`` and back.

    A briefing in two languages whose figures have values without a language has
    thousands of segments of rank 0, one per figure, so each segment's matches are
    counted at once: two binary searches per segment, run by ``map`` (a few
    milliseconds for ten thousand segments), and none per match.
    """

    def __init__(self, order: ReadingOrder, found: Found) -> None:
        self.order = order
        self.found = found
        starts = found.starts
        if len(starts) < len(order.firsts):
            # Fewer matches than segments (a briefing's other language puts thousands
            # of segments between its figures' values): only the segments that hold
            # a match, found with one binary search per match.
            held = sorted({order.text_reading[number - 1] for number in
                           set(map(partial(bisect_right, order.text_firsts), starts)) if number})
            firsts = [order.firsts[number] for number in held]
            ends = [order.ends[number] for number in held]
        else:
            held = None
            firsts, ends = order.firsts, order.ends
        self._segments = held
        """The segments (their numbers in reading order) that :attr:`_lows` and
        :attr:`_before` are for; None: all of them."""
        self._lows = list(map(partial(bisect_left, starts), firsts))
        """The number (in index order) of the first match in each segment."""
        counts = map(sub, map(partial(bisect_left, starts), ends), self._lows)
        self._before = [0, *accumulate(counts)]
        """Matches before each segment in reading order (and in all, last)."""

    def __len__(self) -> int:
        return len(self.found)

    def match(self, number: int) -> Match:
        """Match number ``number`` in reading order (``0 <= number < len(self)``)."""
        segment = bisect_right(self._before, number) - 1
        return self.found.match(self._lows[segment] + number - self._before[segment])

    def first_from(self, panel: int) -> int:
        """The number of the first match of rank 0 in panel number ``panel`` or a later
        one; 0 if there is none."""
        order, before = self.order, self._before
        cut, ranked = bisect_left(order.panels, panel), order.first_ranked
        if self._segments is not None:  # segment numbers to places in _before
            cut = bisect_left(self._segments, cut)
            ranked = bisect_left(self._segments, ranked)
        return before[cut] if before[cut] < before[ranked] else 0


class MatchList:
    """The matches of a search in reading order, made one at a time when asked."""

    def __init__(self, walk: Walk | None) -> None:
        self._walk = walk

    def __len__(self) -> int:
        return len(self._walk) if self._walk is not None else 0

    def __getitem__(self, number: int) -> Match:
        size = len(self)
        if number < 0:
            number += size
        if self._walk is None or not 0 <= number < size:
            raise IndexError(number)
        return self._walk.match(number)

    def __iter__(self) -> Iterator[Match]:
        return (self[number] for number in range(len(self)))


class FoundSpans:
    """The spans of a result by text key, for :class:`~briefing.tui.highlights.Highlights`:
    made for a field when it is drawn, not for every match."""

    def __init__(self, found: Found | None) -> None:
        self._found = found
        self._by_field: dict[TextKey, list[tuple[int, int]]] | None = None

    @property
    def total(self) -> int:
        """How many matches (in every field)."""
        return len(self._found) if self._found is not None else 0

    def __bool__(self) -> bool:
        return self.total > 0

    def get(self, key: Hashable) -> list[tuple[int, int]]:
        """The ``(start, end)`` of the matches in the text ``key``."""
        if self._found is None or not self._found.starts:
            return []
        return self._found.spans(key)

    def changed_from(self, old: Spans, limit: int) -> set[TextKey] | None:
        """The fields whose spans differ in ``old``; None if more than ``limit`` matches
        differ (then it is quicker to draw again all that is on screen).

        Two results of one index differ where one has a match that the other has
        not: a set difference of their positions (both of one word count; else all).
        """
        found = self._found
        theirs = old._found if isinstance(old, FoundSpans) else None
        if found is None or theirs is None or found.index is not theirs.index:
            if self.total + old.total > limit:
                return None
            mine, before = self.by_field(), old.by_field()
            changed = mine.keys() ^ before.keys()
            changed.update(key for key in mine.keys() & before.keys() if mine[key] != before[key])
            return changed
        if found.size == theirs.size:
            if abs(len(found) - len(theirs)) > limit:
                return None
            positions = set(found.starts).symmetric_difference(theirs.starts)
        else:
            positions = set(found.starts).union(theirs.starts)
        if len(positions) > limit:
            return None
        key_at = found.key_at
        return {key_at(position) for position in positions}  # type: ignore[misc]

    def by_field(self) -> dict[TextKey, list[tuple[int, int]]]:
        """Every field with matches and its spans (made once; it walks every match)."""
        if self._by_field is None:
            by_field: dict[TextKey, list[tuple[int, int]]] = {}
            for match in self._found.matches() if self._found is not None else ():
                key: TextKey = match.key  # type: ignore[assignment]
                by_field.setdefault(key, []).append((match.start, match.end))
            self._by_field = by_field
        return self._by_field

    def __iter__(self) -> Iterator[TextKey]:
        """The fields with matches (see :meth:`by_field`)."""
        return iter(self.by_field())
