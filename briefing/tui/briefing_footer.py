"""The footer: the keys of the screen on show, described in the interface's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Footer, Label

from ..interface import interface
from ..outline import Outline


class BriefingFooter(Footer):
    """Textual's footer, its key descriptions translated into the language on screen.

    Bindings are declared once, in English, on their classes; the footer looks
    each description up in the interface's catalogue as it composes.
    """

    outline: reactive[Outline | None] = reactive(None, recompose=True)
    """The briefing on screen: its language is the footer's (bound to the screen's)."""

    def compose(self) -> ComposeResult:
        t = interface(self.outline.language if self.outline is not None else "en")
        # Textual's footer yields its (private) FooterKey widgets, which keep their
        # description in an attribute, and a Label for a group of keys.
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str):
                widget.description = t.known(description)  # type: ignore[attr-defined]
            elif isinstance(widget, Label):
                widget.update(t.known(str(widget.content)))
            yield widget
