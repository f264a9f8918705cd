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
from .briefing_panel import BriefingPanel, one_cell_wide, text_heights
from .panel_id import PanelId

COLUMNS = ("name", "role", "organization", "country")
"""The fields the table may show, in order; a column no participant fills is left out."""

COLUMN_GAP = 2


def _joined(field: Field | None) -> str:
    """A cell's text: the field's paragraphs on one line."""
    return " ".join(field.paragraphs) if field is not None else ""


def _widths(texts: list[str]) -> tuple[int, int]:
    """The width of the widest of ``texts`` and of their longest word: at once (a
    table of thousands of rows) when each character of each is one cell wide."""
    joined = " ".join(texts)
    if one_cell_wide(joined):
        return max(map(len, texts), default=0), max(map(len, joined.split()), default=0)
    return max(map(cell_len, texts), default=0), longest_word(texts)


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
        self._texts: tuple[Outline, dict[str, list[str]], list[tuple[str, int, int]]] | None = None

    def count(self) -> int:
        return len(self.outline.entries(Section.PARTICIPANTS))

    def header_lines(self) -> int:
        return 1 if self.count() else 0

    def columns(self, width: int) -> tuple[list[str], list[int]]:
        """The columns shown and their widths at ``width``, once per outline and width."""
        outline = self.outline
        if self._layout is not None and self._layout[0] is outline and self._layout[1] == width:
            return self._layout[2], self._layout[3]
        _, measures = self._column_texts()
        shown = [name for name, _, _ in measures]
        widths = column_widths([needed for _, needed, _ in measures], width, COLUMN_GAP,
                               [word for _, _, word in measures])
        self._layout = (outline, width, shown, widths)
        return shown, widths

    def _column_texts(self) -> tuple[dict[str, list[str]], list[tuple[str, int, int]]]:
        """Once per outline: each column's cells' text as :meth:`_cells` joins it (what
        rows are measured by: highlights change no line's length), and the columns
        shown, each with the width its widest text needs and its longest word."""
        outline = self.outline
        if self._texts is None or self._texts[0] is not outline:
            entries = outline.entries(Section.PARTICIPANTS)
            t = self.state.t
            cells: dict[str, list[str]] = {}
            measures = []
            for name in COLUMNS:
                fields = [entry.fields.get(name) for entry in entries]
                if name != "name" and not any(fields):
                    continue
                # Field.shown and _joined, alike for a field of one paragraph (most).
                shown, joined = [], []
                for field in fields:
                    if field is None:
                        shown.append("")
                        joined.append("")
                    elif len(field.paragraphs) == 1:
                        shown.append(field.paragraphs[0])
                        joined.append(field.paragraphs[0])
                    else:
                        shown.append(field.shown)
                        joined.append(_joined(field))
                label = cell_len(t.field_label(name))
                widest, word = _widths(shown)
                measures.append((name, max(widest, label, 1), max(word, label)))
                cells[name] = joined
            self._texts = (outline, cells, measures)
        return self._texts[1], self._texts[2]

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
        return self.measure_items(index, index + 1, width)[0]

    MEASURE_BATCH: ClassVar[int] = 500

    def measure_items(self, start: int, stop: int, width: int) -> list[int | None]:
        if not self.count():
            return [None] * (stop - start)
        names, widths = self.columns(width)
        texts, _ = self._column_texts()
        # A column at a time, the rows' height the tallest of their cells.
        heights = [text_heights(texts[name][start:stop], cell_width)
                   for name, cell_width in zip(names, widths, strict=True)]
        return list(map(max, *heights)) if len(heights) > 1 else list(heights[0])

    def _row(self, cells: list[list[Content]], width: int, style: Style) -> list[Strip]:
        _, widths = self.columns(width)
        rich_style = style.rich_style
        gap = Segment(" " * COLUMN_GAP, rich_style)
        height = max(len(lines) for lines in cells)
        # Each cell's lines, drawn once (they are wrapped to its width already), and
        # blank below its last line.
        columns = []
        for lines, cell_width in zip(cells, widths, strict=True):
            strips = self.line_strips(lines, cell_width, style)
            blank = Strip.blank(cell_width, rich_style)
            columns.append([strip.adjust_cell_length(cell_width, rich_style) for strip in strips]
                           + [blank] * (height - len(strips)))
        rows = []
        for row in range(height):
            segments: list[Segment] = []
            for number, column in enumerate(columns):
                if number:
                    segments.append(gap)
                segments.extend(column[row])
            rows.append(Strip(segments).adjust_cell_length(width, rich_style))
        return rows

    def render_header(self, width: int, style: Style) -> list[Strip]:
        names, _ = self.columns(width)
        t = self.state.t
        return self._row([[Content(t.field_label(name))] for name in names], width, style)[:1]

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        entry = self.outline.entries(Section.PARTICIPANTS)[index]
        return self._row(self._cells(entry, width), width, style)
