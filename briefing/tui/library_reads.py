"""The library screen's reads of its index, each in a worker thread with its own
connection (:meth:`LibraryIndex.reopen`): the list under the facets picked, a search,
and the folder polled for changes (rescanned, then the list read again). The base of
:class:`~briefing.tui.library_screen.LibraryScreen`, which shows what they read."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from ..library.entries import NO_FILTERS, FacetCount, FacetKind, Filters
from .facet_list import FacetList

if TYPE_CHECKING:
    from ..library.entries import Entry, Result
    from ..library.index import LibraryIndex

RESULTS = 50
"""The most briefings a search shows."""


class LibraryView(NamedTuple):
    """Where the reader is in the library: kept while a briefing is open."""

    query: str = ""
    """The filter typed, or the search (``searching``)."""
    searching: bool = False
    sort: str = "date"
    row: int = 0
    filters: Filters = NO_FILTERS
    """The facet values picked: the list and the search have every one."""
    facets_shown: bool = False


class LibraryReads(Screen[None]):
    """The reads of a library screen's index; the screen shows what they read."""

    def __init__(self, index: LibraryIndex, view: LibraryView) -> None:
        super().__init__()
        self.index = index
        self.view = view
        self._entries: list[Entry] = []
        self._found: list[Result] = []
        """The last search's results."""
        self._total = 0
        """Briefings in the library (``_entries`` are those the facets leave)."""
        self._facets: dict[FacetKind, list[FacetCount]] = {}
        """Each facet's values, counted under the facets picked."""
        self._loads = 0
        """Reads of the list started; only the last one's is shown."""
        self._searches = 0
        """Searches started; only the last one's results are shown."""
        self._searched = 0
        """The search whose results are shown."""
        self._finding = False
        """Whether a search is running (a worker)."""
        self._keep_match = False
        """Whether the search asked for last keeps the cursor on its match."""
        self._watcher: LibraryIndex | None = None
        """The index as the folder's looks use it (:meth:`LibraryIndex.reopen`), kept:
        its :meth:`LibraryIndex.version` says whether another wrote it since."""
        self._version: object = None
        """The index's version at the last look (``None``: not looked yet)."""
        self._unmounted = False
        self._watching = False
        """Whether the folder is being looked at (a worker)."""
        self._next_look = 0.0
        """When the folder may be looked at again (``time.monotonic``)."""

    def _show(self, *, keep: bool = False) -> None:
        """Show the list (or the search's results) again (the screen's)."""
        raise NotImplementedError

    def _show_header(self) -> None:
        """Show the counts above the list (the screen's)."""
        raise NotImplementedError

    def _showing_results(self) -> bool:
        return self.view.searching and bool(self.view.query.strip())

    def reload(self) -> None:
        """Read the list from the index again (after a scan) and show it, the cursor
        on the briefing it was on."""
        self._load(keep=True)
        if self.view.searching and self.view.query.strip():
            self._search(keep=True)

    # -- reading the index (in threads) ------------------------------------------

    def _load(self, *, keep: bool) -> None:
        """Read the list (and the facets) under the facets picked, in a thread;
        ``keep``: the cursor stays on its briefing."""
        self._loads += 1
        # Counting the facets takes longer than the list: only when they are seen.
        facets = self.view.facets_shown or bool(self.view.filters.values)
        self._read(self._loads, self.view.filters, keep, facets)

    @work(thread=True, exclusive=True, group="library-read", exit_on_error=False)
    def _read(self, number: int, filters: Filters, keep: bool, with_facets: bool) -> None:
        index = self.index.reopen()
        try:
            entries = index.entries(filters)
            total = len(index.states()) if filters.values else len(entries)
            facets = index.facets(filters) if with_facets else None
        finally:
            index.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, number, entries, total, facets, keep)

    def _loaded(self, number: int, entries: list[Entry], total: int,
                facets: dict[FacetKind, list[FacetCount]] | None, keep: bool) -> None:
        if number != self._loads:
            return  # a later read is coming
        same = entries == self._entries
        self._entries = entries
        self._total = total
        if facets is not None:
            self._facets = facets
            self.query_one(FacetList).show(facets, self.view.filters)
        if same or self._showing_results():
            self._show_header()  # a large list is not made again for nothing
        else:
            self._show(keep=keep)

    def _search(self, *, keep: bool = False) -> None:
        """Search the library for what is typed, in a thread; ``keep``: the cursor
        stays on its match.

        One search runs at a time: what is typed meanwhile is searched for when it
        ends (its results, out of date, are dropped), so fast typing on a large
        library never piles up threads that slow each other down.
        """
        self._searches += 1
        self._keep_match = keep
        if not self._finding:
            self._finding = True
            self._find(self._searches, self.view.query, self.view.filters, keep)
        self._show_header()

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _find(self, number: int, query: str, filters: Filters, keep: bool) -> None:
        results: list[Result] | None = None
        try:
            index = self.index.reopen()
            try:
                results = index.search(query, limit=RESULTS, filters=filters)
            finally:
                index.close()
        finally:
            self.app.call_from_thread(self._found_results, number, results, keep)

    def _found_results(self, number: int, results: list[Result] | None,
                       keep: bool) -> None:
        self._finding = False
        if number != self._searches:  # typed on meanwhile: search for that now
            self._search(keep=self._keep_match)
            return
        self._searched = number
        self._found = results if results is not None else []
        if self._showing_results():
            self._show(keep=keep)

    def check_files(self) -> None:
        """Look at the library's folder for changes (in a thread), unless already
        looking or another screen is on top."""
        if self._watching or not self.is_current or monotonic() < self._next_look:
            return
        self._watching = True
        if self._watcher is None:
            self._watcher = self.index.reopen()
        self._watch(self._watcher, self._version)

    @work(thread=True, group="library-watch", exit_on_error=False)
    def _watch(self, index: LibraryIndex, seen: object) -> None:
        """Rescan the folder: a scan that finds nothing changed costs a ``stat`` per
        file and per article (the listing the index keeps), not a walk. The list is
        read again when the scan changed the index, or another wrote it since the
        index's version ``seen`` (another process, or the app's first scan)."""
        changed = False
        version = seen
        started = monotonic()
        try:
            version = index.version()  # before the scan: another's writes meanwhile count
            report = index.scan(wait=False)
            # A large folder is looked at less often: at most a tenth of the time.
            self._next_look = started + 10 * (monotonic() - started)
            if report.skipped:  # another process is writing: look again later
                version = seen
                return
            changed = (seen is not None and version != seen) or bool(
                report.added or report.changed or report.removed)
        finally:
            self.app.call_from_thread(self._watched, version, changed)

    def _watched(self, version: object, changed: bool) -> None:
        self._watching = False
        self._version = version
        if self._unmounted:
            self._close_watcher()
        elif changed:
            self.reload()

    def on_unmount(self) -> None:
        self._unmounted = True
        if not self._watching:  # else the look closes it when it ends (_watched)
            self._close_watcher()

    def _close_watcher(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
