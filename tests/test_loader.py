"""Tests of the briefing loader: the format contract, YAML rules, limits and the
messages an author sees.

Messages are asserted as the exact ``FILE:LINE:COLUMN: message`` strings the
user reads (``str(problem)``), so that their wording is pinned. Most tests run
twice, through the ``parser`` fixture: with libyaml's C parser and with the
pure-Python fallback.
"""

from __future__ import annotations

import os
import re
import socket
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import yaml_tree
from briefing.errors import BriefingError, Problem
from briefing.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_NUMBER_DIGITS,
    MAX_PROBLEMS,
)
from briefing.loader import load, loads, read_article, too_large
from briefing.model import (
    Briefing,
    Figure,
    PartialDate,
    ParticipantKind,
    Priority,
    Statement,
    Text,
)

from .conftest import WriteBriefing

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "kazinform-eurasian-connectivity.yaml"
ARTICLE = DATA / "kazinform-eurasian-connectivity.ru.txt"

HEAD = "briefing: 1\ntitle: T\nsummary: S\n"
"""The smallest valid briefing: three lines, so that what a test adds starts on line 4."""

C_AVAILABLE = hasattr(yaml, "CSafeLoader")
PARSERS = ["libyaml", "python"]


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with libyaml's C parser, then with the pure-Python fallback."""
    if request.param == "libyaml" and not C_AVAILABLE:
        pytest.skip("libyaml is not installed")
    monkeypatch.setattr(yaml_tree, "C_PARSER_AVAILABLE", request.param == "libyaml")
    return str(request.param)


def use_parser(name: str) -> None:
    """Switch parser inside a test (the parity tests compare both)."""
    yaml_tree.C_PARSER_AVAILABLE = name == "libyaml" and C_AVAILABLE


@pytest.fixture
def restore_parser() -> Iterator[None]:
    saved = yaml_tree.C_PARSER_AVAILABLE
    yield
    yaml_tree.C_PARSER_AVAILABLE = saved


def problems(data: str | bytes, file: str = "b.yaml") -> list[str]:
    """The messages ``loads`` raises for ``data``, as the user reads them."""
    with pytest.raises(BriefingError) as info:
        loads(data.encode("utf-8") if isinstance(data, str) else data, file)
    return [str(problem) for problem in info.value.problems]


def file_problems(path: Path | str) -> list[str]:
    with pytest.raises(BriefingError) as info:
        load(path)
    return [str(problem) for problem in info.value.problems]


def read(text: str) -> Briefing:
    return loads(text.encode("utf-8"), "b.yaml")


INTERNALS = (
    "Traceback",
    "yaml.",
    "tag:yaml.org",
    "ScannerError",
    "ParserError",
    "ReaderError",
    "YAMLError",
    "<block end>",
    "<stream end>",
    "<scalar>",
    "<document start>",
    "libyaml",
    "Mark",
    "NoneType",
    "Exception",
)


def assert_plain_words(messages: list[str]) -> None:
    for message in messages:
        for internal in INTERNALS:
            assert internal not in message, message


# ---------------------------------------------------------------------------
# The contract: every field


FULL = """\
briefing: 1
title: {ru: Заголовок, en: Headline}
language: ru
date: 2025-05
location: Астана
x-top: kept
source:
  outlet: Kazinform
  attribution: {ru: МИД, en: MFA}
  url: https://example.org/a
  published: 2025-05-17
  text: article.txt
  x-source: 1
summary: |
  First paragraph.

  Second paragraph.
participants:
  - id: isetov
    name: {ru: Арман Исетов, en: Arman Isetov}
    role: Deputy Minister
    organization: MFA
    country: no
    kind: person
    notes: Spoke.
    x-seat: 3
  - name: EU
    kind: group
priorities:
  - sector: Transport
    summary: Roads.
    initiatives: [Middle Corridor, {ru: Порты, en: Ports}]
    evidence: "roads «and» ports"
figures:
  - label: Investment
    value: 35000000000
    unit: USD
    display: "$35 bn"
    period: last decade
    note: A note.
    evidence: 35 billion
statements:
  - by: isetov
    text: Said it.
    evidence: he said
  - by: Arman Isetov
    text: Said more.
  - by: EU
    text: Agreed.
timeline:
  - date: 2015-12-21
    event: Agreement signed.
    x-note: {a: [b, c]}
outcomes:
  - Agreed to continue.
tags: [transport, eu]
"""


@pytest.mark.usefixtures("parser")
class TestContract:
    def test_minimal_briefing(self) -> None:
        briefing = read(HEAD)
        assert briefing.version == 1
        assert briefing.title == Text({"en": "T"}, "en")
        assert briefing.summary.get() == "S"
        assert briefing.language == "en"
        assert briefing.date is None and briefing.location is None and briefing.source is None
        assert briefing.participants == () and briefing.statements == ()
        assert briefing.outcomes == () and briefing.timeline == ()
        assert briefing.tags == () and dict(briefing.extensions) == {}
        assert briefing.path is None

    def test_every_field_is_read(self, write_briefing: WriteBriefing) -> None:
        write_briefing("the article", name="article.txt")
        path = write_briefing(FULL)
        b = load(path)
        assert b.title.values == {"ru": "Заголовок", "en": "Headline"}
        assert b.language == "ru"
        assert b.date == PartialDate(2025, 5) and str(b.date) == "2025-05"
        assert b.location == Text({"ru": "Астана"}, "ru")
        assert b.extensions == {"x-top": "kept"}
        assert b.path == path.resolve()
        source = b.source
        assert source is not None
        assert source.outlet == Text({"ru": "Kazinform"}, "ru")
        assert source.attribution is not None and source.attribution.get("en") == "MFA"
        assert source.url == "https://example.org/a"
        assert source.published == PartialDate(2025, 5, 17)
        assert source.text == "article.txt"
        assert source.extensions == {"x-source": "1"}
        assert b.source_text_path == path.resolve().parent / "article.txt"
        assert b.summary.get() == "First paragraph.\n\nSecond paragraph.\n"
        isetov, eu = b.participants
        assert isetov.id == "isetov"
        assert isetov.name.get("en") == "Arman Isetov"
        assert isetov.role == Text({"ru": "Deputy Minister"}, "ru")
        assert isetov.organization is not None and isetov.organization.get() == "MFA"
        assert isetov.country is not None and isetov.country.get() == "no"
        assert isetov.kind is ParticipantKind.PERSON
        assert isetov.notes is not None and isetov.notes.get() == "Spoke."
        assert isetov.extensions == {"x-seat": "3"}
        assert eu.id is None and eu.kind is ParticipantKind.GROUP
        (priority,) = b.priorities
        assert priority.sector.get() == "Transport"
        assert priority.summary is not None and priority.summary.get() == "Roads."
        assert [t.get("en") for t in priority.initiatives] == ["Middle Corridor", "Ports"]
        assert priority.evidence == "roads «and» ports"
        (figure,) = b.figures
        assert figure.label.get() == "Investment"
        assert figure.value == Decimal(35_000_000_000)
        assert figure.unit is not None and figure.unit.get() == "USD"
        assert figure.display == "$35 bn"
        assert figure.period == "last decade"
        assert figure.note is not None and figure.note.get() == "A note."
        assert figure.evidence == "35 billion"
        first, second, third = b.statements
        speaker = b.participants.__getitem__
        assert first.by == "isetov" and first.speaker is not None
        assert speaker(first.speaker) is isetov
        assert first.text.get() == "Said it." and first.evidence == "he said"
        assert second.speaker is not None and third.speaker is not None
        assert speaker(second.speaker) is isetov  # by a name (here the English one)
        assert speaker(third.speaker) is eu and third.evidence is None
        (entry,) = b.timeline
        assert entry.date == PartialDate(2015, 12, 21)
        assert entry.event.get() == "Agreement signed."
        assert entry.extensions == {"x-note": {"a": ["b", "c"]}}
        assert [t.get() for t in b.outcomes] == ["Agreed to continue."]
        assert b.tags == ("transport", "eu")

    def test_text_as_a_string_takes_the_briefing_language(self) -> None:
        b = read("briefing: 1\nlanguage: kk\ntitle: Тақырып\nsummary: S\n")
        assert b.title == Text({"kk": "Тақырып"}, "kk")

    def test_text_as_a_language_map_keeps_file_order(self) -> None:
        b = read("briefing: 1\ntitle:\n  en: E\n  ru: R\n  zh-Hant: Z\nsummary: S\n")
        assert list(b.title.values) == ["en", "ru", "zh-Hant"]
        assert b.title.get() == "E" and b.title.get("ru") == "R"

    def test_text_may_be_a_quoted_or_block_string(self) -> None:
        b = read("briefing: 1\ntitle: 'It''s: fine'\nsummary: >\n  folded\n  text\n")
        assert b.title.get() == "It's: fine"
        assert b.summary.get() == "folded text\n"

    @pytest.mark.parametrize(
        ("written", "expected"),
        [
            ("2025", PartialDate(2025)),
            ("2025-05", PartialDate(2025, 5)),
            ("2025-05-17", PartialDate(2025, 5, 17)),
            ("2024-02-29", PartialDate(2024, 2, 29)),
            ('"2025-01"', PartialDate(2025, 1)),
        ],
    )
    def test_partial_dates(self, written: str, expected: PartialDate) -> None:
        b = read(HEAD + f"date: {written}\ntimeline:\n  - date: {written}\n    event: e\n")
        assert b.date == expected
        assert b.timeline[0].date == expected
        assert str(b.date) == written.strip('"')

    @pytest.mark.parametrize(
        "written",
        [
            "25-01-01",
            "2025-1-5",
            "2025/01/01",
            "20250101",
            "2025-01-01T10:00",
            "May 2025",
            "２０２５",
        ],
    )
    def test_invalid_dates_are_refused(self, written: str) -> None:
        assert problems(HEAD + f"date: {written}\n") == [
            f"b.yaml:4:7: `date` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
            f"not {written!r}"
        ]

    @pytest.mark.parametrize(
        ("written", "why"),
        [
            ("2025-13", "there is no month 13 (months run from 01 to 12)"),
            ("2025-13-01", "there is no month 13 (months run from 01 to 12)"),
            ("2025-00", "there is no month 00 (months run from 01 to 12)"),
            ("2025-02-30", "February 2025 has no day 30 (it has 28 days)"),
            ("2023-02-29", "February 2023 has no day 29 (it has 28 days)"),
            ("2025-04-31", "April 2025 has no day 31 (it has 30 days)"),
            ("2025-01-00", "January 2025 has no day 00 (it has 31 days)"),
            ("0000", "there is no year 0000 (years start at 0001)"),
            ("0000-01-01", "there is no year 0000 (years start at 0001)"),
            ('"2025-02-30"', "February 2025 has no day 30 (it has 28 days)"),
        ],
    )
    def test_dates_that_do_not_exist_say_why(self, written: str, why: str) -> None:
        assert problems(HEAD + f"date: {written}\n") == [
            f"b.yaml:4:7: `date` is not a real date: {why}"
        ]

    def test_invalid_dates_in_items_are_refused(self) -> None:
        text = (
            HEAD + "source:\n  published: 2025-13\ntimeline:\n  - date: 2025-02-30\n    event: e\n"
        )
        assert problems(text) == [
            "b.yaml:5:14: `published` is not a real date: there is no month 13 (months run "
            "from 01 to 12)",
            "b.yaml:7:11: `date` is not a real date: February 2025 has no day 30 (it has 28 days)",
        ]

    def test_extensions_are_kept_and_never_an_error(self) -> None:
        text = HEAD + (
            "x-review: {by: me, score: 5, list: [1, yes]}\n"
            "x-: empty name\n"
            "x-Odd Key!: v\n"
            "participants:\n  - name: A\n    x-internal: true\n"
            "figures:\n  - label: L\n    value: 1\n    x-source-row: 12\n"
            "statements:\n  - by: A\n    text: t\n    x-checked: no\n"
            "priorities:\n  - sector: S\n    x-rank: 1\n"
        )
        b = read(text)
        assert b.extensions == {
            "x-review": {"by": "me", "score": "5", "list": ["1", "yes"]},
            "x-": "empty name",
            "x-Odd Key!": "v",
        }
        assert b.participants[0].extensions == {"x-internal": "true"}
        assert b.figures[0].extensions == {"x-source-row": "12"}
        assert b.statements[0].extensions == {"x-checked": "no"}
        assert b.priorities[0].extensions == {"x-rank": "1"}

    def test_items_without_extensions_have_none(self) -> None:
        b = read(HEAD + "participants:\n  - name: A\n")
        assert dict(b.participants[0].extensions) == {}

    @pytest.mark.parametrize("language", ["ru", "en", "kk", "tr", "zh-Hant", "en-GB", "fil"])
    def test_valid_languages(self, language: str) -> None:
        assert read(HEAD + f"language: {language}\n").language == language

    @pytest.mark.parametrize("language", ["russian", "r", "en_GB", "12", "ru-", '""'])
    def test_invalid_language(self, language: str) -> None:
        written = language.strip('"')
        assert problems(HEAD + f"language: {language}\n") == [
            f"b.yaml:4:11: `language` must be a language tag such as `ru` or `en`, not {written!r}"
        ]

    @pytest.mark.parametrize("kind", ["person", "delegation", "organization", "group"])
    def test_participant_kinds(self, kind: str) -> None:
        b = read(HEAD + f"participants:\n  - name: A\n    kind: {kind}\n")
        assert b.participants[0].kind is ParticipantKind(kind)

    def test_participant_kind_misspelt(self) -> None:
        assert problems(HEAD + "participants:\n  - name: A\n    kind: persn\n") == [
            "b.yaml:6:11: `kind` must be one of person, delegation, organization, group, "
            "not 'persn'; did you mean `person`?"
        ]

    def test_participant_id_must_be_a_slug(self) -> None:
        assert problems(HEAD + "participants:\n  - name: A\n    id: Isetov A\n") == [
            "b.yaml:6:9: `id` must be a short id of lowercase letters, digits and hyphens "
            "(e.g. `isetov`), not 'Isetov A'"
        ]


# ---------------------------------------------------------------------------
# `by` references


PEOPLE = (
    HEAD
    + """\
participants:
  - id: isetov
    name: {ru: Арман Исетов, en: Arman Isetov}
  - id: eu
    name: European Union
statements:
"""
)


@pytest.mark.usefixtures("parser")
class TestReferences:
    @pytest.mark.parametrize("by", ["isetov", "Арман Исетов", "Arman Isetov"])
    def test_by_id_or_any_language_name(self, by: str) -> None:
        b = read(PEOPLE + f"  - by: {by}\n    text: t\n")
        assert b.statements[0].speaker == 0

    def test_by_an_unknown_speaker_suggests_the_closest(self) -> None:
        assert problems(PEOPLE + "  - by: isetv\n    text: t\n") == [
            "b.yaml:10:9: `by: isetv` names no participant; use the `id` or name of one "
            "listed in `participants`; did you mean `isetov`?"
        ]

    def test_by_a_misspelt_name_suggests_the_name(self) -> None:
        assert problems(PEOPLE + "  - by: Arman Isetow\n    text: t\n") == [
            "b.yaml:10:9: `by: Arman Isetow` names no participant; use the `id` or name of "
            "one listed in `participants`; did you mean `Arman Isetov`?"
        ]

    def test_by_nothing_close(self) -> None:
        assert problems(PEOPLE + "  - by: somebody else\n    text: t\n") == [
            "b.yaml:10:9: `by: somebody else` names no participant; use the `id` or name of "
            "one listed in `participants`"
        ]

    def test_by_without_participants(self) -> None:
        assert problems(HEAD + "statements:\n  - by: isetov\n    text: t\n") == [
            "b.yaml:5:9: `by: isetov` names no participant; use the `id` or name of one "
            "listed in `participants`"
        ]

    def test_unknown_by_is_placed_on_its_own_statement(self) -> None:
        # The first statement is incomplete; the second's problem is still on its line.
        text = PEOPLE + "  - by: isetov\n  - by: nobody\n    text: t\n"
        assert problems(text) == [
            "b.yaml:10:5: a statement needs `text`: what was said, reported or quoted",
            "b.yaml:11:9: `by: nobody` names no participant; use the `id` or name of one "
            "listed in `participants`",
        ]

    def test_a_reference_to_a_faulty_participant_is_not_reported_twice(self) -> None:
        text = HEAD + "participants:\n  - id: isetov\nstatements:\n  - by: isetov\n    text: t\n"
        assert problems(text) == [
            "b.yaml:5:5: a participant needs `name`: name of the person or body"
        ]

    def test_a_reference_to_a_malformed_id_is_still_reported(self) -> None:
        # Correcting the id to `isetov` will not make `by: Isetov` right.
        text = (
            HEAD + "participants:\n  - name: Arman Isetov\n    id: Isetov\n"
            "statements:\n  - by: Isetov\n    text: t\n"
        )
        assert problems(text) == [
            "b.yaml:6:9: `id` must be a short id of lowercase letters, digits and hyphens "
            "(e.g. `isetov`), not 'Isetov'",
            "b.yaml:8:9: `by: Isetov` names no participant; use the `id` or name of one "
            "listed in `participants`; did you mean `Arman Isetov`?",
        ]

    def test_duplicate_participant_ids(self) -> None:
        text = (
            HEAD
            + "participants:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: a, name: C}\n"
        )
        assert problems(text) == [
            "b.yaml:7:10: id `a` is used by another participant above; ids must be unique"
        ]

    def test_references_are_checked_even_when_a_required_key_is_missing(self) -> None:
        text = (
            "briefing: 1\nsummary: S\nparticipants:\n  - {id: a, name: A}\n"
            "  - {id: a, name: B}\nstatements:\n  - {by: zz, text: t}\n"
        )
        assert problems(text) == [
            "b.yaml:1:1: a briefing needs `title`: headline",
            "b.yaml:5:10: id `a` is used by another participant above; ids must be unique",
            "b.yaml:7:10: `by: zz` names no participant; use the `id` or name of one listed "
            "in `participants`",
        ]


# ---------------------------------------------------------------------------
# How YAML is read: types come from the contract


@pytest.mark.usefixtures("parser")
class TestYamlTypes:
    @pytest.mark.parametrize(
        ("line", "check"),
        [
            ("title: yes", lambda b: b.title.get() == "yes"),
            ("title: 123", lambda b: b.title.get() == "123"),
            ('title: "null"', lambda b: b.title.get() == "null"),
            ("title: '~'", lambda b: b.title.get() == "~"),
            ("title: nULL", lambda b: b.title.get() == "nULL"),
            ("title: ~~", lambda b: b.title.get() == "~~"),
            ("title: 2025-01-01", lambda b: b.title.get() == "2025-01-01"),
            ("title: 0x1F", lambda b: b.title.get() == "0x1F"),
            ("title: 1e3", lambda b: b.title.get() == "1e3"),
            ("title: .inf", lambda b: b.title.get() == ".inf"),
            ("title: 'true'", lambda b: b.title.get() == "true"),
        ],
    )
    def test_text_stays_literal(self, line: str, check: Callable[[Briefing], bool]) -> None:
        assert check(read(f"briefing: 1\n{line}\nsummary: S\n"))

    def test_literal_text_in_items(self) -> None:
        b = read(
            "briefing: 1\ntitle: T\nsummary: on\n"
            "participants:\n  - name: No\n    country: no\n    role: 1:30\n    notes: off\n"
            "tags: [yes, no, 1, 1.5, 'null']\n"
            "figures:\n  - {label: L, value: 1, display: 1e3, period: 2015-2025, evidence: 12}\n"
        )
        assert b.summary.get() == "on"
        (participant,) = b.participants
        assert participant.country is not None and participant.country.get() == "no"
        assert participant.role is not None and participant.role.get() == "1:30"
        assert participant.notes is not None and participant.notes.get() == "off"
        assert b.tags == ("yes", "no", "1", "1.5", "null")
        figure = b.figures[0]
        assert (figure.display, figure.period, figure.evidence) == ("1e3", "2015-2025", "12")

    @pytest.mark.parametrize(
        ("written", "value"),
        [
            ("35000000000", "35000000000"),
            ("35_000", "35000"),
            ("29", "29"),
            ("0", "0"),
            ("-3", "-3"),
            ("+4", "4"),
            ("2.5", "2.5"),
            ("2.50", "2.50"),
            (".5", "0.5"),
            ("0.1", "0.1"),
            ("1_000.25", "1000.25"),
            ("3.5e10", "3.5E+10"),
            ("1E3", "1E+3"),
            ("1e21", "1E+21"),
            ("12345678901234567890", "12345678901234567890"),
            ("-0.000001", "-0.000001"),
            ("9" * MAX_NUMBER_DIGITS, "9" * MAX_NUMBER_DIGITS),
        ],
    )
    def test_numbers(self, written: str, value: str) -> None:
        """A value is the decimal written, digit for digit: no float rounds it."""
        b = read(HEAD + f"figures:\n  - label: L\n    value: {written}\n")
        assert isinstance(b.figures[0].value, Decimal)
        assert str(b.figures[0].value) == value

    @pytest.mark.parametrize(
        ("written", "message"),
        [
            (".nan", "`value` must be a finite number, not .nan"),
            (".NaN", "`value` must be a finite number, not .NaN"),
            (".inf", "`value` must be a finite number, not .inf"),
            ("-.Inf", "`value` must be a finite number, not -.Inf"),
            ("1e999", "`value` is too large a number"),
            ("-1e999", "`value` is too large a number"),
            ("1e-999", "`value` is too small a number; use a smaller unit"),
            ("٣٥", "`value` must be written with the digits 0-9, not '٣٥'"),
            ("３５", "`value` must be written with the digits 0-9, not '３５'"),
            ("3.５e1_0", "`value` must be written with the digits 0-9, not '3.５e1_0'"),
            ("1e٣", "`value` must be written with the digits 0-9, not '1e٣'"),
            ('"35"', "`value` must be a number; remove the quotes around it"),
            ("'2.5'", "`value` must be a number; remove the quotes around it"),
            ("true", "`value` must be a number (e.g. 35000000000 or 2.5), not 'true'"),
            ("0x1F", "`value` must be a number (e.g. 35000000000 or 2.5), not '0x1F'"),
            ("nan", "`value` must be a number (e.g. 35000000000 or 2.5), not 'nan'"),
            ("35 bn", "`value` must be a number (e.g. 35000000000 or 2.5), not '35 bn'"),
            ("$35", "`value` must be a number (e.g. 35000000000 or 2.5), not '$35'"),
            ("12:30", "`value` must be a number (e.g. 35000000000 or 2.5), not '12:30'"),
            (
                "1" * (MAX_NUMBER_DIGITS + 1),
                f"`value` has more than {MAX_NUMBER_DIGITS} digits; write it with an exponent "
                "(e.g. 3.5e10) or a larger unit",
            ),
            ("[1]", "`value` must be a number, not a list"),
            ("{a: 1}", "`value` must be a number, not a mapping"),
        ],
    )
    def test_numbers_refused(self, written: str, message: str) -> None:
        assert problems(HEAD + f"figures:\n  - label: L\n    value: {written}\n") == [
            f"b.yaml:6:12: {message}"
        ]

    def test_a_huge_integer_is_refused_quickly(self) -> None:
        text = HEAD + "figures:\n  - label: L\n    value: " + "7" * 1000 + "\n"
        started = time.perf_counter()
        assert problems(text) == [
            f"b.yaml:6:12: `value` has more than {MAX_NUMBER_DIGITS} digits; write it with an "
            "exponent (e.g. 3.5e10) or a larger unit"
        ]
        assert time.perf_counter() - started < 1

    def test_a_huge_exponent_is_refused_quickly(self) -> None:
        started = time.perf_counter()
        text = HEAD + "figures:\n  - label: L\n    value: 1e" + "9" * 100_000 + "\n"
        assert problems(text) == ["b.yaml:6:12: `value` is too large a number"]
        assert time.perf_counter() - started < 1


# ---------------------------------------------------------------------------
# How YAML is read: what a briefing may not use


@pytest.mark.usefixtures("parser")
class TestYamlRefusals:
    @pytest.mark.parametrize(
        ("value", "tag"),
        [
            ("!!python/object/apply:os.system ['echo hacked']", "!!python/object/apply:os.system"),
            ("!!python/name:os.system ''", "!!python/name:os.system"),
            ("!include other.yaml", "!include"),
            ("!!str 5", "!!str"),
            ("!<tag:example.org,2025:x> y", "tag:example.org,2025:x"),
        ],
    )
    def test_tags(self, value: str, tag: str) -> None:
        messages = problems(HEAD + f"x-a: {value}\n")
        assert messages == [f"b.yaml:4:6: tags ({tag}) are not allowed in a briefing; remove it"]

    def test_a_tag_on_a_list_is_reported_once_with_the_lists_own_problem(self) -> None:
        assert problems(HEAD + "location: !!python/object/apply:os.system ['ls']\n") == [
            "b.yaml:4:11: tags (!!python/object/apply:os.system) are not allowed in a "
            "briefing; remove it",
            "b.yaml:4:11: `location` must be text, or a map of language to text (`en: ...`), "
            "not a list",
        ]

    def test_an_undefined_tag_handle(self) -> None:
        assert problems(HEAD + "location: !e!x y\n") == [
            "b.yaml:4:11: tags (!name) are not allowed in a briefing; if the text starts "
            "with `!`, quote it"
        ]

    def test_anchors_and_aliases(self) -> None:
        text = HEAD + "location: &place Astana\nx-again: *place\nx-list: &l [a]\n"
        assert problems(text) == [
            "b.yaml:4:11: anchors (&place) are not allowed in a briefing; write the value "
            "out in full",
            "b.yaml:5:10: aliases (*place) are not allowed in a briefing; write the value "
            "out in full",
            "b.yaml:6:9: anchors (&l) are not allowed in a briefing; write the value out in full",
        ]

    def test_merge_keys_are_not_merged(self) -> None:
        text = HEAD + "x-base: &b {a: 1}\nsource:\n  <<: *b\n"
        assert problems(text) == [
            "b.yaml:4:9: anchors (&b) are not allowed in a briefing; write the value out in full",
            "b.yaml:6:3: unknown key `<<` in a source",
            "b.yaml:6:7: aliases (*b) are not allowed in a briefing; write the value out in full",
        ]

    def test_duplicate_keys(self) -> None:
        text = (
            "briefing: 1\ntitle: T\nsummary: S\ntitle: U\n"
            "participants:\n  - name: A\n    name: B\n"
            "location: {ru: a, ru: b}\n"
        )
        assert problems(text) == [
            "b.yaml:4:1: duplicate key `title`: it appears above too",
            "b.yaml:7:5: duplicate key `name`: it appears above too",
            "b.yaml:8:19: duplicate key `ru`: it appears above too",
        ]

    def test_several_documents(self) -> None:
        assert problems(HEAD + "---\nbriefing: 1\n") == [
            "b.yaml:4:1: a briefing is one YAML document, but a second one starts here"
        ]

    def test_an_explicit_document_start_is_fine(self) -> None:
        assert read("---\n" + HEAD + "...\n").title.get() == "T"

    def test_a_key_must_be_plain_text(self) -> None:
        assert problems(HEAD + "? [a, b]\n: c\n") == [
            "b.yaml:4:3: a key must be plain text, not a list or mapping"
        ]

    def test_a_complex_key_where_a_value_belongs(self) -> None:
        assert problems(HEAD + "location: ? x\n") == [
            "b.yaml:4:11: `? ` starts a complex key, which a briefing does not use; put the "
            "value in quotes"
        ]

    def test_a_yaml_directive(self) -> None:
        assert problems("%YAML 2.0\n---\n" + HEAD) == [
            "b.yaml:1:1: a line starting with `%` is a YAML directive, which a briefing does "
            "not use; remove it"
        ]

    def test_a_lone_surrogate_escape(self, parser: str) -> None:
        # libyaml refuses it at the escape, PyYAML would make a lone surrogate of it.
        column = 15 if parser == "libyaml" else 11
        assert problems(HEAD + 'location: "a\\ud800b"\n') == [
            f"b.yaml:4:{column}: invalid \\u escape (not a character)"
        ]


# ---------------------------------------------------------------------------
# Encodings


@pytest.mark.usefixtures("parser")
class TestEncoding:
    def test_utf8_with_a_bom(self) -> None:
        assert loads(b"\xef\xbb\xbf" + HEAD.encode(), "b.yaml").title.get() == "T"
        assert loads("\ufeff" + HEAD, "b.yaml").title.get() == "T"

    def test_a_bom_does_not_shift_columns(self) -> None:
        assert problems(b"\xef\xbb\xbf" + (HEAD + "date: 2025-6\n").encode()) == [
            "b.yaml:4:7: `date` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '2025-6'"
        ]

    @pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
    def test_utf16(self, codec: str) -> None:
        data = HEAD.encode(codec)
        if codec == "utf-16":  # with a BOM
            assert problems(data) == ["b.yaml:1:1: the file is UTF-16 text; save it as UTF-8"]
        else:  # without one, the NULs give it away
            column = 2 if codec == "utf-16-le" else 1
            assert problems(data) == [
                f"b.yaml:1:{column}: the file contains a NUL byte here: it is binary data, "
                "not a briefing"
            ]

    def test_latin1(self) -> None:
        data = HEAD.encode() + "location: Café\n".encode("latin-1")
        assert problems(data) == [
            "b.yaml:4:14: the file is not valid UTF-8 here (byte 0xE9); save it as UTF-8"
        ]

    def test_invalid_utf8_after_multibyte_characters_is_placed_by_character(self) -> None:
        data = HEAD.encode() + "location: Қазақстан ".encode() + b"\xff\n"
        assert problems(data) == [
            "b.yaml:4:21: the file is not valid UTF-8 here (byte 0xFF); save it as UTF-8"
        ]

    def test_nul(self) -> None:
        assert problems(HEAD.encode() + b"location: a\x00b\n") == [
            "b.yaml:4:12: the file contains a NUL byte here: it is binary data, not a briefing"
        ]

    def test_a_control_character_after_cyrillic_is_placed_by_character(self) -> None:
        # libyaml reports a byte offset; the message must count characters.
        assert problems(HEAD + "location: Астана\x07\n") == [
            "b.yaml:4:17: character U+0007 is not allowed in YAML text; write it as an "
            "escape inside a double-quoted value"
        ]

    @pytest.mark.parametrize("char", ["\x1b", "\x7f", "\x9b"])
    def test_control_characters(self, char: str) -> None:
        assert problems(HEAD + f"location: a{char}\n") == [
            f"b.yaml:4:12: character U+{ord(char):04X} is not allowed in YAML text; write it "
            "as an escape inside a double-quoted value"
        ]

    def test_escaped_control_characters_are_text(self) -> None:
        assert read(HEAD + 'location: "a\\e[31mb"\n').location == Text({"en": "a\x1b[31mb"}, "en")

    def test_a_lone_surrogate_in_text(self) -> None:
        with pytest.raises(BriefingError) as info:
            loads("briefing: 1\ntitle: \ud800\nsummary: S\n", "b.yaml")
        assert [str(p) for p in info.value.problems] == [
            "b.yaml:2:8: character U+D800 is not allowed in YAML text; write it as an escape "
            "inside a double-quoted value"
        ]

    def test_crlf_line_endings(self) -> None:
        text = (HEAD + "date: 2025-13\nlocation: a: b\n").replace("\n", "\r\n")
        assert problems(text) == [
            "b.yaml:5:12: this value contains ': ', which YAML reads as the start of a new "
            'key; put the whole value in quotes, e.g. title: "Kazakhstan: the EU" (or, if a '
            "new key starts here, fix its indentation)"
        ]
        assert read(HEAD.replace("\n", "\r\n")).summary.get() == "S"


# ---------------------------------------------------------------------------
# Limits


OVER_THE_LIMIT = (
    f"is {MAX_FILE_BYTES + 1:,} bytes; a briefing file may be at most {MAX_FILE_BYTES:,} bytes"
    + (f" ({MAX_FILE_BYTES // 2**20} MiB)" if MAX_FILE_BYTES % 2**20 == 0 else "")
)
"""The message for a file one byte over ``MAX_FILE_BYTES``."""


@pytest.mark.usefixtures("parser")
class TestLimits:
    def test_a_file_over_the_size_limit(self, write_briefing: WriteBriefing) -> None:
        path = write_briefing(HEAD)
        with path.open("r+b") as stream:  # sparse: no 16 MB written
            stream.truncate(MAX_FILE_BYTES + 1)
        assert file_problems(path) == [f"{path}: {OVER_THE_LIMIT}"]

    def test_a_file_at_the_size_limit_is_read(self, write_briefing: WriteBriefing) -> None:
        head = HEAD + "x-padding: "
        path = write_briefing(head + "a" * (MAX_FILE_BYTES - len(head) - 1) + "\n")
        assert path.stat().st_size == MAX_FILE_BYTES
        assert len(load(path).extensions["x-padding"]) == MAX_FILE_BYTES - len(head) - 1

    def test_loads_is_bounded_too(self) -> None:
        assert problems(b" " * (MAX_FILE_BYTES + 1)) == [f"b.yaml: {OVER_THE_LIMIT}"]

    def test_a_file_that_grows_while_it_is_read_is_read_to_the_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        # A file is read by the size fstat gives, then on: what another program
        # appends meanwhile is read (up to the limit), never cut off at that size.
        from briefing import loader

        path = tmp_path / "growing.yaml"
        path.write_bytes(b"x" * 10)
        real_fstat = os.fstat

        def fstat_then_grow(descriptor: int) -> os.stat_result:
            info = real_fstat(descriptor)
            with path.open("ab") as stream:
                stream.write(b"y" * 100_000)
            return info

        monkeypatch.setattr(os, "fstat", fstat_then_grow)
        assert loader.read_bounded(path, 200_000, "briefing") == b"x" * 10 + b"y" * 100_000
        with pytest.raises(BriefingError) as refused:
            loader.read_bounded(path, 150_000, "briefing")
        assert str(refused.value) == (
            f"{path}: is 150,001 bytes; a briefing file may be at most 150,000 bytes")
        data = loader.read_bounded(path, 150_000, "article", cut=True)
        assert data == (b"x" * 10 + b"y" * 300_000)[:150_001]

    def test_sizes_are_written_one_way(self) -> None:
        """In bytes, the size and the limit alike: in MB, one byte over 16 MiB was
        "16.0 MB" against a limit of "16 MB"."""
        assert too_large(16 * 2**20 + 1, 16 * 2**20, "briefing") == (
            "is 16,777,217 bytes; a briefing file may be at most 16,777,216 bytes (16 MiB)")
        assert too_large(None, 4 * 2**20 + 1, "article") == (
            "is more than 4,194,305 bytes; a article file may be at most 4,194,305 bytes")

    def test_flow_nesting_at_the_limit(self) -> None:
        # The top-level mapping is one level; MAX_DEPTH - 1 lists fit inside it.
        depth = MAX_DEPTH - 1
        b = read(HEAD + "x-deep: " + "[" * depth + "]" * depth + "\n")
        assert "x-deep" in b.extensions

    def test_flow_nesting_over_the_limit(self) -> None:
        depth = MAX_DEPTH
        assert problems(HEAD + "x-deep: " + "[" * depth + "]" * depth + "\n") == [
            f"b.yaml:4:{8 + MAX_DEPTH}: nested too deeply (more than {MAX_DEPTH} levels)"
        ]

    @staticmethod
    def nested(keys: int) -> str:
        """``x-deep`` holding ``keys`` nested keys, the last with a value: the top-level
        mapping, x-deep's and those of all keys but the last make ``keys + 1`` levels."""
        lines = "".join("  " * (level + 1) + f"k{level}:\n" for level in range(keys))
        return HEAD + "x-deep:\n" + lines[:-1] + " v\n"

    def test_block_nesting_at_the_limit(self) -> None:
        b = read(self.nested(MAX_DEPTH - 1))
        assert "x-deep" in b.extensions

    def test_block_nesting_over_the_limit(self) -> None:
        # Key k<n> is on line 5 + n, indented 2 * (n + 1); k31 starts the 33rd level.
        assert problems(self.nested(MAX_DEPTH + 5)) == [
            f"b.yaml:{4 + MAX_DEPTH}:{2 * MAX_DEPTH + 1}: nested too deeply "
            f"(more than {MAX_DEPTH} levels)"
        ]

    @pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
    def test_pathological_nesting_is_refused_quickly(self, opener: str) -> None:
        count = min(1_000_000, (MAX_FILE_BYTES - 1) // len(opener))  # within the size limit
        text = opener * count if opener != "- " else "- " * count + "x"
        started = time.perf_counter()
        messages = problems(text)
        assert time.perf_counter() - started < 5
        assert len(messages) == 1
        assert re.fullmatch(
            rf"b\.yaml:1:\d+: nested too deeply \(more than {MAX_DEPTH} levels\)", messages[0]
        )

    def test_a_list_at_the_limit(self) -> None:
        b = read(HEAD + "tags:\n" + "- t\n" * MAX_LIST_ITEMS)
        assert len(b.tags) == MAX_LIST_ITEMS

    def test_a_list_over_the_limit(self) -> None:
        assert problems(HEAD + "tags:\n" + "- t\n" * (MAX_LIST_ITEMS + 3)) == [
            f"b.yaml:{5 + MAX_LIST_ITEMS}:3: a list may hold at most {MAX_LIST_ITEMS:,} items"
        ]

    def test_many_unknown_speakers_do_not_stall_did_you_mean(self) -> None:
        participants = "".join(f"  - {{name: person {i}, id: p{i}}}\n" for i in range(3000))
        statements = "".join(f"  - {{by: person {i}x, text: t}}\n" for i in range(3000))
        text = HEAD + "participants:\n" + participants + "statements:\n" + statements
        started = time.perf_counter()
        messages = problems(text)
        assert time.perf_counter() - started < 10
        assert len(messages) == MAX_PROBLEMS + 1  # and a note that checking stopped
        assert messages[0] == f"b.yaml: checking stopped after {MAX_PROBLEMS:,} problems; " \
            "fix these and check the file again"


# ---------------------------------------------------------------------------
# No value: an unquoted `~`, `null` (`Null`, `NULL`) or nothing at all

NO_VALUES = ["", " ~", " null", " Null", " NULL"]


def _tilde_hint(word: str) -> str:
    what = "character" if word == "~" else "word"
    return f'(`{word}` means no value in YAML; for the {what} itself, write "{word}" in quotes)'


@pytest.mark.usefixtures("parser")
class TestNoValue:
    @pytest.mark.parametrize("written", NO_VALUES)
    def test_an_optional_field_with_no_value_is_left_out(self, written: str) -> None:
        fields = ["language", "date", "location", "source", "participants", "priorities",
                  "figures", "statements", "timeline", "outcomes", "tags"]
        b = read(HEAD + "".join(f"{name}:{written}\n" for name in fields))
        assert b == read(HEAD)
        assert (b.location, b.source, b.participants, b.tags) == (None, None, (), ())

    @pytest.mark.parametrize("written", NO_VALUES)
    def test_optional_fields_of_items_with_no_value_are_left_out(self, written: str) -> None:
        b = read(
            HEAD + "source:\n  outlet: K\n  url:" + written + "\n  text:" + written + "\n"
            "participants:\n"
            f"  - name: A\n    id:{written}\n    role:{written}\n    kind:{written}\n"
            f"  - name: B\n    id:{written}\n"
            f"figures:\n  - label: L\n    value: 1\n    unit:{written}\n    display:{written}\n"
            f"priorities:\n  - sector: S\n    initiatives:{written}\n"
        )
        assert b.source is not None and (b.source.url, b.source.text) == (None, None)
        first, second = b.participants
        assert (first.id, first.role, first.kind, second.id) == (
            None, None, ParticipantKind.PERSON, None)
        assert (b.figures[0].unit, b.figures[0].display) == (None, None)
        assert b.priorities[0].initiatives == ()
        assert "role" not in first.positions  # nothing in the file to point at

    @pytest.mark.parametrize("word", ["~", "null", "Null", "NULL"])
    def test_a_required_text_with_no_value_is_empty(self, word: str) -> None:
        assert problems(f"briefing: 1\ntitle: {word}\nsummary: S\n") == [
            f"b.yaml:2:8: `title` is empty; give it a value {_tilde_hint(word)}"
        ]

    def test_no_value_in_required_fields_of_items(self) -> None:
        text = (
            HEAD + "participants:\n  - name: ~\nfigures:\n  - label: L\n    value: null\n"
            "statements:\n  - by: ~\n    text: t\n"
        )
        assert problems(text) == [
            f"b.yaml:5:11: `name` is empty; give it a value {_tilde_hint('~')}",
            "b.yaml:8:12: `value` is empty; give it a value (`null` means no value in YAML)",
            f"b.yaml:10:9: `by` is empty; give it a value {_tilde_hint('~')}",
        ]

    def test_the_issue_s_file(self) -> None:
        assert problems("briefing: 1\ntitle: ~\nsummary: null\nparticipants: ~\n") == [
            f"b.yaml:2:8: `title` is empty; give it a value {_tilde_hint('~')}",
            f"b.yaml:3:10: `summary` is empty; give it a value {_tilde_hint('null')}",
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                HEAD + "tags: [a, ~]\n",
                f"b.yaml:4:11: an item of `tags` is empty; give it a value or remove it "
                f"{_tilde_hint('~')}",
            ),
            (
                HEAD + "outcomes:\n  - null\n",
                f"b.yaml:5:5: an item of `outcomes` is empty; give it a value or remove it "
                f"{_tilde_hint('null')}",
            ),
            (
                HEAD + "participants:\n  - ~\n",
                "b.yaml:5:5: an item of `participants` is empty; give it a value or remove it "
                "(`~` means no value in YAML)",
            ),
        ],
    )
    def test_an_item_with_no_value_is_empty(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    def test_quoted_words_are_text(self) -> None:
        b = read(
            "briefing: 1\ntitle: '~'\nsummary: \"null\"\nlocation: \"~\"\n"
            "tags: ['~', \"NULL\"]\nparticipants:\n  - {name: A, role: 'null'}\n"
        )
        assert (b.title.get(), b.summary.get()) == ("~", "null")
        assert b.location is not None and b.location.get() == "~"
        assert b.tags == ("~", "NULL")
        assert b.participants[0].role == Text({"en": "null"}, "en")

    def test_two_participants_without_ids_share_no_id(self) -> None:
        b = read(HEAD + "participants:\n  - {name: A, id: null}\n  - {name: B, id: null}\n")
        assert [participant.id for participant in b.participants] == [None, None]


# ---------------------------------------------------------------------------
# Errors: what the author reads


@pytest.mark.usefixtures("parser")
class TestMessages:
    def test_a_line_break_in_a_key_stays_inside_its_report_line(self) -> None:
        # Written raw, the key would print a fake report line and a GitHub annotation.
        assert problems(HEAD + '"x\\nb.yaml:1:1: fake\\n::error::pwn": 1\n') == [
            "b.yaml:4:1: unknown key `x\\nb.yaml:1:1: fake\\n::error::pwn` in a briefing"]

    def test_line_breaks_in_speakers_ids_and_duplicate_keys_are_escaped(self) -> None:
        assert problems(
            HEAD + 'participants:\n  - id: a\n    name: "Jane\\nDoe"\n  - id: b\n    name: B\n'
            'statements:\n  - by: "jane\\ndoe"\n    text: t\n'
            'x-a:\n  "k\\n::error::x": 1\n  "k\\n::error::x": 2\n'
            'x-ids: [{id: "a\\nb"}]\n'
        ) == [
            "b.yaml:10:9: `by: jane\\ndoe` names no participant; use the `id` or name of one "
            "listed in `participants`; did you mean `Jane\\nDoe`?",
            "b.yaml:14:3: duplicate key `k\\n::error::x`: it appears above too",
        ]
        assert problems(HEAD + 'participants:\n  - {id: "a\\tb", name: A}\n'
                        '  - {id: "a\\tb", name: B}\n')[-1] == (
            "b.yaml:6:10: id `a\\tb` is used by another participant above; ids must be unique")

    def test_a_message_is_one_line_whatever_it_holds(self) -> None:
        assert str(Problem("a\nb.yaml", "x\ny\rz\u2028", 1, 2)) == "a\\nb.yaml:1:2: x␊y␍z⟨U+2028⟩"

    @pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"],
                             ids=["LS", "PS", "NEL", "CR"])
    def test_line_numbers_count_line_feeds_only(self, separator: str) -> None:
        """YAML's other line breaks, in a value, move no later line or column: an
        editor and `grep -n` count line feeds only."""
        assert problems(HEAD + f'location: "a{separator}b"\nlocaton: x\n') == [
            "b.yaml:5:1: unknown key `locaton` in a briefing; did you mean `location`?"]
        flow = '{briefing: 1, title: "a' + separator + 'b", summary: S, locaton: x}\n'
        assert problems(flow) == [
            f"b.yaml:1:{flow.index('locaton') + 1}: unknown key `locaton` in a briefing; "
            "did you mean `location`?"]
        line = f'x-a: "a{separator}b{separator}" junk'
        assert problems(HEAD + line + "\n") == [
            f"b.yaml:4:{line.index('junk') + 1}: unexpected text after the value on this "
            "line; if it is part of the value, put the whole value in quotes"]

    def test_every_position_is_placed_as_its_character_index_says(self, parser: str) -> None:
        """The parser's lines placed in the file's agree, for every event, with the
        character index the parser also reports."""
        loader_class = yaml.CSafeLoader if parser == "libyaml" else yaml.SafeLoader
        text = ('a: "ü\u2028x"\nbb: "é\u2028\u2028y"   \nc: [1,\r 2]\n'
                'd: "p\x85q\rr\r\ns"\ne: {f: "\u2029", g: 1}\n')
        feeds = yaml_tree.LineFeeds(text)
        loader = loader_class(text)
        placed = 0
        while (event := loader.get_event()) is not None:
            mark = event.start_mark
            assert mark is not None
            before = text[: mark.index]
            assert feeds.place(mark.line + 1, mark.column + 1) == (
                before.count("\n") + 1, mark.index - before.rfind("\n"))
            placed += 1
        assert placed > 20

    def test_every_problem_at_once_sorted_by_line(self) -> None:
        text = (
            "briefing: 1\ntitle: T\nsummary: S\n"
            "figures:\n  - label: L\n    value: .nan\n"
            "partcipants: []\n"
            "date: 2025-13\n"
            "x-tag: !!str 1\n"
        )
        messages = problems(text)
        assert messages == [
            "b.yaml:6:12: `value` must be a finite number, not .nan",
            "b.yaml:7:1: unknown key `partcipants` in a briefing; did you mean `participants`?",
            "b.yaml:8:7: `date` is not a real date: there is no month 13 (months run from 01 "
            "to 12)",
            "b.yaml:9:8: tags (!!str) are not allowed in a briefing; remove it",
        ]

    def test_three_problems_are_three_messages(self) -> None:
        text = HEAD + "language: russian\nlocation: [a]\nsource: {text: /etc/passwd}\n"
        assert problems(text) == [
            "b.yaml:4:11: `language` must be a language tag such as `ru` or `en`, not 'russian'",
            "b.yaml:5:11: `location` must be text, or a map of language to text (`en: ...`), "
            "not a list",
            "b.yaml:6:16: `text` must be a path relative to this file, inside its folder, "
            "not '/etc/passwd'",
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                HEAD + "partcipants: []\n",
                "b.yaml:4:1: unknown key `partcipants` in a briefing; did you mean `participants`?",
            ),
            (
                HEAD + "sumary: S2\n",
                "b.yaml:4:1: unknown key `sumary` in a briefing; did you mean `summary`?",
            ),
            (
                HEAD + "participants:\n  - name: A\n    rol: x\n",
                "b.yaml:6:5: unknown key `rol` in a participant; did you mean `role`?",
            ),
            (
                HEAD + "figures:\n  - {label: L, value: 1, evidance: e}\n",
                "b.yaml:5:26: unknown key `evidance` in a figure; did you mean `evidence`?",
            ),
            (
                HEAD + "source:\n  outlett: K\n",
                "b.yaml:5:3: unknown key `outlett` in a source; did you mean `outlet`?",
            ),
            (HEAD + "colour: red\n", "b.yaml:4:1: unknown key `colour` in a briefing"),
            (HEAD + "X-custom: 1\n", "b.yaml:4:1: unknown key `X-custom` in a briefing"),
        ],
    )
    def test_unknown_keys(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    def test_a_misspelt_required_key_is_one_problem(self) -> None:
        assert problems(HEAD + "participants:\n  - nmae: Arman\n") == [
            "b.yaml:5:5: unknown key `nmae` in a participant; did you mean `name`?"
        ]
        assert problems("briefing: 1\ntitel: T\nsummary: S\n") == [
            "b.yaml:2:1: unknown key `titel` in a briefing; did you mean `title`?"
        ]

    def test_a_very_long_unknown_key_is_shortened(self) -> None:
        key = "k" * 500
        assert problems(HEAD + f"? {key}\n: v\n") == [
            f"b.yaml:4:3: unknown key `{'k' * 37}...` in a briefing"
        ]

    def test_colon_in_a_plain_value(self) -> None:
        assert problems("briefing: 1\ntitle: Kazakhstan: the EU\nsummary: S\n") == [
            "b.yaml:2:18: this value contains ': ', which YAML reads as the start of a new "
            'key; put the whole value in quotes, e.g. title: "Kazakhstan: the EU" (or, if a '
            "new key starts here, fix its indentation)"
        ]

    def test_a_key_run_into_its_value_in_a_flow_mapping(self) -> None:
        assert problems(HEAD + "source: {url:https://e.x, outlet: K}\n") == [
            "b.yaml:4:10: unknown key `url:https://e.x` in a source (`url:https://e.x` has no "
            "space after the colon, so YAML does not read it as a key; write "
            "`url: https://e.x`)",
        ]

    def test_a_comment_after_a_key_run_into_its_value_is_not_part_of_it(self) -> None:
        assert problems(HEAD + "location:A # c\ndate: 2025\n") == [
            "b.yaml:4:1: `location:A` has no space after the colon, so YAML does not read it "
            "as a key; write `location: A`",
        ]

    def test_a_key_run_into_its_value_where_a_mapping_belongs(self) -> None:
        assert problems(HEAD + "participants:\n  - name:Arman\nsource: https://e.x\n") == [
            "b.yaml:5:5: each item of `participants` must be a participant (a mapping of keys), "
            "not 'name:Arman' (`name:Arman` has no space after the colon, so YAML does not read "
            "it as a key; write `name: Arman`)",
            "b.yaml:6:9: `source` must be a mapping of keys, not 'https://e.x'",
        ]

    def test_colon_in_a_list_item(self) -> None:
        assert problems(HEAD + "outcomes:\n  - Agreed: more trade\n") == [
            "b.yaml:5:5: `Agreed` is not a language tag; in `outcomes`, each key is a "
            "language such as `ru` or `en` (if this is text containing `: `, put it all in "
            "quotes)"
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "briefing: 2\ntitle: T\nsummary: S\nnew-key: 1\n",
                "b.yaml:1:11: made for a newer version of the briefing format (version 2); this "
                "program reads version 1, so update the program to open it",
            ),
            (
                "briefing: 0\ntitle: T\nsummary: S\n",
                "b.yaml:1:11: the format version must be 1, not 0",
            ),
            (
                'briefing: "1"\ntitle: T\nsummary: S\n',
                "b.yaml:1:11: the format version must be a number; remove the quotes around it",
            ),
            (
                "briefing: one\ntitle: T\nsummary: S\n",
                "b.yaml:1:11: the format version must be a whole number such as `1`, not 'one'",
            ),
            (
                "briefing: 1.0\ntitle: T\nsummary: S\n",
                "b.yaml:1:11: the format version must be a whole number such as `1`, not '1.0'",
            ),
            (
                "briefing: " + "9" * 100 + "\ntitle: T\nsummary: S\n",
                "b.yaml:1:11: the format version is far too large a number",
            ),
            (
                "title: T\nsummary: S\n",
                "b.yaml:1:1: a briefing needs `briefing: 1`, the format version",
            ),
        ],
    )
    def test_version(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("briefing: 1\nsummary: S\n", "b.yaml:1:1: a briefing needs `title`: headline"),
            (
                "briefing: 1\ntitle: T\n",
                "b.yaml:1:1: a briefing needs `summary`: the event summary; paragraphs separated "
                "by a blank line",
            ),
            (
                HEAD + "participants:\n  - role: r\n",
                "b.yaml:5:5: a participant needs `name`: name of the person or body",
            ),
            (
                HEAD + "priorities:\n  - summary: s\n",
                "b.yaml:5:5: a priority needs `sector`: the sector",
            ),
            (
                HEAD + "figures:\n  - label: L\n",
                "b.yaml:5:5: a figure needs `value`: the number itself (finite)",
            ),
            (
                HEAD + "figures:\n  - value: 1\n",
                "b.yaml:5:5: a figure needs `label`: what the number measures",
            ),
            (
                HEAD + "statements:\n  - text: t\n",
                "b.yaml:5:5: a statement needs `by`: `id` or name of a participant",
            ),
            (
                HEAD + "participants: [{name: A}]\nstatements:\n  - by: A\n",
                "b.yaml:6:5: a statement needs `text`: what was said, reported or quoted",
            ),
            (HEAD + "timeline:\n  - event: e\n", "b.yaml:5:5: a timeline entry needs `date`: when"),
            (
                HEAD + "timeline:\n  - date: 2025\n",
                "b.yaml:5:5: a timeline entry needs `event`: what happened",
            ),
        ],
    )
    def test_missing_required_keys(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "briefing: 1\ntitle: [a, b]\nsummary: S\n",
                "b.yaml:2:8: `title` must be text, or a map of language to text (`en: ...`), "
                "not a list",
            ),
            (
                HEAD + "participants: {name: A}\n",
                "b.yaml:4:15: `participants` must be a list (items starting with `- `), "
                "not a mapping",
            ),
            (
                HEAD + "participants:\n  - Arman Isetov\n",
                "b.yaml:5:5: each item of `participants` must be a participant (a mapping of "
                "keys), not 'Arman Isetov'",
            ),
            (
                HEAD + "outcomes: Agreed\n",
                "b.yaml:4:11: `outcomes` must be a list (items starting with `- `), not 'Agreed'",
            ),
            (
                HEAD + "tags:\n  - {a: b}\n",
                "b.yaml:5:5: each item of `tags` must be text, not a mapping",
            ),
            (
                HEAD + "source: Kazinform\n",
                "b.yaml:4:9: `source` must be a mapping of keys, not 'Kazinform'",
            ),
            (
                HEAD + "figures:\n  - {label: L, value: 1, evidence: {ru: x}}\n",
                "b.yaml:5:36: `evidence` must be text, not a mapping",
            ),
            (HEAD + "date: [2025]\n", "b.yaml:4:7: `date` must be a date, not a list"),
            (
                HEAD + "language: {ru: 1}\n",
                "b.yaml:4:11: `language` must be a language tag, not a mapping",
            ),
            (
                HEAD + "priorities:\n  - sector: S\n    initiatives: one\n",
                "b.yaml:6:18: `initiatives` must be a list (items starting with `- `), not 'one'",
            ),
        ],
    )
    def test_wrong_types(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("briefing: 1\ntitle:\nsummary: S\n", "b.yaml:2:7: `title` is empty; give it a value"),
            (
                HEAD + "tags:\n  - a\n  -\n",
                "b.yaml:6:4: an item of `tags` is empty; give it a value or remove it",
            ),
            (
                HEAD + "outcomes:\n  -\n",
                "b.yaml:5:4: an item of `outcomes` is empty; give it a value or remove it",
            ),
            (
                HEAD + "figures:\n  - label: L\n    value:\n",
                "b.yaml:6:11: `value` is empty; give it a value",
            ),
        ],
    )
    def test_empty_values(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    def test_an_empty_quoted_string_is_a_value(self) -> None:
        assert read(HEAD + 'location: ""\n').location == Text({"en": ""}, "en")

    @pytest.mark.parametrize(
        ("title", "messages"),
        [
            (
                "{english: x}",
                [
                    "b.yaml:2:9: `english` is not a language tag; in `title`, each "
                    "key is a language such as `ru` or `en` (if this is text "
                    "containing `: `, put it all in quotes)"
                ],
            ),
            ("{}", ["b.yaml:2:8: `title` is an empty map; give the text in at least one language"]),
            ("{ru: [a]}", ["b.yaml:2:13: `title.ru` must be text, not a list"]),
            (
                "{ru: a, en: }",
                ["b.yaml:2:20: `title.en` is empty; give it a value or remove the key"],
            ),
            (
                "{ru: a, en: ~}",
                [
                    "b.yaml:2:20: `title.en` is empty; give it a value or remove the key (`~` "
                    'means no value in YAML; for the character itself, write "~" in quotes)'
                ],
            ),
            (
                "{en: null}",
                [
                    "b.yaml:2:13: `title.en` is empty; give it a value or remove the key (`null` "
                    'means no value in YAML; for the word itself, write "null" in quotes)'
                ],
            ),
        ],
    )
    def test_text_maps(self, title: str, messages: list[str], parser: str) -> None:
        if title == "{ru: a, en: }" and parser == "python":
            # PyYAML places the missing value after `: `, libyaml at the `}`.
            messages = [messages[0].replace(":2:20:", ":2:19:")]
        assert problems(f"briefing: 1\ntitle: {title}\nsummary: S\n") == messages

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "",
                "b.yaml:1:1: the file is empty; a briefing needs at least `briefing: 1`, "
                "`title` and `summary`",
            ),
            (
                "# only a comment\n\n",
                "b.yaml:1:1: the file is empty; a briefing needs at least "
                "`briefing: 1`, `title` and `summary`",
            ),
            (
                "---\n",
                "b.yaml:1:1: the file is empty; a briefing needs at least `briefing: 1`, "
                "`title` and `summary`",
            ),
            (
                "- briefing: 1\n",
                "b.yaml:1:1: a briefing must be a mapping of keys "
                "(`briefing: 1`, `title: ...`), not a list",
            ),
            (
                "just words\n",
                "b.yaml:1:1: a briefing must be a mapping of keys "
                "(`briefing: 1`, `title: ...`), not 'just words'",
            ),
            (
                "42",
                "b.yaml:1:1: a briefing must be a mapping of keys (`briefing: 1`, "
                "`title: ...`), not '42'",
            ),
        ],
    )
    def test_empty_file_and_wrong_top_level(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                HEAD + "source:\n\toutlet: x\n",
                "b.yaml:5:1: a tab is used here where YAML needs spaces; indent with spaces",
            ),
            (
                HEAD + "source:\n  outlet: x\n url: y\n",
                "b.yaml:6:2: this line's indentation does not match the lines above it",
            ),
            (
                HEAD + "tags:\n  - a\n - b\n",
                "b.yaml:6:2: this line's indentation does not match the lines above it",
            ),
            (
                HEAD + 'location: "Astana\n',
                "b.yaml:5:1: the file ends inside a quoted value; close the quote",
            ),
            (
                HEAD + "location: 'Astana",
                "b.yaml:5:1: the file ends inside a quoted value; close the quote",
            ),
            (HEAD + "tags: [a, b\n", "b.yaml:5:1: a [list] is not closed; add ']' or a ','"),
            (
                HEAD + "location: {ru: a, en: b\n",
                "b.yaml:5:1: a {mapping} is not closed; add '}' or a ','",
            ),
            (
                HEAD + "location: @home\n",
                "b.yaml:4:11: `@` cannot start a plain value; quote the whole value",
            ),
            (
                HEAD + "location: `x`\n",
                "b.yaml:4:11: a backquote (`) cannot start a plain value; quote the whole value",
            ),
            (
                HEAD + "location: ]x\n",
                "b.yaml:4:11: `]` cannot start a plain value; quote the whole value",
            ),
            (
                HEAD + 'location: "a" b\n',
                "b.yaml:4:15: unexpected text after the value on this line; if it is part of the "
                "value, put the whole value in quotes",
            ),
            (
                HEAD + "source\n  outlet: x\n",
                "b.yaml:4:1: expected `key: value` here; check the indentation, and that the key "
                "is followed by `: `",
            ),
            (
                HEAD + "some words on their own\n\n# a comment\n\ndate: 2025\n",
                "b.yaml:4:1: expected `key: value` here; check the indentation, and that the key "
                "is followed by `: `",
            ),
            (
                HEAD + "location:Astana\n\n\n# a comment\ndate: 2025\n",
                "b.yaml:4:1: `location:Astana` has no space after the colon, so YAML does not "
                "read it as a key; write `location: Astana`",
            ),
            (
                HEAD + "source:\n  outlet: K\n  url:https://example.org/a\n  published: 2025\n",
                "b.yaml:6:3: `url:https://example.org/a` has no space after the colon, so YAML "
                "does not read it as a key; write `url: https://example.org/a`",
            ),
            (
                HEAD + "location:" + "a" * 60 + "\ndate: 2025\n",
                "b.yaml:4:1: `location:aaaaaaaaaaaaaaaaaaaaaaaaaaaa...` has no space after the "
                "colon, so YAML does not read it as a key; write `location: aaaaaaaaaaaaaaaaaaaa"
                "aaaaaaa...`",
            ),
            (
                HEAD + "participants:\n  - name: a\n    role: r\n   country: c\n",
                "b.yaml:7:4: this key is not indented like the keys above it; in a list item, "
                "keys line up with the first key after `- `",
            ),
            (
                HEAD + "participants:\n  - name: a\n  role: r\n",
                "b.yaml:6:3: this key is not indented like the keys above it; in a list item, "
                "keys line up with the first key after `- `",
            ),
            (
                HEAD + "participants:\n  - name: a\n   - name: b\n",
                "b.yaml:6:4: this list item is not indented like the ones above it",
            ),
            (
                HEAD + "- a\n",
                "b.yaml:4:1: this line's indentation does not match the lines above it",
            ),
            (
                HEAD + "...\nlocation: x\n",
                "b.yaml:5:1: the document has already ended here; remove the extra text, or fix "
                "the indentation",
            ),
        ],
    )
    def test_syntax_errors(self, text: str, message: str) -> None:
        assert problems(text) == [message]

    def test_an_unknown_escape(self, parser: str) -> None:
        column = 14 if parser == "libyaml" else 15  # the backslash, or the letter after it
        assert problems(HEAD + 'location: "C:\\q"\n') == [
            f"b.yaml:4:{column}: unknown escape sequence in a double-quoted value; write a "
            "backslash as \\\\, or use single quotes"
        ]

    def test_problems_before_a_syntax_error_are_kept(self) -> None:
        assert problems(HEAD + "x-a: !!str 1\nx-b: &a 2\nlocation: a: b\n") == [
            "b.yaml:4:6: tags (!!str) are not allowed in a briefing; remove it",
            "b.yaml:5:6: anchors (&a) are not allowed in a briefing; write the value out in full",
            "b.yaml:6:12: this value contains ': ', which YAML reads as the start of a new "
            'key; put the whole value in quotes, e.g. title: "Kazakhstan: the EU" (or, if a '
            "new key starts here, fix its indentation)",
        ]

    def test_messages_show_terminal_controls_visibly(self) -> None:
        (message,) = problems(HEAD + 'language: "\\e[2J"\n')
        assert "\x1b" not in message
        assert message == (
            "b.yaml:4:11: `language` must be a language tag such as `ru` or `en`, not '\\x1b[2J'"
        )

    def test_tabs_between_tokens_are_accepted_as_libyaml_does(self) -> None:
        b = read("briefing:\t1\ntitle:\tT\t# comment\nsummary: S\t\ntags: [a,\tb]\n")
        assert (b.title.get(), b.summary.get(), b.tags) == ("T", "S", ("a", "b"))


# ---------------------------------------------------------------------------
# Files


@pytest.mark.usefixtures("parser")
class TestFiles:
    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "nowhere.yaml"
        assert file_problems(path) == [f"{path}: no such file"]

    def test_a_folder(self, tmp_path: Path) -> None:
        assert file_problems(tmp_path) == [f"{tmp_path}: is a folder, not a briefing file"]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_a_named_pipe_is_not_opened(self, tmp_path: Path) -> None:
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
        assert file_problems(path) == [f"{path}: is a named pipe (FIFO), not a briefing file"]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_a_named_pipe_swapped_in_after_any_check_is_not_waited_on(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another program replaces the file with a named pipe as it is being opened:
        what was opened is checked, and opening did not wait for a writer."""
        path = tmp_path / "swapped.yaml"
        path.write_text(HEAD, encoding="utf-8")

        def swap() -> None:
            if not stat.S_ISFIFO(os.lstat(path).st_mode):
                os.unlink(path)
                os.mkfifo(path)

        real_stat, real_open = Path.stat, os.open

        def stat_then_swap(self: Path, **options: Any) -> os.stat_result:
            info = real_stat(self, **options)
            if self == path:
                swap()
            return info

        def swap_then_open(name: Any, flags: int, *rest: Any, **options: Any) -> int:
            if os.fspath(name) == str(path):
                swap()
            return real_open(name, flags, *rest, **options)

        monkeypatch.setattr(Path, "stat", stat_then_swap)
        monkeypatch.setattr(os, "open", swap_then_open)
        found: list[list[str]] = []
        reader = threading.Thread(target=lambda: found.append(file_problems(path)), daemon=True)
        reader.start()
        reader.join(timeout=30)  # a guard against a hang, not a measure of speed
        if reader.is_alive():  # blocked opening the pipe: let it go, then fail
            os.close(real_open(path, os.O_WRONLY | os.O_NONBLOCK))
            reader.join()
            pytest.fail("opening the file waited for a writer to the named pipe")
        assert found == [[f"{path}: is a named pipe (FIFO), not a briefing file"]]

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_a_device_is_named(self) -> None:
        assert file_problems(Path("/dev/zero")) == [
            "/dev/zero: is a character device, not a briefing file"]

    @pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
    def test_a_socket_is_named(self, tmp_path: Path) -> None:
        path = tmp_path / "s.yaml"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
            assert file_problems(path) == [f"{path}: is a socket, not a briefing file"]

    def test_an_empty_name_is_named(self) -> None:
        assert file_problems("") == [
            '"": the file name is empty; give the name of a briefing file']

    @pytest.mark.skipif(sys.platform == "win32", reason="needs symlinks")
    def test_symbolic_links_to_nothing_and_in_a_loop(self, tmp_path: Path) -> None:
        (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
        (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
        (tmp_path / "c.yaml").symlink_to(tmp_path / "nothing.yaml")
        assert file_problems(tmp_path / "a.yaml") == [
            f"{tmp_path / 'a.yaml'}: is a loop of symbolic links"]
        assert file_problems(tmp_path / "c.yaml") == [
            f"{tmp_path / 'c.yaml'}: is a symbolic link to a file that does not exist"]

    def test_a_name_that_is_not_utf8_is_escaped(self, tmp_path: Path) -> None:
        name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\x9b2J\xff.yaml")
        assert file_problems(Path(name)) == [f"{tmp_path}/\\x9b2J\\xff.yaml: no such file"]

    def test_a_name_with_a_nul(self) -> None:
        assert file_problems(Path("a\x00b.yaml")) == [
            "a\\x00b.yaml: is not a valid file name (it holds a NUL character)"]

    def test_a_file_name_in_messages_is_as_given(self, write_briefing: WriteBriefing) -> None:
        path = write_briefing("briefing: 1\n", name="x.yaml")
        with pytest.raises(BriefingError) as info:
            load(str(path))
        assert all(p.file == str(path) for p in info.value.problems)

    def test_source_text_beside_the_file(self, write_briefing: WriteBriefing) -> None:
        write_briefing("article", name="sub/article.txt")
        path = write_briefing(HEAD + "source:\n  text: sub/article.txt\n")
        b = load(path)
        assert b.source is not None and b.source.text == "sub/article.txt"
        assert b.source_text_path is not None and b.source_text_path.read_text() == "article"

    @pytest.mark.parametrize(
        ("written", "message"),
        [
            (
                "../x.txt",
                "`text` must be a path relative to this file, inside its folder, not '../x.txt'",
            ),
            (
                "sub/../../x.txt",
                "`text` must be a path relative to this file, inside its "
                "folder, not 'sub/../../x.txt'",
            ),
            (
                "/etc/passwd",
                "`text` must be a path relative to this file, inside its folder, not '/etc/passwd'",
            ),
            (
                "'C:\\x.txt'",
                "`text` must be a path relative to this file, inside its folder, not 'C:\\\\x.txt'",
            ),
            ("missing.txt", "the source text 'missing.txt' does not exist beside this file"),
            ("sub", "the source text 'sub' is a folder, not a file"),
            ("a" * 5000, f"the source text '{'a' * 37}...' has a name too long for the system"),
            ('"a\\0b"',
             "the source text 'a\\x00b' is not a valid file name (it holds a NUL character)"),
        ],
    )
    def test_source_text_refused(
        self, write_briefing: WriteBriefing, written: str, message: str
    ) -> None:
        write_briefing("x", name="sub/inside.txt")
        path = write_briefing(HEAD + f"source:\n  text: {written}\n")
        assert file_problems(path) == [f"{path}:5:9: {message}"]

    @pytest.mark.skipif(sys.platform == "win32", reason="needs symlinks")
    def test_source_text_symlinked_outside(self, write_briefing: WriteBriefing) -> None:
        outside = write_briefing("secret", name="outside/secret.txt")
        path = write_briefing(HEAD + "source:\n  text: link.txt\n", name="here/b.yaml")
        (path.parent / "link.txt").symlink_to(outside)
        assert file_problems(path) == [
            f"{path}:5:9: `text` must be a path relative to this file, inside its folder, "
            "but 'link.txt' leads outside it"
        ]

    def test_source_text_is_not_checked_without_a_folder(self) -> None:
        b = read(HEAD + "source:\n  text: anywhere.txt\n")
        assert b.source is not None and b.source.text == "anywhere.txt"

    @pytest.mark.skipif(sys.platform == "win32", reason="needs symlinks and named pipes")
    def test_source_text_that_is_a_loop_or_a_pipe_is_named(
        self, write_briefing: WriteBriefing
    ) -> None:
        path = write_briefing(HEAD + "source:\n  text: loop.txt\n", name="b.yaml")
        (path.parent / "loop.txt").symlink_to(path.parent / "loop.txt")
        assert file_problems(path) == [
            f"{path}:5:9: the source text 'loop.txt' is a loop of symbolic links"]
        path.write_text(HEAD + "source:\n  text: pipe.txt\n", encoding="utf-8")
        os.mkfifo(path.parent / "pipe.txt")
        assert file_problems(path) == [
            f"{path}:5:9: the source text 'pipe.txt' is a named pipe (FIFO), not a file"]

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
    def test_an_article_that_became_a_pipe_is_not_waited_on(self, tmp_path: Path) -> None:
        os.mkfifo(tmp_path / "article.txt")
        article = read_article(tmp_path / "article.txt")
        assert article is not None and article.text == ""
        assert article.note == (
            f"{tmp_path / 'article.txt'}: is a named pipe (FIFO), not a article file")


# ---------------------------------------------------------------------------
# Only BriefingError, and no internals, whatever the input


MALFORMED = [
    HEAD + "location: a: b\n",
    HEAD + "\tlocation: x\n",
    HEAD + "x-a: !!python/object/apply:os.system ['ls']\n",
    HEAD + "x-a: &a [1]\nx-b: *a\n",
    HEAD + "x-a: *undefined\n",
    HEAD + "location: 'unclosed\n",
    HEAD + "tags: [a, b\n",
    HEAD + "x: {a: [}\n",
    HEAD + 'location: "\\xZZ"\n',
    HEAD + "location: |0\n  x\n",
    HEAD + "location: |\n  a\n\tb\n",
    HEAD + "x-a: !<!> x\n",
    HEAD + "%TAG !e! tag:example.org,2025:\n",
    "%YAML 1.1\n%YAML 1.1\n---\n" + HEAD,
    "%FOO bar\n---\n" + HEAD,
    HEAD + "--- !tag\n",
    HEAD + "? a\n? b\n",
    HEAD + "x-a: - b\n",
    HEAD + "x-a: &\n",
    HEAD + "x-a: !\n",
    "[" * 200,
    "{" * 2000,
    "- " * 2000,
    HEAD + "location: \u2028x\n",
    ":",
    "- - - -",
    "? ",
    "&a",
    "!",
    "|",
    "'",
    '"',
    "---\n---\n",
    "... \n",
    "{a: 1, a: 2}",
    HEAD + "x-a: " + "a: " * 100 + "\n",
    HEAD + "figures:\n  - label: L\n    value: -\n",
    HEAD + "figures:\n  - label: L\n    value: 1e\n",
    HEAD + "figures:\n  - label: L\n    value: _\n",
    HEAD + "figures:\n  - label: L\n    value: .\n",
    HEAD + "date: 9999-99\n",
    HEAD + "date: -2025\n",
]


@pytest.mark.usefixtures("parser")
class TestOnlyBriefingError:
    @pytest.mark.parametrize("text", MALFORMED)
    def test_malformed_files(self, text: str) -> None:
        messages = problems(text)
        assert messages
        assert_plain_words(messages)
        for message in messages:
            assert re.match(r"b\.yaml:\d+:\d+: \S", message), message

    @settings(
        max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        st.text(
            alphabet=st.sampled_from(list(" \t\n-:?#&*!|>'\"[]{},%@`\\ab1.~\ufeff\x85")),
            max_size=60,
        )
    )
    def test_any_text_loads_or_raises_briefing_error(self, text: str) -> None:
        try:
            loads(HEAD + text, "b.yaml")
        except BriefingError as error:
            assert_plain_words([str(p) for p in error.problems])

    @settings(
        max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.binary(max_size=80))
    def test_any_bytes_load_or_raise_briefing_error(self, data: bytes) -> None:
        try:
            loads(data, "b.yaml")
        except BriefingError as error:
            assert_plain_words([str(p) for p in error.problems])


# ---------------------------------------------------------------------------
# Both parsers read alike


VALID = {
    "minimal": HEAD,
    "full": FULL.replace("  text: article.txt\n", ""),
    "no final line break": HEAD + "location: Astana",
    "crlf": FULL.replace("  text: article.txt\n", "").replace("\n", "\r\n"),
    "tabs as separators": "briefing:\t1\ntitle:\tT\t# c\nsummary: |\n  a\n  \tb\ntags: [a,\tb]\n",
    "flow style": '{briefing: 1, title: {ru: "а", en: b}, summary: "s", tags: [a, "b, c"]}\n',
    "block scalars": HEAD + "location: |-\n  a\n\n  b\nx-a: >+\n  c\n  d\n\nx-b: |2\n    e\n",
    "multi-line plain": HEAD + "location: one\n  two\n\n  three\n",
    "quoted": HEAD + "location: \"a\\tb\\u00e9\\\"\"\nx-a: 'it''s'\n",
    "comments": "# c\nbriefing: 1 # c\ntitle: T#not a comment\nsummary: S\n# end",
    "explicit documents": "---\n" + HEAD + "...\n",
    "bom": "\ufeff" + HEAD,
    "unicode": HEAD + "location: Қазақстан 😀 ‮\n",
    "starter": None,  # filled in below: the `briefing new` template
}


def _valid_texts() -> dict[str, str]:
    from briefing.starter import starter_text

    texts = {name: text for name, text in VALID.items() if text is not None}
    texts["starter"] = starter_text("schema.json")
    texts["starter without a schema nearby"] = starter_text(None)
    texts["sample"] = SAMPLE.read_text(encoding="utf-8")
    return texts


INVALID = [
    *MALFORMED,
    HEAD + "date: 2025-13\nlocation: [a]\n",
    HEAD + "partcipants: []\n",
    HEAD + "participants:\n  - nmae: A\n",
    HEAD + "statements:\n  - by: x\n    text: t\n",
    "briefing: 2\n",
    HEAD + "x: 1\nx: 2\n",
    HEAD + "x-a:\n    - a\n  - b\n",
    HEAD + "x-a: [a\n  b]: c\n",
    HEAD + "x-a: {a\n: b}\n",
    HEAD + "source:\n  outlet: x\n   url: y\n",
    HEAD + 'location: "a\n\n',
]


@pytest.mark.usefixtures("restore_parser")
class TestParity:
    @pytest.mark.skipif(not C_AVAILABLE, reason="libyaml is not installed")
    @pytest.mark.parametrize("name", sorted(_valid_texts()))
    def test_valid_files_load_identically(self, name: str) -> None:
        text = _valid_texts()[name]
        results = []
        for parser in PARSERS:
            use_parser(parser)
            results.append(loads(text.encode("utf-8"), "b.yaml"))
        assert results[0] == results[1]

    @pytest.mark.skipif(not C_AVAILABLE, reason="libyaml is not installed")
    def test_the_sample_loads_identically(self) -> None:
        results = []
        for parser in PARSERS:
            use_parser(parser)
            results.append(load(SAMPLE))
        assert results[0] == results[1]

    @pytest.mark.skipif(not C_AVAILABLE, reason="libyaml is not installed")
    @pytest.mark.parametrize("text", INVALID)
    def test_invalid_files_fail_at_the_same_lines(self, text: str) -> None:
        found: list[list[Problem]] = []
        for parser in PARSERS:
            use_parser(parser)
            with pytest.raises(BriefingError) as info:
                loads(text.encode("utf-8"), "b.yaml")
            found.append(info.value.problems)
        c_problems, python_problems = found
        assert [p.line for p in c_problems] == [p.line for p in python_problems]

    @pytest.mark.skipif(not C_AVAILABLE, reason="libyaml is not installed")
    @pytest.mark.parametrize(
        "text",
        [
            HEAD + "date: 2025-13\nlocation: [a]\npartcipants: []\n",
            HEAD + "participants:\n  - nmae: A\nstatements:\n  - by: x\n    text: t\n",
            HEAD + "x-a: !!str a\nx-b: &b b\nx-c: *b\ntitle: again\n",
            HEAD + "figures:\n  - {label: L, value: .nan}\n  - {label: L, value: '1'}\n",
            HEAD + "location: Астана\x07\n",
            HEAD + "tags:\n" + "- t\n" * (MAX_LIST_ITEMS + 1),
            HEAD + "x: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",
            "briefing: 2\n",
            "",
        ],
    )
    def test_other_problems_are_reported_identically(self, text: str) -> None:
        found: list[list[str]] = []
        for parser in PARSERS:
            use_parser(parser)
            found.append(problems(text))
        assert found[0] == found[1]

    @pytest.mark.skipif(not C_AVAILABLE, reason="libyaml is not installed")
    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "a",
                    "key",
                    " ",
                    "  ",
                    "\t",
                    "\n",
                    "\n  ",
                    "\n    ",
                    "\n\t",
                    ":",
                    ": ",
                    "- ",
                    "-",
                    "#c",
                    "'x'",
                    '"y"',
                    "|",
                    ">",
                    "|-",
                    ">+",
                    "1",
                    "---",
                    "...",
                ]
            ),
            max_size=12,
        )
    )
    def test_block_yaml_parses_alike(self, pieces: list[str]) -> None:
        text = "".join(pieces)
        results: list[Any] = []
        for parser in PARSERS:
            use_parser(parser)
            try:
                results.append(yaml_tree.read_tree(text, "b.yaml"))
            except Exception as error:  # pragma: no cover - a failure to report
                results.append(error)
        (c_root, c_problems), (python_root, python_problems) = results
        assert _shape(c_root) == _shape(python_root)
        assert bool(c_problems) == bool(python_problems)


def _shape(node: yaml_tree.Node | None) -> Any:
    """A node tree as plain values with positions, to compare two trees."""
    if node is None:
        return None
    if isinstance(node, yaml_tree.Scalar):
        return (node.value, node.plain, node.line, node.column)
    if isinstance(node, yaml_tree.Sequence):
        return ("seq", node.line, node.column, [_shape(item) for item in node.items])
    return (
        "map",
        node.line,
        node.column,
        [(_shape(key), _shape(value)) for key, value in node.items],
    )


# ---------------------------------------------------------------------------
# The bundled sample


def _normalised(text: str) -> str:
    text = re.sub('[«»“”„‟"]', '"', text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.mark.usefixtures("parser")
class TestSample:
    def test_sample_loads(self) -> None:
        b = load(SAMPLE)
        assert b.title.get("ru").startswith("Развитие евразийских связей")
        assert b.title.get("en").startswith("Developing Eurasian ties")
        assert b.language == "ru"
        assert len(b.participants) == 7
        assert b.path == SAMPLE
        assert b.source_text_path == ARTICLE

    def test_statements_are_linked_to_their_speakers(self) -> None:
        b = load(SAMPLE)
        assert b.statements
        for statement in b.statements:
            assert statement.speaker is not None
            speaker = b.participants[statement.speaker]
            assert statement.by in (speaker.id, *speaker.name.values.values())

    def test_every_text_is_in_russian_and_english(self) -> None:
        b = load(SAMPLE)
        texts = list(b.texts())
        assert len(texts) >= 40
        for text in texts:
            assert set(text.values) == {"ru", "en"}, text
            assert all(value.strip() for value in text.values.values())
        assert b.languages == ("ru", "en")

    def test_every_claim_has_evidence_from_the_article(self) -> None:
        b = load(SAMPLE)
        article = _normalised(ARTICLE.read_text(encoding="utf-8"))
        claims: list[Priority | Figure | Statement] = [*b.priorities, *b.figures, *b.statements]
        evidence = [claim.evidence for claim in claims]
        assert len(evidence) == 12
        for excerpt in evidence:
            assert excerpt
            assert _normalised(excerpt) in article, excerpt
