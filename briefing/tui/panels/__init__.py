"""The viewer's panels, one module each, and the registry that lists them in order.

The registry is the one place that says which panels exist, in which order,
under which title, for which outline sections, and when each is shown; the
navigation, the ``1``-``9`` keys, the palette, the help and the search all
read it. It names each panel's module rather than importing it: the first
screen shows one panel, and importing the others (a Textual widget class each)
would delay its first paint. :func:`panel_class` imports a panel when it is
first needed; its class takes its title and sections from here.
"""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple

from ...outline import Outline, Section
from .briefing_panel import BriefingPanel
from .panel_id import PanelId

__all__ = [
    "PANELS",
    "BriefingPanel",
    "PanelId",
    "PanelSpec",
    "panel_class",
    "panel_of",
    "panel_spec",
    "panels_for",
    "section_order",
]


class PanelSpec(NamedTuple):
    """A panel as the registry lists it. Its widget is ``TitlePanel`` in the module
    ``title_panel`` (``FiguresPanel`` in ``figures_panel``), named after its id."""

    panel: PanelId
    title: str
    """The panel's name in the list of panels (a message of the interface)."""
    sections: tuple[Section, ...]
    """The outline sections the panel shows; search matches in them lead here."""
    always: bool = True
    """Whether the panel is shown even when its sections are empty."""

    def shown_for(self, outline: Outline) -> bool:
        """Whether the panel is shown for the briefing of ``outline``."""
        return self.always or any(outline.entries(section) for section in self.sections)


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(PanelId.SUMMARY, "Summary", (Section.SUMMARY, Section.TAGS)),
    PanelSpec(PanelId.PARTICIPANTS, "Participants", (Section.PARTICIPANTS,)),
    PanelSpec(PanelId.PRIORITIES, "Priorities", (Section.PRIORITIES,)),
    PanelSpec(PanelId.FIGURES, "Figures", (Section.FIGURES,)),
    PanelSpec(PanelId.STATEMENTS, "Statements", (Section.STATEMENTS,), always=False),
    PanelSpec(PanelId.TIMELINE, "Timeline", (Section.TIMELINE,), always=False),
    PanelSpec(PanelId.OUTCOMES, "Outcomes", (Section.OUTCOMES,), always=False),
    PanelSpec(PanelId.SOURCE, "Source", (Section.SOURCE,), always=False),
)
"""Every panel, in the order the viewer shows them."""

_BY_ID = {spec.panel: spec for spec in PANELS}
_BY_SECTION = {section: spec.panel for spec in PANELS for section in spec.sections}


def panel_spec(panel: PanelId) -> PanelSpec:
    """What the registry says of ``panel``."""
    return _BY_ID[panel]


def panel_class(panel: PanelId) -> type[BriefingPanel]:
    """The widget class of ``panel``, its module imported on first use."""
    module = import_module(f"{__name__}.{panel.value}_panel")
    widget: type[BriefingPanel] = getattr(module, f"{panel.value.title()}Panel")
    return widget


def panel_of(section: str) -> PanelId:
    """The panel that shows the outline section ``section``."""
    return _BY_SECTION[Section(section)]


def panels_for(outline: Outline) -> tuple[PanelId, ...]:
    """The panels shown for the briefing of ``outline``, in order."""
    return tuple(spec.panel for spec in PANELS if spec.shown_for(outline))


def section_order() -> tuple[Section, ...]:
    """The outline's sections in the order the panels show them."""
    return tuple(section for spec in PANELS for section in spec.sections)

