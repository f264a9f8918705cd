"""Command line: ``briefing [FILE]``, ``summary``, ``validate``, ``schema``, ``new``.

Start-up is most of the time ``summary`` and ``validate`` take, so this module
imports only ``os``, ``sys`` and ``gc``; each command imports what it needs
(``summary`` and ``validate`` never load Textual). The common shapes
``summary FILE [--lang L] [--width N]`` and ``validate FILE...`` are read by
:func:`_quick_options`; argparse, which costs more than checking the sample, is
built only for anything else: help, the other commands, and every mistake, so
that its messages stay the same.

This module reads the command line and runs the command; the commands are in
``cli_commands`` (the one-shot ones) and ``cli_viewer`` (those that open the
viewer), the files they read in ``cli_files``, and their output in
``cli_streams``: each imported only when a command needs it.
"""

from __future__ import annotations

import gc
import os
import sys

from . import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from types import SimpleNamespace
    from typing import NoReturn

    from _typeshed import SupportsWrite

    Options = argparse.Namespace | SimpleNamespace
    """A command's options: from argparse, or from :func:`_quick_options`."""

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a program its reader left (`| head`)."""
STDIN_ARGUMENT = "-"
"""The FILE that stands for standard input."""
STDIN_NAME = "<stdin>"
"""What every message calls standard input."""
COMMANDS = ("open", "library", "summary", "validate", "check", "export", "diff", "serve",
            "index",
            "search", "schema", "new", "draft")
"""The commands, in the order help lists them (``_parser`` adds one subparser each)."""
_YAML_SUFFIXES = (".yaml", ".yml")
_OPEN_OPTIONS = ("--lang",)
"""Options of the viewer that may come first, without the `open` command."""
_SUMMARY_OPTIONS = ("--lang", "--width")
"""The options of `summary` that :func:`_quick_options` reads."""
_CHECK_FLAGS = ("--json", "--strict")
"""The options of `check` that :func:`_quick_options` reads."""
_SEPARATORS = tuple({"/", os.sep, os.altsep or os.sep})


def _parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The command line parser, and the names of its commands."""
    import argparse

    from .cli_commands import (
        _check,
        _diff,
        _draft,
        _export,
        _index,
        _new,
        _schema,
        _search,
        _serve,
        _summary,
        _validate,
    )
    from .cli_viewer import _library, _open
    from .safe_text import one_line, visible

    class Parser(argparse.ArgumentParser):
        """argparse's parser, whose messages quote the arguments (``unrecognized
        arguments: ...``): their controls and bytes that are not UTF-8 are shown as
        stand-ins, and an error is one line. Subparsers are of this class too."""

        def error(self, message: str) -> NoReturn:
            super().error(one_line(message))

        def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
            super()._print_message(visible(message) if message else message, file)

    parser = Parser(
        prog="briefing",
        description="Read structured event briefings in the terminal.",
        epilog="With no command, `briefing [FILE]` opens FILE (default: the bundled "
               "sample briefing) in the interactive viewer.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = commands.add_parser("open", help="open a briefing in the interactive viewer")
    # A string, not a Path, so that messages name the file as it was given (`./x`).
    open_.add_argument("file", nargs="?", help="briefing file (default: the sample)")
    open_.add_argument("--lang", metavar="LANG",
                       help="language of the text and the interface (default: the briefing's)")
    open_.set_defaults(func=_open)

    library = commands.add_parser(
        "library", help="every briefing of a folder in one list, with one search")
    library.add_argument("folder", nargs="?", metavar="DIR",
                         help="the library's folder (default: the current one)")
    library.add_argument("--lang", metavar="LANG",
                         help="language of the list and of the briefings opened (default: "
                              "the locale's, ru or en; a briefing without it in its own)")
    library.set_defaults(func=_library)

    summary = commands.add_parser("summary", help="print a formatted summary of a briefing")
    summary.add_argument("file", help="briefing file, or - for standard input")
    summary.add_argument("--lang", metavar="LANG",
                         help="language of the text (default: the briefing's original)")
    summary.add_argument("--width", metavar="N", type=_positive_int,
                         help="width in columns (default: the terminal's, or 80)")
    summary.add_argument("--evidence", action="store_true",
                         help="number each claim the article backs; list the passages at the end")
    summary.set_defaults(func=_summary)

    validate = commands.add_parser("validate", help="check briefing files against the format")
    validate.add_argument("files", nargs="+", metavar="FILE", help="files to check")
    validate.set_defaults(func=_validate)

    check = commands.add_parser("check", help="check each claim's evidence against the article")
    check.add_argument("files", nargs="+", metavar="FILE", help="briefing files, or - for "
                       "standard input")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument("--strict", action="store_true",
                       help="claims without evidence are errors, not warnings")
    check.set_defaults(func=_check)

    from .export import FORMATS

    export = commands.add_parser(
        "export", help="write a briefing as Markdown, HTML, JSON, plain text or SVG")
    export.add_argument("file", help="briefing file, or - for standard input")
    export.add_argument("--to", required=True, choices=FORMATS, help="the format")
    export.add_argument("--lang", metavar="LANG",
                        help="language of the text (default: the briefing's original)")
    export.set_defaults(func=_export)

    diff = commands.add_parser(
        "diff", help="what changed between two versions of a briefing (exit 1 if any)")
    diff.add_argument("old", metavar="OLD", help="the earlier version, or - for standard input")
    diff.add_argument("new", metavar="NEW", help="the later version")
    diff.add_argument("--lang", metavar="LANG",
                      help="language of the text (default: the new version's original)")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")
    diff.add_argument("--width", metavar="N", type=_positive_int,
                      help="width in columns (default: the terminal's, or 80)")
    diff.set_defaults(func=_diff)

    serve = commands.add_parser(
        "serve", help="open the viewer in a web browser (needs the extra briefing[web])")
    serve.add_argument("file", nargs="?", metavar="FILE|DIR",
                       help="briefing file, or a folder for its library (default: the sample)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--lang", metavar="LANG",
                       help="language of the text and the interface (default: the briefing's)")
    serve.set_defaults(func=_serve)

    index = commands.add_parser(
        "index", help="build or update the search index of a library (a folder of briefings)")
    index.add_argument("folder", nargs="?", metavar="DIR",
                       help="the library's folder (default: the current one)")
    index.set_defaults(func=_index)

    search = commands.add_parser(
        "search", help="search every briefing of a library (exit 1 if nothing is found)")
    search.add_argument("query", metavar="QUERY", help="the words to find")
    search.add_argument("folder", nargs="?", metavar="DIR",
                        help="the library's folder (default: the current one)")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    search.add_argument("--limit", metavar="N", type=int, default=20,
                        help="at most N briefings, best first (default: 20)")
    search.set_defaults(func=_search)

    schema = commands.add_parser("schema", help="print the JSON Schema of the briefing format")
    new = commands.add_parser("new", help="print a commented starter briefing")
    draft = commands.add_parser(
        "draft", help="draft a briefing from a news article, each claim with its evidence")
    draft.add_argument("article", metavar="ARTICLE", help="the article: a UTF-8 text file")
    draft.add_argument("--lang", choices=("ru", "en"),
                       help="the article's language (default: guessed from its letters)")
    draft.set_defaults(func=_draft)
    for command in (export, schema, new, draft):
        # A string, not a Path: Path drops the trailing '/' that says a folder was meant.
        command.add_argument("-o", "--output", metavar="FILE", help="write it to FILE")
        command.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    schema.set_defaults(func=_schema)
    new.set_defaults(func=_new)
    parser.set_defaults(func=_open, file=None, lang=None)  # `briefing` alone: the viewer
    return parser, list(commands.choices)


def _positive_int(text: str) -> int:
    """``--width``'s type for argparse."""
    import argparse

    width = _width(text)
    if isinstance(width, str):
        raise argparse.ArgumentTypeError(width)
    return width


def _width(text: str) -> int | str:
    """The width ``--width text`` gives, or why it is refused."""
    try:
        number = int(text)
    except ValueError:
        return f"not a number: {text!r}"
    if not 20 <= number <= 1000:
        return "width must be between 20 and 1000"
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Run as the program (no ``argv``: the ``briefing`` script, ``python -m
    briefing``), a command other than the viewer does not return: it ends the
    process once its output is flushed, see :func:`_end`.
    """
    program = argv is None
    if program:
        # Collecting garbage while the imports build thousands of objects costs as
        # much as checking a briefing, and a one-shot command makes little garbage
        # (the loader pauses the collector for its part anyway).
        gc.disable()
        from .cli_streams import _prepare_standard_streams

        _prepare_standard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    options: Options | None = _quick_options(args)
    if options is None:
        parsed = _parse(args)
        if isinstance(parsed, int):
            return parsed
        options = parsed
    from .cli_streams import _end, _run

    run: Callable[[Options], int] = options.func
    if program and not _is_viewer(run):
        _end(_run(run, options))
    # The viewer runs for as long as the reader likes: it turns the collector back on
    # once its first screen is painted (collecting while Textual loads costs about
    # 100 ms of its start-up), see ``briefing.tui.viewer_state.started``.
    return _run(run, options)


def _is_viewer(run: Callable[[Options], int]) -> bool:
    """Whether ``run`` is the viewer (``briefing [FILE]``), which returns rather than
    ending the process. Only argparse's options name it, having imported its module."""
    viewer = sys.modules.get(f"{__package__}.cli_viewer")
    return viewer is not None and run is viewer._open


def _quick_options(args: list[str]) -> SimpleNamespace | None:
    """The options of ``summary FILE [--lang L] [--width N]`` (in any order, each
    option at most once, as ``--lang L`` or ``--lang=L``) and ``validate FILE...``,
    as argparse would read them; ``None`` for anything else, for argparse to read.

    A FILE or value starting with ``-`` (but ``-`` itself) is left to argparse, as is
    a width it would refuse: so every message comes from argparse, as before.
    """
    from types import SimpleNamespace

    if args[:1] == ["check"]:
        from .cli_commands import _check

        # The files in one run (as argparse reads them), the flags before or after.
        given = args[1:]
        first = next((n for n, arg in enumerate(given) if arg not in _CHECK_FLAGS), len(given))
        last = max((n + 1 for n, arg in enumerate(given) if arg not in _CHECK_FLAGS), default=0)
        names, flags = given[first:last], given[:first] + given[last:]
        if names and all(map(_is_operand, names)) and len(set(flags)) == len(flags):
            return SimpleNamespace(command="check", files=names, json="--json" in flags,
                                   strict="--strict" in flags, func=_check)
        return None
    if args[:1] == ["validate"]:
        from .cli_commands import _validate

        names = args[1:]
        if names and all(map(_is_operand, names)):
            return SimpleNamespace(command="validate", files=names, func=_validate)
        return None
    if args[:1] == ["search"]:
        return _quick_search(args[1:])
    if args[:1] != ["summary"]:
        return None
    from .cli_commands import _summary

    files: list[str] = []
    values: dict[str, str] = {}
    rest = iter(args[1:])
    for arg in rest:
        if _is_operand(arg):
            files.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if name not in _SUMMARY_OPTIONS or name in values:
            return None
        if not equals:
            following = next(rest, None)
            if following is None or not _is_operand(following):
                return None
            value = following
        values[name] = value
    width = _width(values["--width"]) if "--width" in values else None
    if len(files) != 1 or isinstance(width, str):
        return None
    return SimpleNamespace(command="summary", file=files[0], lang=values.get("--lang"),
                           width=width, func=_summary)


def _quick_search(args: list[str]) -> SimpleNamespace | None:
    """The options of ``search QUERY [DIR] [--json] [--limit N]`` as argparse would
    read them (each option at most once); ``None`` for anything else."""
    from types import SimpleNamespace

    operands: list[str] = []
    values: dict[str, str] = {}
    after_option = False
    rest = iter(args)
    for arg in rest:
        if _is_operand(arg) and arg != STDIN_ARGUMENT:
            if operands and after_option:
                return None  # argparse reads QUERY and DIR in one run of operands
            operands.append(arg)
            after_option = False
            continue
        after_option = True
        name, equals, value = arg.partition("=")
        if name in values or name not in ("--json", "--limit") or (name == "--json" and equals):
            return None
        if name == "--limit" and not equals:
            following = next(rest, None)
            if following is None or not _is_operand(following):
                return None
            value = following
        values[name] = value
    try:
        limit = int(values.get("--limit", "20"))
    except ValueError:
        return None
    if not 1 <= len(operands) <= 2:
        return None
    from .cli_commands import _search

    return SimpleNamespace(command="search", query=operands[0],
                           folder=operands[1] if len(operands) == 2 else None,
                           json="--json" in values, limit=limit, func=_search)


def _is_operand(arg: str) -> bool:
    """Whether argparse reads ``arg`` as a value, not an option: it does not start
    with ``-``, or it is ``-`` (standard input)."""
    return arg == STDIN_ARGUMENT or arg[:1] != "-"


def _parse(args: list[str]) -> argparse.Namespace | int:
    """The options argparse reads from ``args``; the exit code after a message for a
    misspelt command. Help, the version and argparse's errors exit here."""
    commands = list(COMMANDS)
    if args and args[0] not in commands and (args[0] == STDIN_ARGUMENT or args[0][:1] != "-"):
        unknown = _unknown_command(args, commands)
        if unknown is not None:
            print(unknown, file=sys.stderr)
            return EXIT_USAGE
        args.insert(0, "open")  # `briefing FILE` opens the viewer
    elif args and args[0].split("=")[0] in _OPEN_OPTIONS:
        args.insert(0, "open")  # `briefing --lang en [FILE]` too
    parser, _ = _parser()
    return parser.parse_args(args)


def _unknown_command(args: list[str], commands: list[str]) -> str | None:
    """The message for a first argument that is a misspelt or unknown command;
    ``None`` when it is a file to open.

    It is a file when it exists, names a folder (has a path separator), ends in
    `.yaml` or `.yml`, or is standard input. Otherwise it is a command if it is
    close to one (`sumary`), or if another argument that is not an option follows
    it (`lint x.yaml`), since `briefing FILE` opens one file. Any other word is a
    file: opening it says that there is no such file.
    """
    word = args[0]
    if (word == STDIN_ARGUMENT or any(separator in word for separator in _SEPARATORS)
            or word.lower().endswith(_YAML_SUFFIXES) or os.path.lexists(word)):
        return None
    import difflib  # only for a first argument that is not a file

    from .safe_text import visible

    close = difflib.get_close_matches(word.lower(), commands, n=1, cutoff=0.6)
    if close:
        return f"briefing: unknown command '{visible(word)}' — did you mean '{close[0]}'?"
    if len(args) > 1 and args[1][:1] != "-":
        return (f"briefing: unknown command '{visible(word)}' — the commands are "
                f"{', '.join(commands)}")
    return None
