"""The search bar: a query box and the ``k/N`` match counter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """``/`` opens it; typing searches; Enter keeps the matches, Esc clears them."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.input = Input(placeholder="search every panel and language", id="search-input",
                           select_on_focus=False)
        """The query box."""
        self.counter = Static(Content(""), id="search-count")

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt")
        yield self.input
        yield self.counter

    def set_count(self, text: str) -> None:
        """Show ``text`` (``3/17``, ``0/0 no matches``) beside the query."""
        # The counter has a fixed width, so no layout is needed.
        self.counter.update(Content(text), layout=False)
