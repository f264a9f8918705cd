"""The help screen: every key of the viewer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ..interface import Interface
from .scrolling_modal import ScrollingModal

KEY_WIDTH = 16

HelpSection = tuple[str, Sequence[tuple[str, str]]]
"""A heading and its ``(keys, what they do)`` rows."""


class HelpScreen(ScrollingModal):
    """Lists every key, by where it works; Esc, ``q`` or ``?`` closes it."""

    BODY = "help-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
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
