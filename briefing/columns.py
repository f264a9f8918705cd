"""How a table shares its width between columns: shared by the summary and the viewer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from rich.cells import cell_len


def width_of(text: str) -> int:
    """How many cells ``text`` takes on a terminal (its length, when it is printable
    ASCII: many times quicker than measuring each character)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def longest_word(texts: Iterable[str]) -> int:
    """The width of the longest word in ``texts``: below it, a column splits words."""
    return max((max(_widths(text.split()), default=0) for text in texts), default=0)


def widest_line(text: str) -> int:
    """The width of the widest line of ``text``."""
    return max(_widths(text.split("\n")))


def _widths(parts: list[str]) -> Iterable[int]:
    """The width of each of ``parts``: their lengths when all are printable ASCII."""
    if all(map(_printable_ascii, parts)):
        return map(len, parts)
    return map(width_of, parts)


def _printable_ascii(text: str) -> bool:
    return text.isascii() and text.isprintable()


def column_widths(
    needed: list[int], width: int, gap: int = 2, words: list[int] | None = None
) -> list[int]:
    """Share ``width`` (``gap`` cells between columns taken out) between columns that
    need ``needed`` cells each, and whose longest words are ``words`` cells wide.

    First every column gets room for its longest word, so no word is split
    when that fits at all (when it does not, the longest words are cut first).
    Then, shortest first, each gets what it needs or an equal share of what is
    left, whichever is less; the widest takes any rest. So a short column (a
    country) is never cut, and long ones share the room.
    """
    count = len(needed)
    available = max(count, width - gap * (count - 1))
    floors = [min(need, word) for need, word in zip(needed, words or [1] * count, strict=True)]
    if sum(floors) > available:
        # Not even the words fit: cut the longest words, so that short columns
        # (a country) still show whole ones.
        cap = max(floors)
        while cap > 1 and sum(min(floor, cap) for floor in floors) > available:
            cap -= 1
        widths = [min(floor, cap) for floor in floors]
        widths[widths.index(max(widths))] += max(0, available - sum(widths))
        return widths
    widths = list(floors)
    left = available - sum(widths)
    order = sorted(range(count), key=lambda column: needed[column] - floors[column])
    for done, column in enumerate(order):
        more = min(needed[column] - widths[column], left // (count - done))
        widths[column] += more
        left -= more
    if order:
        widths[order[-1]] += left
    return widths


def expand_tabs(text: str, size: int = 8) -> str:
    """``text`` with each tab made spaces to the next multiple of ``size`` cells, as
    Rich expands them (by cells, so a wide character counts two)."""
    if "\t" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if "\t" in line:
            parts, position = [], 0
            for number, part in enumerate(line.split("\t")):
                if number:
                    spaces = size - position % size
                    parts.append(" " * spaces)
                    position += spaces
                parts.append(part)
                position += cell_len(part)
            line = "".join(parts)
        lines.append(line)
    return "\n".join(lines)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Where each line of ``text`` starts and ends once wrapped to ``width`` cells, as
    Rich wraps text that folds: at spaces, a word longer than a line cut into
    pieces, line breaks kept, and the spaces that end a line kept as far as they
    fit. Expand tabs first (:func:`expand_tabs`).

    One pass over the text, however long: Rich's own ``Text.wrap`` makes an
    object per line and takes about a millisecond a table row.
    """
    lines: list[tuple[int, int]] = []
    start = 0
    split = text.split("\n")
    if all(map(_printable_ascii, split)) and max(map(len, split)) <= width:
        for line in split:  # every line fits (as in most cells): no measuring
            lines.append((start, start + len(line)))
            start += len(line) + 1
        return lines
    for line in split:
        end = start + len(line)
        if width_of(line) <= width:
            bounds = [start, end]
        else:
            bounds = [start, *(start + offset for offset in _breaks(line, width)), end]
        for first, last in pairwise(bounds):
            piece = text[first:last]
            if len(piece) > width:  # the spaces that end it, as far as they overflow
                spaces = len(piece) - len(piece.rstrip())
                piece = piece[:len(piece) - min(spaces, len(piece) - width)]
            while width_of(piece) > width:  # still too wide (wide characters): cut
                piece = piece[:-1]
            lines.append((first, first + len(piece)))
        start = end + 1
    return lines


_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces around it, as Rich's wrapping reads words."""


def _breaks(line: str, width: int) -> list[int]:
    """Where a line longer than ``width`` cells breaks: Rich's ``divide_line`` (fold),
    measuring printable ASCII by its length."""
    from rich.cells import chop_cells

    measure = len if line.isascii() and line.isprintable() else cell_len
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = measure(word.rstrip())
        if width - offset >= length:
            offset += measure(word)
        elif length > width:  # longer than a line: cut into pieces, each on a line
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = measure(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = measure(word)
    return breaks
