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
from typing import IO

from rich import box
from rich.columns import Columns
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text as RichText

from .big_digits import big_lines, split_big
from .figures import figure_headline
from .outline import ITEM, Entry, Field, Outline, Section, list_items, tags_line
from .safe_text import visible

ACCENT = "cyan"
FIGURE_CARD_WIDTH = 36
_PARTICIPANT_COLUMNS = (("name", 3), ("role", 4), ("organization", 3), ("country", 2))
"""The participants table's columns (each a field) and their shares of the width."""
_BATCH_SEGMENTS = 20_000
"""Segments rendered before they are written out."""


def _literal(text: str | None, style: str = "") -> RichText:
    """``text`` (already made safe by the outline) as literal Rich text."""
    return RichText(text or "", style=style)


class SummaryRenderer:
    """Builds the Rich renderables of a briefing's outline."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
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
        yield self.participants(participants) if participants else self.empty("No participants.")
        yield self.section("Sector priorities")
        priorities = outline.entries(Section.PRIORITIES)
        yield self.priorities(priorities) if priorities else self.empty("No priorities.")
        yield self.section("Key figures")
        figures = outline.entries(Section.FIGURES)
        yield _FigureCards(self, figures) if figures else self.empty("No figures.")
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

    def header(self) -> Panel:
        top = self.top
        parts = [_literal(top.text("date"), "bold")] if top.field("date") else []
        if top.field("location"):
            parts.append(_literal(top.text("location")))
        source = self.outline.entry(Section.SOURCE)
        if source is not None and (source.field("outlet") or source.field("attribution")):
            via = RichText("Source: ", "dim")
            via.append(_literal(source.text("outlet")))
            if source.field("attribution"):
                via.append(" citing " if source.field("outlet") else "", "dim")
                via.append(_literal(source.text("attribution")))
            parts.append(via)
        lines: list[RenderableType] = [_literal(top.text("title"), f"bold {ACCENT}")]
        if parts:
            lines.append(RichText(" · ", "dim").join(parts))
        if source is not None and source.field("url"):
            lines.append(_literal(source.text("url"), "underline"))
        if source is not None and source.field("published"):
            lines.append(RichText("Published ", "dim") + _literal(source.text("published")))
        languages = self.outline.languages
        if len(languages) > 1:
            shown = RichText("Language: ", "dim")
            for index, language in enumerate(languages):
                shown.append(" " if index else "")
                style = "reverse" if language == self.outline.language else "dim"
                shown.append(_literal(visible(language), style))
            lines.append(shown)
        return Panel(Group(*lines), box=box.HEAVY, border_style=ACCENT, padding=(0, 1))

    def section(self, title: str) -> Rule:
        return Rule(RichText(title, f"bold {ACCENT}"), align="left", style=ACCENT)

    def empty(self, message: str) -> Padding:
        return Padding(RichText(message, "dim italic"), (0, 0, 0, 2))

    def paragraphs(self, field: Field | None) -> Padding:
        paragraphs = field.paragraphs if field is not None else ()
        body = RichText("\n\n").join(_literal(paragraph) for paragraph in paragraphs)
        return Padding(body, (0, 2))

    def participants(self, entries: tuple[Entry, ...]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, leading=1,
                      header_style=f"bold {ACCENT}")
        for name, ratio in _PARTICIPANT_COLUMNS:
            table.add_column(name.capitalize(), ratio=ratio, overflow="fold")
        for entry in entries:
            table.add_row(
                self.participant_name(entry),
                self.participant_role(entry),
                _literal(entry.text("organization")),
                _literal(entry.text("country")),
            )
        return table

    def participant_name(self, entry: Entry) -> RichText:
        name = _literal(entry.text("name"), "bold")
        kind = entry.text("kind")
        if kind and kind != "person":
            name.append(f" ({kind})", "dim")
        return name

    def participant_role(self, entry: Entry) -> RichText:
        """The role, then every other text of the participant that has no column
        (its notes, and any field declared later), one to a line."""
        role = _literal(entry.text("role"))
        columns = {name for name, _ in _PARTICIPANT_COLUMNS}
        for field in entry.fields.values():
            if field.searchable and field.key.name not in columns:
                role.append("\n" if role.plain else "")
                role.append(_literal(field.shown, "dim italic"))
        return role

    def priorities(self, entries: tuple[Entry, ...]) -> Group:
        rows: list[RenderableType] = []
        for entry in entries:
            rank = entry.number + 1
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=3, justify="right", style=f"bold {ACCENT}")
            grid.add_column(ratio=1, overflow="fold")
            body = _literal(entry.text("sector"), "bold")
            if entry.field("summary"):
                body.append("\n")
                body.append(_literal(entry.text("summary")))
            for initiative in list_items(entry, "initiatives"):
                body.append("\n • ", ACCENT)
                body.append(_literal(initiative.shown))
            grid.add_row(f"{rank}.", body)
            rows.append(Padding(grid, (0, 0, 1 if rank < len(entries) else 0, 0)))
        return Group(*rows)

    def figure_card(self, entry: Entry, width: int = FIGURE_CARD_WIDTH) -> Panel:
        value = entry.fields["value"]
        headline = figure_headline(entry.text("display") or None, value.value)
        big, rest = split_big(headline)
        lines: list[RichText] = []
        if big and len(big) * 3 + len(rest) <= width - 4:
            rows = big_lines(big)
            rows[-1] += rest
            lines.append(RichText("\n".join(rows), f"bold {ACCENT}"))
        else:
            lines.append(_literal(headline, f"bold {ACCENT}"))
        lines.append(_literal(entry.text("label"), "bold"))
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
        return Panel(Group(*lines), box=box.ROUNDED, border_style="dim", padding=(0, 1))

    def statements(self, entries: tuple[Entry, ...]) -> Group:
        return Group(*(self.statement(entry) for entry in entries))

    def statement(self, entry: Entry) -> Padding:
        speaker = None
        if entry.refers_to is not None:
            speaker = self.outline.entry(Section.PARTICIPANTS, entry.refers_to)
        who = _literal(speaker.text("name") if speaker else entry.text("by"), f"bold {ACCENT}")
        if speaker is not None and speaker.field("role"):
            who.append(", ")
            who.append(_literal(speaker.text("role"), "dim"))
        quote = _Quoted(_literal(entry.text("text")), ACCENT)
        return Padding(Group(who, Padding(quote, (0, 0, 0, 1))), (0, 2, 1, 2))

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
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=1, style="green")
            grid.add_column(ratio=1, overflow="fold")
            grid.add_row("✓", _literal(entry.text(ITEM)))
            items.append(Padding(grid, (0, 0, 0, 2)))
        return Group(*items)

    def tags(self, entries: tuple[Entry, ...]) -> Padding:
        line = _literal(tags_line(entry.text(ITEM) for entry in entries), "magenta")
        return Padding(line, (0, 0, 0, 2))


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
        renderer = self.renderer
        cards = [renderer.figure_card(entry, width) for entry in self.entries]
        yield Columns(cards, width=width, padding=(0, 1))


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
        # `briefing summary FILE | head`: the reader has all it wants; stop quietly.
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that prints literally: no markup, emoji codes or highlighting.

    Colour follows the terminal, ``NO_COLOR`` and ``FORCE_COLOR`` (Rich reads
    both); piped output is plain text.
    """
    return _LiteralConsole(file=file, width=width, markup=False, emoji=False, highlight=False,
                   soft_wrap=False)


def print_summary(
    outline: Outline, *, width: int | None = None, file: IO[str] | None = None,
) -> None:
    """Print the summary of a briefing's ``outline``, in the outline's language."""
    console = make_console(file, width)
    renderer = SummaryRenderer(outline)
    for renderable in renderer.renderables():
        _print_in_batches(console, renderable)


def _print_in_batches(console: Console, renderable: RenderableType) -> None:
    """``console.print(renderable)``, written out every few thousand lines.

    Rich keeps everything it prints in memory until the end; a briefing of
    long texts would take gigabytes. Batches end at line breaks, so the output
    is the same.
    """
    batch: list[Segment] = []
    for segment in console.render(renderable, console.options):
        batch.append(segment)
        if len(batch) >= _BATCH_SEGMENTS and segment.text.endswith("\n"):
            console.print(Segments(batch))
            batch = []
    if batch:
        console.print(Segments(batch))
