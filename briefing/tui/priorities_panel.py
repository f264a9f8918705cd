"""The Priorities panel: sector priorities, ranked, with their initiatives."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from .briefing_panel import BriefingPanel
from .briefing_view import PRIORITIES


class PrioritiesPanel(BriefingPanel):
    """Sector priorities, most important first: ``1. Transport``, its summary, initiatives."""

    PANEL = PRIORITIES
    EMPTY = "No priorities are listed."

    def count(self) -> int:
        return len(self.view.briefing.priorities)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        view = self.view
        priority = view.briefing.priorities[index]
        rank = f"{index + 1}. "
        indent = len(rank)
        heading = Content.styled(rank, ".panel--accent") + view.text(
            PRIORITIES, index, "sector", priority.sector, ".panel--heading"
        )
        strips = self.content_strips(heading, width, style)
        if priority.summary is not None:
            summary = view.text(PRIORITIES, index, "summary", priority.summary)
            strips += self.content_strips(summary, width, style, indent)
        for number, initiative in enumerate(priority.initiatives):
            text = view.text(PRIORITIES, index, f"initiative{number}", initiative)
            bullet = self.content_strips(Content.styled("•", ".panel--accent"), 2, style)[0]
            lines = self.content_strips(text, width, style, indent + 2)
            lines[0] = Strip.join([lines[0].crop(0, indent), bullet, lines[0].crop(indent + 2)])
            strips += lines
        return strips
