"""The Summary panel: date and place, the summary's paragraphs, the tags."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import ITEM, Entry, Section, TextKey
from ..viewer_state import ViewerState
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

META = "meta"
TAGS = "tags"


class SummaryPanel(BriefingPanel):
    """The summary, read like a text (no item cursor).

    The title is in the header above; this panel starts with the date and place
    (when given), then the paragraphs, then the tags.
    """

    PANEL = PanelId.SUMMARY
    HAS_CURSOR: ClassVar[bool] = False

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(state, id=id)
        self._entries_for: tuple[Hashable, list[str | int]] | None = None

    def _entries(self) -> list[str | int]:
        """What each item shows: ``"meta"``, a paragraph number (from 0), ``"tags"``."""
        if self._entries_for is not None and self._entries_for[0] == self.layout_key():
            return self._entries_for[1]
        top = self.outline.entries(Section.SUMMARY)[0]
        entries: list[str | int] = []
        if top.field("date") or top.field("location"):
            entries.append(META)
        summary = top.field("summary")
        entries += range(len(summary.paragraphs) if summary is not None else 0)
        if self.outline.entries(Section.TAGS):
            entries.append(TAGS)
        self._entries_for = (self.layout_key(), entries)
        return entries

    def count(self) -> int:
        return len(self._entries())

    def entry_at(self, index: int) -> Entry | None:
        # One entry, the briefing's own fields, whatever line the panel is at.
        return self.outline.entry(Section.SUMMARY)

    def index_of(self, key: TextKey) -> int:
        entries = self._entries()
        if key.section == Section.TAGS:
            wanted: str | int = TAGS
        elif key.name == "summary":
            wanted = key.paragraph
        else:
            wanted = META
        return entries.index(wanted) if wanted in entries else 0

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        highlights = self.state.highlights
        top = self.outline.entries(Section.SUMMARY)[0]
        entry = self._entries()[index]
        if entry == META:
            parts = [highlights.field(top.field(name)) for name in ("date", "location")]
            line = Content(" · ").join([part for part in parts if part])
            content = line.stylize_before(".panel--accent")
        elif entry == TAGS:
            tags = [Content("#") + highlights.field(tag.field(ITEM))
                    for tag in self.outline.entries(Section.TAGS)]
            content = Content("  ").join(tags).stylize_before(".panel--dim")
        else:
            assert isinstance(entry, int)
            summary = top.fields["summary"]
            paragraph = summary.paragraphs[entry]
            content = highlights.content(summary.text_key(entry), paragraph)
        return self.content_strips(content, width, style)
