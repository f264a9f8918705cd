"""The Statements panel: what participants said, each attributed to its speaker."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import Entry, Section, TextKey
from ..viewer_state import ViewerState
from .briefing_panel import BriefingPanel, text_height
from .panel_id import PanelId


class StatementsPanel(BriefingPanel):
    """Statements with their speaker; Enter on one goes to the speaker.

    ``statements`` limits the panel to some statements (by index), as the
    participant detail screen does; by default it shows all.
    """

    PANEL = PanelId.STATEMENTS
    EMPTY = "No statements are recorded."
    INDENT = 2

    def __init__(
        self, state: ViewerState, statements: Sequence[int] | None = None, *,
        id: str | None = None,
    ) -> None:
        super().__init__(state, id=id)
        self.subset = None if statements is None else list(statements)
        self._subset_positions: dict[int, int] | None = None

    def count(self) -> int:
        if self.subset is not None:
            return len(self.subset)
        return len(self.outline.entries(Section.STATEMENTS))

    def show_only(self, statements: Sequence[int] | None) -> None:
        """Show only the statements ``statements`` (by index); ``None``: all."""
        subset = None if statements is None else list(statements)
        if subset != self.subset:
            self.subset = subset
            self._subset_positions = None
            self.reset()
        else:
            self.sync()

    def statement_index(self, item: int) -> int:
        """The briefing's index of the statement shown as item ``item``."""
        return item if self.subset is None else self.subset[item]

    def entry_at(self, index: int) -> Entry | None:
        if not self.count():
            return None
        return self.outline.entry(Section.STATEMENTS, self.statement_index(index))

    def index_of(self, key: TextKey) -> int:
        if self.subset is None:
            return key.entry
        return self._positions().get(key.entry, 0)

    def _positions(self) -> dict[int, int]:
        """Item of each statement in the subset."""
        if self._subset_positions is None:
            self._subset_positions = {n: i for i, n in enumerate(self.subset or ())}
        return self._subset_positions

    def speaker_index(self, item: int) -> int | None:
        """The index among the participants of the speaker of item ``item``."""
        statement = self.outline.entries(Section.STATEMENTS)[self.statement_index(item)]
        return statement.refers_to

    def _parts(self, index: int) -> tuple[Content, Content]:
        """The speaker line and the text of item ``index``."""
        highlights = self.state.highlights
        number = self.statement_index(index)
        statement = self.outline.entries(Section.STATEMENTS)[number]
        # The speaker's name and role are the statement's own fields (see the
        # outline), so search counts them here too.
        name = statement.field("speaker.name")
        if name is not None:
            heading = highlights.field(name, ".panel--accent", " ")
            if statement.field("speaker.role"):
                role = highlights.field(statement.field("speaker.role"), ".panel--dim", " ")
                heading += Content.styled(" · ", ".panel--dim") + role
        else:
            heading = highlights.field(statement.field("by"), ".panel--accent")
        return (self.badge(Section.STATEMENTS, number) + heading,
                highlights.field(statement.field("text")))

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        heading, text = self._parts(index)
        return text_height(heading.plain, width) + text_height(text.plain, width - self.INDENT)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        heading, text = self._parts(index)
        return (self.content_strips(heading, width, style)
                + self.content_strips(text, width, style, self.INDENT))
