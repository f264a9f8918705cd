"""The Rich summary of a briefing: what ``briefing summary`` and the TUI's
print key show.

It reads the briefing's :class:`~briefing.outline.Outline`, whose texts are
already made safe to show; each becomes a Rich ``Text`` through
:func:`_literal`, never markup. The sections are built here; the line-by-line
renderers for big briefings are in :mod:`.summary_lines` and
:mod:`.summary_blocks`, the console and the
batched printing in :mod:`.summary_console`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text as RichText

from .big_digits import big_lines, split_big
from .columns import column_widths, longest_word, widest_line
from .figures import figure_headline
from .interface import interface
from .outline import ITEM, Entry, Field, Outline, Section, list_items, tags_line
from .summary_blocks import _Priorities, _Statements, _Timeline, rank_cells

# The names imported ``as`` themselves are re-exported: the diff, the library, the
# exporters and the tests import them from here.
from .summary_console import make_console as make_console
from .summary_console import print_renderable as print_renderable
from .summary_footnotes import evidence_footnotes
from .summary_lines import _GAP, _Cell, _Stacked
from .summary_lines import FIGURE_CARD_WIDTH as FIGURE_CARD_WIDTH
from .summary_lines import _FigureCards as _FigureCards
from .summary_lines import _Grid as _Grid

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from .evidence import EvidenceReport

ACCENT = "cyan"
PARTICIPANT_COLUMNS = ("name", "role", "organization", "country")
"""The participants table's columns, each a field; columns no participant fills are left out."""
STACKED_BELOW = 60
"""Narrower than this, participants are one block each instead of a table."""
_OUTCOMES_AT_ONCE = 50
"""Outcomes drawn by one grid (see ``SummaryRenderer.outcomes``)."""


def _literal(text: str | None, style: str = "") -> RichText:
    """``text`` (already made safe by the outline) as literal Rich text."""
    return RichText(text or "", style=style)


class SummaryRenderer:
    """Builds the Rich renderables of a briefing's outline."""

    def __init__(self, outline: Outline, evidence: EvidenceReport | None = None) -> None:
        self.outline = outline
        self.footnotes: dict[tuple[str, int], tuple[int, str]] = (
            evidence_footnotes(outline, evidence) if evidence is not None else {})
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
        return self.t.languages_line(self.outline.language, self.outline.languages)

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

    accent = ACCENT
    """The colour of ranks, names, bullets and bars."""

    def priorities(self, entries: tuple[Entry, ...]) -> _Priorities:
        return _Priorities(self, entries)

    def priority_texts(self, entry: Entry) -> tuple[RichText, RichText | None, list[RichText]]:
        """A priority's sector (with its footnote), summary and initiatives."""
        sector = self.marked(entry, _literal(entry.text("sector"), "bold"))
        summary = _literal(entry.text("summary")) if entry.field("summary") else None
        return sector, summary, [_literal(initiative.shown)
                                 for initiative in list_items(entry, "initiatives")]

    def priorities_rich(self, entries: tuple[Entry, ...]) -> Group:
        """The priorities as Rich grids (what :class:`_Priorities` draws line by line)."""
        rows: list[RenderableType] = []
        for entry in entries:
            rank = entry.number + 1
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=rank_cells(len(entries)), justify="right",
                            style=f"bold {ACCENT}")
            grid.add_column(ratio=1, overflow="fold")
            sector, summary, initiatives = self.priority_texts(entry)
            body: list[RenderableType] = [sector]
            if summary is not None:
                body.append(summary)
            if initiatives:
                # A grid, so that a wrapped initiative stays indented under its bullet.
                bullets = Table.grid(padding=(0, 1), expand=True)
                bullets.add_column(width=1, style=ACCENT)
                bullets.add_column(ratio=1, overflow="fold")
                for initiative in initiatives:
                    bullets.add_row("•", initiative)
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

    def statements(self, entries: tuple[Entry, ...]) -> _Statements:
        return _Statements(self, entries)

    def statement_texts(self, entry: Entry) -> tuple[RichText, RichText]:
        """Who made a statement (name, role), and the statement with its footnote."""
        who = _literal(entry.text("speaker.name") or entry.text("by"), f"bold {ACCENT}")
        if entry.field("speaker.role"):
            who.append(", ")
            who.append(_literal(entry.text("speaker.role"), "dim"))
        return who, self.marked(entry, _literal(entry.text("text")))

    def statements_rich(self, entries: tuple[Entry, ...]) -> Group:
        """The statements as Rich renderables (what :class:`_Statements` draws)."""
        return Group(*(self.statement(entry) for entry in entries))

    def statement(self, entry: Entry) -> Padding:
        who, text = self.statement_texts(entry)
        quote = _Quoted(text, ACCENT)
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

    def timeline(self, entries: tuple[Entry, ...]) -> _Timeline:
        return _Timeline(self, entries)

    def timeline_texts(self, entry: Entry) -> tuple[RichText, RichText]:
        """A timeline entry's date and event."""
        return _literal(entry.text("date"), "bold"), _literal(entry.text("event"))

    def timeline_rich(self, entries: tuple[Entry, ...]) -> Padding:
        """The timeline as a Rich table (what :class:`_Timeline` draws line by line)."""
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for entry in entries:
            table.add_row(*self.timeline_texts(entry))
        return Padding(table, (0, 0, 0, 2))

    def outcomes(self, entries: tuple[Entry, ...]) -> Group:
        # A grid of a row each per _OUTCOMES_AT_ONCE outcomes: a grid per outcome draws
        # the same, 40% slower; one grid for them all holds every line in memory
        # at once, and is slower still for long outcomes.
        grids = []
        for start in range(0, len(entries), _OUTCOMES_AT_ONCE):
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(width=1, style="green")
            grid.add_column(ratio=1, overflow="fold")
            for entry in entries[start:start + _OUTCOMES_AT_ONCE]:
                grid.add_row("✓", _literal(entry.text(ITEM)))
            grids.append(Padding(grid, (0, 0, 0, 2)))
        return Group(*grids)

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


