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
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

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
    IndexedBriefing,
    Problem,
    Result,
)
from .files import Listing
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


READ_EVERY_WORD_FROM = 50
"""Briefings written at once from which the library's every word is read, rather
than each of theirs looked up."""
_json = json.JSONEncoder(ensure_ascii=False).encode
"""JSON for what is stored (one encoder made once: ``json.dumps`` makes one a call)."""

STEMS_WEIGHT, FORMS_WEIGHT = 1.0, 0.5
"""BM25 weights of the columns: a word counted in the text weighs more than a form
listed once."""
RANK_ALL_UP_TO = 2_000
"""The most briefings FTS5 scores for a query of words found in half the library or
more (see :meth:`SqliteIndex._weightless`)."""
KEPT = 512
"""Documents whose decoded words and texts a search keeps for the next ones."""
STEMS_LIMIT = 64
"""The most stems a query word is looked up by in the ``stems`` column; one that
matches more words (a short prefix) is looked up by its own alternatives."""


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


def _paths(keys: bytes) -> list[str]:
    """The paths ``keys`` holds, NUL between them."""
    return _path_of(keys).split("\0")


class SqliteIndex(LibraryIndex):
    """The SQLite backend of :class:`LibraryIndex` (see the module's docstring).

    Use it from one thread at a time (a view's worker thread may own one).
    """

    def __init__(self, root: str, path: Path) -> None:
        """Open (or make) the database ``path`` of the library ``root``; raises
        ``sqlite3.DatabaseError`` for a damaged one or one of another version."""
        super().__init__(root)
        self.path = path
        self._kept: OrderedDict[int, _Words] = OrderedDict()
        """Documents' decoded words and texts, the latest searched last (see _decoded)."""
        self._counts: dict[tuple[str, str], int] = {}
        self._counts_version: tuple[int, int] = (-1, -1)
        """The database's version when :attr:`_counts` were counted (see _count)."""
        self._numbers: dict[str, int] | None = None
        """The library's number of each word (by ``algorithm<tab>word``) while writing:
        every word once a large batch has been written (:attr:`_every_number`), else
        those looked up so far."""
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

    def _algorithms(self) -> list[str]:
        return [name for (name,) in self._connection.execute("SELECT name FROM algorithms")]

    def search(
        self, query: str, *, limit: int = 20, filters: Filters = NO_FILTERS, hits: int = 3,
    ) -> list[Result]:
        """See :meth:`LibraryIndex.search`.

        Each query word is looked up in the vocabulary (the library's distinct words,
        confirmed by the search's own rule), and the briefings that have one of its
        words are found by their stems. FTS5 ranks them by BM25 (ties by date), but
        for a query whose every word is in half of a large library or more, which
        BM25 gives no weight: those come by date (see :meth:`_weightless`). The
        briefings are confirmed in that order by the matcher (a phrase: one word
        after the other) until ``limit`` have matched; only their texts are read,
        and their excerpts found by one search over them all.
        """
        from .hits import QueryMatcher, stored_texts, texts_containing
        from .terms import term_expressions

        if limit <= 0:
            return []
        matcher = QueryMatcher(query)
        expressions = term_expressions(query, self._algorithms())
        connection = self._connection
        groups: list[str] = []
        for number, expression in enumerate(expressions):
            if expression is None:
                return []
            words = connection.execute(
                "SELECT v.id, v.word, v.algorithm, vocabulary_forms.tokens "
                "FROM vocabulary_forms JOIN vocabulary v ON v.id = vocabulary_forms.rowid "
                "WHERE vocabulary_forms MATCH ?", (expression,)).fetchall()
            matcher.confirm(number, ((word_number, word, algorithm or None)
                                     for word_number, word, algorithm, _ in words))
            confirmed = matcher.words[number]
            if not confirmed:
                return []
            groups.append(_stems_expression(
                tokens.split(" ", 1)[0] for word_number, _, _, tokens in words
                if word_number in confirmed) or expression)
        # Most briefings ranked are confirmed: the first few times ``limit`` are read,
        # and all of them only when those run out.
        ranked, complete = self._ranked(groups, filters, 4 * limit + 40)
        chosen: list[tuple[int, float, list[int]]] = []
        start, step = 0, max(limit + limit // 2, 16)
        while len(chosen) < limit:
            if start >= len(ranked):
                if complete:
                    break
                ranked, complete = self._ranked(groups, filters, None)
                continue
            page = ranked[start:start + step]
            start += len(page)
            step = min(step * 2, 4096)
            numbers = [document for document, _ in page]
            kept_before = self._kept.keys() & numbers
            stored = self._decoded(numbers)
            for document, score in page:
                decoded = stored[document]
                if decoded.containing is None and document in kept_before:
                    # Searched again: worth knowing where each word is (the first time,
                    # reading every text once costs less than that).
                    decoded = self._kept[document] = decoded._replace(
                        containing=texts_containing(decoded.sequences))
                matching = matcher.matching(decoded.vocabulary, decoded.sequences,
                                            decoded.containing)
                if matching:
                    chosen.append((document, score, matching))
                    if len(chosen) == limit:
                        break
        if not chosen:
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
            return []
        numbers = [document for document, _, _ in chosen]
        rows = {row[0]: row[1:] for row in connection.execute(
            "SELECT id, path, valid, date, card FROM documents WHERE id IN "
            f"({', '.join('?' * len(numbers))})", numbers)}
        texts = self._texts(numbers)
        entries = []
        shown = []
        for document, _, matching in chosen:
            entry = _entry(*rows[document])
            entries.append(entry)
            shown.append((stored_texts(texts[document], matching[:hits]), entry.language))
        return [Result(entry, score, found, len(matching))
                for entry, (_, score, matching), found in zip(
                    entries, chosen, matcher.hits_of(shown), strict=True)]

    def _decoded(self, documents: Sequence[int]) -> dict[int, _Words]:
        """The words of ``documents`` as the matcher reads them: decoded once, and kept
        for the next searches (a query typed a key at a time finds the same briefings
        first) while the document's digest is the same."""
        from .hits import library_numbers
        from .terms import unpack_numbers

        kept = self._kept
        marks = ", ".join("?" * len(documents))
        digests = dict(self._connection.execute(
            f"SELECT id, digest FROM documents WHERE id IN ({marks})", documents))
        missing = [document for document in documents if document in digests and (
            document not in kept or kept[document].digest != digests[document])]
        if missing:
            for document, digest, vocabulary, sequences in self._connection.execute(
                    "SELECT id, digest, vocabulary, sequences FROM documents WHERE id IN "
                    f"({', '.join('?' * len(missing))})", missing):
                kept[document] = _Words(digest, library_numbers(vocabulary or b""),
                                        unpack_numbers(sequences or b""))
        found = {}
        for document in documents:
            words = kept.get(document)
            if words is not None and words.digest == digests.get(document):
                kept.move_to_end(document)
                found[document] = words
        return found

    def _texts(self, documents: Sequence[int]) -> dict[int, list[Any]]:
        """The stored texts of ``documents`` (read by :meth:`_decoded` first), decoded
        once and kept with their words."""
        import zlib

        kept = self._kept
        missing = [document for document in documents if kept[document].texts is None]
        if missing:
            for document, texts in self._connection.execute(
                    "SELECT id, texts FROM documents WHERE id IN "
                    f"({', '.join('?' * len(missing))})", missing):
                kept[document] = kept[document]._replace(
                    texts=json.loads(zlib.decompress(texts)) if texts else [])
        found = {document: kept[document].texts or [] for document in documents}
        while len(kept) > KEPT:  # the least lately searched go
            kept.popitem(last=False)
        return found

    def _ranked(self, groups: list[str], filters: Filters,
                first: int | None) -> tuple[list[tuple[int, float]], bool]:
        """The valid briefings with every group (a ``MATCH`` expression per query word),
        best first, with their rank (see :meth:`search`): the ``first`` of them (all,
        for ``None``), and whether that is all of them."""
        connection = self._connection
        expression = " AND ".join(groups)
        # One more than asked for says whether there are more.
        limit = -1 if first is None else first + 1
        if self._weightless(groups):
            # Every briefing that matches ranks alike: the latest first (an index in
            # that order; no row of documents, which hold the texts, is read).
            narrowed, parameters = _facet_filter(filters, "d.id")
            row = connection.execute(
                "SELECT group_concat(id) FROM (SELECT d.id AS id FROM documents d "
                "INDEXED BY documents_by_date WHERE d.valid = 1 AND +d.id IN "
                f"(SELECT rowid FROM words WHERE words MATCH ?) {narrowed} "
                "ORDER BY d.date DESC, d.path LIMIT ?)",
                (expression, *parameters, limit)).fetchone()
            ranked = [(int(document), 0.0) for document in (row[0] or "").split(",")
                      if document]
            if first is None or len(ranked) <= first:
                return ranked, True
            return ranked[:first], False
        narrowed, parameters = _facet_filter(filters, "+words.rowid")
        # One string, not a row per briefing: Python makes rows slowly. (The LIMIT
        # also keeps the subquery one, where bm25() can be called.)
        row = connection.execute(
            "SELECT group_concat(id || ' ' || score) FROM (SELECT words.rowid AS id, "
            f"bm25(words, {STEMS_WEIGHT}, {FORMS_WEIGHT}) AS score FROM words "
            f"WHERE words MATCH ? {narrowed} ORDER BY score LIMIT ?)",
            (expression, *parameters, limit)).fetchone()
        ranked = [(int(document), float(score)) for document, score in (
            pair.split(" ") for pair in (row[0] or "").split(",") if pair)]
        ranked.sort(key=itemgetter(1))
        complete = first is None or len(ranked) <= first
        if not complete:
            # Briefings that tie with the last one read may tie with some not read:
            # they are left for a longer read, which orders them all by date.
            last = ranked[-1][1]
            ranked = [item for item in ranked if item[1] != last]
        tied: set[int] = set()
        for (one, score), (other, following) in pairwise(ranked):
            if score == following:
                tied.update((one, other))
        if tied:  # ties: by date, latest first, then path
            order: dict[int, tuple[str, bytes]] = {}
            numbers = sorted(tied)
            for start in range(0, len(numbers), 500):
                some = numbers[start:start + 500]
                order.update((document, (date, path)) for document, date, path in
                             connection.execute("SELECT id, date, path FROM documents WHERE "
                                                f"id IN ({', '.join('?' * len(some))})", some))
            ranked.sort(key=lambda item: order[item[0]][1] if item[0] in order else b"")
            ranked.sort(key=lambda item: order[item[0]][0] if item[0] in order else "",
                        reverse=True)
            ranked.sort(key=itemgetter(1))
        return ranked, complete

    def _weightless(self, groups: list[str]) -> bool:
        """Whether BM25 gives every query word (a ``MATCH`` group each) no weight in a
        large library: each is in half its briefings or more (FTS5's idf is then a
        token 1e-6) and in more than :data:`RANK_ALL_UP_TO`. Scoring every one of
        those briefings takes FTS5 longer than a keystroke, for an order that says
        little; they are ordered by date."""
        total = self._count("SELECT count(*) FROM documents WHERE valid = 1", "")
        if total <= 2 * RANK_ALL_UP_TO:
            return False
        # Weightless: in at least half and more than RANK_ALL_UP_TO; counting stops there
        # (a word in every briefing is counted to half of them, not all).
        enough = max((total + 1) // 2, RANK_ALL_UP_TO + 1)
        for group in groups:
            found = self._count("SELECT count(*) FROM (SELECT 1 FROM words WHERE words "
                                f"MATCH ? LIMIT {enough})", group)
            if found < enough:
                return False
        return True

    def _count(self, sql: str, expression: str) -> int:
        """``sql``'s count (of ``expression``'s briefings), kept until the database
        changes (written by this connection or another): a query typed a key at a time
        counts the same words again."""
        connection = self._connection
        version = (connection.execute("PRAGMA data_version").fetchone()[0],
                   connection.total_changes)
        if version != self._counts_version:
            self._counts.clear()
            self._counts_version = version
        key = (sql, expression)
        count = self._counts.get(key)
        if count is None:
            if len(self._counts) >= KEPT:
                self._counts.clear()
            count = self._counts[key] = connection.execute(
                sql, (expression,) if expression else ()).fetchone()[0]
        return count


class _Words(NamedTuple):
    """A document's words as the matcher reads them, and its texts once read."""

    digest: bytes
    vocabulary: array[int]
    sequences: list[array[int]]
    texts: list[Any] | None = None
    containing: dict[int, list[int]] | None = None
    """The texts each word is in (``hits.texts_containing``), once a search needed it."""


def _stems_expression(stems: Iterable[str]) -> str | None:
    """The FTS5 ``MATCH`` expression of the documents whose ``stems`` column holds one
    of ``stems`` (the stems of the library's words a query word matches: a document
    with one of those words has its stem there); ``None`` when there are too many
    (a short prefix) or one is empty, for the query word's own alternatives instead."""
    unique = sorted(set(stems))
    if not unique or len(unique) > STEMS_LIMIT or "" in unique:
        return None
    return "{stems} : (" + " OR ".join(f'"{stem}"' for stem in unique) + ")"


def _facet_filter(filters: Filters, column: str) -> tuple[str, list[Any]]:
    """The condition that ``column`` (a document's id) has every facet value of
    ``filters``, after ``AND``, and its parameters."""
    conditions = []
    parameters: list[Any] = []
    for kind, key in filters.values:
        conditions.append(f"AND {column} IN (SELECT document FROM facets "
                          "WHERE kind = ? AND key = ?)")
        parameters += [FacetKind(kind).value, key]
    return " ".join(conditions), parameters


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


def _card(entry: Entry) -> str:
    """What a library list shows of ``entry`` but its path, validity and date, as JSON."""
    problem = entry.problem
    return _json({
        "language": entry.language, "title": entry.title, "location": entry.location,
        "outlet": entry.outlet, "participants": entry.participants,
        "figures": entry.figures, "tags": entry.tags,
        "problem": list(problem) if problem is not None else None,
    })


def _entry(path: bytes, valid: int, date: str, card: str) -> Entry:
    values = json.loads(card)
    problem = values["problem"]
    return Entry(_path_of(path), bool(valid),
                 Problem(*problem) if problem is not None else None, values["language"],
                 values["title"], date, values["location"], values["outlet"],
                 values["participants"], values["figures"], tuple(values["tags"]))

