"""The viewer app, and :func:`run`, which the ``briefing`` command calls."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.reactive import var
from textual.screen import Screen

from ..errors import BriefingError
from ..loader import load
from ..model import Briefing
from ..safe_text import visible
from .briefing_screen import BriefingScreen
from .briefing_view import Article, BriefingView, file_signature, read_article
from .item_list import ItemList

if TYPE_CHECKING:
    from .help_screen import HelpSection

PRINT = "print"
"""The app's result when the reader asked for the printed summary."""

POLL_SECONDS = 0.5
"""How often the file is checked for changes."""


def briefing_commands() -> type[Provider]:
    """The app's command provider, imported when the palette first opens."""
    from .briefing_commands import BriefingCommands

    return BriefingCommands


class BriefingApp(App[str]):
    """Shows one briefing file, and reloads it when it changes on disk.

    The app holds the state every screen shares (the :class:`BriefingView`,
    the language, the file's problems); :class:`BriefingScreen` does the rest.
    """

    CSS_PATH = "briefing_app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {briefing_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "switch_language", "Language"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "print_summary", "Print & quit"),
        Binding("q", "quit", "Quit"),
    ]

    language: var[str] = var("", init=False)
    """The language the text is shown in."""

    version: var[int] = var(0, init=False)
    """Grows each time a new version of the file is loaded."""

    problems: var[tuple[str, ...]] = var((), init=False)
    """What is wrong with the file on disk, while the last good version is shown."""

    def __init__(
        self, path: Path, briefing: Briefing | None = None, *,
        poll_seconds: float | None = POLL_SECONDS,
    ) -> None:
        """Show the briefing at ``path`` (``briefing``, if already loaded from it).

        ``poll_seconds`` is how often to check the file for changes; ``None``
        turns live reload off. Raises :class:`BriefingError` if the file is invalid.
        """
        super().__init__()
        self.path = path
        if briefing is None:
            briefing = load(path)
        self.view = BriefingView(briefing, article=read_article(briefing.source_text_path))
        self.set_reactive(BriefingApp.language, self.view.language)
        self.poll_seconds = poll_seconds
        self._signature = self._file_signature(briefing)

    def get_default_screen(self) -> Screen[None]:
        return BriefingScreen(self.view)

    def on_mount(self) -> None:
        if self.poll_seconds is not None:
            self.set_interval(self.poll_seconds, self.check_file, name="live reload")

    # ------------------------------------------------------------------ language

    def set_language(self, language: str) -> None:
        """Show the text in ``language``."""
        if language in self.view.languages and language != self.view.language:
            self.language = language

    def watch_language(self, language: str) -> None:
        self.view.set_language(language)

    def action_switch_language(self) -> None:
        """Show the next of the briefing's languages."""
        languages = self.view.languages
        if len(languages) < 2:
            self.notify("This briefing has one language only.", markup=False)
            return
        index = languages.index(self.view.language) if self.view.language in languages else 0
        self.set_language(languages[(index + 1) % len(languages)])

    # ------------------------------------------------------------------ navigation

    def go_to_panel(self, panel: str) -> None:
        """Show ``panel`` on the main screen (closing a detail screen)."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, BriefingScreen):
            self.pop_screen()
        if isinstance(self.screen, BriefingScreen):
            self.screen.show_panel(panel)

    def action_help(self) -> None:
        """Show every key."""
        from .help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[HelpSection]:
        """The help text: every key binding, by where it works, from the classes themselves."""
        from .participant_screen import ParticipantScreen

        sections: list[HelpSection] = []
        for heading, owner in (
            ("Everywhere", BriefingApp),
            ("Main screen", BriefingScreen),
            ("In a panel", ItemList),
            ("Participant details", ParticipantScreen),
        ):
            rows: list[tuple[str, str]] = []
            groups: set[str] = set()
            for binding in Binding.make_bindings(owner.__dict__.get("BINDINGS", [])):
                keys = binding.key_display or self.get_key_display(binding)
                description = binding.description
                if binding.group is not None:
                    # A group (1-9) is one row, shown as its first key's display.
                    if binding.group.description in groups:
                        continue
                    groups.add(binding.group.description)
                    description = binding.group.description
                if rows and rows[-1][1] == description:
                    rows[-1] = (f"{rows[-1][0]}, {keys}", description)
                else:
                    rows.append((keys, description))
            if owner is BriefingApp:
                rows.append((self.get_key_display(Binding("ctrl+p", "")), "Command palette"))
            sections.append((heading, rows))
        return sections

    # ------------------------------------------------------------------ commands

    def action_print_summary(self) -> None:
        """Quit, then print the summary in the current language."""
        self.exit(PRINT)

    def action_save_screenshot(self) -> None:
        """Save an SVG picture of the screen in the current folder."""
        path = self.save_screenshot()
        self.notify(f"Saved {visible(path)}", markup=False)

    # ------------------------------------------------------------------ live reload

    def _file_signature(self, briefing: Briefing) -> tuple[object, ...]:
        """What changes when the file (or its article) changes."""
        article = briefing.source_text_path
        return (file_signature(self.path), file_signature(article) if article else None)

    def check_file(self) -> None:
        """Reload the file if it changed on disk since last looked at."""
        signature = self._file_signature(self.view.briefing)
        if signature != self._signature:
            self._signature = signature
            self.reload()

    @work(thread=True, exclusive=True, group="reload")
    def reload(self) -> None:
        """Load the file again (in a thread: a big file must not freeze the screen)."""
        try:
            briefing = load(self.path)
        except BriefingError as error:
            problems = tuple(str(problem) for problem in error.problems)  # made visible
            self.call_from_thread(self._reload_failed, problems)
            return
        article = read_article(briefing.source_text_path)
        self.call_from_thread(self._reloaded, briefing, article)

    def _reloaded(self, briefing: Briefing, article: Article | None) -> None:
        self.view.set_briefing(briefing, article)
        self._signature = self._file_signature(briefing)
        self.set_reactive(BriefingApp.language, self.view.language)
        self.problems = ()
        self.version += 1

    def _reload_failed(self, problems: tuple[str, ...]) -> None:
        if problems != self.problems:
            self.notify("\n".join(problems[:3]), title="The file has errors",
                        severity="error", markup=False)
        self.problems = problems


def run(path: Path, briefing: Briefing | None = None) -> int:
    """Show the briefing at ``path`` (``briefing``, if already loaded from it);
    returns the exit code.

    When the reader quits with ``p``, the summary is printed after the screen
    is restored, in the language the reader was using.
    """
    try:
        app = BriefingApp(path, briefing)
    except BriefingError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    result = app.run()
    if result == PRINT:
        from ..summary import print_summary

        print_summary(app.view.briefing, language=app.view.language)
    return app.return_code or 0
