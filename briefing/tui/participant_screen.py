"""The participant detail screen: everything about one participant, and what they said."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from .briefing_view import PARTICIPANT_FIELDS, PARTICIPANTS, BriefingView
from .item_list import ItemList
from .statements_panel import StatementsPanel

LABELS = {
    "name": "Name",
    "role": "Role",
    "organization": "Organization",
    "country": "Country",
    "notes": "Notes",
}


class ParticipantScreen(Screen[int | None]):
    """Details of participant ``index`` and their statements.

    Esc goes back; Enter on a statement goes back and shows it in the
    Statements panel (the screen's result is the statement's index).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, view: BriefingView, index: int) -> None:
        super().__init__()
        self.view = view
        self.index = index

    def statement_indices(self) -> list[int]:
        """Indices of the statements this participant made."""
        participant = self.view.briefing.participants[self.index]
        return [
            number for number, statement in enumerate(self.view.briefing.statements)
            if statement.speaker is participant
        ]

    def compose(self) -> ComposeResult:
        statements = self.statement_indices()
        yield Static(id="participant-details")
        yield Static(Content.styled(f"Statements ({len(statements)})", "bold"),
                     id="participant-statements-title")
        panel = StatementsPanel(self.view, statements, id="participant-statements")
        panel.empty_message = "No statements by this participant are recorded."
        yield panel
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_details()
        self.watch(self.app, "language", self._language_changed, init=False)
        self.query_one(StatementsPanel).focus()

    def _language_changed(self) -> None:
        self.refresh_details()
        self.query_one(StatementsPanel).sync()

    def refresh_details(self) -> None:
        """Draw the participant's fields in the current language."""
        participants = self.view.briefing.participants
        if self.index >= len(participants):
            return
        participant = participants[self.index]
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for field in PARTICIPANT_FIELDS:
            value = getattr(participant, field)
            if value is not None:
                style = "bold" if field == "name" else ""
                text = self.view.rich_text(PARTICIPANTS, self.index, field, value, style,
                                           wrap=True)
                table.add_row(RichText(LABELS[field]), text)
        table.add_row(RichText("Kind"), RichText(participant.kind.value))
        if participant.id is not None:
            table.add_row(RichText("Id"), self.view.rich_text(PARTICIPANTS, self.index, "id",
                                                             participant.id, wrap=True))
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
