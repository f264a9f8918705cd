"""The interface speaks the reader's language: one catalogue per language, used everywhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from briefing.interface import CATALOGUES, MESSAGES, interface
from tests.cli_run import SAMPLE, run_cli

ROOT = Path(__file__).resolve().parents[1]
VIEWS = [*sorted((ROOT / "briefing" / "tui").rglob("*.py")), ROOT / "briefing" / "summary.py"]
STYLE_WORDS = {"bold", "dim", "italic", "reverse", "underline", "cyan", "magenta", "green"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_message_is_in_every_catalogue(language: str) -> None:
    catalogue = CATALOGUES[language]
    assert set(catalogue) == set(MESSAGES)
    for message, text in catalogue.items():
        assert text.strip(), message
        # A translation fills in the same values as the message.
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(message)), message


def test_an_unknown_language_falls_back_to_english() -> None:
    assert interface("de")("Participants") == "Participants"
    assert interface("ru-RU")("Participants") == "Участники"
    with pytest.raises(KeyError):
        interface("ru")("A message nobody wrote")


def _reader_texts(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that read as words for a person (not docstrings,
    style names, ids, keys or CSS)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value) for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value
        single_word = re.fullmatch(r"[A-Z][a-z]+", text)  # "Participants", not "ItemList"
        if id(node) in docstrings or (text.isidentifier() and not single_word) or (
                "{" in text and ";" in text):
            continue
        words = re.findall(r"[A-Za-z]{2,}", text)
        capitalised = re.search(r"[A-Z][a-z]", text)
        spaced = re.search(r"[A-Za-z]{2,} +[A-Za-z]{2,}", text)
        if capitalised or (spaced and not {word.lower() for word in words} <= STYLE_WORDS):
            found.append((node.lineno, text))
    return found


@pytest.mark.parametrize("path", VIEWS, ids=lambda path: path.name)
def test_no_text_for_the_reader_is_written_outside_the_catalogue(path: Path) -> None:
    outside = [(line, text) for line, text in _reader_texts(path) if text not in MESSAGES]
    assert outside == []


def test_the_scan_finds_text_written_outside_the_catalogue(tmp_path: Path) -> None:
    module = tmp_path / "view.py"
    module.write_text('def f(t):\n    return t("Participants"), "Not in the catalogue", "bold"\n')
    assert sorted(text for _, text in _reader_texts(module)) == ["Not in the catalogue",
                                                                "Participants"]


def test_russian_summary_has_no_english_words_but_the_briefings() -> None:
    result = run_cli("summary", SAMPLE, "--lang", "ru")
    assert result.returncode == 0
    shown = set(re.findall(r"[A-Za-z]{2,}", result.stdout))
    written = set(re.findall(r"[A-Za-z]{2,}", SAMPLE.read_text(encoding="utf-8")))
    # Latin words may only come from the briefing itself (Kazinform, the tags).
    assert shown - written == set()
    assert "Показано на русском; есть также на английском" in result.stdout
    assert "35 млрд" in result.stdout  # multipliers follow the language too


def test_summary_header_says_which_language_is_shown() -> None:
    english = run_cli("summary", SAMPLE, "--lang", "en")
    assert "Shown in English; also in Russian" in english.stdout
    assert "35 bn" in english.stdout
