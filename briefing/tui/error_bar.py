"""The error bar: why the file on disk could not be reloaded."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from ..interface import Interface

MAX_SHOWN = 6


class ErrorBar(Static):
    """Lists the problems of an invalid new version of the file, while the last good one shows."""

    def show_problems(self, problems: Sequence[str], t: Interface, *, deleted: bool) -> None:
        """Show ``problems`` (each ``FILE:LINE:COLUMN: message``, already made visible),
        introduced in the interface's language; ``deleted`` when the file is gone."""
        heading = ("The file was deleted; showing the last version read:" if deleted else
                   "The file changed but cannot be read; showing the last good version:")
        lines = [Content.styled(t(heading), "bold")]
        lines += [Content(problem) for problem in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            lines.append(Content(t("… and {count} more", count=len(problems) - MAX_SHOWN)))
        self.update(Content("\n").join(lines))
        self.display = True

    def clear(self) -> None:
        """Hide the bar: the file is fine again."""
        self.update(Content(""))
        self.display = False
