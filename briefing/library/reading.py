"""Read one file of a library into what the index stores (:class:`IndexedBriefing`).

The file is read as every command reads it: the loader's bounded, non-blocking
read (:func:`~briefing.loader.read_bounded`), then :func:`~briefing.loader.loads`,
which checks it. Its texts are the outline's (:meth:`Outline.located_texts`), so
the library searches what the viewer shows. A file that cannot be read or is not
a valid briefing gives an entry with its first problem, never an exception.

Reading runs in worker processes for a large scan, so everything here is a
module-level function of picklable arguments.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import time
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from ..errors import BriefingError
from ..limits import MAX_FILE_BYTES
from ..loader import loads, read_bounded
from ..model import Briefing, Text
from ..outline import Outline
from ..search_words import analyse_word, stemming_algorithm, word_pattern
from .entries import (
    MISSING,
    ArticleState,
    Entry,
    Facet,
    FacetKind,
    FileState,
    IndexedBriefing,
    IndexedText,
    Problem,
    pack_texts,
)
from .terms import document_words, pack_numbers

Unchanged = FileState
"""What :func:`read_file` gives for a file whose bytes are those already indexed:
its new state only."""


def digest(data: bytes) -> bytes:
    """The hash that says whether a file's bytes changed."""
    return hashlib.blake2b(data, digest_size=16).digest()


def read_file(
    root: str, path: str, state: FileState, known: bytes = b"",
    folders: dict[str, Path] | None = None,
) -> IndexedBriefing | FileState:
    """Read the library file ``path`` (relative to the folder ``root``), whose state
    is ``state``; ``known`` is the digest of the bytes indexed for it, if any;
    ``folders`` keeps the real path of each folder met (files read one after another).

    Returns its new :class:`FileState` alone when its bytes are still ``known``.
    """
    full = os.path.join(root, *path.split("/"))
    try:
        data = read_bounded(full, MAX_FILE_BYTES, what="briefing")
    except BriefingError as error:
        return _invalid(path, state, error)
    hashed = digest(data)
    state = state._replace(digest=hashed)
    if known and hashed == known:
        return state
    started = file_clock_ns()
    folder = _real_folder(full, {} if folders is None else folders)
    try:
        briefing = loads(data, path, folder)
    except BriefingError as error:
        invalid = _invalid(path, state, error)
        named = _named_article(data, path)
        return invalid._replace(article=_article(folder, named, started, False)) \
            if named else invalid
    except RecursionError:  # the loader guards its depth; this is the last resort
        return _invalid(path, state, BriefingError([]), "the file is nested too deeply")
    result = indexed(path, state, briefing)
    named = briefing.source.text if briefing.source is not None else None
    return result._replace(article=_article(folder, named, started, True)) if named else result


_COARSE_REAL_TIME = 5
"""Linux's ``CLOCK_REALTIME_COARSE`` (not in the ``time`` module): the clock the kernel
stamps files with, up to a tick (4–10 ms) behind ``time.time_ns()``."""


def file_clock_ns() -> int:
    """Now, by the clock files are stamped with, so that a file changed after this
    moment never has an earlier time stamp."""
    if sys.platform.startswith("linux"):
        try:
            return time.clock_gettime_ns(_COARSE_REAL_TIME)
        except OSError:
            pass
    return time.time_ns()


def _article(folder: Path, written: str, started: int, valid: bool) -> ArticleState | None:
    """The state of the article ``written`` (``source.text``) beside a briefing in
    ``folder`` read from ``started`` on, which the briefing's validity depends on.

    It is ``stat``-ed after the briefing was checked: an article changed meanwhile
    (its ``st_ctime_ns`` from ``started`` to now: a clock ahead of this one, as a file
    server's may be, is not taken for a change each time), or missing for a briefing
    found valid, is given a state no file has, so the next scan reads it again.
    """
    if os.path.isabs(written) or ".." in written.replace("\\", "/").split("/"):
        return None  # refused whatever the files are: nothing to look at again
    full = os.path.join(folder, written)
    try:
        info = os.stat(full)
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return ArticleState(full, -2, -2) if valid else ArticleState(full, *MISSING)
    if started <= info.st_ctime_ns <= time.time_ns():
        return ArticleState(full, -2, -2)
    return ArticleState(full, info.st_mtime_ns, info.st_size)


def _named_article(data: bytes, path: str) -> str | None:
    """The article (``source.text``) that the invalid briefing ``data`` names, if it
    names one: its validity may depend on it (it may be missing)."""
    if b"text" not in data:
        return None
    from ..yaml_nodes import Mapping, Scalar
    from ..yaml_tree import read_tree

    try:
        root, _ = read_tree(data.decode("utf-8").removeprefix("\ufeff"), path)
    except (UnicodeDecodeError, RecursionError):
        return None
    node = root
    for key in ("source", "text"):
        if not isinstance(node, Mapping):
            return None
        node = next((value for name, value in node.items if name.value == key), None)
    return node.value if isinstance(node, Scalar) and node.value else None


def read_files(
    root: str, files: Iterable[tuple[str, FileState, bytes]],
) -> list[IndexedBriefing | FileState]:
    """:func:`read_file` for each of ``files`` (a worker process's share)."""
    # Reading makes many small objects and no reference cycles: the cyclic garbage
    # collector, left on, would walk them (and the word caches) again and again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        folders: dict[str, Path] = {}
        return [read_file(root, path, state, known, folders) for path, state, known in files]
    finally:
        if enabled:
            gc.enable()


def _real_folder(full: str, folders: dict[str, Path]) -> Path:
    """The real folder of the file ``full``, which its article is relative to: its
    folder's, found once per folder in ``folders`` (``realpath`` reads each part of
    the path), unless the file is a symbolic link."""
    if os.path.islink(full):
        return Path(os.path.realpath(full)).parent
    folder = os.path.dirname(full)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = Path(os.path.realpath(folder))
    return real


def _invalid(
    path: str, state: FileState, error: BriefingError, message: str = "",
) -> IndexedBriefing:
    first = error.problems[0] if error.problems else None
    problem = Problem(message or (first.message if first else "cannot be read"),
                      first.line if first else None, first.column if first else None)
    entry = Entry(path, False, problem, "", {}, "", {}, {}, 0, 0, ())
    return IndexedBriefing(path, state, entry, (), b"", "", "", (), "", "", b"")


def indexed(path: str, state: FileState, briefing: Briefing) -> IndexedBriefing:
    """What the index stores for the valid ``briefing`` read from ``path``."""
    outline = Outline(briefing)
    make = tuple.__new__  # without IndexedText's Python-level __new__: one per paragraph
    # A paragraph's key (section, entry, name, language, paragraph), its position
    # (line, column) and its text are an IndexedText's fields, in order.
    texts = tuple(make(IndexedText, key + position + (text,))
                  for key, text, position in outline.located_texts())
    languages = list(map(itemgetter(3), texts))
    hints = {language: stemming_algorithm(language or briefing.language)
             for language in set(languages)}
    words = document_words(zip(map(itemgetter(7), texts), map(hints.__getitem__, languages),
                               strict=True))
    source = briefing.source
    entry = Entry(
        path, True, None, briefing.language, _values(briefing.title),
        str(briefing.date) if briefing.date is not None else "",
        _values(briefing.location), _values(source.outlet if source else None),
        len(briefing.participants), len(briefing.figures), tuple(briefing.tags),
    )
    return IndexedBriefing(path, state, entry, _facets(briefing), pack_texts(texts),
                           words.stems, words.forms, words.algorithms, words.vocabulary,
                           words.tokens, pack_numbers(words.sequences))


def _values(text: Text | None) -> dict[str, str]:
    return dict(text.values) if text is not None else {}


@lru_cache(maxsize=4096)  # the same people, countries and tags, briefing after briefing
def facet_key(text: str) -> str:
    """The key that makes one facet value of ``text`` across briefings: its words,
    normalised as search normalises them and written in ASCII letters, so that
    ``Арман Исетов``, ``ARMAN ISETOV`` and ``Arman  Isetov`` are one person."""
    words = []
    for raw in word_pattern().findall(text):
        word = analyse_word(raw, None)
        if word.norm:
            words.append(word.ascii or word.norm)
    return " ".join(words)


def person_key(name: Text) -> str:
    """The key that makes one participant of ``name`` across briefings, whatever the
    briefing's language: :func:`facet_key` of the name in Latin letters when the
    briefing gives it so (in English first), else of its original, which
    :func:`facet_key` transliterates. So ``Pierre Dubois`` in an English briefing
    and ``Пьер Дюбуа`` with ``en: Pierre Dubois`` in a Russian one are one person,
    and ``Арман Исетов`` alone is ``Arman Isetov``."""
    return _person(name)[0]


def _person(name: Text) -> tuple[str, bool]:
    """:func:`person_key` of ``name``, and whether it is the transliteration of a name
    written in another script."""
    values = name.values
    latin = [values["en"]] if "en" in values else []
    latin += [value for value in values.values() if _in_latin_letters(value)]
    for value in latin:
        key = facet_key(value)
        if key:
            return key, False
    return facet_key(name.get()), True


def _in_latin_letters(text: str) -> bool:
    """Whether every letter of ``text`` (one at least) is a Latin one: ASCII, Latin-1
    and Latin Extended A and B (``Ayşe Yılmaz``, ``Müller``)."""
    letters = [character for character in text if character.isalpha()]
    return bool(letters) and all(character < "\u0250" for character in letters)


def _text_facet(kind: FacetKind, text: Text) -> Facet | None:
    key = facet_key(text.get())
    return Facet(kind, key, dict(text.values)) if key else None


def _facets(briefing: Briefing) -> tuple[Facet, ...]:
    found: dict[tuple[FacetKind, str], Facet] = {}

    def add(facet: Facet | None) -> None:
        if facet is not None:
            found.setdefault((facet.kind, facet.key), facet)

    for participant in briefing.participants:
        key, transliterated = _person(participant.name)
        if key:
            values = participant.name.values
            aliases = () if transliterated else tuple(sorted(
                {facet_key(value) for value in values.values()} - {key, ""}))
            add(Facet(FacetKind.PARTICIPANT, key, dict(values), aliases))
        if participant.country is not None:
            add(_text_facet(FacetKind.COUNTRY, participant.country))
    for priority in briefing.priorities:
        add(_text_facet(FacetKind.SECTOR, priority.sector))
    for tag in briefing.tags:
        key = facet_key(tag)
        if key:
            add(Facet(FacetKind.TAG, key, {briefing.language: tag}))
    if briefing.date is not None:
        year = str(briefing.date.year)
        add(Facet(FacetKind.YEAR, year, {briefing.language: year}))
    return tuple(found.values())

