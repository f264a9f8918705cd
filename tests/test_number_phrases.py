"""Numbers as written in Russian and English news are read with their multiplier and unit."""

from __future__ import annotations

import pytest

from briefing.number_phrases import (
    UNITS,
    NumberPhrase,
    UnitReading,
    format_value,
    read_number,
    read_numbers,
    read_unit,
    same_value,
)

PHRASES: list[tuple[str, int | float, str | None]] = [
    # The forms of the issue.
    ("35 миллиардов долларов", 35_000_000_000, "USD"),
    ("35 млрд", 35_000_000_000, None),
    ("$35 bn", 35_000_000_000, "USD"),
    ("€12 billion", 12_000_000_000, "EUR"),
    ("2,5 трлн тенге", 2_500_000_000_000, "KZT"),
    ("1.5 million tons", 1_500_000, "t"),
    ("29 приоритетных направлений", 29, None),
    ("10 лет", 10, "year"),
    ("77 percent", 77, "percent"),
    # Thousands grouped by spaces, commas and points; decimal commas and points.
    ("35 000", 35_000, None),
    ("35\u00a0000", 35_000, None),
    ("35\u202f000\u202f000", 35_000_000, None),
    ("35,000", 35_000, None),
    ("1,234,567", 1_234_567, None),
    ("35,000.5", 35_000.5, None),
    ("1.500.000", 1_500_000, None),
    ("1.500.000,5", 1_500_000.5, None),
    ("2,5", 2.5, None),
    ("0,75", 0.75, None),
    ("3.14", 3.14, None),
    ("35 000,5 тенге", 35_000.5, "KZT"),
    # Words.
    ("два миллиарда", 2_000_000_000, None),
    ("twelve", 12, None),
    ("двенадцать", 12, None),
    ("twenty-five", 25, None),
    ("one hundred and five", 105, None),
    ("five hundred thousand", 500_000, None),
    ("a million", 1_000_000, None),
    ("сто двадцать пять тысяч", 125_000, None),
    ("тысяча", 1_000, None),
    ("полтора миллиарда", 1_500_000_000, None),
    ("двадцати пяти процентов", 25, "percent"),
    ("пятьсот", 500, None),
    ("девяноста", 90, None),
    ("three million people", 3_000_000, None),
    ("один процент", 1, "percent"),
    ("one million", 1_000_000, None),
    # Multipliers and currencies around the number.
    ("US$ 5 million", 5_000_000, "USD"),
    ("USD 35 billion", 35_000_000_000, "USD"),
    ("35 billion US dollars", 35_000_000_000, "USD"),
    ("35 миллиардов долларов США", 35_000_000_000, "USD"),
    ("35 млрд долл.", 35_000_000_000, "USD"),
    ("35bn", 35_000_000_000, None),
    ("$35m", 35_000_000, "USD"),
    ("12 тыс. тонн", 12_000, "t"),
    ("2 млн т", 2_000_000, "t"),
    ("£3 billion", 3_000_000_000, "GBP"),
    ("₸500", 500, "KZT"),
    ("100 рублей", 100, "RUB"),
    ("7 евро", 7, "EUR"),
    ("77%", 77, "percent"),
    ("77 %", 77, "percent"),
    ("77 per cent", 77, "percent"),
    ("15 процентов", 15, "percent"),
    ("300 км", 300, "km"),
    ("6 months", 6, "month"),
    ("3 дня", 3, "day"),
    ("2 years", 2, "year"),
    ("4,2 млрд юаней", 4_200_000_000, "CNY"),
    ("5 трлн", 5_000_000_000_000, None),
    ("half a million", 500_000, None),
    ("полмиллиарда долларов", 500_000_000, "USD"),
    ("$1.2tn", 1_200_000_000_000, "USD"),
    ("12,5%", 12.5, "percent"),
    ("5 тыс. км", 5_000, "km"),
    ("€ 12,5 млрд", 12_500_000_000, "EUR"),
    ("семи миллиардов евро", 7_000_000_000, "EUR"),
    ("двести пятьдесят тысяч тонн", 250_000, "t"),
]


@pytest.mark.parametrize(("text", "value", "unit"), PHRASES, ids=[p[0] for p in PHRASES])
def test_a_phrase_is_read_as_one_number_with_its_unit(
    text: str, value: int | float, unit: str | None
) -> None:
    phrases = read_numbers(text)
    assert len(phrases) == 1, phrases
    phrase = phrases[0]
    assert (phrase.value, phrase.unit) == (value, unit)
    assert text[phrase.start:phrase.end] == phrase.text
    assert type(phrase.value) is type(value)  # whole numbers stay exact integers
    assert unit is None or unit in UNITS


def test_there_are_at_least_forty_phrases() -> None:
    assert len(PHRASES) >= 40


def test_the_numbers_of_a_sentence_are_found_where_they_are_written() -> None:
    text = ("Казахстан вложил 35 миллиардов долларов США за 10 лет, а транспорт – "
            "одно из 29 направлений.")
    phrases = read_numbers(text)
    assert [(p.value, p.unit, p.text) for p in phrases] == [
        (35_000_000_000, "USD", "35 миллиардов долларов США"),
        (10, "year", "10 лет"),
        (29, None, "29"),
    ]
    assert all(text[p.start:p.end] == p.text for p in phrases)


@pytest.mark.parametrize("text", [
    "одним из приоритетов", "one of the areas", "the A320 and B737", "нет чисел здесь", "",
    "million", "миллионы людей", "сумма", "try harder",
])
def test_text_without_a_number_gives_none(text: str) -> None:
    assert read_numbers(text) == []


def test_read_number_wants_the_whole_text_to_be_one_number() -> None:
    assert read_number("35 and 40") is None
    assert read_number("about 35") is None
    assert read_number("  35 млрд ") == NumberPhrase(35_000_000_000, None, 2, 9, "35 млрд")
    assert read_number("usd 5") == NumberPhrase(5, "USD", 0, 5, "usd 5")  # any case here


def test_a_range_or_a_list_is_several_numbers() -> None:
    assert [p.value for p in read_numbers("2020–2025 и 1, 2 и 3")] == [2020, 2025, 1, 2, 3]


def test_a_currency_code_in_running_text_must_be_in_capitals() -> None:
    assert [p.unit for p in read_numbers("5 USD, then try 5 try")] == ["USD", None]


@pytest.mark.parametrize(("text", "reading"), [
    ("USD", UnitReading("USD", 1)),
    ("usd", UnitReading("USD", 1)),
    ("долларов США", UnitReading("USD", 1)),
    ("US dollars", UnitReading("USD", 1)),
    ("млрд долларов", UnitReading("USD", 10**9)),
    ("bn USD", UnitReading("USD", 10**9)),
    ("million tons", UnitReading("t", 10**6)),
    ("тыс. тонн", UnitReading("t", 10**3)),
    ("%", UnitReading("percent", 1)),
    ("лет", UnitReading("year", 1)),
    ("тенге", UnitReading("KZT", 1)),
    ("миллиардов", UnitReading(None, 10**9)),
    ("направлений", None),
    ("areas", None),
    ("", None),
])
def test_a_units_name_says_its_unit_and_multiplier(text: str, reading: UnitReading | None) -> None:
    assert read_unit(text) == reading


def test_values_compare_and_show_as_plain_numbers() -> None:
    assert same_value(35_000_000_000, 35e9)
    assert same_value(0.1 + 0.2, 0.3)
    assert not same_value(35, 36)
    assert [format_value(v) for v in (35_000_000_000, 35e9, 2.5)] == [
        "35000000000", "35000000000", "2.5"]


def test_a_decimal_value_compares_and_shows_as_written() -> None:
    from decimal import Decimal

    assert same_value(Decimal("35E+9"), 35_000_000_000)
    assert same_value(Decimal("2.5"), 2.5)
    assert not same_value(Decimal("53000000000"), 35_000_000_000)
    assert format_value(Decimal("35E+9")) == "35000000000"
    assert format_value(Decimal("2.50")) == "2.50"


def test_hostile_runs_of_digits_or_multipliers_are_read_without_harm() -> None:
    assert read_numbers("1" * 5000) == []
    assert read_numbers("5," + "1" * 5000) == []
    (phrase,) = read_numbers("5 " + "млрд " * 3000)[:1]
    assert phrase.value == 5 * 10**18 and phrase.text == "5 млрд млрд"
    assert format_value(read_numbers("9" * 30 + " трлн")[0].value) == "9" * 30 + "0" * 12
