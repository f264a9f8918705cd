"""A scrollable list of items of any height, rendered only while on screen."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style

from .item_layout import MARKER, ItemLayout, StripCache

__all__ = ["MARKER", "ItemList", "StripCache"]


class ItemList(ItemLayout, can_focus=True):
    """A virtual list: items of varying height, of which only those on screen are drawn.

    Subclasses say how many items there are (:meth:`item_count`) and draw one
    (:meth:`render_item`); they may draw fixed heading lines above the items
    (:meth:`header_lines`, :meth:`render_header`), as a table does. Heights are
    measured once per width and :meth:`layout_key`; drawings are cached until
    :meth:`style_key` changes, and then only the items :meth:`stale_items` names
    are drawn again, so a list of thousands of items re-draws a few when, say,
    search highlights change.

    With ``HAS_CURSOR`` the list has an item cursor (arrows, ``j``/``k``), and
    Enter or a click on the cursor item posts :class:`ItemList.Selected`; without
    it, the keys scroll line by line, as in a text.
    """

    DEFAULT_CSS = """
    ItemList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0 1 0 0;
        & > .item-list--cursor {
            background: $boost;
        }
        &:focus > .item-list--cursor {
            background: $primary 15%;
        }
        & > .item-list--marker {
            color: $foreground 30%;
        }
        &:focus > .item-list--marker {
            color: $accent;
        }
        & > .item-list--header {
            background: $panel;
            text-style: bold;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "item-list--cursor", "item-list--marker", "item-list--header",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next item / line down", show=False),
        Binding("up,k", "cursor_up", "Previous item / line up", show=False),
        Binding("home,g", "first", "First item / top", show=False),
        Binding("end,G", "last", "Last item / bottom", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Open item", show=False),
    ]

    HAS_CURSOR: ClassVar[bool] = True
    """Whether the list has an item cursor, or scrolls like a text."""

    ITEM_GAP: ClassVar[int] = 1
    """Blank lines between items."""

    KEEP_LINES: ClassVar[int] = 20_000
    """How many drawn lines the list keeps, of the items drawn last (an item of a
    hundred thousand characters is a thousand lines)."""

    KEEP_LAYOUTS: ClassVar[int] = 4
    """How many measured layouts (width and layout key) the list keeps."""

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the item under the cursor."""

    class Selected(Message):
        """Enter was pressed on an item, or its cursor item was clicked."""

        def __init__(self, item_list: ItemList, index: int) -> None:
            super().__init__()
            self.item_list = item_list
            self.index = index

        @property
        def control(self) -> ItemList:
            """The list the item belongs to."""
            return self.item_list

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._header: tuple[tuple[int, Hashable, Hashable], list[Strip]] | None = None

    # ------------------------------------------------------------------ to override

    def render_item(self, index: int, width: int, style: Style) -> list[Strip]:
        """Draw item ``index`` ``width`` cells wide on ``style``; at least one strip."""
        raise NotImplementedError

    def render_header(self, width: int, style: Style) -> list[Strip]:
        """Draw the fixed lines above the items."""
        return []

    # ------------------------------------------------------------------ helpers

    def reset(self) -> None:
        """Forget sizes and drawings: the items changed."""
        self._stale = None
        self._count = None
        self._layout_for = None
        self._measuring = None
        self._layouts.clear()
        self._style_for = None
        self._header = None
        self._cache.clear()
        self.refresh()

    def _clamp_cursor(self, count: int) -> None:
        if count and self.cursor >= count:
            self.set_reactive(ItemList.cursor, count - 1)

    # ------------------------------------------------------------------ drawing

    def _strips(self, index: int, width: int) -> list[Strip]:
        """The drawing of item ``index``, with its gap below, from the cache if there."""
        is_cursor = self.HAS_CURSOR and index == self.cursor
        key = (index, width, is_cursor)
        strips = self._cache.get(key)
        if strips is not None:
            return strips
        base = self.visual_style
        style = self.get_visual_style("item-list--cursor") if is_cursor else base
        prefix = self._prefix_width
        inner = width - prefix
        body = self.render_item(index, inner, style) or [Strip.blank(inner)]
        rich_style = style.rich_style
        if is_cursor:
            marker_style = (style + self.get_visual_style("item-list--marker")).rich_style
            lead = Segment(MARKER, marker_style)
        else:
            lead = Segment(" " * prefix, rich_style)
        # The item's number on every segment (what a click reads), as Strip.apply_meta
        # puts it, in the same pass: a strip made per line, not three.
        meta = RichStyle.from_meta({"item": index})
        apply = Segment.apply_style
        strips = [
            Strip(list(apply([lead, *strip.adjust_cell_length(inner, rich_style)], meta)), width)
            for strip in body
        ]
        if index < self._item_count() - 1:
            gap = Strip(list(apply([Segment(" " * width, base.rich_style)], meta)), width)
            strips.extend([gap] * self.ITEM_GAP)
        self._cache.set(key, strips)
        return strips

    def _header_strips(self, width: int) -> list[Strip]:
        key = (width, self.layout_key(), self.style_key())
        if self._header is None or self._header[0] != key:
            style = self.get_visual_style("item-list--header")
            prefix = Segment(" " * self._prefix_width, style.rich_style)
            inner = width - self._prefix_width
            strips = [
                Strip([prefix, *strip.adjust_cell_length(inner, style.rich_style)], width)
                for strip in self.render_header(inner, style)
            ]
            self._header = (key, strips)
        return self._header[1]

    # ------------------------------------------------------------------ rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ensure_layout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        blank = Strip.blank(width, self.visual_style.rich_style)
        if width <= self._prefix_width:
            return blank
        header = self.header_lines()
        if y < header:
            strips = self._header_strips(width)
            return strips[y] if y < len(strips) else blank
        # Item lines scroll under the fixed header lines.
        line = round(self.scroll_y) + y - header
        count = self._item_count()
        if not count or line >= self._offsets[-1]:
            return blank
        index = self.item_at_line(line)
        strips = self._strips(index, width)
        row = line - self._offsets[index]
        if row >= len(strips):  # measured with other text: a stale line, drawn blank
            return blank
        return strips[row]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._header = None
        self._stale = None

    def _on_resize(self, _: events.Resize) -> None:
        self.refresh()

    # ------------------------------------------------------------------ cursor

    def watch_cursor(self) -> None:
        # Drawings are cached with and without the cursor, so nothing is stale.
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self._item_count() - 1))

    def scroll_to_item(self, index: int, line: int = 0, *, top: bool = False) -> None:
        """Scroll so that line ``line`` of item ``index`` is on screen."""
        if not self._ensure_layout():
            self.call_after_refresh(self.scroll_to_item, index, line, top=top)
            return
        if not 0 <= index < self._item_count():
            return
        region = self.item_region(index)
        header = self.header_lines()
        viewport = self.scrollable_content_region.height - header
        if line or region.height > viewport:
            # Show the wanted line, with some of what comes before it.
            start = region.y + max(0, line - 2)
            region = Region(0, start, region.width, max(1, min(viewport, region.bottom - start)))
        self.scroll_to_region(region, spacing=Spacing(header, 0, 0, 0), animate=False,
                              force=True, immediate=True, top=top)

    def move_cursor(self, index: int, line: int = 0) -> None:
        """Put the cursor on item ``index`` (if the list has one) and scroll to it."""
        if self.HAS_CURSOR:
            self.cursor = index
        self.scroll_to_item(index, line)

    def action_cursor_down(self) -> None:
        """Next item; within a tall item, scroll through it first."""
        if not self.HAS_CURSOR or not self._ensure_layout():
            self.scroll_down(animate=False)
            return
        region = self.item_region(self.cursor)
        top, bottom = self._viewport()
        if region.bottom > bottom:
            step = min(region.bottom - bottom, max(1, bottom - top - 2))
            self.scroll_to(y=self.scroll_y + step, animate=False)
        elif self.cursor < self._item_count() - 1:
            self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous item; within a tall item, scroll through it first."""
        if not self.HAS_CURSOR or not self._ensure_layout():
            self.scroll_up(animate=False)
            return
        region = self.item_region(self.cursor)
        top, bottom = self._viewport()
        if region.y < top:
            step = min(top - region.y, max(1, bottom - top - 2))
            self.scroll_to(y=self.scroll_y - step, animate=False)
        elif self.cursor > 0:
            self.move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        """First item (or the top of the text)."""
        if self.HAS_CURSOR:
            self.cursor = 0
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        """Last item (or the end of the text)."""
        if self.HAS_CURSOR and self._item_count():
            self.cursor = self._item_count() - 1
        self.scroll_end(animate=False, immediate=True)

    def _page(self, direction: int) -> None:
        if not self._ensure_layout():
            return
        top, bottom = self._viewport()
        height = max(1, bottom - top - 1)
        target = max(0, min(round(self.max_scroll_y), round(self.scroll_y) + direction * height))
        self.scroll_to(y=target, animate=False, immediate=True)
        if self.HAS_CURSOR:
            self.cursor = self.item_at_line(target)

    def action_page_down(self) -> None:
        """One screen down."""
        self._page(1)

    def action_page_up(self) -> None:
        """One screen up."""
        self._page(-1)

    def action_select(self) -> None:
        """Open the item under the cursor."""
        if self.HAS_CURSOR and self._item_count():
            self.post_message(self.Selected(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("item")
        if not isinstance(index, int) or not self.HAS_CURSOR:
            return
        event.stop()
        if index == self.cursor:
            self.post_message(self.Selected(self, index))
        else:
            self.cursor = index
