"""The state of a search: the query, its matches in reading order, the current one.

Matching itself is :mod:`briefing.search`; this only orders the matches the way
the viewer walks them and keeps the ``k/N`` position.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter
from typing import TYPE_CHECKING

from ..outline import TextKey
from .panels import PANELS, PanelId, panel_of, section_order
from .viewer_state import ViewerState

if TYPE_CHECKING:
    from ..search import Match, SearchIndex


_PANEL_ORDER = {panel.PANEL: number for number, panel in enumerate(PANELS)}


class SearchSession:
    """A query over the briefing on screen and where the reader is among its matches.

    The index is built on the first search, not at start-up, and again after the
    briefing changes (:meth:`invalidate`).
    """

    def __init__(self, state: ViewerState) -> None:
        self.state = state
        self.query = ""
        self.matches: list[Match] = []
        self.position: int | None = None
        self.spans: dict[TextKey, list[Match]] = {}
        """The matches grouped by field, for :class:`Highlights`."""
        self._counts: dict[str, int] = {}
        self._index: SearchIndex | None = None
        # The index may be built by a worker thread (see :meth:`prepare`) while
        # the first keystroke asks for it: that keystroke waits, never builds twice.
        self._index_lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        """The search index of the view's briefing (built on first use)."""
        with self._index_lock:
            if self._index is None:
                from ..search import SearchIndex  # not at start-up: it loads the stemmers

                self._index = SearchIndex(
                    self.state.outline.texts(section_order()),
                    language_of=self.state.language_of,
                )
                # The index is long-lived and holds many objects: keep the garbage
                # collector from walking them again on every keystroke's allocations.
                gc.freeze()
            return self._index

    @property
    def ready(self) -> bool:
        """Whether the index is built."""
        return self._index is not None

    def prepare(self) -> None:
        """Build the index now (from a worker thread, while the reader starts typing)."""
        _ = self.index

    def invalidate(self) -> None:
        """The briefing changed: rebuild the index on the next search."""
        with self._index_lock:
            self._index = None

    @property
    def current(self) -> Match | None:
        """The current match, if there is one."""
        if self.position is None:
            return None
        return self.matches[self.position]

    def search(self, query: str, from_panel: str | None = None) -> None:
        """Find ``query``; the current match becomes the first one from ``from_panel`` on.

        Matches in the language on screen (and in strings that have no language)
        come first, in panel order; then those in each other language, so that
        stepping through them switches language at most once per language.
        """
        self.query = query
        found = self.index.search(query) if query.strip() else []
        outline = self.state.outline
        ranks = {lang: rank for rank, lang in enumerate(outline.languages, 1)}
        ranks[outline.language] = ranks[""] = 0
        # One pass with local names: this runs per keystroke over every match.
        groups: dict[int, list[Match]] = {}
        spans: dict[TextKey, list[Match]] = {}
        get_rank, get_group, get_span = ranks.get, groups.get, spans.get
        unknown = len(ranks)
        for match in found:
            key: TextKey = match.key  # type: ignore[assignment]
            rank = get_rank(key[3], unknown)  # key.language
            group = get_group(rank)
            if group is None:
                groups[rank] = [match]
            else:
                group.append(match)
            span = get_span(key)
            if span is None:
                spans[key] = [match]
            else:
                span.append(match)
        # The index returns matches in the order the texts were given, which is panel order.
        if len(groups) == 1:
            self.matches = next(iter(groups.values()))
        else:
            self.matches = [match for rank in sorted(groups) for match in groups[rank]]
        self.spans = spans
        counts: Counter[str] = Counter()
        for key, matches in spans.items():
            counts[panel_of(key.section)] += len(matches)
        self._counts = dict(counts)
        self.position = self._first_from(from_panel) if self.matches else None

    def _first_from(self, panel: str | None) -> int:
        if panel is None:
            return 0
        order = _PANEL_ORDER[PanelId(panel)]
        language = self.state.outline.language
        for number, match in enumerate(self.matches):
            key = match.key
            assert isinstance(key, TextKey)
            if key.language not in ("", language):
                break
            if _PANEL_ORDER[panel_of(key.section)] >= order:
                return number
        return 0

    def step(self, delta: int) -> Match | None:
        """Move ``delta`` matches forward (or back), wrapping around; the new current match."""
        if not self.matches:
            return None
        start = self.position if self.position is not None else -1 if delta > 0 else 0
        self.position = (start + delta) % len(self.matches)
        return self.current

    def counter(self, no_matches: str = "no matches") -> str:
        """``k/N``; ``0/0`` and ``no_matches`` when a query found nothing; empty
        without a query."""
        if not self.query.strip():
            return ""
        if not self.matches or self.position is None:
            return f"0/0 {no_matches}"
        return f"{self.position + 1}/{len(self.matches)}"

    def counts_by_panel(self) -> dict[str, int]:
        """How many matches each panel holds."""
        return self._counts

    def clear(self) -> None:
        """Forget the query and its matches (the index is kept)."""
        self.query = ""
        self.matches = []
        self.position = None
        self.spans = {}
        self._counts = {}
