"""The words numbers are written with, in Russian and English: number words below a
thousand, multipliers, currencies and units, as tables for
:mod:`briefing.number_reader`.

A word is looked up in lower case with ``ё`` as ``е``. :data:`UNITS` names every
unit code a phrase may have. No import at all, so that ``briefing check`` stays
quick.
"""

from __future__ import annotations

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
