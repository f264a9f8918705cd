"""The Figures panel: key figures as cards with the number drawn large."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.worker import get_current_worker

from ...big_digits import big_lines, split_big
from ...figures import bar_fractions, figure_headline
from ...outline import Outline, Section
from ..viewer_state import ViewerState
from .briefing_panel import BriefingPanel, text_height
from .panel_id import PanelId

BLOCKS = " ▏▎▍▌▋▊▉█"
"""Eighths of a cell, for bars drawn to sub-cell precision."""

GAP = 2
"""Cells between the large number and the text."""


@dataclass(frozen=True, slots=True)
class _Headline:
    """A figure's value as drawn: three lines of large glyphs and a small suffix."""

    rows: tuple[str, str, str]
    suffix: str

    @property
    def width(self) -> int:
        return len(self.rows[0]) + (1 + len(self.suffix) if self.suffix else 0)


def headline(text: str) -> _Headline:
    """Split a figure's headline (``"$35 bn"``) into large glyphs and a suffix (``"bn"``)."""
    big, rest = split_big(text)
    if not big:
        return _Headline(("", "", ""), rest.strip())
    rows = big_lines(big)
    return _Headline((rows[0], rows[1], rows[2]), rest.strip())


NEGATIVE = "░"
"""A negative value's bar is shaded, not solid, so that it never reads as positive."""


def bar(fraction: float, width: int) -> str:
    """A horizontal bar ``abs(fraction)`` of ``width`` cells long (at least a sliver
    if not 0): solid, to an eighth of a cell, for a positive value; shaded, to a
    whole cell after a minus sign, for a negative one."""
    if fraction < 0:
        cells = max(1, round(min(1.0, -fraction) * (width - 1)))
        return "-" + NEGATIVE * cells
    eighths = round(min(1.0, fraction) * width * 8)
    if fraction > 0:
        eighths = max(1, eighths)
    full, part = divmod(eighths, 8)
    return "█" * full + (BLOCKS[part] if part else "")


class FiguresPanel(BriefingPanel):
    """Key figures as cards: the value large, label, unit, period and note beside it.

    Figures that share a unit get a bar each, scaled to the largest of them,
    so their sizes can be compared at a glance.
    """

    PANEL = PanelId.FIGURES
    EMPTY = "No key figures are given."

    PREPARE_AT_ONCE: ClassVar[int] = 2000
    """Up to how many figures are prepared at once; more are prepared in a thread (each
    figure's headline takes about 0.1 ms: 100,000 figures would freeze the screen)."""

    def __init__(self, state: ViewerState, *, id: str | None = None) -> None:
        super().__init__(state, id=id)
        self._prepared_for: Outline | None = None
        self._preparing: Outline | None = None
        self._headlines: list[_Headline] = []
        self._bars: dict[int, float] = {}
        self._left = 0

    def _prepare(self) -> bool:
        """Headlines, bar lengths and the large-number column width, once per outline;
        False while a thread prepares them (the panel shows "…" meanwhile)."""
        outline = self.outline
        if self._prepared_for is outline:
            return True
        if len(outline.entries(Section.FIGURES)) <= self.PREPARE_AT_ONCE:
            self._prepared(outline, *self._preparation(outline))
            return True
        if self._preparing is not outline:
            self._preparing = outline
            self.run_worker(partial(self._prepare_in_thread, outline), thread=True,
                            group="figures", exclusive=True)
        return False

    def _preparation(self, outline: Outline) -> tuple[list[_Headline], dict[int, float]]:
        """The headline of each figure of ``outline``, and the length of each bar."""
        figures = outline.entries(Section.FIGURES)
        t = self.state.t
        headlines = [
            headline(figure_headline(figure.text("display") or None,
                                     figure.fields["value"].value, t))
            for figure in figures
        ]
        # Units compared in the original language, the same whichever is on screen.
        units = [figure.field("unit") for figure in figures]
        bars = bar_fractions([
            (unit.value.get() if unit is not None else None, figure.fields["value"].value)
            for unit, figure in zip(units, figures, strict=True)
        ])
        return headlines, bars

    def _prepare_in_thread(self, outline: Outline) -> None:
        prepared = self._preparation(outline)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._prepared, outline, *prepared, thread=True)

    def _prepared(self, outline: Outline, headlines: list[_Headline], bars: dict[int, float],
                  *, thread: bool = False) -> None:
        if outline is not self.outline:
            return  # another language or version since: prepared again for it
        self._prepared_for = outline
        self._headlines = headlines
        self._bars = bars
        self._left = max((h.width for h in headlines), default=0)
        if thread:
            self.reset()  # measured and drawn again, now with the figures

    def count(self) -> int:
        return len(self.outline.entries(Section.FIGURES)) if self._prepare() else 0

    def render_item(self, index: int, width: int, style: Style) -> list[Strip]:
        if self._prepared_for is not self.outline:  # being prepared
            return self.content_strips(Content.styled("…", ".panel--dim"), width, style)
        return super().render_item(index, width, style)

    def _columns(self, width: int) -> tuple[int, int]:
        """Widths of the large-number column (0: none, number above) and the text."""
        self._prepare()
        left = min(self._left, max(0, width // 2 - GAP))
        right_width = width - left - GAP if left else width
        if right_width < 12:  # too narrow for two columns: number above the text
            return 0, width
        return left, right_width

    def _text(self, index: int, right_width: int) -> Content:
        """Label, value with unit and period, bar, note: the text beside the number."""
        highlights = self.state.highlights
        figure = self.outline.entries(Section.FIGURES)[index]
        lines = [self.badge(Section.FIGURES, index)
                 + highlights.field(figure.field("label"), ".panel--heading")]
        value = [highlights.field(figure.field("value"))]
        if figure.field("unit"):
            value.append(highlights.field(figure.field("unit")))
        line = Content(" ").join(value)
        if figure.field("period"):
            line += Content(" · ") + highlights.field(figure.field("period"))
        lines.append(line.stylize_before(".panel--dim"))
        if index in self._bars:
            lines.append(Content.styled(bar(self._bars[index], max(1, right_width - 2)),
                                        ".panel--bar"))
        if figure.field("note"):
            lines.append(highlights.field(figure.field("note"), ".panel--dim"))
        return Content("\n").join(lines)

    def _big_rows(self, index: int) -> int:
        return 3 if self._headlines[index].rows[0] else 1

    def measure_item(self, index: int, width: int) -> int | None:
        if not self.count():
            return None
        left, right_width = self._columns(width)
        text = text_height(self._text(index, right_width).plain, right_width)
        big = self._big_rows(index)
        return max(big, text) if left else big + text

    def render_entry(self, index: int, width: int, style: Style) -> list[Strip]:
        left, right_width = self._columns(width)
        text = self.content_strips(self._text(index, right_width), right_width, style)
        big = self._headline_strips(self._headlines[index], left or width, style)
        if not left:
            return big + text
        height = max(len(big), len(text))
        blank_left = Strip.blank(left + GAP, style.rich_style)
        blank_right = Strip.blank(right_width, style.rich_style)
        gap = Segment(" " * GAP, style.rich_style)
        strips = []
        for row in range(height):
            if row < len(big):
                head = Strip([*big[row].adjust_cell_length(left, style.rich_style), gap])
            else:
                head = blank_left
            strips.append(Strip.join([head, text[row] if row < len(text) else blank_right]))
        return strips

    def _headline_strips(self, head: _Headline, width: int, style: Style) -> list[Strip]:
        rows = [Content.styled(row, ".panel--digits") for row in head.rows]
        if head.suffix:
            rows[2] = rows[2] + Content.styled(f" {head.suffix}", ".panel--accent")
        if not head.rows[0]:
            rows = [Content.styled(head.suffix, ".panel--digits")]
        return [
            self.content_strips(row.truncate(width, ellipsis=True), width, style)[0]
            for row in rows
        ]
