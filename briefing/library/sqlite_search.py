"""The library's search over SQLite: :class:`SqliteSearch`, the half of
:class:`~briefing.library.sqlite_index.SqliteIndex` that finds, ranks and excerpts
(the other half writes the index)."""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import itemgetter
from typing import Any, NamedTuple

from .entries import NO_FILTERS, Entry, FacetKind, Filters, Problem, Result

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


class SqliteSearch:
    """How a :class:`SqliteIndex` searches (a part of it, kept apart for its size)."""

    # Set by SqliteIndex.__init__.
    _connection: sqlite3.Connection
    _kept: OrderedDict[int, _Words]
    """Documents' decoded words and texts, the latest searched last (see _decoded)."""
    _counts: dict[tuple[str, str], int]
    _counts_version: tuple[int, int]
    """The database's version when :attr:`_counts` were counted (see _count)."""

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

    def _texts(self, documents: Sequence[int]) -> dict[int, Sequence[Sequence[Any]]]:
        """The stored texts of ``documents`` (read by :meth:`_decoded` first), decoded
        once and kept with their words."""
        import zlib

        kept = self._kept
        missing = [document for document in documents if kept[document].texts is None]
        if missing:
            for document, texts in self._connection.execute(
                    "SELECT id, texts FROM documents WHERE id IN "
                    f"({', '.join('?' * len(missing))})", missing):
                # Tuples of strings, which the garbage collector stops following: lists it
                # would walk through in every full collection (a search keeps hundreds of
                # briefings' texts, and a collection would take tens of milliseconds).
                kept[document] = kept[document]._replace(texts=tuple(
                    map(tuple, json.loads(zlib.decompress(texts)))) if texts else ())
        found = {document: kept[document].texts or () for document in documents}
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
    texts: Sequence[Sequence[Any]] | None = None
    containing: dict[int, tuple[int, ...]] | None = None
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


def _path_key(path: str) -> bytes:
    # A file name's bytes that are not UTF-8 are kept as they are (as os.fsencode).
    return path.encode("utf-8", "surrogateescape")


def _path_of(key: bytes) -> str:
    return key.decode("utf-8", "surrogateescape")


def _paths(keys: bytes) -> list[str]:
    """The paths ``keys`` holds, NUL between them."""
    return _path_of(keys).split("\0")


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


def _entry(path: bytes, valid: int, date: str, card: str) -> Entry:
    values = json.loads(card)
    problem = values["problem"]
    return Entry(_path_of(path), bool(valid),
                 Problem(*problem) if problem is not None else None, values["language"],
                 values["title"], date, values["location"], values["outlet"],
                 values["participants"], values["figures"], tuple(values["tags"]))
