"""The one-shot commands: ``summary``, ``validate``, ``check``, ``export``,
``diff``, ``serve``, ``schema``, ``new``, ``index``, ``search`` and ``draft``.

Each imports what it needs when it runs; at start-up this module imports only
``os``, ``sys`` and ``gc``, since ``summary`` and ``validate`` go through it.
"""

from __future__ import annotations

import gc
import os
import sys

from .cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, STDIN_ARGUMENT
from .cli_files import _display_name, _load, _load_shown, _report
from .cli_streams import _write_output

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from .cli import Options
    from .model import Briefing


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
    """``briefing serve [FILE|DIR]``: the viewer (for a folder, its library) in a browser,
    until Ctrl+C."""
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
    folder = name is not None and os.path.isdir(name)  # served as its library
    if name is not None and folder:
        from .library.index import LibraryError
        from .library.sqlite_index import open_library

        try:  # what is wrong is said here, once, not in every browser tab
            open_library(name, notice=lambda message: print(
                f"briefing: {message}", file=sys.stderr)).close()
        except LibraryError as error:
            print(f"briefing: {error}", file=sys.stderr)
            return EXIT_INVALID
    elif name is not None:
        try:
            _load(name)  # what is wrong is said here, once, not in every browser tab
        except BriefingError as error:
            _report(error)
            return EXIT_INVALID
    if name is not None:
        name = os.path.abspath(name)
    host: str = options.host
    if host not in LOCAL_HOSTS:
        print(f"briefing: warning: serving on {visible(host)}: anyone who can reach this "
              f"address can read the {'briefings' if folder else 'briefing'}",
              file=sys.stderr)
    title = os.path.basename(os.path.normpath(name)) if name is not None else "briefing"
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
