"""The palette's "Export…": a dialog that writes the briefing in another format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from ..atomic_write import NotARegularFile, write_atomically
from ..export import FORMATS, export
from ..interface import Interface
from ..outline import Outline
from ..paths import reason
from ..safe_text import shown_path

FORMAT_NAMES = {
    "md": "Markdown",
    "html": "HTML page",
    "json": "JSON data",
    "txt": "Plain text",
    "svg": "SVG picture",
}
"""Each format's name in the dialog (a message of the interface)."""


class ExportScreen(ModalScreen[Path | None]):
    """Choose a format and a file; Enter (or Export) writes it, Esc cancels.

    The file is written as ``briefing export`` writes it: atomically, and an
    existing file only when "Replace" is ticked (and only a regular file). Its
    result is the path written, or ``None``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back")]

    def __init__(self, outline: Outline, source: Path, t: Interface) -> None:
        """Export ``outline``, read from the file ``source``, with the words of ``t``."""
        super().__init__()
        self.outline = outline
        self.source = source
        self.t = t
        self._suggested = self._suggestion(FORMATS[0])

    def _suggestion(self, to: str) -> str:
        """The file the dialog suggests: the briefing's name with the format's suffix,
        in the current folder."""
        return f"{self.source.stem}.{to}"

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="export-box"):
            yield Label(Content.styled(t("Export"), "bold $accent"))
            yield Label(t("Format"))
            with RadioSet(id="export-format"):
                for number, to in enumerate(FORMATS):
                    yield RadioButton(t(FORMAT_NAMES[to]), value=number == 0, name=to)
            yield Label(t("File"))
            yield Input(self._suggested, id="export-path", select_on_focus=False)
            yield Checkbox(t("Replace the file if it exists"), id="export-replace")
            yield Static("", id="export-problem")
            with Horizontal(id="export-buttons"):
                yield Button(t("Export"), variant="primary", id="export-write")
                yield Button(t("Cancel"), id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def format(self) -> str:
        """The format chosen."""
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else FORMATS[0]

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        # The suggested name follows the format, unless the reader wrote their own.
        path = self.query_one("#export-path", Input)
        if path.value == self._suggested:
            self._suggested = path.value = self._suggestion(self.format)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-write")
    def action_write(self) -> None:
        """Write the file; say what is wrong in the dialog, or close it."""
        name = self.query_one("#export-path", Input).value.strip()
        replace = self.query_one("#export-replace", Checkbox).value
        problem = self._write(name, replace)
        if problem is not None:
            self.query_one("#export-problem", Static).update(Content(problem))
            return
        self.dismiss(Path(name))

    def _write(self, name: str, replace: bool) -> str | None:
        """Write the export to ``name``; what went wrong, or ``None``."""
        t = self.t
        if not name:
            return t("Give the name of a file to write.")
        shown = shown_path(name)
        path = Path(name)
        if path.is_dir() or name.endswith((os.sep, "/")):
            return t("{path} is a folder; give the name of a file to write in it.", path=shown)
        text = export(self.outline, self.format, title=f"briefing {self.source.name}")
        try:
            write_atomically(path, text, overwrite=replace)
        except NotARegularFile as error:
            return t("{path} is {kind}; only a regular file is ever replaced.", path=shown,
                     kind=error.kind)
        except FileExistsError:
            return t("{path} exists; tick “Replace” to overwrite it.", path=shown)
        except FileNotFoundError:
            return t("There is no folder {folder}.", folder=shown_path(str(path.parent)))
        except OSError as error:
            return t("Cannot write {path}: {reason}", path=shown, reason=reason(error))
        return None

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close the dialog without writing."""
        self.dismiss(None)
