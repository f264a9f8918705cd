"""Command line: ``briefing [FILE]``, ``summary``, ``validate``, ``schema``, ``new``.

Only the standard library is imported at start-up; each command imports what
it needs, so ``summary`` and ``validate`` never load Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .errors import BriefingError
    from .model import Briefing

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
STDIN_NAME = "-"


def _parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The command line parser, and the names of its commands."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read structured event briefings in the terminal.",
        epilog="With no command, `briefing [FILE]` opens FILE (default: the bundled "
               "sample briefing) in the interactive viewer.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open a briefing in the interactive viewer")
    open_.add_argument("file", nargs="?", type=Path, help="briefing file (default: the sample)")
    open_.set_defaults(func=_open)

    summary = commands.add_parser("summary", help="print a formatted summary of a briefing")
    summary.add_argument("file", help="briefing file, or - for standard input")
    summary.add_argument("--lang", metavar="LANG",
                         help="language of the text (default: the briefing's original)")
    summary.add_argument("--width", metavar="N", type=_positive_int,
                         help="width in columns (default: the terminal's, or 80)")
    summary.set_defaults(func=_summary)

    validate = commands.add_parser("validate", help="check briefing files against the format")
    validate.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    validate.set_defaults(func=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the briefing format")
    schema.set_defaults(func=_schema)

    new = commands.add_parser("new", help="print a commented starter briefing")
    new.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(func=_new)
    parser.set_defaults(func=_open, file=None)  # `briefing` alone: the viewer
    return parser, list(commands.choices)


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 20 <= number <= 1000:
        raise argparse.ArgumentTypeError("width must be between 20 and 1000")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _parser()
    if args and args[0] not in commands and not args[0].startswith("-"):
        args.insert(0, "open")  # `briefing FILE` opens the viewer
    options = parser.parse_args(args)
    try:
        run: Callable[[argparse.Namespace], int] = options.func
        return run(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`briefing schema | head`); that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # e.g. a full disk under a redirected stdout
        print(f"briefing: cannot write output: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID


def _load(name: str) -> Briefing:
    from .loader import load, loads

    if name == STDIN_NAME:
        from .limits import MAX_FILE_BYTES

        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            from .errors import BriefingError, Problem

            raise BriefingError([Problem("<stdin>", "is larger than the briefing size limit")])
        return loads(data, "<stdin>", Path.cwd())
    return load(name)


def _report(error: BriefingError) -> None:
    for problem in error.problems:
        print(problem, file=sys.stderr)


def _summary(options: argparse.Namespace) -> int:
    """``briefing summary FILE``: print the formatted summary."""
    from .errors import BriefingError
    from .outline import Outline
    from .summary import print_summary

    language: str | None = options.lang
    try:
        briefing = _load(options.file)
    except BriefingError as error:
        _report(error)
        return EXIT_INVALID
    if language is not None and language not in briefing.languages:
        from .safe_text import visible

        print(f"briefing: no text in {visible(language)!r} in this briefing; showing "
              f"{briefing.language!r} (it has: {', '.join(briefing.languages)})",
              file=sys.stderr)
    print_summary(Outline(briefing, language), width=options.width)
    return EXIT_OK


def _schema(options: argparse.Namespace) -> int:
    """``briefing schema``: print the JSON Schema."""
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _validate(options: argparse.Namespace) -> int:
    from .errors import BriefingError
    from .safe_text import visible

    """``briefing validate FILE...``: check each file."""
    names: list[str] = options.files
    failed = 0
    for name in names:
        try:
            _load(name)
        except BriefingError as error:
            failed += 1
            _report(error)
        else:
            print(f"{visible(name)}: ok")
    if len(names) > 1:
        print(f"{len(names)} files checked, {failed} with problems", file=sys.stderr)
    return EXIT_INVALID if failed else EXIT_OK


def _new(options: argparse.Namespace) -> int:
    """``briefing new``: print or write a starter briefing."""
    output: Path | None = options.output
    force: bool = options.force
    from .resources import schema_path
    from .starter import starter_text

    text = starter_text(schema_path().as_uri())
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_atomically(output, text, overwrite=force)
    except FileExistsError:
        print(f"briefing: {output} exists; use --force to overwrite it", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"briefing: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Wrote {output}", file=sys.stderr)
    return EXIT_OK


def write_atomically(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half.

    Without ``overwrite``, raises ``FileExistsError`` if ``path`` exists (checked
    atomically, by hard-linking the finished temporary file into place).
    """
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails with FileExistsError if path exists
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _open(options: argparse.Namespace) -> int:
    """``briefing [FILE]``: the viewer; then, if the reader asked, the printed summary."""
    from .errors import BriefingError
    from .loader import load
    from .resources import sample_path

    target: Path = options.file if options.file is not None else sample_path()
    try:
        briefing = load(target)
    except BriefingError as error:
        _report(error)
        return EXIT_INVALID
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("briefing: the viewer needs a terminal; try `briefing summary FILE`",
              file=sys.stderr)
        return EXIT_USAGE
    from .tui.app import BriefingApp

    app = BriefingApp(target, briefing)
    printed = app.run()
    if printed is not None:  # the reader pressed `p`: the summary, once the screen is back
        from .summary import print_summary

        print_summary(printed)
    return app.return_code or 0
