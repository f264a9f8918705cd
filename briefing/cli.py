"""Command line: ``briefing [FILE]``, ``summary``, ``validate``, ``schema``, ``new``.

Start-up is most of the time ``summary`` and ``validate`` take, so this module
imports only ``os``, ``sys`` and ``gc``; each command imports what it needs
(``summary`` and ``validate`` never load Textual). The common shapes
``summary FILE [--lang L] [--width N]`` and ``validate FILE...`` are read by
:func:`_quick_options`; argparse, which costs more than checking the sample, is
built only for anything else: help, the other commands, and every mistake, so
that its messages stay the same.
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
    from pathlib import Path
    from types import SimpleNamespace
    from typing import NoReturn

    from _typeshed import SupportsWrite

    from .errors import BriefingError
    from .model import Briefing

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
                         help="language of the titles and the interface (default: en)")
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
    serve.add_argument("file", nargs="?", help="briefing file (default: the sample)")
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
        _prepare_standard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    options: Options | None = _quick_options(args)
    if options is None:
        parsed = _parse(args)
        if isinstance(parsed, int):
            return parsed
        options = parsed
    run: Callable[[Options], int] = options.func
    if program and run is not _open:
        _end(_run(run, options))
    # The viewer runs for as long as the reader likes: it turns the collector back on
    # once its first screen is painted (collecting while Textual loads costs about
    # 100 ms of its start-up), see ``briefing.tui.viewer_state.started``.
    return _run(run, options)


def _quick_options(args: list[str]) -> SimpleNamespace | None:
    """The options of ``summary FILE [--lang L] [--width N]`` (in any order, each
    option at most once, as ``--lang L`` or ``--lang=L``) and ``validate FILE...``,
    as argparse would read them; ``None`` for anything else, for argparse to read.

    A FILE or value starting with ``-`` (but ``-`` itself) is left to argparse, as is
    a width it would refuse: so every message comes from argparse, as before.
    """
    from types import SimpleNamespace

    if args[:1] == ["check"]:
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
        names = args[1:]
        if names and all(map(_is_operand, names)):
            return SimpleNamespace(command="validate", files=names, func=_validate)
        return None
    if args[:1] != ["summary"]:
        return None
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


def _summary(options: Options) -> int:
    """``briefing summary FILE``: print the formatted summary."""
    from .outline import Outline
    from .summary import print_summary

    language: str | None = options.lang
    briefing = _load_shown(options.file, language)
    if briefing is None:
        return EXIT_INVALID
    if getattr(options, "evidence", False):  # the quick path leaves it out
        return _summary_with_evidence(briefing, language, options.width)
    print_summary(Outline(briefing, language), width=options.width)
    return EXIT_OK


def _export(options: Options) -> int:
    """``briefing export FILE --to FORMAT [-o OUT [--force]]``: print, or write, the
    briefing in another format."""
    from .export import export
    from .outline import Outline

    language: str | None = options.lang
    briefing = _load_shown(options.file, language)
    if briefing is None:
        return EXIT_INVALID
    title = f"briefing export {_display_name(options.file)}"
    text = export(Outline(briefing, language), options.to, title=title)
    if options.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    return _write_output(options.output, text, options.force, f"briefing.{options.to}")


def _diff(options: Options) -> int:
    """``briefing diff OLD NEW``: what changed; exit 0 when nothing did, 1 when
    something did, 2 when either file cannot be read (its problems listed)."""
    from .diff import compare
    from .errors import BriefingError
    from .outline import Outline

    briefings = []
    for name in (options.old, options.new):
        try:
            briefings.append(_load(name))
        except BriefingError as error:
            _report(error)
    if len(briefings) < 2:
        return EXIT_USAGE
    old, new = briefings
    language: str = options.lang or new.language
    changes = compare(Outline(old, language), Outline(new, language))
    if options.json:
        from .diff_view import diff_json

        sys.stdout.write(diff_json(changes, _display_name(options.old),
                                   _display_name(options.new)))
    else:
        from .diff_view import print_diff

        print_diff(changes, Outline(new, language).language, width=options.width)
    return EXIT_INVALID if changes else EXIT_OK


def _serve(options: Options) -> int:
    """``briefing serve [FILE]``: the viewer in a browser, until Ctrl+C."""
    from .errors import BriefingError
    from .safe_text import visible

    try:
        import textual_serve  # noqa: F401  (the extra is installed)
    except ImportError:
        print("briefing: `serve` needs the web extra: pip install 'briefing[web]'",
              file=sys.stderr)
        return EXIT_USAGE
    from .serve import LOCAL_HOSTS, serve, url

    name: str | None = options.file
    if name == STDIN_ARGUMENT:
        print("briefing: `serve` needs a file; it cannot serve standard input",
              file=sys.stderr)
        return EXIT_USAGE
    if name is not None:
        try:
            _load(name)  # what is wrong is said here, once, not in every browser tab
        except BriefingError as error:
            _report(error)
            return EXIT_INVALID
        name = os.path.abspath(name)
    host: str = options.host
    if host not in LOCAL_HOSTS:
        print(f"briefing: warning: serving on {visible(host)}: anyone who can reach this "
              "address can read the briefing", file=sys.stderr)
    title = os.path.basename(name) if name is not None else "briefing"
    print(f"briefing: serving {visible(title)} on {visible(url(host, options.port))}; "
          "press Ctrl+C to stop", file=sys.stderr)
    # The server runs for as long as it is wanted: the collector the one-shot
    # commands go without (see main) is needed here.
    gc.enable()
    try:
        serve(name, host, options.port, title, options.lang)
    except OSError as error:  # the port is taken, the address is not this machine's
        print(f"briefing: cannot serve on {visible(url(host, options.port))}: "
              f"{error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _no_language(language: str, briefing: Briefing) -> None:
    """Say that ``briefing`` has no text in ``language``, and which it shows instead."""
    from .safe_text import visible

    print(f"briefing: no text in {visible(language)!r} in this briefing; showing "
          f"{briefing.language!r} (it has: {', '.join(briefing.languages)})", file=sys.stderr)


def _schema(options: Options) -> int:
    """``briefing schema [-o FILE [--force]]``: print, or write, the JSON Schema."""
    from .schema import schema_text

    if options.output is None:
        sys.stdout.write(schema_text())
        return EXIT_OK
    return _write_output(options.output, schema_text(), options.force, "briefing.schema.json")


def _summary_with_evidence(briefing: Briefing, language: str | None, width: int | None) -> int:
    """``summary --evidence``: the summary, each backed claim with a footnote."""
    from .evidence import check_evidence
    from .loader import read_article
    from .outline import Outline
    from .summary import print_summary

    outline = Outline(briefing, language, read_article(briefing.source_text_path))
    report = check_evidence(outline)
    if report.missing:
        print(f"briefing: {report.missing}", file=sys.stderr)
    print_summary(outline, width=width, evidence=report)
    return EXIT_OK


def _index(options: Options) -> int:
    """``briefing index [DIR]``: build or update a library's index."""
    from .library.commands import run_index

    return run_index(options.folder)


def _search(options: Options) -> int:
    """``briefing search QUERY [DIR] [--json] [--limit N]``: search a library."""
    from .library.commands import run_search

    return run_search(options.query, options.folder, options.json, options.limit)


def _check(options: Options) -> int:
    """``briefing check FILE... [--json] [--strict]``: each claim against its article."""
    from .check_command import run_check

    return run_check(options.files, as_json=options.json, strict=options.strict, load=_load,
                     display_name=_display_name)


def _validate(options: Options) -> int:
    """``briefing validate FILE...``: check each file."""
    from .errors import BriefingError

    names: list[str] = options.files
    failed = 0
    for name in names:
        try:
            _load(name)
        except BriefingError as error:
            failed += 1
            _report(error)
        else:
            print(f"{_display_name(name)}: ok")
    if len(names) > 1:
        print(f"{len(names)} files checked, {failed} with problems", file=sys.stderr)
    return EXIT_INVALID if failed else EXIT_OK


def _draft(options: Options) -> int:
    """``briefing draft ARTICLE [--lang ru|en] [-o FILE [--force]]``: see
    ``briefing.draft.command``."""
    from .draft.command import run_draft

    return run_draft(options.article, options.lang, options.output, options.force,
                     _write_output)


def _new(options: Options) -> int:
    """``briefing new [-o FILE [--force]]``: print, or write, a starter briefing.

    Its schema line points at a schema near where the file goes (the current
    folder when it is printed), by a path relative to it; see ``schema_reference``.
    """
    from pathlib import Path

    from .starter import schema_reference, starter_text

    output: str | None = options.output
    folder = Path(os.path.dirname(output) or ".") if output is not None else Path.cwd()
    text = starter_text(schema_reference(folder))
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    return _write_output(output, text, options.force, "briefing.yaml")


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


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The ``TEXTUAL_DRIVER`` textual-serve runs the viewer with."""


def _not_terminals() -> str:
    """Which of standard input, output and error are not terminals, as the subject
    (``"standard error is not one"``); ``""`` when all three are, or when the viewer
    is run by ``briefing serve`` (textual-serve sets Textual's web driver, which
    speaks to the browser through pipes)."""
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return ""
    names = [name for name, stream in (("input", sys.stdin), ("output", sys.stdout),
                                       ("error", sys.stderr))
             if stream is None or stream.closed or not stream.isatty()]
    if not names:
        return ""
    if len(names) == 1:
        return f"standard {names[0]} is not one"
    return f"standard {', '.join(names[:-1])} and {names[-1]} are not terminals"


def _refused_without_terminals(name: str | None, instead: str = "summary") -> bool:
    """Whether the viewer cannot start here, having said why and what to run instead."""
    not_terminals = _not_terminals()
    if not not_terminals:
        return False
    # Textual draws on standard error and reads keys from standard input: with
    # `briefing FILE 2>log` it would draw the whole viewer into the log.
    from shlex import quote

    what = "print the briefing" if instead == "summary" else "draft a briefing from it"
    print(f"briefing: the viewer needs a terminal, but {not_terminals}; to {what} "
          f"instead, run `briefing {instead} "
          f"{quote(_display_name(name)) if name is not None else 'FILE'}`", file=sys.stderr)
    return True


def _library(options: Options) -> int:
    """``briefing library [DIR]`` (and ``briefing DIR``): the library screen; Enter
    opens a briefing in the viewer, and Esc there comes back to the list."""
    from .errors import BriefingError
    from .library.index import LibraryError
    from .library.sqlite_index import open_library
    from .loader import load
    from .safe_text import shown_path

    folder: str = options.folder or "."
    if not os.path.isdir(folder):
        print(f"briefing: {shown_path(folder)} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    if _refused_without_terminals(folder, "index"):
        return EXIT_USAGE
    try:
        index = open_library(folder, notice=lambda message: print(
            f"briefing: {message}", file=sys.stderr))
    except LibraryError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return EXIT_INVALID
    from .tui.app import BriefingApp
    from .tui.library_app import LibraryApp

    view = None
    scan = True
    while True:
        choice = LibraryApp(index, options.lang or "en", view, scan=scan).run()
        if choice is None:
            return EXIT_OK
        view, scan = choice.view, False
        try:
            briefing = load(choice.path)
        except BriefingError as error:  # changed since the list was read
            _report(error)
            return EXIT_INVALID
        viewer = BriefingApp(choice.path, briefing, language=options.lang,
                             query=choice.query, from_library=True)
        printed = viewer.run()
        if printed is not None:
            from .summary import print_summary

            print_summary(printed)
            return EXIT_OK
        if not viewer.back_to_library:
            return viewer.return_code or 0


def _offer_draft(name: str, options: Options) -> int:
    """``briefing ARTICLE.txt``: offer to draft a briefing from the article, and open it."""
    from pathlib import Path

    from .draft import draft_path, read_article_text
    from .draft.article import detect_language
    from .errors import BriefingError

    try:
        text = read_article_text(name)
    except BriefingError as error:
        _report(error)
        return EXIT_INVALID
    if _refused_without_terminals(name, "draft"):
        return EXIT_USAGE
    from .tui.draft_offer_app import DraftOfferApp

    drafted = DraftOfferApp(Path(name), draft_path(Path(name)), detect_language(text)).run()
    if drafted is None:
        return EXIT_OK
    options.file = str(drafted)
    return _open(options)


def _open(options: Options) -> int:
    """``briefing [FILE]``: the viewer; then, if the reader asked, the printed summary."""
    from pathlib import Path

    from .errors import BriefingError
    from .loader import load
    from .resources import sample_path

    name: str | None = options.file
    if name == STDIN_ARGUMENT:
        print("briefing: the viewer cannot read a briefing from standard input, which it "
              "needs for the keyboard; try `briefing summary -`", file=sys.stderr)
        return EXIT_USAGE
    from .draft import ARTICLE_SUFFIXES

    if name is not None and name.lower().endswith(ARTICLE_SUFFIXES):
        return _offer_draft(name, options)
    if name is not None and os.path.isdir(name):
        options.folder = name
        return _library(options)
    target = Path(name) if name is not None else sample_path()
    try:
        briefing = load(name if name is not None else target)
    except BriefingError as error:
        _report(error)
        return EXIT_INVALID
    if _refused_without_terminals(name):
        return EXIT_USAGE
    from .tui.app import BriefingApp

    app = BriefingApp(target, briefing, language=options.lang)
    printed = app.run()
    if printed is not None:  # the reader pressed `p`: the summary, once the screen is back
        from .summary import print_summary

        print_summary(printed)
    return app.return_code or 0
