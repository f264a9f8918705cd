"""The outline of a briefing: what every view reads.

An :class:`Outline` is built once from a loaded :class:`~briefing.model.Briefing`
(and its article, when read) in one language. It holds the ordered sections
(summary, participants, priorities, figures, statements, timeline, outcomes,
source, tags), their entries, and each entry's fields. A field has a stable
:class:`FieldKey`, its text in the outline's language (or the original, when
it has no translation), its paragraphs made safe to show, and the line and
column it came from in the YAML.

The outline is made by walking the record declarations of :mod:`briefing.model`,
so a field declared there appears here, in the summary, the panels and the
search with no other change. The summary, the viewer's panels, its print key
and the search index read the outline; nothing else walks the model.

No Textual or Rich import here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum

from .figures import full_number
from .model import BRIEFING, Briefing, FieldSpec, Kind, Position, RecordSpec, Text
from .safe_text import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import Any, NamedTuple

    from .loader import Article
else:
    from .records import NamedTuple


class Section(StrEnum):
    """The parts of a briefing, in reading order; each is named after its key."""

    SUMMARY = "summary"
    PARTICIPANTS = "participants"
    PRIORITIES = "priorities"
    FIGURES = "figures"
    STATEMENTS = "statements"
    TIMELINE = "timeline"
    OUTCOMES = "outcomes"
    SOURCE = "source"
    TAGS = "tags"


ITEM = "text"
"""The field name of an item of a list of texts (an outcome, a tag)."""

ARTICLE = "article"
"""The field of the source entry that holds the article's text."""

READING_ORDER = ("title", "date", "location", "summary")
"""The order of the summary entry's fields: as a reader meets them on screen."""


class FieldKey(NamedTuple):
    """Names one field of a briefing, the same in every language and outline."""

    section: str
    entry: int
    """The entry's index in its section (its ``id``, when it has one, is on the entry)."""
    name: str
    """The field's key; ``initiatives.0`` for an item of a list."""


class TextKey(NamedTuple):
    """One paragraph of one field in one language: what search finds and views highlight.

    A named tuple, not a dataclass: search results hold tens of thousands,
    hashed on every keystroke.
    """

    section: str
    entry: int
    name: str
    language: str
    """``""`` for text that is the same in every language (dates, numbers, addresses)."""
    paragraph: int = 0


class Field(NamedTuple):
    """One field of an entry, as every view shows it."""

    key: FieldKey
    text: str
    """The text as written, in the outline's language or its fallback."""
    language: str
    """The language of ``text``; ``""`` when it is the same in every language."""
    paragraphs: tuple[str, ...]
    """``text`` in paragraphs, made safe to show (see :func:`split_paragraphs`)."""
    position: Position
    """Where the text is written in the YAML file."""
    searchable: bool
    """Whether a reader sees it as text of its own (so search finds it)."""
    value: Any
    """The model's value, for views that need more than text (a number, a date)."""

    def text_key(self, paragraph: int = 0) -> TextKey:
        """The key of paragraph ``paragraph`` of this field."""
        section, entry, name = self.key
        return TextKey(section, entry, name, self.language, paragraph)

    @property
    def shown(self) -> str:
        """The paragraphs as one string, separated by blank lines."""
        return "\n\n".join(self.paragraphs)


class Entry(NamedTuple):
    """One item of a section: a participant, a figure, an outcome..."""

    section: Section
    number: int
    """The entry's index in its section."""
    id: str | None
    fields: Mapping[str, Field]
    """The fields that are given, in the order the format declares them."""
    position: Position
    record: Any
    """The model's record (or text) the entry was made from."""
    refers_to: int | None = None
    """The index of the participant a statement's ``by`` names."""

    def field(self, name: str) -> Field | None:
        """The field ``name``, if the entry has it."""
        return self.fields.get(name)

    def text(self, name: str) -> str:
        """The shown text of field ``name``; ``""`` if the entry does not have it."""
        field = self.fields.get(name)
        return field.shown if field is not None else ""


def list_items(entry: Entry, name: str) -> list[Field]:
    """The fields of the items of the list ``name`` of ``entry`` (``initiatives.0``...)."""
    prefix = f"{name}."
    return [field for key, field in entry.fields.items() if key.startswith(prefix)]


def tags_line(tags: Iterable[str]) -> str:
    """Tags as one line, each marked with ``#``."""
    return "  ".join(f"#{tag}" for tag in tags)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The one paragraph rule: a blank line separates paragraphs; single line breaks
    inside a paragraph are joined with a space, so hand-wrapped text reads as prose.

    Each paragraph is made safe to show (:func:`~briefing.safe_text.visible`);
    empty ones are dropped.
    """
    if "\n" not in text:  # one line (most fields): the rule below, without its loops
        line = text.strip(" \t")
        return (visible(line),) if line else ()
    paragraphs = []
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        # Only spaces and tabs: other controls at the edges are shown, not removed.
        lines = (line.strip(" \t") for line in block.split("\n"))
        joined = " ".join(line for line in lines if line)
        if joined:
            paragraphs.append(visible(joined))
    return tuple(paragraphs)


def article_paragraphs(text: str) -> tuple[str, ...]:
    """The article's paragraphs: by the paragraph rule when it is wrapped at a fixed
    width (blank lines between paragraphs, no long lines); else one per line, as
    news agencies' texts (like the bundled sample's) are written."""
    lines = text.split("\n")
    if _BLANK_LINE.search(text) and all(len(line) <= 100 for line in lines):
        return split_paragraphs(text)
    return tuple(visible(line.strip(" \t")) for line in lines if line.strip(" \t"))


Run = tuple[int, int, int, int]
"""Where a piece of a paragraph comes from: its start in the paragraph, its start in
the article's text, its length in the text and in the paragraph (they differ only
for a character :func:`~briefing.safe_text.visible` writes as several)."""


def article_runs(text: str) -> tuple[tuple[Run, ...], ...]:
    """For each of :func:`article_paragraphs`, in order, the runs of the article's
    ``text`` it is made of: so that a stretch of the text (an evidence passage) can be
    highlighted in the paragraphs on screen."""
    lines = text.split("\n")
    runs: list[tuple[Run, ...]] = []
    if _BLANK_LINE.search(text) and all(len(line) <= 100 for line in lines):
        start = 0
        for blank in [*_BLANK_LINE.finditer(text), None]:
            end = blank.start() if blank is not None else len(text)
            paragraph: list[Run] = []
            shown = 0
            offset = start
            for line in text[start:end].split("\n"):
                stripped = line.strip(" \t")
                if stripped:
                    if paragraph:
                        shown += 1  # the space that joins two lines
                    lead = len(line) - len(line.lstrip(" \t"))
                    shown = _visible_runs(stripped, shown, offset + lead, paragraph)
                offset += len(line) + 1
            if paragraph:
                runs.append(tuple(paragraph))
            start = blank.end() if blank is not None else end
        return tuple(runs)
    offset = 0
    for line in lines:
        stripped = line.strip(" \t")
        if stripped:
            paragraph = []
            lead = len(line) - len(line.lstrip(" \t"))
            _visible_runs(stripped, 0, offset + lead, paragraph)
            runs.append(tuple(paragraph))
        offset += len(line) + 1
    return tuple(runs)


def _visible_runs(piece: str, shown: int, offset: int, runs: list[Run]) -> int:
    """Add the runs of ``piece`` (at ``offset`` of the text, ``shown`` of the paragraph)
    to ``runs``; return where the paragraph goes on after it."""
    if visible(piece) == piece:
        runs.append((shown, offset, len(piece), len(piece)))
        return shown + len(piece)
    copied = 0
    for number, character in enumerate(piece):
        seen = visible(character)
        if len(seen) != 1:
            if number > copied:
                runs.append((shown, offset + copied, number - copied, number - copied))
                shown += number - copied
            runs.append((shown, offset + number, 1, len(seen)))
            shown += len(seen)
            copied = number + 1
    if len(piece) > copied:
        runs.append((shown, offset + copied, len(piece) - copied, len(piece) - copied))
        shown += len(piece) - copied
    return shown


class Outline:
    """A briefing as every view shows it, in one language."""

    def __init__(
        self, briefing: Briefing, language: str | None = None, article: Article | None = None
    ) -> None:
        """The outline of ``briefing`` in ``language`` (default, or when the briefing
        has no text in it: the original), with ``article`` in the source section."""
        self.briefing = briefing
        self.languages = briefing.languages
        """Every language of the briefing's text, the original first."""
        self.language = language if language in self.languages else briefing.language
        self.article = article
        self.sections: dict[Section, tuple[Entry, ...]] = {
            section: () for section in Section
        }
        self._written: dict[FieldKey, tuple[Mapping[str, Position], str, Position]] = {}
        """Where each field of text is written, whatever its language: its record's
        positions, its path there, and its position when not found in them."""
        self._build()

    def in_language(self, language: str) -> Outline:
        """The same briefing and article in ``language``."""
        if language == self.language:
            return self
        return Outline(self.briefing, language, self.article)

    def entries(self, section: Section) -> tuple[Entry, ...]:
        """The entries of ``section`` (none when the briefing has none)."""
        return self.sections[section]

    def entry(self, section: Section, index: int = 0) -> Entry | None:
        """Entry ``index`` of ``section``, if there is one."""
        entries = self.sections[section]
        return entries[index] if 0 <= index < len(entries) else None

    def fields(self, sections: Iterable[Section] = Section) -> Iterator[Field]:
        """Every field of ``sections``, in order."""
        for section in sections:
            for entry in self.sections[section]:
                yield from entry.fields.values()

    def texts(self, sections: Iterable[Section] = Section) -> Iterator[tuple[TextKey, str]]:
        """Every paragraph of every searchable field of ``sections`` in every language,
        under its key: what the search index holds.

        Fields in the outline's own language come first, then those in each other
        language, in section order within each.
        """
        for key, text, _ in self.located_texts(sections):
            yield key, text

    def located_texts(
        self, sections: Iterable[Section] = Section,
    ) -> Iterator[tuple[TextKey, str, Position]]:
        """:meth:`texts`, each with the position of its field in the YAML file (in
        its language): what the library index stores, to name ``FILE:LINE``."""
        sections = tuple(sections)
        fields = [field for field in self.fields(sections) if field.searchable]
        for field in fields:
            if field.language == self.language or not field.language:
                for paragraph, text in enumerate(field.paragraphs):
                    yield field.text_key(paragraph), text, field.position
        written = self._written
        # Each other language's texts as its own outline would give them (a field is in
        # a language when its text has it), without making that outline.
        for language in self.languages:
            if language == self.language:
                continue
            for field in fields:
                values = field.value.values if isinstance(field.value, Text) else {}
                if language not in values:
                    continue
                if field.language == language:
                    paragraphs, position = field.paragraphs, field.position
                else:
                    paragraphs = split_paragraphs(values[language])
                    positions, path, position = written[field.key]
                    position = positions.get(f"{path}.{language}", position)
                section, entry, name = field.key
                for paragraph, text in enumerate(paragraphs):
                    yield TextKey(section, entry, name, language, paragraph), text, position

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        briefing = self.briefing
        top: dict[str, Field] = {}
        for spec in BRIEFING.fields:
            value = getattr(briefing, spec.attribute)
            if value is None or value == ():
                continue
            if spec.kind is Kind.RECORD:
                assert spec.record is not None
                entry = self._entry(Section(spec.name), 0, value, spec.record)
                self.sections[entry.section] = (entry,)
            elif spec.kind is Kind.RECORD_LIST:
                assert spec.record is not None
                record = spec.record
                section = Section(spec.name)
                self.sections[section] = tuple(
                    self._entry(section, index, item, record) for index, item in enumerate(value)
                )
            elif spec.kind in (Kind.TEXT_LIST, Kind.STRING_LIST):
                section = Section(spec.name)
                self.sections[section] = tuple(
                    self._item(section, index, item, spec, briefing.positions)
                    for index, item in enumerate(value)
                )
            else:
                key = FieldKey(Section.SUMMARY, 0, spec.name)
                field = self._field(key, spec, value, briefing.positions, spec.name)
                top[spec.name] = field
        ordered = {name: top.pop(name) for name in READING_ORDER if name in top}
        self.sections[Section.SUMMARY] = (Entry(
            Section.SUMMARY, 0, None, {**ordered, **top}, Position(1, 1), briefing),)

    def _entry(self, section: Section, index: int, record: Any, spec: RecordSpec) -> Entry:
        positions = record.positions
        fields: dict[str, Field] = {}
        for field_spec in spec.fields:
            value = getattr(record, field_spec.attribute)
            if value is None or value == ():
                continue
            if field_spec.kind in (Kind.TEXT_LIST, Kind.STRING_LIST):
                for number, item in enumerate(value):
                    name = f"{field_spec.name}.{number}"
                    key = FieldKey(section, index, name)
                    fields[name] = self._field(key, field_spec, item, positions, name)
            else:
                key = FieldKey(section, index, field_spec.name)
                fields[field_spec.name] = self._field(
                    key, field_spec, value, positions, field_spec.name)
                if field_spec.link is not None:
                    fields.update(self._shown_with(section, index, record, field_spec))
        if section is Section.SOURCE and self.article is not None and self.article.text:
            key = FieldKey(section, index, ARTICLE)
            fields[ARTICLE] = Field(key, self.article.text, "", article_paragraphs(
                self.article.text), positions.get("text", positions[""]), True, self.article)
        return Entry(section, index, getattr(record, "id", None), fields, positions[""], record,
                     getattr(record, "speaker", None))

    def _shown_with(
        self, section: Section, index: int, record: Any, reference: FieldSpec
    ) -> dict[str, Field]:
        """The fields of the entry ``reference`` names that are shown with ``record``
        (a statement's speaker: ``speaker.name``, ``speaker.role``), under this
        entry's keys, so that search finds them where they are shown."""
        assert reference.link is not None and reference.refers_to is not None
        target_index = getattr(record, reference.link)
        target = None
        if target_index is not None:
            entries = self.sections[Section(reference.refers_to)]
            target = entries[target_index] if target_index < len(entries) else None
        fields = {}
        for name in reference.shows if target is not None else ():
            shown = target.fields.get(name) if target is not None else None
            if shown is not None:
                key = FieldKey(section, index, f"{reference.link}.{name}")
                fields[key.name] = Field(key, *shown[1:])  # (_replace: 3 times as long)
                if shown.key in self._written:
                    self._written[key] = self._written[shown.key]
        return fields

    def _item(
        self, section: Section, index: int, item: Text | str, spec: FieldSpec,
        positions: Mapping[str, Position],
    ) -> Entry:
        path = f"{spec.name}.{index}"
        field = self._field(FieldKey(section, index, ITEM), spec, item, positions, path)
        return Entry(section, index, None, {ITEM: field}, field.position, item)

    def _field(
        self, key: FieldKey, spec: FieldSpec, value: Any, positions: Mapping[str, Position],
        path: str,
    ) -> Field:
        """The field ``key`` showing ``value``; ``path`` finds its position."""
        position = positions.get(path) or positions.get("") or Position(1, 1)
        if isinstance(value, Text):
            self._written[key] = (positions, path, position)
            language = self.language if self.language in value.values else (
                value.original if value.original in value.values else next(iter(value.values)))
            text = value.values[language]
            position = positions.get(f"{path}.{language}", position)
            return Field(key, text, language, split_paragraphs(text), position,
                         spec.searchable, value)
        # Numbers written out in full; strings, dates, choices as written.
        text = full_number(value) if spec.kind is Kind.NUMBER else str(value)
        return Field(key, text, "", split_paragraphs(text), position, spec.searchable, value)
