"""The library index in SQLite (the standard library's ``sqlite3``) with FTS5.

:func:`open_library` opens (or makes again) the database of a library folder, and
:class:`SqliteIndex` writes and queries it. Where the database is kept, its
tables, and its lock file are in :mod:`briefing.library.database_file`. Writing
is one process at a time; a second writer waits, or skips (see
:meth:`LibraryIndex.scan`). Each batch is one transaction, so a crash or Ctrl+C
leaves the index as it was after the last batch. A database made by another
version, or a damaged one, is deleted and made again, and the caller is told in
one line.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .database_file import (
    CACHE_VARIABLE,
    SCHEMA,
    SCHEMA_VERSION,
    OtherVersion,
    cache_folder,
    database_path,
    file_lock,
    has_fts5,
    is_damage,
    lock_path,
    remove_database,
)
from .entries import (
    NO_FILTERS,
    Entry,
    FacetCount,
    FacetKind,
    FileState,
    Filters,
    IndexedBriefing,
    Problem,
    Result,
    unpack_texts,
)
from .index import LibraryError, LibraryIndex

__all__ = [
    "CACHE_VARIABLE",
    "SCHEMA_VERSION",
    "SqliteIndex",
    "cache_folder",
    "database_path",
    "is_damage",
    "open_library",
    "remove_database",
]


STEMS_WEIGHT, FORMS_WEIGHT = 1.0, 0.5
"""BM25 weights of the columns: a word counted in the text weighs more than a form
listed once."""


def open_library(
    root: str, *, cache: Path | None = None, notice: Callable[[str], None] | None = None,
) -> SqliteIndex:
    """The index of the library folder ``root``, made if there is none; one made by
    another version, or damaged, is made again after ``notice`` is told so.

    Raises :class:`LibraryError` when SQLite has no FTS5, or the cache folder
    cannot be written.
    """
    if not has_fts5():
        raise LibraryError(
            "this Python's SQLite was built without FTS5 full-text search, which the "
            f"library index needs (SQLite {sqlite3.sqlite_version}); use a Python whose "
            "sqlite3 module has it (python.org's and most distributions' builds do)")
    path = database_path(root, cache)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot make the index folder {path.parent}: "
                           f"{error.strerror or error}") from None
    for _ in range(3):
        try:
            return SqliteIndex(root, path)
        except sqlite3.DatabaseError as error:
            if not is_damage(error) and not isinstance(error, OtherVersion):
                raise LibraryError(f"cannot open the index {path}: {error}") from None
            reason = ("was made by another version of briefing"
                      if isinstance(error, OtherVersion) else f"is damaged ({error})")
        if notice is not None:
            notice(f"the index of this library {reason}; rebuilding it")
        remove_database(path)
    raise LibraryError(f"cannot make the index {path}")



def _path_key(path: str) -> bytes:
    # A file name's bytes that are not UTF-8 are kept as they are (as os.fsencode).
    return path.encode("utf-8", "surrogateescape")


def _path_of(key: bytes) -> str:
    return key.decode("utf-8", "surrogateescape")


class SqliteIndex(LibraryIndex):
    """The SQLite backend of :class:`LibraryIndex` (see the module's docstring).

    Use it from one thread at a time (a view's worker thread may own one).
    """

    def __init__(self, root: str, path: Path) -> None:
        """Open (or make) the database ``path`` of the library ``root``; raises
        ``sqlite3.DatabaseError`` for a damaged one or one of another version."""
        super().__init__(root)
        self.path = path
        self._numbers: dict[tuple[str, str], int] | None = None
        """The library's number of each word, while writing (read when first needed)."""
        # Autocommit: transactions are begun and ended explicitly, one per batch.
        connection = sqlite3.connect(path, timeout=30, isolation_level=None,
                                     check_same_thread=False)
        try:
            self._connection = connection
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                if version != 0 or self._has_tables():
                    raise OtherVersion(f"version {version}")
                self._create()
            connection.execute("PRAGMA synchronous = NORMAL")  # WAL: safe, not durable
            connection.execute("SELECT count(*) FROM algorithms").fetchone()
        except BaseException:
            connection.close()
            raise

    def _has_tables(self) -> bool:
        row = self._connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return bool(row[0])

    def _create(self) -> None:
        with file_lock(lock_path(self.path), wait=True):
            connection = self._connection
            if connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return  # made by another process meanwhile
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            try:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the database."""
        self._connection.close()

    def reopen(self) -> SqliteIndex:
        """See :meth:`LibraryIndex.reopen`: one more connection to the database."""
        return SqliteIndex(self.root, self.path)

    # -- writing -------------------------------------------------------------------

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
                         vocabulary: Sequence[tuple[str, str, str]]) -> bytes:
        """The library's number of each word of ``vocabulary`` (new words are added),
        packed."""
        numbers = self._numbers
        if numbers is None:
            rows = connection.execute("SELECT word, algorithm, id FROM vocabulary")
            numbers = self._numbers = {(word, algorithm): number
                                       for word, algorithm, number in rows}
        found = array("q")
        for word, algorithm, tokens in vocabulary:
            number = numbers.get((word, algorithm))
            if number is None:
                cursor = connection.execute(
                    "INSERT INTO vocabulary (word, algorithm) VALUES (?, ?)", (word, algorithm))
                number = numbers[(word, algorithm)] = cursor.lastrowid or 0
                connection.execute("INSERT INTO vocabulary_forms (rowid, tokens) VALUES (?, ?)",
                                   (number, tokens))
            found.append(number)
        return found.tobytes()

    def states(self) -> dict[str, FileState]:
        """See :meth:`LibraryIndex.states`."""
        rows = self._connection.execute("SELECT path, mtime_ns, size, digest FROM documents")
        return {_path_of(path): FileState(mtime, size, digest)
                for path, mtime, size, digest in rows}

    def upsert(
        self, briefings: Sequence[IndexedBriefing], touched: Sequence[tuple[str, FileState]] = (),
    ) -> None:
        """See :meth:`LibraryIndex.upsert`."""
        with self._transaction() as connection:
            algorithms: set[str] = set()
            for briefing in briefings:
                key = _path_key(briefing.path)
                entry, state = briefing.entry, briefing.state
                values = (state.mtime_ns, state.size, state.digest, int(entry.valid),
                          entry.date, _card(entry), briefing.texts,
                          self._library_numbers(connection, briefing.vocabulary),
                          briefing.sequences)
                row = connection.execute("SELECT id FROM documents WHERE path = ?",
                                         (key,)).fetchone()
                if row is None:
                    cursor = connection.execute(
                        "INSERT INTO documents (mtime_ns, size, digest, valid, date, card, "
                        "texts, vocabulary, sequences, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, key))
                    document = cursor.lastrowid
                else:
                    document = row[0]
                    connection.execute("DELETE FROM words WHERE rowid = ?", (document,))
                    connection.execute("DELETE FROM facets WHERE document = ?", (document,))
                    connection.execute(
                        "UPDATE documents SET mtime_ns = ?, size = ?, digest = ?, valid = ?, "
                        "date = ?, card = ?, texts = ?, vocabulary = ?, sequences = ? "
                        "WHERE id = ?", (*values, document))
                if entry.valid:
                    connection.execute("INSERT INTO words (rowid, stems, forms) VALUES (?, ?, ?)",
                                       (document, briefing.stems, briefing.forms))
                connection.executemany(
                    "INSERT OR IGNORE INTO facets (kind, key, document, labels) "
                    "VALUES (?, ?, ?, ?)",
                    [(facet.kind.value, facet.key, document,
                      json.dumps(facet.labels, ensure_ascii=False))
                     for facet in briefing.facets])
                algorithms.update(briefing.algorithms)
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

    # -- reading -------------------------------------------------------------------

    def entries(self, filters: Filters = NO_FILTERS) -> list[Entry]:
        """See :meth:`LibraryIndex.entries`."""
        where, parameters = _filtered(filters)
        rows = self._connection.execute(
            f"SELECT path, valid, date, card FROM documents d {where} ORDER BY path",
            parameters)
        return [_entry(*row) for row in rows]

    def invalid(self) -> list[Entry]:
        """See :meth:`LibraryIndex.invalid`."""
        rows = self._connection.execute(
            "SELECT path, valid, date, card FROM documents WHERE NOT valid ORDER BY path")
        return [_entry(*row) for row in rows]

    def facets(self, filters: Filters = NO_FILTERS) -> dict[FacetKind, list[FacetCount]]:
        """See :meth:`LibraryIndex.facets`."""
        where, parameters = _filtered(filters)
        rows = self._connection.execute(
            "SELECT f.kind, f.key, min(f.labels), count(*) AS n FROM facets f "
            f"WHERE f.document IN (SELECT d.id FROM documents d {where}) "
            "GROUP BY f.kind, f.key ORDER BY n DESC, f.key", parameters)
        found: dict[FacetKind, list[FacetCount]] = {kind: [] for kind in FacetKind}
        for kind, key, labels, count in rows:
            found[FacetKind(kind)].append(FacetCount(FacetKind(kind), key, json.loads(labels),
                                                     count))
        return found

    def _algorithms(self) -> list[str]:
        return [name for (name,) in self._connection.execute("SELECT name FROM algorithms")]

    def search(
        self, query: str, *, limit: int = 20, filters: Filters = NO_FILTERS, hits: int = 3,
    ) -> list[Result]:
        """See :meth:`LibraryIndex.search`."""
        from .hits import QueryMatcher, library_numbers
        from .terms import term_expressions, unpack_numbers

        matcher = QueryMatcher(query)
        expressions = term_expressions(query, self._algorithms())
        connection = self._connection
        for number, expression in enumerate(expressions):
            if expression is not None:
                matcher.confirm(number, (
                    (word_number, word, algorithm or None)
                    for word_number, word, algorithm in connection.execute(
                        "SELECT v.id, v.word, v.algorithm FROM vocabulary_forms "
                        "JOIN vocabulary v ON v.id = vocabulary_forms.rowid "
                        "WHERE vocabulary_forms MATCH ?", (expression,))))
        if not matcher.possible or limit <= 0:
            return []
        where, parameters = _filtered(filters, "AND")
        # Ranked by number alone: sorting the rows with their texts would carry them all.
        sql = (f"SELECT d.id, bm25(words, {STEMS_WEIGHT}, {FORMS_WEIGHT}) AS score "
               "FROM words JOIN documents d ON d.id = words.rowid "
               f"WHERE words MATCH ? {where} ORDER BY score, d.date DESC, d.path "
               "LIMIT ? OFFSET ?")
        expression = " AND ".join(part for part in expressions if part is not None)
        results: list[Result] = []
        offset = 0
        page = max(limit + limit // 2, 10)
        while len(results) < limit:
            rows = connection.execute(sql, (expression, *parameters, page, offset)).fetchall()
            for document, score in rows:
                vocabulary, sequences = connection.execute(
                    "SELECT vocabulary, sequences FROM documents WHERE id = ?",
                    (document,)).fetchone()
                matching = matcher.matching(library_numbers(vocabulary),
                                            unpack_numbers(sequences))
                if not matching:
                    continue
                path, valid, date, card, texts = connection.execute(
                    "SELECT path, valid, date, card, texts FROM documents WHERE id = ?",
                    (document,)).fetchone()
                entry = _entry(path, valid, date, card)
                shown = matcher.hits(unpack_texts(texts), entry.language, matching[:hits])
                results.append(Result(entry, score, shown, len(matching)))
                if len(results) == limit:
                    break
            if len(rows) < page:
                break
            offset += page
            page *= 2
        return results


def _filtered(filters: Filters, joiner: str = "WHERE") -> tuple[str, list[Any]]:
    """The condition on ``documents d`` that keeps the briefings with every facet value
    of ``filters``, and its parameters."""
    conditions = []
    parameters: list[Any] = []
    for kind, key in filters.values:
        conditions.append("d.id IN (SELECT document FROM facets WHERE kind = ? AND key = ?)")
        parameters += [FacetKind(kind).value, key]
    if not conditions:
        return "", parameters
    return f"{joiner} {' AND '.join(conditions)}", parameters


def _card(entry: Entry) -> str:
    """What a library list shows of ``entry`` but its path, validity and date, as JSON."""
    problem = entry.problem
    return json.dumps({
        "language": entry.language, "title": entry.title, "location": entry.location,
        "outlet": entry.outlet, "participants": entry.participants,
        "figures": entry.figures, "tags": entry.tags,
        "problem": list(problem) if problem is not None else None,
    }, ensure_ascii=False)


def _entry(path: bytes, valid: int, date: str, card: str) -> Entry:
    values = json.loads(card)
    problem = values["problem"]
    return Entry(_path_of(path), bool(valid),
                 Problem(*problem) if problem is not None else None, values["language"],
                 values["title"], date, values["location"], values["outlet"],
                 values["participants"], values["figures"], tuple(values["tags"]))

