"""The header: the briefing's title, date, place, source and languages."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..outline import Outline, Section
from ..safe_text import visible
from .evidence_marks import totals
from .viewer_state import ViewerState

SHOWN = {Section.SUMMARY: ("title", "date", "location"), Section.SOURCE: ("outlet", "attribution")}
"""The fields of the first entry of each section that the header shows."""


class BriefingHeader(Widget):
    """Title on top; date, location, source and the language choice below."""

    outline: reactive[Outline | None] = reactive(None, layout=True)
    """The briefing on screen, in the language on screen."""

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.set_reactive(BriefingHeader.outline, state.outline)
        self._drawn = state.highlights.generation
        """The highlights last drawn (see :meth:`sync`)."""

    def sync(self) -> None:
        """Draw again if the highlights of a field the header shows changed."""
        highlights = self.state.highlights
        changed = highlights.changed_between(self._drawn, highlights.generation)
        if changed is None or any(
                key.entry == 0 and key.name in SHOWN.get(Section(key.section), ())
                for key in changed):
            self.refresh()
        self._drawn = highlights.generation

    def render(self) -> RenderResult:
        self._drawn = self.state.highlights.generation
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
        marks = self.state.evidence_marks()
        checked = totals(marks.report) if marks is not None else Content("")
        if not parts and not checked:
            return title
        line = Content(" · ").join(parts).stylize_before("$text-muted")
        if checked:
            line = Content(" · ").join([line, checked]) if parts else checked
        return Content("\n").join([title, line])
