"""What the library index holds and answers, as plain values (no database, no UI).

An :class:`IndexedBriefing` is what reading one file gives: its state on disk, the
row a library list shows (:class:`Entry`), its facets, its texts (to find excerpts
in) and the words to store. :class:`Result` and :class:`Hit` are what a search
answers. Everything here came from a file, so it is untrusted: a view shows it as
literal text (``safe_text.visible``, Rich ``Text``, Textual ``Content``), never as
markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple


class FileState(NamedTuple):
    """A file as the last scan saw it: what says whether it changed."""

    mtime_ns: int
    size: int
    digest: bytes = b""
    """A hash of its bytes (empty when it could not be read)."""


class ArticleState(NamedTuple):
    """The article a briefing names (``source.text``) as it was when the briefing was
    read: its validity depends on it, so a scan reads the briefing again when it
    changes (appears, disappears, is edited)."""

    path: str
    """Where it is: the briefing's real folder joined with the path written (it may
    lead outside the library, or be a symbolic link)."""
    mtime_ns: int
    size: int
    """``-1`` both when it could not be ``stat``-ed (missing); ``-2`` both when it
    changed while the briefing was read (no file has that state: the next scan reads
    the briefing again)."""


MISSING = (-1, -1)
"""An :class:`ArticleState`'s ``(mtime_ns, size)`` for an article that is not there."""


class Problem(NamedTuple):
    """The first problem of an invalid file (the file is named by its entry)."""

    message: str
    line: int | None = None
    column: int | None = None


class Entry(NamedTuple):
    """One briefing as a library list shows it (a row), valid or not."""

    path: str
    """Relative to the library's folder, with ``/`` between folders."""
    valid: bool
    problem: Problem | None
    """The first problem of an invalid file (invalid files are listed, never hidden)."""
    language: str
    """The briefing's original language (``""`` for an invalid file)."""
    title: Mapping[str, str]
    """The title in each language it is given in (empty for an invalid file)."""
    date: str
    """As written: ``2025``, ``2025-11`` or ``2025-11-28``; ``""`` when not given."""
    location: Mapping[str, str]
    outlet: Mapping[str, str]
    """The source's outlet in each language."""
    participants: int
    figures: int
    tags: tuple[str, ...]

    def title_in(self, language: str) -> str:
        """The title in ``language``, else in the original, else any; ``""`` if none."""
        return _in(self.title, language, self.language)

    def location_in(self, language: str) -> str:
        """The location in ``language`` (as :meth:`title_in`)."""
        return _in(self.location, language, self.language)

    def outlet_in(self, language: str) -> str:
        """The source's outlet in ``language`` (as :meth:`title_in`)."""
        return _in(self.outlet, language, self.language)

    @property
    def year(self) -> int | None:
        """The year of the briefing's date, if it has one."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None


def _in(values: Mapping[str, str], language: str, original: str) -> str:
    if language in values:
        return values[language]
    if original in values:
        return values[original]
    return next(iter(values.values()), "")


class FacetKind(StrEnum):
    """What a library list can be narrowed by."""

    PARTICIPANT = "participant"
    COUNTRY = "country"
    SECTOR = "sector"
    TAG = "tag"
    YEAR = "year"


class Facet(NamedTuple):
    """One value of a facet in one briefing: ``key`` matches the same value across
    briefings (a participant's normalised name), ``labels`` show it (per language)."""

    kind: FacetKind
    key: str
    labels: Mapping[str, str]
    aliases: tuple[str, ...] = ()
    """A person named in Latin letters: the keys of the other spellings of the name
    (``per dyubua`` of ``Пьер Дюбуа`` for ``pierre dubois``), which a briefing that
    gives only those is matched by."""

class FacetCount(NamedTuple):
    """A facet value and how many briefings (of those filtered) have it."""

    kind: FacetKind
    key: str
    labels: Mapping[str, str]
    briefings: int

    def label_in(self, language: str) -> str:
        """The value's label in ``language``, else any; the key if it has none."""
        return self.labels.get(language) or next(iter(self.labels.values()), self.key)


class Filters(NamedTuple):
    """Facet values a list or a search is narrowed to: a briefing must have every one."""

    values: tuple[tuple[FacetKind, str], ...] = ()

    def with_value(self, kind: FacetKind, key: str) -> Filters:
        """These filters and ``kind = key``."""
        return Filters((*self.values, (kind, key)))


NO_FILTERS = Filters()
"""Every briefing."""


class IndexedText(NamedTuple):
    """One searchable paragraph of a briefing, as stored: where it is and what it says.

    ``section``, ``entry``, ``name``, ``language`` and ``paragraph`` are the fields
    of the outline's :class:`~briefing.outline.TextKey`, so a viewer opens the
    briefing at it; ``line`` and ``column`` are where the field is written.
    """

    section: str
    entry: int
    name: str
    language: str
    paragraph: int
    line: int
    column: int
    text: str


class IndexedBriefing(NamedTuple):
    """What reading one file gives the index."""

    path: str
    state: FileState
    entry: Entry
    facets: tuple[Facet, ...]
    texts: bytes
    """Its texts (see :func:`pack_texts`)."""
    stems: str
    """Every word's stem, in order, separated by spaces (what BM25 counts)."""
    forms: str
    """The other forms of the words (normal forms, transliterations), each once."""
    algorithms: tuple[str, ...]
    """The stemming algorithms its words were stemmed by."""
    vocabulary: str
    """Each distinct word, one a line: the algorithm of its text (``""``: none), a
    tab, and the word as written (see :mod:`briefing.library.terms`)."""
    tokens: str
    """Each distinct word's tokens, one a line, in the order of ``vocabulary``."""
    sequences: bytes
    """Each text's words as numbers in ``vocabulary`` (``terms.pack_numbers``)."""
    article: ArticleState | None = None
    """The article it names, if any (valid or not), as it was when it was read."""


def pack_texts(texts: Sequence[IndexedText]) -> bytes:
    """The stored form of a briefing's texts: JSON, compressed."""
    import json
    import zlib

    return zlib.compress(json.dumps(list(texts), ensure_ascii=False).encode("utf-8"), 1)


def unpack_texts(data: bytes | None) -> list[IndexedText]:
    """What :func:`pack_texts` stored (nothing, for ``None`` or empty data)."""
    if not data:
        return []
    import json
    import zlib

    return [IndexedText(*text) for text in json.loads(zlib.decompress(data))]


class Hit(NamedTuple):
    """The matches of a query in one paragraph of a briefing."""

    text: IndexedText
    spans: tuple[tuple[int, int], ...]
    """``(start, end)`` of each match in ``text.text``."""

    def excerpt(self, width: int = 160) -> tuple[str, tuple[tuple[int, int], ...]]:
        """At most about ``width`` characters of the paragraph around its first match,
        with ``…`` where it is cut, and the spans of the matches in it."""
        from .hits import excerpt

        return excerpt(self.text.text, self.spans, width)


class Result(NamedTuple):
    """A briefing that matches a query: its row, its rank, its first hits in reading
    order, and how many of its paragraphs match in all."""

    entry: Entry
    rank: float
    """Lower is better (SQLite's BM25 is negative)."""
    hits: tuple[Hit, ...]
    matched: int
    """Paragraphs with a match (``hits`` holds the first of them)."""


class ScanReport(NamedTuple):
    """What a scan did."""

    files: int
    """Briefing files in the library now."""
    added: int
    changed: int
    removed: int
    invalid: int
    """Files in the library that are not valid briefings."""
    skipped: bool = False
    """Another process was updating the index, and this scan did not wait for it."""
