"""The jumps of the main screen and the way back: a statement to its speaker, a claim
to its evidence passage, a passage to the claims it backs; Esc retraces them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen

from ..outline import Section
from .item_list import ItemList
from .messages import PassageChosen
from .panels import BriefingPanel, PanelId, panel_of
from .viewer_state import ViewerState

if TYPE_CHECKING:
    from .panels.source_panel import SourcePanel

CLAIM_PANELS = {PanelId.PRIORITIES: Section.PRIORITIES, PanelId.FIGURES: Section.FIGURES,
                PanelId.STATEMENTS: Section.STATEMENTS}
"""The panels whose items are claims, each with its evidence."""


class JumpHistory(Screen[None]):
    """The jumps of :class:`~briefing.tui.briefing_screen.BriefingScreen` (its base
    class, not a screen of its own), and where each left, for Esc."""

    state: ViewerState
    current_panel: PanelId

    def __init__(self) -> None:
        super().__init__()
        self._came_from: list[tuple[PanelId, int, object]] = []
        """The panel, item (and passage, in the Source panel) each jump left (statement
        to speaker, claim to passage and back), the last one last: Esc goes back."""
        self._next_claim: tuple[object, int] = (None, 0)
        """The passage last gone from to a claim, and which of its claims is next."""

    def show_panel(self, panel: str, *, focus: bool = True) -> None:
        """Put ``panel`` on screen (the screen does)."""
        raise NotImplementedError

    def panel(self, panel: str) -> BriefingPanel:
        """The widget of ``panel`` (the screen makes it)."""
        raise NotImplementedError

    def current(self) -> BriefingPanel:
        """The widget of the panel on screen (the screen knows it)."""
        raise NotImplementedError

    def _source(self) -> SourcePanel:
        """The Source panel's widget (made, and its module imported, if not yet)."""
        from .panels.source_panel import SourcePanel

        source = self.panel(PanelId.SOURCE)
        assert isinstance(source, SourcePanel)
        return source

    # ------------------------------------------------------------------ statements

    @on(ItemList.Selected, "#panels > #statements")
    def _statement_chosen(self, event: ItemList.Selected) -> None:
        """Enter on a statement: go to its speaker."""
        event.stop()
        from .panels.statements_panel import StatementsPanel  # imported: it sent this

        panel = event.item_list
        assert isinstance(panel, StatementsPanel)
        if not panel.count():
            return
        speaker = panel.speaker_index(event.index)
        if speaker is None:
            self.notify(self.state.t("The speaker is not among the participants."),
                        markup=False)
            return
        self.show_panel(PanelId.PARTICIPANTS)
        self.panel(PanelId.PARTICIPANTS).move_cursor(speaker)
        self._jumped_from(PanelId.STATEMENTS, event.index)

    # ------------------------------------------------------------------ evidence

    @on(ItemList.Selected, "#panels > #priorities, #panels > #figures")
    def _claim_chosen(self, event: ItemList.Selected) -> None:
        """Enter on a priority or a figure: go to its evidence in the article."""
        event.stop()
        self.action_evidence(1)

    def action_evidence(self, delta: int) -> None:
        """On a claim: go to its passage in the Source panel (Esc comes back). In the
        Source panel: the next (``delta`` 1) or previous (-1) passage."""
        t = self.state.t
        marks = self.state.evidence_marks()
        if marks is None or marks.report.missing:
            message = "The evidence is being checked…" if marks is None else (
                "The briefing gives no article text.")
            self.notify(t(message), markup=False)
            return
        if self.current_panel == PanelId.SOURCE:
            if not self._source().step_passage(delta):
                self.notify(t("No passage of the article is evidence."), markup=False)
            return
        section = CLAIM_PANELS.get(self.current_panel)
        panel = self.current()
        if section is None or not panel.count():
            self.notify(t("Figures, priorities and statements have evidence."), markup=False)
            return
        item = panel.cursor
        entry = item
        if self.current_panel == PanelId.STATEMENTS:
            from .panels.statements_panel import StatementsPanel  # on screen: imported

            assert isinstance(panel, StatementsPanel)
            entry = panel.statement_index(item)
        finding = marks.finding(section, entry)
        if finding is None:
            return
        passage = finding.spans[0] if finding.spans else None
        if passage is None and finding.closest is not None:
            passage = finding.closest.span
            self.notify(t("Not in the article; the closest passage ({score}%) is shown.",
                          score=f"{finding.closest.score:.0f}"), markup=False)
        if passage is None:
            message = ("This claim gives no evidence." if finding.evidence is None
                       else "Its evidence is not in the article, nor anything close to it.")
            self.notify(t(message), markup=False)
            return
        came_from = self.current_panel
        self.show_panel(PanelId.SOURCE)
        self._source().show_passage(passage)
        self._jumped_from(came_from, item)

    JUMPS_KEPT = 100
    """How many jumps back Esc can go."""

    def _jumped_from(self, panel: PanelId, item: int, passage: object = None) -> None:
        """Remember where a jump left, for Esc."""
        self._came_from.append((panel, item, passage))
        del self._came_from[:-self.JUMPS_KEPT]

    @on(PassageChosen)
    def _passage_chosen(self, event: PassageChosen) -> None:
        """Enter on a passage: go to the claim it backs (again: the next of them)."""
        marks = self.state.evidence_marks()
        claims = marks.backing(event.passage) if marks is not None else ()
        if not claims:
            self.app.bell()
            return
        passage, number = self._next_claim
        number = number % len(claims) if passage == event.passage else 0
        self._next_claim = (event.passage, number + 1)
        key = claims[number]
        if len(claims) > 1:
            self.notify(self.state.t(
                "Claim {number} of {count} this passage backs (Esc, then Enter: the next).",
                number=number + 1, count=len(claims)), markup=False)
        item = self._source().passage_item()
        target = panel_of(key.section)
        self.show_panel(target)
        self.panel(target).move_cursor(key.entry)
        self._jumped_from(PanelId.SOURCE, item, event.passage)

    # ------------------------------------------------------------------ going back

    def _go_back(self) -> None:
        """Go back to where the last jump left."""
        panel, item, passage = self._came_from.pop()
        self.show_panel(panel)
        if panel == PanelId.SOURCE and passage is not None:
            self._source().show_passage(passage)  # type: ignore[arg-type]
        else:
            self.panel(panel).move_cursor(item)
