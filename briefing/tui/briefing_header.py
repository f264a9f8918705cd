"""The header: the briefing's title, date, place, source and languages."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from .briefing_view import SOURCE, SUMMARY, BriefingView


class BriefingHeader(Widget):
    """Title on top; date, location, source and the language choice below."""

    def __init__(self, view: BriefingView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view

    def render(self) -> RenderResult:
        view = self.view
        briefing = view.briefing
        title = view.text(SUMMARY, 0, "title", briefing.title, "bold")
        meta = [
            view.text(SUMMARY, 0, "date", str(briefing.date) if briefing.date else None),
            view.text(SUMMARY, 0, "location", briefing.location),
        ]
        source = briefing.source
        if source is not None and source.outlet is not None:
            outlet = view.text(SOURCE, 0, "outlet", source.outlet)
            if source.attribution is not None:
                outlet += Content(", via ") + view.text(SOURCE, 0, "attribution",
                                                         source.attribution)
            meta.append(outlet)
        parts = [part for part in meta if part]
        languages = [
            Content.styled(f" {language} ", "reverse bold")
            if language == view.language else Content(f" {language} ")
            for language in view.languages
        ]
        if len(languages) > 1:
            parts.append(Content("").join(languages))
        if not parts:
            return title
        line = Content(" · ").join(parts).stylize_before("$text-muted")
        return Content("\n").join([title, line])
