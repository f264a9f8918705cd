"""The Source panel: where the facts come from, and the article's text."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content, Span
from textual.message import Message
from textual.strip import Strip
from textual.style import Style

from ...outline import ARTICLE, Entry, Section, TextKey
from ..evidence_marks import CURRENT_PASSAGE_STYLE, PASSAGE_STYLE
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

if TYPE_CHECKING:
    from ...evidence import Span as Passage

LABEL_WIDTH = 13


class SourcePanel(BriefingPanel):
    """Outlet, attribution, address and date of the source, then the article, read as a text.

    Every passage of the article that is a claim's evidence is underlined; one of
    them may be the current passage (``e`` and ``E`` go from one to the next, a
    claim's ``e`` to its own), and Enter on it posts :class:`PassageChosen`.
    """

    PANEL = PanelId.SOURCE
    TITLE = "Source"
    SECTIONS = (Section.SOURCE,)
    ALWAYS = False
    HAS_CURSOR: ClassVar[bool] = False

    class PassageChosen(Message):
        """Enter on the current passage: go to the claims it backs."""

        def __init__(self, passage: Passage) -> None:
            super().__init__()
            self.passage = passage

    current_passage: Passage | None = None
    """The passage the reader went to, drawn brighter than the others."""

    def style_key(self) -> Hashable:
        return super().style_key(), self.current_passage

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        if not isinstance(old, tuple) or not isinstance(new, tuple) or old[1] != new[1]:
            return None
        return super().stale_items(old[0], new[0])

    def show_passage(self, passage: Passage) -> None:
        """Make ``passage`` the current one, and bring it on screen."""
        self.current_passage = passage
        self.refresh_changed()
        self._scroll_to_passage()

    def _scroll_to_passage(self) -> None:
        marks = self.state.evidence_marks()
        passage = self.current_passage
        if marks is None or passage is None:
            return
        if not self._ensure_layout():
            self.call_after_refresh(self._scroll_to_passage)
            return
        item = 1 + marks.locate(passage.start)[0]
        width = self.scrollable_content_region.width
        line = 0
        for row, strip in enumerate(self._strips(item, width)):
            if any(s.style is not None and s.style.reverse and s.style.underline
                   for s in strip):
                line = row
                break
        self.scroll_to_item(item, line)

    def step_passage(self, delta: int) -> bool:
        """Go to the next passage (``delta`` 1) or the previous one (-1), from the current
        one or else from the top of the screen; False if the article has none."""
        marks = self.state.evidence_marks()
        if marks is None or not marks.passages:
            return False
        passages = marks.passages
        if self.current_passage in passages:
            number = (passages.index(self.current_passage) + delta) % len(passages)
        else:
            top = max(0, self.item_at_line(round(self.scroll_y)) - 1)
            starts = [marks.locate(passage.start)[0] for passage in passages]
            later = [n for n, paragraph in enumerate(starts) if paragraph >= top]
            number = later[0] if later else 0
            if delta < 0:
                number = (number - 1) % len(passages)
        self.show_passage(passages[number])
        return True

    def action_select(self) -> None:
        """Enter: go to the claims the current passage (or the first on screen) backs."""
        if self.current_passage is None and not self.step_passage(1):
            self.app.bell()
            return
        if self.current_passage is not None:
            self.post_message(self.PassageChosen(self.current_passage))

    def passage_item(self) -> int:
        """The item (paragraph, after the details) of the current passage."""
        marks = self.state.evidence_marks()
        if marks is None or self.current_passage is None:
            return 0
        return 1 + marks.locate(self.current_passage.start)[0]

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
        marks = self.state.evidence_marks()
        if marks is not None:
            current = self.current_passage
            # Under the search's matches, which are drawn over them.
            passages = [Span(start, end, CURRENT_PASSAGE_STYLE if passage == current
                             else PASSAGE_STYLE)
                        for start, end, passage in marks.pieces(number)]
            if passages:
                content = Content(content.plain, [*passages, *content.spans])
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
