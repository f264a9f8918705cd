"""What the viewer's widgets share: the outline on screen and the search highlights."""

from __future__ import annotations

from collections.abc import Hashable

from ..interface import Interface, interface
from ..outline import Outline, TextKey
from .highlights import Highlights


class ViewerState:
    """The briefing's outline in the language on screen, and its search highlights.

    The screen replaces the outline (:meth:`show`) when the language changes or
    a new version of the file is loaded; the panels read it when they draw.
    """

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.highlights = Highlights()
        self.layout_generation = 0
        """Grows when the text changes (new briefing, other language): sizes are stale."""

    def show(self, outline: Outline) -> None:
        """Show ``outline`` from now on."""
        if outline is not self.outline:
            self.outline = outline
            self.layout_generation += 1

    @property
    def t(self) -> Interface:
        """The interface's words, in the language on screen."""
        return interface(self.outline.language)

    def language_of(self, key: Hashable) -> str | None:
        """The language of an indexed text, so search stems it with the right rules."""
        if isinstance(key, TextKey):
            return key.language or self.outline.briefing.language
        return None
