"""The footer: the keys of the screen on show, described in the interface's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Label

# Private to Textual, as the descriptions this footer translates are: the footer's keys.
from textual.widgets._footer import FooterKey

from ..interface import interface
from ..outline import Outline


class BriefingFooter(Footer):
    """Textual's footer, its key descriptions translated into the language on screen.

    Bindings are declared once, in English, on their classes; the footer looks
    each description up in the interface's catalogue as it composes.

    Textual's footer makes its keys again on every change of the screen's
    bindings: whenever the focus moves, which happens several times while the
    viewer starts. This one does only when what it shows would change (the keys,
    their descriptions, whether they are enabled, the language).
    """

    outline: reactive[Outline | None] = reactive(None)
    """The briefing on screen: its language is the footer's (bound to the screen's)."""

    def __init__(self, outline: Outline | None = None, *, language: str = "en") -> None:
        """A footer in the language of ``outline`` (bound to the screen's); a screen
        without a briefing gives its ``language`` instead."""
        super().__init__()
        self.language = language
        # Set before the first compose, so that it is in the right language at once.
        self.set_reactive(BriefingFooter.outline, outline)
        self._composed: tuple[object, ...] | None = None
        """What the keys on show were made from (see :meth:`_shown`)."""
        self._pending = False
        """Whether the keys will be made again after the next refresh."""
        self._english: list[tuple[FooterKey | Label, str]] = []
        """The keys and group labels made last, each with its text in English."""

    def _language(self) -> str:
        return self.outline.language if self.outline is not None else self.language

    def _shown(self, screen: Screen[object]) -> tuple[object, ...]:
        """Everything Textual's :meth:`Footer.compose` reads to make the keys."""
        app = self.app
        bindings = screen.active_bindings
        keys = tuple((binding, app.get_key_display(binding), enabled, tooltip)
                     for _, binding, enabled, tooltip in bindings.values() if binding.show)
        palette = bindings.get(app.COMMAND_PALETTE_BINDING)
        shows_palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return (self._language(), keys, shows_palette,
                palette[1:] if palette is not None and shows_palette else None)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual's, but it makes the keys again only if they would change, and once
        # for changes that come together (the first, while mounting, included).
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if screen is not screen.app.screen:
            # Under another screen (the library's, under a briefing opened from it): its
            # keys are made again, if they changed, when it is back on top. (Each time
            # they are made, Textual keeps the old keys alive, bound to the footer.)
            return
        if self._pending or self._shown(screen) == self._composed:
            return  # made again soon, as they will be then; or they stay as they are
        self._pending = True
        self.call_after_refresh(self._make_keys)

    async def _make_keys(self) -> None:
        self._pending = False
        await self.recompose()

    def watch_outline(self) -> None:
        """Another language, or a new version with another number of panels (``1-7``):
        the keys follow (a language shown already, or the same keys, change nothing)."""
        if self._composed is None:
            return
        shown = self._shown(self.screen)
        if shown == self._composed:
            return
        if shown[1:] == self._composed[1:]:
            # The same keys in another language: their words change in place (making
            # them again takes a good part of a language switch).
            self._composed = shown
            t = interface(self._language())
            for widget, english in self._english:
                if isinstance(widget, FooterKey):
                    widget.description = t.known(english)
                    widget.refresh(layout=True)
                else:
                    widget.update(t.known(english))
        else:
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        t = interface(self._language())
        if self._bindings_ready:
            self._composed = self._shown(self.screen)
        # Textual's footer yields its (private) FooterKey widgets, which keep their
        # description in an attribute, and a Label for a group of keys.
        self._english = []
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                self._english.append((widget, widget.description))
                widget.description = t.known(widget.description)
                if not widget.has_class("-command-palette"):  # Textual binds all but it
                    # Made in the footer's style, not compact then changed by the data
                    # binding once mounted: each change restyles the key.
                    widget.set_reactive(FooterKey.compact, self.compact)
                    widget.set_class(self.compact, "-compact", update=False)
            elif isinstance(widget, Label):
                self._english.append((widget, str(widget.content)))
                widget.update(t.known(str(widget.content)))
            yield widget
