"""``briefing library [DIR]``: the library screen, with its index brought up to date.

The app shows :class:`LibraryScreen` at once from the index as it is, updates the
index in a worker (a scan reads only files that changed) and shows the list again
when it is done. Its result is the briefing the reader chose (and the search to go
on with in it), or ``None``; the command line opens that briefing in the viewer
and, when the reader comes back (Esc), this app again where they left it.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from textual import on, work
from textual.app import App
from textual.screen import Screen

from ..library.index import LibraryIndex
from .library_screen import LibraryScreen, LibraryView


class LibraryChoice(NamedTuple):
    """A briefing chosen in the library, the search to go on with, and where the
    reader was in the list."""

    path: Path
    query: str
    view: LibraryView


class LibraryApp(App[LibraryChoice | None]):
    """The library of one folder."""

    CSS_PATH = "library_app.tcss"
    TITLE = "briefing"

    def __init__(self, index: LibraryIndex, language: str = "en",
                 view: LibraryView | None = None, *, scan: bool = True) -> None:
        """The library of ``index`` with the interface in ``language``, at ``view``;
        ``scan``: bring the index up to date first (in a worker)."""
        super().__init__()
        self.index = index
        self.language = language
        self.view = view or LibraryView()
        self.scan = scan

    def get_default_screen(self) -> Screen[None]:
        return LibraryScreen(self.index, self.language, self.view)

    def on_mount(self) -> None:
        if self.scan:
            self._scan()

    @work(thread=True, exclusive=True)
    def _scan(self) -> None:
        """Update the index from the folder; another process updating it is left to it."""
        from ..library.sqlite_index import open_library

        # SQLite connections belong to their thread: the scan opens its own.
        index = open_library(self.index.root)
        try:
            index.scan(wait=False)
        finally:
            index.close()
        self.call_from_thread(self._scanned)

    def _scanned(self) -> None:
        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.reload()

    @on(LibraryScreen.Open)
    def _open(self, event: LibraryScreen.Open) -> None:
        self.exit(LibraryChoice(Path(self.index.root) / event.path, event.query, event.view))
