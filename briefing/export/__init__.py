"""Exports of a briefing, each read from its outline: ``briefing export --to FORMAT``.

``md`` (Markdown for wikis and email), ``html`` (one self-contained page), ``json``
(the briefing as data, itself a valid briefing), ``txt`` (the summary as plain
text) and ``svg`` (the summary as a picture). The first three never import Rich;
the last two draw the summary with it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..outline import Outline

FORMATS = ("md", "html", "json", "txt", "svg")
"""The formats ``export`` writes, by the name ``--to`` takes."""

TEXT_WIDTH = 80
"""Columns of the ``txt`` export: what a terminal and an email show without wrapping."""
SVG_WIDTH = 100
"""Columns of the ``svg`` export."""


def export(outline: Outline, to: str, *, title: str = "briefing") -> str:
    """The briefing of ``outline`` in the format ``to`` (one of :data:`FORMATS`);
    ``title`` names the picture of an ``svg``."""
    writers: dict[str, Callable[[], str]] = {
        "md": lambda: _markdown(outline),
        "html": lambda: _html(outline),
        "json": lambda: _json(outline),
        "txt": lambda: _text(outline),
        "svg": lambda: _svg(outline, title),
    }
    if to not in writers:
        raise ValueError(f"unknown format {to!r}; choose one of {', '.join(FORMATS)}")
    return writers[to]()


def _markdown(outline: Outline) -> str:
    from .document import Document
    from .to_markdown import to_markdown

    return to_markdown(Document(outline))


def _html(outline: Outline) -> str:
    from .document import Document
    from .to_html import to_html

    return to_html(Document(outline))


def _json(outline: Outline) -> str:
    from .to_json import to_json

    return to_json(outline)


def _text(outline: Outline) -> str:
    import io

    from ..summary import print_summary

    # A file that is not a terminal: plain text, no colour, no big digits.
    stream = io.StringIO()
    print_summary(outline, width=TEXT_WIDTH, file=stream)
    return stream.getvalue()


def _svg(outline: Outline, title: str) -> str:
    from .to_svg import to_svg

    return to_svg(outline, SVG_WIDTH, title)
