"""Every briefing of a library folder in one list, and one search over them all.

The list comes from the library index (:mod:`briefing.library`): title in the
language shown, date, location, source, counts of participants and figures, tags,
and whether the file is valid (an invalid one shows its first problem; it is never
hidden). Typing narrows the list (every printable key goes to the filter, so the
screen's own keys are ``/`` and control keys); Ctrl+S sorts by date, title or path;
Ctrl+F shows the facets (:class:`FacetList`), whose values narrow the list; ``/``
searches every briefing, a row per match with its panel and an excerpt. Enter opens
the briefing (at the match, with the search going on there); the screen posts
:class:`LibraryScreen.Open` and the app does the rest.

The index is read in worker threads (:class:`LibraryReads`, the screen's base), each
with its own connection (:meth:`LibraryIndex.reopen`): a search, the list under new
facets, and the folder polled for changes (rescanned, then the list read again with
the cursor kept on its briefing), so the screen never waits for the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import RowDoesNotExist

from ..interface import interface
from ..library.entries import NO_FILTERS, FacetKind, Filters
from ..library.facets import picked_labels, toggled
from ..safe_text import one_line
from .briefing_footer import BriefingFooter
from .facet_list import FacetList
from .library_reads import RESULTS, LibraryReads, LibraryView
from .panels import panel_of, panel_spec

if TYPE_CHECKING:
    from ..library.entries import Entry
    from ..library.index import LibraryIndex

# The reads' names are kept importable from here, where they were first.
__all__ = ["FACET_NAMES", "PAGE", "POLL_SECONDS", "RESULTS", "SORTS", "LibraryScreen",
           "LibraryView"]

SORTS = ("date", "title", "path")
"""What the list can be sorted by, in the order ``s`` goes through them."""
EXCERPT = 70
"""Characters of a match's paragraph shown around it."""
MAX_COLUMN = 16
"""The widest a column other than the first gets."""
FACETS_WIDTH = 32
"""The facets' width (as in library_app.tcss)."""
POLL_SECONDS = 2.0
"""How often the library's folder is looked at for changes."""
PAGE = 100
"""Rows the list is given at a time: the first at once (read first from the index, then
the whole list in a thread), more as the cursor or the scrolling nears the last, so a
library of 10,000 briefings is shown as fast as one of a hundred."""
FACET_NAMES: dict[FacetKind, str] = {
    FacetKind.PARTICIPANT: "Participant",
    FacetKind.COUNTRY: "Country",
    FacetKind.SECTOR: "Sector",
    FacetKind.TAG: "Tag",
    FacetKind.YEAR: "Year",
}
"""Each facet's name, before a picked value (in the interface's catalogue)."""


class LibraryScreen(LibraryReads):
    """The library's briefings as a table; Enter opens one (the index read by
    :class:`LibraryReads`)."""

    # Every printable key but "/" types into the filter (see on_key), so a filter may
    # start with any letter: the other keys are control keys.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("ctrl+s", "sort", "Sort"),
        Binding("ctrl+f", "facets", "Facets"),
        Binding("escape", "clear", "Clear", show=False),
        # Shown in the footer (the app's own Ctrl+Q is not, and would win without priority).
        Binding("ctrl+q", "quit", "Quit", priority=True),
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
        super().__init__(index, view)
        self.language = language
        self._laid_out_width = 0
        """The screen's width the columns were last shared out for (0: not yet)."""
        self.t = interface(language)
        self._results: list[tuple[str, int]] = []
        """The briefing and hit of each row of a search's results."""
        self._shown_count = 0
        """Briefings in the list shown (those the filter typed leaves)."""
        self._unlisted: list[Entry] = []
        """Those not in the table yet (see :data:`PAGE`)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="library-header")
        yield Input(self.view.query, select_on_focus=False,
                    placeholder=self.t("type to filter; / searches every briefing"),
                    id="library-query")
        yield Static("", id="library-picked")
        with Horizontal(id="library-body"):
            yield FacetList(self.language, id="library-facets")
            yield DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield BriefingFooter(language=self.language)

    def on_mount(self) -> None:
        view = self.view
        first = not (view.filters.values or view.query or view.sort != "date")
        if first:  # the first rows at once; every briefing read in a thread (_load)
            self._entries, self._total = self.index.first_entries(view.row + PAGE)
        else:
            self._entries = self.index.entries(view.filters)
            self._total = len(self._entries)
        self.query_one(FacetList).display = view.facets_shown
        self._show()
        table = self.query_one(DataTable)
        self._add_rows(view.row)
        table.move_cursor(row=min(view.row, max(0, table.row_count - 1)))
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)
        if first:  # once the first rows are on the screen
            self.call_after_refresh(self._load, keep=True)
        if self.view.filters.values or self.view.facets_shown:
            self._load(keep=True)
        if self.view.searching and self.view.query.strip():
            self._search(keep=True)
        if POLL_SECONDS:
            self.set_interval(POLL_SECONDS, self.check_files, name="library-watch")

    # -- what is shown -----------------------------------------------------------

    def _show(self, *, keep: bool = False) -> None:
        """Show the list (or the search's results) again; ``keep``: the cursor stays
        on the briefing (or the match) it was on."""
        table = self.query_one(DataTable)
        was = self._cursor_key(table) if keep else None
        row = table.cursor_row
        table.clear(columns=True)
        self._unlisted = []
        if self._showing_results():
            self._show_results(table)
            keys = [f"{path}\n{number}" for path, number in self._results]
        else:
            keys = self._show_list(table)
        if keep and table.row_count:
            target = keys.index(was) if was in keys else row
            self._add_rows(target)
            table.move_cursor(row=min(target, table.row_count - 1), animate=False)
        self._show_header()

    def _cursor_key(self, table: DataTable[Content]) -> str | None:
        """What the cursor is on: a briefing's path, or a match (path and number)."""
        row = table.cursor_row
        if not 0 <= row < table.row_count:
            return None
        if self._showing_results():
            if row >= len(self._results):
                return None
            path, number = self._results[row]
            return f"{path}\n{number}"
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except RowDoesNotExist:
            return None

    def _show_header(self) -> None:
        t = self.t
        folder = one_line(self.index.root)
        shown = self._shown_count
        if self._showing_results() or shown == self._total:
            message = ("{count} briefing in {folder}" if self._total == 1
                       else "{count} briefings in {folder}")
            header = t(message, count=self._total, folder=folder)
        else:
            header = t("{shown} of {count} briefings in {folder}", shown=shown,
                       count=self._total, folder=folder)
        valid = sum(entry.valid for entry in self._entries)
        if valid != len(self._entries):
            header += " · " + t("{count} not valid", count=len(self._entries) - valid)
        header += " · " + t("sorted by {what}", what=t(self.view.sort))
        if self._showing_results() and self._searched != self._searches:
            # First, so that a long folder name never pushes it off the line.
            header = t("searching…") + " · " + header
        self.query_one("#library-header", Static).update(Content(header))
        picked = self.query_one("#library-picked", Static)
        filters = self.view.filters
        picked.display = bool(filters.values)
        if filters.values:
            values = [f"{t(FACET_NAMES[kind])}: {one_line(label)}"
                      for kind, label in picked_labels(self._facets, filters, self.language)]
            picked.update(Content(" · ".join([*values, t("Esc clears")])))

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
        self._laid_out_width = self.size.width
        width = self.size.width - (FACETS_WIDTH if self.view.facets_shown else 0)
        room = max(20, width - 2 * len(labels) - 2)
        needed = max([len(headers[flexible]), *(row[flexible].cell_length for row in rows)])
        widths[flexible] = max(20, min(needed, room - sum(widths) + widths[flexible]))
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, width=width)
        for number, row in enumerate(rows):
            table.add_row(*row, key=keys[number] if keys else None)

    def _show_list(self, table: DataTable[Content]) -> list[str]:
        """Show the briefings the filter leaves (their first :data:`PAGE`, the rest as
        they are neared: :meth:`_add_rows`; the columns are as wide as the first page
        needs); their paths, in order."""
        entries = self._shown_entries()
        keys = [entry.path for entry in entries]
        self._columns(table, ("Title", "Date", "Location", "Source", "Participants",
                              "Figures", "Tags"), self._rows(entries[:PAGE]), keys[:PAGE])
        self._unlisted = entries[PAGE:]
        self._shown_count = len(keys)
        return keys

    def _rows(self, entries: Sequence[Entry]) -> list[tuple[Content, ...]]:
        """The list's rows of ``entries``."""
        rows: list[tuple[Content, ...]] = []
        for entry in entries:
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
        return rows

    def _add_rows(self, row: int) -> None:
        """Give the table the list's rows down to ``row`` (and a page more)."""
        table = self.query_one(DataTable)
        while self._unlisted and table.row_count <= row + PAGE:
            page, self._unlisted = self._unlisted[:PAGE], self._unlisted[PAGE:]
            for entry, cells in zip(page, self._rows(page), strict=True):
                table.add_row(*cells, key=entry.path)

    def _scrolled(self, scroll_y: float) -> None:
        self._add_rows(int(scroll_y) + self.query_one(DataTable).size.height)

    @on(DataTable.RowHighlighted, "#library-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._add_rows(event.cursor_row)

    def _show_results(self, table: DataTable[Content]) -> None:
        t = self.t
        self._results = []
        rows = []
        for result in self._found:
            for number, hit in enumerate(result.hits):
                text, spans = hit.excerpt(EXCERPT)
                excerpt = Content(one_line(text))
                for start, end in spans:
                    excerpt = excerpt.stylize("bold reverse", start, end)
                panel = t(panel_spec(panel_of(hit.text.section)).title)
                title = one_line(result.entry.title_in(self.language)) if number == 0 else ""
                rows.append((Content(title), Content(panel), excerpt))
                self._results.append((result.entry.path, number))
        # The excerpt is what a search is read by: it takes the width left.
        self._columns(table, ("Title", "Panel", "Match"), rows, flexible=2)

    # -- keys ----------------------------------------------------------------------

    @on(Input.Changed, "#library-query")
    def _typed(self, event: Input.Changed) -> None:
        self.view = self.view._replace(query=event.value, row=0)
        if self._showing_results():
            self._search()
        else:
            self._show()

    @on(Input.Submitted, "#library-query")
    def _submitted(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Every printable key but ``/`` typed outside the filter goes to it, so a
        filter may start with any letter; the arrows leave it for the list."""
        character = event.character
        field = self.query_one("#library-query", Input)
        if character and character.isprintable() and character != "/":
            # A printable key reaches the screen only when the filter did not take it.
            field.focus()
            field.insert_text_at_cursor(character)
            event.stop()
        elif field.has_focus and event.key in ("down", "up", "pagedown", "pageup"):
            self.query_one(DataTable).focus()
            event.stop()

    def action_search(self) -> None:
        """Search every briefing: what is typed now is a search, a row per match."""
        self.view = self.view._replace(searching=True, row=0)
        self.query_one("#library-query", Input).placeholder = self.t("search every briefing")
        self.query_one("#library-query", Input).focus()
        if self._showing_results():
            self._search()
        self._show()

    def action_sort(self) -> None:
        """Sort by the next of date, title and path, the cursor kept on its briefing."""
        sort = SORTS[(SORTS.index(self.view.sort) + 1) % len(SORTS)]
        self.view = self.view._replace(sort=sort)
        self._show(keep=True)

    def on_resize(self, event: events.Resize) -> None:
        """The columns share out the terminal's new width."""
        if self._laid_out_width and event.size.width != self._laid_out_width:
            self._show(keep=True)

    def action_facets(self) -> None:
        """Show the facets (and go to them), or hide them."""
        shown = not self.view.facets_shown
        self.view = self.view._replace(facets_shown=shown)
        facets = self.query_one(FacetList)
        facets.display = shown
        if shown:
            facets.focus()
            self._load(keep=True)  # the counts as they are now
        else:
            self.query_one(DataTable).focus()
        self._show(keep=True)  # the columns' widths

    @on(FacetList.Picked)
    def _picked(self, event: FacetList.Picked) -> None:
        self._set_filters(toggled(self.view.filters, event.kind, event.key))

    def _set_filters(self, filters: Filters) -> None:
        self.view = self.view._replace(filters=filters, row=0)
        self.query_one(FacetList).show(self._facets, filters)  # ticked at once
        self._show_header()
        self._load(keep=True)
        if self._showing_results():
            self._search(keep=True)

    def action_clear(self) -> None:
        """Leave the facets; else forget what is typed, and the search; else the
        facets picked."""
        if self.query_one(FacetList).has_focus:
            self.action_facets()
            return
        if not self.view.query and not self.view.searching and self.view.filters.values:
            self._set_filters(NO_FILTERS)
            return
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
