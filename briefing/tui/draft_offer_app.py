"""``briefing ARTICLE.txt``: an article, not a briefing; offer to draft one from it.

Nothing is written unless the reader says so. The draft goes beside the article
(``x.ru.txt`` -> ``x.ru.yaml``), written as ``briefing draft -o`` writes it, and
never over an existing file: if there is one, the reader may open it instead.
The app's result is the briefing to open in the viewer, or ``None``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from ..errors import BriefingError
from ..interface import interface
from ..paths import reason
from ..safe_text import shown_path


class DraftOfferApp(App[Path | None]):
    """Asks whether to draft a briefing from an article, drafts it, and returns it."""

    CSS_PATH = "draft_offer_app.tcss"
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,n", "cancel", "Cancel"),
    ]

    def __init__(self, article: Path, output: Path, language: str) -> None:
        """Offer to draft ``article`` into ``output``, in the words of ``language``."""
        super().__init__()
        self.article = article
        self.output = output
        self.t = interface(language)
        self.exists = output.exists()

    def compose(self) -> ComposeResult:
        t = self.t
        article, output = shown_path(str(self.article)), shown_path(str(self.output))
        with Vertical(id="offer"):
            yield Static(Content.styled(t("{article} is an article, not a briefing.",
                                          article=article), "bold $accent"))
            if self.exists:
                yield Static(Content(t("A briefing drafted from it is there already: "
                                       "{output}.", output=output)))
                buttons = [(t("Open it"), "offer-open")]
            else:
                yield Static(Content(t(
                    "Draft a briefing from it into {output}? Every claim it drafts quotes "
                    "the article as its evidence; read it through before you share it.",
                    output=output)))
                buttons = [(t("Draft and open"), "offer-draft")]
            yield Static("", id="offer-problem")
            with Horizontal(id="offer-buttons"):
                for number, (label, id) in enumerate(buttons):
                    yield Button(label, id=id, variant="primary" if number == 0 else "default")
                yield Button(t("Cancel"), id="offer-cancel")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed, "#offer-open")
    def _open(self) -> None:
        self.exit(self.output)

    @on(Button.Pressed, "#offer-draft")
    def _draft(self) -> None:
        self.query_one("#offer-problem", Static).update(Content(self.t("Drafting…")))
        for button in self.query(Button):
            button.disabled = True
        self._write()

    @work(thread=True, exclusive=True)
    def _write(self) -> None:
        """Draft and write, in a thread (natasha's model takes a second or two to load)."""
        from ..atomic_write import NotARegularFile
        from ..draft import write_draft

        t = self.t
        output = shown_path(str(self.output))
        problem: str | None = None
        try:
            write_draft(str(self.article), str(self.output))
        except BriefingError as error:
            problem = str(error.problems[0])
        except NotARegularFile as error:
            problem = t("{path} is {kind}; only a regular file is ever replaced.",
                        path=output, kind=error.kind)
        except FileExistsError:
            problem = t("{output} appeared meanwhile; nothing was written.", output=output)
        except OSError as error:
            problem = t("Cannot write {path}: {reason}", path=output, reason=reason(error))
        self.call_from_thread(self._written, problem)

    def _written(self, problem: str | None) -> None:
        if problem is None:
            self.exit(self.output)
            return
        self.query_one("#offer-problem", Static).update(Content(problem))
        self.query_one("#offer-cancel", Button).disabled = False
        self.query_one("#offer-cancel", Button).focus()

    @on(Button.Pressed, "#offer-cancel")
    def action_cancel(self) -> None:
        """Leave without writing anything."""
        self.exit(None)
