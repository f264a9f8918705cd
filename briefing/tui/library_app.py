"""``briefing library [DIR]``: the library screen, with its index brought up to date,
and the briefings opened from it, in one app.

The app shows :class:`LibraryScreen` at once from the index as it is, updates the
index in a worker (a scan reads only files that changed) and shows the list again
when it is done. Enter there opens the briefing over the list (a
:class:`ViewerScreen`, read in a worker), at the match and with the search going
on when it was chosen from a search; Esc there (with nothing left to clear) closes
it, and the list is as it was: its row, its filter, its sort. Being one app, it is
served in one browser session by ``briefing serve DIR``.
"""

from __future__ import annotations

import gc
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on, work
from textual.screen import Screen
from textual.worker import get_current_worker

from ..errors import BriefingError
from ..interface import locale_language
from ..library.index import LibraryIndex
from ..safe_text import one_line
from .library_screen import LibraryScreen, LibraryView
from .messages import BackRequested
from .viewer_app import ViewerApp
from .viewer_screen import POLL_SECONDS, OpenedBriefing, ViewerScreen, open_briefing


class LibraryApp(ViewerApp):
    """The library of one folder, and the briefing opened from it."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        "briefing_app.tcss", "library_app.tcss"]

    def __init__(self, index: LibraryIndex, language: str | None = None, *,
                 scan: bool = True, poll_seconds: float | None = POLL_SECONDS) -> None:
        """The library of ``index``, its list and the briefings opened from it shown in
        ``language`` (default: the locale's, Russian or English) where a briefing has
        it, otherwise in the briefing's own; ``scan``: bring the index up to date first
        (in a worker); ``poll_seconds``: how often an open briefing is checked for
        changes (``None``: never)."""
        super().__init__()
        self.index = index
        self.interface_language = language or locale_language()
        """The list's language, and the one briefings are opened in when they have it."""
        self.scan = scan
        self.poll_seconds = poll_seconds
        self.library = LibraryScreen(index, self.interface_language, LibraryView())
        """The library's list (under the briefing open, if one is)."""

    def get_default_screen(self) -> Screen[None]:
        return self.library

    def on_mount(self) -> None:
        if self.scan:  # once the list is on the screen: the scan's thread would slow it
            self.call_after_refresh(self._scan)

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self) -> None:
        """Update the index from the folder; another process updating it is left to it."""
        from ..library.sqlite_index import open_library

        # SQLite connections belong to their thread: the scan opens its own.
        index = open_library(self.index.root)
        try:
            index.scan(wait=False)
        finally:
            index.close()
        self.call_from_thread(self.library.reload)

    # ------------------------------------------------------------------ briefings

    @on(LibraryScreen.Open)
    def _open(self, event: LibraryScreen.Open) -> None:
        self._read(event.path, event.query)

    @work(thread=True, exclusive=True, group="open")
    def _read(self, name: str, query: str) -> None:
        """Read the briefing chosen (in a thread: a big one must not freeze the list)."""
        try:
            opened = open_briefing(Path(self.index.root) / name,
                                   language=self.interface_language)
        except BriefingError as error:  # changed since the list was read
            self.call_from_thread(self._unreadable, name, error)
            return
        if not get_current_worker().is_cancelled:  # another was chosen meanwhile
            self.call_from_thread(self._show, opened, query)

    def _show(self, opened: OpenedBriefing, query: str) -> None:
        if self.viewer is None:  # not opened twice by a double Enter
            self.push_screen(ViewerScreen(opened, poll_seconds=self.poll_seconds,
                                          query=query))

    def _unreadable(self, name: str, error: BriefingError) -> None:
        problem = error.problems[0].message if error.problems else str(error)
        self.notify(one_line(self.t("{path} is not a valid briefing: {problem}",
                                    path=name, problem=problem)),
                    markup=False, severity="warning")

    @on(BackRequested)
    async def _back(self) -> None:
        """Esc in the briefing with nothing left to clear: back to the list as it was."""
        if isinstance(self.screen, ViewerScreen):
            await self.pop_screen()
            # The briefing's outline was made out of the collector's way (long_lived
            # freezes what exists then), and its screen's widgets refer to each other:
            # only the collector frees them, once they are let back in its reach.
            gc.unfreeze()
            gc.collect()
            gc.freeze()  # what is left lives as long as the app
            self.library.refresh_bindings()  # its footer, now on top again
