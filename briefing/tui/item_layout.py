"""The measuring half of :class:`~briefing.tui.item_list.ItemList`: where each item
starts (measured a slice at a time, the rest guessed meanwhile), the layouts measured
before, and the cache of drawn items."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from time import perf_counter
from typing import ClassVar

from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

MARKER = "▌ "
"""Drawn left of the item under the cursor."""


class StripCache:
    """The drawings of items, by key, the least recently used forgotten first once they
    hold more than ``lines`` lines together."""

    def __init__(self, lines: int) -> None:
        self._lines = lines
        self._kept = 0
        self._drawings: OrderedDict[Hashable, list[Strip]] = OrderedDict()

    def get(self, key: Hashable) -> list[Strip] | None:
        """The drawing kept under ``key``, if any."""
        strips = self._drawings.get(key)
        if strips is not None:
            self._drawings.move_to_end(key)
        return strips

    def set(self, key: Hashable, strips: list[Strip]) -> None:
        """Keep ``strips`` under ``key``."""
        self.discard(key)
        self._drawings[key] = strips
        self._kept += len(strips)
        while self._kept > self._lines and len(self._drawings) > 1:
            _, oldest = self._drawings.popitem(last=False)
            self._kept -= len(oldest)

    def discard(self, key: Hashable) -> None:
        """Forget the drawing under ``key``."""
        strips = self._drawings.pop(key, None)
        if strips is not None:
            self._kept -= len(strips)

    def clear(self) -> None:
        """Forget every drawing."""
        self._drawings.clear()
        self._kept = 0



class ItemLayout(ScrollView):
    """Heights and places of the items of an :class:`~briefing.tui.item_list.ItemList`
    (its base class, not a widget of its own): measured once per width and
    :meth:`layout_key`, a slice at a time for long lists."""

    HAS_CURSOR: ClassVar[bool]
    ITEM_GAP: ClassVar[int]
    KEEP_LINES: ClassVar[int]
    KEEP_LAYOUTS: ClassVar[int]

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._offsets: list[int] = [0]
        """Line where each item starts, plus one entry for the end of the list."""
        self._layout_for: tuple[int, Hashable] | None = None
        self._layouts: LRUCache[tuple[int, Hashable], list[int]] = LRUCache(self.KEEP_LAYOUTS)
        """Offsets measured before, by width and layout key: a list of thousands of
        items shown again in a language (or at a width) it had is not measured again."""
        self._style_for: Hashable = None
        self._cache = StripCache(self.KEEP_LINES)
        self._count: tuple[Hashable, int] | None = None
        self._stale: set[int] | None = None
        """Items drawn again since the list was last put on screen (:meth:`refresh_changed`);
        None: all of them."""
        self._measuring: tuple[tuple[int, Hashable], list[int]] | None = None
        """The layout being measured a slice at a time, and the offsets measured so far."""

    # ------------------------------------------------------------------ to override

    def item_count(self) -> int:
        """How many items the list has."""
        raise NotImplementedError

    def measure_item(self, index: int, width: int) -> int | None:
        """Height of item ``index`` at ``width`` (without the gap), if known without
        drawing it; ``None`` draws it to measure. Lists of thousands of items
        should answer: measuring them all happens whenever the width or text changes."""
        return None

    def measure_items(self, start: int, stop: int, width: int) -> list[int | None]:
        """:meth:`measure_item` of items ``start`` to ``stop`` (not included): a list
        that can measure many at once quicker than one at a time says so with
        :attr:`MEASURE_BATCH`."""
        return [self.measure_item(index, width) for index in range(start, stop)]

    def measured_ahead(self, width: int) -> list[int] | None:
        """Where each item starts at ``width`` (the list's, with the cursor's column) and
        the current :meth:`layout_key`, if measured ahead of time (by a worker thread,
        say): the offsets :meth:`_measure_more` would find, or None."""
        return None

    def header_lines(self) -> int:
        """How many fixed lines are drawn above the items (0: none)."""
        return 0

    def layout_key(self) -> Hashable:
        """Changes whenever items change in number or height (text, language)."""
        return None

    def style_key(self) -> Hashable:
        """Changes whenever items change in looks only (highlights)."""
        return None

    def stale_items(self, old: Hashable, new: Hashable) -> Iterable[int] | None:
        """Items whose looks differ between style keys ``old`` and ``new``; None: all."""
        return None

    def _strips(self, index: int, width: int) -> list[Strip]:
        """The drawing of item ``index``, with its gap below (drawn by the list)."""
        raise NotImplementedError

    def _clamp_cursor(self, count: int) -> None:
        """Keep the cursor within the ``count`` items (the list has the cursor)."""

    # ------------------------------------------------------------------ helpers

    @property
    def _prefix_width(self) -> int:
        return len(MARKER) if self.HAS_CURSOR else 1

    def _item_count(self) -> int:
        """:meth:`item_count`, computed once per :meth:`layout_key` (it is asked per line)."""
        key = self.layout_key()
        if self._count is None or self._count[0] != key:
            self._count = (key, self.item_count())
        return self._count[1]

    # ------------------------------------------------------------------ layout

    def _ensure_layout(self) -> bool:
        """Measure the items if needed; False while the list has no width yet."""
        width = self.scrollable_content_region.width
        if width <= self._prefix_width:
            return False
        style_key = self.style_key()
        if style_key != self._style_for:
            stale = self.stale_items(self._style_for, style_key)
            if stale is None:
                self._cache.clear()
            else:
                for index in stale:
                    for is_cursor in (False, True):
                        self._cache.discard((index, width, is_cursor))
            self._style_for = style_key
            if stale is None or self._stale is None:
                self._stale = None
            else:
                self._stale.update(stale)
        layout = (width, self.layout_key())
        if layout == self._layout_for:
            return True
        self._layout_for = layout
        self._cache.clear()
        self._stale = None
        count = self._item_count()
        offsets = self._layouts.get(layout)
        if offsets is None:
            offsets = self.measured_ahead(width)
            if offsets is not None and len(offsets) == count + 1:
                self._layouts.set(layout, offsets)
            else:
                offsets = None
        if offsets is None:
            offsets = [0]
            if self._measure_more(offsets, count, width):
                self._layouts.set(layout, offsets)
            else:
                # The rest is measured a slice at a time, between keys (see
                # _measure_later); meanwhile the items not measured yet are as tall as
                # the average of those that are.
                self._measuring = (layout, offsets)
                self.set_timer(0.001, self._measure_later)
                offsets = self._estimated(offsets, count)
        self._offsets = offsets
        self._clamp_cursor(count)
        self.virtual_size = Size(width, offsets[-1] + self.header_lines())
        return True

    def refresh_changed(self) -> None:
        """Put on screen what changed since it was last put there: only the lines of
        the items on screen whose looks changed (:meth:`stale_items`), or all of it.

        Search highlights change on every keystroke, usually in a few items or none
        on screen; drawing the whole list again would cost as much as the search.
        """
        if not self._ensure_layout() or self._stale is None:
            self.refresh()
        else:
            header = self.header_lines()
            top, bottom = self._viewport()
            for index in self._stale:
                if 0 <= index < len(self._offsets) - 1:
                    first, end = self._offsets[index], self._offsets[index + 1]
                    if first < bottom - header and end > top - header:
                        self.refresh_lines(header + first, end - first)
        self._stale = set()

    MEASURE_SECONDS: ClassVar[float] = 0.01
    """How long items are measured at a time: a list of a hundred thousand items takes
    seconds to measure, and keys are handled between two slices (a key typed meanwhile
    waits for the slice under way)."""

    MEASURE_BATCH: ClassVar[int] = 1
    """How many items :meth:`measure_items` is asked for at a time (between two looks at
    the clock): more than one only where it measures many at once in a few milliseconds."""

    def _measure_more(self, offsets: list[int], count: int, width: int) -> bool:
        """Measure the next items at ``width`` for about :data:`MEASURE_SECONDS`:
        ``offsets`` (where each item starts, from the first) grows; True once it ends
        with the end of the last of the ``count`` items."""
        deadline = perf_counter() + self.MEASURE_SECONDS
        line = offsets[-1]
        inner = width - self._prefix_width
        last = count - 1
        gap = self.ITEM_GAP
        start = len(offsets) - 1
        while start < count:
            stop = min(count, start + self.MEASURE_BATCH)
            for index, height in enumerate(self.measure_items(start, stop, inner), start):
                if height is None:
                    line += len(self._strips(index, width))
                else:
                    line += height + (gap if index < last else 0)
                offsets.append(line)
            start = stop
            if perf_counter() > deadline:
                return start >= count
        return True

    def _estimated(self, measured: list[int], count: int) -> list[int]:
        """``measured`` offsets, and those of the items after them as if each were as
        tall as the average of the measured ones."""
        done = len(measured) - 1
        average = max(1, round(measured[-1] / done)) if done else 1
        return measured + [measured[-1] + average * n for n in range(1, count - done + 1)]

    def _measure_later(self) -> None:
        """Measure the next slice of items; once all are, put the list at their true
        heights, with the item at the top of the screen where it was."""
        if self._measuring is None:
            return
        layout, measured = self._measuring
        if layout != self._layout_for:  # another width or text since: measured afresh
            self._measuring = None
            return
        count = self._item_count()
        if not self._measure_more(measured, count, layout[0]):
            self.set_timer(0.001, self._measure_later)
            return
        self._measuring = None
        self._layouts.set(layout, measured)
        top = round(self.scroll_y)
        item = self.item_at_line(top)
        within = top - self._offsets[item]
        self._offsets = measured  # (the items' drawings stay: only their places moved)
        self._stale = None
        self.virtual_size = Size(layout[0], measured[-1] + self.header_lines())
        self.scroll_to(y=measured[item] + within, animate=False, immediate=True)
        self.refresh()

    @property
    def measured(self) -> bool:
        """Whether every item has been measured at the current width (until then the
        heights of some are guessed)."""
        return self._measuring is None

    def item_at_line(self, line: int) -> int:
        """Index of the item drawn on item line ``line`` (clamped to the list)."""
        count = self._item_count()
        if not count:
            return 0
        return max(0, min(count - 1, bisect_right(self._offsets, line) - 1))

    def item_region(self, index: int) -> Region:
        """Virtual region of item ``index`` (below the header), without the gap below it."""
        top = self._offsets[index]
        bottom = self._offsets[index + 1]
        if index < self._item_count() - 1:
            bottom -= self.ITEM_GAP
        header = self.header_lines()
        return Region(0, header + top, self.scrollable_content_region.width,
                      max(1, bottom - top))

    def _viewport(self) -> tuple[int, int]:
        """The virtual lines of items on screen: first, and one past the last."""
        top = round(self.scroll_y)
        return top + self.header_lines(), top + self.scrollable_content_region.height
