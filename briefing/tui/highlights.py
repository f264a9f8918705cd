"""Search matches on screen: which spans of which texts are highlighted, and how.

Texts are named by the outline's :class:`~briefing.outline.TextKey`, the same
key the search index returns, so a match's span always points into exactly
the string that is on screen.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING, Protocol

from rich.style import Style as RichStyle
from rich.text import Text as RichText
from textual.color import Color
from textual.content import Content, Span
from textual.style import Style

from ..outline import Field, TextKey

if TYPE_CHECKING:
    # Only for types: the search module (and its stemmers) loads with the first search.
    from ..search import Match


class Spans(Protocol):
    """The spans of a search's matches by field, made for a field when it is drawn
    (:class:`~briefing.tui.search_order.FoundSpans` is the search's)."""

    @property
    def total(self) -> int:
        """How many matches, in every field."""
        ...

    def __bool__(self) -> bool: ...

    def get(self, key: Hashable) -> list[tuple[int, int]]:
        """The ``(start, end)`` of the matches in the text ``key``, in order."""
        ...

    def by_field(self) -> dict[TextKey, list[tuple[int, int]]]:
        """Every field with matches, and its spans (this walks every match)."""
        ...

    def changed_from(self, old: Spans, limit: int) -> set[TextKey] | None:
        """The fields whose spans differ in ``old``; None if more than ``limit``
        matches differ (too many to be worth telling)."""
        ...

    def __iter__(self) -> Iterator[TextKey]:
        """The fields with matches."""
        ...


class NoSpans:
    """No search, no matches."""

    total = 0

    def __bool__(self) -> bool:
        return False

    def get(self, key: Hashable) -> list[tuple[int, int]]:
        return []

    def by_field(self) -> dict[TextKey, list[tuple[int, int]]]:
        return {}

    def changed_from(self, old: Spans, limit: int) -> set[TextKey] | None:
        return set(old.by_field()) if old.total <= limit else None

    def __iter__(self) -> Iterator[TextKey]:
        return iter(())


class Highlights:
    """Search matches by field, and how to draw them into a string.

    ``generation`` grows on every change, and the fields each change touched are
    kept for a while (:meth:`changed_between`), so a widget can tell which of
    its cached drawings are stale and draw only those again.
    """

    KEEP_CHANGES = 16

    def __init__(self) -> None:
        self.spans: Spans = NoSpans()
        """The matches in each field."""
        self.current: Match | None = None
        self.generation = 0
        self._changes: dict[int, frozenset[TextKey] | None] = {}
        self.match_style = Style(background=Color(120, 100, 20))
        self.current_style = Style(
            background=Color(255, 200, 0), foreground=Color(0, 0, 0), bold=True
        )

    def _changed(self, keys: frozenset[TextKey] | None) -> None:
        self.generation += 1
        self._changes[self.generation] = keys
        self._changes.pop(self.generation - self.KEEP_CHANGES, None)

    def changed_between(self, old: object, new: object) -> frozenset[TextKey] | None:
        """Fields whose looks changed from generation ``old`` to ``new``; None: maybe all."""
        if not isinstance(old, int) or not isinstance(new, int) or new < old:
            return None
        keys: set[TextKey] = set()
        for generation in range(old + 1, new + 1):
            changed = self._changes.get(generation)
            if changed is None:
                return None
            keys |= changed
        return frozenset(keys)

    def set_styles(self, match_style: Style, current_style: Style) -> None:
        """Use these styles for matches and for the current match (they follow the theme)."""
        self.match_style = match_style
        self.current_style = current_style
        self._changed(None)

    SMALL_CHANGE = 2000
    """Up to this many matches changed, a change records which fields it touched (more:
    everything on screen is drawn again)."""

    def update(self, spans: Spans, current: Match | None) -> None:
        """Show the matches ``spans`` (by field), with ``current`` drawn as the current one."""
        old = self.spans
        changed: frozenset[TextKey] | None = None
        if spans is old:  # the same matches: only the current one moved (n, N)
            changed = frozenset(self._current_keys(current))
        else:
            keys = spans.changed_from(old, self.SMALL_CHANGE)
            if keys is not None:
                keys.update(self._current_keys(current))
                changed = frozenset(keys)
        self.spans = spans
        self.current = current
        self._changed(changed)

    def _current_keys(self, current: Match | None) -> list[TextKey]:
        """The fields of the current match before and after a change to ``current``."""
        return [m.key for m in (self.current, current) if m is not None and
                isinstance(m.key, TextKey)]

    def clear(self) -> None:
        """Forget every match."""
        if self.spans or self.current is not None:
            changed: frozenset[TextKey] | None = None
            if self.spans.total <= self.SMALL_CHANGE:
                changed = frozenset([*self.spans.by_field(), *self._current_keys(None)])
            self.spans = NoSpans()
            self.current = None
            self._changed(changed)

    def _styled_spans(self, key: TextKey) -> list[tuple[int, int, Style]]:
        spans = self.spans.get(key)
        if not spans:
            return []
        style = self.match_style
        result = [(start, end, style) for start, end in spans]
        current = self.current
        if current is not None and current.key == key:
            result.append((current.start, current.end, self.current_style))
        return result

    def field(self, field: Field | None, style: Style | str = "",
              separator: str = "\n\n") -> Content:
        """The paragraphs of ``field`` as literal Content, joined by ``separator``,
        with their matches highlighted (empty Content for no field)."""
        if field is None:
            return Content("")
        parts = [self.content(field.text_key(number), paragraph, style)
                 for number, paragraph in enumerate(field.paragraphs)]
        return Content(separator).join(parts) if len(parts) != 1 else parts[0]

    def rich_field(self, field: Field | None, style: str | RichStyle = "") -> RichText:
        """Like :meth:`field`, as wrapping Rich Text."""
        if field is None:
            return RichText("", end="")
        text = RichText("\n\n", end="").join(
            self.rich_text(field.text_key(number), paragraph, style, wrap=True)
            for number, paragraph in enumerate(field.paragraphs))
        return text

    def content(self, key: TextKey, text: str, style: Style | str = "") -> Content:
        """``text`` (already visible) as literal Content, with its matches highlighted."""
        content = Content.styled(text, style) if style else Content(text)
        styled = self._styled_spans(key)
        if styled:
            content = content.add_spans([Span(start, end, st) for start, end, st in styled])
        return content

    def rich_text(
        self, key: TextKey, text: str, style: str | RichStyle = "", *, wrap: bool = False
    ) -> RichText:
        """``text`` (already visible) as a literal Rich Text, with its matches highlighted.

        Without ``wrap`` it is one line, cut with an ellipsis (for table cells).
        """
        rich = RichText(text, style=style, end="")
        if not wrap:
            rich.no_wrap = True
            rich.overflow = "ellipsis"
        for start, end, span_style in self._styled_spans(key):
            rich.stylize(span_style.rich_style, start, end)
        return rich
