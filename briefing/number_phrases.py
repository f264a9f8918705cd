"""Numbers as people write them, in Russian and English: digits or words, with a
multiplier and a currency or unit.

``35 миллиардов долларов``, ``35 млрд``, ``$35 bn``, ``€12 billion``,
``2,5 трлн тенге``, ``1.5 million tons``, ``35 000``, ``35,000``, ``два
миллиарда``, ``twelve``, ``77 percent``, ``10 лет``: each is read as one
:class:`NumberPhrase`, its value exact (a whole number is an ``int``) and its unit
named by a code (``USD``, ``KZT``, ``percent``, ``t``, ``year``...).

The public functions:

- :func:`read_numbers`: every number phrase in a text, in order, with where
  each is written;
- :func:`read_number`: the number a short text (a cell, a field) is, if it is one;
- :func:`read_unit`: the unit and multiplier a unit's name says (``млрд
  долларов`` is billions of USD);
- :func:`same_value` and :func:`format_value`, to compare and show values.

Separators: a comma or a point before exactly three digits groups thousands
(``35,000``, ``1.500.000`` with two groups or more), otherwise it is the
decimal mark (``2,5``, ``1.5``); spaces (also no-break and thin ones) group
thousands (``35 000``). A lone "one" (``one of``, ``одним из``) is not read as a
number: it is one only with a multiplier or a unit (``one million``, ``один
процент``).

Pure functions; only ``re`` is imported, so that ``briefing check`` stays quick.

This module holds the public functions; the phrases are read by
:mod:`briefing.number_reader` (which defines :class:`NumberPhrase`, re-exported
here with :data:`MAX_DIGITS`), with the word tables of :mod:`briefing.number_words`
(:data:`UNITS` re-exported here).
"""

from __future__ import annotations

from .number_reader import MAX_DIGITS, NumberPhrase, _Reader, _scale
from .number_words import _ATTACHED_ONLY, UNITS

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import NamedTuple
else:
    from .records import NamedTuple

__all__ = [
    "MAX_DIGITS",
    "UNITS",
    "NumberPhrase",
    "UnitReading",
    "format_value",
    "read_number",
    "read_numbers",
    "read_unit",
    "same_value",
]


class UnitReading(NamedTuple):
    """What the name of a unit says: ``млрд долларов`` is ``("USD", 10**9)``."""

    unit: str | None
    multiplier: int = 1


def read_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, in order.

    >>> [(p.value, p.unit) for p in read_numbers("в размере 35 миллиардов долларов США")]
    [(35000000000, 'USD')]
    """
    return _Reader(text).phrases()


def read_number(text: str) -> NumberPhrase | None:
    """The number ``text`` is, when all of it is one phrase (``$35 bn``, ``двенадцать``);
    otherwise ``None``. Currency codes are read in any case here (``usd 5``)."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    phrases = _Reader(stripped, running=False).phrases()
    if len(phrases) != 1 or phrases[0].text != stripped:
        return None
    phrase = phrases[0]
    return phrase._replace(start=phrase.start + offset, end=phrase.end + offset)


def read_unit(text: str) -> UnitReading | None:
    """What a unit's name says: ``USD``, ``долларов США``, ``млрд долларов``, ``bn USD``,
    ``%``, ``лет``, ``million tons``. ``None`` when it names neither a known unit nor
    a multiplier (``направлений``)."""
    reader = _Reader(text, running=False)
    tokens = reader.tokens
    unit: str | None = None
    multiplier = 1
    index = 0
    while index < len(tokens):
        scale = _scale(tokens[index], True)
        if scale is not None and tokens[index].key not in _ATTACHED_ONLY:
            multiplier *= scale
            index += 1
            continue
        found, following = reader.unit_after(index)
        if found is not None and unit is None:
            unit = found
            index = following
            continue
        index += 1
    if unit is None and multiplier == 1:
        return None
    return UnitReading(unit, multiplier)


def same_value(first: int | float | Decimal, second: int | float | Decimal) -> bool:
    """Whether two values are the same number (floats to within rounding); a
    ``Decimal``, as the model may hold a figure's value, compares too."""
    if first == second:
        return True
    try:
        one, other = float(first), float(second)
    except (OverflowError, ValueError):
        return False
    return abs(one - other) <= 1e-9 * max(abs(one), abs(other))


def format_value(value: int | float | Decimal) -> str:
    """A value in plain digits, as a YAML file would hold it: ``35000000000``, ``2.5``."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(value)
    return f"{value:f}"  # a Decimal: its digits, without an exponent
