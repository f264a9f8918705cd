"""Helpers for the viewer's tests: async tests without a plugin, apps, screen text."""

from __future__ import annotations

import asyncio
import inspect
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from briefing.tui.app import BriefingApp

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (Textual's Pilot needs one)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None


def make_app(path: Path = SAMPLE, **kwargs: Any) -> BriefingApp:
    """The viewer on ``path``, without live reload unless asked for."""
    kwargs.setdefault("poll_seconds", None)
    return BriefingApp(path, **kwargs)


def screen_text(app: BriefingApp) -> str:
    """The text on the app's screen, as a terminal would show it."""
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
