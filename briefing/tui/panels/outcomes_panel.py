"""The Outcomes panel: what was agreed or decided."""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import ITEM, Section
from .briefing_panel import BriefingPanel, text_height
from .panel_id import PanelId


class OutcomesPanel(BriefingPanel):
    """Outcomes, numbered, each wrapped under its number."""

    PANEL = PanelId.OUTCOMES
    EMPTY = "No outcomes are listed."

    def count(self) -> int:
        return len(self.outline.entries(Section.OUTCOMES))

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        outcome = self.outline.entries(Section.OUTCOMES)[index]
        field = outcome.field(ITEM)
        text = "\n\n".join(field.paragraphs) if field is not None else ""
        # Without drawing it: an outcome may be a hundred thousand characters long.
        return text_height(text, max(1, width - len(f"{index + 1}. ")))

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        outcome = self.outline.entries(Section.OUTCOMES)[index]
        number = f"{index + 1}. "
        text = self.state.highlights.field(outcome.field(ITEM))
        strips = self.content_strips(text, width, style, len(number))
        head = self.content_strips(Content.styled(number, ".panel--accent"), len(number), style)
        strips[0] = Strip.join([head[0], strips[0].crop(len(number))])
        return strips
