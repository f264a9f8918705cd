"""The library's facets: each facet's values with how many briefings have them.

Under a heading per facet (participants, countries, sectors, tags, years), each
value shows its label and its count among the briefings the picked values leave;
picked values are ticked. Enter (or a click) on a value posts
:class:`FacetList.Picked`; the screen toggles it and gives the list the new counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..interface import interface
from ..library.entries import NO_FILTERS, FacetCount, FacetKind, Filters
from ..library.facets import offered
from ..safe_text import one_line

HEADINGS: dict[FacetKind, str] = {
    FacetKind.PARTICIPANT: "Participants",
    FacetKind.COUNTRY: "Countries",
    FacetKind.SECTOR: "Sectors",
    FacetKind.TAG: "Tags",
    FacetKind.YEAR: "Years",
}
"""Each facet's heading (in the interface's catalogue)."""
ROOM = 28
"""Cells for a value before the list is laid out (its width in library_app.tcss, less
its border and scroll bar)."""


class FacetList(OptionList):
    """The facets' values, a heading per facet; Enter picks one (or unpicks it)."""

    class Picked(Message):
        """The reader picked (or unpicked) the value ``key`` of the facet ``kind``."""

        def __init__(self, kind: FacetKind, key: str) -> None:
            super().__init__()
            self.kind = kind
            self.key = key

    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self._values: list[tuple[FacetKind, str] | None] = []
        """The facet value of each option (``None`` for a heading)."""

    def show(self, facets: Mapping[FacetKind, Sequence[FacetCount]],
             filters: Filters = NO_FILTERS) -> None:
        """Show ``facets``' values (counted under ``filters``), ``filters``' ticked;
        the highlight stays on the value it was on."""
        t = interface(self.language)
        highlighted = self.highlighted
        was = self._values[highlighted] if highlighted is not None and \
            highlighted < len(self._values) else None
        picked = set(filters.values)
        room = self.scrollable_content_region.width or ROOM
        options: list[Option] = []
        values: list[tuple[FacetKind, str] | None] = []
        for kind, shown, values_in_all in offered(facets, filters):
            heading = Content.styled(f"{t(HEADINGS[kind])} ({values_in_all})", "bold")
            options.append(Option(heading, disabled=True))
            values.append(None)
            for value in shown:
                tick = "✓ " if (value.kind, value.key) in picked else "  "
                count = f" {value.briefings}"
                # One line each, the count always seen: a long name is cut short.
                label = Content(one_line(value.label_in(self.language))).truncate(
                    max(4, room - len(tick) - len(count)), ellipsis=True)
                prompt = Content.assemble(tick, label, (count, "$text-muted"))
                options.append(Option(prompt))
                values.append((value.kind, value.key))
        self._values = values
        self.set_options(options)
        if was in values:
            self.highlighted = values.index(was)
        elif values:
            self.highlighted = next((number for number, value in enumerate(values)
                                     if value is not None), None)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self._values[event.option_index] if event.option_index < len(
            self._values) else None
        if value is not None:
            self.post_message(self.Picked(*value))
