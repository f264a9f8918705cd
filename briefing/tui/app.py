"""The viewer app: one briefing file, reloaded when it changes on disk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..outline import Outline
from .viewer_app import ViewerApp
from .viewer_screen import POLL_SECONDS, ViewerScreen, open_briefing

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..diff import Change
    from ..model import Briefing
    from .evidence_marks import EvidenceMarks

__all__ = ["POLL_SECONDS", "BriefingApp"]


class BriefingApp(ViewerApp):
    """Shows one briefing file, and reloads it when it changes on disk.

    The file, its outline and its reloading belong to its screen
    (:class:`ViewerScreen`); the app shows that one screen. Its result is the
    outline to print when the reader asked for it (``p``).
    """

    def __init__(
        self, path: Path, briefing: Briefing | None = None, *,
        language: str | None = None, poll_seconds: float | None = POLL_SECONDS,
        query: str = "",
    ) -> None:
        """Show the briefing at ``path`` (``briefing``, if already loaded from it) in
        ``language`` (default: the briefing's own).

        ``poll_seconds`` is how often to check the file for changes; ``None``
        turns live reload off. ``query`` is searched for at once. Raises
        :class:`BriefingError` if the file is invalid.
        """
        super().__init__()
        self.main = ViewerScreen(open_briefing(path, briefing, language),
                                 poll_seconds=poll_seconds, query=query)
        """The briefing's screen."""

    def get_default_screen(self) -> Screen[None]:
        return self.main

    @property
    def viewer(self) -> ViewerScreen:
        """The briefing's screen (even before the app runs)."""
        return self.main

    @property
    def path(self) -> Path:
        """The briefing file."""
        return self.main.path

    @property
    def outline(self) -> Outline:
        """The briefing on screen, in the language on screen."""
        return self.main.outline

    @property
    def language(self) -> str:
        """The language the text is shown in."""
        return self.main.outline.language

    @property
    def version(self) -> int:
        """Grows each time a new version of the file is loaded."""
        return self.main.version

    @property
    def problems(self) -> tuple[str, ...]:
        """What is wrong with the file on disk, while the last good version is shown."""
        return self.main.problems

    @property
    def changes(self) -> list[Change]:
        """What the last version of the file read again changed."""
        return self.main.changes

    @property
    def evidence(self) -> EvidenceMarks | None:
        """The last check of the briefing's evidence (None until the first is made)."""
        return self.main.evidence
