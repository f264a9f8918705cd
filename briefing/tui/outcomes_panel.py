"""The Outcomes panel: what was agreed or decided."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from .briefing_panel import BriefingPanel
from .briefing_view import OUTCOMES


class OutcomesPanel(BriefingPanel):
    """Outcomes, numbered, each wrapped under its number."""

    PANEL = OUTCOMES
    EMPTY = "No outcomes are listed."

    def count(self) -> int:
        return len(self.view.briefing.outcomes)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        outcome = self.view.briefing.outcomes[index]
        number = f"{index + 1}. "
        text = self.view.text(OUTCOMES, index, "text", outcome)
        strips = self.content_strips(text, width, style, len(number))
        head = self.content_strips(Content.styled(number, ".panel--accent"), len(number), style)
        strips[0] = Strip.join([head[0], strips[0].crop(len(number))])
        return strips
