"""``briefing index [DIR]`` and ``briefing search QUERY [DIR]``: the library from the
command line. The one module of the library that prints, and the one that uses Rich
(a progress bar, and highlighted matches on a terminal); piped output is plain text
and imports no Rich (and a search that finds nothing, nothing that prints).

Everything printed from the index came from a file: texts are shown literally
(:func:`~briefing.safe_text.one_line`, Rich ``Text``, never markup) and file names
escaped (:func:`~briefing.safe_text.shown_path`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from .entries import Hit, Result, ScanReport
from .index import LibraryError, LibraryIndex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .sqlite_index import SqliteIndex

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
EXCERPT_WIDTH = 160
"""Characters of a paragraph shown around a match."""


def _say(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _folder_problem(folder: str) -> str | None:
    """Why ``folder`` cannot be a library, or ``None``."""
    if os.path.isdir(folder):
        return None
    from ..safe_text import shown_path

    if not os.path.exists(folder):
        return f"{shown_path(folder)}: no such folder"
    return f"{shown_path(folder)} is not a folder; give the folder of a library"


def _open(folder: str) -> SqliteIndex | int:
    """The index of ``folder``, or the exit code after saying why there is none."""
    from .sqlite_index import open_library

    problem = _folder_problem(folder)
    if problem is not None:
        _say(problem)
        return EXIT_USAGE
    try:
        return open_library(folder, notice=_say)
    except LibraryError as error:
        _say(str(error))
        return EXIT_NOTHING


def shown_file(folder: str | None, path: str) -> str:
    """How a line names the file ``path`` of the library ``folder`` (as given): a
    path that opens it from the current folder, escaped."""
    from ..safe_text import shown_path

    if folder is None or folder in (".", "./"):
        return shown_path(path)
    return shown_path(os.path.join(folder, *path.split("/")))


def _guarded(folder: str, action: Callable[[LibraryIndex], int]) -> int:
    """Run ``action`` on the index of ``folder``; an index found damaged on the way is
    rebuilt (saying so) and ``action`` run again; any other database error is said in
    one line (exit 1), never a traceback."""
    import sqlite3

    from .sqlite_index import is_damage, remove_database

    for attempt in range(2):
        index = _open(folder)
        if isinstance(index, int):
            return index
        try:
            return action(index)
        except sqlite3.DatabaseError as error:
            damaged = is_damage(error)
            if not damaged or attempt:
                _say(f"the index of this library cannot be used: {error}")
                return EXIT_NOTHING
            _say(f"the index of this library is damaged ({error}); rebuilding it")
        finally:
            index.close()
        remove_database(index.path)
    return EXIT_NOTHING


def run_index(folder: str | None) -> int:
    """``briefing index [DIR]``: bring the index up to date, with a progress bar on a
    terminal; list the invalid files (first problem each); print a one-line total."""

    from ..errors import Problem as FileProblem

    def index_it(index: LibraryIndex) -> int:
        with index.writing(wait=False) as free:
            pass
        if not free:
            _say("another process is updating this library's index; waiting for it")
        report = _scan_with_progress(index, wait=True)
        for entry in index.invalid():
            problem = entry.problem
            if problem is not None:
                print(FileProblem(shown_file(folder, entry.path), problem.message,
                                  problem.line, problem.column), file=sys.stderr)
        print(_total(report))
        return EXIT_OK

    return _guarded(folder or ".", index_it)


def _total(report: ScanReport) -> str:
    files = "1 briefing file" if report.files == 1 else f"{report.files:,} briefing files"
    return (f"{files} indexed: {report.added:,} new, {report.changed:,} changed, "
            f"{report.removed:,} removed, {report.invalid:,} invalid")


def _scan_with_progress(index: LibraryIndex, wait: bool) -> ScanReport:
    """``index.scan()``, with a progress bar on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        return index.scan(wait=wait)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=sys.stderr, markup=False, highlight=False, emoji=False)
    with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("indexing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return index.scan(advance, wait=wait)


def run_search(query: str, folder: str | None, as_json: bool, limit: int) -> int:
    """``briefing search QUERY [DIR] [--json] [--limit N]``: update the index (quietly,
    and not at all while another process updates it), then one line per hit, best
    briefing first. Exit 0 when something was found, 1 when nothing, 2 for usage."""
    from ..search_words import query_terms

    if not query_terms(query):
        _say("the query has no words to search for")
        return EXIT_USAGE
    if limit < 1:
        _say("--limit must be at least 1")
        return EXIT_USAGE

    def search_it(index: LibraryIndex) -> int:
        report = _scan_with_progress(index, wait=False)
        if report.skipped:
            _say("another process is updating this library's index; searching it as it is")
        results = index.search(query, limit=limit)
        if as_json:
            _print_json(query, folder, results)
        elif results:
            _print_lines(folder, results)
        return EXIT_OK if results else EXIT_NOTHING

    return _guarded(folder or ".", search_it)


def place(hit: Hit) -> str:
    """Where a hit is, as a line names it: the part of the briefing and the field
    (``Participants › Role``); the field is left out where it is the part itself."""
    from ..interface import interface

    text = hit.text
    part = text.section.capitalize()
    words = [word for word in text.name.split(".") if not word.isdigit()]
    if not words or words == ["text"] or (text.section == "summary" and words == ["summary"]):
        return part
    return f"{part} › {interface('en').field_label('_'.join(words))}"


def _segments(hit: Hit) -> tuple[list[tuple[str, bool]], str]:
    """The excerpt of ``hit`` as (text, matched) pieces, each shown literally."""
    from ..safe_text import one_line

    shown, spans = hit.excerpt(EXCERPT_WIDTH)
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            pieces.append((one_line(shown[at:start]), False))
        pieces.append((one_line(shown[start:end]), True))
        at = end
    if at < len(shown):
        pieces.append((one_line(shown[at:]), False))
    return pieces, "".join(piece for piece, _ in pieces)


def _print_lines(folder: str | None, results: list[Result]) -> None:
    write: Callable[[str], object]
    if sys.stdout.isatty() or os.environ.get("FORCE_COLOR"):
        _print_highlighted(folder, results)
        return
    write = sys.stdout.write
    for result in results:
        file = shown_file(folder, result.entry.path)
        for hit in result.hits:
            _, plain = _segments(hit)
            write(f"{file}:{hit.text.line}: {place(hit)}: {plain}\n")


def _print_highlighted(folder: str | None, results: list[Result]) -> None:
    from rich.text import Text

    from ..summary import make_console

    console = make_console()
    console.soft_wrap = True
    for result in results:
        file = shown_file(folder, result.entry.path)
        for hit in result.hits:
            line = Text()
            line.append(file, "magenta")
            line.append(":")
            line.append(str(hit.text.line), "green")
            line.append(f": {place(hit)}: ", "dim")
            pieces, _ = _segments(hit)
            for piece, matched in pieces:
                line.append(piece, "bold red" if matched else None)
            console.print(line)


def _print_json(query: str, folder: str | None, results: list[Result]) -> None:
    import json

    from ..safe_text import visible

    document = {
        "query": query,
        "results": [{
            "file": shown_file(folder, result.entry.path),
            "title": visible(result.entry.title_in(result.entry.language)),
            "date": result.entry.date or None,
            "rank": result.rank,
            "paragraphs": result.matched,
            "hits": [{
                "line": hit.text.line,
                "column": hit.text.column,
                "section": hit.text.section,
                "entry": hit.text.entry,
                "field": hit.text.name,
                "language": hit.text.language or None,
                "paragraph": hit.text.paragraph,
                "place": place(hit),
                "text": hit.text.text,
                "spans": [list(span) for span in hit.spans],
            } for hit in result.hits],
        } for result in results],
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
