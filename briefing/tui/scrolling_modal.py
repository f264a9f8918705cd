"""A modal screen of text that scrolls with the keys of a panel: :class:`ScrollingModal`."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class ScrollingModal(ModalScreen[None]):
    """A box of text over the viewer, in a ``VerticalScroll`` with the id ``BODY``.

    It scrolls with the same keys as a panel, so a long text can be read on a
    small screen, and Esc or ``q`` closes it (subclasses add their own key).
    """

    BODY: ClassVar[str] = "modal-body"
    """The id of the scrolling part, which :meth:`compose` yields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll(1)", "Next item / line down", show=False),
        Binding("up,k", "scroll(-1)", "Previous item / line up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "First item / top", show=False),
        Binding("end,G", "edge(1)", "Last item / bottom", show=False),
    ]

    @property
    def body(self) -> VerticalScroll:
        """The scrolling part."""
        return self.query_one(f"#{self.BODY}", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll ``lines`` lines down (up when negative)."""
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll a page down (up when negative)."""
        body = self.body
        body.scroll_relative(y=pages * max(1, body.scrollable_content_region.height - 1),
                             animate=False)

    def action_edge(self, end: int) -> None:
        """Go to the top (``0``) or the bottom (``1``)."""
        body = self.body
        body.scroll_to(y=body.max_scroll_y if end else 0, animate=False)

    def action_close(self) -> None:
        """Close the screen."""
        self.dismiss(None)
