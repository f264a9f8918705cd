"""The viewer's own commands in the command palette (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .briefing_view import PANEL_TITLES

if TYPE_CHECKING:
    from .app import BriefingApp


class BriefingCommands(Provider):
    """Go to each panel, switch language, toggle the theme, print the summary, screenshot."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: BriefingApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {PANEL_TITLES[panel]}", partial(app.go_to_panel, panel),
             f"Show the {PANEL_TITLES[panel]} panel")
            for panel in app.view.panels
        ]
        commands += [
            (f"Language: {language}", partial(app.set_language, language),
             f"Show the briefing's text in {language!r}")
            for language in app.view.languages
        ]
        commands += [
            ("Toggle dark / light theme", app.action_toggle_dark,
             "Switch between the dark and the light theme"),
            ("Print summary and quit", app.action_print_summary,
             "Quit and print the briefing's summary in the current language"),
            ("Save screenshot", app.action_save_screenshot,
             "Save an SVG picture of the screen in the current folder"),
        ]
        return commands

    async def discover(self) -> Hits:
        """All commands, before anything is typed."""
        for name, command, help_text in self._commands():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``, best first."""
        matcher = self.matcher(query)
        for name, command, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
