"""The Source panel: where the facts come from, and the article's text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style

from ...outline import ARTICLE, Entry, Section, TextKey
from ..evidence_marks import CURRENT_PASSAGE_STYLE, PASSAGE_STYLE
from ..messages import PassageChosen
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

if TYPE_CHECKING:
    from ...evidence import Span as Passage

LABEL_WIDTH = 13

PIECE_LENGTH = 4000
"""Most characters of a paragraph drawn as one item. A longer paragraph (an article in
one line of megabytes) is shown in pieces, with no gap between them, so that drawing
what is on screen, or measuring, never wraps more than this at a time (one of two
million characters took seconds)."""


def paragraph_pieces(paragraph: str, length: int = PIECE_LENGTH) -> list[int]:
    """Where each piece of ``paragraph`` starts: cut after a sentence (``. ``) in the
    second half of ``length`` characters, else after a space, else at ``length``."""
    starts = [0]
    start = 0
    while len(paragraph) - start > length:
        stop = start + length
        cut = paragraph.rfind(". ", start + length // 2, stop)
        if cut < 0:
            cut = paragraph.rfind(" ", start + length // 2, stop)
        start = cut + 2 if cut >= 0 and paragraph[cut] == "." else (
            cut + 1 if cut >= 0 else stop)
        starts.append(start)
    return starts


class SourcePanel(BriefingPanel):
    """Outlet, attribution, address and date of the source, then the article, read as a text.

    Every passage of the article that is a claim's evidence is underlined; one of
    them may be the current passage (``e`` and ``E`` go from one to the next, a
    claim's ``e`` to its own), and Enter on it posts :class:`~briefing.tui.messages.PassageChosen`.
    """

    PANEL = PanelId.SOURCE
    HAS_CURSOR: ClassVar[bool] = False

    current_passage: Passage | None = None
    """The passage the reader went to, drawn brighter than the others."""

    _pieces_of: tuple[tuple[str, ...], list[tuple[int, int, int]], list[int]] | None = None
    """For the paragraphs shown (by identity): each item's paragraph and stretch of it
    (start, end), and each paragraph's first item after the details."""

    _matches: tuple[int, TextKey, list[tuple[int, int]]] | None = None
    """The search's matches in the paragraph drawn last, for a generation of them."""

    def _pieces(self) -> tuple[list[tuple[int, int, int]], list[int]]:
        paragraphs = self._article_paragraphs()
        if self._pieces_of is None or self._pieces_of[0] is not paragraphs:
            pieces: list[tuple[int, int, int]] = []
            firsts: list[int] = []
            for number, paragraph in enumerate(paragraphs):
                firsts.append(len(pieces))
                starts = paragraph_pieces(paragraph)
                ends = [*starts[1:], len(paragraph)]
                pieces += [(number, start, end) for start, end in zip(starts, ends, strict=True)]
            self._pieces_of = (paragraphs, pieces, firsts)
        return self._pieces_of[1], self._pieces_of[2]

    def _item_at(self, paragraph: int, offset: int) -> int:
        """The item showing ``offset`` of paragraph ``paragraph`` (as shown)."""
        pieces, _ = self._pieces()
        # The last piece starting at or before (paragraph, offset).
        return 1 + max(0, bisect_right(pieces, (paragraph, offset + 1)) - 1)

    def _continued(self, index: int) -> bool:
        """Whether item ``index`` is a piece of a paragraph that goes on in the next."""
        pieces, _ = self._pieces()
        return 0 < index < len(pieces) and pieces[index - 1][0] == pieces[index][0]

    def _strips(self, index: int, width: int) -> list[Strip]:
        strips = super()._strips(index, width)
        # No gap inside a paragraph shown in pieces.
        return strips[:len(strips) - self.ITEM_GAP] if self._continued(index) else strips

    def _passage_item(self, passage: Passage) -> int:
        marks = self.state.evidence_marks()
        if marks is None:
            return 0
        return self._item_at(*marks.locate(passage.start))

    def style_key(self) -> Hashable:
        return super().style_key(), self.current_passage

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        if not isinstance(old, tuple) or not isinstance(new, tuple) or old[1] != new[1]:
            return None
        stale = super().stale_items(old[0], new[0])
        if stale is None:
            return None
        pieces, firsts = self._pieces()
        items: set[int] = set()
        for index in stale:
            # Every piece of a paragraph whose highlights changed.
            items.add(index)
            if index > 0:
                paragraph = pieces[index - 1][0] if index <= len(pieces) else len(firsts)
                end = firsts[paragraph + 1] if paragraph + 1 < len(firsts) else len(pieces)
                items.update(range(index, end + 1))
        return items

    def reveal(self, key: TextKey) -> None:
        current = self.state.highlights.current
        if key.name != ARTICLE or current is None or current.key != key:
            super().reveal(key)
            return
        if not self._ensure_layout():
            self.call_after_refresh(self.reveal, key)
            return
        # The piece of the paragraph with the current match.
        index = self._item_at(key.paragraph, current.start)
        if 0 <= index < self._item_count():
            self.move_cursor(index, self._current_match_line(index))

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
        item = self._passage_item(passage)
        width = self.scrollable_content_region.width
        line = 0
        for row, strip in enumerate(self._strips(item, width)):
            if any(s.style is not None and s.style.reverse and s.style.underline
                   for s in strip):
                line = row
                break
        self.scroll_to_item(item, line)
        if not self.measured:
            # The heights of the items not measured yet are guessed (a long article
            # takes seconds): go to the passage again once they are known.
            self.set_timer(0.05, self._scroll_again(passage))

    def _scroll_again(self, passage: Passage) -> Callable[[], None]:
        def again() -> None:
            if self.current_passage != passage:
                return
            if self.measured:
                self._scroll_to_passage()
            else:
                self.set_timer(0.05, again)
        return again

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
            top = self.item_at_line(round(self.scroll_y))
            starts = [self._passage_item(passage) for passage in passages]
            later = [n for n, item in enumerate(starts) if item >= top]
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
            self.post_message(PassageChosen(self.current_passage))

    def passage_item(self) -> int:
        """The item (piece of a paragraph, after the details) of the current passage."""
        if self.current_passage is None:
            return 0
        return self._passage_item(self.current_passage)

    def _article_paragraphs(self) -> tuple[str, ...]:
        source = self.outline.entry(Section.SOURCE)
        article = source.field(ARTICLE) if source is not None else None
        return article.paragraphs if article is not None else ()

    def count(self) -> int:
        return 1 + len(self._pieces()[0])

    def index_of(self, key: TextKey) -> int:
        if key.name != ARTICLE:
            return 0
        firsts = self._pieces()[1]
        return 1 + firsts[key.paragraph] if key.paragraph < len(firsts) else 0

    def entry_at(self, index: int) -> Entry | None:
        return self.outline.entry(Section.SOURCE)

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        if index == 0:
            return self._details(width, style)
        source = self.outline.entries(Section.SOURCE)[0]
        article = source.fields[ARTICLE]
        number, first, last = self._pieces()[0][index - 1]
        text = article.paragraphs[number]
        spans: list[Span] = []
        marks = self.state.evidence_marks()
        if marks is not None:
            current = self.current_passage
            # Under the search's matches, which are drawn over them.
            spans += [Span(max(start, first) - first, min(end, last) - first,
                           CURRENT_PASSAGE_STYLE if passage == current else PASSAGE_STYLE)
                      for start, end, passage in marks.pieces(number)
                      if start < last and end > first]
        spans += self._match_spans(article.text_key(number), first, last)
        content = Content(text[first:last], spans) if spans else Content(text[first:last])
        return self.content_strips(content, width, style)

    def _match_spans(self, key: TextKey, first: int, last: int) -> list[Span]:
        """The search's matches in stretch ``first`` to ``last`` of text ``key``, from
        its start (a paragraph of megabytes may have thousands)."""
        highlights = self.state.highlights
        if self._matches is None or self._matches[:2] != (highlights.generation, key):
            # Once per change of the matches: every piece on screen asks for them.
            self._matches = (highlights.generation, key, highlights.spans.get(key))
        matches = self._matches[2]
        spans: list[Span] = []
        if matches:
            # Matches are in order and do not overlap: those ending after ``first``.
            begin = bisect_left(matches, first + 1, key=lambda match: match[1])
            for start, end in matches[begin:]:
                if start >= last:
                    break
                spans.append(Span(max(start, first) - first, min(end, last) - first,
                                  highlights.match_style))
        current = highlights.current
        if current is not None and current.key == key and current.start < last \
                and current.end > first:
            spans.append(Span(max(current.start, first) - first,
                              min(current.end, last) - first, highlights.current_style))
        return spans

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
