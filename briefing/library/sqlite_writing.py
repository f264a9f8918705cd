"""Writing the library index in SQLite: :class:`SqliteWriting`, the half of
:class:`~briefing.library.sqlite_index.SqliteIndex` that writes documents, their
words and facets, and the folder's listing, one transaction a batch (the other
halves open and read it, and search it)."""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .database_file import file_lock, lock_path
from .entries import Entry, FacetKind, FileState, IndexedBriefing
from .files import Listing
from .sqlite_search import _path_key

READ_EVERY_WORD_FROM = 50
"""Briefings written at once from which the library's every word is read, rather
than each of theirs looked up."""
_json = json.JSONEncoder(ensure_ascii=False).encode
"""JSON for what is stored (one encoder made once: ``json.dumps`` makes one a call)."""


class SqliteWriting:
    """How a :class:`SqliteIndex` writes (a part of it, kept apart for its size)."""

    # Set by SqliteIndex.__init__.
    path: Path
    _connection: sqlite3.Connection
    _numbers: dict[str, int] | None
    """The library's number of each word (by ``algorithm<tab>word``) while writing:
    every word once a large batch has been written (:attr:`_every_number`), else
    those looked up so far."""
    _every_number: bool

    @contextmanager
    def writing(self, wait: bool) -> Iterator[bool]:
        """See :meth:`LibraryIndex.writing`: a lock file beside the database."""
        with file_lock(lock_path(self.path), wait) as held:
            self._numbers = None  # another process may have written meanwhile
            yield held

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            self._numbers = None  # it may hold words that were not written
            raise
        connection.execute("COMMIT")

    def _library_numbers(self, connection: sqlite3.Connection,
                         briefings: Sequence[IndexedBriefing]) -> list[bytes]:
        """The library's number of each word of each of ``briefings``' vocabulary,
        packed; new words are added to the library's."""
        numbers = self._numbers
        if numbers is None or (len(briefings) >= READ_EVERY_WORD_FROM
                               and not self._every_number):
            # Many briefings: every word of the library, read once, then looked up in
            # memory. A few (a rescan's changes): each of their words looked up.
            numbers = self._numbers = {}
            self._every_number = len(briefings) >= READ_EVERY_WORD_FROM
            if self._every_number:
                numbers.update(connection.execute(
                    "SELECT algorithm || char(9) || word, id FROM vocabulary"))
        next_number = 0
        added: list[tuple[int, str, str]] = []
        added_tokens: list[tuple[int, str]] = []
        packed = []
        for briefing in briefings:
            if not briefing.vocabulary:
                packed.append(b"")
                continue
            keys = briefing.vocabulary.split("\n")
            found: list[Any] = list(map(numbers.get, keys))  # words seen before: C speed
            if None in found:
                tokens = briefing.tokens.split("\n")
                for at, number in enumerate(found):
                    if number is not None:
                        continue
                    key = keys[at]
                    algorithm, word = key.split("\t", 1)
                    if not self._every_number:
                        row = connection.execute(
                            "SELECT id FROM vocabulary WHERE word = ? AND algorithm = ?",
                            (word, algorithm)).fetchone()
                        if row is not None:
                            numbers[key] = found[at] = row[0]
                            continue
                    if not next_number:
                        next_number = connection.execute(
                            "SELECT coalesce(max(id), 0) + 1 FROM vocabulary").fetchone()[0]
                    numbers[key] = found[at] = next_number
                    added.append((next_number, word, algorithm))
                    added_tokens.append((next_number, tokens[at]))
                    next_number += 1
            packed.append(array("q", found).tobytes())
        connection.executemany("INSERT INTO vocabulary (id, word, algorithm) VALUES (?, ?, ?)",
                               added)
        connection.executemany("INSERT INTO vocabulary_forms (rowid, tokens) VALUES (?, ?)",
                               added_tokens)
        return packed

    def keep_listing(self, listing: Listing | None) -> None:
        """See :meth:`LibraryIndex.keep_listing`."""
        with self._transaction() as connection:
            connection.execute("DELETE FROM listing")
            if listing is not None:
                identities = array("Q", [number for pair in listing.identities
                                         for number in pair])
                connection.execute(
                    "INSERT INTO listing (id, folders, stamps, identities, paths, mtimes, "
                    "sizes, walk_again) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                    (_path_key("\0".join(listing.folders)), listing.stamps.tobytes(),
                     identities.tobytes(), _path_key("\0".join(listing.paths)),
                     listing.mtimes.tobytes(), listing.sizes.tobytes(),
                     int(listing.walk_again)))


    def upsert(
        self, briefings: Sequence[IndexedBriefing], touched: Sequence[tuple[str, FileState]] = (),
    ) -> None:
        """See :meth:`LibraryIndex.upsert`."""
        with self._transaction() as connection:
            algorithms: set[str] = set()
            facets: list[tuple[str, str, int | None, str]] = []
            labels: dict[tuple[tuple[str, str], ...], str] = {}  # the same JSON, made once
            learned: dict[str, str] = {}  # other spellings of people's names: their keys
            for briefing, numbers in zip(
                    briefings, self._library_numbers(connection, briefings), strict=True):
                key = _path_key(briefing.path)
                entry, state = briefing.entry, briefing.state
                article = briefing.article
                values = (state.mtime_ns, state.size, state.digest, int(entry.valid),
                          entry.date, _card(entry), briefing.texts, numbers,
                          briefing.sequences,
                          *((_path_key(article.path), article.mtime_ns, article.size)
                            if article is not None else (None, None, None)))
                row = connection.execute("SELECT id FROM documents WHERE path = ?",
                                         (key,)).fetchone()
                if row is None:
                    cursor = connection.execute(
                        "INSERT INTO documents (mtime_ns, size, digest, valid, date, card, "
                        "texts, vocabulary, sequences, article, article_mtime_ns, article_size, "
                        "path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, key))
                    document = cursor.lastrowid
                else:
                    document = row[0]
                    connection.execute("DELETE FROM words WHERE rowid = ?", (document,))
                    connection.execute("DELETE FROM facets WHERE document = ?", (document,))
                    connection.execute(
                        "UPDATE documents SET mtime_ns = ?, size = ?, digest = ?, valid = ?, "
                        "date = ?, card = ?, texts = ?, vocabulary = ?, sequences = ?, "
                        "article = ?, article_mtime_ns = ?, article_size = ? "
                        "WHERE id = ?", (*values, document))
                if entry.valid:
                    connection.execute("INSERT INTO words (rowid, stems, forms) VALUES (?, ?, ?)",
                                       (document, briefing.stems, briefing.forms))
                for facet in briefing.facets:
                    written = tuple(facet.labels.items())
                    label = labels.get(written)
                    if label is None:
                        label = labels[written] = _json(facet.labels)
                    facets.append((facet.kind.value, facet.key, document, label))
                    for alias in facet.aliases:
                        learned.setdefault(alias, facet.key)
                algorithms.update(briefing.algorithms)
            connection.executemany(
                "INSERT OR IGNORE INTO facets (kind, key, document, labels) VALUES (?, ?, ?, ?)",
                _people(connection, facets, learned))
            connection.executemany(
                "UPDATE documents SET mtime_ns = ?, size = ?, digest = ? WHERE path = ?",
                [(state.mtime_ns, state.size, state.digest, _path_key(path))
                 for path, state in touched])
            connection.executemany("INSERT OR IGNORE INTO algorithms (name) VALUES (?)",
                                   [(name,) for name in sorted(algorithms)])

    def delete(self, paths: Sequence[str]) -> None:
        """See :meth:`LibraryIndex.delete`."""
        with self._transaction() as connection:
            for path in paths:
                row = connection.execute("SELECT id FROM documents WHERE path = ?",
                                         (_path_key(path),)).fetchone()
                if row is None:
                    continue
                connection.execute("DELETE FROM words WHERE rowid = ?", row)
                connection.execute("DELETE FROM facets WHERE document = ?", row)
                connection.execute("DELETE FROM documents WHERE id = ?", row)



_PERSON = FacetKind.PARTICIPANT.value


def _people(connection: sqlite3.Connection, facets: list[tuple[str, str, int | None, str]],
            learned: dict[str, str]) -> list[tuple[str, str, int | None, str]]:
    """``facets`` (rows to write) with each person named by another spelling of a name
    known in Latin letters (a Russian-only ``Пьер Дюбуа``) under that name's key.
    The spellings ``learned`` from the batch are kept (the first key met for each
    stays), and people written before under one of them are moved to its key: so
    the files' order does not matter."""
    if learned:
        known = _aliases(connection, learned)
        new = [(alias, key) for alias, key in learned.items() if alias not in known]
        connection.executemany("INSERT INTO aliases (alias, key) VALUES (?, ?)", new)
        for alias, key in new:
            # A briefing with both spellings of one person keeps one row.
            connection.execute("UPDATE OR IGNORE facets SET key = ? WHERE kind = ? AND key = ?",
                               (key, _PERSON, alias))
            connection.execute("DELETE FROM facets WHERE kind = ? AND key = ?", (_PERSON, alias))
    people = {key for kind, key, _, _ in facets if kind == _PERSON}
    keys = _aliases(connection, people) if people else {}
    if not keys:
        return facets
    return [(kind, keys.get(key, key) if kind == _PERSON else key, document, labels)
            for kind, key, document, labels in facets]


def _aliases(connection: sqlite3.Connection, spellings: Iterable[str]) -> dict[str, str]:
    """The key of each of ``spellings`` that is another spelling of a person's name."""
    listed = list(spellings)
    found: dict[str, str] = {}
    for start in range(0, len(listed), 500):
        some = listed[start:start + 500]
        found.update(connection.execute(
            f"SELECT alias, key FROM aliases WHERE alias IN ({', '.join('?' * len(some))})",
            some))
    return found


def _card(entry: Entry) -> str:
    """What a library list shows of ``entry`` but its path, validity and date, as JSON."""
    problem = entry.problem
    return _json({
        "language": entry.language, "title": entry.title, "location": entry.location,
        "outlet": entry.outlet, "participants": entry.participants,
        "figures": entry.figures, "tags": entry.tags,
        "problem": list(problem) if problem is not None else None,
    })
