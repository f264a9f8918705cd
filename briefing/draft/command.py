"""``briefing draft ARTICLE [--lang ru|en] [-o FILE] [--force]``: print, or write, a
briefing drafted from an article."""

from __future__ import annotations

import sys

from ..errors import BriefingError
from . import EXTRA_NOTICE, draft_file, natasha_available, read_article_text
from .article import detect_language

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from collections.abc import Callable

EXIT_OK, EXIT_INVALID = 0, 1


def run_draft(article: str, language: str | None, output: str | None, force: bool,
              write_output: Callable[[str, str, bool, str], int]) -> int:
    """Draft ``article``; print the YAML, or write it to ``output`` through
    ``write_output`` (the CLI's atomic writer, which refuses to overwrite without
    ``force``) and say what to run next. The exit code."""
    from ..safe_text import shown_path

    try:
        text = read_article_text(article)
    except BriefingError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    chosen = language or detect_language(text)
    use_natasha = chosen == "ru" and natasha_available()
    if chosen == "ru" and not use_natasha:
        print(EXTRA_NOTICE, file=sys.stderr)
    yaml_text = draft_file(article, output, language=chosen, use_natasha=use_natasha,
                           text=text)
    if output is None:
        sys.stdout.write(yaml_text)
        return EXIT_OK
    code = write_output(output, yaml_text, force, "briefing.yaml")
    if code == EXIT_OK:
        from shlex import quote

        print(f"Next: briefing {quote(shown_path(output))}   (the viewer; "
              f"`briefing check {quote(shown_path(output))}` checks the evidence)",
              file=sys.stderr)
    return code
