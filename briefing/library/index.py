"""The library index's interface (:class:`LibraryIndex`) and its scan, which every
backend shares.

A backend stores what reading each file gives (:class:`IndexedBriefing`) and
answers the library list (:meth:`~LibraryIndex.entries`), its facets
(:meth:`~LibraryIndex.facets`) and searches (:meth:`~LibraryIndex.search`).
Views use only this interface, so another backend (a PostgreSQL one, for a
team: see ARCHITECTURE.md) replaces the SQLite one without touching them.

:meth:`LibraryIndex.scan` brings the index up to date with the folder: it compares
each file's ``(mtime_ns, size)`` with the index's, reads only files that are new or
whose state changed (and re-indexes only those whose bytes changed: a digest),
removes files that are gone, and hands the backend one batch at a time, each
written in one transaction, so an interrupted scan leaves a consistent index that
the next scan completes. The folder's listing that a complete scan leaves is kept
(:meth:`LibraryIndex.keep_listing`): the next scan ``stat``-s what it lists and lists
again only the folders that changed (:func:`~briefing.library.files.look_again`), and
when nothing changed, reads nothing more.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager

from .entries import (
    NO_FILTERS,
    ArticleState,
    Entry,
    FacetCount,
    FacetKind,
    FileState,
    Filters,
    IndexedBriefing,
    Result,
    ScanReport,
)
from .files import Listing, article_states, look_again

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (or multiprocessing)
if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

Progress = Callable[[int, int], None]
"""Told ``(files read, files to read)`` as a scan goes."""

BATCH = 200
"""Files written per transaction."""
PARALLEL_FROM = 64
"""Files to read from which a scan reads them in worker processes."""
CHUNK = 25
"""Files a worker process reads per task."""


class LibraryError(Exception):
    """The index cannot be used (no FTS5 in this SQLite, a folder that cannot be
    written): its message says why, for the command line to print."""


class LibraryIndex(ABC):
    """The index of one library folder."""

    def __init__(self, root: str) -> None:
        self.root = root
        """The library's folder, as given."""

    # -- what a backend implements ---------------------------------------------

    @abstractmethod
    def states(self) -> dict[str, FileState]:
        """The state of every file indexed, by path."""

    @abstractmethod
    def upsert(
        self, briefings: Sequence[IndexedBriefing], touched: Sequence[tuple[str, FileState]] = (),
    ) -> None:
        """Store ``briefings`` (replacing what was stored for their paths) and the new
        states of files whose bytes did not change (``touched``), in one transaction."""

    @abstractmethod
    def delete(self, paths: Sequence[str]) -> None:
        """Remove the files ``paths`` from the index, in one transaction."""

    def articles(self) -> dict[str, ArticleState]:
        """The article each briefing that names one named when it was read, with its
        state then, by the briefing's path: a scan reads a briefing again when its
        article's state changed. A backend that keeps none never does."""
        return {}

    def version(self) -> object:
        """A value that changes when another connection (another process; another
        thread's :meth:`reopen`) writes the index: a view that polls the folder reads
        its list again then. This one's own writes need not change it. A backend that
        cannot tell gives every file's state (which its own writes change too)."""
        return self.states()

    def listing(self) -> Listing | None:
        """The listing of the folder that the last complete scan kept
        (:meth:`keep_listing`), if any: the next scan lists again only what changed
        since (:func:`~briefing.library.files.look_again`)."""
        return None

    def keep_listing(self, listing: Listing | None) -> None:
        """Keep ``listing`` (``None``: none), which says what the index holds: a scan
        keeps the listing it brought the index up to date with, and none while it
        writes. A backend that keeps none walks the folder each scan."""
        del listing  # kept nowhere

    @abstractmethod
    def writing(self, wait: bool) -> AbstractContextManager[bool]:
        """Hold the right to write, which one process has at a time: a context
        that gives ``True`` once it is held, or ``False`` (at once, without
        ``wait``) when another process holds it."""

    @abstractmethod
    def entries(self, filters: Filters = NO_FILTERS) -> list[Entry]:
        """Every briefing of the library (with ``filters``, those that have every
        facet value), valid or not, by path."""

    def first_entries(self, count: int) -> tuple[list[Entry], int]:
        """The first ``count`` briefings of the list by date (the latest first, then by
        path), and how many there are in all: what a list shows at once, before it
        has read every one (:meth:`entries`)."""
        entries = self.entries()
        entries.sort(key=lambda entry: entry.date, reverse=True)
        return entries[:count], len(entries)

    @abstractmethod
    def invalid(self) -> list[Entry]:
        """The files of the library that are not valid briefings, by path."""

    @abstractmethod
    def facets(self, filters: Filters = NO_FILTERS) -> dict[FacetKind, list[FacetCount]]:
        """Each facet's values among the briefings ``filters`` leave, most common first."""

    @abstractmethod
    def search(
        self, query: str, *, limit: int = 20, filters: Filters = NO_FILTERS, hits: int = 3,
    ) -> list[Result]:
        """The briefings ``query`` matches in (at most ``limit``), best first: by
        BM25, ties by date (latest first), then path. Each has its first ``hits``
        hits, found by the in-document search's rules on the stored text, and the
        number of its paragraphs that match."""

    @abstractmethod
    def close(self) -> None:
        """Release the index."""

    @abstractmethod
    def reopen(self) -> LibraryIndex:
        """The same index opened again, for another thread (a view's worker): each
        is used from one thread at a time, and closed by its user."""

    # -- shared ------------------------------------------------------------------

    def scan(
        self, progress: Progress | None = None, *, wait: bool = True,
        workers: int | None = None,
    ) -> ScanReport:
        """Bring the index up to date with the folder (see the module's docstring).

        Without ``wait``, a scan that finds another process writing does nothing and
        says so (``skipped``). ``workers`` is how many processes read files (default:
        one per processor, for a large scan).
        """
        with self.writing(wait) as held:
            if not held:
                return ScanReport(len(self.states()), 0, 0, 0, self._invalid_count(),
                                  skipped=True)
            kept = self.listing()
            looked = look_again(self.root, kept)
            stale = _stale_articles(self.articles())
            if looked is None and not stale:
                # Nothing changed (a search's scan, mostly): no state is read from the index.
                return ScanReport(len(kept.paths) if kept else 0, 0, 0, 0,
                                  self._invalid_count())
            if looked is None:
                assert kept is not None  # look_again walks when nothing is kept
                on_disk = dict(zip(kept.paths, map(FileState, kept.mtimes, kept.sizes),
                                   strict=True))
                listing = kept
            else:
                on_disk, listing = looked
            known = self.states()
            gone = [path for path in known if path not in on_disk]
            # A briefing whose article changed is read again, even if its bytes did not.
            todo = [(path, state, b"" if path in stale else
                     known[path].digest if path in known else b"")
                    for path, state in on_disk.items()
                    if path not in known or known[path][:2] != state[:2] or path in stale]
            if (gone or todo) and kept is not None:
                # The listing kept says what the index holds: not while it changes.
                self.keep_listing(None)
            if gone:
                self.delete(gone)
            added = changed = 0
            done = 0
            if progress is not None:
                progress(0, len(todo))
            # Nothing to read (a search's scan, mostly): the reader is not even imported.
            for batch in _read(self.root, todo, workers) if todo else ():
                briefings = [item for item in batch if isinstance(item, IndexedBriefing)]
                touched = [(path, item) for (path, _, _), item in zip(
                    todo[done:done + len(batch)], batch, strict=True)
                    if not isinstance(item, IndexedBriefing)]
                self.upsert(briefings, touched)
                for item in briefings:
                    if item.path in known:
                        changed += 1
                    else:
                        added += 1
                done += len(batch)
                if progress is not None:
                    progress(done, len(todo))
            self.keep_listing(listing)
            return ScanReport(len(on_disk), added, changed, len(gone), self._invalid_count())

    def _invalid_count(self) -> int:
        return len(self.invalid())


def _stale_articles(articles: dict[str, ArticleState]) -> set[str]:
    """The briefings of ``articles`` whose article's state is not the one it had when
    each was read: one ``stat`` per article named."""
    if not articles:
        return set()
    paths = list({article.path for article in articles.values()})
    now = dict(zip(paths, article_states(paths), strict=True))
    return {briefing for briefing, article in articles.items()
            if now[article.path] != article[1:]}


def _read(
    root: str, todo: list[tuple[str, FileState, bytes]], workers: int | None,
) -> Iterator[list[IndexedBriefing | FileState]]:
    """What reading ``todo`` gives, in its order, in batches of about ``BATCH``."""
    from .reading import read_files

    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 2 or len(todo) < PARALLEL_FROM:
        for start in range(0, len(todo), BATCH):
            yield read_files(root, todo[start:start + BATCH])
        return
    from concurrent.futures import ProcessPoolExecutor

    chunks = [todo[start:start + CHUNK] for start in range(0, len(todo), CHUNK)]
    executor = ProcessPoolExecutor(count, mp_context=_context(), initializer=_worker_started)
    try:
        pending: list[IndexedBriefing | FileState] = []
        for result in executor.map(read_files, [root] * len(chunks), chunks):
            pending.extend(result)
            if len(pending) >= BATCH:
                yield pending
                pending = []
        if pending:
            yield pending
    except BaseException:
        # Interrupted (Ctrl+C, or the consumer stopped): the workers' work is dropped
        # and they are ended, not waited for; the batches written stay.
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        raise
    # The workers are told to end, and waited for: a command that ends its process
    # at once would otherwise leave them waiting for work that never comes.
    executor.shutdown(wait=True)


def _context() -> BaseContext:
    """How worker processes start: forked from a process with one thread (fastest);
    else (a viewer's threads) from a fresh server process, as forking a process with
    threads may copy a lock some thread holds."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _worker_started() -> None:
    """A worker ignores Ctrl+C (the scan that started it stops, and says so once), and
    writes nothing to the command's standard output and error, which it must not
    hold open: a reader of the command waits for them to close."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (1, 2):
        os.dup2(devnull, stream)
    os.close(devnull)
