"""The Source panel: where the facts come from, and the article's text."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ..safe_text import visible
from .briefing_panel import BriefingPanel
from .briefing_view import SOURCE, FieldKey

LABEL_WIDTH = 13


class SourcePanel(BriefingPanel):
    """Outlet, attribution, address and date of the source, then the article, read as a text."""

    PANEL = SOURCE
    HAS_CURSOR: ClassVar[bool] = False

    def count(self) -> int:
        article = self.view.article
        return 1 + (len(article.paragraphs) if article is not None else 0)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        if index == 0:
            return self._details(width, style)
        assert self.view.article is not None
        paragraph = self.view.article.paragraphs[index - 1]
        key = FieldKey(SOURCE, index, "text")
        return self.content_strips(self.view.highlights.content(key, paragraph), width, style)

    def _details(self, width: int, style: Style) -> list[Strip]:
        view = self.view
        source = view.briefing.source
        strips: list[Strip] = []
        if source is not None:
            rows = [
                ("Outlet", view.text(SOURCE, 0, "outlet", source.outlet)),
                ("Attribution", view.text(SOURCE, 0, "attribution", source.attribution)),
                ("URL", view.text(SOURCE, 0, "url", source.url)),
                ("Published", view.text(SOURCE, 0, "published",
                                        str(source.published) if source.published else None)),
                ("Article", Content(visible(source.text)) if source.text else Content("")),
            ]
            for label, value in rows:
                if value:
                    strips += self.labelled(label, value, width, style, LABEL_WIDTH)
        article = view.article
        if article is None or not article.paragraphs:
            message = article.note if article is not None and article.note else (
                "The briefing gives no article text.")
            strips += self.content_strips(Content(""), width, style)
            strips += self.content_strips(Content.styled(message, ".panel--dim"), width, style)
            return strips
        if article.note:
            strips += self.labelled("", Content.styled(article.note, ".panel--dim"), width,
                                    style, LABEL_WIDTH)
        strips += self.content_strips(Content(""), width, style)
        rule = Content.styled("Article text ".ljust(width, "─"), ".panel--dim")
        strips += self.content_strips(rule, width, style)
        return strips
