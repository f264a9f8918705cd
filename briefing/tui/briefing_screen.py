"""The main screen: header, panel list, the current panel, search and error bars."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import var
from textual.widgets import ContentSwitcher, Input

from ..outline import Outline, Section, TextKey
from .briefing_footer import BriefingFooter
from .briefing_header import BriefingHeader
from .item_list import ItemList
from .jump_history import CLAIM_PANELS, JumpHistory
from .messages import BackRequested, LanguageRequested, PanelRequested, SearchDone, SearchFound
from .panel_nav import PanelNav
from .panels import PANELS, BriefingPanel, PanelId, panel_class, panel_of, panels_for
from .viewer_state import Outlines, ViewerState, started

if TYPE_CHECKING:
    from .evidence_marks import EvidenceMarks
    from .search_bar import SearchBar

__all__ = ["CLAIM_PANELS", "BriefingScreen"]

_PANEL_KEYS = Binding.Group("Go to a panel", compact=True)
COPIED_SHOWN = 60
"""Characters of what was copied that the notification shows."""


class BriefingScreen(JumpHistory):
    """The briefing, one panel at a time, with incremental search over all of it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(number), f"show_panel({number - 1})",
                    "Panel" if number == 1 else "Go to a panel",
                    show=number == 1, group=_PANEL_KEYS,
                    # Handled as they arrive, like "/", so "1/" in one write is
                    # "1" then "/"; in the search box they are typed (check_action).
                    priority=True)
            for number in range(1, 10)
        ),
        Binding("tab", "cycle_panel(1)", "Next panel", show=False),
        Binding("shift+tab", "cycle_panel(-1)", "Previous panel", show=False),
        # A priority binding runs before the app hands on the keys typed after it,
        # so they all reach the search box.
        Binding("slash", "search", "Search", priority=True),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("c", "copy", "Copy", show=False),
        Binding("e", "evidence(1)", "Evidence passage (in Source: the next)", show=False),
        Binding("E", "evidence(-1)", "Previous evidence passage", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search--match", "search--current"}

    outline: var[Outline] = var(None, init=False)  # type: ignore[arg-type]
    """The briefing on screen, in the language on screen (set by the file's screen,
    :class:`~briefing.tui.viewer_screen.ViewerScreen`)."""

    problems: var[tuple[str, ...]] = var((), init=False)
    """What is wrong with the file on disk."""

    deleted: var[bool] = var(False, init=False)
    """Whether the file on disk is gone."""

    evidence: var[EvidenceMarks | None] = var(None, init=False)
    """The last evidence check."""

    def __init__(self, outline: Outline, outlines: Outlines | None = None) -> None:
        super().__init__()
        self.state = ViewerState(outline, outlines)
        self.set_reactive(BriefingScreen.outline, outline)
        self.current_panel = PanelId.SUMMARY
        self._positions: dict[str, tuple[int, float]] = {}
        """Where the reader was in panels not (re)created yet after a reload."""
        self._search_bar: SearchBar | None = None
        """The search bar, once made (see :attr:`search_bar`)."""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # Only what the first screen shows: other panels, the search bar and the
        # error bar are mounted when first needed, so the first paint comes sooner.
        yield BriefingHeader(self.state, id="header").data_bind(BriefingScreen.outline)
        with Horizontal(id="body"):
            yield PanelNav(self.state, id="nav").data_bind(BriefingScreen.outline)
            with ContentSwitcher(initial=PanelId.SUMMARY, id="panels"):
                yield panel_class(PanelId.SUMMARY)(self.state)
        yield BriefingFooter(self.state.outline).data_bind(BriefingScreen.outline)

    def on_resize(self, event: events.Resize) -> None:
        # On a small terminal the header keeps to two rows, and the footer drops its
        # padding so that every key, `q` too, stays in view.
        self.query_one(BriefingHeader).styles.max_height = 2 if event.size.height < 20 else 4
        footer = self.query_one(BriefingFooter)
        footer.compact = event.size.width < 100
        footer.show_command_palette = event.size.width >= 80  # Ctrl+P works all the same
        if self.is_mounted:
            self.call_after_refresh(self.measure_ahead)  # at the panels' new width

    def on_mount(self) -> None:
        self._theme_changed()
        # A signal, which the screen leaves when closed (see on_unmount); a watcher of
        # the app's reactive would keep a closed screen alive until the theme changed.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        self.show_panel(PanelId.SUMMARY)
        self.call_after_refresh(started)
        self.call_after_refresh(self.measure_ahead)

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The panel keys type digits while the search box has the focus."""
        return not (action == "show_panel" and isinstance(self.focused, Input))

    @property
    def panels(self) -> tuple[PanelId, ...]:
        """The panels shown for this briefing, in order."""
        return panels_for(self.state.outline)

    def panel(self, panel: str) -> BriefingPanel:
        """The widget of ``panel``, created on first use."""
        switcher = self.query_one(ContentSwitcher)
        found = switcher.query_children(f"#{panel}")
        if found:
            return found.first()  # type: ignore[return-value]
        widget = panel_class(PanelId(panel))(self.state)
        widget.display = switcher.current == panel
        switcher.mount(widget)
        position = self._positions.pop(panel, None)
        if position is not None:
            widget.restore(position)
        return widget

    def mounted_panels(self) -> list[BriefingPanel]:
        """The panels created so far."""
        return list(self.query_one(ContentSwitcher).query_children(BriefingPanel).results())

    @property
    def search_bar(self) -> SearchBar:
        """The search bar, made (hidden) on first use, not at start-up (nor its module
        imported: the first screen does without it)."""
        if self._search_bar is not None:
            return self._search_bar
        from .search_bar import SearchBar

        bar = self._search_bar = SearchBar(self.state, id="search")
        bar.display = False
        bar.panel = self.current_panel
        # Not awaited: the box takes the focus at once, and the keys typed meanwhile
        # wait in its queue until it is mounted.
        self.mount(bar, before=self.query_one(BriefingFooter))
        self.watch(bar.input, "value", bar.query_changed, init=False)
        return bar

    def current(self) -> BriefingPanel:
        """The widget of the panel on screen."""
        return self.panel(self.current_panel)

    def measure_ahead(self, *, every_language: bool = False) -> None:
        """Measure, in a worker thread, the items of the panels not on screen yet that
        are slow to measure (see :meth:`BriefingPanel.measure_ahead`), at the width of
        the panel on screen: of the outline on screen, and with ``every_language`` of
        the outline in each of its languages (a search match may show any of them).

        A search that shows 5,000 participants for the first time in a language
        would otherwise wait for their rows to be measured. The worker imports the
        panels not shown yet too, which the first screen did not wait for.
        """
        on_screen = self.query_one(ContentSwitcher).query_children(f"#{self.current_panel}")
        width = on_screen.first().scrollable_content_region.width if on_screen else 0
        if width > 0:
            self._measure_ahead(self.state.outline, width, every_language)

    @work(thread=True, group="measure-ahead", exit_on_error=False)
    def _measure_ahead(self, outline: Outline, width: int, every_language: bool) -> None:
        panels = [panel_class(spec.panel) for spec in PANELS]
        if not any(panel.measures_ahead(outline) for panel in panels):
            return
        shown = [outline]
        if every_language:
            # The outlines the viewer keeps: made here if the search index has not yet.
            shown += [self.state.outlines.in_language(outline, language)
                      for language in outline.languages if language != outline.language]
        for each in shown:
            for panel in panels:
                if panel.measures_ahead(each):
                    panel.measure_ahead(each, width)

    # ------------------------------------------------------------------ panels

    def show_panel(self, panel: str, *, focus: bool = True) -> None:
        """Put ``panel`` on screen (and focus it, unless the search box keeps the focus)."""
        if panel not in self.panels:
            return
        self.current_panel = PanelId(panel)
        widget = self.panel(panel)  # before switching: the switcher shows it by id
        self.query_one(ContentSwitcher).current = panel
        self.query_one(PanelNav).current = panel
        if self._search_bar is not None:
            self._search_bar.panel = panel
        widget.sync()
        if focus:
            self.set_focus(widget)  # at once: the next queued key is for this panel

    def action_show_panel(self, number: int) -> None:
        """Go to the panel numbered ``number + 1``."""
        self._came_from.clear()
        panels = self.panels
        if 0 <= number < len(panels):
            self.show_panel(panels[number])
        else:
            self.app.bell()

    def action_cycle_panel(self, delta: int) -> None:
        """Go to the next (or previous) panel, wrapping around."""
        self._came_from.clear()
        panels = self.panels
        index = panels.index(self.current_panel) if self.current_panel in panels else 0
        self.show_panel(panels[(index + delta) % len(panels)])

    @on(PanelNav.Chosen)
    def _panel_clicked(self, event: PanelNav.Chosen) -> None:
        self.show_panel(event.panel)

    @on(PanelRequested)
    def _panel_requested(self, event: PanelRequested) -> None:
        self.show_panel(event.panel)

    # ------------------------------------------------------------------ participants

    @on(ItemList.Selected, "#panels > #participants")
    def _participant_chosen(self, event: ItemList.Selected) -> None:
        event.stop()
        if self.state.outline.entries(Section.PARTICIPANTS):
            self.open_participant(event.index)

    def open_participant(self, index: int) -> None:
        """Show participant ``index`` with their statements."""
        from .participant_screen import ParticipantScreen

        screen = ParticipantScreen(self.state, index).data_bind(
            BriefingScreen.outline, BriefingScreen.evidence)
        self.app.push_screen(screen, self._back_from_participant)

    def _back_from_participant(self, note: str | None) -> None:
        if note is not None:
            self.notify(note, markup=False)
        self.current().focus()

    def action_copy(self) -> None:
        """Copy the item under the cursor to the clipboard, as plain text, and say so."""
        from ..export.entry_text import entry_text

        panel = self.current()
        entry = panel.entry_at(panel.cursor) if panel.count() else None
        t = self.state.t
        if entry is None:
            self.notify(t("Nothing to copy here."), markup=False)
            return
        text = entry_text(entry, t)
        self.app.copy_to_clipboard(text)
        first = text.split("\n", 1)[0]
        shown = first if len(first) <= COPIED_SHOWN else first[:COPIED_SHOWN - 1] + "…"
        self.notify(t("Copied: {text}", text=shown), markup=False)

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        """Open the search bar and put the cursor in it (in the box: type a "/")."""
        bar = self.search_bar
        if bar.input.has_focus:
            bar.input.insert_text_at_cursor("/")
            return
        # At once, not via focus(): keys typed right after "/" are already queued.
        self.set_focus(bar.input)
        bar.open()
        self.measure_ahead(every_language=True)

    def action_next_match(self) -> None:
        """Go to the next match."""
        self._step(1)

    def action_previous_match(self) -> None:
        """Go to the previous match."""
        self._step(-1)

    def _step(self, delta: int) -> None:
        bar = self.search_bar
        if not bar.active:
            self.notify(self.state.t("Press / to search."), markup=False)
        elif not bar.step(delta):
            self.app.bell()

    def action_clear_search(self) -> None:
        """Forget the search (no highlights, search bar hidden); without one, go back
        to the statement whose speaker the reader jumped to."""
        bar = self._search_bar
        searching = bar is not None and (bar.display or bar.active)
        if searching or not self._came_from:
            if bar is not None and searching:
                bar.clear()
            elif not searching:
                self.post_message(BackRequested())
            return
        self._go_back()

    @on(SearchFound)
    def _found(self, event: SearchFound) -> None:
        """Show the matches, and go to the one the bar names."""
        self.state.highlights.update(event.spans, event.current)
        self.query_one(PanelNav).set_counts(event.counts)
        if event.go_to is not None:
            self._go_to(event.go_to.key, focus=event.focus)  # type: ignore[arg-type]
        elif event.focus:
            self.current().focus()
        # Only what the matches changed: the list of panels redraws itself when its
        # counts change, the header and the panel when the fields they show do.
        self.query_one(BriefingHeader).sync()
        self.current().sync()

    @on(SearchDone)
    def _search_done(self) -> None:
        self.current().focus()

    def _go_to(self, key: TextKey, *, focus: bool) -> None:
        """Show the text ``key``: its language, its panel, its item, its line."""
        if key.language and key.language != self.state.outline.language:
            self.post_message(LanguageRequested(key.language))
            # The app makes the same outline the screen shows here (Outlines).
            self.state.show(self.state.in_language(key.language))
        panel = panel_of(key.section)
        if panel != self.current_panel:
            self.show_panel(panel, focus=focus)
        elif focus:
            self.current().focus()
        self.panel(panel).reveal(key)

    def _redraw(self, *, layout: bool = False) -> None:
        """Draw what is on screen again after a change of highlights (or, with
        ``layout``, of text or language, which can change the header's height)."""
        self.query_one(BriefingHeader).refresh(layout=layout)
        self.query_one(PanelNav).refresh(layout=layout)
        self.current().sync()

    # ------------------------------------------------------------------ app state

    def _theme_changed(self) -> None:
        # Not "partial": Textual drops an opaque background from partial component styles.
        self.state.highlights.set_styles(
            self.get_visual_style("search--match"), self.get_visual_style("search--current")
        )
        self._redraw()

    def watch_evidence(self, marks: EvidenceMarks | None) -> None:
        """A new evidence check: draw the badges, the header's totals, the passages."""
        self.state.evidence = marks
        self._redraw(layout=True)

    async def watch_problems(self, problems: tuple[str, ...]) -> None:
        """Show the file's problems in a bar below the panels (or hide it)."""
        from .error_bar import ErrorBar

        bars = self.query_children(ErrorBar)
        if bars:
            bar = bars.first()
        elif problems:
            bar = ErrorBar(id="errors")
            await self.mount(bar, after=self.query_one("#body"))
        else:
            return
        if problems:
            bar.show_problems(problems, self.state.t, deleted=self.deleted)
        else:
            bar.clear()

    async def watch_outline(self, old: Outline, new: Outline) -> None:
        """Show the new outline: another language, or a new version of the file."""
        self.state.show(new)
        if self._search_bar is not None:
            self._search_bar.show_language()
        self.measure_ahead()
        if old.briefing is new.briefing and old.article is new.article:
            # Another language: the header, bound to the outline, lays itself out
            # again (its lines may wrap otherwise); the list of panels keeps its size.
            self._redraw()
            return
        await self._reloaded()

    async def _reloaded(self) -> None:
        """A new version of the file was loaded: show it where the reader was."""
        panels = self.panels
        for widget in self.mounted_panels():
            panel = widget.id or ""
            if panel in panels and panel == self.current_panel:
                widget.reset()
                widget.restore(widget.position())
            else:
                # Made again when next shown, at the same place.
                self._positions[panel] = widget.position()
                await widget.remove()
        current = self.current_panel if self.current_panel in panels else PanelId.SUMMARY
        if self._search_bar is not None:
            self._search_bar.refresh_search()
        focused = self.app.focused
        self.show_panel(current, focus=focused is None or isinstance(focused, BriefingPanel))
        self._redraw(layout=True)
