"""Hostile but valid files: ``briefing summary`` shows every text literally
(markup as written, control characters as visible stand-ins) and sends the
terminal nothing but its text and colour codes, piped, forced into colour,
and in a real (pseudo-)terminal.

Every ``valid/*.yaml`` file is a case; its ``# shows:`` header lines are
strings the summary must show, besides every text of the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from briefing.loader import load

from .harness import (
    BIDI_CONTROLS,
    ROOT,
    SGR,
    SHOWS,
    VALID,
    header_values,
    missing_from,
    run_briefing,
    run_in_pty,
    squash,
    terminal_actions,
)

WIDE = "1000"
"""The widest ``--width``: texts are laid out with as few breaks as possible."""

CORPUS = sorted(VALID.glob("*.yaml"))

# What no content may make the terminal do.
FORBIDDEN = {
    "OSC (title, clipboard, links)": re.compile(r"\x1b\]"),
    "clear screen": re.compile(r"\x1b\[[0-9;]*J|\x1bc"),
    "alternate screen": re.compile(r"\x1b\[\?(?:1049|1047|47)[hl]"),
    "cursor movement": re.compile(r"\x1b\[[0-9;]*[ABCDEFGHf]"),
    "device queries": re.compile(r"\x1b\[[0-9;?]*[nc]|\x1b\[[0-9;]*t"),
    "DCS, APC, PM, SOS strings": re.compile(r"\x1b[P_^X]"),
    "C1 controls": re.compile(r"[\x80-\x9f]"),
    "bidirectional controls": re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}]"),
}


def _assert_shown_literally(output: str, path: Path) -> None:
    briefing = load(path)
    assert not missing_from(output, briefing), "texts not shown literally"
    squashed = squash(output)
    for shown in header_values(path, SHOWS):
        assert squash(shown) in squashed, f"{shown!r} is not shown"


def _assert_nothing_acts_on_the_terminal(output: str) -> None:
    for what, pattern in FORBIDDEN.items():
        assert not pattern.search(output), f"{what} reached the terminal"
    assert terminal_actions(output) == []


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 5
    for path in CORPUS:
        assert header_values(path, SHOWS), f"{path.name} has no `{SHOWS}` line"


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_piped_summary_is_plain_and_literal(path: Path) -> None:
    run = run_briefing("summary", "--width", WIDE, path.name, cwd=path.parent)
    assert (run.returncode, run.stderr) == (0, "")
    assert "\x1b" not in run.stdout
    _assert_nothing_acts_on_the_terminal(run.stdout)
    _assert_shown_literally(run.stdout, path)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_coloured_summary_sends_only_colour_codes(path: Path) -> None:
    run = run_briefing(
        "summary",
        "--width",
        WIDE,
        path.name,
        cwd=path.parent,
        env={"FORCE_COLOR": "1", "TERM": "xterm-256color"},
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert SGR.search(run.stdout), "expected colour codes"
    _assert_nothing_acts_on_the_terminal(run.stdout)
    _assert_shown_literally(run.stdout, path)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_every_language_is_shown_literally(path: Path) -> None:
    for language in load(path).languages:
        run = run_briefing(
            "summary", "--width", WIDE, "--lang", language, path.name, cwd=path.parent
        )
        assert (run.returncode, run.stderr) == (0, "")
        _assert_nothing_acts_on_the_terminal(run.stdout)
        assert not missing_from(run.stdout, load(path), language)


# -- a real terminal ------------------------------------------------------------


def _run_in_pty(*args: str) -> tuple[int, str]:
    """``run_in_pty`` forced into colour, its output decoded."""
    code, output = run_in_pty(*args, env={"FORCE_COLOR": "1"})
    # The terminal turns each line feed into CR LF on output.
    return code, output.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_summary_in_a_terminal_sends_only_text_and_colour(path: Path) -> None:
    code, output = _run_in_pty("summary", str(path))
    assert code == 0, output
    assert SGR.search(output), "expected colour codes in a terminal"
    escapes = re.findall(r"\x1b[^m]{0,12}", SGR.sub("", output))
    assert escapes == [], "only colour codes may reach the terminal"
    _assert_nothing_acts_on_the_terminal(output)
    for shown in header_values(path, SHOWS):
        if "\n" not in shown and len(shown) < 40:  # short enough not to be wrapped
            assert shown in SGR.sub("", output) or squash(shown) in squash(output)


@pytest.mark.parametrize(
    "path",
    [*CORPUS, ROOT / "data" / "kazinform-eurasian-connectivity.yaml"],
    ids=lambda path: path.stem,
)
def test_the_narrowest_width_fits_and_shows_everything(path: Path) -> None:
    """At ``--width 20`` a figure card is wider than the console (this crashed once)."""
    run = run_briefing("summary", "--width", "20", str(path))
    assert (run.returncode, run.stderr) == (0, "")
    assert max(cell_len(line) for line in run.stdout.splitlines()) <= 20
    assert "…" not in run.stdout
    _assert_nothing_acts_on_the_terminal(run.stdout)
