"""What the viewer's widgets share: the outline on screen and the search highlights."""

from __future__ import annotations

import gc
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..interface import Interface, interface
from ..outline import Outline, TextKey
from .highlights import Highlights

if TYPE_CHECKING:
    from .evidence_marks import EvidenceMarks


@contextmanager
def long_lived() -> Iterator[None]:
    """Make what lives as long as the viewer (an outline, the search index) without the
    cyclic garbage collector, and move it out of the collector's way once made.

    Making the outline of a big briefing allocates a million objects, and the
    collector would walk them again and again as they are made (as the loader does,
    it is paused meanwhile); once made, every full collection would walk them again,
    100-300 ms every few keystrokes, unless they are frozen (``gc.freeze``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def started() -> None:
    """The viewer has painted its first screen: from now on the cyclic garbage collector
    runs, if the command line left it off while the viewer started.

    Collecting while Textual's modules load and the first screen is made walks the
    same new objects again and again: about 100 ms of a start-up of 500. What exists
    by now lives as long as the viewer, so it is frozen out of the collector's way.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class Outlines:
    """One briefing's outline in each language shown so far, each made once.

    An outline of a big briefing takes a good part of a second to make (5,000
    participants), and search may switch languages on a keystroke and back on the
    next. The app and its screens share one of these, so that a switch makes its
    outline once, and a language shown before is shown again at once.
    """

    def __init__(self, outline: Outline) -> None:
        self._lock = threading.Lock()
        self._outlines = {outline.language: outline}
        self._of = (outline.briefing, outline.article)

    def in_language(self, outline: Outline, language: str) -> Outline:
        """``outline`` in ``language`` (another briefing than before: forget those)."""
        if language == outline.language:
            return outline
        with self._lock:
            briefing, article = self._of
            if outline.briefing is not briefing or outline.article is not article:
                self._outlines = {outline.language: outline}
                self._of = (outline.briefing, outline.article)
            made = self._outlines.get(language)
            if made is None:
                with long_lived():
                    made = self._outlines[language] = outline.in_language(language)
            return made


class ViewerState:
    """The briefing's outline in the language on screen, and its search highlights.

    The screen replaces the outline (:meth:`show`) when the language changes or
    a new version of the file is loaded; the panels read it when they draw.
    """

    def __init__(self, outline: Outline, outlines: Outlines | None = None) -> None:
        self.outline = outline
        self.outlines = outlines if outlines is not None else Outlines(outline)
        """The briefing in the other languages (shared with the app)."""
        self.highlights = Highlights()
        self.evidence: EvidenceMarks | None = None
        """The last evidence check (the screen sets it when the app's changes)."""

    def evidence_marks(self) -> EvidenceMarks | None:
        """The evidence check of the briefing and article on screen; None until it
        is made (at start-up, and for a moment after each reload)."""
        marks = self.evidence
        if marks is None or marks.briefing is not self.outline.briefing or (
                marks.article is not self.outline.article):
            return None
        return marks

    def show(self, outline: Outline) -> None:
        """Show ``outline`` from now on."""
        self.outline = outline

    def in_language(self, language: str) -> Outline:
        """The outline on screen in ``language`` (made once per language)."""
        return self.outlines.in_language(self.outline, language)

    @property
    def t(self) -> Interface:
        """The interface's words, in the language on screen."""
        return interface(self.outline.language)

    def language_of(self, key: Hashable) -> str | None:
        """The language of an indexed text, so search stems it with the right rules."""
        if isinstance(key, TextKey):
            return key.language or self.outline.briefing.language
        return None
