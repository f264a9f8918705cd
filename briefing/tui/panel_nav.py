"""The list of panels on the left, numbered for the 1-9 keys."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ..outline import Outline
from .panels import PanelId, panel_spec, panels_for
from .viewer_state import ViewerState


class PanelNav(Widget):
    """Panel names, ``1 Summary``, ``2 Participants``...; the current one marked.

    While searching, each panel shows how many matches it holds. Clicking a name
    posts :class:`PanelNav.Chosen`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"panel-nav--current", "panel-nav--count"}

    current: reactive[str] = reactive("", layout=False)
    """Id of the panel on screen."""

    class Chosen(Message):
        """A panel name was clicked."""

        def __init__(self, panel: str) -> None:
            super().__init__()
            self.panel = panel

    outline: reactive[Outline | None] = reactive(None)
    """The briefing on screen: which panels it has."""

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.set_reactive(PanelNav.outline, state.outline)
        self.counts: dict[str, int] = {}

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show match counts per panel (empty: no search)."""
        if counts != self.counts:
            self.counts = counts
            self.refresh()

    def render(self) -> RenderResult:
        width = self.content_size.width
        # A resolved style, not ".panel-nav--current": Textual drops an opaque background
        # from a component style looked up by name.
        current = self.get_visual_style("panel-nav--current")
        lines = []
        for number, panel in enumerate(self._panels(), 1):
            line = Content(f"{number} {self.state.t(panel_spec(panel).title)}")
            count = self.counts.get(panel)
            if count:
                badge = Content.styled(f" {count}", ".panel-nav--count")
                # The count at the right edge.
                line = line.truncate(max(1, width - badge.cell_length), ellipsis=True,
                                     pad=True) + badge
            line = line.truncate(width, ellipsis=True, pad=True)
            if panel == self.current:
                line = line.stylize_before(current)
            lines.append(line)
        return Content("\n").join(lines)

    def _panels(self) -> tuple[PanelId, ...]:
        return panels_for(self.outline or self.state.outline)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        panels = self._panels()
        if 0 <= offset.y < len(panels):
            event.stop()
            self.post_message(self.Chosen(panels[offset.y]))
