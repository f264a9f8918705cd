"""The Rich summary of a briefing: what ``briefing summary`` and the TUI's
print key show.

Every string from the briefing goes through :func:`_literal`, becoming a Rich
``Text`` (never markup) with terminal-active characters made visible.
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
from .figures import figure_headline, full_number
from .model import Briefing, Figure, Participant, Statement, Text
from .safe_text import visible

ACCENT = "cyan"
FIGURE_CARD_WIDTH = 36
_BATCH_SEGMENTS = 20_000
"""Segments rendered before they are written out."""


def _literal(text: str | None, style: str = "") -> RichText:
    return RichText(visible(text or ""), style=style)


class SummaryRenderer:
    """Builds the Rich renderables of a briefing in one language."""

    def __init__(self, briefing: Briefing, language: str | None = None) -> None:
        self.briefing = briefing
        self.language = language or briefing.language

    def t(self, text: Text | None) -> str:
        """A Text field in the chosen language (falling back to the original)."""
        return text.get(self.language) if text is not None else ""

    def renderables(self) -> Iterable[RenderableType]:
        """The summary, section by section."""
        briefing = self.briefing
        yield self.header()
        yield self.section("Summary")
        yield self.paragraphs(self.t(briefing.summary))
        yield self.section("Participants")
        yield self.participants() if briefing.participants else self.empty("No participants.")
        yield self.section("Sector priorities")
        yield self.priorities() if briefing.priorities else self.empty("No priorities.")
        yield self.section("Key figures")
        yield self.figures() if briefing.figures else self.empty("No figures.")
        if briefing.statements:
            yield self.section("Statements")
            yield self.statements()
        if briefing.timeline:
            yield self.section("Timeline")
            yield self.timeline()
        if briefing.outcomes:
            yield self.section("Outcomes")
            yield self.outcomes()
        if briefing.tags:
            yield self.section("Tags")
            yield Padding(_literal("  ".join(f"#{tag}" for tag in briefing.tags), "magenta"),
                          (0, 0, 0, 2))

    def header(self) -> Panel:
        briefing = self.briefing
        details = RichText()
        parts: list[RichText] = []
        if briefing.date is not None:
            parts.append(_literal(str(briefing.date), "bold"))
        if briefing.location is not None:
            parts.append(_literal(self.t(briefing.location)))
        source = briefing.source
        if source is not None and (source.outlet or source.attribution):
            via = RichText("Source: ", "dim")
            via.append(_literal(self.t(source.outlet)))
            if source.attribution is not None:
                via.append(" citing " if source.outlet else "", "dim")
                via.append(_literal(self.t(source.attribution)))
            parts.append(via)
        details = RichText(" · ", "dim").join(parts)
        lines: list[RenderableType] = [_literal(self.t(briefing.title), f"bold {ACCENT}")]
        if parts:
            lines.append(details)
        if source is not None and source.url:
            lines.append(_literal(source.url, "underline"))
        if source is not None and source.published is not None:
            lines.append(RichText("Published ", "dim") + _literal(str(source.published)))
        languages = briefing.languages
        if len(languages) > 1:
            shown = RichText("Language: ", "dim")
            for index, language in enumerate(languages):
                shown.append(" " if index else "")
                shown.append(_literal(language, "reverse" if language == self.language else "dim"))
            lines.append(shown)
        return Panel(Group(*lines), box=box.HEAVY, border_style=ACCENT, padding=(0, 1))

    def section(self, title: str) -> Rule:
        return Rule(RichText(title, f"bold {ACCENT}"), align="left", style=ACCENT)

    def empty(self, message: str) -> Padding:
        return Padding(RichText(message, "dim italic"), (0, 0, 0, 2))

    def paragraphs(self, text: str) -> Padding:
        # Only spaces, tabs and line breaks: strip() would also drop controls such as
        # U+001F and U+0085 at a paragraph's edges, which are shown, not removed.
        paragraphs = text.replace("\r\n", "\n").split("\n\n")
        blocks = [block.strip(" \t\n") for block in paragraphs]
        body = RichText("\n\n").join(_literal(block) for block in blocks if block)
        return Padding(body, (0, 2))

    def participants(self) -> Table:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, leading=1,
                      header_style=f"bold {ACCENT}")
        for name, ratio in (("Name", 3), ("Role", 4), ("Organization", 3), ("Country", 2)):
            table.add_column(name, ratio=ratio, overflow="fold")
        for participant in self.briefing.participants:
            table.add_row(
                self.participant_name(participant),
                self.participant_role(participant),
                _literal(self.t(participant.organization)),
                _literal(self.t(participant.country)),
            )
        return table

    def participant_name(self, participant: Participant) -> RichText:
        name = _literal(self.t(participant.name), "bold")
        if participant.kind.value != "person":
            name.append(f" ({participant.kind.value})", "dim")
        return name

    def participant_role(self, participant: Participant) -> RichText:
        role = _literal(self.t(participant.role))
        if participant.notes is not None:
            role.append("\n" if participant.role else "")
            role.append(_literal(self.t(participant.notes), "dim italic"))
        return role

    def priorities(self) -> Group:
        rows: list[RenderableType] = []
        for rank, priority in enumerate(self.briefing.priorities, start=1):
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=3, justify="right", style=f"bold {ACCENT}")
            grid.add_column(ratio=1, overflow="fold")
            body = _literal(self.t(priority.sector), "bold")
            if priority.summary is not None:
                body.append("\n")
                body.append(_literal(self.t(priority.summary)))
            for initiative in priority.initiatives:
                body.append("\n • ", ACCENT)
                body.append(_literal(self.t(initiative)))
            grid.add_row(f"{rank}.", body)
            rows.append(Padding(grid, (0, 0, 1 if rank < len(self.briefing.priorities) else 0, 0)))
        return Group(*rows)

    def figures(self) -> _FigureCards:
        return _FigureCards(self)

    def figure_card(self, figure: Figure, width: int = FIGURE_CARD_WIDTH) -> Panel:
        headline = visible(figure_headline(figure))
        big, rest = split_big(headline)
        lines: list[RichText] = []
        if big and len(big) * 3 + len(rest) <= width - 4:
            rows = big_lines(big)
            rows[-1] += rest
            lines.append(RichText("\n".join(rows), f"bold {ACCENT}"))
        else:
            lines.append(_literal(headline, f"bold {ACCENT}"))
        lines.append(_literal(self.t(figure.label), "bold"))
        exact = RichText(full_number(figure.value), "dim")
        if figure.unit is not None:
            exact.append(" ")
            exact.append(_literal(self.t(figure.unit), "dim"))
        if figure.period:
            exact.append(" · ", "dim")
            exact.append(_literal(figure.period, "dim"))
        lines.append(exact)
        if figure.note is not None:
            lines.append(_literal(self.t(figure.note), "italic"))
        for line in lines:  # the cards' columns would cut a long word short with "…"
            line.overflow = "fold"
        return Panel(Group(*lines), box=box.ROUNDED, border_style="dim", padding=(0, 1))

    def statements(self) -> Group:
        return Group(*(self.statement(s) for s in self.briefing.statements))

    def statement(self, statement: Statement) -> Padding:
        speaker = statement.speaker
        who = _literal(self.t(speaker.name) if speaker else statement.by, f"bold {ACCENT}")
        if speaker is not None and speaker.role is not None:
            who.append(", ")
            who.append(_literal(self.t(speaker.role), "dim"))
        quote = _Quoted(_literal(self.t(statement.text)), ACCENT)
        return Padding(Group(who, Padding(quote, (0, 0, 0, 1))), (0, 2, 1, 2))

    def timeline(self) -> Padding:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for entry in self.briefing.timeline:
            table.add_row(_literal(str(entry.date), "bold"), _literal(self.t(entry.event)))
        return Padding(table, (0, 0, 0, 2))

    def outcomes(self) -> Group:
        items = []
        for outcome in self.briefing.outcomes:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=1, style="green")
            grid.add_column(ratio=1, overflow="fold")
            grid.add_row("✓", _literal(self.t(outcome)))
            items.append(Padding(grid, (0, 0, 0, 2)))
        return Group(*items)


class _FigureCards:
    """The figure cards side by side, as many as fit; on a console narrower than
    one card (``--width 20``), one narrower card to a row."""

    def __init__(self, renderer: SummaryRenderer) -> None:
        self.renderer = renderer

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Columns leaves a column of padding to the right of each card, and with
        # no room for one card it would divide by zero.
        width = max(1, min(FIGURE_CARD_WIDTH, options.max_width - 1))
        renderer = self.renderer
        cards = [renderer.figure_card(figure, width) for figure in renderer.briefing.figures]
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
    briefing: Briefing, *, language: str | None = None, width: int | None = None,
    file: IO[str] | None = None,
) -> None:
    """Print the summary of ``briefing`` in ``language`` (default: its original)."""
    console = make_console(file, width)
    renderer = SummaryRenderer(briefing, language)
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
