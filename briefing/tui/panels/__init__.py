"""The viewer's panels, one module each, and the registry that lists them in order.

The registry is the one place that says which panels exist, in which order,
under which title, for which outline sections, and when each is shown; the
navigation, the ``1``-``9`` keys, the palette, the help and the search all
read it.
"""

from __future__ import annotations

from ...outline import Outline, Section
from .briefing_panel import BriefingPanel
from .figures_panel import FiguresPanel
from .outcomes_panel import OutcomesPanel
from .panel_id import PanelId
from .participants_panel import ParticipantsPanel
from .priorities_panel import PrioritiesPanel
from .source_panel import SourcePanel
from .statements_panel import StatementsPanel
from .summary_panel import SummaryPanel
from .timeline_panel import TimelinePanel

__all__ = [
    "PANELS",
    "BriefingPanel",
    "PanelId",
    "panel_class",
    "panel_of",
    "panels_for",
    "section_order",
]

PANELS: tuple[type[BriefingPanel], ...] = (
    SummaryPanel,
    ParticipantsPanel,
    PrioritiesPanel,
    FiguresPanel,
    StatementsPanel,
    TimelinePanel,
    OutcomesPanel,
    SourcePanel,
)
"""Every panel, in the order the viewer shows them."""

_BY_ID = {panel.PANEL: panel for panel in PANELS}
_BY_SECTION = {section: panel.PANEL for panel in PANELS for section in panel.SECTIONS}


def panel_class(panel: PanelId) -> type[BriefingPanel]:
    """The widget class of ``panel``."""
    return _BY_ID[panel]


def panel_of(section: str) -> PanelId:
    """The panel that shows the outline section ``section``."""
    return _BY_SECTION[Section(section)]


def panels_for(outline: Outline) -> tuple[PanelId, ...]:
    """The panels shown for the briefing of ``outline``, in order."""
    return tuple(panel.PANEL for panel in PANELS if panel.shown_for(outline))


def section_order() -> tuple[Section, ...]:
    """The outline's sections in the order the panels show them."""
    return tuple(section for panel in PANELS for section in panel.SECTIONS)
