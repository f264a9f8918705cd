"""Messages that widgets, screens and the palette post up to whoever handles them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from ..loader import Article
from ..model import Briefing

if TYPE_CHECKING:
    from ..evidence import Span as Passage
    from ..outline import Outline
    from ..search import Match
    from .evidence_marks import EvidenceMarks
    from .highlights import Spans


class LanguageRequested(Message):
    """Show the briefing in ``language`` (``None``: the next of its languages)."""

    def __init__(self, language: str | None = None) -> None:
        super().__init__()
        self.language = language


class PanelRequested(Message):
    """Show the panel ``panel`` on the main screen."""

    def __init__(self, panel: str) -> None:
        super().__init__()
        self.panel = panel


class BriefingReloaded(Message):
    """A new version of the file was loaded and checked.

    ``read`` numbers the read that loaded it (a later read supersedes it), and
    ``signature`` is the file's change signature taken as that read started.
    """

    def __init__(
        self, briefing: Briefing, article: Article | None, *, read: int = 0,
        signature: tuple[object, ...] = (),
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.article = article
        self.read = read
        self.signature = signature


class ReloadFailed(Message):
    """The file on disk has problems, or is gone; the last good version stays on screen."""

    def __init__(
        self, problems: tuple[str, ...], *, deleted: bool = False, read: int = 0,
        signature: tuple[object, ...] = (),
    ) -> None:
        super().__init__()
        self.problems = problems
        self.deleted = deleted
        self.read = read
        """The read that found them, as in :class:`BriefingReloaded`."""
        self.signature = signature


class EvidenceChecked(Message):
    """The evidence of ``outline``'s briefing was checked against its article."""

    def __init__(self, marks: EvidenceMarks, outline: Outline) -> None:
        super().__init__()
        self.marks = marks
        self.outline = outline


class BackRequested(Message):
    """Esc with nothing left to clear or go back to: leave the briefing for where it
    was opened from (the library), if anywhere."""


class PassageChosen(Message):
    """Enter on the current passage of the Source panel: go to the claims it backs."""

    def __init__(self, passage: Passage) -> None:
        super().__init__()
        self.passage = passage


class SearchFound(Message):
    """The search bar's matches changed; ``go_to`` is the match to bring on screen, if
    any."""

    def __init__(
        self, spans: Spans, current: Match | None,
        counts: dict[str, int], go_to: Match | None, focus: bool,
    ) -> None:
        super().__init__()
        self.spans = spans
        self.current = current
        self.counts = counts
        """Matches in each panel."""
        self.go_to = go_to
        self.focus = focus
        """Whether the panel of ``go_to`` takes the focus (the box keeps it if not)."""


class SearchDone(Message):
    """Enter in the search box: the reader goes back to the panel, matches kept."""
