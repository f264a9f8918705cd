"""The Priorities panel: sector priorities, ranked, with their initiatives."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import Section, list_items
from .briefing_panel import BriefingPanel
from .panel_id import PanelId


class PrioritiesPanel(BriefingPanel):
    """Sector priorities, most important first: ``1. Transport``, its summary, initiatives."""

    PANEL = PanelId.PRIORITIES
    EMPTY = "No priorities are listed."

    def count(self) -> int:
        return len(self.outline.entries(Section.PRIORITIES))

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        highlights = self.state.highlights
        priority = self.outline.entries(Section.PRIORITIES)[index]
        rank = f"{index + 1}. "
        indent = len(rank)
        heading = (Content.styled(rank, ".panel--accent") + self.badge(Section.PRIORITIES, index)
                   + highlights.field(priority.field("sector"), ".panel--heading"))
        strips = self.content_strips(heading, width, style)
        if priority.field("summary"):
            summary = highlights.field(priority.field("summary"))
            strips += self.content_strips(summary, width, style, indent)
        for initiative in list_items(priority, "initiatives"):
            text = highlights.field(initiative)
            bullet = self.content_strips(Content.styled("•", ".panel--accent"), 2, style)[0]
            lines = self.content_strips(text, width, style, indent + 2)
            lines[0] = Strip.join([lines[0].crop(0, indent), bullet, lines[0].crop(indent + 2)])
            strips += lines
        return strips
