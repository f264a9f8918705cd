"""The viewer app: one briefing file, reloaded when it changes on disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.reactive import var
from textual.screen import Screen
from textual.theme import ThemeProvider

from ..errors import BriefingError
from ..interface import Interface, interface
from ..loader import load, read_article
from ..model import Briefing
from ..outline import Outline
from ..safe_text import shown_path, visible
from .briefing_screen import BriefingScreen
from .item_list import ItemList
from .messages import (
    BackRequested,
    BriefingReloaded,
    EvidenceChecked,
    LanguageRequested,
    ReloadFailed,
)
from .panels import panels_for
from .viewer_state import Outlines, long_lived

if TYPE_CHECKING:
    from ..diff import Change
    from .evidence_marks import EvidenceMarks
    from .help_screen import HelpSection

POLL_SECONDS = 0.5
"""How often the file is checked for changes."""


def briefing_commands() -> type[Provider]:
    """The app's command provider, imported when the palette first opens."""
    from .briefing_commands import BriefingCommands

    return BriefingCommands


def file_signature(path: Path) -> tuple[int, int] | None:
    """``(mtime_ns, size)`` of ``path`` (``None`` if unreadable): what live reload polls."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class BriefingApp(App[Outline | None]):
    """Shows one briefing file, and reloads it when it changes on disk.

    The app holds the state every screen shares: the briefing's outline in the
    language on screen, and the file's problems. They flow down to the screens
    through reactives; the screens and the palette ask for changes with messages.
    Its result is the outline to print when the reader asked for it (``p``).
    """

    CSS_PATH = "briefing_app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {briefing_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "switch_language", "Language"),
        Binding("question_mark", "help", "Help"),
        Binding("p", "print_summary", "Print & quit"),
        Binding("d", "show_changes", "What changed", show=False),
        Binding("q", "quit", "Quit"),
    ]

    outline: var[Outline] = var(None, init=False)  # type: ignore[arg-type]
    """The briefing on screen, in the language on screen."""

    version: var[int] = var(0, init=False)
    """Grows each time a new version of the file is loaded."""

    problems: var[tuple[str, ...]] = var((), init=False)
    """What is wrong with the file on disk, while the last good version is shown."""

    deleted: var[bool] = var(False, init=False)
    """Whether the file on disk is gone (its problem then says so)."""

    evidence: var[EvidenceMarks | None] = var(None, init=False)
    """The last check of the briefing's evidence against its article (None until the
    first is made, after the first screen); made again for each new version."""

    def __init__(
        self, path: Path, briefing: Briefing | None = None, *,
        language: str | None = None, poll_seconds: float | None = POLL_SECONDS,
        query: str = "", from_library: bool = False,
    ) -> None:
        """Show the briefing at ``path`` (``briefing``, if already loaded from it) in
        ``language`` (default: the briefing's own).

        ``poll_seconds`` is how often to check the file for changes; ``None``
        turns live reload off. ``query`` is searched for at once (a search of the
        library goes on in the briefing); ``from_library``: Esc with nothing to
        clear goes back to the library (:attr:`back_to_library`). Raises
        :class:`BriefingError` if the file is invalid.
        """
        super().__init__()
        self.path = path
        self.initial_query = query
        self.from_library = from_library
        self.back_to_library = False
        """Whether the reader left for the library (the app's result is then None)."""
        signature = file_signature(path)  # before reading: a change while reading shows
        if briefing is None:
            briefing = load(path)
        article = briefing.source_text_path
        self._signature: tuple[object, ...] = (
            signature, file_signature(article) if article is not None else None)
        """The change signature of the version on screen, or being read."""
        with long_lived():
            outline = Outline(briefing, language, read_article(article))
        self.set_reactive(BriefingApp.outline, outline)
        self.outlines = Outlines(outline)
        """The briefing in each language shown so far (shared with the screens)."""
        self.poll_seconds = poll_seconds
        self.changes: list[Change] = []
        """What the last version of the file read again changed (``d`` shows it)."""
        self._reads = 0
        """How many reads live reload has started; only the last one's result is shown."""

    def get_default_screen(self) -> Screen[None]:
        return BriefingScreen(self.outline, self.outlines).data_bind(
            BriefingApp.outline, BriefingApp.deleted, BriefingApp.problems,
            BriefingApp.evidence)

    def on_mount(self) -> None:
        # After the first screen is drawn: the check never delays it.
        self.call_after_refresh(self.check_evidence)
        if self.poll_seconds is not None:
            self.set_interval(self.poll_seconds, self.check_file, name="live-reload")
        if self.initial_query:
            self.call_after_refresh(self._search_at_once)

    def _search_at_once(self) -> None:
        """Search for :attr:`initial_query`, as if typed, and leave the search bar."""
        from .search_bar import SearchBar

        screen = self.screen
        if isinstance(screen, BriefingScreen):
            screen.action_search()
            bar = screen.search_bar
            # Typed into the box: the box's watcher searches, as for a key.
            bar.input.value = self.initial_query
            bar.post_message(SearchBar.Done())

    @on(BackRequested)
    def _back(self) -> None:
        if self.from_library:
            self.back_to_library = True
            self.exit(None)

    # ------------------------------------------------------------------ language

    @property
    def language(self) -> str:
        """The language the text is shown in."""
        return self.outline.language

    @property
    def t(self) -> Interface:
        """The interface's words, in the language the text is shown in."""
        return interface(self.outline.language)

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
        yield SystemCommand(t("Keys"), t("Show every key"), self.action_help)
        yield SystemCommand(t("Quit"), t("Quit the viewer"), self.action_quit)

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the footer and help show them; the panel keys as ``1-N``, N being
        how many panels this briefing has."""
        if binding.action == "show_panel(0)":
            return f"1-{len(panels_for(self.outline))}"
        return super().get_key_display(binding)

    @on(LanguageRequested)
    def _language_requested(self, event: LanguageRequested) -> None:
        languages = self.outline.languages
        language = event.language
        if language is None:  # the next one
            if len(languages) < 2:
                self.notify(self.t("This briefing has one language only."), markup=False)
                return
            index = languages.index(self.language) if self.language in languages else 0
            language = languages[(index + 1) % len(languages)]
        if language in languages and language != self.language:
            self.outline = self.outlines.in_language(self.outline, language)

    def action_switch_language(self) -> None:
        """Show the next of the briefing's languages."""
        self.post_message(LanguageRequested())

    # ------------------------------------------------------------------ navigation

    def action_help(self) -> None:
        """Show every key."""
        from .help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections(), self.t))

    def help_sections(self) -> list[HelpSection]:
        """The help text: every key binding, by where it works, from the classes themselves."""
        from .participant_screen import ParticipantScreen

        t = self.t
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
            if owner is BriefingApp:
                rows.append((self.get_key_display(Binding("ctrl+p", "")), t("Command palette")))
            sections.append((t(heading), rows))
        from .evidence_marks import legend

        enter = self.get_key_display(Binding("enter", ""))
        sections.append((t("Evidence badges"), [
            *legend(t), (enter, t("To the evidence passage, and from it to the claims"))]))
        return sections

    # ------------------------------------------------------------------ commands

    def action_print_summary(self) -> None:
        """Quit, then print the summary in the current language."""
        self.exit(self.outline)

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

        if not isinstance(self.screen, ExportScreen):
            self.push_screen(ExportScreen(self.outline, self.path, self.t), saved)

    # ------------------------------------------------------------------ evidence

    def check_evidence(self) -> None:
        """Check the evidence of the briefing on screen against its article, in a thread."""
        self._check_evidence(self.outline)

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False)
    def _check_evidence(self, outline: Outline) -> None:
        from ..evidence import check_evidence
        from .evidence_marks import EvidenceMarks

        marks = EvidenceMarks(check_evidence(outline), outline)
        marks.place_passages()  # here, not when the Source panel is first drawn
        self.post_message(EvidenceChecked(marks, outline))

    @on(EvidenceChecked)
    def _evidence_checked(self, event: EvidenceChecked) -> None:
        outline = event.outline
        if outline.briefing is self.outline.briefing and outline.article is self.outline.article:
            self.evidence = event.marks
        # else: a newer version is on screen, and being checked.

    # ------------------------------------------------------------------ live reload

    def _file_signature(self, briefing: Briefing) -> tuple[object, ...]:
        """What changes when the file (or its article) changes."""
        article = briefing.source_text_path
        return (file_signature(self.path), file_signature(article) if article else None)

    def check_file(self) -> None:
        """Reload the file if it changed on disk since last looked at."""
        signature = self._file_signature(self.outline.briefing)
        if signature != self._signature:
            self._signature = signature
            self._reads += 1
            self.reload(self._reads, self.outline.briefing.source_text_path)

    @work(thread=True, exclusive=True, group="reload")
    def reload(self, read: int, article: Path | None = None) -> None:
        """Load the file again (in a thread: a big file must not freeze the screen),
        as read number ``read``; ``article`` is the article of the version on screen.

        Each signature is taken before its file is read, so a change made while
        reading is seen at the next poll. A thread cannot be stopped: a read that
        a later one supersedes (the group is exclusive) still ends, and its
        message is dropped (see :meth:`_superseded`).
        """
        signature = file_signature(self.path)
        try:
            briefing = load(self.path)
        except BriefingError as error:
            problems = tuple(str(problem) for problem in error.problems)  # made visible
            self.post_message(ReloadFailed(
                problems, deleted=not os.path.lexists(self.path), read=read,
                signature=(signature, file_signature(article) if article else None)))
            return
        article = briefing.source_text_path
        signature_both = (signature, file_signature(article) if article else None)
        self.post_message(BriefingReloaded(briefing, read_article(article), read=read,
                                           signature=signature_both))

    def _superseded(self, read: int) -> bool:
        """Whether a read later than ``read`` has started: its result is newer."""
        return read != self._reads

    @on(BriefingReloaded)
    def _reloaded(self, event: BriefingReloaded) -> None:
        if self._superseded(event.read):
            return
        self._signature = event.signature
        with long_lived():
            outline = Outline(event.briefing, self.language, event.article)
        self._note_changes(self.outline, outline)
        self.outline = outline
        self.deleted = False
        self.problems = ()
        self.version += 1
        self.check_evidence()

    def _note_changes(self, old: Outline, new: Outline) -> None:
        """Say what the new version changed (``d`` shows it in full)."""
        from ..diff import changes_note, compare

        changes = compare(old, new)
        if changes:
            self.changes = changes
            self.notify(self.t("The file changed: {changes}", changes=changes_note(
                changes, self.t)), markup=False)

    def action_show_changes(self) -> None:
        """Show in full what the last version of the file changed."""
        from .diff_screen import DiffScreen

        if not isinstance(self.screen, DiffScreen):
            self.push_screen(DiffScreen(self.changes, self.outline.language))

    @on(ReloadFailed)
    def _reload_failed(self, event: ReloadFailed) -> None:
        if self._superseded(event.read):
            return
        self._signature = event.signature
        # The error bar says it all; a notification as well would cover it.
        self.deleted = event.deleted
        self.problems = event.problems
