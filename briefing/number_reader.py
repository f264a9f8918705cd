"""Reading the number phrases of a text, token by token: digits or number words, with
a multiplier and a currency or unit before or after them.

:class:`NumberPhrase` is what is read; :mod:`briefing.number_phrases` holds the
public functions that read (and the rules they follow), the word tables are in
:mod:`briefing.number_words`. Only ``re`` is imported, so that ``briefing check``
stays quick.
"""

from __future__ import annotations

import re

from .number_words import (
    _ABBREVIATIONS,
    _ATTACHED_ONLY,
    _CODES,
    _HALVES,
    _HUNDRED,
    _ONES,
    _SCALE_STEMS,
    _SCALES,
    _SMALL,
    _STARTING_SCALES,
    _SYMBOLS,
    _UNIT_AFTER,
    _UNIT_PAIRS,
    _UNIT_STEMS,
    _UNIT_WORDS,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from .records import NamedTuple


class NumberPhrase(NamedTuple):
    """One number as written in a text, read."""

    value: int | float
    """The number, multiplier applied; an ``int`` when it is whole."""
    unit: str | None
    """Its currency or unit by code (see :data:`.number_words.UNITS`); ``None`` when none
    is said."""
    start: int
    """Where the phrase starts in the text read."""
    end: int
    """Where it ends (exclusive)."""
    text: str
    """The phrase as written."""

    def __str__(self) -> str:
        return self.text


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
    """Lower case, ``ё`` as ``е``: how the tables of :mod:`.number_words` spell it."""


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

