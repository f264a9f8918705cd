"""The Source panel: where the facts come from, and the article's text."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from ...outline import ARTICLE, Entry, Section, TextKey
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

LABEL_WIDTH = 13


class SourcePanel(BriefingPanel):
    """Outlet, attribution, address and date of the source, then the article, read as a text."""

    PANEL = PanelId.SOURCE
    TITLE = "Source"
    SECTIONS = (Section.SOURCE,)
    ALWAYS = False
    HAS_CURSOR: ClassVar[bool] = False

    def _article_paragraphs(self) -> tuple[str, ...]:
        source = self.outline.entry(Section.SOURCE)
        article = source.field(ARTICLE) if source is not None else None
        return article.paragraphs if article is not None else ()

    def count(self) -> int:
        return 1 + len(self._article_paragraphs())

    def index_of(self, key: TextKey) -> int:
        return 1 + key.paragraph if key.name == ARTICLE else 0

    def entry_at(self, index: int) -> Entry | None:
        return self.outline.entry(Section.SOURCE)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        if index == 0:
            return self._details(width, style)
        source = self.outline.entries(Section.SOURCE)[0]
        article = source.fields[ARTICLE]
        number = index - 1
        content = self.state.highlights.content(article.text_key(number),
                                                article.paragraphs[number])
        return self.content_strips(content, width, style)

    def _details(self, width: int, style: Style) -> list[Strip]:
        highlights = self.state.highlights
        source = self.outline.entry(Section.SOURCE)
        strips: list[Strip] = []
        if source is not None:
            rows = [
                ("Outlet", highlights.field(source.field("outlet"))),
                ("Attribution", highlights.field(source.field("attribution"))),
                ("URL", highlights.field(source.field("url"))),
                ("Published", highlights.field(source.field("published"))),
                ("Article", Content(source.text("text"))),
            ]
            for label, value in rows:
                if value:
                    strips += self.labelled(label, value, width, style, LABEL_WIDTH)
        article = self.outline.article
        note = article.note if article is not None else ""
        if not self._article_paragraphs():
            message = note or self.state.t("The briefing gives no article text.")
            strips += self.content_strips(Content(""), width, style)
            strips += self.content_strips(Content.styled(message, ".panel--dim"), width, style)
            return strips
        if note:
            strips += self.labelled("", Content.styled(note, ".panel--dim"), width,
                                    style, LABEL_WIDTH)
        strips += self.content_strips(Content(""), width, style)
        rule = Content.styled(self.state.t("Article text ").ljust(width, "─"), ".panel--dim")
        strips += self.content_strips(rule, width, style)
        return strips
