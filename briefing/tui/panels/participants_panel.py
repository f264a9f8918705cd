"""The Participants panel: a table of who took part."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import Section
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

COLUMNS = (
    ("name", "Name", 4),
    ("role", "Role", 3),
    ("organization", "Organization", 3),
    ("country", "Country", 2),
)
"""Table columns: participant field, heading, share of the width."""

COLUMN_GAP = 2


class ParticipantsPanel(BriefingPanel):
    """Participants as a table: name, role, organization, country; Enter opens one.

    A row is one line; a long value ends in an ellipsis (Enter shows it all).
    Rows are drawn only while on screen, so thousands of participants cost
    no more to search and highlight than a few.
    """

    PANEL = PanelId.PARTICIPANTS
    TITLE = "Participants"
    SECTIONS = (Section.PARTICIPANTS,)
    EMPTY = "No participants are listed."
    ITEM_GAP: ClassVar[int] = 0

    def count(self) -> int:
        return len(self.outline.entries(Section.PARTICIPANTS))

    def measure_item(self, index: int, width: int) -> int | None:
        return 1 if self.count() else None  # a row is one line

    def header_lines(self) -> int:
        return 1 if self.count() else 0

    @staticmethod
    def column_widths(width: int) -> list[int]:
        """The width of each column, sharing ``width`` by the columns' shares."""
        available = max(4 * len(COLUMNS), width - COLUMN_GAP * (len(COLUMNS) - 1))
        total = sum(share for _, _, share in COLUMNS)
        widths = [available * share // total for _, _, share in COLUMNS]
        widths[0] += available - sum(widths)
        return widths

    def _row(self, cells: list[Content], width: int, style: Style) -> list[Strip]:
        gap = Content(" " * COLUMN_GAP)
        parts: list[Content] = []
        for cell, cell_width in zip(cells, self.column_widths(width), strict=True):
            if parts:
                parts.append(gap)
            parts.append(cell.truncate(cell_width, ellipsis=True, pad=True))
        line = Content("").join(parts)
        return self.content_strips(line, width, style)[:1]

    def render_header(self, width: int, style: Style) -> list[Strip]:
        return self._row([Content(heading) for _, heading, _ in COLUMNS], width, style)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        participant = self.outline.entries(Section.PARTICIPANTS)[index]
        cells = []
        for field, _, _ in COLUMNS:
            cell_style = ".panel--heading" if field == "name" else ""
            cell = self.state.highlights.field(participant.field(field), cell_style, " ")
            # One line per row: tabs become spaces (same length, so the search's
            # offsets still fit).
            cells.append(Content(cell.plain.replace("\t", " "), list(cell.spans)))
        return self._row(cells, width, style)
