"""Text from a briefing is shown literally: markup does nothing, control codes show."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.panels.participants_panel import ParticipantsPanel
from briefing.tui.participant_screen import ParticipantScreen

from .conftest import FIXTURES, make_app, screen_text

MARKUP = FIXTURES / "markup.yaml"


@pytest.fixture
def actions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Record the actions markup would run; run the test in an empty folder."""
    called: list[str] = []

    async def quit_(self: BriefingApp) -> None:
        called.append("quit")

    monkeypatch.setattr(BriefingApp, "action_screenshot",
                        lambda self, *a, **k: called.append("screenshot"))
    monkeypatch.setattr(BriefingApp, "action_save_screenshot",
                        lambda self: called.append("save_screenshot"))
    monkeypatch.setattr(BriefingApp, "action_quit", quit_)
    monkeypatch.chdir(tmp_path)
    return called


async def test_markup_in_text_shows_literally() -> None:
    app = make_app(MARKUP)
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "[@click=app.screenshot()]click me[/]" in text
        assert "[bold]not bold[/bold]" in text
        assert "[link=https://example.com]no link[/link]" in text
        assert "␛[31mno red␛[0m" in text  # ESC is shown, not sent to the terminal
        await pilot.press("2")
        text = screen_text(app)
        assert "[@click=app.quit]quit now[/]" in text
        assert "[red]" in text


async def test_clicking_markup_runs_no_action(actions: list[str], tmp_path: Path) -> None:
    app = make_app(MARKUP)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#header", offset=(5, 0))  # the title
        await pilot.click("#summary", offset=(5, 1))
        await pilot.press("2")
        table = app.query_one(ParticipantsPanel)
        for _ in range(2):  # the second click opens the participant
            await pilot.click(table, offset=(5, 2))
            await pilot.pause()
        assert isinstance(app.screen, ParticipantScreen)
        await pilot.click("#participant-details", offset=(20, 1))
        await pilot.click("#participant-statements", offset=(8, 1))
        await pilot.press("escape", "5")
        await pilot.click("#statements", offset=(8, 2))
        await pilot.press("4")
        await pilot.click("#figures", offset=(12, 1))
        await pilot.pause()
        assert app.is_running
    assert actions == []
    assert list(tmp_path.iterdir()) == []


async def test_header_and_figures_show_control_codes_visibly() -> None:
    app = make_app(MARKUP)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        text = screen_text(app)
        assert "␛" in text
        assert "\x1b" not in text
