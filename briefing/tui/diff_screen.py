"""What the last reload changed, in full: :class:`DiffScreen` (key ``d``)."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..diff import Change
from ..diff_view import change_lines
from .scrolling_modal import ScrollingModal


class DiffScreen(ScrollingModal):
    """The changes the file's last version made, as ``briefing diff`` prints them;
    Esc, ``q`` or ``d`` closes it."""

    BODY = "diff-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,d", "close", "Back"),
    ]

    def __init__(self, changes: list[Change], language: str) -> None:
        """Show ``changes`` (from :func:`briefing.diff.compare`) with the interface in
        ``language``."""
        super().__init__()
        self.changes = changes
        self.language = language

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.BODY):
            yield Static(Group(*change_lines(self.changes, self.language)), id="diff-text")
