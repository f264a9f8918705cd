"""The viewer in a real terminal (tmux): start-up, keys, search, quitting, printing."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest

from .conftest import ROOT, SAMPLE

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it)")


class Terminal:
    """One tmux session on a private server, running ``python -m briefing``."""

    def __init__(self, *args: str, width: int = 120, height: int = 40) -> None:
        self.socket = f"briefing-test-{os.getpid()}-{time.monotonic_ns()}"
        command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "briefing", *args])
        # The session starts with a placeholder and the viewer replaces it once the
        # window has its size: started directly, it could read the 80x24 default.
        self.tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height),
                  "sleep 60")
        self.tmux("set-option", "-t", "t", "remain-on-exit", "on")
        environment = "env -u COLUMNS -u LINES TERM=xterm-256color"  # the pane's own size
        self.tmux("respawn-pane", "-k", "-t", "t",
                  f"cd {shlex.quote(str(ROOT))} && {environment} {command}")

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, *args],
                              capture_output=True, text=True, timeout=10)

    def screen(self, history: bool = False) -> str:
        """What the terminal shows (with ``history``, what scrolled off the top too)."""
        extra = ["-S", "-"] if history else []
        return self.tmux("capture-pane", "-p", "-t", "t", *extra).stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)

    def dead(self) -> bool:
        result = self.tmux("display-message", "-p", "-t", "t", "#{pane_dead}")
        return result.stdout.strip() == "1"

    def wait(self, condition: Callable[[str], bool], what: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if condition(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal() -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def open_(*args: str, **kwargs: int) -> Terminal:
        opened.append(Terminal(*args, **kwargs))
        return opened[-1]

    yield open_
    for term in opened:
        term.close()


def test_title_panels_search_and_quit(terminal: Callable[..., Terminal]) -> None:
    term = terminal(str(SAMPLE))
    term.wait(lambda s: "Развитие евразийских связей" in s, "the title")
    term.keys("2")
    term.wait(lambda s: "Организация" in s and "Арман Исетов" in s, "the participants")
    term.keys("/")
    term.keys("коридор", literal=True)
    # From the Participants panel on, the first match is a priority's. Waiting for
    # this count (not any count) lets the typing finish: each letter shows one.
    text = term.wait(lambda s: "2/6" in s, "the match count 2/6")
    assert "Развитие евразийских связей: Казахстан – ключевой игрок в диалоге Центральной Азии" in (
        text)  # on one line: the viewer has the terminal's width
    term.keys("Escape")
    # Wait: ESC and "q" sent together would read as Alt+Q.
    term.wait(lambda s: "2/6" not in s, "the search to close")
    term.keys("q")
    term.wait(lambda s: term.dead(), "the viewer to quit")


def test_p_prints_the_summary_after_quitting(terminal: Callable[..., Terminal]) -> None:
    term = terminal(str(SAMPLE), width=100, height=60)
    term.wait(lambda s: "Развитие евразийских связей" in s, "the title")
    term.keys("l")
    term.wait(lambda s: "Developing Eurasian ties" in s, "the English text")
    term.keys("p")
    term.wait(lambda s: term.dead(), "the viewer to quit")
    text = term.screen(history=True)
    assert "Developing Eurasian ties" in text
    assert "Arman Isetov" in text  # the printed summary, in the language last shown
