"""The Participants panel: a table of who took part."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...columns import column_widths, longest_word
from ...outline import Entry, Field, Outline, Section
from ..viewer_state import ViewerState
from .briefing_panel import BriefingPanel, text_height
from .panel_id import PanelId

COLUMNS = ("name", "role", "organization", "country")
"""The fields the table may show, in order; a column no participant fills is left out."""

COLUMN_GAP = 2


def _joined(field: Field | None) -> str:
    """A cell's text: the field's paragraphs on one line."""
    return " ".join(field.paragraphs) if field is not None else ""


class ParticipantsPanel(BriefingPanel):
    """Participants as a table of the columns they fill; Enter opens one.

    Width goes to the columns with the most text, and cells wrap, so rows can
    be told apart. Rows are drawn only
    while on screen, so thousands of participants cost no more to search and
    highlight than a few.
    """

    PANEL = PanelId.PARTICIPANTS
    TITLE = "Participants"
    SECTIONS = (Section.PARTICIPANTS,)
    EMPTY = "No participants are listed."
    ITEM_GAP: ClassVar[int] = 1

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(state, id=id)
        self._layout: tuple[Outline, int, list[str], list[int]] | None = None

    def count(self) -> int:
        return len(self.outline.entries(Section.PARTICIPANTS))

    def header_lines(self) -> int:
        return 1 if self.count() else 0

    def columns(self, width: int) -> tuple[list[str], list[int]]:
        """The columns shown and their widths at ``width``, once per outline and width."""
        outline = self.outline
        if self._layout is not None and self._layout[:2] == (outline, width):
            return self._layout[2], self._layout[3]
        entries = outline.entries(Section.PARTICIPANTS)
        shown = [name for name in COLUMNS
                 if name == "name" or any(entry.field(name) for entry in entries)]
        t = self.state.t
        needed, words = [], []
        for name in shown:
            texts = [entry.text(name) for entry in entries]
            label = t.field_label(name)
            needed.append(max(max(map(cell_len, texts), default=0), cell_len(label), 1))
            words.append(max(longest_word(texts), cell_len(label)))
        widths = column_widths(needed, width, COLUMN_GAP, words)
        self._layout = (outline, width, shown, widths)
        return shown, widths

    def _cells(self, entry: Entry, width: int) -> list[list[Content]]:
        """Each cell of a row, wrapped to its column: a list of lines per cell."""
        names, widths = self.columns(width)
        highlights = self.state.highlights
        cells = []
        for name, cell_width in zip(names, widths, strict=True):
            style = ".panel--heading" if name == "name" else ""
            content = highlights.field(entry.field(name), style, " ")
            cells.append(list(content.wrap(cell_width)) or [Content("")])
        return cells

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        entry = self.outline.entries(Section.PARTICIPANTS)[index]
        names, widths = self.columns(width)
        # The cells' text as _cells joins it: highlights change no line's length.
        return max(text_height(_joined(entry.field(name)), cell_width)
                   for name, cell_width in zip(names, widths, strict=True))

    def _row(self, cells: list[list[Content]], width: int, style: Style) -> list[Strip]:
        _, widths = self.columns(width)
        gap = Segment(" " * COLUMN_GAP, style.rich_style)
        strips = []
        for row in range(max(len(lines) for lines in cells)):
            segments: list[Segment] = []
            for number, (lines, cell_width) in enumerate(zip(cells, widths, strict=True)):
                if number:
                    segments.append(gap)
                line = lines[row] if row < len(lines) else Content("")
                strip = self.content_strips(line, cell_width, style)[0]
                segments.extend(strip.adjust_cell_length(cell_width, style.rich_style))
            strips.append(Strip(segments).adjust_cell_length(width, style.rich_style))
        return strips

    def render_header(self, width: int, style: Style) -> list[Strip]:
        names, _ = self.columns(width)
        t = self.state.t
        return self._row([[Content(t.field_label(name))] for name in names], width, style)[:1]

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        entry = self.outline.entries(Section.PARTICIPANTS)[index]
        return self._row(self._cells(entry, width), width, style)
