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
from textual.widgets import Footer, Static

from ..outline import Outline, Section
from .item_list import ItemList
from .panels.statements_panel import StatementsPanel
from .viewer_state import ViewerState


class ParticipantScreen(Screen[int | None]):
    """Details of participant ``index`` and their statements.

    Esc goes back; Enter on a statement goes back and shows it in the
    Statements panel (the screen's result is the statement's index).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    outline: var[Outline] = var(None, init=False)  # type: ignore[arg-type]
    """The briefing on screen, in the language on screen (bound to the main screen's)."""

    def __init__(self, state: ViewerState, index: int) -> None:
        super().__init__()
        self.state = state
        self.index = index
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
        yield Static(Content.styled(f"Statements ({len(statements)})", "bold"),
                     id="participant-statements-title")
        panel = StatementsPanel(self.state, statements, id="participant-statements")
        panel.empty_message = "No statements by this participant are recorded."
        yield panel
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_details()
        self.query_one(StatementsPanel).focus()

    def watch_outline(self) -> None:
        self.refresh_details()
        self.query_one(StatementsPanel).sync()

    def refresh_details(self) -> None:
        """Draw the participant's fields in the current language: those a reader
        sees as text first, then the others (kind, id)."""
        participant = self.state.outline.entry(Section.PARTICIPANTS, self.index)
        if participant is None:
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        fields = sorted(participant.fields.values(), key=lambda field: not field.searchable)
        for field in fields:
            style = "bold" if field.key.name == "name" else ""
            text = self.state.highlights.rich_field(field, style)
            table.add_row(RichText(field.key.name.capitalize()), text)
        self.query_one("#participant-details", Static).update(table)

    def action_back(self) -> None:
        """Back to the panels."""
        self.dismiss(None)

    @on(ItemList.Selected, "#participant-statements")
    def _statement_chosen(self, event: ItemList.Selected) -> None:
        event.stop()
        panel = self.query_one(StatementsPanel)
        if panel.count():
            self.dismiss(panel.statement_index(event.index))
