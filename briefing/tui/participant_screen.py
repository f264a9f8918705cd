"""The participant detail screen: everything about one participant, and what they said."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from ..outline import Outline, Section
from .briefing_footer import BriefingFooter
from .evidence_marks import EvidenceMarks
from .item_list import ItemList
from .panels.statements_panel import StatementsPanel
from .viewer_state import ViewerState


class ParticipantScreen(Screen[str | None]):
    """Details of participant ``index`` and their statements.

    Esc goes back to where the reader was. The screen follows the file: on a
    reload it shows the participant's new details, or closes if they are gone
    (its result is then the note to show).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    outline: var[Outline] = var(None, init=False)  # type: ignore[arg-type]
    """The briefing on screen, in the language on screen (bound to the main screen's)."""

    evidence: var[EvidenceMarks | None] = var(None, init=False)
    """The last evidence check (bound to the main screen's): the statements' badges."""

    def __init__(self, state: ViewerState, index: int) -> None:
        super().__init__()
        self.state = state
        self.index = index
        entry = state.outline.entry(Section.PARTICIPANTS, index)
        self.participant_id = entry.id if entry is not None else None
        """Finds the participant again in a new version of the file."""
        self.set_reactive(ParticipantScreen.outline, state.outline)

    def statement_indices(self) -> list[int]:
        """Indices of the statements this participant made."""
        return [
            statement.number for statement in self.state.outline.entries(Section.STATEMENTS)
            if statement.refers_to == self.index
        ]

    def compose(self) -> ComposeResult:
        statements = self.statement_indices()
        yield Static(id="participant-details")
        yield Static(id="participant-statements-title")
        panel = StatementsPanel(self.state, statements, id="participant-statements")
        panel.empty_message = "No statements by this participant are recorded."
        yield panel
        yield BriefingFooter(self.state.outline).data_bind(ParticipantScreen.outline)

    def on_mount(self) -> None:
        self.refresh_details()
        self.query_one(StatementsPanel).focus()

    def watch_outline(self, old: Outline, new: Outline) -> None:
        """Another language, or a new version of the file: show the participant as
        it is now, or close with a note if the file no longer has them."""
        self.state.show(new)  # the main screen may not have shown it yet
        if old.briefing is not new.briefing and not self._find_again(new):
            # The screen below says so: a note shown here would go with this screen.
            self.dismiss(self.state.t("The participant is no longer in the file."))
            return
        self.refresh_details()
        panel = self.query_one(StatementsPanel)
        panel.show_only(self.statement_indices())

    def watch_evidence(self, marks: EvidenceMarks | None) -> None:
        self.state.evidence = marks  # the main screen may not have been told yet
        self.query_one(StatementsPanel).sync()

    def _find_again(self, outline: Outline) -> bool:
        """Point ``index`` at the participant in ``outline`` (by id, else where it was)."""
        entries = outline.entries(Section.PARTICIPANTS)
        if self.participant_id is not None:
            for entry in entries:
                if entry.id == self.participant_id:
                    self.index = entry.number
                    return True
            return False
        return self.index < len(entries)

    def refresh_details(self) -> None:
        """Draw the participant's fields in the current language: those a reader
        sees as text first, then the others (kind, id)."""
        participant = self.state.outline.entry(Section.PARTICIPANTS, self.index)
        if participant is None:
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        t = self.state.t
        fields = sorted(participant.fields.values(), key=lambda field: not field.searchable)
        for field in fields:
            name = field.key.name
            if name == "kind":  # a word of the interface, not of the briefing
                text = RichText(t(field.shown))
            else:
                text = self.state.highlights.rich_field(field, "bold" if name == "name" else "")
            table.add_row(RichText(t.field_label(name)), text)
        self.query_one("#participant-details", Static).update(table)
        count = len(self.statement_indices())
        self.query_one("#participant-statements-title", Static).update(
            Content.styled(t("Statements ({count})", count=count), "bold"))

    def action_back(self) -> None:
        """Back to the panels."""
        self.dismiss(None)

    @on(ItemList.Selected, "#participant-statements")
    def _statement_chosen(self, event: ItemList.Selected) -> None:
        # Each statement is shown whole already; Enter keeps the reader here.
        event.stop()
