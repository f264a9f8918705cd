"""The viewer's own commands in the command palette (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..interface import interface
from ..outline import Outline
from ..safe_text import visible
from .briefing_screen import BriefingScreen
from .messages import LanguageRequested, PanelRequested
from .panels import panel_spec, panels_for

if TYPE_CHECKING:
    from textual.app import App


class BriefingCommands(Provider):
    """Go to each panel, switch language, toggle the theme, print the summary, screenshot,
    export."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: App[object] = self.app
        # Any app with an outline: None while no briefing is open (the library's list).
        outline: Outline | None = getattr(app, "outline", None)
        if outline is None:
            t = interface(getattr(app, "language", "en"))
            return [(t("Toggle dark / light theme"), app.action_toggle_dark,
                     t("Switch between the dark and the light theme"))]
        t = interface(outline.language)
        commands: list[tuple[str, Callable[[], object], str]] = []
        for panel in panels_for(outline):
            title = t(panel_spec(panel).title)
            commands.append((t("Go to {title}", title=title), partial(self._go_to_panel, panel),
                             t("Show the {title} panel", title=title)))
        commands += [
            (t("Language: {language}", language=visible(language)),
             partial(app.post_message, LanguageRequested(language)),
             t("Show the briefing's text in {language}", language=visible(language)))
            for language in outline.languages
        ]
        commands += [
            (t("Toggle dark / light theme"), app.action_toggle_dark,
             t("Switch between the dark and the light theme")),
            (t("Print summary and quit"), partial(app.run_action, "print_summary"),
             t("Quit and print the briefing's summary in the current language")),
            (t("Save screenshot"), partial(app.run_action, "save_screenshot"),
             t("Save an SVG picture of the screen in the current folder")),
            (t("Export…"), partial(app.run_action, "export"),
             t("Write the briefing as Markdown, HTML, JSON, text or SVG")),
        ]
        return commands

    def _go_to_panel(self, panel: str) -> None:
        """Close any detail screen and ask the main screen for ``panel``."""
        app = self.app
        while len(app.screen_stack) > 1 and not isinstance(app.screen, BriefingScreen):
            app.pop_screen()
        app.screen.post_message(PanelRequested(panel))

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
