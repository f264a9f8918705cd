"""Formatting of key figures, shared by the summary, the viewer and the exports
(pure functions).

A figure's value is the :class:`~decimal.Decimal` written in the file
(``Figure.value``); these functions show it with the file's digits and never
through a binary float, which would invent some (``0.1``, ``1e21``,
``12345678901234567890``). ``decimal`` is imported when first needed: a
briefing without figures never loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .limits import MAX_NUMBER_DIGITS

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from decimal import Context, Decimal

_SCALES = ((12, "tn"), (9, "bn"), (6, "m"))
"""Powers of ten the short form names, largest first."""

_GROUP = "\u202f"
"""Between groups of three digits: a narrow no-break space."""


def as_decimal(value: Decimal | int | float) -> Decimal:
    """``value`` as a Decimal: as is, exactly (an int), or by its shortest repr (a float,
    which a caller computed: ``0.1`` as ``0.1``)."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return value
    return Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))


def full_number(value: Decimal | int | float) -> str:
    """The number with the digits written, the integer part grouped in threes:
    ``35 000 000 000``, ``2.50``, ``-3``; an exponent is written out
    (``3.5e10`` as ``35 000 000 000``) unless that takes more than
    ``MAX_NUMBER_DIGITS`` digits, which stay in scientific form (``1.5e300``)."""
    number = as_decimal(value)
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite: the loader refuses the rest
    if max(len(digits) + exponent, len(digits), -exponent + 1) > MAX_NUMBER_DIGITS:
        return _scientific(number)
    written = f"{number.copy_abs():f}"  # copy_abs: abs() would round to 28 digits
    whole, point, fraction = written.partition(".")
    return ("-" if sign else "") + _grouped(whole) + point + fraction


def _exact(method: Callable[..., Decimal]) -> Callable[..., Decimal]:
    """A Decimal method run with room for every digit a value may have (the default
    context keeps 28 of them, and a value may have ``MAX_NUMBER_DIGITS``)."""
    def exactly(*args: object) -> Decimal:
        return method(*args, context=_context("exact"))

    return exactly


_CONTEXTS: dict[str, Context] = {}


def _context(name: str) -> Context:
    """A decimal context made once: ``exact`` holds every digit a value may have (the
    default keeps 28, a value may have ``MAX_NUMBER_DIGITS``); ``round`` rounds half up."""
    context = _CONTEXTS.get(name)
    if context is None:
        from decimal import ROUND_HALF_UP, Context

        context = _CONTEXTS[name] = (Context(prec=2 * MAX_NUMBER_DIGITS) if name == "exact"
                                     else Context(prec=40, rounding=ROUND_HALF_UP))
    return context


def _grouped(whole: str) -> str:
    """Digits grouped in threes from the right."""
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[start:start + 3] for start in range(head, len(whole), 3)]
    return _GROUP.join(groups)


def _scientific(number: Decimal, significant: int | None = None) -> str:
    """``1.5e300``: the digits written (or ``significant`` of them, rounded), then the
    power of ten."""
    if significant is not None:
        from decimal import ROUND_HALF_UP, Context

        number = Context(prec=significant, rounding=ROUND_HALF_UP).plus(number)
    mantissa, _, power = f"{number:e}".partition("e")  # the digits as written
    return f"{mantissa}e{int(power)}"


def compact_number(value: Decimal | int | float, words: Callable[[str], str] = str) -> str:
    """A short human form of a number: ``35000000000`` -> ``"35 bn"``, ``2.5`` -> ``"2.5"``.

    Rounded to two decimals, half up, by decimal arithmetic (``2.675`` is
    ``2.68``); a value that would round to ``0`` is shown in full. ``words``
    translates the multipliers (``bn`` -> ``млрд``).
    """
    number = as_decimal(value)
    for power, suffix in _SCALES:
        if abs(number) >= 10**power:
            scaled = _exact(number.scaleb)(-power)
            if abs(scaled) >= 10**6:  # past a million trillion, a power of ten is shorter
                return _scientific(number, 3)
            return f"{_rounded(scaled)} {words(suffix)}"
    short = _rounded(number)
    return full_number(number) if short == "0" and number else short


def _rounded(number: Decimal) -> str:
    """``number`` to at most two decimals, half up, grouped; ``-0`` is ``0``."""
    from decimal import Decimal

    # A precision that holds every digit of the integer part (at most a million here).
    rounded = number.quantize(Decimal("0.01"), context=_context("round"))
    text = full_number(rounded)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def figure_headline(
    display: str | None, value: Decimal | int | float, words: Callable[[str], str] = str
) -> str:
    """How a figure's value is shown large: its ``display`` as written, else a
    compact number with its multiplier in the language of ``words``."""
    return display or compact_number(value, words)


def bar_fractions(
    figures: Sequence[tuple[str | None, Decimal | int | float]],
) -> dict[int, float]:
    """For figures given as ``(unit, value)``, each one's size against the largest
    (in magnitude) of its unit, by index, with its sign: from -1 to 1, negative for
    a negative value, so a view draws it distinctly. Only units shared by two
    figures or more.

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
        values = {index: as_decimal(figures[index][1]) for index in members}
        top = max(value.copy_abs() for value in values.values())
        for index, value in values.items():
            fractions[index] = float(value / top) if top else 0.0
    return fractions
