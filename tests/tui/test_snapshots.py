"""How the viewer looks: SVG snapshots of every panel, both languages, two sizes.

Regenerate after a deliberate change with ``pytest tests/tui --snapshot-update``
and look at the new pictures before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import FIXTURES, make_app, wait_for

PANELS = ["summary", "participants", "priorities", "figures", "statements", "outcomes",
          "source"]
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


async def checked(pilot: Any) -> None:
    """Wait for the evidence check (a worker's), so that every picture has its badges."""
    app = pilot.app
    await wait_for(lambda: app.evidence is not None, pilot)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("panel", PANELS)
def test_panel(snap_compare: Any, panel: str, language: str, size: str) -> None:
    key = str(PANELS.index(panel) + 1)
    press = [key, "l"] if language == "en" else [key]
    assert snap_compare(make_app(), press=press, terminal_size=SIZES[size],
                        run_before=checked)


@pytest.mark.parametrize("size", SIZES)
def test_search_highlights(snap_compare: Any, size: str) -> None:
    press = ["slash", *"коридор", "enter", "n"]
    assert snap_compare(make_app(), press=press, terminal_size=SIZES[size],
                        run_before=checked)


def test_participant_details(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["2", "enter"], terminal_size=(80, 24),
                        run_before=checked)


def test_help(snap_compare: Any) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(120, 40),
                        run_before=checked)


def test_timeline_and_bars(snap_compare: Any) -> None:
    app = make_app(FIXTURES / "timeline.yaml")
    assert snap_compare(app, press=["4"], terminal_size=(80, 24),
                        run_before=checked)


def test_empty_briefing(snap_compare: Any) -> None:
    app = make_app(FIXTURES / "minimal.yaml")
    assert snap_compare(app, press=["2"], terminal_size=(80, 24),
                        run_before=checked)
