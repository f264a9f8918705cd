"""The viewer of one briefing file: :class:`BriefingScreen` and the file behind it.

The apps show it (``briefing FILE``) or push it (a briefing opened from the
library). It owns what belongs to one file: its outline in each language shown,
live reload (a timer polls the file; a worker thread reads it again), the evidence
check (a worker thread), and what the last reload changed. It sets the reactives
that :class:`BriefingScreen` draws (``outline``, ``problems``, ``deleted``,
``evidence``). Its timer and workers end with it: closing it (Esc, back to the
library) leaves nothing running.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import on, work

from ..errors import BriefingError
from ..loader import load, read_article
from ..outline import Outline
from .briefing_screen import BriefingScreen
from .messages import (
    BriefingReloaded,
    EvidenceChecked,
    LanguageRequested,
    ReloadFailed,
    SearchDone,
)
from .viewer_state import Outlines, long_lived

if TYPE_CHECKING:
    from ..diff import Change
    from ..model import Briefing

POLL_SECONDS = 0.5
"""How often the file is checked for changes."""


def file_signature(path: Path) -> tuple[int, int] | None:
    """``(mtime_ns, size)`` of ``path`` (``None`` if unreadable): what live reload polls."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class OpenedBriefing(NamedTuple):
    """A briefing file read for the viewer: its outline, and the change signature of
    the file (and its article) taken before they were read."""

    path: Path
    outline: Outline
    signature: tuple[object, ...]


def open_briefing(path: Path, briefing: Briefing | None = None,
                  language: str | None = None) -> OpenedBriefing:
    """Read the briefing at ``path`` (unless ``briefing`` was read from it already) and
    its article, and make its outline in ``language`` (default: the briefing's own).

    Raises :class:`BriefingError` if the file is invalid. It can run in a worker thread.
    """
    signature = file_signature(path)  # before reading: a change while reading shows
    if briefing is None:
        briefing = load(path)
    article = briefing.source_text_path
    signatures = (signature, file_signature(article) if article is not None else None)
    with long_lived():
        outline = Outline(briefing, language, read_article(article))
    return OpenedBriefing(path, outline, signatures)


class ViewerScreen(BriefingScreen):
    """One briefing file on screen, reloaded when it changes on disk."""

    def __init__(self, opened: OpenedBriefing, *, poll_seconds: float | None = POLL_SECONDS,
                 query: str = "") -> None:
        """Show ``opened``; ``poll_seconds`` is how often to check the file for changes
        (``None`` turns live reload off); ``query`` is searched for at once (a search
        of the library goes on in the briefing)."""
        outlines = Outlines(opened.outline)
        super().__init__(opened.outline, outlines)
        self.path = opened.path
        self.outlines = outlines
        """The briefing in each language shown so far (shared with the panels)."""
        self.poll_seconds = poll_seconds
        self.initial_query = query
        self.version = 0
        """Grows each time a new version of the file is loaded."""
        self.changes: list[Change] = []
        """What the last version of the file read again changed (``d`` shows it)."""
        self._signature = opened.signature
        """The change signature of the version on screen, or being read."""
        self._reads = 0
        """How many reads live reload has started; only the last one's result is shown."""

    def on_mount(self) -> None:
        # After the first screen is drawn: the check never delays it.
        self.call_after_refresh(self.check_evidence)
        if self.poll_seconds is not None:
            self.set_interval(self.poll_seconds, self.check_file, name="live-reload")
        if self.initial_query:
            self.call_after_refresh(self._search_at_once)

    def _search_at_once(self) -> None:
        """Search for :attr:`initial_query`, as if typed, and leave the search bar."""
        self.action_search()
        bar = self.search_bar
        # Typed into the box: the box's watcher searches, as for a key.
        bar.input.value = self.initial_query
        bar.post_message(SearchDone())

    # ------------------------------------------------------------------ language

    @on(LanguageRequested)
    def _language_requested(self, event: LanguageRequested) -> None:
        event.stop()
        self.show_language(event.language)

    def show_language(self, language: str | None) -> None:
        """Show the briefing in ``language`` (``None``: the next of its languages)."""
        languages = self.outline.languages
        current = self.outline.language
        if language is None:  # the next one
            if len(languages) < 2:
                self.notify(self.state.t("This briefing has one language only."),
                            markup=False)
                return
            index = languages.index(current) if current in languages else 0
            language = languages[(index + 1) % len(languages)]
        if language in languages and language != current:
            self.outline = self.outlines.in_language(self.outline, language)

    # ------------------------------------------------------------------ evidence

    def check_evidence(self) -> None:
        """Check the evidence of the briefing on screen against its article, in a thread."""
        self._check_evidence(self.outline)

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False)
    def _check_evidence(self, outline: Outline) -> None:
        from ..evidence import check_evidence
        from .evidence_marks import EvidenceMarks

        marks = EvidenceMarks(check_evidence(outline), outline)
        marks.place_passages()  # here, not when the Source panel is first drawn
        self.post_message(EvidenceChecked(marks, outline))

    @on(EvidenceChecked)
    def _evidence_checked(self, event: EvidenceChecked) -> None:
        outline = event.outline
        if outline.briefing is self.outline.briefing and outline.article is self.outline.article:
            self.evidence = event.marks
        # else: a newer version is on screen, and being checked.

    # ------------------------------------------------------------------ live reload

    def _file_signature(self, briefing: Briefing) -> tuple[object, ...]:
        """What changes when the file (or its article) changes."""
        article = briefing.source_text_path
        return (file_signature(self.path), file_signature(article) if article else None)

    def check_file(self) -> None:
        """Reload the file if it changed on disk since last looked at."""
        signature = self._file_signature(self.outline.briefing)
        if signature != self._signature:
            self._signature = signature
            self._reads += 1
            self.reload(self._reads, self.outline.briefing.source_text_path)

    @work(thread=True, exclusive=True, group="reload")
    def reload(self, read: int, article: Path | None = None) -> None:
        """Load the file again (in a thread: a big file must not freeze the screen),
        as read number ``read``; ``article`` is the article of the version on screen.

        Each signature is taken before its file is read, so a change made while
        reading is seen at the next poll. A thread cannot be stopped: a read that
        a later one supersedes (the group is exclusive) still ends, and its
        message is dropped (see :meth:`_superseded`).
        """
        signature = file_signature(self.path)
        try:
            briefing = load(self.path)
        except BriefingError as error:
            problems = tuple(str(problem) for problem in error.problems)  # made visible
            self.post_message(ReloadFailed(
                problems, deleted=not os.path.lexists(self.path), read=read,
                signature=(signature, file_signature(article) if article else None)))
            return
        article = briefing.source_text_path
        signature_both = (signature, file_signature(article) if article else None)
        self.post_message(BriefingReloaded(briefing, read_article(article), read=read,
                                           signature=signature_both))

    def _superseded(self, read: int) -> bool:
        """Whether a read later than ``read`` has started: its result is newer."""
        return read != self._reads

    @on(BriefingReloaded)
    def _reloaded_file(self, event: BriefingReloaded) -> None:
        if self._superseded(event.read):
            return
        self._signature = event.signature
        with long_lived():
            outline = Outline(event.briefing, self.outline.language, event.article)
        self._note_changes(self.outline, outline)
        self.outline = outline
        self.deleted = False
        self.problems = ()
        self.version += 1
        self.check_evidence()

    def _note_changes(self, old: Outline, new: Outline) -> None:
        """Say what the new version changed (``d`` shows it in full)."""
        from ..diff import changes_note, compare

        changes = compare(old, new)
        if changes:
            self.changes = changes
            t = self.state.t
            self.notify(t("The file changed: {changes}", changes=changes_note(changes, t)),
                        markup=False)

    @on(ReloadFailed)
    def _reload_failed(self, event: ReloadFailed) -> None:
        if self._superseded(event.read):
            return
        self._signature = event.signature
        # The error bar says it all; a notification as well would cover it.
        self.deleted = event.deleted
        self.problems = event.problems
