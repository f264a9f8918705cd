"""Formatting of key figures, shared by the summary and the TUI (pure functions)."""

from __future__ import annotations

from .model import Figure

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def compact_number(value: int | float) -> str:
    """A short human form of a number: ``35000000000`` -> ``"35 bn"``, ``2.5`` -> ``"2.5"``."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{_trim(value / scale)} {suffix}"
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


def figure_headline(figure: Figure) -> str:
    """How a figure's value is shown large: its ``display``, else a compact number."""
    return figure.display or compact_number(figure.value)


def shared_unit_groups(figures: tuple[Figure, ...]) -> dict[str, list[Figure]]:
    """Figures grouped by unit (in the original language), for groups of two or more.

    Bars comparing values only make sense between figures of the same unit.
    """
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.unit is not None:
            groups.setdefault(figure.unit.get(), []).append(figure)
    return {unit: group for unit, group in groups.items() if len(group) > 1}
