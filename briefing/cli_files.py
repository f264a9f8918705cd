"""The briefing files named on the command line: how messages name them
(:func:`_display_name`), reading one, or standard input (:func:`_load`), and
reporting what is wrong with it (:func:`_report`, :func:`_no_language`).

On the path of ``summary`` and ``validate``: it imports only ``sys`` at start-up.
"""

from __future__ import annotations

import sys

from .cli import STDIN_ARGUMENT, STDIN_NAME

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from .errors import BriefingError
    from .model import Briefing


def _display_name(name: str) -> str:
    """How messages name the file ``name`` given on the command line: escaped, so
    that neither a control character nor a byte that is not UTF-8 reaches the
    terminal (see ``safe_text.shown_path``)."""
    if name == STDIN_ARGUMENT:
        return STDIN_NAME
    from .safe_text import shown_path

    return shown_path(name)


def _load(name: str) -> Briefing:
    from .loader import load, loads

    if name == STDIN_ARGUMENT:
        from .errors import BriefingError, Problem
        from .limits import MAX_FILE_BYTES

        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise BriefingError([Problem(STDIN_NAME, "is closed; there is nothing to read")])
        try:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        except OSError as error:  # `< folder`
            from .paths import os_problem

            raise BriefingError([Problem(STDIN_NAME, os_problem(error))]) from None
        if len(data) > MAX_FILE_BYTES:
            from .loader import too_large

            raise BriefingError([Problem(STDIN_NAME, too_large(None, MAX_FILE_BYTES, "briefing"))])
        from pathlib import Path

        try:
            folder: Path | None = Path.cwd()
        except OSError:  # the current folder was removed: no article can be beside it
            folder = None
        return loads(data, STDIN_NAME, folder)
    return load(name)


def _report(error: BriefingError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)


def _load_shown(name: str, language: str | None) -> Briefing | None:
    """The briefing ``name`` to show in ``language``; ``None`` after its problems are
    reported. A language it has no text in is said, and the original is shown."""
    from .errors import BriefingError

    try:
        briefing = _load(name)
    except BriefingError as error:
        _report(error)
        return None
    if language is not None and language not in briefing.languages:
        _no_language(language, briefing)
    return briefing


def _no_language(language: str, briefing: Briefing) -> None:
    """Say that ``briefing`` has no text in ``language``, and which it shows instead."""
    from .safe_text import visible

    print(f"briefing: no text in {visible(language)!r} in this briefing; showing "
          f"{briefing.language!r} (it has: {', '.join(briefing.languages)})", file=sys.stderr)
