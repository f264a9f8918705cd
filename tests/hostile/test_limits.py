"""The limits added against hostile files take effect exactly at their values.

(Files one past each limit are in ``test_malformed.GENERATED``; the size,
depth and list limits' own boundaries are in ``tests/test_loader.py``;
``tests/test_docs.py`` keeps docs/format.md's table equal to ``limits.py``.)
"""

from __future__ import annotations

import pytest

from briefing import limits, loader, yaml_tree
from briefing.errors import BriefingError
from briefing.loader import loads

HEAD = "briefing: 1\ntitle: T\nsummary: S\n"
HEAD_VALUES = 7
"""The top-level mapping, and three keys with their values."""


def _entries(count: int) -> str:
    return HEAD + "".join(f"x-{index}: v\n" for index in range(count))


def _messages(text: str) -> list[str]:
    with pytest.raises(BriefingError) as error:
        loads(text, "b.yaml")
    return [str(problem) for problem in error.value.problems]


def test_a_file_of_exactly_max_nodes_values_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_tree, "MAX_NODES", 1001)
    assert len(loads(_entries((1001 - HEAD_VALUES) // 2)).extensions) == 497


def test_one_value_more_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_tree, "MAX_NODES", 1001)
    # Entry n's key is value 8 + 2n: the 1002nd is entry 497's key, on line 501.
    assert _messages(_entries(498)) == [
        f"b.yaml:501:1: the file holds more than {limits.MAX_NODES:,} values (keys, texts, "
        "lists and mappings); a briefing may hold at most that many"
    ]


def test_a_text_of_exactly_max_text_length_loads() -> None:
    text = "ж" * limits.MAX_TEXT_LENGTH  # characters, not bytes
    assert loads(f"{HEAD}location: {text}\n").location is not None


def test_extensions_may_hold_longer_text() -> None:
    text = "a" * (limits.MAX_TEXT_LENGTH + 1)
    assert loads(f"{HEAD}x-raw: {text}\n").extensions == {"x-raw": text}


def test_a_text_in_a_language_map_is_bounded_too() -> None:
    text = "a" * (limits.MAX_TEXT_LENGTH + 1)
    assert _messages(f"{HEAD}location: {{en: {text}}}\n") == [
        f"b.yaml:4:16: `location.en` is {limits.MAX_TEXT_LENGTH + 1:,} characters long; a text "
        f"may be at most {limits.MAX_TEXT_LENGTH:,}"
    ]


@pytest.mark.parametrize("extra", [0, 1])
def test_max_problems_are_all_listed(monkeypatch: pytest.MonkeyPatch, extra: int) -> None:
    monkeypatch.setattr(loader, "MAX_PROBLEMS", 5)
    monkeypatch.setattr(yaml_tree, "MAX_PROBLEMS", 5)
    messages = _messages(HEAD + "".join(f"bad{index}: x\n" for index in range(5 + extra)))
    listed = [f"b.yaml:{4 + index}:1: unknown key `bad{index}` in a briefing" for index in range(5)]
    if extra:
        listed.insert(
            0, "b.yaml: checking stopped after 5 problems; fix these and check the file again"
        )
    assert messages == listed


def test_the_problem_limit_stops_reading_the_tree_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_PROBLEMS", 5)
    monkeypatch.setattr(yaml_tree, "MAX_PROBLEMS", 5)
    messages = _messages(HEAD + "x-m:\n" + " a: 1\n" * 100)
    assert len(messages) == 6
    assert messages[0].startswith("b.yaml: checking stopped after 5 problems")
