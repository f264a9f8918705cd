"""Every briefing of a library folder in one list, and one search over them all.

The list comes from the library index (:mod:`briefing.library`): title in the
language shown, date, location, source, counts of participants and figures, tags,
and whether the file is valid (an invalid one shows its first problem; it is never
hidden). Typing narrows the list; ``s`` sorts by date, title or path; ``/`` searches
every briefing, a row per match with its panel and an excerpt. Enter opens the
briefing (at the match, with the search going on there); the screen posts
:class:`LibraryScreen.Open` and the app does the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ..interface import interface
from ..safe_text import one_line
from .briefing_footer import BriefingFooter
from .panels import panel_class, panel_of

if TYPE_CHECKING:
    from ..library.entries import Entry, Result
    from ..library.index import LibraryIndex

SORTS = ("date", "title", "path")
"""What the list can be sorted by, in the order ``s`` goes through them."""
EXCERPT = 70
"""Characters of a match's paragraph shown around it."""
MAX_COLUMN = 16
"""The widest a column other than the first gets."""


class LibraryView(NamedTuple):
    """Where the reader is in the library: kept while a briefing is open."""

    query: str = ""
    """The filter typed, or the search (``searching``)."""
    searching: bool = False
    sort: str = "date"
    row: int = 0


class LibraryScreen(Screen[None]):
    """The library's briefings as a table; Enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", priority=True),
        Binding("s", "sort", "Sort"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("q", "quit", "Quit"),
    ]

    class Open(Message):
        """The reader chose a briefing (``path``, relative to the library), and the
        search to go on with in it (``query``, possibly empty)."""

        def __init__(self, path: str, query: str, view: LibraryView) -> None:
            super().__init__()
            self.path = path
            self.query = query
            self.view = view

    def __init__(self, index: LibraryIndex, language: str, view: LibraryView) -> None:
        super().__init__()
        self.index = index
        self.language = language
        self.t = interface(language)
        self.view = view
        self._entries: list[Entry] = []
        self._results: list[tuple[str, int]] = []
        """The briefing and hit of each row of a search's results."""

    def compose(self) -> ComposeResult:
        yield Static("", id="library-header")
        yield Input(self.view.query, placeholder=self.t("type to filter; / searches every "
                                                        "briefing"), id="library-query")
        yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield BriefingFooter(language=self.language)

    def on_mount(self) -> None:
        self.reload()
        table = self.query_one(DataTable)
        table.move_cursor(row=min(self.view.row, max(0, table.row_count - 1)))
        table.focus()

    def reload(self) -> None:
        """Read the list from the index again (after a scan) and show it."""
        self._entries = self.index.entries()
        self._show()

    # -- what is shown -----------------------------------------------------------

    def _show(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        t = self.t
        if self.view.searching and self.view.query.strip():
            self._show_results(table)
        else:
            self._show_list(table)
        valid = sum(entry.valid for entry in self._entries)
        header = t("{count} briefings in {folder}", count=len(self._entries),
                   folder=one_line(self.index.root))
        if valid != len(self._entries):
            header += " · " + t("{count} not valid", count=len(self._entries) - valid)
        header += " · " + t("sorted by {what}", what=t(self.view.sort))
        self.query_one("#library-header", Static).update(Content(header))

    def _shown_entries(self) -> list[Entry]:
        words = self.view.query.casefold().split()
        entries = [entry for entry in self._entries
                   if all(word in self._haystack(entry) for word in words)]
        if self.view.sort == "date":
            entries.sort(key=lambda entry: entry.date, reverse=True)
        elif self.view.sort == "title":
            entries.sort(key=lambda entry: (entry.title_in(self.language) or entry.path)
                         .casefold())
        return entries

    def _haystack(self, entry: Entry) -> str:
        return " ".join((entry.path, entry.title_in(self.language), entry.date,
                         entry.location_in(self.language), *entry.tags)).casefold()

    def _columns(self, table: DataTable[Content], labels: tuple[str, ...],
                 rows: Sequence[tuple[Content, ...]], keys: list[str] | None = None,
                 flexible: int = 0) -> None:
        """Fill ``table``: each column as wide as its text, up to :data:`MAX_COLUMN`;
        the column ``flexible`` takes what is left of the screen's width."""
        headers = [self.t(label) for label in labels]
        widths = [min(MAX_COLUMN, max([len(header), *(row[column].cell_length
                                                      for row in rows)]))
                  for column, header in enumerate(headers)]
        room = max(20, self.size.width - 2 * len(labels) - 2)
        needed = max([len(headers[flexible]), *(row[flexible].cell_length for row in rows)])
        widths[flexible] = max(20, min(needed, room - sum(widths) + widths[flexible]))
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, width=width)
        for number, row in enumerate(rows):
            table.add_row(*row, key=keys[number] if keys else None)

    def _show_list(self, table: DataTable[Content]) -> None:
        rows, keys = [], []
        for entry in self._shown_entries():
            if entry.valid:
                title = Content(one_line(entry.title_in(self.language)))
            else:
                problem = entry.problem.message if entry.problem else ""
                title = Content.styled(one_line(f"✗ {entry.path}: {problem}"), "$error")
            rows.append((
                title, Content(one_line(entry.date)),
                Content(one_line(entry.location_in(self.language))),
                Content(one_line(entry.outlet_in(self.language))),
                Content(str(entry.participants)), Content(str(entry.figures)),
                Content(one_line(" ".join(f"#{tag}" for tag in entry.tags)))))
            keys.append(entry.path)
        self._columns(table, ("Title", "Date", "Location", "Source", "Participants",
                              "Figures", "Tags"), rows, keys)

    def _show_results(self, table: DataTable[Content]) -> None:
        t = self.t
        self._results = []
        rows = []
        results: list[Result] = self.index.search(self.view.query, limit=50)
        for result in results:
            for number, hit in enumerate(result.hits):
                text, spans = hit.excerpt(EXCERPT)
                excerpt = Content(one_line(text))
                for start, end in spans:
                    excerpt = excerpt.stylize("bold reverse", start, end)
                panel = t(panel_class(panel_of(hit.text.section)).TITLE)
                title = one_line(result.entry.title_in(self.language)) if number == 0 else ""
                rows.append((Content(title), Content(panel), excerpt))
                self._results.append((result.entry.path, number))
        # The excerpt is what a search is read by: it takes the width left.
        self._columns(table, ("Title", "Panel", "Match"), rows, flexible=2)

    # -- keys ----------------------------------------------------------------------

    @on(Input.Changed, "#library-query")
    def _typed(self, event: Input.Changed) -> None:
        self.view = self.view._replace(query=event.value, row=0)
        self._show()

    @on(Input.Submitted, "#library-query")
    def _submitted(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the list goes to the filter (as in the viewer's search)."""
        character = event.character
        table = self.query_one(DataTable)
        if table.has_focus and character and character.isprintable() and \
                character not in ("s", "q", "/", " "):
            field = self.query_one("#library-query", Input)
            field.focus()
            field.insert_text_at_cursor(character)
            event.stop()

    def action_search(self) -> None:
        """Search every briefing: what is typed now is a search, a row per match."""
        self.view = self.view._replace(searching=True, row=0)
        self.query_one("#library-query", Input).placeholder = self.t("search every briefing")
        self.query_one("#library-query", Input).focus()
        self._show()

    def action_sort(self) -> None:
        """Sort by the next of date, title and path."""
        sort = SORTS[(SORTS.index(self.view.sort) + 1) % len(SORTS)]
        self.view = self.view._replace(sort=sort)
        self._show()

    def action_clear(self) -> None:
        """Forget what is typed, and the search."""
        self.view = self.view._replace(query="", searching=False, row=0)
        field = self.query_one("#library-query", Input)
        field.value = ""
        field.placeholder = self.t("type to filter; / searches every briefing")
        self.query_one(DataTable).focus()
        self._show()

    def action_quit(self) -> None:
        """Leave the library."""
        self.app.exit(None)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        row = event.cursor_row
        view = self.view._replace(row=row)
        if self.view.searching and self.view.query.strip():
            if 0 <= row < len(self._results):
                path, _ = self._results[row]
                self.post_message(self.Open(path, self.view.query, view))
            return
        key = event.row_key.value
        entry = next((entry for entry in self._entries if entry.path == key), None)
        if entry is None:
            return
        if not entry.valid:
            problem = entry.problem.message if entry.problem else ""
            self.notify(one_line(self.t("{path} is not a valid briefing: {problem}",
                                        path=entry.path, problem=problem)), markup=False,
                        severity="warning")
            return
        self.post_message(self.Open(entry.path, "", view))
