"""How a table shares its width between columns: shared by the summary and the viewer."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len


def longest_word(texts: Iterable[str]) -> int:
    """The width of the longest word in ``texts``: below it, a column splits words."""
    return max((cell_len(word) for text in texts for word in text.split()), default=0)


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
