"""What the viewer shows of a briefing: every string under a stable key.

The panels render their text through :meth:`BriefingView.text`, and the search
index is built from :meth:`BriefingView.searchable`; both name a string by the
same :class:`FieldKey` and both pass it through :func:`~briefing.safe_text.visible`,
so a match's span always points into exactly the string that is on screen.

Nothing here is a widget; it is the state the panels share.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rich.style import Style as RichStyle
from rich.text import Text as RichText
from textual.color import Color
from textual.content import Content, Span
from textual.style import Style

from ..figures import full_number
from ..limits import MAX_SOURCE_TEXT_BYTES
from ..model import Briefing, Text
from ..safe_text import visible

if TYPE_CHECKING:
    # Only for types: importing the search module (and its stemmers) waits for the
    # first search, so start-up stays fast.
    from ..search import Match

SUMMARY = "summary"
PARTICIPANTS = "participants"
PRIORITIES = "priorities"
FIGURES = "figures"
STATEMENTS = "statements"
TIMELINE = "timeline"
OUTCOMES = "outcomes"
SOURCE = "source"

PANEL_TITLES: dict[str, str] = {
    SUMMARY: "Summary",
    PARTICIPANTS: "Participants",
    PRIORITIES: "Priorities",
    FIGURES: "Figures",
    STATEMENTS: "Statements",
    TIMELINE: "Timeline",
    OUTCOMES: "Outcomes",
    SOURCE: "Source",
}
"""Every panel the viewer can show, in display order."""

PANEL_ORDER = {panel: number for number, panel in enumerate(PANEL_TITLES)}

PARTICIPANT_FIELDS = ("name", "role", "organization", "country", "notes")
"""The Text fields of a participant, in the order they are shown."""


def panels_for(briefing: Briefing) -> tuple[str, ...]:
    """The panels shown for ``briefing``: the first four always, the others when filled."""
    optional = {
        STATEMENTS: bool(briefing.statements),
        TIMELINE: bool(briefing.timeline),
        OUTCOMES: bool(briefing.outcomes),
        SOURCE: briefing.source is not None,
    }
    return tuple(panel for panel in PANEL_TITLES if optional.get(panel, True))


class FieldKey(NamedTuple):
    """Names one string on screen: a field of an item of a panel, in one language.

    ``language`` is ``""`` for strings that are the same in every language
    (dates, numbers, addresses, the source article). A named tuple, not a
    dataclass: search results hold tens of thousands, hashed on every keystroke.
    """

    panel: str
    item: int
    field: str
    language: str = ""


def pick(text: Text, language: str) -> tuple[str, str]:
    """``text`` in ``language`` (or its fallback) as ``(language used, visible string)``."""
    if language in text.values:
        used = language
    elif text.original in text.values:
        used = text.original
    else:
        used = next(iter(text.values))
    return used, visible(text.values[used])


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: separated by blank lines, stripped, empty ones dropped."""
    return [part.strip() for part in _BLANK_LINE.split(text) if part.strip()]


@dataclass(frozen=True, slots=True)
class Article:
    """The source article's text (``source.text``), as far as it could be read."""

    paragraphs: tuple[str, ...] = ()
    """Paragraphs, already made visible."""
    note: str = ""
    """Why the text is missing or incomplete; empty when all is well."""


def read_article(path: Path | None) -> Article | None:
    """Read the source article at ``path``: at most 4 MiB, UTF-8 with replacement.

    Returns ``None`` when the briefing names no article. A missing or unreadable
    file gives an :class:`Article` with a ``note`` instead of raising.
    """
    if path is None:
        return None
    try:
        info = path.stat()
        # Only regular files: opening a FIFO or a device could block forever.
        if not stat.S_ISREG(info.st_mode):
            return Article(note=f"{visible(str(path))} is not a regular file")
        with path.open("rb") as stream:
            data = stream.read(MAX_SOURCE_TEXT_BYTES + 1)
    except OSError as error:
        return Article(note=f"cannot read {visible(str(path))}: {error.strerror or error}")
    note = ""
    if len(data) > MAX_SOURCE_TEXT_BYTES:
        data = data[:MAX_SOURCE_TEXT_BYTES]
        note = f"only the first {MAX_SOURCE_TEXT_BYTES // 2**20} MiB of the article are shown"
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    text = text.replace("\r\n", "\n")
    # A text with long lines has one paragraph per line (like the bundled sample);
    # a text wrapped at a fixed width separates its paragraphs with blank lines.
    lines = text.split("\n")
    hard_wrapped = _BLANK_LINE.search(text) and all(len(line) <= 100 for line in lines)
    parts = split_paragraphs(text) if hard_wrapped else lines
    paragraphs = tuple(visible(part.strip()) for part in parts if part.strip())
    return Article(paragraphs, note)


class Highlights:
    """Search matches by field, and how to draw them into a string.

    ``generation`` grows on every change, and the fields each change touched are
    kept for a while (:meth:`changed_between`), so a widget can tell which of
    its cached drawings are stale and draw only those again.
    """

    KEEP_CHANGES = 16

    def __init__(self) -> None:
        self.spans: dict[FieldKey, list[Match]] = {}
        """The matches in each field."""
        self.current: Match | None = None
        self.generation = 0
        self._changes: dict[int, frozenset[FieldKey] | None] = {}
        self.match_style = Style(background=Color(120, 100, 20))
        self.current_style = Style(
            background=Color(255, 200, 0), foreground=Color(0, 0, 0), bold=True
        )

    def _changed(self, keys: frozenset[FieldKey] | None) -> None:
        self.generation += 1
        self._changes[self.generation] = keys
        self._changes.pop(self.generation - self.KEEP_CHANGES, None)

    def changed_between(self, old: object, new: object) -> frozenset[FieldKey] | None:
        """Fields whose looks changed from generation ``old`` to ``new``; None: maybe all."""
        if not isinstance(old, int) or not isinstance(new, int) or new < old:
            return None
        keys: set[FieldKey] = set()
        for generation in range(old + 1, new + 1):
            changed = self._changes.get(generation)
            if changed is None:
                return None
            keys |= changed
        return frozenset(keys)

    def set_styles(self, match_style: Style, current_style: Style) -> None:
        """Use these styles for matches and for the current match (they follow the theme)."""
        self.match_style = match_style
        self.current_style = current_style
        self._changed(None)

    SMALL_CHANGE = 2000
    """Up to this many fields, a change records which fields it touched."""

    def update(self, spans: dict[FieldKey, list[Match]], current: Match | None) -> None:
        """Show the matches ``spans`` (by field), with ``current`` drawn as the current one."""
        old = self.spans
        changed: frozenset[FieldKey] | None = None
        if len(old) + len(spans) <= self.SMALL_CHANGE:
            keys = old.keys() ^ spans.keys()
            keys.update(key for key in old.keys() & spans.keys() if old[key] != spans[key])
            keys.update(self._current_keys(current))
            changed = frozenset(keys)
        self.spans = spans
        self.current = current
        self._changed(changed)

    def _current_keys(self, current: Match | None) -> list[FieldKey]:
        """The fields of the current match before and after a change to ``current``."""
        return [m.key for m in (self.current, current) if m is not None and
                isinstance(m.key, FieldKey)]

    def set_current(self, current: Match | None) -> None:
        """Draw ``current`` as the current match."""
        changed = frozenset(self._current_keys(current))
        self.current = current
        self._changed(changed)

    def clear(self) -> None:
        """Forget every match."""
        if self.spans or self.current is not None:
            changed = frozenset([*self.spans, *self._current_keys(None)])
            self.spans = {}
            self.current = None
            self._changed(changed)

    def _styled_spans(self, key: FieldKey) -> list[tuple[int, int, Style]]:
        spans = self.spans.get(key)
        if not spans:
            return []
        style = self.match_style
        result = [(match.start, match.end, style) for match in spans]
        current = self.current
        if current is not None and current.key == key:
            result.append((current.start, current.end, self.current_style))
        return result

    def content(self, key: FieldKey, text: str, style: Style | str = "") -> Content:
        """``text`` (already visible) as literal Content, with its matches highlighted."""
        content = Content.styled(text, style) if style else Content(text)
        styled = self._styled_spans(key)
        if styled:
            content = content.add_spans([Span(start, end, st) for start, end, st in styled])
        return content

    def rich_text(
        self, key: FieldKey, text: str, style: str | RichStyle = "", *, wrap: bool = False
    ) -> RichText:
        """``text`` (already visible) as a literal Rich Text, with its matches highlighted.

        Without ``wrap`` it is one line, cut with an ellipsis (for table cells).
        """
        rich = RichText(text, style=style, end="")
        if not wrap:
            rich.no_wrap = True
            rich.overflow = "ellipsis"
        for start, end, span_style in self._styled_spans(key):
            rich.stylize(span_style.rich_style, start, end)
        return rich


class BriefingView:
    """A briefing as the viewer shows it: current language, article, search highlights."""

    def __init__(
        self, briefing: Briefing, language: str | None = None, article: Article | None = None
    ) -> None:
        self.briefing = briefing
        self.languages = briefing.languages
        """The briefing's languages (computed once: it walks every text)."""
        self.language = language if language in self.languages else briefing.language
        self.article = article
        self.highlights = Highlights()
        self.layout_generation = 0
        """Grows when the text changes (new briefing, other language): sizes are stale."""
        self._paragraphs: tuple[int, str, list[str]] | None = None

    @property
    def panels(self) -> tuple[str, ...]:
        """The panels to show, in order."""
        return panels_for(self.briefing)

    def set_briefing(self, briefing: Briefing, article: Article | None) -> None:
        """Show another version of the briefing, keeping the language when it has it."""
        self.briefing = briefing
        self.languages = briefing.languages
        self.article = article
        if self.language not in self.languages:
            self.language = briefing.language
        self.layout_generation += 1

    def set_language(self, language: str) -> None:
        """Show the text in ``language``."""
        self.language = language
        self.layout_generation += 1

    def text(
        self, panel: str, item: int, field: str, value: Text | str | None,
        style: Style | str = "",
    ) -> Content:
        """The field ``panel/item/field`` showing ``value``, as highlighted literal Content."""
        if value is None:
            return Content("")
        key, string = self.resolve(panel, item, field, value)
        return self.highlights.content(key, string, style)

    def rich_text(
        self, panel: str, item: int, field: str, value: Text | str | None,
        style: str | RichStyle = "", *, wrap: bool = False,
    ) -> RichText:
        """Like :meth:`text`, as a Rich Text (one line unless ``wrap``)."""
        if value is None:
            return RichText("", end="")
        key, string = self.resolve(panel, item, field, value)
        return self.highlights.rich_text(key, string, style, wrap=wrap)

    def resolve(
        self, panel: str, item: int, field: str, value: Text | str
    ) -> tuple[FieldKey, str]:
        """The key and visible string of a field in the current language."""
        if isinstance(value, Text):
            language, string = pick(value, self.language)
            return FieldKey(panel, item, field, language), string
        return FieldKey(panel, item, field), visible(value)

    def summary_paragraphs(self) -> tuple[str, list[str]]:
        """The summary's paragraphs in the current language, and that language."""
        cached = self._paragraphs
        if cached is None or cached[0] != self.layout_generation:
            language, text = pick(self.briefing.summary, self.language)
            cached = self._paragraphs = (self.layout_generation, language, split_paragraphs(text))
        return cached[1], cached[2]

    def language_of(self, key: Hashable) -> str | None:
        """The language of an indexed string, so search stems it with the right rules."""
        if isinstance(key, FieldKey):
            return key.language or self.briefing.language
        return None

    def searchable(self) -> Iterator[tuple[FieldKey, str]]:
        """Every string the panels show, in every language, under its key, in panel order.

        The search returns matches in this order, so it is the order ``n`` walks them.
        """
        fields = list(self._fields())
        yield from _expand(field for field in fields if field[0] == SUMMARY)
        for language, string in self.briefing.summary.values.items():
            for number, paragraph in enumerate(split_paragraphs(visible(string)), 1):
                yield FieldKey(SUMMARY, number, "text", language), paragraph
        yield from _expand(field for field in fields if field[0] != SUMMARY)
        if self.article is not None and self.briefing.source is not None:
            for number, paragraph in enumerate(self.article.paragraphs, 1):
                yield FieldKey(SOURCE, number, "text"), paragraph

    def _fields(self) -> Iterator[tuple[str, int, str, Text | str]]:
        """Every shown field but the paragraphs, as ``(panel, item, field, value)``."""
        b = self.briefing
        yield SUMMARY, 0, "title", b.title
        if b.date is not None:
            yield SUMMARY, 0, "date", str(b.date)
        if b.location is not None:
            yield SUMMARY, 0, "location", b.location
        if b.tags:
            yield SUMMARY, 0, "tags", tags_line(b.tags)
        for number, participant in enumerate(b.participants):
            for name in PARTICIPANT_FIELDS:
                value = getattr(participant, name)
                if value is not None:
                    yield PARTICIPANTS, number, name, value
        for number, priority in enumerate(b.priorities):
            yield PRIORITIES, number, "sector", priority.sector
            if priority.summary is not None:
                yield PRIORITIES, number, "summary", priority.summary
            for index, initiative in enumerate(priority.initiatives):
                yield PRIORITIES, number, f"initiative{index}", initiative
        for number, figure in enumerate(b.figures):
            yield FIGURES, number, "label", figure.label
            yield FIGURES, number, "value", full_number(figure.value)
            if figure.unit is not None:
                yield FIGURES, number, "unit", figure.unit
            if figure.period is not None:
                yield FIGURES, number, "period", figure.period
            if figure.note is not None:
                yield FIGURES, number, "note", figure.note
        for number, statement in enumerate(b.statements):
            yield STATEMENTS, number, "text", statement.text
        for number, entry in enumerate(b.timeline):
            yield TIMELINE, number, "date", str(entry.date)
            yield TIMELINE, number, "event", entry.event
        for number, outcome in enumerate(b.outcomes):
            yield OUTCOMES, number, "text", outcome
        if b.source is not None:
            source = b.source
            if source.outlet is not None:
                yield SOURCE, 0, "outlet", source.outlet
            if source.attribution is not None:
                yield SOURCE, 0, "attribution", source.attribution
            if source.url is not None:
                yield SOURCE, 0, "url", source.url
            if source.published is not None:
                yield SOURCE, 0, "published", str(source.published)


def _expand(
    fields: Iterable[tuple[str, int, str, Text | str]],
) -> Iterator[tuple[FieldKey, str]]:
    """Each field's string, or each of its translations, under its key."""
    for panel, item, field, value in fields:
        if isinstance(value, Text):
            for language, string in value.values.items():
                yield FieldKey(panel, item, field, language), visible(string)
        else:
            yield FieldKey(panel, item, field), visible(value)


def tags_line(tags: Sequence[str]) -> str:
    """The tags as one line, each marked with ``#``."""
    return "  ".join(f"#{tag}" for tag in tags)


def file_signature(path: Path) -> tuple[int, int] | None:
    """``(mtime_ns, size)`` of ``path`` (``None`` if unreadable): what live reload polls."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
