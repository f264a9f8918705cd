"""The viewer on hostile files: every panel renders without an exception, shows
control characters only as stand-ins, and in a real (pseudo-)terminal sends
none of the file's escape sequences."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from briefing.loader import loads
from briefing.tui.app import BriefingApp

from ..tui.conftest import screen_text
from .briefings import hostile_briefings
from .harness import (
    BIDI_CONTROLS,
    SHOWS,
    VALID,
    header_values,
    run_in_pty,
    squash,
    terminal_actions,
)

CORPUS = sorted(VALID.glob("*.yaml"))
PANEL_KEYS = "12345678"
SIZE = (200, 60)


async def _every_panel(app: BriefingApp) -> list[str]:
    """The screen text of each panel in turn, and of the first participant's details."""
    screens = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in PANEL_KEYS:
            await pilot.press(key)
            await pilot.pause()
            screens.append(screen_text(app))
        if app.outline.briefing.participants:
            await pilot.press("2", "enter")
            await pilot.pause()
            screens.append(screen_text(app))
    return screens


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_every_panel_shows_the_text_and_no_control(path: Path) -> None:
    screens = asyncio.run(_every_panel(BriefingApp(path, poll_seconds=None)))
    for screen in screens:
        assert terminal_actions(screen) == []
    shown = squash("\n".join(screens))
    for expected in header_values(path, SHOWS):
        assert squash(expected) in shown, f"{expected!r} is not on any panel"


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=hostile_briefings)
def test_any_valid_briefing_renders_on_every_panel(text: str, tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(text, encoding="utf-8")
    app = BriefingApp(path, loads(text, str(path), tmp_path), poll_seconds=None)
    for screen in asyncio.run(_every_panel(app)):
        assert terminal_actions(screen) == []


# -- a real terminal ----------------------------------------------------------------

# Sequences from the file that must not reach the terminal. The app's own
# (alternate screen, mouse modes, cursor moves, OSC 22 pointer shape) may.
CONTENT_SEQUENCES = [
    "\x1b]52;",
    "\x1b]0;",
    "\x1b]8;",
    "\x1b]1337;",
    "\x1b]10;",
    "\x1b[2J",
    "\x1bc",
    "\x1b[?47h",
    "\x1bP",
    "\x1b[6n",
    "\x1b[21t",
]
ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])"
)


def _view_in_pty(path: Path, wait_for: str) -> tuple[int, str]:
    """Open ``path`` in the viewer on a pseudo-terminal, press ``q`` once
    ``wait_for`` is on screen; the exit code and everything the app wrote."""
    seen = False

    def quit_once_shown(output: bytes) -> bytes | None:
        nonlocal seen
        seen = wait_for in _text_of(output)
        return b"q" if seen else None

    code, output = run_in_pty(str(path), timeout=20, answer=quit_once_shown)
    assert seen, f"{wait_for!r} never appeared:\n{_text_of(output)[-2000:]}"
    return code, output.decode("utf-8", "replace")


def _text_of(output: str | bytes) -> str:
    if isinstance(output, str):
        return ESCAPE_SEQUENCE.sub("", output)
    return ESCAPE_SEQUENCE.sub("", output.decode("utf-8", "replace"))


def test_the_viewer_in_a_terminal_sends_none_of_the_files_sequences() -> None:
    path = VALID / "terminal-sequences.yaml"
    code, output = _view_in_pty(path, wait_for="Clipboard ␛]52;c;aGVsbG8gY2xpcGJvYXJk␇copy")
    assert code == 0
    for sequence in CONTENT_SEQUENCES:
        assert sequence not in output, f"{sequence!r} reached the terminal"
    assert not re.search(r"[\x80-\x9f]", output), "a C1 control reached the terminal"
    assert not any(char in BIDI_CONTROLS for char in output)
    text = _text_of(output)
    for stand_in in ("␛]0;pwned title␇", "␛[2J", "⟨U+202E⟩"):
        assert stand_in in text


def test_the_viewer_does_not_start_with_standard_error_redirected(tmp_path: Path) -> None:
    """`briefing FILE 2>log` on a terminal: Textual draws on standard error, so the
    viewer would be drawn into the log (and wait for keys). It says what to run
    instead, draws nothing, and ends."""
    path = VALID / "markup.yaml"
    with (tmp_path / "log").open("w+b") as log:
        code, output = run_in_pty(str(path), timeout=30, stderr=log)
        log.seek(0)
        logged = log.read().decode("utf-8")
    assert code == 2, f"the viewer started:\n{_text_of(logged)[-2000:]}"
    assert output == b""
    assert logged == (
        "briefing: the viewer needs a terminal, but standard error is not one; to print the "
        f"briefing instead, run `briefing summary {path}`\n")
