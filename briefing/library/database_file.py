"""Where a library's SQLite database is kept, what is in it, and how it is locked.

One database per library folder, in the user's cache folder (``BRIEFING_CACHE``
overrides it), in WAL mode: many processes read at once while one writes. Writing
is one process at a time: a lock file beside the database (``flock``, see
:func:`file_lock`), and SQLite's own locking (``busy_timeout``) stands behind it.

The database's ``user_version`` is :data:`SCHEMA_VERSION`; a database made by
another version (:class:`OtherVersion`), or a damaged one (:func:`is_damage`), is
deleted (:func:`remove_database`) and made again.

Tables (:data:`SCHEMA`): ``documents`` (one row per file: its state, its row in a
library list as JSON, the article it names and that article's state, its texts
compressed, its words as the library's numbers and each text's words by their
place), ``words`` (FTS5: the columns of :mod:`briefing.library.terms`, rowid = the
document's id), ``vocabulary`` (every
distinct word of the library and the algorithm of its text) with
``vocabulary_forms`` (FTS5: each word's tokens, rowid = its number), ``facets``
(document, kind, key, labels), ``algorithms`` (the stemming algorithms of the
words stored) and ``listing`` (the folder as the last scan listed it: its folders'
and files' paths, NUL between them, and their states as arrays of 64-bit numbers).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SCHEMA_VERSION = 8
"""Changed whenever what is stored changes (tables, or the analysis of words): an
index of another version is rebuilt."""

CACHE_VARIABLE = "BRIEFING_CACHE"
"""The environment variable that names the folder the indexes are kept in."""

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    digest BLOB NOT NULL,
    valid INTEGER NOT NULL,
    date TEXT NOT NULL,
    card TEXT NOT NULL,
    texts BLOB,
    vocabulary BLOB,
    sequences BLOB,
    article BLOB,
    article_mtime_ns INTEGER,
    article_size INTEGER
);
-- A row of documents is large (its texts): what is read of every briefing at once
-- (the list, and the briefings in date order) is read from these indexes instead.
CREATE INDEX documents_listed ON documents (path, valid, date, card);
CREATE INDEX documents_by_date ON documents (valid, date DESC, path);
-- What a scan compares with the folder's files, read without reading the rows.
CREATE INDEX documents_state ON documents (path, mtime_ns, size, digest);
-- The articles briefings name (their validity depends on them), as they were when each
-- was read: a scan stats them (a library where none names one reads an empty index).
CREATE INDEX documents_articles ON documents (article, article_mtime_ns, article_size, path)
    WHERE article IS NOT NULL;
CREATE TABLE vocabulary (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    UNIQUE (word, algorithm)
);
CREATE VIRTUAL TABLE vocabulary_forms USING fts5(tokens, tokenize = 'ascii');
CREATE TABLE facets (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    document INTEGER NOT NULL,
    labels TEXT NOT NULL,
    PRIMARY KEY (kind, key, document)
) WITHOUT ROWID;
CREATE INDEX facets_of_document ON facets (document);
-- Other spellings of people named in Latin letters somewhere (`per dyubua` for `pierre
-- dubois`, from `{ru: Пьер Дюбуа, en: Pierre Dubois}`): the first key met for each.
CREATE TABLE aliases (alias TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE algorithms (name TEXT PRIMARY KEY) WITHOUT ROWID;
-- The folder's listing that the last complete scan left (files.Listing: one row, or
-- none while a scan writes): the next scan stats what it lists instead of walking.
CREATE TABLE listing (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    folders BLOB NOT NULL,
    stamps BLOB NOT NULL,
    identities BLOB NOT NULL,
    paths BLOB NOT NULL,
    mtimes BLOB NOT NULL,
    sizes BLOB NOT NULL,
    walk_again INTEGER NOT NULL
);
CREATE VIRTUAL TABLE words USING fts5(stems, forms, tokenize = 'ascii');
-- A batch of briefings (a few MB of words) is flushed to the index once, at its
-- commit, not once a MB: fewer, larger segments to merge (-13% time writing).
INSERT INTO words (words, rank) VALUES ('hashsize', 16777216);
"""


def cache_folder() -> Path:
    """Where the library indexes are kept: ``$BRIEFING_CACHE``, else the user's cache
    folder for briefing (``~/.cache/briefing`` on Linux)."""
    override = os.environ.get(CACHE_VARIABLE)
    if override:
        return Path(override)
    usual = _usual_cache_folder()
    if usual is not None:
        return Path(usual)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def _usual_cache_folder() -> str | None:
    """platformdirs' user cache folder for briefing on Linux in the usual cases (an
    absolute ``$XDG_CACHE_HOME``, else ``$HOME/.cache``), without importing it: that
    takes 25 ms, half a ``briefing validate``, on every search. ``None`` elsewhere
    (platformdirs decides)."""
    environ = os.environ
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or (
            environ.get("ANDROID_DATA") == "/data" and environ.get("ANDROID_ROOT") == "/system"):
        return None
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "briefing")
    home = environ.get("HOME", "")
    if os.path.isabs(home):
        return os.path.join(os.path.expanduser("~"), ".cache", "briefing")
    return None


def _sha256(data: bytes) -> str:
    """The SHA-256 of ``data`` in hexadecimal, from the standard library's own module
    when there is one: ``hashlib`` loads OpenSSL (5 ms of every search) for it."""
    try:
        if sys.version_info >= (3, 12):
            from _sha2 import sha256
        else:
            from _sha256 import sha256  # type: ignore[import-not-found]  # no stub
    except ImportError:  # a Python built without them
        from hashlib import sha256
    return str(sha256(data).hexdigest())


def database_path(root: str, cache: Path | None = None) -> Path:
    """The database of the library folder ``root``: named after the folder, and a
    hash of its real path, so two folders of one name have their own."""
    real = os.path.realpath(root)
    digest = _sha256(os.fsencode(real))[:16]
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", os.path.basename(real))[:40] or "root"
    return (cache or cache_folder()) / "libraries" / f"{name}-{digest}.sqlite3"


def has_fts5() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
    return True


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether ``error`` says the database file is damaged or is not one (rather
    than busy, or read-only)."""
    name = getattr(error, "sqlite_errorname", "")
    if name:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    return not isinstance(error, sqlite3.OperationalError)



def remove_database(path: Path) -> None:
    """Delete the database ``path`` and its WAL files (under the write lock)."""
    with file_lock(lock_path(path), wait=True):
        for suffix in ("", "-wal", "-shm"):
            with suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")


class OtherVersion(sqlite3.DatabaseError):
    """The database was made by another version (its ``user_version``)."""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def file_lock(path: Path, wait: bool) -> Iterator[bool]:
    """Hold an exclusive lock on the file ``path`` (made if needed); ``False`` when
    another process holds it and ``wait`` is false. Where there is no ``flock``
    (Windows), SQLite's own locking alone keeps writers apart."""
    try:
        import fcntl
    except ImportError:
        yield True
        return
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)

