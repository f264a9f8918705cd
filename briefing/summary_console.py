"""The summary's console and its printing: a console that prints literally, and
printing a renderable in batches, so that a long summary is not all held in
memory, with plain (piped) output written without its padding.
"""

from __future__ import annotations

import os
import sys
from typing import IO

from rich.console import COLOR_SYSTEMS, Console, RenderableType
from rich.segment import Segment, Segments
from rich.style import Style

_BATCH_SEGMENTS = 20_000
"""Segments rendered before they are written out."""
_BATCH_CHARACTERS = 1 << 20
"""Characters rendered before they are written out."""


class _LiteralConsole(Console):
    writes_lines = False
    """Set while :func:`print_renderable` writes :class:`WrittenLines` itself."""

    def on_broken_pipe(self) -> None:
        # `briefing summary FILE | head`: the reader has all it wants. Stop at this
        # first failed write (the command line ends quietly), not render the rest
        # into nowhere, which takes as long as printing it.
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise BrokenPipeError


def make_console(file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console that prints literally: no markup, emoji codes or highlighting.

    Colour follows the terminal, ``NO_COLOR`` and ``FORCE_COLOR`` (Rich reads
    both); piped output is plain text.
    """
    console = _LiteralConsole(file=file, width=width, markup=False, emoji=False,
                              highlight=False, soft_wrap=False)
    # Narrower than a table or a card needs (COLUMNS=1), Rich divides by zero.
    console.width = max(console.width, MIN_WIDTH)
    return console


MIN_WIDTH = 20
"""The narrowest summary drawn, whatever the terminal says: ``--width``'s least value."""


class WrittenLines(Segment):
    """Whole lines already in the console's colour codes, each ending in a line
    break, which :func:`print_renderable` writes as they are (see
    :func:`writes_lines`)."""

    __slots__ = ()


def writes_lines(console: Console) -> bool:
    """Whether a renderer printed by :func:`print_renderable` on ``console`` may yield
    :class:`WrittenLines`, which are then written as they are.

    Rich turns each styled segment into colour codes as it prints, after
    splitting and cropping the lines; a renderer that draws line by line can
    write the same codes itself (:class:`ColourCodes`), in a fraction of the time.
    """
    return isinstance(console, _LiteralConsole) and console.writes_lines


class ColourCodes:
    """Texts in a style, with the codes Rich's console writes for it (``Style.render``
    as ``Console._render_buffer`` calls it), each style's codes made once."""

    def __init__(self, console: Console) -> None:
        self.color_system = COLOR_SYSTEMS.get(console.color_system or "")
        self.codes: dict[str, tuple[str, str]] = {}

    def __call__(self, text: str, style: str) -> str:
        """``text`` in ``style`` (``"dim italic"``; ``""`` for none)."""
        if not text or not style:
            return text
        codes = self.codes.get(style)
        if codes is None:
            rendered = Style.parse(style).render("\0", color_system=self.color_system)
            before, _, after = rendered.partition("\0")
            codes = self.codes[style] = (before, after)
        return codes[0] + text + codes[1]


def print_renderable(console: Console, renderable: RenderableType) -> None:
    """``console.print(renderable)``, written out every few thousand lines.

    Rich keeps everything it prints in memory until the end; a briefing of
    long texts would take gigabytes. Batches end at line breaks, so the output
    is the same. Plain output (piped, or ``NO_COLOR``) loses the spaces that pad
    its lines to the width. In colour, the line-by-line renderers write their
    lines' colour codes themselves (:class:`WrittenLines`).
    """
    plain = not console.is_terminal
    direct = (isinstance(console, _LiteralConsole) and not plain and not console.record
              and not console.no_color and console.color_system is not None
              and not console.is_jupyter and not console.legacy_windows)
    batch: list[Segment] = []
    size = 0
    if direct:
        assert isinstance(console, _LiteralConsole)
        console.writes_lines = True
    try:
        for segment in console.render(renderable, console.options):
            if type(segment) is WrittenLines:
                if batch:
                    _write(console, batch, plain)
                    batch, size = [], 0
                console.file.write(segment.text)
                continue
            batch.append(segment)
            size += len(segment.text)  # a segment may hold many lines (see _Grid.plain)
            if (len(batch) >= _BATCH_SEGMENTS or size >= _BATCH_CHARACTERS) and \
                    segment.text.endswith("\n"):
                _write(console, batch, plain)
                batch, size = [], 0
    finally:
        if direct:
            assert isinstance(console, _LiteralConsole)
            console.writes_lines = False
    if batch:
        _write(console, batch, plain)


def _write(console: Console, segments: list[Segment], plain: bool) -> None:
    if plain:
        text = "".join(segment.text for segment in segments if not segment.control)
        # Line by line: a regular expression for spaces before a line end (` +$`)
        # tries each space of a run, which is quadratic in the run (a wide table's
        # padding) and took most of the time of a long table.
        console.file.write("\n".join(line.rstrip(" ") for line in text.split("\n")))
    else:
        console.print(Segments(segments))
