"""The commands that open the interactive viewer: ``briefing [FILE]``
(:func:`_open`), ``briefing library [DIR]`` (:func:`_library`) and
``briefing ARTICLE.txt`` (:func:`_offer_draft`), each refused, with what to run
instead, when standard input, output or error is not a terminal.
"""

from __future__ import annotations

import os
import sys

from .cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, STDIN_ARGUMENT
from .cli_files import _display_name, _report

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from .cli import Options


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
    opens a briefing over it, and Esc there comes back to the list (one app)."""
    from .library.index import LibraryError
    from .library.sqlite_index import open_library
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
    from .tui.library_app import LibraryApp

    app = LibraryApp(index, options.lang)
    printed = app.run()
    if printed is not None:  # `p` in a briefing: its summary, once the screen is back
        from .summary import print_summary

        print_summary(printed)
    return app.return_code or 0


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
    from .paths import ARTICLE_SUFFIXES

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
