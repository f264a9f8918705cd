"""The library index in SQLite (the standard library's ``sqlite3``) with FTS5.

:func:`open_library` opens (or makes again) the database of a library folder, and
:class:`SqliteIndex` writes and queries it (its writing is in
:mod:`briefing.library.sqlite_writing`, its search in
:mod:`briefing.library.sqlite_search`). Where the database is kept, its
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
from collections import OrderedDict
from collections.abc import Callable
from operator import itemgetter
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
    ArticleState,
    Entry,
    FacetCount,
    FacetKind,
    FileState,
    Filters,
)
from .files import Listing
from .index import LibraryError, LibraryIndex
from .sqlite_search import SqliteSearch, _entry, _path_of, _paths
from .sqlite_writing import READ_EVERY_WORD_FROM as READ_EVERY_WORD_FROM
from .sqlite_writing import SqliteWriting
from .sqlite_writing import _aliases as _aliases
from .sqlite_writing import _card as _card
from .sqlite_writing import _json as _json
from .sqlite_writing import _people as _people

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



class SqliteIndex(SqliteWriting, SqliteSearch, LibraryIndex):
    """The SQLite backend of :class:`LibraryIndex` (see the module's docstring).

    Use it from one thread at a time (a view's worker thread may own one).
    """

    def __init__(self, root: str, path: Path) -> None:
        """Open (or make) the database ``path`` of the library ``root``; raises
        ``sqlite3.DatabaseError`` for a damaged one or one of another version."""
        super().__init__(root)
        self.path = path
        self._kept = OrderedDict()
        self._counts = {}
        self._counts_version = (-1, -1)
        self._numbers = None
        self._every_number = False
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

    def _invalid_count(self) -> int:
        row = self._connection.execute("SELECT count(*) FROM documents WHERE valid = 0")
        return int(row.fetchone()[0])

    def listing(self) -> Listing | None:
        """See :meth:`LibraryIndex.listing`: its paths NUL-separated, its numbers as
        arrays (a search reads it at once, not 10,000 rows)."""
        row = self._connection.execute(
            "SELECT folders, stamps, identities, paths, mtimes, sizes, walk_again "
            "FROM listing").fetchone()
        if row is None:
            return None
        folders, stamps, identities, paths, mtimes, sizes, walk_again = row
        numbers = [array("q", stamps), array("Q", identities), array("q", mtimes),
                   array("q", sizes)]
        return Listing(
            _paths(folders) if numbers[0] else [], numbers[0],
            list(zip(numbers[1][::2], numbers[1][1::2], strict=True)),
            _paths(paths) if numbers[2] else [], numbers[2], numbers[3], bool(walk_again))

    def states(self) -> dict[str, FileState]:
        """See :meth:`LibraryIndex.states`."""
        rows = self._connection.execute("SELECT path, mtime_ns, size, digest FROM documents")
        state = tuple.__new__  # without FileState's Python-level __new__: one per file
        return {_path_of(path): state(FileState, (mtime, size, digest))
                for path, mtime, size, digest in rows}

    def version(self) -> object:
        """See :meth:`LibraryIndex.version`: SQLite's ``data_version``, which another
        connection's commit changes."""
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def articles(self) -> dict[str, ArticleState]:
        """See :meth:`LibraryIndex.articles`: read from their own index, empty when no
        briefing names one."""
        rows = self._connection.execute(
            "SELECT path, article, article_mtime_ns, article_size FROM documents "
            "INDEXED BY documents_articles WHERE article IS NOT NULL")
        state = tuple.__new__  # without ArticleState's Python-level __new__: one per row
        return {_path_of(path): state(ArticleState, (_path_of(article), mtime, size))
                for path, article, mtime, size in rows}

    # -- reading -------------------------------------------------------------------

    def entries(self, filters: Filters = NO_FILTERS) -> list[Entry]:
        """See :meth:`LibraryIndex.entries`."""
        where, parameters = _filtered(filters)
        rows = self._connection.execute(
            f"SELECT path, valid, date, card FROM documents d {where} ORDER BY path",
            parameters)
        return [_entry(*row) for row in rows]

    def first_entries(self, count: int) -> tuple[list[Entry], int]:
        """See :meth:`LibraryIndex.first_entries`: the valid briefings and the invalid
        files read each in that order, from an index, and the two merged."""
        connection = self._connection
        rows = [row for valid in (1, 0) for row in connection.execute(
            "SELECT path, valid, date, card FROM documents INDEXED BY documents_by_date "
            "WHERE valid = ? ORDER BY date DESC, path LIMIT ?", (valid, count))]
        rows.sort(key=itemgetter(0))
        rows.sort(key=itemgetter(2), reverse=True)
        (total,) = connection.execute("SELECT count(*) FROM documents").fetchone()
        return [_entry(*row) for row in rows[:count]], total

    def invalid(self) -> list[Entry]:
        """See :meth:`LibraryIndex.invalid`."""
        rows = self._connection.execute(
            "SELECT path, valid, date, card FROM documents WHERE NOT valid ORDER BY path")
        return [_entry(*row) for row in rows]

    def facets(self, filters: Filters = NO_FILTERS) -> dict[FacetKind, list[FacetCount]]:
        """See :meth:`LibraryIndex.facets`."""
        where, parameters = _filtered(filters)
        rows = self._connection.execute(
            "SELECT f.kind, f.key, group_concat(DISTINCT f.labels), count(*) AS n "
            f"FROM facets f WHERE f.document IN (SELECT d.id FROM documents d {where}) "
            "GROUP BY f.kind, f.key ORDER BY n DESC, f.key", parameters)
        found: dict[FacetKind, list[FacetCount]] = {kind: [] for kind in FacetKind}
        for kind, key, labels, count in rows:
            found[FacetKind(kind)].append(FacetCount(FacetKind(kind), key,
                                                     _merged_labels(labels), count))
        return found


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



def _merged_labels(written: str) -> dict[str, str]:
    """The labels of one facet value in every briefing that has it (their JSON objects
    joined by commas): one per language, the first met. A person named only in
    English in one briefing and in Russian and English in another is shown in
    Russian too."""
    decode = _decoder.raw_decode
    merged: dict[str, str] = {}
    at = 0
    while at < len(written):
        labels, at = decode(written, at)
        for language, label in labels.items():
            merged.setdefault(language, label)
        at += 1  # the comma between two
    return merged


_decoder = json.JSONDecoder()
