"""The summary's line-by-line renderers, for big briefings: the participants
table's rows (:class:`_Grid`), participants stacked one block each
(:class:`_Stacked`) and the figure cards side by side (:class:`_FigureCards`); the
priorities, statements and timeline, a block of lines each, are in
:mod:`.summary_blocks`.

Each draws what a Rich ``Table`` or ``Columns`` would, line by line, in time
proportional to the text: Rich measures every row or card first, about a
millisecond each. Piped, a row is one plain segment; in colour, printed by
``print_renderable``, a row is its text with the colour codes Rich would write
(``WrittenLines``), since Rich's splitting, cropping and styling of each segment
took three to five times as long as drawing them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text as RichText

from .columns import expand_tabs, width_of, wrap
from .outline import Entry
from .summary_console import ColourCodes, WrittenLines, writes_lines

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from .summary import SummaryRenderer

FIGURE_CARD_WIDTH = 36


class _Cell:
    """A table cell's text, in runs of one style each (a name in bold, then its kind
    dimmed), its tabs expanded as Rich expands them."""

    __slots__ = ("runs", "text")

    def __init__(self, runs: list[tuple[str, str]]) -> None:
        # Each run starts a line or has no tab, so its tabs expand alone.
        pieces = [(expand_tabs(text), style) for text, style in runs if text]
        self.text = "".join(text for text, _ in pieces)
        self.runs: list[tuple[int, int, str]] = []
        """Where each run starts and ends in ``text``, and its style."""
        start = 0
        for text, style in pieces:
            self.runs.append((start, start + len(text), style))
            start += len(text)

    def lines(self, width: int) -> list[tuple[int, int]]:
        """Where each line starts and ends, wrapped to ``width`` cells."""
        return wrap(self.text, width)

    def coloured(self, lines: list[tuple[int, int]], codes: ColourCodes) -> list[tuple[str, int]]:
        """The text of each of ``lines`` (from :meth:`lines`) with its colour codes, and
        the cells it takes: one pass over the runs, however many lines."""
        text, runs = self.text, self.runs
        shown = []
        run = 0
        for first, last in lines:
            while run < len(runs) and runs[run][1] <= first:
                run += 1
            pieces, used = [], 0
            for start, end, style in runs[run:]:
                if start >= last:
                    break
                piece = text[max(first, start):min(last, end)]
                if piece:
                    used += width_of(piece)
                    pieces.append(codes(piece, style))
            shown.append(("".join(pieces), used))
        return shown

    def pieces(self, first: int, last: int) -> list[tuple[str, str]]:
        """The text from ``first`` to ``last``, as ``(text, style)`` pieces."""
        pieces = []
        for start, end, style in self.runs:
            low, high = max(first, start), min(last, end)
            if low < high:
                pieces.append((self.text[low:high], style))
        return pieces


def _runs(text: RichText) -> list[tuple[str, str]]:
    """A Rich text as ``(text, style)`` runs: its style, and its spans' over it."""
    plain, base = text.plain, str(text.style)
    if not text.spans:  # most texts (a figure's headline, its note)
        return [(plain, base)]
    cuts = sorted({0, len(plain), *(span.start for span in text.spans),
                   *(span.end for span in text.spans)})
    runs = []
    for start, end in pairwise(cuts):
        styles = [base, *(str(span.style) for span in text.spans
                          if span.start <= start and end <= span.end)]
        runs.append((plain[start:end], " ".join(style for style in styles if style)))
    return runs


_Part = tuple[_Cell, tuple[int, int] | None, int, int]
"""A cell's part of a line: the cell, the bounds of the text shown, its width, the gap after."""


class _LineDrawer:
    """Draws the lines of cells: one plain segment a line when the console shows no
    colour; in colour, whole lines with their colour codes (:attr:`written`) when
    printed by ``print_renderable`` at the console's width, else a segment per run
    of a style."""

    def __init__(self, console: Console, options: ConsoleOptions) -> None:
        self.plain = console.no_color or console.color_system is None
        self.written = (not self.plain and writes_lines(console)
                        and options.max_width == console.width)
        """Lines are made as text with colour codes (:meth:`line_text`), to be
        yielded as :class:`WrittenLines`: not nested in a renderable that would
        pad or cut them."""
        self.codes = ColourCodes(console)
        self.styles: dict[str, Style] = {}
        self.new_line = Segment.line()

    def style(self, name: str) -> Style:
        style = self.styles.get(name)
        if style is None:
            style = self.styles[name] = console_style(name)
        return style

    def pieces(self, pieces: list[tuple[str, str]]) -> Iterable[Segment]:
        """One line of ``(text, style)`` pieces."""
        if self.plain:
            yield Segment("".join(text for text, _ in pieces).rstrip(" ") + "\n")
            return
        for text, style in pieces:
            yield Segment(text, self.style(style))
        yield self.new_line

    def line(self, parts: list[_Part]) -> Iterable[Segment]:
        """One line: for each cell, the part of its text shown (``None``: none), the
        width it takes and the blank cells after it."""
        if self.plain:
            text = []
            for cell, bounds, width, after in parts:
                piece = cell.text[bounds[0]:bounds[1]] if bounds is not None else ""
                text.append(piece + " " * (width - width_of(piece) + after))
            yield Segment("".join(text).rstrip(" ") + "\n")
            return
        for cell, bounds, width, after in parts:
            used = 0
            if bounds is not None:
                first, last = bounds
                for start, end, style in cell.runs:
                    low, high = max(first, start), min(last, end)
                    if low < high:
                        piece = cell.text[low:high]
                        used += width_of(piece)
                        yield Segment(piece, self.style(style))
            if width - used + after:
                yield Segment(" " * (width - used + after))
        yield self.new_line

    def columns_text(self, columns: list[list[tuple[str, int]]], widths: list[int],
                     gaps: list[int]) -> str:
        """Columns of lines from :meth:`_Cell.coloured`, side by side, each padded to its
        width and the gap after it: what :meth:`line` draws in colour for each line, as
        text with colour codes and line breaks."""
        lines = []
        for line in range(max(map(len, columns))):
            text = []
            for column, width, gap in zip(columns, widths, gaps, strict=True):
                shown, used = column[line] if line < len(column) else ("", 0)
                text.append(shown)
                if width - used + gap:
                    text.append(" " * (width - used + gap))
            text.append("\n")
            lines.append("".join(text))
        return "".join(lines)


def console_style(name: str) -> Style:
    """The Rich style named ``name`` (``"dim italic"``; ``""`` for none)."""
    return Style.parse(name) if name else Style.null()


_GAP = 3
"""Cells between two columns of the participants table: padding, rule, padding."""


class _Grid:
    """Rows of cells in columns of fixed widths, ``_GAP`` cells apart, a blank line
    between rows: the body of a Rich table with fixed widths and ``leading=1``,
    drawn line by line in time proportional to the text."""

    def __init__(self, rows: list[list[_Cell]], widths: list[int]) -> None:
        self.rows = rows
        self.widths = widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        drawer = _LineDrawer(console, options)
        widths = self.widths
        gaps = [_GAP] * (len(widths) - 1) + [0]
        if drawer.plain:
            yield from self.plain()
            return
        blank = list(drawer.line([(_Cell([]), None, sum(widths) + sum(gaps), 0)]))
        blank_text = " " * (sum(widths) + sum(gaps)) + "\n"
        for number, row in enumerate(self.rows):
            lines = [cell.lines(width) for cell, width in zip(row, widths, strict=True)]
            if drawer.written:  # the row as one piece of text
                coloured = [cell.coloured(bounds, drawer.codes)
                            for cell, bounds in zip(row, lines, strict=True)]
                text = drawer.columns_text(coloured, widths, gaps)
                yield WrittenLines(blank_text + text if number else text)
                continue
            if number:
                yield from blank
            for line in range(max(map(len, lines))):
                yield from drawer.line([
                    (cell, bounds[line] if line < len(bounds) else None, width, gap)
                    for cell, bounds, width, gap in zip(row, lines, widths, gaps, strict=True)
                ])

    def plain(self) -> Iterable[Segment]:
        """The rows without colour: a segment a row, its lines joined by ``str`` methods
        (a cell of 45,000 short lines is a row)."""
        widths = self.widths
        for number, row in enumerate(self.rows):
            columns = []
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                pieces = [cell.text[first:last] for first, last in cell.lines(width)]
                if column < len(widths) - 1:  # padded to the next column
                    room = width + _GAP
                    if all(map(str.isascii, pieces)) and all(map(str.isprintable, pieces)):
                        pieces = [piece.ljust(room) for piece in pieces]
                    else:
                        pieces = [piece + " " * (room - width_of(piece)) for piece in pieces]
                columns.append(pieces)
            height = max(map(len, columns))
            for column, (pieces, width) in enumerate(zip(columns, widths, strict=True)):
                room = width + _GAP if column < len(widths) - 1 else 0
                pieces += [" " * room] * (height - len(pieces))
            lines = "\n".join(line.rstrip(" ")
                               for line in map("".join, zip(*columns, strict=True)))
            yield Segment(("\n" if number else "") + lines + "\n")


class _Stacked:
    """Participants one block each: the name, its details indented by two cells,
    then a blank line (as ``Group(name, Padding(details, (0, 0, 1, 2)))`` draws)."""

    def __init__(self, blocks: list[tuple[_Cell, list[_Cell]]]) -> None:
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        drawer = _LineDrawer(console, options)
        width = options.max_width
        indent = _Cell([])
        inner = max(1, width - 2)
        for name, details in self.blocks:
            if drawer.written:  # the block as one piece of text
                text = [drawer.columns_text([name.coloured(name.lines(width), drawer.codes)],
                                            [width], [0])]
                text += [drawer.columns_text(
                    [[("", 0)], detail.coloured(detail.lines(inner), drawer.codes)],
                    [2, inner], [0, 0]) for detail in details]
                yield WrittenLines("".join(text) + " " * width + "\n")
                continue
            for bounds in name.lines(width):
                yield from drawer.line([(name, bounds, width, 0)])
            for detail in details:
                for bounds in detail.lines(inner):
                    yield from drawer.line([(indent, None, 2, 0), (detail, bounds, inner, 0)])
            yield from drawer.line([(indent, None, width, 0)])


class _FigureCards:
    """The figure cards side by side, as many as fit; on a console narrower than
    one card (``--width 20``), one narrower card to a row."""

    def __init__(self, renderer: SummaryRenderer, entries: tuple[Entry, ...]) -> None:
        self.renderer = renderer
        self.entries = entries

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Columns leaves a column of padding to the right of each card, and with
        # no room for one card it would divide by zero.
        width = max(1, min(FIGURE_CARD_WIDTH, options.max_width - 1))
        # Large digits are for a colour terminal; piped or plain, the value as written.
        big_digits = console.is_terminal and not console.no_color
        # As Rich's Columns(cards, width=width, padding=(0, 1)) places them, drawn
        # here line by line: Columns measures every card first, and takes about a
        # millisecond a card (a minute and a half for 100,000 figures).
        count = max(1, options.max_width // (width + 1))
        drawer = _LineDrawer(console, options)
        if drawer.plain:
            yield from self.plain(width, count)
            return
        blank = [(" " * width, "")]
        for start in range(0, len(self.entries), count):
            if drawer.written:  # the row of cards as one piece of text, a card's line once
                texts = [self.card_text(entry, width, big_digits, drawer.codes)
                         for entry in self.entries[start:start + count]]
                yield WrittenLines("".join(
                    " ".join(card[line] if line < len(card) else blank[0][0]
                             for card in texts) + "\n"
                    for line in range(max(map(len, texts)))))
                continue
            cards = [self.card(entry, width, big_digits)
                     for entry in self.entries[start:start + count]]
            for line in range(max(map(len, cards))):
                pieces: list[tuple[str, str]] = []
                for number, card in enumerate(cards):
                    pieces += [(" ", "")] if number else []
                    pieces += card[line] if line < len(card) else blank
                yield from drawer.pieces(pieces)

    def plain(self, width: int, count: int) -> Iterable[Segment]:
        """The cards without colour (nor large digits): a segment a row of cards."""
        inner = max(1, width - 4)
        edge = "─" * (width - 2)
        blank = " " * width
        for start in range(0, len(self.entries), count):
            cards = []
            for entry in self.entries[start:start + count]:
                lines = [f"╭{edge}╮"]
                for text in self.renderer.figure_card_texts(entry, width, big_digits=False):
                    plain = text.plain
                    for first, last in wrap(plain, inner):
                        piece = plain[first:last]
                        lines.append(f"│ {piece}{' ' * (inner - width_of(piece))} │")
                lines.append(f"╰{edge}╯")
                cards.append(lines)
            height = max(map(len, cards))
            rows = [" ".join(card[line] if line < len(card) else blank for card in cards)
                    for line in range(height)]
            yield Segment("".join(row.rstrip(" ") + "\n" for row in rows))

    def card(self, entry: Entry, width: int, big_digits: bool) -> list[list[tuple[str, str]]]:
        """The lines of a figure's card, each as ``(text, style)`` pieces ``width`` cells
        wide: what ``Panel(..., box=box.ROUNDED, border_style="dim", padding=(0, 1))``
        draws."""
        inner = max(1, width - 4)
        edge = "─" * (width - 2)
        lines = [[(f"╭{edge}╮", "dim")]]
        for text in self.renderer.figure_card_texts(entry, width, big_digits=big_digits):
            cell = _Cell(_runs(text))
            for first, last in cell.lines(inner):
                pieces = [("│", "dim"), (" ", "")]
                pieces += cell.pieces(first, last)
                pieces += [(" " * (inner - width_of(cell.text[first:last]) + 1), ""),
                           ("│", "dim")]
                lines.append(pieces)
        lines.append([(f"╰{edge}╯", "dim")])
        return lines

    def card_text(self, entry: Entry, width: int, big_digits: bool,
                  codes: ColourCodes) -> list[str]:
        """The lines of :meth:`card` as text with colour codes."""
        inner = max(1, width - 4)
        edge = "─" * (width - 2)
        bar = codes("│", "dim")
        lines = [codes(f"╭{edge}╮", "dim")]
        for text in self.renderer.figure_card_texts(entry, width, big_digits=big_digits):
            cell = _Cell(_runs(text))
            lines += [f"{bar} {shown}{' ' * (inner - used + 1)}{bar}"
                      for shown, used in cell.coloured(cell.lines(inner), codes)]
        lines.append(codes(f"╰{edge}╯", "dim"))
        return lines
