"""The Statements panel: what participants said, each attributed to its speaker."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import Section, TextKey
from ..viewer_state import ViewerState
from .briefing_panel import BriefingPanel
from .panel_id import PanelId


class StatementsPanel(BriefingPanel):
    """Statements with their speaker; Enter on one goes to the speaker.

    ``statements`` limits the panel to some statements (by index), as the
    participant detail screen does; by default it shows all.
    """

    PANEL = PanelId.STATEMENTS
    TITLE = "Statements"
    SECTIONS = (Section.STATEMENTS,)
    ALWAYS = False
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

    def statement_index(self, item: int) -> int:
        """The briefing's index of the statement shown as item ``item``."""
        return item if self.subset is None else self.subset[item]

    def index_of(self, key: TextKey) -> int:
        if self.subset is None:
            return key.entry
        return self._positions().get(key.entry, 0)

    def _positions(self) -> dict[int, int]:
        """Item of each statement in the subset."""
        if self._subset_positions is None:
            self._subset_positions = {n: i for i, n in enumerate(self.subset or ())}
        return self._subset_positions

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        keys = self.state.highlights.changed_between(old, new)
        if keys is None or any(key.section == Section.PARTICIPANTS for key in keys):
            return None  # speakers' names are drawn in every statement
        return {self.index_of(key) for key in keys if key.section == Section.STATEMENTS}

    def speaker_index(self, item: int) -> int | None:
        """The index among the participants of the speaker of item ``item``."""
        statement = self.outline.entries(Section.STATEMENTS)[self.statement_index(item)]
        return statement.refers_to

    def _parts(self, index: int) -> tuple[Content, Content]:
        """The speaker line and the text of item ``index``."""
        highlights = self.state.highlights
        statement = self.outline.entries(Section.STATEMENTS)[self.statement_index(index)]
        speaker = None
        if statement.refers_to is not None:
            speaker = self.outline.entry(Section.PARTICIPANTS, statement.refers_to)
        if speaker is not None:
            parts = [highlights.field(speaker.field("name"), ".panel--accent", " ")]
            if speaker.field("role"):
                role = highlights.field(speaker.field("role"), ".panel--dim", " ")
                parts.append(Content.styled(" · ", ".panel--dim") + role)
            heading = Content("").join(parts)
        else:
            heading = highlights.field(statement.field("by"), ".panel--accent")
        return heading, highlights.field(statement.field("text"))

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        heading, text = self._parts(index)
        return (len(heading.wrap(width)) or 1) + (len(text.wrap(width - self.INDENT)) or 1)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        heading, text = self._parts(index)
        return (self.content_strips(heading, width, style)
                + self.content_strips(text, width, style, self.INDENT))
