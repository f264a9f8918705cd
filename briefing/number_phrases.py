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
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import NamedTuple
else:
    from .records import NamedTuple


class NumberPhrase(NamedTuple):
    """One number as written in a text, read."""

    value: int | float
    """The number, multiplier applied; an ``int`` when it is whole."""
    unit: str | None
    """Its currency or unit by code (see :data:`UNITS`); ``None`` when none is said."""
    start: int
    """Where the phrase starts in the text read."""
    end: int
    """Where it ends (exclusive)."""
    text: str
    """The phrase as written."""

    def __str__(self) -> str:
        return self.text


class UnitReading(NamedTuple):
    """What the name of a unit says: ``млрд долларов`` is ``("USD", 10**9)``."""

    unit: str | None
    multiplier: int = 1


# ---------------------------------------------------------------------------
# The words.

UNITS = ("USD", "EUR", "KZT", "RUB", "CNY", "GBP", "JPY", "CHF", "TRY", "KGS", "UZS",
         "percent", "t", "km", "year", "month", "day")
"""Every unit code a phrase may have."""

_SYMBOLS = {"$": "USD", "€": "EUR", "₸": "KZT", "₽": "RUB", "£": "GBP", "%": "percent"}
_CODES = {code for code in UNITS if code.isupper()}
"""Currency codes, read in running text only when written in capitals (``TRY`` is
a currency, ``try`` a verb)."""

_SCALES = {"thousand": 10**3, "thousands": 10**3, "k": 10**3, "тыс": 10**3,
           "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
           "млн": 10**6,
           "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
           "млрд": 10**9,
           "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12,
           "трлн": 10**12}
_SCALE_STEMS = (("тысяч", 10**3), ("миллион", 10**6), ("миллиард", 10**9),
                ("триллион", 10**12))
_ATTACHED_ONLY = {"k", "m", "b"}
"""Multipliers read only when written against the number (``35m``, ``$5bn``): apart,
``m`` is more often metres."""
_HALVES = {"полмиллиона": 5 * 10**5, "полмиллиарда": 5 * 10**8, "полтриллиона": 5 * 10**11}
_STARTING_SCALES = {"тысяча", "тысячу", "миллион", "миллиард", "триллион"}
"""Multipliers that are a number on their own (``тысяча человек``)."""

_UNIT_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD",
    "euro": "EUR", "euros": "EUR", "евро": "EUR",
    "tenge": "KZT", "тенге": "KZT",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "руб": "RUB",
    "yuan": "CNY", "yen": "JPY", "сум": "UZS", "сума": "UZS", "сумов": "UZS",
    "сом": "KGS", "сома": "KGS", "сомов": "KGS", "лир": "TRY", "лиры": "TRY", "лира": "TRY",
    "lira": "TRY", "liras": "TRY", "francs": "CHF", "франков": "CHF",
    "percent": "percent", "pct": "percent", "процент": "percent", "процента": "percent",
    "процентов": "percent", "процентам": "percent", "процентами": "percent",
    "t": "t", "т": "t", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t",
    "km": "km", "км": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km",
    "year": "year", "years": "year", "год": "year", "года": "year", "году": "year",
    "годы": "year", "годам": "year", "лет": "year",
    "month": "month", "months": "month", "месяц": "month", "месяца": "month",
    "месяцев": "month",
    "day": "day", "days": "day", "день": "day", "дня": "day", "дней": "day",
}
_UNIT_STEMS = (("доллар", "USD"), ("долл", "USD"), ("рубл", "RUB"), ("юан", "CNY"),
               ("тонн", "t"), ("километр", "km"))
_UNIT_PAIRS = {("us", "USD"): "USD", ("per", "cent"): "percent"}
"""Two words that are one unit: ``US dollars``, ``per cent``."""
_UNIT_AFTER = {"USD": ("сша",), "GBP": ("стерлингов",)}
"""A word that may follow a unit's name and is part of it: ``долларов США``."""

_ABBREVIATIONS = {"тыс", "млн", "млрд", "трлн", "долл", "руб", "т", "км", "mln", "bln", "mn",
                  "bn", "tn", "trn", "pct"}
"""Shortened words that may be followed by a point inside a phrase (``12 тыс. тонн``)."""

_ONES = {"one", "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"}
"""The forms of "one", a number only with a multiplier or a unit after it."""


def _small_words() -> dict[str, tuple[int, int]]:
    """Number words below a thousand: each form, its value and ten times the value as
    a decimal fraction with one digit (so ``полтора`` is 15, i.e. 1.5)."""
    words: dict[str, int] = {
        "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
        "ноль": 0, "нуль": 0, "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
        "три": 3, "трех": 3, "трем": 3, "тремя": 3, "четыре": 4, "четырех": 4,
        "четырем": 4, "четырьмя": 4, "сорок": 40, "сорока": 40, "девяносто": 90,
        "девяноста": 90, "сто": 100, "ста": 100, "двести": 200, "двухсот": 200,
        "двумстам": 200, "триста": 300, "трехсот": 300, "четыреста": 400,
        "четырехсот": 400,
    }
    words.update(dict.fromkeys(_ONES, 1))
    # Numbers ending in a soft sign: пять, пяти, пятью.
    for stem, value in (("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8), ("девят", 9),
                        ("десят", 10), ("одиннадцат", 11), ("двенадцат", 12),
                        ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
                        ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
                        ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30)):
        words.update({f"{stem}ь": value, f"{stem}и": value, f"{stem}ью": value})
    words.update({"восьми": 8, "восьмью": 8})
    for stem, value in (("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8)):
        oblique = "восьми" if value == 8 else f"{stem}и"
        words[f"{stem}ьдесят"] = value * 10
        words[f"{oblique}десяти"] = value * 10
        words[f"{stem}ьсот"] = value * 100
        words[f"{oblique}сот"] = value * 100
    words.update({"девятьсот": 900, "девятисот": 900})
    table = {word: (value * 10, 1) for word, value in words.items()}
    table.update(dict.fromkeys(("полтора", "полторы", "полутора"), (15, 1)))
    return table


_SMALL = _small_words()
_HUNDRED = {"hundred", "hundreds"}

# ---------------------------------------------------------------------------
# Reading.

_SPACE = r"(?:(?![\n\r\t\v\f])\s)"
"""A space within a line, such as groups thousands: also a no-break or a thin one. (Not
a class of those: it costs a millisecond to compile.)"""
_NUMBER = (
    r"(?<![\w.,])(?:"
    r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"  # 1.500.000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 35,000.5
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?"  # 35 000,5
    r"|\d+(?:[.,]\d+)?"  # 35, 2,5, 1.5
    r")(?!\d)"
)
# Symbols: any mark, those of _SYMBOLS kept by _tokens (a class of them costs more to
# compile than reading a briefing's evidence).
MAX_DIGITS = 30
"""The most digits a number is read with (a longer run of digits is not a quantity)."""
_MAX_SCALES = 2

_TOKENS = re.compile(rf"(?P<number>{_NUMBER})|(?P<word>[^\W\d_]+)|(?P<symbol>[^\w\s])")
_JOINED = re.compile(r"\s*|\s*-\s*")
"""What may stand between two words of one phrase: spaces, or a hyphen
(``twenty-five``); anything else ends the phrase."""


class _Token(NamedTuple):
    kind: str
    start: int
    end: int
    word: str
    """The token as written."""
    key: str
    """Lower case, ``ё`` as ``е``: how the tables above spell it."""


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or ""
        word = match.group()
        if kind == "symbol" and word not in _SYMBOLS:
            continue
        tokens.append(_Token(kind, match.start(), match.end(), word,
                             word.lower().replace("ё", "е")))
    return tokens


def _decimal(written: str) -> tuple[int | None, int]:
    """Digits as ``(numerator, decimals)``: ``2,5`` is ``(25, 1)``; ``None`` for more
    than :data:`MAX_DIGITS` digits, which no one writes as a quantity."""
    digits = "".join(written.split())
    if digits.count(".") > 1 or (digits.count(".") == 1 and "," in digits
                                  and digits.index(".") < digits.index(",")):
        digits = digits.replace(".", "").replace(",", ".")  # 1.500.000,5
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        digits = digits.replace(",", "")  # 35,000.5
    else:
        digits = digits.replace(",", ".")
    whole, _, fraction = digits.partition(".")
    if len(whole) + len(fraction) > MAX_DIGITS:
        return None, 0
    return int(whole + fraction), len(fraction)


def _scale(token: _Token, attached: bool) -> int | None:
    """The multiplier ``token`` names, if it names one."""
    if token.kind != "word":
        return None
    key = token.key
    scale = _SCALES.get(key)
    if scale is not None:
        return scale if attached or key not in _ATTACHED_ONLY else None
    for stem, value in _SCALE_STEMS:
        if key.startswith(stem):
            return value
    return None


def _unit_word(token: _Token, running: bool) -> str | None:
    """The unit ``token`` names; a currency code only in capitals in ``running`` text."""
    if token.kind == "symbol":
        return _SYMBOLS.get(token.word)
    if token.kind != "word":
        return None
    if token.word.upper() in _CODES and (token.word.isupper() or not running):
        return token.word.upper()
    unit = _UNIT_WORDS.get(token.key)
    if unit is not None:
        return unit
    for stem, code in _UNIT_STEMS:
        if token.key.startswith(stem):
            return code
    return None


class _Reader:
    """Reads the phrases of one text, token by token."""

    def __init__(self, text: str, *, running: bool = True) -> None:
        self.text = text
        self.tokens = _tokens(text)
        self.running = running

    def joined(self, before: int, after: int, *, hyphen: bool = True) -> bool:
        """Whether tokens ``before`` and ``after`` belong to one phrase by what is between."""
        if after >= len(self.tokens):
            return False
        gap = self.text[self.tokens[before].end:self.tokens[after].start]
        if gap[:1] == "." and self.tokens[before].key in _ABBREVIATIONS:
            gap = gap[1:]  # млрд. долл.
        return (gap.isspace() or not gap or bool(hyphen and _JOINED.fullmatch(gap))) and \
            gap.count("\n") <= 1

    def attached(self, before: int, after: int) -> bool:
        return self.tokens[before].end == self.tokens[after].start

    def phrases(self) -> list[NumberPhrase]:
        found = []
        index = 0
        while index < len(self.tokens):
            phrase, following = self.phrase_at(index)
            if phrase is not None:
                found.append(phrase)
                index = following
            else:
                index += 1
        return found

    def phrase_at(self, index: int) -> tuple[NumberPhrase | None, int]:
        """The phrase starting at token ``index``, and the token after it."""
        tokens = self.tokens
        start = index
        unit = None
        # A currency before the number: $35 bn, € 12 billion, US$ 5, USD 35.
        if tokens[index].kind == "word" and tokens[index].key == "us" and \
                index + 1 < len(tokens) and tokens[index + 1].word == "$" and \
                self.attached(index, index + 1):
            index += 1
        before = _unit_word(tokens[index], self.running)
        if before is not None and before != "percent" and self.joined(index, index + 1) and \
                tokens[index + 1].kind == "number" and (
                    tokens[index].kind == "symbol" or tokens[index].word.isupper()
                    or not self.running):
            unit = before
            index += 1
        elif index != start:
            return None, start + 1
        value = self.value(index)
        if value is None:
            return None, start + 1
        (numerator, decimals), following, lone_one = value
        last = following - 1
        # A unit after it: 35 миллиардов долларов США, 77 percent, 10 лет.
        if unit is None and self.joined(last, following, hyphen=False):
            unit, following = self.unit_after(following)
        if lone_one and unit is None:
            return None, start + 1
        first, end = tokens[start].start, tokens[following - 1].end
        number: int | float = numerator // 10**decimals if numerator % 10**decimals == 0 \
            else numerator / 10**decimals
        return NumberPhrase(number, unit, first, end, self.text[first:end]), following

    def value(self, index: int) -> tuple[tuple[int, int], int, bool] | None:
        """The number written from token ``index``: ``((numerator, decimals), the token
        after it, whether it is a lone "one")``; ``None`` if none starts there."""
        tokens = self.tokens
        token = tokens[index]
        total, current, decimals = 0, 0, 0  # as numerators over 10**decimals
        words = 0
        last_small: int | None = None

        def add(numerator: int, places: int) -> None:
            nonlocal total, current, decimals
            if places > decimals:
                total *= 10 ** (places - decimals)
                current *= 10 ** (places - decimals)
                decimals = places
            current += numerator * 10 ** (decimals - places)

        if token.kind == "number":
            numerator, places = _decimal(token.word)
            if numerator is None:
                return None
            add(numerator, places)
            position = index + 1
            # Multipliers: 35 млрд, 35bn, 2,5 трлн, 1.5 million; at most two (тыс. млрд),
            # so that a run of them cannot make a number of a million digits.
            while position < len(tokens) and position - index <= _MAX_SCALES and \
                    self.joined(position - 1, position, hyphen=False):
                scale = _scale(tokens[position], self.attached(position - 1, position))
                if scale is None:
                    break
                current *= scale
                position += 1
            return (current, decimals), position, False
        if token.kind != "word":
            return None
        position = index
        if token.key == "a" and index + 1 < len(tokens) and (
                tokens[index + 1].key in _HUNDRED or _scale(tokens[index + 1], False)) and \
                self.joined(index, index + 1, hyphen=False):
            add(1, 0)
            position += 1
            words += 1
            last_small = 1
        elif token.key == "half" and index + 2 < len(tokens) and tokens[index + 1].key == "a" \
                and _scale(tokens[index + 2], False) and self.joined(index, index + 1) and \
                self.joined(index + 1, index + 2):
            add(5, 1)  # half a million
            position += 2
            words += 2
            last_small = -1
        elif token.key in _HALVES:
            add(_HALVES[token.key], 0)  # полмиллиона
            return (total + current, decimals), index + 1, False
        elif token.key in _STARTING_SCALES:
            pass
        elif token.key not in _SMALL:
            return None
        while position < len(tokens):
            if position > index and not self.joined(position - 1, position):
                break
            word = tokens[position]
            key = word.key
            small = _SMALL.get(key) if word.kind == "word" else None
            if small is not None:
                value = small[0] // 10 if small[0] % 10 == 0 else None
                if last_small is not None and not _follows(last_small, value):
                    break
                add(*small)
                last_small = value if value is not None else -1  # полтора: nothing after
            elif key in _HUNDRED and last_small is not None and last_small < 100:
                current *= 100
                last_small = 100
            elif key == "and" and last_small == 100 and position + 1 < len(tokens) and \
                    tokens[position + 1].key in _SMALL:
                pass
            else:
                scale = _scale(word, False) if word.kind == "word" else None
                if scale is None:
                    break
                if current == 0 and key not in _STARTING_SCALES:
                    break
                total += (current or 10**decimals) * scale
                current = 0
                last_small = None
            words += 1
            position += 1
        if words == 0:
            return None
        lone_one = words == 1 and token.key in _ONES
        return (total + current, decimals), position, lone_one

    def unit_after(self, index: int) -> tuple[str | None, int]:
        """The unit named at token ``index``, and the token after it."""
        tokens = self.tokens
        if index >= len(tokens):
            return None, index
        token = tokens[index]
        if index + 1 < len(tokens) and self.joined(index, index + 1, hyphen=False):
            following = tokens[index + 1]
            pair = _UNIT_PAIRS.get((token.key, _unit_word(following, False) or following.key))
            if pair is not None:
                return pair, index + 2
        unit = _unit_word(token, self.running)
        if unit is None:
            return None, index
        index += 1
        if index < len(tokens) and self.joined(index - 1, index, hyphen=False) and \
                tokens[index].key in _UNIT_AFTER.get(unit, ()):
            index += 1
        return unit, index


def _follows(last: int, value: int | None) -> bool:
    """Whether a number word of ``value`` may follow one of ``last`` in one number:
    hundreds before tens or units, tens (from twenty) before units."""
    if value is None or value == 0:
        return False
    if last >= 100 and last % 100 == 0:
        return value < 100
    return 20 <= last < 100 and last % 10 == 0 and value < 10


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
