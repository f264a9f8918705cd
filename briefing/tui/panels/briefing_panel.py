"""The common base of the panels: a list of items showing some sections of the outline."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import ClassVar

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from ...outline import Entry, Outline, Section, TextKey
from ..evidence_marks import badge
from ..item_list import ItemList
from ..viewer_state import ViewerState
from .panel_id import PanelId


def text_height(text: str, width: int) -> int:
    """How many lines ``Content(text).wrap(width)`` makes (at least one), without making them.

    A panel of thousands of items measures every one whenever its text or width
    changes (a language shown for the first time, say), and wrapping makes a Content
    per line, only to count them. ``Content.wrap`` breaks each line of the text with
    Rich's ``divide_line``; this calls it directly, for lines that are printable (no
    tabs or control characters, which ``Content`` would change first), and wraps the
    others. ``tests/tui/test_item_list.py`` checks that the two agree.
    """
    height = 0
    for line in text.split("\n"):
        if not line.isprintable():
            return len(Content(text).wrap(width)) or 1
        if line.isascii() or one_cell_wide(line):  # printable: one cell a character
            height += 1 if len(line) <= width else _one_cell_height(line, width)
        elif cell_len(line) > width:
            height += len(divide_line(line, width, fold=True)) + 1
        else:
            height += 1
    return height


def text_heights(texts: Iterable[str], width: int) -> list[int]:
    """:func:`text_height` of each of ``texts``: one line for those of one line that fit
    (of characters one cell wide), at once; the others wrapped."""
    heights = []
    for text in texts:
        if one_cell_wide(text):
            if len(text) <= width:
                heights.append(1)
                continue
            if text.isprintable():  # one line (but for no-break spaces, Rich's too)
                heights.append(_one_cell_height(text, width))
                continue
        heights.append(text_height(text, width))
    return heights


_NOT_ONE_CELL = re.compile("[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482]")
"""A character not known to be one cell wide (Latin, Greek and Cyrillic are: a subset of
what Rich measures so), or not printable."""


def one_cell_wide(text: str) -> bool:
    """Whether every character of ``text`` is one cell wide (and printable, but for
    no-break spaces)."""
    return _NOT_ONE_CELL.search(text) is None


_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces after it (before it too, for the first), as ``divide_line`` reads."""


@lru_cache(maxsize=16384)
def _one_cell_height(line: str, width: int) -> int:
    """``len(divide_line(line, width, fold=True)) + 1`` for a printable line whose every
    character is one cell wide: the same greedy wrap, counting lines instead of making
    the offsets, with lengths for widths (a panel of thousands of rows measures each;
    organisations and countries repeat)."""
    if "  " in line or line[:1] == " " or line[-1:] == " ":
        return _spaced_height(line, width)
    # Words between single spaces: each with the space after it but the last.
    lines = 1
    offset = 0
    last = line.count(" ")
    for number, word in enumerate(line.split(" ")):
        length = len(word)
        size = length + (number < last)
        if width - offset >= length:  # fits on this line
            offset += size
        elif length > width:  # longer than a line: folded, a line each ``width`` cells
            pieces = -(-size // width)
            lines += pieces if number else pieces - 1
            offset = size - (pieces - 1) * width
        elif offset and number:  # on the next line
            lines += 1
            offset = size
    return lines


def _spaced_height(line: str, width: int) -> int:
    """:func:`_one_cell_height` of a line with spaces at an edge or two together."""
    lines = 1
    offset = 0
    for word in _WORD.finditer(line):
        start, end = word.span()
        length = len(word.group().rstrip())
        if width - offset >= length:  # fits on this line
            offset += end - start
        elif length > width:  # longer than a line: folded, a line each ``width`` cells
            pieces = -(-(end - start) // width)
            lines += pieces if start else pieces - 1
            offset = end - start - (pieces - 1) * width
        elif offset and start:  # on the next line
            lines += 1
            offset = end - start
    return lines


_NOT_REVERSED = Style(reverse=False)
"""Added to a panel's style for the padding right of a line, as Textual pads."""


class BriefingPanel(ItemList):
    """A panel showing one part of a briefing, item by item.

    Subclasses give the number of items (:meth:`count`) and draw one
    (:meth:`render_entry`); a panel without items shows ``EMPTY`` instead.
    Each subclass says which outline sections it shows and when it is shown;
    the registry in :mod:`briefing.tui.panels` lists them in order. Text
    reaches the screen only from the outline, through the highlights, as
    literal Content.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "panel--heading", "panel--dim", "panel--label", "panel--accent", "panel--bar",
        "panel--digits",
    }

    PANEL: ClassVar[PanelId]
    """The panel's id (and DOM id)."""

    TITLE: ClassVar[str]
    """The panel's name in the list of panels (from the registry)."""

    SECTIONS: ClassVar[tuple[Section, ...]]
    """The outline sections the panel shows (from the registry)."""

    EMPTY: ClassVar[str] = "Nothing here."
    """What the panel says when it has no items."""

    def __init_subclass__(cls, **kwargs: bool) -> None:
        super().__init_subclass__(**kwargs)
        if "PANEL" in cls.__dict__:
            # Declared once, in the registry, which lists the panels without importing them.
            from . import panel_spec

            spec = panel_spec(cls.PANEL)
            cls.TITLE, cls.SECTIONS = spec.title, spec.sections

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(id=id or self.PANEL, classes="panel")
        self.state = state
        self.empty_message = self.EMPTY

    @property
    def outline(self) -> Outline:
        """The outline on screen."""
        return self.state.outline

    @classmethod
    def measure_ahead(cls, outline: Outline, width: int) -> None:
        """Measure the items ``outline`` would show in a panel ``width`` cells wide, so
        that the panel shows them at once (:meth:`measured_ahead`); from a worker
        thread, while the reader has not asked for them yet. Most panels measure
        quickly enough when shown, and do nothing here."""

    @classmethod
    def measures_ahead(cls, outline: Outline) -> bool:
        """Whether :meth:`measure_ahead` is worth a thread for ``outline`` (in any of its
        languages: they have the same items)."""
        return False

    def count(self) -> int:
        """How many items the panel shows."""
        raise NotImplementedError

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        """Draw item ``index``."""
        raise NotImplementedError

    def item_count(self) -> int:
        return max(1, self.count())

    def render_item(self, index: int, width: int, style: Style) -> list[Strip]:
        if not self.count():
            message = Content.styled(self.state.t(self.empty_message), ".panel--dim")
            return self.content_strips(message, width, style)
        return self.render_entry(index, width, style)

    def layout_key(self) -> Hashable:
        # The outline itself (compared by identity): heights change only with its text,
        # and a language shown again is the same object (see Outlines), whose heights
        # the list may still have.
        return self.state.outline

    def style_key(self) -> Hashable:
        # The evidence check by identity: a new one (after a reload) redraws every item.
        return self.state.highlights.generation, self.state.evidence

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        if not isinstance(old, tuple) or not isinstance(new, tuple) or old[1] is not new[1]:
            return None
        keys = self.state.highlights.changed_between(old[0], new[0])
        if keys is None:
            return None
        return {self.index_of(key) for key in keys if key.section in self.SECTIONS}

    def sync(self) -> None:
        """Show the view's current state (language, highlights, text): all of it again
        when the text changed, else the items on screen whose highlights changed."""
        self.refresh_changed()

    def badge(self, section: Section, entry: int) -> Content:
        """The evidence badge of claim ``entry`` of ``section`` (blank until checked)."""
        marks = self.state.evidence_marks()
        return badge(marks.status(section, entry) if marks is not None else None)

    def index_of(self, key: TextKey) -> int:
        """The item that shows the text ``key``."""
        return key.entry

    def entry_at(self, index: int) -> Entry | None:
        """The outline entry item ``index`` shows (what ``c`` copies), if any."""
        return self.outline.entry(self.SECTIONS[0], index)

    def reveal(self, key: TextKey) -> None:
        """Bring the field ``key`` on screen, at the current search match if it is there."""
        index = self.index_of(key)
        if not self._ensure_layout():
            self.call_after_refresh(self.reveal, key)
            return
        if 0 <= index < self._item_count():
            if self.HAS_CURSOR:
                # First: the line is found in the item's drawing with the cursor, the
                # one put on screen (drawn without it, the item was drawn twice).
                self.cursor = index
            self.scroll_to_item(index, self._current_match_line(index))

    def _current_match_line(self, index: int) -> int:
        """The line of item ``index`` drawn with the current-match style, else 0."""
        highlights = self.state.highlights
        if highlights.current is None:
            return 0
        background = highlights.current_style.rich_style.bgcolor
        width = self.scrollable_content_region.width
        for row, strip in enumerate(self._strips(index, width)):
            if any(s.style is not None and s.style.bgcolor == background for s in strip):
                return row
        return 0

    def position(self) -> tuple[int, float]:
        """Cursor and scroll position, to restore after a reload."""
        return self.cursor, self.scroll_y

    def restore(self, position: tuple[int, float]) -> None:
        """Go back to a :meth:`position`."""
        cursor, scroll_y = position
        self.set_reactive(ItemList.cursor, max(0, min(cursor, self._item_count() - 1)))

        def scroll() -> None:
            self._ensure_layout()
            self.scroll_to(y=scroll_y, animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def content_strips(
        self, content: Content | Visual, width: int, style: Style, indent: int = 0
    ) -> list[Strip]:
        """Strips of ``content`` wrapped to ``width``, shifted right by ``indent`` cells."""
        inner = max(1, width - indent)
        if isinstance(content, Content):
            strips = self.line_strips(content.wrap(inner), inner, style)
        else:
            strips = Visual.to_strips(self, content, inner, None, style, pad=True)
        if not strips:
            strips = [Strip.blank(inner, style.rich_style)]
        if indent:
            pad = Segment(" " * indent, style.rich_style)
            strips = [Strip([pad, *strip], indent + strip.cell_length) for strip in strips]
        return strips

    def line_strips(self, lines: Iterable[Content], width: int, style: Style) -> list[Strip]:
        """Each of ``lines`` (one line of Content each, no wider than ``width``) as a strip
        ``width`` cells wide on ``style``, its ``.panel--*`` styles the panel's.

        What ``Visual.to_strips`` draws for Content, without what it does that a panel
        does not use (alignment, links, text selection and the offsets it needs): that
        costs ten times as much, and a search redraws every row on screen at once.
        """
        get_style = self._get_style
        pad = (style + _NOT_REVERSED).rich_style
        strips = []
        for line in lines:
            segments = [Segment(text, (style + text_style).rich_style)
                        for text, text_style in line.render(style, "", get_style)]
            strips.append(Strip(segments, line.cell_length).extend_cell_length(width, pad))
        return strips

    def labelled(
        self, label: str, value: Content, width: int, style: Style, label_width: int
    ) -> list[Strip]:
        """``value`` wrapped beside a ``label`` column (for "Role   Deputy minister" rows);
        ``label`` is a message, shown in the interface's language."""
        label = self.state.t(label) if label else label
        strips = self.content_strips(value, width, style, indent=label_width)
        label_style = (style + self.get_visual_style("panel--label", partial=True)).rich_style
        head = Strip([Segment(label[: label_width - 1].ljust(label_width), label_style)])
        strips[0] = Strip.join([head, strips[0].crop(label_width)])
        return strips
