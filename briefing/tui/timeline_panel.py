"""The Timeline panel: dated events around the briefing."""

from __future__ import annotations

from textual.strip import Strip
from textual.style import Style

from .briefing_panel import BriefingPanel
from .briefing_view import TIMELINE


class TimelinePanel(BriefingPanel):
    """Timeline entries: the date in a column, the event beside it."""

    PANEL = TIMELINE
    EMPTY = "No timeline is given."
    DATE_WIDTH = 12  # "YYYY-MM-DD" and two spaces

    def count(self) -> int:
        return len(self.view.briefing.timeline)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        entry = self.view.briefing.timeline[index]
        event = self.view.text(TIMELINE, index, "event", entry.event)
        strips = self.content_strips(event, width, style, self.DATE_WIDTH)
        date = self.view.text(TIMELINE, index, "date", str(entry.date), ".panel--accent")
        head = self.content_strips(date, self.DATE_WIDTH, style)
        strips[0] = Strip.join([head[0], strips[0].crop(self.DATE_WIDTH)])
        return strips
