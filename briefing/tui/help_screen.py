"""The help screen: every key of the viewer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..interface import Interface

KEY_WIDTH = 16

HelpSection = tuple[str, Sequence[tuple[str, str]]]
"""A heading and its ``(keys, what they do)`` rows."""


class HelpScreen(ModalScreen[None]):
    """Lists every key, by where it works; Esc, ``q`` or ``?`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
        # The same keys as in a panel, so a long help can be read on a small screen.
        Binding("down,j", "scroll(1)", "Next item / line down", show=False),
        Binding("up,k", "scroll(-1)", "Previous item / line up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "First item / top", show=False),
        Binding("end,G", "edge(1)", "Last item / bottom", show=False),
    ]

    def __init__(self, sections: Sequence[HelpSection], t: Interface) -> None:
        """Help listing ``sections`` (already in the interface's language), with the
        other words of the screen from ``t``."""
        super().__init__()
        self.sections = sections
        self.t = t

    def compose(self) -> ComposeResult:
        t = self.t
        lines: list[Content] = [Content.styled(t("Keys"), "bold $accent"), Content("")]
        for heading, rows in self.sections:
            lines.append(Content.styled(heading, "bold"))
            for keys, description in rows:
                lines.append(Content("  ") + Content.styled(keys.ljust(KEY_WIDTH), "$accent")
                             + Content(description))
            lines.append(Content(""))
        lines.append(Content.styled(t("The mouse works too: click panel names, rows and items."),
                                    "$text-muted"))
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(lines), id="help-text")

    @property
    def body(self) -> VerticalScroll:
        """The scrolling part of the help."""
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll ``lines`` lines down (up when negative)."""
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll a page down (up when negative)."""
        body = self.body
        body.scroll_relative(y=pages * max(1, body.scrollable_content_region.height - 1),
                             animate=False)

    def action_edge(self, end: int) -> None:
        """Go to the top (``0``) or the bottom (``1``)."""
        body = self.body
        body.scroll_to(y=body.max_scroll_y if end else 0, animate=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
