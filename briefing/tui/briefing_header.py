"""The header: the briefing's title, date, place, source and languages."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..outline import Outline, Section
from ..safe_text import visible
from .viewer_state import ViewerState


class BriefingHeader(Widget):
    """Title on top; date, location, source and the language choice below."""

    outline: reactive[Outline | None] = reactive(None, layout=True)
    """The briefing on screen, in the language on screen."""

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.set_reactive(BriefingHeader.outline, state.outline)

    def render(self) -> RenderResult:
        outline = self.outline or self.state.outline
        field = self.state.highlights.field
        top = outline.entries(Section.SUMMARY)[0]
        title = field(top.field("title"), "bold", " ")
        meta = [field(top.field(name), "", " ") for name in ("date", "location")]
        source = outline.entry(Section.SOURCE)
        if source is not None and source.field("outlet"):
            outlet = field(source.field("outlet"), "", " ")
            if source.field("attribution"):
                outlet += Content(self.state.t(", via ")) + field(
                    source.field("attribution"), "", " ")
            meta.append(outlet)
        parts = [part for part in meta if part]
        languages = [
            Content.styled(f" {visible(language)} ", "reverse bold")
            if language == outline.language else Content(f" {visible(language)} ")
            for language in outline.languages
        ]
        if len(languages) > 1:
            parts.append(Content("").join(languages))
        if not parts:
            return title
        line = Content(" · ").join(parts).stylize_before("$text-muted")
        return Content("\n").join([title, line])
