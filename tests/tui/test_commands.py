"""Help, the command palette, printing the summary and quitting."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.help_screen import HelpScreen

from .conftest import make_app, screen_text, wait_for


async def test_question_mark_shows_every_key() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").render()
        plain = str(text)
        for keys, description in [
            ("1-7", "Go to a panel"), ("tab", "Next panel"), ("shift+tab", "Previous panel"),
            ("/", "Search"), ("n", "Next match"), ("N", "Previous match"),
            ("esc", "Clear search"), ("l", "Language"), ("?", "Help"), ("p", "Print & quit"),
            ("q", "Quit"), ("^p", "Command palette"), ("j", "Next item"), ("k", "Previous"),
            ("g", "First"), ("G", "Last"), ("⏎", "Open item"), ("esc", "Back"),
        ]:
            assert any(keys in line and description in line for line in plain.splitlines()), (
                keys, description)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


def palette_commands(app: BriefingApp) -> list[str]:
    """The commands the open palette lists (also those scrolled out of view)."""
    results = app.screen.query_one(CommandList)
    return [str(option.prompt).split("\n")[0] for option in results.options]


async def test_command_palette_has_the_apps_commands() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        expected = ["Go to Summary", "Go to Participants", "Go to Priorities", "Go to Figures",
                    "Go to Statements", "Go to Outcomes", "Go to Source", "Language: ru",
                    "Language: en", "Toggle dark / light theme", "Print summary and quit",
                    "Save screenshot"]
        await wait_for(lambda: set(expected) <= set(palette_commands(app)), pilot)
        assert "Go to Figures" in screen_text(app)
        await pilot.press(*"go to figures")
        await wait_for(lambda: "Go to Figures" in screen_text(app)
                       and "Go to Summary" not in screen_text(app), pilot)
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, BriefingScreen), pilot)
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.current_panel == "figures"


async def test_palette_switches_language_and_theme() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        theme = app.theme
        for command in ("toggle dark", "language: ru"):
            await pilot.press("ctrl+p", *command)
            await wait_for(lambda: "Go to" not in screen_text(app), pilot)
            await pilot.press("enter")
            await wait_for(lambda: isinstance(app.screen, BriefingScreen), pilot)
        assert app.language == "ru"
        assert app.theme != theme
        await pilot.press("ctrl+p")  # the palette now speaks Russian too
        await wait_for(lambda: "Тёмная / светлая тема" in palette_commands(app), pilot)


async def test_p_quits_with_the_print_result() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "p")
    printed = app.return_value
    assert printed is not None and printed.language == "en"  # the CLI prints this outline


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        assert not app.is_running
    assert app.return_value is None


def test_the_cli_prints_the_summary_after_p(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from briefing import cli

    from .conftest import SAMPLE

    def fake_run(self: BriefingApp, **kwargs: object) -> object:
        return self.outline.in_language("en")  # as if the reader pressed l, then p

    monkeypatch.setattr(BriefingApp, "run", fake_run)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # Textual draws on it
    assert cli.main([str(SAMPLE)]) == 0
    assert "Developing Eurasian ties" in capsys.readouterr().out
