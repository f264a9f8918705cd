"""The main screen: header, panel list, the current panel, search and error bars."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input

from .briefing_header import BriefingHeader
from .briefing_panel import BriefingPanel
from .briefing_view import (
    FIGURES,
    OUTCOMES,
    PARTICIPANTS,
    PRIORITIES,
    SOURCE,
    STATEMENTS,
    SUMMARY,
    TIMELINE,
    BriefingView,
    FieldKey,
)
from .item_list import ItemList
from .panel_nav import PanelNav
from .search_bar import SearchBar
from .search_session import SearchSession

if TYPE_CHECKING:
    from ..search import Match
    from .app import BriefingApp

Panel = BriefingPanel

PANEL_CLASSES: dict[str, tuple[str, str]] = {
    SUMMARY: ("summary_panel", "SummaryPanel"),
    PARTICIPANTS: ("participants_panel", "ParticipantsPanel"),
    PRIORITIES: ("priorities_panel", "PrioritiesPanel"),
    FIGURES: ("figures_panel", "FiguresPanel"),
    STATEMENTS: ("statements_panel", "StatementsPanel"),
    TIMELINE: ("timeline_panel", "TimelinePanel"),
    OUTCOMES: ("outcomes_panel", "OutcomesPanel"),
    SOURCE: ("source_panel", "SourcePanel"),
}
"""Module and class of each panel: imported when the panel is first shown, which
keeps start-up (every widget class costs time to define) close to a bare app's."""

_PANEL_KEYS = Binding.Group("Go to panel 1-9", compact=True)


def make_panel(view: BriefingView, panel: str) -> Panel:
    """The widget that shows ``panel``."""
    module, name = PANEL_CLASSES[panel]
    panel_class: type[BriefingPanel] = getattr(
        importlib.import_module(f"{__package__}.{module}"), name)
    return panel_class(view)


class BriefingScreen(Screen[None]):
    """The briefing, one panel at a time, with incremental search over all of it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(number), f"show_panel({number - 1})",
                    "Panel" if number == 1 else f"Go to panel {number}",
                    show=number == 1, key_display="1-9" if number == 1 else None,
                    group=_PANEL_KEYS)
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
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search--match", "search--current"}

    def __init__(self, view: BriefingView) -> None:
        super().__init__()
        self.view = view
        self.search = SearchSession(view)
        self.current_panel = SUMMARY
        self._positions: dict[str, tuple[int, float]] = {}
        """Where the reader was in panels not (re)created yet after a reload."""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # Only what the first screen shows: other panels, the search bar and the
        # error bar are mounted when first needed, so the first paint comes sooner.
        yield BriefingHeader(self.view, id="header")
        with Horizontal(id="body"):
            yield PanelNav(self.view, id="nav")
            with ContentSwitcher(initial=SUMMARY, id="panels"):
                yield make_panel(self.view, SUMMARY)
        yield Footer()

    def on_mount(self) -> None:
        self._theme_changed()
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.watch(self.app, "language", self._language_changed, init=False)
        self.watch(self.app, "version", self._reloaded, init=False)
        self.watch(self.app, "problems", self._problems_changed, init=False)
        self.show_panel(SUMMARY)

    @property
    def briefing_app(self) -> BriefingApp:
        """The app, with its own attributes."""
        return self.app  # type: ignore[return-value]

    def panel(self, panel: str) -> Panel:
        """The widget of ``panel``, created on first use."""
        switcher = self.query_one(ContentSwitcher)
        found = switcher.query_children(f"#{panel}")
        if found:
            return found.first()  # type: ignore[return-value]
        widget = make_panel(self.view, panel)
        widget.display = switcher.current == panel
        switcher.mount(widget)
        position = self._positions.pop(panel, None)
        if position is not None:
            widget.restore(position)
        return widget

    def mounted_panels(self) -> list[Panel]:
        """The panels created so far."""
        return list(self.query_one(ContentSwitcher).query_children(BriefingPanel).results())

    @property
    def search_bar(self) -> SearchBar:
        """The search bar, made (hidden) on first use, not at start-up."""
        bars = self.query_children(SearchBar)
        if bars:
            return bars.first()
        bar = SearchBar(id="search")
        bar.display = False
        # Not awaited: the box takes the focus at once, and the keys typed meanwhile
        # wait in its queue until it is mounted.
        self.mount(bar, before=self.query_one(Footer))
        self.watch(bar.input, "value", self._query_changed, init=False)
        return bar

    def current(self) -> Panel:
        """The widget of the panel on screen."""
        return self.panel(self.current_panel)

    # ------------------------------------------------------------------ panels

    def show_panel(self, panel: str, *, focus: bool = True) -> None:
        """Put ``panel`` on screen (and focus it, unless the search box keeps the focus)."""
        if panel not in self.view.panels:
            return
        self.current_panel = panel
        widget = self.panel(panel)  # before switching: the switcher shows it by id
        self.query_one(ContentSwitcher).current = panel
        self.query_one(PanelNav).current = panel
        widget.sync()
        if focus:
            self.set_focus(widget)  # at once: the next queued key is for this panel

    def action_show_panel(self, number: int) -> None:
        """Go to the panel numbered ``number + 1``."""
        panels = self.view.panels
        if 0 <= number < len(panels):
            self.show_panel(panels[number])
        else:
            self.app.bell()

    def action_cycle_panel(self, delta: int) -> None:
        """Go to the next (or previous) panel, wrapping around."""
        panels = self.view.panels
        index = panels.index(self.current_panel) if self.current_panel in panels else 0
        self.show_panel(panels[(index + delta) % len(panels)])

    @on(PanelNav.Chosen)
    def _panel_clicked(self, event: PanelNav.Chosen) -> None:
        self.show_panel(event.panel)

    # ------------------------------------------------------------------ participants

    @on(ItemList.Selected, "#panels > #participants")
    def _participant_chosen(self, event: ItemList.Selected) -> None:
        event.stop()
        if self.view.briefing.participants:
            self.open_participant(event.index)

    def open_participant(self, index: int) -> None:
        """Show participant ``index`` with their statements."""
        from .participant_screen import ParticipantScreen

        self.app.push_screen(ParticipantScreen(self.view, index), self._back_from_participant)

    def _back_from_participant(self, statement: int | None) -> None:
        if statement is None:
            self.current().focus()
            return
        self.show_statement(statement)

    def show_statement(self, statement: int) -> None:
        """Show statement ``statement`` in the Statements panel."""
        if STATEMENTS not in self.view.panels:
            return
        self.show_panel(STATEMENTS)
        panel = self.panel(STATEMENTS)
        panel.move_cursor(statement)

    @on(ItemList.Selected, "#panels > #statements")
    def _statement_chosen(self, event: ItemList.Selected) -> None:
        """Enter on a statement: go to its speaker."""
        event.stop()
        from .statements_panel import StatementsPanel

        panel = event.item_list
        assert isinstance(panel, StatementsPanel)
        if not panel.count():
            return
        statement = self.view.briefing.statements[panel.statement_index(event.index)]
        speaker = panel.speaker_index(statement)
        if speaker is None:
            self.notify("The speaker is not among the participants.", markup=False)
            return
        self.show_panel(PARTICIPANTS)
        self.panel(PARTICIPANTS).move_cursor(speaker)

    # ------------------------------------------------------------------ search

    def action_search(self) -> None:
        """Open the search bar and put the cursor in it (in the box: type a "/")."""
        bar = self.search_bar
        if bar.input.has_focus:
            bar.input.insert_text_at_cursor("/")
            return
        bar.display = True
        # At once, not via focus(): keys typed right after "/" are already queued.
        self.set_focus(bar.input)
        if not self.search.ready:
            # A big briefing's index takes a moment: build it while the reader types.
            self.run_worker(self.search.prepare, thread=True, group="search-index",
                            exclusive=True)

    def _query_changed(self, query: str) -> None:
        # Watching the value (not waiting for Input.Changed) searches while the key is
        # handled, so the typed character and its matches reach the screen in one frame.
        if query != self.search.query:
            self.run_search(query)

    @on(Input.Submitted, "#search-input")
    def _query_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the matches and goes back to the panel, for ``n``/``N``."""
        event.stop()
        if not event.value.strip():
            self.action_clear_search()
            return
        self.current().focus()

    def run_search(self, query: str) -> None:
        """Search for ``query`` and go to the first match from the current panel on."""
        self.search.search(query, self.current_panel)
        self._show_matches()
        current = self.search.current
        if current is not None:
            self._go_to(current, focus=False)

    def _show_matches(self) -> None:
        search = self.search
        self.view.highlights.update(search.spans, search.current)
        self.search_bar.set_count(search.counter())
        self.query_one(PanelNav).set_counts(search.counts_by_panel())
        self._redraw()

    def _step(self, delta: int) -> None:
        search = self.search
        if not search.query.strip():
            self.notify("Press / to search.", markup=False)
            return
        match = search.step(delta)
        bar = self.search_bar
        bar.set_count(search.counter())
        if match is None:
            self.app.bell()
            return
        self.view.highlights.set_current(match)
        self._go_to(match, focus=not bar.input.has_focus)
        self._redraw()

    def action_next_match(self) -> None:
        """Go to the next match."""
        self._step(1)

    def action_previous_match(self) -> None:
        """Go to the previous match."""
        self._step(-1)

    def action_clear_search(self) -> None:
        """Forget the search: no highlights, search bar hidden."""
        bar = self.search_bar
        if not bar.display and not self.search.query:
            return
        self.search.clear()
        bar.input.value = ""
        bar.display = False
        self._show_matches()
        self.current().focus()

    def _go_to(self, match: Match, *, focus: bool) -> None:
        """Show ``match``: its language, its panel, its item, its line."""
        key = match.key
        assert isinstance(key, FieldKey)
        if key.language and key.language != self.view.language:
            self.briefing_app.set_language(key.language)
        if key.panel != self.current_panel:
            self.show_panel(key.panel, focus=focus)
        elif focus:
            self.current().focus()
        self.panel(key.panel).reveal(key)

    def _redraw(self, *, layout: bool = False) -> None:
        """Draw what is on screen again after a change of highlights (or, with
        ``layout``, of text or language, which can change the header's height)."""
        self.query_one(BriefingHeader).refresh(layout=layout)
        self.query_one(PanelNav).refresh(layout=layout)
        self.current().sync()

    # ------------------------------------------------------------------ app state

    def _theme_changed(self) -> None:
        # Not "partial": Textual drops an opaque background from partial component styles.
        self.view.highlights.set_styles(
            self.get_visual_style("search--match"), self.get_visual_style("search--current")
        )
        self._redraw()

    def _language_changed(self) -> None:
        self._redraw(layout=True)

    async def _problems_changed(self) -> None:
        from .error_bar import ErrorBar

        problems = self.briefing_app.problems
        bars = self.query_children(ErrorBar)
        if bars:
            bar = bars.first()
        elif problems:
            bar = ErrorBar(id="errors")
            await self.mount(bar, after=self.query_one("#body"))
        else:
            return
        if problems:
            bar.show_problems(problems)
        else:
            bar.clear()

    async def _reloaded(self) -> None:
        """A new version of the file was loaded: show it where the reader was."""
        self.search.invalidate()
        panels = self.view.panels
        for widget in self.mounted_panels():
            panel = widget.id or ""
            if panel in panels and panel == self.current_panel:
                widget.reset()
                widget.restore(widget.position())
            else:
                # Made again when next shown, at the same place.
                self._positions[panel] = widget.position()
                await widget.remove()
        current = self.current_panel if self.current_panel in panels else SUMMARY
        if self.search.query:
            # Same query on the new text; stay at the same match number if it still exists.
            number = self.search.position
            self.search.search(self.search.query)
            if number is not None and self.search.matches:
                self.search.position = min(number, len(self.search.matches) - 1)
            self._show_matches()
        focused = self.app.focused
        self.show_panel(current, focus=focused is None or isinstance(focused, BriefingPanel))
        self._redraw(layout=True)
