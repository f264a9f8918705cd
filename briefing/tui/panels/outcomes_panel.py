"""The Outcomes panel: what was agreed or decided."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import ITEM, Section
from .briefing_panel import BriefingPanel
from .panel_id import PanelId


class OutcomesPanel(BriefingPanel):
    """Outcomes, numbered, each wrapped under its number."""

    PANEL = PanelId.OUTCOMES
    TITLE = "Outcomes"
    SECTIONS = (Section.OUTCOMES,)
    ALWAYS = False
    EMPTY = "No outcomes are listed."

    def count(self) -> int:
        return len(self.outline.entries(Section.OUTCOMES))

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        outcome = self.outline.entries(Section.OUTCOMES)[index]
        number = f"{index + 1}. "
        text = self.state.highlights.field(outcome.field(ITEM))
        strips = self.content_strips(text, width, style, len(number))
        head = self.content_strips(Content.styled(number, ".panel--accent"), len(number), style)
        strips[0] = Strip.join([head[0], strips[0].crop(len(number))])
        return strips
