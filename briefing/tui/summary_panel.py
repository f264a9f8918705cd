"""The Summary panel: headline, date, place, tags and the summary's paragraphs."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from .briefing_panel import BriefingPanel
from .briefing_view import SUMMARY, FieldKey, tags_line


class SummaryPanel(BriefingPanel):
    """The briefing's headline and its summary, read like a text (no item cursor)."""

    PANEL = SUMMARY
    HAS_CURSOR: ClassVar[bool] = False

    def count(self) -> int:
        return 1 + len(self.view.summary_paragraphs()[1])

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        view = self.view
        if index == 0:
            return self._heading(width, style)
        language, paragraphs = view.summary_paragraphs()
        key = FieldKey(SUMMARY, index, "text", language)
        return self.content_strips(view.highlights.content(key, paragraphs[index - 1]), width,
                                   style)

    def _heading(self, width: int, style: Style) -> list[Strip]:
        view = self.view
        briefing = view.briefing
        lines = [view.text(SUMMARY, 0, "title", briefing.title, ".panel--heading")]
        meta = [
            view.text(SUMMARY, 0, "date", str(briefing.date) if briefing.date else None),
            view.text(SUMMARY, 0, "location", briefing.location),
        ]
        meta = [part for part in meta if part]
        if meta:
            lines.append(Content(" · ").join(meta).stylize(".panel--accent"))
        if briefing.tags:
            lines.append(view.text(SUMMARY, 0, "tags", tags_line(briefing.tags), ".panel--dim"))
        return self.content_strips(Content("\n").join(lines), width, style)
