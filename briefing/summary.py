"""The Rich summary of a briefing: what ``briefing summary`` and the TUI's
print key show.

It reads the briefing's :class:`~briefing.outline.Outline`, whose texts are
already made safe to show; each becomes a Rich ``Text`` through
:func:`_literal`, never markup.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from itertools import pairwise
from typing import IO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text as RichText

from .big_digits import big_lines, split_big
from .columns import column_widths, expand_tabs, longest_word, widest_line, width_of, wrap
from .figures import figure_headline
from .interface import interface
from .outline import ITEM, Entry, Field, Outline, Section, list_items, tags_line
from .safe_text import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from .evidence import EvidenceReport

ACCENT = "cyan"
FIGURE_CARD_WIDTH = 36
PARTICIPANT_COLUMNS = ("name", "role", "organization", "country")
"""The participants table's columns, each a field; columns no participant fills are left out."""
STACKED_BELOW = 60
"""Narrower than this, participants are one block each instead of a table."""
_BATCH_SEGMENTS = 20_000
"""Segments rendered before they are written out."""
_BATCH_CHARACTERS = 1 << 20
"""Characters rendered before they are written out."""


def _literal(text: str | None, style: str = "") -> RichText:
    """``text`` (already made safe by the outline) as literal Rich text."""
    return RichText(text or "", style=style)


class SummaryRenderer:
    """Builds the Rich renderables of a briefing's outline."""

    def __init__(self, outline: Outline, evidence: EvidenceReport | None = None) -> None:
        self.outline = outline
        self.footnotes: dict[tuple[str, int], tuple[int, str]] = (
            _footnotes(outline, evidence) if evidence is not None else {})
        """For ``--evidence``: each backed claim's footnote number and the passage."""
        self.t = interface(outline.language)
        """The interface's words, in the language shown."""
        summary = outline.entry(Section.SUMMARY)
        assert summary is not None  # every briefing has a title and a summary
        self.top = summary

    def renderables(self) -> Iterable[RenderableType]:
        """The summary, section by section."""
        outline = self.outline
        yield self.header()
        yield self.section("Summary")
        yield self.paragraphs(self.top.field("summary"))
        yield self.section("Participants")
        participants = outline.entries(Section.PARTICIPANTS)
        yield (_Participants(self, participants) if participants
               else self.empty("No participants are listed."))
        yield self.section("Sector priorities")
        priorities = outline.entries(Section.PRIORITIES)
        yield self.priorities(priorities) if priorities else self.empty("No priorities are listed.")
        yield self.section("Key figures")
        figures = outline.entries(Section.FIGURES)
        yield _FigureCards(self, figures) if figures else self.empty("No key figures are given.")
        optional = (
            (Section.STATEMENTS, "Statements", self.statements),
            (Section.TIMELINE, "Timeline", self.timeline),
            (Section.OUTCOMES, "Outcomes", self.outcomes),
            (Section.TAGS, "Tags", self.tags),
        )
        for section, title, render in optional:
            entries = outline.entries(section)
            if entries:
                yield self.section(title)
                yield render(entries)
        if self.footnotes:
            yield self.section("Evidence from the article")
            yield self.evidence()

    def header(self) -> Panel:
        top, t = self.top, self.t
        parts = [_literal(top.text("date"), "bold")] if top.field("date") else []
        if top.field("location"):
            parts.append(_literal(top.text("location")))
        source = self.outline.entry(Section.SOURCE)
        if source is not None and (source.field("outlet") or source.field("attribution")):
            via = RichText(t("Source: "), "dim")
            via.append(_literal(source.text("outlet")))
            if source.field("attribution"):
                via.append(t(" citing ") if source.field("outlet") else "", "dim")
                via.append(_literal(source.text("attribution")))
            parts.append(via)
        lines: list[RenderableType] = [_literal(top.text("title"), f"bold {ACCENT}")]
        if parts:
            lines.append(RichText(" · ", "dim").join(parts))
        if source is not None and source.field("url"):
            lines.append(_literal(source.text("url"), "underline"))
        if source is not None and source.field("published"):
            lines.append(RichText(t("Published "), "dim") + _literal(source.text("published")))
        lines.append(RichText(self.languages_line(), "dim"))
        return Panel(Group(*lines), box=box.HEAVY, border_style=ACCENT, padding=(0, 1))

    def languages_line(self) -> str:
        """Which language is shown, and which others the briefing has."""
        t, outline = self.t, self.outline
        shown = t.language_name(outline.language)
        others = [t.language_name(language) for language in outline.languages
                  if language != outline.language]
        if not others:
            return t("Shown {language}", language=visible(shown))
        return t("Shown {language}; also {others}", language=visible(shown),
                 others=visible(", ".join(others)))

    def section(self, title: str) -> _Heading:
        return _Heading(RichText(self.t(title), f"bold {ACCENT}"))

    def empty(self, message: str) -> Padding:
        return Padding(RichText(self.t(message), "dim italic"), (0, 0, 0, 2))

    def paragraphs(self, field: Field | None) -> Padding:
        paragraphs = field.paragraphs if field is not None else ()
        body = RichText("\n\n").join(_literal(paragraph) for paragraph in paragraphs)
        return Padding(body, (0, 2))

    def participant_columns(self, entries: tuple[Entry, ...]) -> list[str]:
        """The table's columns that some participant fills."""
        return [name for name in PARTICIPANT_COLUMNS
                if name == "name" or any(entry.field(name) for entry in entries)
                or (name == "role" and any(self.extra_fields(entry) for entry in entries))]

    def participants_table(self, entries: tuple[Entry, ...], width: int) -> Group:
        """Participants as a table ``width`` cells wide; the columns with more text get
        more of the width (the same sharing as the viewer's table).

        The heading is a Rich table; the rows are drawn by :class:`_Grid`, line by
        line, which takes time in proportion to the text (a Rich table takes
        about a millisecond a row, a minute for 60,000 participants)."""
        names = self.participant_columns(entries)
        rows = [[self.participant_cell(entry, name) for name in names] for entry in entries]
        needed, words = [], []
        for number, name in enumerate(names):
            label = cell_len(self.t.field_label(name))
            texts = [row[number].text for row in rows]
            needed.append(max(label, *map(widest_line, texts)))
            words.append(max(label, longest_word(texts)))
        widths = column_widths(needed, width, _GAP, words)
        heading = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                        header_style=f"bold {ACCENT}", padding=(0, 1))
        for name, content in zip(names, widths, strict=True):
            heading.add_column(self.t.field_label(name), width=content)
        return Group(heading, _Grid(rows, widths))

    def participant_cell(self, entry: Entry, name: str) -> _Cell:
        """The text of ``entry`` in the table's column ``name``."""
        if name == "name":
            return _Cell(self.participant_name_runs(entry))
        if name == "role":
            return _Cell(self.participant_role_runs(entry))
        return _Cell([(entry.text(name), "")])

    def participants_stacked(self, entries: tuple[Entry, ...]) -> _Stacked:
        """Participants one block each, for a narrow console: name, then role and the
        rest, indented, and a blank line."""
        blocks = []
        for entry in entries:
            details = [_Cell(self.participant_role_runs(entry))]
            details += [_Cell([(entry.text(name), "")]) for name in ("organization", "country")
                        if entry.field(name)]
            blocks.append((_Cell(self.participant_name_runs(entry)),
                           [cell for cell in details if cell.text]))
        return _Stacked(blocks)

    def participant_name_runs(self, entry: Entry) -> list[tuple[str, str]]:
        """The name in bold, and the kind of participant when not a person."""
        runs = [(entry.text("name"), "bold")]
        kind = entry.text("kind")
        if kind and kind != "person":
            runs.append((f" ({self.t(kind)})", "dim"))
        return runs

    def participant_role_runs(self, entry: Entry) -> list[tuple[str, str]]:
        """The role, then every other text of the participant that has no column
        (its notes, and any field declared later), one to a line."""
        runs = [(entry.text("role"), "")]
        for field in self.extra_fields(entry):
            runs.append(("\n" if any(text for text, _ in runs) else "", ""))
            runs.append((field.shown, "dim italic"))
        return runs

    def extra_fields(self, entry: Entry) -> list[Field]:
        """The participant's texts that have no column of their own (shown under the role)."""
        return [field for field in entry.fields.values()
                if field.searchable and field.key.name not in PARTICIPANT_COLUMNS]

    def priorities(self, entries: tuple[Entry, ...]) -> Group:
        rows: list[RenderableType] = []
        for entry in entries:
            rank = entry.number + 1
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=3, justify="right", style=f"bold {ACCENT}")
            grid.add_column(ratio=1, overflow="fold")
            body: list[RenderableType] = [self.marked(entry, _literal(entry.text("sector"),
                                                                      "bold"))]
            if entry.field("summary"):
                body.append(_literal(entry.text("summary")))
            initiatives = list_items(entry, "initiatives")
            if initiatives:
                # A grid, so that a wrapped initiative stays indented under its bullet.
                bullets = Table.grid(padding=(0, 1), expand=True)
                bullets.add_column(width=1, style=ACCENT)
                bullets.add_column(ratio=1, overflow="fold")
                for initiative in initiatives:
                    bullets.add_row("•", _literal(initiative.shown))
                body.append(bullets)
            grid.add_row(f"{rank}.", Group(*body))
            rows.append(Padding(grid, (0, 0, 1 if rank < len(entries) else 0, 0)))
        return Group(*rows)

    def figure_card(
        self, entry: Entry, width: int = FIGURE_CARD_WIDTH, *, big_digits: bool = True
    ) -> Panel:
        """A figure's card: its value (drawn large with ``big_digits``), label, the
        exact number with unit and period, and note."""
        lines = self.figure_card_texts(entry, width, big_digits=big_digits)
        return Panel(Group(*lines), box=box.ROUNDED, border_style="dim", padding=(0, 1))

    def figure_card_texts(
        self, entry: Entry, width: int = FIGURE_CARD_WIDTH, *, big_digits: bool = True
    ) -> list[RichText]:
        """What a figure's card ``width`` cells wide shows, a text a line (the large
        digits are one text of three lines)."""
        value = entry.fields["value"]
        headline = figure_headline(entry.text("display") or None, value.value, self.t)
        big, rest = split_big(headline)
        lines: list[RichText] = []
        if big_digits and big and len(big) * 3 + len(rest) <= width - 4:
            rows = big_lines(big)
            rows[-1] += rest
            lines.append(RichText("\n".join(rows), f"bold {ACCENT}"))
        else:
            lines.append(_literal(headline, f"bold {ACCENT}"))
        lines.append(self.marked(entry, _literal(entry.text("label"), "bold")))
        exact = RichText(value.shown, "dim")
        if entry.field("unit"):
            exact.append(" ")
            exact.append(_literal(entry.text("unit"), "dim"))
        if entry.field("period"):
            exact.append(" · ", "dim")
            exact.append(_literal(entry.text("period"), "dim"))
        lines.append(exact)
        if entry.field("note"):
            lines.append(_literal(entry.text("note"), "italic"))
        for line in lines:  # the cards' columns would cut a long word short with "…"
            line.overflow = "fold"
        return lines

    def statements(self, entries: tuple[Entry, ...]) -> Group:
        return Group(*(self.statement(entry) for entry in entries))

    def statement(self, entry: Entry) -> Padding:
        who = _literal(entry.text("speaker.name") or entry.text("by"), f"bold {ACCENT}")
        if entry.field("speaker.role"):
            who.append(", ")
            who.append(_literal(entry.text("speaker.role"), "dim"))
        quote = _Quoted(self.marked(entry, _literal(entry.text("text"))), ACCENT)
        return Padding(Group(who, Padding(quote, (0, 0, 0, 1))), (0, 2, 1, 2))

    def marked(self, entry: Entry, text: RichText) -> RichText:
        """``text`` followed by the footnote number of ``entry``'s evidence, if it has one."""
        footnote = self.footnotes.get((entry.section, entry.number))
        if footnote is not None:
            text.append(f" [{footnote[0]}]", ACCENT)
        return text

    def evidence(self) -> Padding:
        """The passages of the article that back the claims, by footnote number."""
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), pad_edge=False)
        table.add_column(style=ACCENT, no_wrap=True, justify="right")
        table.add_column(overflow="fold")
        for number, passage in sorted(self.footnotes.values()):
            table.add_row(f"[{number}]", _literal(passage, "italic"))
        return Padding(table, (0, 0, 0, 2))

    def timeline(self, entries: tuple[Entry, ...]) -> Padding:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for entry in entries:
            table.add_row(_literal(entry.text("date"), "bold"), _literal(entry.text("event")))
        return Padding(table, (0, 0, 0, 2))

    def outcomes(self, entries: tuple[Entry, ...]) -> Group:
        items = []
        for entry in entries:
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=1, style="green")
            grid.add_column(ratio=1, overflow="fold")
            grid.add_row("✓", _literal(entry.text(ITEM)))
            items.append(Padding(grid, (0, 0, 0, 2)))
        return Group(*items)

    def tags(self, entries: tuple[Entry, ...]) -> Padding:
        line = _literal(tags_line(entry.text(ITEM) for entry in entries), "magenta")
        return Padding(line, (0, 0, 0, 2))


class _Heading:
    """A section's title on a rule; on a console too narrow for both, the title
    alone, wrapped (a rule would cut it short with "…")."""

    def __init__(self, title: RichText) -> None:
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title.cell_len + 4 <= options.max_width:
            yield Rule(self.title, align="left", style=ACCENT)
        else:
            yield self.title


class _Participants:
    """The participants: a table, or one block each on a console narrower than
    ``STACKED_BELOW``, where a table's columns would split words."""

    def __init__(self, renderer: SummaryRenderer, entries: tuple[Entry, ...]) -> None:
        self.renderer = renderer
        self.entries = entries

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < STACKED_BELOW:
            yield self.renderer.participants_stacked(self.entries)
        else:
            yield self.renderer.participants_table(self.entries, options.max_width)


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
    """Draws the lines of cells as segments: one plain segment a line when the
    console shows no colour, else a segment per run of a style."""

    def __init__(self, console: Console) -> None:
        self.plain = console.no_color or console.color_system is None
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
        drawer = _LineDrawer(console)
        widths = self.widths
        gaps = [_GAP] * (len(widths) - 1) + [0]
        if drawer.plain:
            yield from self.plain()
            return
        blank = list(drawer.line([(_Cell([]), None, sum(widths) + sum(gaps), 0)]))
        for number, row in enumerate(self.rows):
            if number:
                yield from blank
            lines = [cell.lines(width) for cell, width in zip(row, widths, strict=True)]
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
        drawer = _LineDrawer(console)
        width = options.max_width
        indent = _Cell([])
        inner = max(1, width - 2)
        for name, details in self.blocks:
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
        drawer = _LineDrawer(console)
        if drawer.plain:
            yield from self.plain(width, count)
            return
        blank = [(" " * width, "")]
        for start in range(0, len(self.entries), count):
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


class _Quoted:
    """A renderable drawn with a bar down its left side, on every wrapped line."""

    def __init__(self, renderable: RenderableType, style: str) -> None:
        self.renderable = renderable
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        bar = Segment("│ ", console.get_style(self.style))
        width = max(1, options.max_width - 2)
        for line in console.render_lines(self.renderable, options.update_width(width), pad=False):
            yield bar
            yield from line
            yield Segment.line()


class _LiteralConsole(Console):
    def on_broken_pipe(self) -> None:
        # `briefing summary FILE | head`: the reader has all it wants. Stop at this
        # first failed write (the command line ends quietly), not render the rest
        # into nowhere, which takes as long as printing it.
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise BrokenPipeError


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that prints literally: no markup, emoji codes or highlighting.

    Colour follows the terminal, ``NO_COLOR`` and ``FORCE_COLOR`` (Rich reads
    both); piped output is plain text.
    """
    console = _LiteralConsole(file=file, width=width, markup=False, emoji=False,
                              highlight=False, soft_wrap=False)
    # Narrower than a table or a card needs (COLUMNS=1), Rich divides by zero.
    console.width = max(console.width, MIN_WIDTH)
    return console


MIN_WIDTH = 20
"""The narrowest summary drawn, whatever the terminal says: ``--width``'s least value."""


def _footnotes(
    outline: Outline, evidence: EvidenceReport
) -> dict[tuple[str, int], tuple[int, str]]:
    """The footnote number of each backed claim, in reading order, and the passage of
    the article that backs it (as the article writes it, on one line)."""
    from .evidence import Status

    article = outline.article.text if outline.article is not None else ""
    notes: dict[tuple[str, int], tuple[int, str]] = {}
    for finding in evidence.findings:
        if finding.status is Status.BACKED and finding.spans:
            start, end = finding.spans[0]
            passage = visible(" ".join(article[start:end].split()))
            notes[finding.key] = (len(notes) + 1, passage)
    return notes


def print_summary(
    outline: Outline, *, width: int | None = None, file: IO[str] | None = None,
    evidence: EvidenceReport | None = None,
) -> None:
    """Print the summary of a briefing's ``outline``, in the outline's language; with
    ``evidence``, each backed claim has a footnote number, and the passages that
    back them are listed at the end."""
    console = make_console(file, width)
    renderer = SummaryRenderer(outline, evidence)
    for renderable in renderer.renderables():
        print_renderable(console, renderable)


def print_renderable(console: Console, renderable: RenderableType) -> None:
    """``console.print(renderable)``, written out every few thousand lines.

    Rich keeps everything it prints in memory until the end; a briefing of
    long texts would take gigabytes. Batches end at line breaks, so the output
    is the same. Plain output (piped, or ``NO_COLOR``) loses the spaces that pad
    its lines to the width.
    """
    plain = not console.is_terminal
    batch: list[Segment] = []
    size = 0
    for segment in console.render(renderable, console.options):
        batch.append(segment)
        size += len(segment.text)  # a segment may hold many lines (see _Grid.plain)
        if (len(batch) >= _BATCH_SEGMENTS or size >= _BATCH_CHARACTERS) and \
                segment.text.endswith("\n"):
            _write(console, batch, plain)
            batch, size = [], 0
    if batch:
        _write(console, batch, plain)


def _write(console: Console, segments: list[Segment], plain: bool) -> None:
    if plain:
        text = "".join(segment.text for segment in segments if not segment.control)
        # Line by line: a regular expression for spaces before a line end (` +$`)
        # tries each space of a run, which is quadratic in the run (a wide table's
        # padding) and took most of the time of a long table.
        console.file.write("\n".join(line.rstrip(" ") for line in text.split("\n")))
    else:
        console.print(Segments(segments))
