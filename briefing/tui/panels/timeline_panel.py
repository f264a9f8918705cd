"""The Timeline panel: dated events around the briefing."""

from __future__ import annotations

from textual.strip import Strip
from textual.style import Style

from ...outline import Section
from .briefing_panel import BriefingPanel
from .panel_id import PanelId


class TimelinePanel(BriefingPanel):
    """Timeline entries: the date in a column, the event beside it."""

    PANEL = PanelId.TIMELINE
    EMPTY = "No timeline is given."
    DATE_WIDTH = 12  # "YYYY-MM-DD" and two spaces

    def count(self) -> int:
        return len(self.outline.entries(Section.TIMELINE))

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        entry = self.outline.entries(Section.TIMELINE)[index]
        highlights = self.state.highlights
        event = highlights.field(entry.field("event"))
        strips = self.content_strips(event, width, style, self.DATE_WIDTH)
        date = highlights.field(entry.field("date"), ".panel--accent")
        head = self.content_strips(date, self.DATE_WIDTH, style)
        strips[0] = Strip.join([head[0], strips[0].crop(self.DATE_WIDTH)])
        return strips
