"""The error bar: why the file on disk could not be reloaded."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

MAX_SHOWN = 6


class ErrorBar(Static):
    """Lists the problems of an invalid new version of the file, while the last good one shows."""

    def show_problems(self, problems: Sequence[str]) -> None:
        """Show ``problems`` (each ``FILE:LINE:COLUMN: message``, already made visible)."""
        lines = [Content.styled(
            "The file changed but cannot be read; showing the last good version:", "bold")]
        lines += [Content(problem) for problem in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            lines.append(Content(f"… and {len(problems) - MAX_SHOWN} more"))
        self.update(Content("\n").join(lines))
        self.display = True

    def clear(self) -> None:
        """Hide the bar: the file is fine again."""
        self.update(Content(""))
        self.display = False
