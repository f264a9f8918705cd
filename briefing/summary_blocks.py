"""The summary's sections drawn a block of lines at a time, for big briefings: the
priorities (:class:`_Priorities`), statements (:class:`_Statements`) and timeline
(:class:`_Timeline`), each an entry's block of lines as Rich would draw it
(:class:`_Blocks`), what they cannot draw that way left to Rich.

Split from :mod:`.summary_lines`, whose cells (:class:`~.summary_lines._Cell`) and
line drawer they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text as RichText

from .columns import widest_line, width_of
from .outline import Entry
from .summary_console import WrittenLines
from .summary_lines import _Cell, _LineDrawer, _runs

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from .summary import SummaryRenderer


# -- sections drawn as blocks of lines: priorities, statements, timeline ----------

_Line = list[tuple[str, str]]
"""One line as ``(text, style)`` pieces, each piece a segment Rich would write."""

_UNUSUAL = re.compile("[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What the line-by-line drawings leave to Rich: tabs, and the line breaks other than
a line feed that Rich's measuring counts (``str.splitlines``)."""


def _plain_enough(texts: Iterable[RichText]) -> bool:
    """Whether every one of ``texts`` has text, and none a tab or an unusual line break."""
    return all(text.plain and not _UNUSUAL.search(text.plain) for text in texts)


def _text_lines(text: RichText, width: int, justify: bool) -> list[_Line]:
    """``text`` wrapped to ``width`` cells as Rich draws it: a segment for each stretch
    between the starts and ends of its spans; with ``justify`` (a table's cell, justified
    left) padded to ``width`` in its own style, part of its last stretch when that has
    no span."""
    cell = _Cell(_runs(text))
    base = str(text.style)
    spans = text.spans
    lines = []
    for first, last in cell.lines(width):
        pieces = cell.pieces(first, last)
        if justify:
            pad = width - width_of(cell.text[first:last])
            if pad > 0:
                if pieces and not any(span.start < last <= span.end for span in spans):
                    pieces[-1] = (pieces[-1][0] + " " * pad, pieces[-1][1])
                else:
                    pieces.append((" " * pad, base))
        lines.append(pieces)
    return lines


class _Blocks:
    """A section drawn a block of lines at a time, as Rich draws it; what it cannot
    draw that way (:meth:`fallback`) is left to Rich."""

    def fallback(self, width: int) -> RenderableType | None:
        """The Rich renderable to draw instead, at ``width``; None: draw the blocks."""
        raise NotImplementedError

    def blocks(self, width: int) -> Iterable[list[_Line]]:
        """The lines, ``width`` cells wide, a block (an entry) at a time."""
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        fallback = self.fallback(width)
        if fallback is not None:
            yield fallback
            return
        drawer = _LineDrawer(console, options)
        codes = drawer.codes
        for block in self.blocks(width):
            if drawer.plain:
                yield Segment("".join("".join(text for text, _ in line).rstrip(" ") + "\n"
                                      for line in block))
            elif drawer.written:
                yield WrittenLines("".join("".join(codes(text, style) for text, style in line)
                                           + "\n" for line in block))
            else:
                for line in block:
                    for text, style in line:
                        yield Segment(text, drawer.style(style))
                    yield drawer.new_line


def rank_cells(count: int) -> int:
    """The width of the priorities' ranks: three cells (``12.``), or what the last of
    ``count`` needs (``100.``), never cut."""
    return max(3, len(str(count)) + 1)


class _Priorities(_Blocks):
    """The priorities: each a grid of its rank (right-justified, three cells or as many
    as the last rank needs) and its sector, summary and bulleted initiatives, a blank
    line between two."""

    def __init__(self, renderer: SummaryRenderer, entries: tuple[Entry, ...]) -> None:
        self.renderer = renderer
        self.entries = entries

    def texts(self, entry: Entry) -> tuple[RichText, RichText | None, list[RichText]]:
        """The sector (with its footnote), summary and initiatives of ``entry``."""
        return self.renderer.priority_texts(entry)

    def fallback(self, width: int) -> RenderableType | None:
        if width < 8 or not all(
                _plain_enough([sector, *([summary] if summary else []), *initiatives])
                for sector, summary, initiatives in map(self.texts, self.entries)):
            return self.renderer.priorities_rich(self.entries)
        return None

    def blocks(self, width: int) -> Iterable[list[_Line]]:
        rank_width = rank_cells(len(self.entries))
        inner = width - rank_width - 1
        accent = self.renderer.accent
        rank_style, bullet_style = f"bold {accent}", accent
        blank_rank = (" " * (rank_width + 1), rank_style)
        for entry in self.entries:
            sector, summary, initiatives = self.texts(entry)
            body = _text_lines(sector, inner, justify=True)
            if summary is not None:
                body += _text_lines(summary, inner, justify=True)
            for initiative in initiatives:
                for line, pieces in enumerate(_text_lines(initiative, inner - 2, justify=True)):
                    body.append([("•", bullet_style), (" ", bullet_style), *pieces] if not line
                                else [("  ", bullet_style), *pieces])
            rank = f"{entry.number + 1}.".rjust(rank_width)
            block = [[(rank, rank_style), (" ", rank_style), *body[0]]]
            block += [[blank_rank, *line] for line in body[1:]]
            if entry.number + 1 < len(self.entries):
                block.append([(" " * width, "")])
            yield block


class _Statements(_Blocks):
    """The statements: who said it (name, role), then the quote with a bar down its left
    side, two cells in from each side, a blank line after each."""

    def __init__(self, renderer: SummaryRenderer, entries: tuple[Entry, ...]) -> None:
        self.renderer = renderer
        self.entries = entries

    def fallback(self, width: int) -> RenderableType | None:
        if width < 8 or not all(_plain_enough(self.renderer.statement_texts(entry))
                                for entry in self.entries):
            return self.renderer.statements_rich(self.entries)
        return None

    def blocks(self, width: int) -> Iterable[list[_Line]]:
        inner = width - 4
        bar = ("│ ", self.renderer.accent)
        for entry in self.entries:
            who, quote = self.renderer.statement_texts(entry)
            block = []
            for pieces in _text_lines(who, inner, justify=False):
                used = sum(width_of(text) for text, _ in pieces)
                block.append([("  ", ""), *pieces, (" " * (inner - used + 2), "")])
            for pieces in _text_lines(quote, inner - 3, justify=False):
                used = sum(width_of(text) for text, _ in pieces)
                block.append([("   ", ""), bar, *pieces, (" " * (inner - 3 - used + 2), "")])
            block.append([(" " * width, "")])
            yield block


class _Timeline(_Blocks):
    """The timeline: a table of dates (bold, as wide as the widest) and events, two cells
    in, the events wrapped in what is left."""

    def __init__(self, renderer: SummaryRenderer, entries: tuple[Entry, ...]) -> None:
        self.renderer = renderer
        self.entries = entries
        self.rows = [renderer.timeline_texts(entry) for entry in entries]

    def widths(self, width: int) -> tuple[int, int] | None:
        """The widths of the columns (a date's with the two cells after it), as Rich's
        table shares ``width`` between them; None when the dates leave no room."""
        dates = max(widest_line(date.plain) for date, _ in self.rows) + 2
        events = max(widest_line(event.plain) for _, event in self.rows) or 1
        inner = width - 2
        if dates + 1 > inner or any("\n" in date.plain for date, _ in self.rows):
            return None
        return dates, min(events, inner - dates)

    def fallback(self, width: int) -> RenderableType | None:
        if not all(_plain_enough(row) for row in self.rows) or self.widths(width) is None:
            return self.renderer.timeline_rich(self.entries)
        return None

    def blocks(self, width: int) -> Iterable[list[_Line]]:
        widths = self.widths(width)
        assert widths is not None
        dates, events = widths
        after = width - 2 - dates - events
        blank_date = (" " * dates, "bold")
        for date, event in self.rows:
            lines = _text_lines(event, events, justify=True)
            first = _text_lines(date, dates - 2, justify=True)[0]
            block = [[("  ", ""), *first, ("  ", "bold"), *lines[0], (" " * after, "")]]
            block += [[("  ", ""), blank_date, *line, (" " * after, "")] for line in lines[1:]]
            yield block
