"""The Summary panel: date and place, the summary's paragraphs, the tags."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from .briefing_panel import BriefingPanel
from .briefing_view import SUMMARY, BriefingView, FieldKey, tags_line

META = "meta"
TAGS = "tags"


class SummaryPanel(BriefingPanel):
    """The summary, read like a text (no item cursor).

    The title is in the header above; this panel starts with the date and place
    (when given), then the paragraphs, then the tags.
    """

    PANEL = SUMMARY
    HAS_CURSOR: ClassVar[bool] = False

    def __init__(self, view: BriefingView, *, id: str | None = None) -> None:
        super().__init__(view, id=id)
        self._entries_for: tuple[Hashable, list[str | int]] | None = None

    def _entries(self) -> list[str | int]:
        """What each item shows: ``"meta"``, a paragraph number (from 1), ``"tags"``."""
        if self._entries_for is not None and self._entries_for[0] == self.layout_key():
            return self._entries_for[1]
        briefing = self.view.briefing
        entries: list[str | int] = []
        if briefing.date is not None or briefing.location is not None:
            entries.append(META)
        entries += range(1, len(self.view.summary_paragraphs()[1]) + 1)
        if briefing.tags:
            entries.append(TAGS)
        self._entries_for = (self.layout_key(), entries)
        return entries

    def count(self) -> int:
        return len(self._entries())

    def index_of(self, key: FieldKey) -> int:
        entries = self._entries()
        if key.field == TAGS:
            wanted: str | int = TAGS
        elif key.field == "text":
            wanted = key.item
        else:
            wanted = META
        return entries.index(wanted) if wanted in entries else 0

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        view = self.view
        briefing = view.briefing
        entry = self._entries()[index]
        if entry == META:
            parts = [
                view.text(SUMMARY, 0, "date", str(briefing.date) if briefing.date else None),
                view.text(SUMMARY, 0, "location", briefing.location),
            ]
            line = Content(" · ").join([part for part in parts if part])
            content = line.stylize_before(".panel--accent")
        elif entry == TAGS:
            content = view.text(SUMMARY, 0, TAGS, tags_line(briefing.tags), ".panel--dim")
        else:
            assert isinstance(entry, int)
            language, paragraphs = view.summary_paragraphs()
            key = FieldKey(SUMMARY, entry, "text", language)
            content = view.highlights.content(key, paragraphs[entry - 1])
        return self.content_strips(content, width, style)
