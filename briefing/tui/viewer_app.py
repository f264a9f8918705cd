"""What every app that shows briefings shares: the keys that work everywhere, the
command palette, the help, printing, exporting and screenshots.

The briefing itself belongs to its screen (:class:`ViewerScreen`: the outline,
live reload, the evidence check); the app finds the one in its stack
(:attr:`ViewerApp.viewer`) and acts on it. :class:`~briefing.tui.app.BriefingApp`
shows one file; :class:`~briefing.tui.library_app.LibraryApp` a library, whose
briefings it opens over the list and closes again, in one app (so one browser
session of ``briefing serve`` runs them all).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.screen import Screen
from textual.theme import ThemeProvider

from ..interface import Interface, interface
from ..outline import Outline
from ..safe_text import shown_path, visible
from .briefing_screen import BriefingScreen
from .item_list import ItemList
from .messages import LanguageRequested
from .panels import panels_for
from .viewer_screen import ViewerScreen

if TYPE_CHECKING:
    from .help_screen import HelpSection

BRIEFING_ACTIONS = frozenset({"switch_language", "help", "print_summary", "show_changes",
                              "export", "quit_viewer"})
"""The app's actions that act on a briefing: without one open, they are off."""


def briefing_commands() -> type[Provider]:
    """The app's command provider, imported when the palette first opens."""
    from .briefing_commands import BriefingCommands

    return BriefingCommands


class ViewerApp(App[Outline | None]):
    """An app whose screens show briefings; its result is the outline to print when the
    reader asked for it (``p``)."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "briefing_app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {briefing_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "switch_language", "Language"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "print_summary", "Print & quit"),
        Binding("d", "show_changes", "What changed", show=False),
        # Its own action, not Textual's "quit" (Ctrl+Q): a screen without a briefing
        # (the library's list) types "q" into its filter, and shows no such key.
        Binding("q", "quit_viewer", "Quit"),
    ]

    interface_language = "en"
    """The interface's language while no briefing is open."""

    @property
    def viewer(self) -> ViewerScreen | None:
        """The screen of the briefing open (under any detail or dialog), if one is."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ViewerScreen):
                return screen
        return None

    @property
    def outline(self) -> Outline | None:
        """The briefing on screen, in the language on screen (None if none is open)."""
        viewer = self.viewer
        return viewer.outline if viewer is not None else None

    @property
    def language(self) -> str:
        """The language the text is shown in."""
        viewer = self.viewer
        return viewer.outline.language if viewer is not None else self.interface_language

    @property
    def t(self) -> Interface:
        """The interface's words, in the language the text is shown in."""
        return interface(self.language)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The briefing's keys are off (and not shown) while no briefing is open."""
        return action not in BRIEFING_ACTIONS or self.viewer is not None

    # ------------------------------------------------------------------ palette

    def action_command_palette(self) -> None:
        """Open the command palette, its prompt in the interface's language."""
        open_already = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not open_already:
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=self.t("Search for commands…")))

    def action_change_theme(self) -> None:
        """Choose a theme, the prompt in the interface's language."""
        self.push_screen(CommandPalette(providers=[ThemeProvider],
                                        placeholder=self.t("Search for themes…")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands that make sense here, in the interface's
        language; screenshots are the viewer's own command, which says where it saved."""
        t = self.t
        yield SystemCommand(t("Theme"), t("Change the current theme"), self.action_change_theme)
        if self.viewer is not None:
            yield SystemCommand(t("Keys"), t("Show every key"), self.action_help)
        yield SystemCommand(t("Quit"), t("Quit the viewer"), self.action_quit)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer and help show them; the panel keys as ``1-N``, N being
        how many panels this briefing has."""
        outline = self.outline
        if binding.action == "show_panel(0)" and outline is not None:
            return f"1-{len(panels_for(outline))}"
        return super().get_key_display(binding)

    # ------------------------------------------------------------------ language

    @on(LanguageRequested)
    def _language_requested(self, event: LanguageRequested) -> None:
        # From the palette, or a detail screen: the briefing's screen shows it.
        viewer = self.viewer
        if viewer is not None:
            viewer.show_language(event.language)

    def action_switch_language(self) -> None:
        """Show the next of the briefing's languages."""
        self.post_message(LanguageRequested())

    # ------------------------------------------------------------------ help

    def action_help(self) -> None:
        """Show every key."""
        from .help_screen import HelpScreen

        if self.viewer is not None and not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections(), self.t))

    def help_sections(self) -> list[HelpSection]:
        """The help text: every key binding, by where it works, from the classes themselves."""
        from .participant_screen import ParticipantScreen

        t = self.t
        sections: list[HelpSection] = []
        for heading, owner in (
            ("Everywhere", ViewerApp),
            ("Main screen", BriefingScreen),
            ("In a panel", ItemList),
            ("Participant details", ParticipantScreen),
        ):
            rows: list[tuple[str, str]] = []
            groups: set[str] = set()
            for binding in Binding.make_bindings(owner.__dict__.get("BINDINGS", [])):
                keys = binding.key_display or self.get_key_display(binding)
                description = t.known(binding.description)
                if binding.group is not None:
                    # A group (1-9) is one row, shown as its first key's display.
                    if binding.group.description in groups:
                        continue
                    groups.add(binding.group.description)
                    description = t(binding.group.description)
                if rows and rows[-1][1] == description:
                    rows[-1] = (f"{rows[-1][0]}, {keys}", description)
                else:
                    rows.append((keys, description))
            if owner is ViewerApp:
                rows.append((self.get_key_display(Binding("ctrl+p", "")), t("Command palette")))
            sections.append((t(heading), rows))
        from .evidence_marks import legend

        enter = self.get_key_display(Binding("enter", ""))
        sections.append((t("Evidence badges"), [
            *legend(t), (enter, t("To the evidence passage, and from it to the claims"))]))
        return sections

    # ------------------------------------------------------------------ commands

    async def action_quit_viewer(self) -> None:
        """Quit."""
        await self.action_quit()

    def action_print_summary(self) -> None:
        """Quit, then print the summary in the current language."""
        outline = self.outline
        if outline is not None:
            self.exit(outline)

    def action_save_screenshot(self) -> None:
        """Save an SVG picture of the screen in the current folder."""
        path = self.save_screenshot()
        self.notify(self.t("Saved {path}", path=visible(path)), markup=False)

    def action_export(self) -> None:
        """Ask for a format and a file, and write the briefing there."""
        from .export_screen import ExportScreen

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(self.t("Saved {path}", path=shown_path(str(path))), markup=False)

        viewer = self.viewer
        if viewer is not None and not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen(viewer.outline, viewer.path, self.t), saved)

    def action_show_changes(self) -> None:
        """Show in full what the last version of the file changed."""
        from .diff_screen import DiffScreen

        viewer = self.viewer
        if viewer is not None and not isinstance(self.screen, DiffScreen):
            self.push_screen(DiffScreen(viewer.changes, viewer.outline.language))
