"""The briefing data model, and the field tables that the loader, the JSON
Schema and the starter template are all made from.

No Textual or Rich import here: the model is shared by every command.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from enum import Enum, StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

FORMAT_VERSION = 1
"""The format version this program reads and writes."""

DEFAULT_LANGUAGE = "en"

# The model is made of NamedTuples: immutable, typed, and several times cheaper
# to define than dataclasses, which matters for the start-up of `summary`.
EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The ``extensions`` of an item that has none (shared, read-only)."""


class Text(NamedTuple):
    """Human-readable text in one or more languages.

    ``values`` maps a language tag to the text, in file order. ``original`` is
    the briefing's language, used when a requested translation is missing.
    """

    values: Mapping[str, str]
    original: str

    def get(self, language: str | None = None) -> str:
        """The text in ``language``, else in the original language, else the first given."""
        if language is not None and language in self.values:
            return self.values[language]
        if self.original in self.values:
            return self.values[self.original]
        return next(iter(self.values.values()))

    def __str__(self) -> str:
        return self.get()


class PartialDate(NamedTuple):
    """A date given to the year, month or day, shown exactly as precise as given."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, value: str) -> PartialDate | None:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` if it is not a real date."""
        parts = value.split("-")
        if not 1 <= len(parts) <= 3 or [len(p) for p in parts] != [4, 2, 2][: len(parts)]:
            return None
        if not all(p.isascii() and p.isdigit() for p in parts):
            return None
        numbers = [int(p) for p in parts]
        try:
            datetime.date(numbers[0], *(numbers[1:] + [1, 1][len(numbers) - 1 :]))
        except ValueError:
            return None
        if numbers[0] == 0:
            return None
        return cls(*numbers)


class ParticipantKind(StrEnum):
    """What a participant is."""

    PERSON = "person"
    DELEGATION = "delegation"
    ORGANIZATION = "organization"
    GROUP = "group"


class Source(NamedTuple):
    """Where the briefing's facts come from."""

    outlet: Text | None = None
    attribution: Text | None = None
    url: str | None = None
    published: PartialDate | None = None
    text: str | None = None
    """Path of the original article's text, relative to the briefing file."""
    extensions: Mapping[str, Any] = EMPTY


class Participant(NamedTuple):
    """Someone (or some body) who took part."""

    name: Text
    id: str | None = None
    role: Text | None = None
    organization: Text | None = None
    country: Text | None = None
    kind: ParticipantKind = ParticipantKind.PERSON
    notes: Text | None = None
    extensions: Mapping[str, Any] = EMPTY


class Priority(NamedTuple):
    """A sector priority; the briefing lists them most important first."""

    sector: Text
    summary: Text | None = None
    initiatives: tuple[Text, ...] = ()
    evidence: str | None = None
    extensions: Mapping[str, Any] = EMPTY


class Figure(NamedTuple):
    """A key figure: a number with what it measures."""

    label: Text
    value: int | float
    unit: Text | None = None
    display: str | None = None
    period: str | None = None
    note: Text | None = None
    evidence: str | None = None
    extensions: Mapping[str, Any] = EMPTY


class Statement(NamedTuple):
    """What a participant said; ``speaker`` is the participant ``by`` names."""

    by: str
    text: Text
    evidence: str | None = None
    speaker: Participant | None = None
    extensions: Mapping[str, Any] = EMPTY


class TimelineEntry(NamedTuple):
    """A dated event around the briefing."""

    date: PartialDate
    event: Text
    extensions: Mapping[str, Any] = EMPTY


class Briefing(NamedTuple):
    """One briefing file, loaded and checked."""

    version: int
    title: Text
    summary: Text
    language: str = DEFAULT_LANGUAGE
    date: PartialDate | None = None
    location: Text | None = None
    source: Source | None = None
    participants: tuple[Participant, ...] = ()
    priorities: tuple[Priority, ...] = ()
    figures: tuple[Figure, ...] = ()
    statements: tuple[Statement, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    outcomes: tuple[Text, ...] = ()
    tags: tuple[str, ...] = ()
    extensions: Mapping[str, Any] = EMPTY
    path: Path | None = None
    """The file it was loaded from, if any."""

    def texts(self) -> Iterator[Text]:
        """Every Text in the briefing, in reading order."""
        yield self.title
        if self.location:
            yield self.location
        if self.source:
            yield from (t for t in (self.source.outlet, self.source.attribution) if t)
        yield self.summary
        for participant in self.participants:
            yield from _present(
                participant.name, participant.role, participant.organization,
                participant.country, participant.notes,
            )
        for priority in self.priorities:
            yield from _present(priority.sector, priority.summary)
            yield from priority.initiatives
        for figure in self.figures:
            yield from _present(figure.label, figure.unit, figure.note)
        for statement in self.statements:
            yield statement.text
        for entry in self.timeline:
            yield entry.event
        yield from self.outcomes

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages of the briefing's text: the original first, then as they appear."""
        seen = {self.language: None}
        for text in self.texts():
            seen.update(dict.fromkeys(text.values))
        return tuple(seen)

    @property
    def source_text_path(self) -> Path | None:
        """Absolute path of the source article, when the briefing names one."""
        if self.source is None or self.source.text is None or self.path is None:
            return None
        return self.path.parent / self.source.text


def _present(*texts: Text | None) -> Iterator[Text]:
    return (text for text in texts if text is not None)


# ---------------------------------------------------------------------------
# Field tables: the single description of the format that the loader, the
# JSON Schema and the docs' tests read.


class Kind(Enum):
    """How a field's YAML value is read."""

    TEXT = "text"  # a string or a {language: string} map
    STRING = "string"  # a single-language string (evidence, display, url)
    INTEGER = "integer"
    NUMBER = "number"  # a finite number
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    LANGUAGE = "language"  # a BCP 47 tag
    SLUG = "slug"  # an id for references
    CHOICE = "choice"  # one of ``choices``
    PATH = "path"  # a relative path inside the briefing's folder
    TEXT_LIST = "text list"
    STRING_LIST = "string list"
    RECORD = "record"  # a mapping described by ``record``
    RECORD_LIST = "record list"


class FieldSpec(NamedTuple):
    """One key of a mapping in the format."""

    name: str
    kind: Kind
    description: str
    required: bool = False
    record: RecordSpec | None = None
    choices: tuple[str, ...] = ()
    attribute: str | None = None
    """The model attribute, when it differs from ``name``."""


class RecordSpec(NamedTuple):
    """A mapping in the format, and the model class it becomes."""

    name: str
    model: type
    fields: tuple[FieldSpec, ...]
    description: str = ""

    def field(self, name: str) -> FieldSpec | None:
        """The spec of the key ``name``, if the record has one."""
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        return None


SOURCE = RecordSpec("source", Source, (
    FieldSpec("outlet", Kind.TEXT, "the publication or agency that reported it"),
    FieldSpec("attribution", Kind.TEXT, "via whom the outlet reports it"),
    FieldSpec("url", Kind.STRING, "address of the original article"),
    FieldSpec("published", Kind.DATE, "when the article was published"),
    FieldSpec("text", Kind.PATH, "path of the article's text, relative to this file"),
), "where the facts come from")

PARTICIPANT = RecordSpec("participant", Participant, (
    FieldSpec("name", Kind.TEXT, "name of the person or body", required=True),
    FieldSpec("id", Kind.SLUG, "short id that statements use in `by`"),
    FieldSpec("role", Kind.TEXT, "position or function"),
    FieldSpec("organization", Kind.TEXT, "ministry, agency or company"),
    FieldSpec("country", Kind.TEXT, "country represented"),
    FieldSpec("kind", Kind.CHOICE, "what the participant is (default: person)",
              choices=tuple(k.value for k in ParticipantKind)),
    FieldSpec("notes", Kind.TEXT, "anything else worth knowing"),
), "someone who took part")

PRIORITY = RecordSpec("priority", Priority, (
    FieldSpec("sector", Kind.TEXT, "the sector", required=True),
    FieldSpec("summary", Kind.TEXT, "what was said about it"),
    FieldSpec("initiatives", Kind.TEXT_LIST, "named projects and initiatives"),
    FieldSpec("evidence", Kind.STRING, "verbatim excerpt of the source article"),
), "a sector priority, most important first")

FIGURE = RecordSpec("figure", Figure, (
    FieldSpec("label", Kind.TEXT, "what the number measures", required=True),
    FieldSpec("value", Kind.NUMBER, "the number itself (finite)", required=True),
    FieldSpec("unit", Kind.TEXT, "unit of the value, e.g. USD"),
    FieldSpec("display", Kind.STRING, "how to show the value, e.g. \"$35 bn\""),
    FieldSpec("period", Kind.STRING, "the period it covers"),
    FieldSpec("note", Kind.TEXT, "context for the number"),
    FieldSpec("evidence", Kind.STRING, "verbatim excerpt of the source article"),
), "a key figure")

STATEMENT = RecordSpec("statement", Statement, (
    FieldSpec("by", Kind.STRING, "`id` or name of a participant", required=True),
    FieldSpec("text", Kind.TEXT, "what was said, reported or quoted", required=True),
    FieldSpec("evidence", Kind.STRING, "verbatim excerpt of the source article"),
), "what a participant said")

TIMELINE_ENTRY = RecordSpec("timeline entry", TimelineEntry, (
    FieldSpec("date", Kind.DATE, "when", required=True),
    FieldSpec("event", Kind.TEXT, "what happened", required=True),
), "a dated event")

BRIEFING = RecordSpec("briefing", Briefing, (
    FieldSpec("briefing", Kind.INTEGER, "format version; 1", required=True, attribute="version"),
    FieldSpec("title", Kind.TEXT, "headline", required=True),
    FieldSpec("language", Kind.LANGUAGE, "BCP 47 tag of the original text (default: en)"),
    FieldSpec("date", Kind.DATE, "when the event took place"),
    FieldSpec("location", Kind.TEXT, "where"),
    FieldSpec("source", Kind.RECORD, "where the facts come from", record=SOURCE),
    FieldSpec("summary", Kind.TEXT, "the event summary; paragraphs separated by a blank line",
              required=True),
    FieldSpec("participants", Kind.RECORD_LIST, "who took part", record=PARTICIPANT),
    FieldSpec("priorities", Kind.RECORD_LIST, "sector priorities, most important first",
              record=PRIORITY),
    FieldSpec("figures", Kind.RECORD_LIST, "key figures", record=FIGURE),
    FieldSpec("statements", Kind.RECORD_LIST, "what participants said", record=STATEMENT),
    FieldSpec("timeline", Kind.RECORD_LIST, "dated events around the briefing",
              record=TIMELINE_ENTRY),
    FieldSpec("outcomes", Kind.TEXT_LIST, "what was agreed or decided"),
    FieldSpec("tags", Kind.STRING_LIST, "free keywords"),
), "a briefing file")
