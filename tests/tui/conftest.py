"""Helpers for the viewer's tests: apps, screen text, waiting.

The ``async def`` tests run under pytest-asyncio (``asyncio_mode = "auto"`` in
pyproject.toml), each in a fresh event loop as Textual's Pilot needs.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App

from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.panels import PanelId, panels_for
from briefing.tui.viewer_state import ViewerState

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_app(path: Path = SAMPLE, **kwargs: Any) -> BriefingApp:
    """The viewer on ``path``, without live reload unless asked for."""
    kwargs.setdefault("poll_seconds", None)
    return BriefingApp(path, **kwargs)


def screen_text(app: App[Any]) -> str:
    """The text on the app's screen, as a terminal would show it.

    Private Textual API on purpose: Textual 8 has no public way to get this text.
    ``App.export_screenshot()`` runs exactly these two lines but returns SVG
    (``console.export_svg``), not text; the public ``Screen`` methods over the
    compositor (``get_widget_at``, ``get_style_at``, ...) give widgets and styles,
    not characters; ``Widget.render_lines`` draws one widget without the ones on
    top of it or the screens under a modal; and a headless app (``run_test``)
    writes nothing to ``App.console`` or its driver, so there is no output to
    record. ``screen_stack=app._background_screens`` is what draws the screen
    underneath a modal (the tests read it through the translucent backdrop).
    """
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      force_terminal=True, legacy_windows=False, color_system="truecolor")
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


async def wait_for(condition: Callable[[], bool], pilot: Any, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)


def viewer_state(app: BriefingApp) -> ViewerState:
    """The state of the app's main screen: its outline and search highlights."""
    screen = app.screen_stack[0]
    assert isinstance(screen, BriefingScreen)
    return screen.state


def viewer_panels(app: BriefingApp) -> tuple[PanelId, ...]:
    """The panels the app shows, in order."""
    return panels_for(app.outline)
