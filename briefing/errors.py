"""Problems found in a briefing file, and the one exception that carries them."""

from __future__ import annotations

from .safe_text import one_line, shown_path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from .records import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a file, at a place an author can find.

    ``line`` and ``column`` count from 1; they are ``None`` for problems with
    the file as a whole (missing, a folder, too large).
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        # Messages quote the file's own text: keep it from acting on the terminal,
        # and from starting a line of its own that would pass for another report.
        file, message = shown_path(self.file), one_line(self.message)
        if self.line is None:
            return f"{file}: {message}"
        return f"{file}:{self.line}:{self.column or 1}: {message}"


class BriefingError(Exception):
    """Raised for every failure to load a briefing; carries all problems found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line or 0, p.column or 0)
        )
        super().__init__("\n".join(str(p) for p in self.problems))
