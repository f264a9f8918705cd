"""The search bar: a query box, the ``k/N`` match counter, and the search itself."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from .messages import SearchDone, SearchFound
from .search_session import SearchSession
from .viewer_state import ViewerState

if TYPE_CHECKING:
    from ..search import Found as Result
    from ..search import Match


class SearchInput(Input):
    """The query box: Textual's Input, whose growing text does not lay out the screen.

    Input keeps the width of its text as its virtual size, a reactive that lays out
    the whole screen when it changes: on every key typed. The box has a fixed width
    and scrolls its own text, so it repaints only itself.
    """

    virtual_size = Reactive(Size(0, 0), layout=False)


class SearchBar(Horizontal):
    """``/`` opens it; typing searches; Enter keeps the matches, Esc clears them.

    The bar keeps the search (its query, matches and current match) and posts
    :class:`~briefing.tui.messages.SearchFound` whenever they change; the screen shows them.
    """

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.session = SearchSession(state)
        self.panel = ""
        """The panel on screen: a new query's first match is the first from there on."""
        self.input = SearchInput(placeholder=state.t("search every panel and language"),
                                 id="search-input", select_on_focus=False)
        """The query box."""
        self.counter = Static(Content(""), id="search-count")

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield self.input
        yield self.counter

    def open(self) -> None:
        """Show the bar, and build the search index while the reader types."""
        self.display = True
        if not self.session.ready:
            # A big briefing's index takes a moment: build it while the reader types.
            self.run_worker(self.session.prepare, thread=True, group="search-index",
                            exclusive=True)

    def query_changed(self, query: str) -> None:
        """Search as the query box changes (its value is watched, not Input.Changed,
        so the typed character and its matches reach the screen together)."""
        if query != self.session.query:
            self.search(query)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.clear()
            return
        self.post_message(SearchDone())

    def search(self, query: str) -> None:
        """Search for ``query`` and go to the first match from the current panel on.

        In a very long briefing (:attr:`SearchSession.deferred`) a thread searches, and
        the counter says so meanwhile: keys keep being handled.
        """
        session = self.session
        if not session.deferred:
            session.search(query, self.panel or None)
            self._found(session.current, focus=False)
            return
        self.counter.update(Content("…"), layout=False)
        self.run_worker(partial(self._find, query, self.panel or None), thread=True,
                        group="search", exclusive=True)

    def _find(self, query: str, panel: str | None) -> None:
        """Find ``query`` (in a worker thread), then show it unless the query changed."""
        found = self.session.find(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_found, query, found, panel)

    def _show_found(self, query: str, found: Result | None, panel: str | None) -> None:
        if query != self.input.value:
            return  # typed on: the search for the new query follows
        self.session.show(query, found, panel)
        self._found(self.session.current, focus=False)

    def _found(self, go_to: Match | None, *, focus: bool) -> None:
        session = self.session
        self.show_count()
        self.post_message(SearchFound(session.spans, session.current,
                                     session.counts_by_panel(), go_to, focus))

    def step(self, delta: int) -> bool:
        """Go ``delta`` matches forward (or back); False when there is nothing to go to."""
        session = self.session
        match = session.step(delta)
        self.show_count()
        if match is None:
            return False
        self._found(match, focus=not self.input.has_focus)
        return True

    @property
    def active(self) -> bool:
        """Whether there is a query."""
        return bool(self.session.query.strip())

    def clear(self) -> None:
        """Forget the search: no matches, the bar hidden."""
        if not self.display and not self.session.query:
            return
        self.session.clear()
        self.input.value = ""
        self.display = False
        self._found(None, focus=True)

    def refresh_search(self) -> None:
        """The briefing changed: search its new text for the same query, at the same
        match number if it still exists."""
        session = self.session
        session.invalidate()
        if not session.query:
            return
        number = session.position
        session.search(session.query)
        if number is not None and session.matches:
            session.position = min(number, len(session.matches) - 1)
        self._found(None, focus=False)

    def show_count(self) -> None:
        """Show where the reader is among the matches (``3/17``, ``0/0 no matches``)."""
        t = self.state.t
        # The counter has a fixed width, so no layout is needed.
        self.counter.update(Content(self.session.counter(t("no matches"))), layout=False)

    def show_language(self) -> None:
        """The language on screen changed: the bar's own words follow it."""
        self.input.placeholder = self.state.t("search every panel and language")
        self.show_count()
