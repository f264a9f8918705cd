"""The Statements panel: what participants said, each attributed to its speaker."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ..model import Briefing, Statement
from .briefing_panel import BriefingPanel
from .briefing_view import PARTICIPANTS, STATEMENTS, BriefingView, FieldKey


class StatementsPanel(BriefingPanel):
    """Statements with their speaker; Enter on one goes to the speaker.

    ``statements`` limits the panel to some statements (by index), as the
    participant detail screen does; by default it shows all.
    """

    PANEL = STATEMENTS
    EMPTY = "No statements are recorded."
    INDENT = 2

    def __init__(
        self, view: BriefingView, statements: Sequence[int] | None = None, *,
        id: str | None = None,
    ) -> None:
        super().__init__(view, id=id)
        self.subset = None if statements is None else list(statements)
        self._subset_positions: dict[int, int] | None = None
        self._speakers: dict[int, int] = {}
        self._speakers_of: Briefing | None = None

    def count(self) -> int:
        if self.subset is not None:
            return len(self.subset)
        return len(self.view.briefing.statements)

    def statement_index(self, item: int) -> int:
        """The briefing's index of the statement shown as item ``item``."""
        return item if self.subset is None else self.subset[item]

    def index_of(self, key: FieldKey) -> int:
        if self.subset is None:
            return key.item
        return self._positions().get(key.item, 0)

    def _positions(self) -> dict[int, int]:
        """Item of each statement in the subset."""
        if self._subset_positions is None:
            self._subset_positions = {n: i for i, n in enumerate(self.subset or ())}
        return self._subset_positions

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        keys = self.view.highlights.changed_between(old, new)
        if keys is None or any(key.panel == PARTICIPANTS for key in keys):
            return None  # speakers' names are drawn in every statement
        return {self.index_of(key) for key in keys if key.panel == STATEMENTS}

    def speaker_index(self, statement: Statement) -> int | None:
        """The index of the statement's speaker among the participants."""
        briefing = self.view.briefing
        if self._speakers_of is not briefing:
            # By identity: the loader links each statement to its Participant object.
            self._speakers = {id(p): i for i, p in enumerate(briefing.participants)}
            self._speakers_of = briefing
        if statement.speaker is None:
            return None
        return self._speakers.get(id(statement.speaker))

    def _parts(self, index: int) -> tuple[Content, Content]:
        """The speaker line and the text of item ``index``."""
        view = self.view
        number = self.statement_index(index)
        statement = view.briefing.statements[number]
        speaker = statement.speaker
        speaker_index = self.speaker_index(statement)
        if speaker is not None and speaker_index is not None:
            parts = [view.text(PARTICIPANTS, speaker_index, "name", speaker.name,
                               ".panel--accent")]
            if speaker.role is not None:
                role = view.text(PARTICIPANTS, speaker_index, "role", speaker.role,
                                 ".panel--dim")
                parts.append(Content.styled(" · ", ".panel--dim") + role)
            heading = Content("").join(parts)
        else:
            heading = view.text(STATEMENTS, number, "by", statement.by, ".panel--accent")
        return heading, view.text(STATEMENTS, number, "text", statement.text)

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        heading, text = self._parts(index)
        return (len(heading.wrap(width)) or 1) + (len(text.wrap(width - self.INDENT)) or 1)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        heading, text = self._parts(index)
        return (self.content_strips(heading, width, style)
                + self.content_strips(text, width, style, self.INDENT))
