"""The command line's output: standard output and error made safe to write to
(:func:`_prepare_standard_streams`, :class:`_ClosedOutput`), a command run with
a reader that went away or a full disk (:func:`_run`), the process ended once
its output is flushed (:func:`_end`), and the files ``-o`` writes
(:func:`_write_output`).

Imported at every start of the program, so it imports only ``os`` and ``sys``.
"""

from __future__ import annotations

import os
import sys

from .cli import _SEPARATORS, EXIT_BROKEN_PIPE, EXIT_INVALID, EXIT_OK

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import NoReturn

    from .cli import Options


def _prepare_standard_streams() -> None:
    """Make standard output and error write what their encoding cannot hold as
    ``\\uNNNN`` escapes, so that a strict ASCII one (``PYTHONIOENCODING=ascii``)
    ends in no ``UnicodeEncodeError``, and a lone surrogate never goes out as the
    raw byte it stands for (``LC_ALL=C``).

    Started without standard output (``>&-``), Python makes it ``None``, and
    ``print`` then writes nothing and no error: a command would succeed having
    reported nothing. Without standard error, ``print(file=None)`` goes to
    standard output instead. So a missing output fails at its first write, and a
    missing error output takes messages to nowhere.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115  # for the life of the process


class _ClosedOutput:
    """Stands for a standard output the program was started without: every write
    fails, as a write to a closed descriptor does."""

    closed = False
    encoding = "utf-8"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        """Nothing was written, so there is nothing to flush."""

    def isatty(self) -> bool:
        return False


def _run(run: Callable[[Options], int], options: Options) -> int:
    """Run a command; the exit code."""
    try:
        return run(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`briefing summary FILE | head`): stop at once and
        # quietly, with the exit code a shell gives a program killed by SIGPIPE, so
        # that a run that could not write all it had to (`validate A B | true`) does
        # not pass for one that did.
        _discard_output()
        return EXIT_BROKEN_PIPE
    except OSError as error:  # e.g. a full disk under a redirected stdout
        _cannot_write(error)
        return EXIT_INVALID


def _end(code: int) -> NoReturn:
    """Flush standard output and error, then end the process with ``code``.

    ``os._exit``, because Python's own exit would then free every object the
    imports made, collecting garbage as it goes, which takes longer than checking a
    briefing; and a one-shot command has nothing left to tear down: no thread, no
    ``atexit`` handler, no file open but the standard streams. Output that cannot
    be written here is treated as during the command: a reader that went away
    gives ``EXIT_BROKEN_PIPE``; anything else (a full disk) is said, and the exit
    code is 1.
    """
    try:
        if sys.stdout is not None and not sys.stdout.closed:
            sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
    except OSError as error:
        _cannot_write(error)
        code = EXIT_INVALID
    try:
        if sys.stderr is not None and not sys.stderr.closed:
            sys.stderr.flush()
    except OSError:
        pass  # nowhere left to say it
    os._exit(code)


def _discard_output() -> None:
    """Send whatever is still to be written to standard output to nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _cannot_write(error: OSError) -> None:
    print(f"briefing: cannot write output: {error.strerror or error}", file=sys.stderr)


def _write_output(name: str, text: str, force: bool, example: str) -> int:
    """Write ``text`` to the file ``name`` for ``-o``, and say so; ``example`` is a
    file name to suggest when ``name`` is a folder. Every command that writes a
    file does it through here (and :func:`~briefing.atomic_write.write_atomically`)."""
    from pathlib import Path

    from .atomic_write import NotARegularFile, write_atomically
    from .safe_text import shown_path

    path = Path(name)
    shown = shown_path(name)
    if not name:
        print("briefing: the file name is empty; give the name of a file to write",
              file=sys.stderr)
        return EXIT_INVALID
    if path.is_dir():  # before anything is created, so nothing is left behind
        print(f"briefing: {shown} is a folder; give the name of a file to write in it, "
              f"e.g. {shown_path(str(path / example))}", file=sys.stderr)
        return EXIT_INVALID
    if name.endswith(_SEPARATORS):
        print(f"briefing: {shown} ends with '/', so it names a folder; give the name of a "
              "file to write", file=sys.stderr)
        return EXIT_INVALID
    try:
        write_atomically(path, text, overwrite=force)
    except NotARegularFile as error:
        print(f"briefing: {shown} is {error.kind}; only a regular file is ever replaced, "
              "even with --force", file=sys.stderr)
        return EXIT_INVALID
    except FileExistsError:
        print(f"briefing: {shown} exists; use --force to overwrite it", file=sys.stderr)
        return EXIT_INVALID
    except FileNotFoundError:
        print(f"briefing: cannot write {shown}: there is no folder "
              f"{shown_path(str(path.parent))}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        from .paths import reason

        print(f"briefing: cannot write {shown}: {reason(error)}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Wrote {shown}", file=sys.stderr)
    return EXIT_OK
