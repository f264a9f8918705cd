"""The Participants panel: a table of who took part."""

from __future__ import annotations

import threading
import weakref
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...columns import column_widths, longest_word
from ...interface import interface
from ...outline import Entry, Field, Outline, Section
from ..item_layout import MARKER
from .briefing_panel import _NOT_REVERSED, BriefingPanel, one_cell_wide, text_heights
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


class ParticipantsTable:
    """The texts of one outline's table of participants, its columns' widths and its
    rows' heights: made from the outline alone (no widget), so a worker thread can make
    them ahead of time (:meth:`measure_ahead`), and one per outline (:meth:`of`).

    Measuring 5,000 rows takes longer than a keystroke may; a search that shows the
    table in a language for the first time would wait for it.
    """

    _made: ClassVar[weakref.WeakKeyDictionary[Outline, ParticipantsTable]] = (
        weakref.WeakKeyDictionary())
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.texts, self.measures = self._column_texts(outline)
        self._columns: dict[int, tuple[list[str], list[int]]] = {}
        self.offsets: dict[tuple[int, int], list[int]] = {}
        """Where each row starts (as :class:`ItemLayout` measures), by inner width and gap
        between rows, for those measured ahead."""

    @classmethod
    def of(cls, outline: Outline) -> ParticipantsTable:
        """The table of ``outline``, made once (in whichever thread asks first)."""
        with cls._lock:
            table = cls._made.get(outline)
            if table is None:
                table = cls._made[outline] = cls(outline)
            return table

    @classmethod
    def made(cls, outline: Outline) -> ParticipantsTable | None:
        """The table of ``outline`` if made already."""
        return cls._made.get(outline)

    @staticmethod
    def _column_texts(
            outline: Outline) -> tuple[dict[str, list[str]], list[tuple[str, int, int]]]:
        """Each column's cells' text as :meth:`ParticipantsPanel._cells` joins it (what
        rows are measured by: highlights change no line's length), and the columns
        shown, each with the width its widest text needs and its longest word."""
        entries = outline.entries(Section.PARTICIPANTS)
        t = interface(outline.language)
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
        return cells, measures

    def columns(self, width: int) -> tuple[list[str], list[int]]:
        """The columns shown and their widths at ``width``."""
        made = self._columns.get(width)
        if made is None:
            measures = self.measures
            widths = column_widths([needed for _, needed, _ in measures], width, COLUMN_GAP,
                                   [word for _, _, word in measures])
            made = self._columns[width] = ([name for name, _, _ in measures], widths)
        return made

    def heights(self, start: int, stop: int, width: int) -> list[int]:
        """The heights of rows ``start`` to ``stop`` (not included) at ``width``: a
        column at a time, each row's the tallest of its cells."""
        names, widths = self.columns(width)
        texts = self.texts
        heights = [text_heights(texts[name][start:stop], cell_width)
                   for name, cell_width in zip(names, widths, strict=True)]
        return list(map(max, *heights)) if len(heights) > 1 else list(heights[0])

    def measure_ahead(self, width: int, gap: int) -> None:
        """Measure every row at ``width`` with ``gap`` lines between rows, for
        :attr:`offsets` (a table without rows is not measured: the panel says so)."""
        count = len(self.outline.entries(Section.PARTICIPANTS))
        if not count or (width, gap) in self.offsets:
            return
        offsets = [0]
        line = 0
        for height in self.heights(0, count, width):
            line += height + gap
            offsets.append(line)
        offsets[-1] -= gap  # none after the last row
        self.offsets[(width, gap)] = offsets


class ParticipantsPanel(BriefingPanel):
    """Participants as a table of the columns they fill; Enter opens one.

    Width goes to the columns with the most text, and cells wrap, so rows can
    be told apart. Rows are drawn only
    while on screen, so thousands of participants cost no more to search and
    highlight than a few.
    """

    PANEL = PanelId.PARTICIPANTS
    EMPTY = "No participants are listed."
    ITEM_GAP: ClassVar[int] = 1

    @classmethod
    def measure_ahead(cls, outline: Outline, width: int) -> None:
        ParticipantsTable.of(outline).measure_ahead(width - len(MARKER), cls.ITEM_GAP)

    MEASURED_AHEAD_FROM: ClassVar[int] = 200
    """From how many participants the table is measured ahead (fewer take a few
    milliseconds to measure when shown: not worth a thread)."""

    @classmethod
    def measures_ahead(cls, outline: Outline) -> bool:
        return len(outline.entries(Section.PARTICIPANTS)) >= cls.MEASURED_AHEAD_FROM

    def measured_ahead(self, width: int) -> list[int] | None:
        table = ParticipantsTable.made(self.outline)
        return None if table is None else table.offsets.get(
            (width - self._prefix_width, self.ITEM_GAP))

    def count(self) -> int:
        return len(self.outline.entries(Section.PARTICIPANTS))

    def header_lines(self) -> int:
        return 1 if self.count() else 0

    def columns(self, width: int) -> tuple[list[str], list[int]]:
        """The columns shown and their widths at ``width``."""
        return ParticipantsTable.of(self.outline).columns(width)

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
        return list(ParticipantsTable.of(self.outline).heights(start, stop, width))

    def _row(self, cells: list[list[Content]], width: int, style: Style) -> list[Strip]:
        """The lines of a row: its cells side by side, each line padded to its column
        (what :meth:`BriefingPanel.line_strips` draws), blank below a cell's last line.

        Segments are put together here, a strip made per line of the row: a jump to
        another part of a table of thousands draws a screenful of rows at once.
        """
        _, widths = self.columns(width)
        rich_style = style.rich_style
        pad = (style + _NOT_REVERSED).rich_style
        get_style = self._get_style
        gap = Segment(" " * COLUMN_GAP, rich_style)
        blanks = [Segment(" " * cell_width, rich_style) for cell_width in widths]
        total = sum(widths) + COLUMN_GAP * (len(widths) - 1)
        rows = []
        for row in range(max(len(lines) for lines in cells)):
            segments: list[Segment] = []
            for number, (lines, cell_width) in enumerate(zip(cells, widths, strict=True)):
                if number:
                    segments.append(gap)
                if row >= len(lines):
                    segments.append(blanks[number])
                    continue
                line = lines[row]
                drawn = [Segment(text, (style + text_style).rich_style)
                         for text, text_style in line.render(style, "", get_style)]
                missing = cell_width - line.cell_length
                if missing > 0:
                    drawn.append(Segment(" " * missing, pad))
                elif missing < 0:  # wider than its column (a wide character in one cell)
                    drawn = list(Strip(drawn, line.cell_length).adjust_cell_length(
                        cell_width, rich_style))
                segments.extend(drawn)
            strip = Strip(segments, total)
            rows.append(strip if total == width else strip.adjust_cell_length(width, rich_style))
        return rows

    def render_header(self, width: int, style: Style) -> list[Strip]:
        names, _ = self.columns(width)
        t = self.state.t
        return self._row([[Content(t.field_label(name))] for name in names], width, style)[:1]

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        entry = self.outline.entries(Section.PARTICIPANTS)[index]
        return self._row(self._cells(entry, width), width, style)
