"""What an export shows, read once from the outline: :class:`Document`.

Markdown and HTML show the same things in the same order as the printed summary:
the header, the summary, participants as a table of the columns they fill,
priorities ranked with their initiatives, figures with their display and exact
value, statements with their speaker, the timeline, outcomes and tags. This
module reads them from an :class:`~briefing.outline.Outline` into plain values,
each text with its language; the writers (``to_markdown``, ``to_html``) only
decide how each looks. No Rich or Textual import here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..figures import figure_headline
from ..interface import Interface, interface
from ..outline import ITEM, Field, Outline, Section, list_items

PARTICIPANT_COLUMNS = ("name", "role", "organization", "country")
"""The participants table's columns, each a field; those no participant fills are left out."""


class Piece(NamedTuple):
    """A text from the briefing, in its language (``""``: the same in every language)."""

    text: str
    language: str


class Participant(NamedTuple):
    """One row of the participants table: a list of pieces per column."""

    cells: tuple[tuple[Piece, ...], ...]


class Priority(NamedTuple):
    """A sector priority, with its rank (from 1)."""

    rank: int
    sector: Piece
    summary: Piece | None
    initiatives: tuple[Piece, ...]


class FigureView(NamedTuple):
    """A key figure as shown: ``headline`` is its display or a short number."""

    headline: Piece
    label: Piece
    exact: str
    """The value in full digits, e.g. ``35 000 000 000``."""
    unit: Piece | None
    period: Piece | None
    note: Piece | None


class StatementView(NamedTuple):
    """What a participant said, with who said it."""

    speaker: Piece
    role: Piece | None
    text: tuple[Piece, ...]


class Dated(NamedTuple):
    """A timeline entry."""

    date: str
    event: Piece


class Header(NamedTuple):
    """The title and what is said about the event and its source."""

    title: Piece
    date: str | None
    location: Piece | None
    outlet: Piece | None
    attribution: Piece | None
    url: str | None
    published: str | None
    languages: str
    """Which language is shown, and which others the briefing has."""


class Document:
    """An outline read for export, in the outline's language."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.language = outline.language
        self.t: Interface = interface(outline.language)
        """The interface's words (headings, labels) in the language shown."""
        summary = outline.entry(Section.SUMMARY)
        assert summary is not None  # every briefing has a title and a summary
        self._top = summary

    # -- the parts, in reading order ------------------------------------------

    def header(self) -> Header:
        """The title, date, location, source and languages."""
        top, source = self._top, self.outline.entry(Section.SOURCE)
        return Header(
            title=_piece(top.field("title")) or Piece("", ""),
            date=top.text("date") or None,
            location=_piece(top.field("location")),
            outlet=_piece(source.field("outlet")) if source else None,
            attribution=_piece(source.field("attribution")) if source else None,
            url=source.text("url") or None if source else None,
            published=source.text("published") or None if source else None,
            languages=self.t.languages_line(self.outline.language, self.outline.languages),
        )

    def summary(self) -> tuple[Piece, ...]:
        """The event summary's paragraphs."""
        return _paragraphs(self._top.field("summary"))

    def participant_columns(self) -> tuple[str, ...]:
        """The participants table's columns: ``name`` and those some participant fills."""
        entries = self.outline.entries(Section.PARTICIPANTS)
        return tuple(name for name in PARTICIPANT_COLUMNS
                     if name == "name" or any(entry.field(name) for entry in entries))

    def participants(self) -> list[Participant]:
        """One row per participant; the name tells a group or delegation, and the
        role cell holds every other text the participant has (its notes)."""
        columns = self.participant_columns()
        rows = []
        for entry in self.outline.entries(Section.PARTICIPANTS):
            cells = []
            for name in columns:
                cell = list(_paragraphs(entry.field(name)))
                if name == "name":
                    kind = entry.text("kind")
                    if kind and kind != "person":
                        cell.append(Piece(f"({self.t(kind)})", self.t.language))
                elif name == "role":
                    cell += [piece for field in entry.fields.values()
                             if field.searchable and field.key.name not in PARTICIPANT_COLUMNS
                             for piece in _paragraphs(field)]
                cells.append(tuple(cell))
            rows.append(Participant(tuple(cells)))
        return rows

    def priorities(self) -> list[Priority]:
        """The sector priorities, most important first."""
        return [Priority(entry.number + 1, _piece(entry.field("sector")) or Piece("", ""),
                         _piece(entry.field("summary")),
                         tuple(_piece_of(field) for field in list_items(entry, "initiatives")))
                for entry in self.outline.entries(Section.PRIORITIES)]

    def figures(self) -> list[FigureView]:
        """The key figures, each with its display (or a short number) and exact value."""
        figures = []
        for entry in self.outline.entries(Section.FIGURES):
            value = entry.fields["value"]
            display = entry.field("display")
            headline = figure_headline(display.text if display else None, value.value, self.t)
            figures.append(FigureView(
                headline=Piece(headline, display.language if display else self.t.language),
                label=_piece(entry.field("label")) or Piece("", ""),
                exact=value.shown,
                unit=_piece(entry.field("unit")),
                period=_piece(entry.field("period")),
                note=_piece(entry.field("note")),
            ))
        return figures

    def statements(self) -> list[StatementView]:
        """What was said, each with its speaker's name (or the ``by`` written) and role."""
        return [StatementView(
            speaker=_piece(entry.field("speaker.name")) or _piece(entry.field("by"))
            or Piece("", ""),
            role=_piece(entry.field("speaker.role")),
            text=_paragraphs(entry.field("text")),
        ) for entry in self.outline.entries(Section.STATEMENTS)]

    def timeline(self) -> list[Dated]:
        """The dated events."""
        return [Dated(entry.text("date"), _piece(entry.field("event")) or Piece("", ""))
                for entry in self.outline.entries(Section.TIMELINE)]

    def outcomes(self) -> list[Piece]:
        """What was agreed or decided."""
        return list(self._items(Section.OUTCOMES))

    def tags(self) -> list[str]:
        """The free keywords."""
        return [piece.text for piece in self._items(Section.TAGS)]

    # -- helpers ----------------------------------------------------------------

    def _items(self, section: Section) -> Iterator[Piece]:
        for entry in self.outline.entries(section):
            yield _piece_of(entry.fields[ITEM])



def _piece_of(field: Field) -> Piece:
    return Piece(" ".join(field.paragraphs), field.language)


def _piece(field: Field | None) -> Piece | None:
    """The field's text on one line, with its language; None without the field."""
    return _piece_of(field) if field is not None else None


def _paragraphs(field: Field | None) -> tuple[Piece, ...]:
    if field is None:
        return ()
    return tuple(Piece(paragraph, field.language) for paragraph in field.paragraphs)

