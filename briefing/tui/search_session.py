"""The state of a search: the query, its matches in reading order, the current one.

Matching itself is :mod:`briefing.search`; the order in which the viewer walks the
matches is :mod:`briefing.tui.search_order`. Neither makes an object per match: a
keystroke counts the matches of each panel and finds the current one with binary
searches, and the panels ask for the spans of the fields they draw.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..outline import TextKey
from .panels import PanelId, section_order
from .search_order import PANEL_ORDER, FoundSpans, MatchList, ReadingOrder, TextRuns, Walk
from .viewer_state import ViewerState, long_lived

if TYPE_CHECKING:
    from ..search import Found, Match, SearchIndex


DEFERRED_CHARACTERS = 3_000_000
"""From how many characters of text on a search runs in a thread: the index of a
briefing that long takes seconds to build, and a phrase of common words a second to
find, which the screen must not wait for (5,000 participants in two languages are
2 million characters, and are searched at once)."""


class SearchSession:
    """A query over the briefing on screen and where the reader is among its matches.

    The index is built on the first search, not at start-up, and again after the
    briefing changes (:meth:`invalidate`).
    """

    def __init__(self, state: ViewerState) -> None:
        self.state = state
        self.query = ""
        self.position: int | None = None
        """The number of the current match, in reading order."""
        self.found: Found | None = None
        """The matches of the query, in index order (see :meth:`SearchIndex.find`)."""
        self.spans = FoundSpans(None)
        """The matches by field, for :class:`Highlights` (one per result)."""
        self._walk: Walk | None = None
        self._counts: dict[str, int] = {}
        self._index: tuple[SearchIndex, TextRuns] | None = None
        self._orders: dict[str, ReadingOrder] = {}
        """The reading order for each language on screen so far, for this index."""
        # The index may be built by a worker thread (see :meth:`prepare`) while
        # the first keystroke asks for it: that keystroke waits, never builds twice.
        self._index_lock = threading.Lock()
        self._size: tuple[object, int] | None = None
        """The briefing and how many characters its texts have (see :meth:`deferred`)."""

    @property
    def index(self) -> SearchIndex:
        """The search index of the view's briefing (built on first use)."""
        return self._indexed()[0]

    def _indexed(self) -> tuple[SearchIndex, TextRuns]:
        """The index, and its texts in runs of one language and panel."""
        with self._index_lock:
            if self._index is None:
                from ..search import SearchIndex  # not at start-up: it loads the stemmers

                size = 0

                def texts() -> Iterator[tuple[TextKey, str]]:
                    nonlocal size  # counted on the way, for deferred
                    for key, text in self.texts():
                        size += len(text)
                        yield key, text

                with long_lived():  # the index holds many objects, for as long as it is used
                    index = SearchIndex(texts(), language_of=self.state.language_of)
                    self._index = (index, TextRuns(index))
                self._size = (self.state.outline.briefing, size)
                self._orders = {}
            return self._index

    def texts(self) -> Iterator[tuple[TextKey, str]]:
        """What the index holds: ``Outline.texts()`` of the outline on screen in panel
        order, its other languages taken from the outlines the viewer keeps (which
        ``Outline.texts()`` would make again, each a good part of a second for a big
        briefing, then dropped: the viewer makes them too, to show a match in one)."""
        outline = self.state.outline
        sections = section_order()
        for number, language in enumerate((outline.language, *outline.languages)):
            if number and language == outline.language:
                continue
            shown = self.state.in_language(language)
            for field in shown.fields(sections):
                # As Outline.located_texts: a text without a language is indexed once.
                if field.searchable and (field.language == language or
                                         (not number and not field.language)):
                    for paragraph, text in enumerate(field.paragraphs):
                        yield field.text_key(paragraph), text

    @property
    def ready(self) -> bool:
        """Whether the index is built."""
        return self._index is not None

    def prepare(self) -> None:
        """Build the index now (from a worker thread, while the reader starts typing),
        and the briefing in its other languages: a match in one of them shows it, and
        making a big briefing's outline takes longer than a keystroke may; and the
        order of the matches in each language (sorting thousands of segments)."""
        self._order()
        for language in self.state.outline.languages:
            self.state.in_language(language)
            self._order(language)

    def invalidate(self) -> None:
        """The briefing changed: rebuild the index on the next search."""
        with self._index_lock:
            self._index = None
            self._orders = {}

    def _order(self, language: str | None = None) -> ReadingOrder:
        """The reading order of the index's matches with ``language`` on screen (by
        default the language on screen)."""
        runs = self._indexed()[1]
        outline = self.state.outline
        language = language or outline.language
        order = self._orders.get(language)
        if order is None or order.text_runs is not runs:  # none yet, or an older index's
            order = ReadingOrder(runs, outline.languages, language)
            self._orders[language] = order
        return order

    @property
    def matches(self) -> MatchList:
        """The matches in reading order (each made when asked for)."""
        return MatchList(self._walk)

    @property
    def current(self) -> Match | None:
        """The current match, if there is one."""
        if self.position is None or self._walk is None:
            return None
        return self._walk.match(self.position)

    @property
    def deferred(self) -> bool:
        """Whether searching may take longer than a keystroke should: the briefing's
        texts are long (a search then runs in a thread, see :meth:`find`)."""
        outline = self.state.outline
        if self._size is None or self._size[0] is not outline.briefing:
            # Counted as the index is built; before it is, walking every text takes a
            # tenth of a second for a big briefing.
            size = sum(len(text) for _, text in self.texts())
            self._size = (outline.briefing, size)
        return self._size[1] > DEFERRED_CHARACTERS

    def find(self, query: str) -> Found | None:
        """The matches of ``query`` (None without a query), for :meth:`show`: the work of
        a search, which a worker thread may do (it builds the index if need be)."""
        if not query.strip():
            return None
        # The last result narrows this one when the query grew (the index checks that).
        return self.index.find(query, previous=self.found)

    def search(self, query: str, from_panel: str | None = None) -> None:
        """Find ``query``; the current match becomes the first one from ``from_panel`` on.

        Matches in the language on screen (and in strings that have no language)
        come first, in panel order; then those in each other language, so that
        stepping through them switches language at most once per language.
        """
        self.show(query, self.find(query), from_panel)

    def show(self, query: str, found: Found | None, from_panel: str | None = None) -> None:
        """Make ``found``, the result of :meth:`find` for ``query``, the matches; the
        current one is the first from ``from_panel`` on."""
        self.query = query
        if found is None or found.index is not self.index:  # none, or an older index's
            self._show(None)
            if found is not None:
                self.search(query, from_panel)
            return
        order = self._order()
        self._show(found, order)
        if found.starts and from_panel is not None:
            walk = self._walk
            assert walk is not None
            self.position = walk.first_from(PANEL_ORDER[PanelId(from_panel)])

    def _show(self, found: Found | None, order: ReadingOrder | None = None) -> None:
        """Make ``found`` the matches, the first one current."""
        self.found = found
        self.spans = FoundSpans(found)
        if found is None or order is None:
            self._walk = None
            self._counts = {}
            self.position = None
            return
        self._walk = Walk(order, found)
        self._counts = self._indexed()[1].counts_by_panel(found)
        self.position = 0 if found.starts else None

    def step(self, delta: int) -> Match | None:
        """Move ``delta`` matches forward (or back), wrapping around; the new current match."""
        total = len(self.matches)
        if not total:
            return None
        start = self.position if self.position is not None else -1 if delta > 0 else 0
        self.position = (start + delta) % total
        return self.current

    def counter(self, no_matches: str = "no matches") -> str:
        """``k/N``; ``0/0`` and ``no_matches`` when a query found nothing; empty
        without a query."""
        if not self.query.strip():
            return ""
        total = len(self.matches)
        if not total or self.position is None:
            return f"0/0 {no_matches}"
        more = "+" if self.found is not None and self.found.capped else ""
        return f"{self.position + 1}/{total}{more}"

    def counts_by_panel(self) -> dict[str, int]:
        """How many matches each panel holds."""
        return self._counts

    def clear(self) -> None:
        """Forget the query and its matches (the index is kept)."""
        self.query = ""
        self._show(None)
