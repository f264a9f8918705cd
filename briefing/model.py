"""The briefing data model, each record's fields declared once.

Every field of a record is declared in its class, as ``Annotated[type,
declare(kind, description, ...)]``; :func:`record_spec` reads those
declarations into the :class:`RecordSpec` that the loader, the outline, the
JSON Schema and the docs' tests all read. A field without a default is
required.

No Textual or Rich import here: the model is shared by every command.

Unlike the other modules, this one does not postpone its annotations (no
``from __future__ import annotations``): the declarations are evaluated as each
class is defined, from the compiled module, which is much cheaper than compiling
them from strings at every start. So an annotation that names a class defined
below, or a name imported only for the type checker (``Any``, ``Path``), is
written in quotes.
"""

import datetime
from collections.abc import Iterator, Mapping
from enum import Enum, StrEnum
from functools import cache
from types import MappingProxyType

from .records import Annotation

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from decimal import Decimal
    from pathlib import Path
    from typing import Annotated, Any, NamedTuple
else:
    from .records import Annotated, NamedTuple

FORMAT_VERSION = 1
"""The format version this program reads and writes."""

DEFAULT_LANGUAGE = "en"

# The model is made of NamedTuples: immutable, typed, and several times cheaper
# to define than dataclasses, which matters for the start-up of `summary`.
EMPTY: "Mapping[str, Any]" = MappingProxyType({})
"""The ``extensions`` of an item that has none (shared, read-only)."""


class Position(NamedTuple):
    """Where a value is written in the YAML file (line and column count from 1)."""

    line: int
    column: int


Positions = Mapping[str, Position]
"""Where a record's values are written, by path: ``""`` is the record itself,
``"role"`` a field's value, ``"role.ru"`` one of its languages, ``"initiatives.0"``
an item of a list."""


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
    def parse(cls, value: str) -> "PartialDate | None":
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


# ---------------------------------------------------------------------------
# How fields are declared.


class Kind(Enum):
    """How a field's YAML value is read."""

    TEXT = "text"  # a string or a {language: string} map
    STRING = "string"  # a single-language string (evidence, display, url)
    VERSION = "version"  # the format version: a whole number, at most FORMAT_VERSION
    NUMBER = "number"  # a finite number
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    LANGUAGE = "language"  # a BCP 47 tag
    SLUG = "slug"  # an id for references
    CHOICE = "choice"  # one of the values of ``FieldSpec.choice_type``
    PATH = "path"  # a relative path inside the briefing's folder
    TEXT_LIST = "text list"
    STRING_LIST = "string list"
    RECORD = "record"  # a mapping described by ``record``
    RECORD_LIST = "record list"


class FieldSpec(NamedTuple):
    """One key of a mapping in the format, as declared on its record's class."""

    kind: Kind
    description: str
    name: str = ""
    """The key in the YAML file."""
    attribute: str = ""
    """The attribute of the model class (the key, but for the format version)."""
    required: bool = False
    """Whether the key must be given (the attribute has no default)."""
    record: "RecordSpec | None" = None
    """The record of a RECORD or RECORD_LIST field."""
    choice_type: type[StrEnum] | None = None
    """The values a CHOICE field may take."""
    searchable: bool = True
    """Whether a reader sees it as text of its own, so search finds it."""
    refers_to: str | None = None
    """For a reference: the list (of the briefing) whose entry it names by ``id`` or name."""
    link: str | None = None
    """For a reference: the attribute that receives the index of the entry named."""
    shows: tuple[str, ...] = ()
    """For a reference: the fields of the entry named that views show with it."""
    of: type | None = None
    """The model class of a RECORD or RECORD_LIST field (as declared)."""

    @property
    def choices(self) -> tuple[str, ...]:
        """The words a CHOICE field accepts."""
        return tuple(self.choice_type) if self.choice_type is not None else ()


def declare(
    kind: Kind, description: str, *, key: str = "", of: type | None = None,
    choices: type[StrEnum] | None = None, searchable: bool = True,
    refers_to: str | None = None, link: str | None = None, shows: tuple[str, ...] = (),
) -> FieldSpec:
    """Declare a field, inside ``Annotated[type, declare(...)]`` on a record class.

    ``key`` is the YAML key when it differs from the attribute; ``of`` the record
    class of a RECORD or RECORD_LIST field; ``choices`` the enum of a CHOICE field;
    ``searchable=False`` for fields that are not shown as text of their own
    (ids, references, evidence, file paths); ``refers_to`` the list of the
    briefing whose entry a reference names by its ``id`` or ``name``, and
    ``link`` the attribute that gets that entry's index, and ``shows`` the
    fields of that entry shown (and searched) with the referring record.
    """
    return FieldSpec(kind, description, name=key, of=of, choice_type=choices,
                     searchable=searchable, refers_to=refers_to, link=link, shows=shows)


class RecordSpec(NamedTuple):
    """A mapping in the format, and the model class it becomes."""

    name: str
    model: type
    fields: tuple[FieldSpec, ...]
    description: str = ""

    def field(self, name: str) -> FieldSpec | None:
        """The spec of the key ``name``, if the record has one."""
        return self.by_name().get(name)

    def by_name(self) -> dict[str, FieldSpec]:
        """Every field by its key."""
        return _fields_by_name(self)


@cache
def _fields_by_name(spec: RecordSpec) -> dict[str, FieldSpec]:
    return {field.name: field for field in spec.fields}


_SPECS: dict[type, RecordSpec] = {}


def record_spec(model: type, name: str, description: str) -> RecordSpec:
    """The spec of the record class ``model``, read from its declared fields: those
    annotated ``Annotated[type, declare(...)]``. The others are values not read
    from the file (positions, extensions, links)."""
    annotations: dict[str, object] = model.__annotations__
    defaults: dict[str, Any] = getattr(model, "_field_defaults", {})
    fields = []
    for attribute in getattr(model, "_fields", ()):
        annotation = annotations[attribute]
        if isinstance(annotation, str) and "declare(" in annotation:
            raise TypeError(f"{model.__name__}.{attribute}: a declaration in quotes is not "
                            "read; see the docstring of briefing.model")
        if not isinstance(annotation, Annotation):
            continue
        declared = next(arg for arg in annotation.__metadata__ if isinstance(arg, FieldSpec))
        fields.append(declared._replace(
            name=declared.name or attribute, attribute=attribute,
            required=attribute not in defaults,
            record=_SPECS[declared.of] if declared.of is not None else None,
        ))
    spec = RecordSpec(name, model, tuple(fields), description)
    _SPECS[model] = spec
    return spec


# ---------------------------------------------------------------------------
# The records.


class Source(NamedTuple):
    """Where the briefing's facts come from."""

    outlet: Annotated[Text | None, declare(
        Kind.TEXT, "the publication or agency that reported it")] = None
    attribution: Annotated[Text | None, declare(
        Kind.TEXT, "via whom the outlet reports it")] = None
    url: Annotated[str | None, declare(Kind.STRING, "address of the original article")] = None
    published: Annotated[PartialDate | None, declare(
        Kind.DATE, "when the article was published")] = None
    text: Annotated[str | None, declare(
        Kind.PATH, "path of the article's text, relative to this file", searchable=False)] = None
    """Path of the original article's text, relative to the briefing file."""
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


class Participant(NamedTuple):
    """Someone (or some body) who took part."""

    name: Annotated[Text, declare(Kind.TEXT, "name of the person or body")]
    id: Annotated[str | None, declare(
        Kind.SLUG, "short id that statements use in `by`", searchable=False)] = None
    role: Annotated[Text | None, declare(Kind.TEXT, "position or function")] = None
    organization: Annotated[Text | None, declare(
        Kind.TEXT, "ministry, agency or company")] = None
    country: Annotated[Text | None, declare(Kind.TEXT, "country represented")] = None
    kind: Annotated[ParticipantKind, declare(
        Kind.CHOICE, "what the participant is (default: person)", choices=ParticipantKind,
        searchable=False)] = ParticipantKind.PERSON
    notes: Annotated[Text | None, declare(Kind.TEXT, "anything else worth knowing")] = None
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


class Priority(NamedTuple):
    """A sector priority; the briefing lists them most important first."""

    sector: Annotated[Text, declare(Kind.TEXT, "the sector")]
    summary: Annotated[Text | None, declare(Kind.TEXT, "what was said about it")] = None
    initiatives: Annotated[tuple[Text, ...], declare(
        Kind.TEXT_LIST, "named projects and initiatives")] = ()
    evidence: Annotated[str | None, declare(
        Kind.STRING, "verbatim excerpt of the source article", searchable=False)] = None
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


class Figure(NamedTuple):
    """A key figure: a number with what it measures."""

    label: Annotated[Text, declare(Kind.TEXT, "what the number measures")]
    value: Annotated["Decimal", declare(Kind.NUMBER, "the number itself (finite)")]
    """Kept as the decimal written, never a float: shown with the file's digits."""
    unit: Annotated[Text | None, declare(Kind.TEXT, "unit of the value, e.g. USD")] = None
    display: Annotated[str | None, declare(
        Kind.STRING, "how to show the value, e.g. \"$35 bn\"", searchable=False)] = None
    period: Annotated[str | None, declare(Kind.STRING, "the period it covers")] = None
    note: Annotated[Text | None, declare(Kind.TEXT, "context for the number")] = None
    evidence: Annotated[str | None, declare(
        Kind.STRING, "verbatim excerpt of the source article", searchable=False)] = None
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


class Statement(NamedTuple):
    """What a participant said; ``speaker`` is the index of the participant ``by`` names."""

    by: Annotated[str, declare(
        Kind.STRING, "`id` or name of a participant", searchable=False,
        refers_to="participants", link="speaker", shows=("name", "role"))]
    text: Annotated[Text, declare(Kind.TEXT, "what was said, reported or quoted")]
    evidence: Annotated[str | None, declare(
        Kind.STRING, "verbatim excerpt of the source article", searchable=False)] = None
    speaker: int | None = None
    """Index in ``Briefing.participants`` of the participant ``by`` names."""
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


class TimelineEntry(NamedTuple):
    """A dated event around the briefing."""

    date: Annotated[PartialDate, declare(Kind.DATE, "when")]
    event: Annotated[Text, declare(Kind.TEXT, "what happened")]
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY


SOURCE = record_spec(Source, "source", "where the facts come from")
PARTICIPANT = record_spec(Participant, "participant", "someone who took part")
PRIORITY = record_spec(Priority, "priority", "a sector priority, most important first")
FIGURE = record_spec(Figure, "figure", "a key figure")
STATEMENT = record_spec(Statement, "statement", "what a participant said")
TIMELINE_ENTRY = record_spec(TimelineEntry, "timeline entry", "a dated event")


class Briefing(NamedTuple):
    """One briefing file, loaded and checked."""

    version: Annotated[int, declare(
        Kind.VERSION, "format version; 1", key="briefing", searchable=False)]
    title: Annotated[Text, declare(Kind.TEXT, "headline")]
    summary: Annotated[Text, declare(
        Kind.TEXT, "the event summary; paragraphs separated by a blank line")]
    language: Annotated[str, declare(
        Kind.LANGUAGE, "BCP 47 tag of the original text (default: en)",
        searchable=False)] = DEFAULT_LANGUAGE
    date: Annotated[PartialDate | None, declare(Kind.DATE, "when the event took place")] = None
    location: Annotated[Text | None, declare(Kind.TEXT, "where")] = None
    source: Annotated[Source | None, declare(
        Kind.RECORD, "where the facts come from", of=Source)] = None
    participants: Annotated[tuple[Participant, ...], declare(
        Kind.RECORD_LIST, "who took part", of=Participant)] = ()
    priorities: Annotated[tuple[Priority, ...], declare(
        Kind.RECORD_LIST, "sector priorities, most important first", of=Priority)] = ()
    figures: Annotated[tuple[Figure, ...], declare(
        Kind.RECORD_LIST, "key figures", of=Figure)] = ()
    statements: Annotated[tuple[Statement, ...], declare(
        Kind.RECORD_LIST, "what participants said", of=Statement)] = ()
    timeline: Annotated[tuple[TimelineEntry, ...], declare(
        Kind.RECORD_LIST, "dated events around the briefing", of=TimelineEntry)] = ()
    outcomes: Annotated[tuple[Text, ...], declare(
        Kind.TEXT_LIST, "what was agreed or decided")] = ()
    tags: Annotated[tuple[str, ...], declare(Kind.STRING_LIST, "free keywords")] = ()
    extensions: "Mapping[str, Any]" = EMPTY
    positions: Positions = EMPTY
    path: "Path | None" = None
    """The file it was loaded from, if any."""

    def texts(self) -> Iterator[Text]:
        """Every Text in the briefing, in file-format order."""
        return _texts(self, BRIEFING)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages of the briefing's text: the original first, then as they appear."""
        seen = {self.language: None}
        for text in self.texts():
            seen.update(dict.fromkeys(text.values))
        return tuple(seen)

    @property
    def source_text_path(self) -> "Path | None":
        """Absolute path of the source article, when the briefing names one."""
        if self.source is None or self.source.text is None or self.path is None:
            return None
        return self.path.parent / self.source.text


BRIEFING = record_spec(Briefing, "briefing", "a briefing file")


def _texts(record: "Any", spec: RecordSpec) -> Iterator[Text]:
    """Every Text of ``record`` and the records in it, by its spec."""
    for field in spec.fields:
        value = getattr(record, field.attribute)
        if value is None or value == ():
            continue
        if field.kind is Kind.TEXT:
            yield value
        elif field.kind is Kind.TEXT_LIST:
            yield from value
        elif field.record is not None:
            for item in (value,) if field.kind is Kind.RECORD else value:
                yield from _texts(item, field.record)
