"""Formatting of key figures, shared by the summary and the TUI (pure functions)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def compact_number(value: int | float, words: Callable[[str], str] = str) -> str:
    """A short human form of a number: ``35000000000`` -> ``"35 bn"``, ``2.5`` -> ``"2.5"``.

    ``words`` translates the multipliers (``bn`` -> ``млрд``).
    """
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{_trim(value / scale)} {words(suffix)}"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")  # narrow no-break space groups digits
    return _trim(value)


def _trim(number: float) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def full_number(value: int | float) -> str:
    """The number written out in full, digits grouped: ``35 000 000 000``."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:,}".replace(",", "\u202f")


def figure_headline(
    display: str | None, value: int | float, words: Callable[[str], str] = str
) -> str:
    """How a figure's value is shown large: its ``display`` as written, else a
    compact number with its multiplier in the language of ``words``."""
    return display or compact_number(value, words)


def bar_fractions(figures: Sequence[tuple[str | None, int | float]]) -> dict[int, float]:
    """For figures given as ``(unit, value)``, each one's size against the largest of
    its unit, by index; only units shared by two figures or more.

    Bars comparing values only make sense between figures of the same unit.
    """
    groups: dict[str, list[int]] = {}
    for index, (unit, _) in enumerate(figures):
        if unit is not None:
            groups.setdefault(unit, []).append(index)
    fractions: dict[int, float] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        top = max(abs(figures[index][1]) for index in members)
        for index in members:
            fractions[index] = abs(figures[index][1]) / top if top else 0.0
    return fractions
