"""The ids of the viewer's panels."""

from __future__ import annotations

from enum import StrEnum


class PanelId(StrEnum):
    """A panel of the viewer; its value is the panel widget's DOM id."""

    SUMMARY = "summary"
    PARTICIPANTS = "participants"
    PRIORITIES = "priorities"
    FIGURES = "figures"
    STATEMENTS = "statements"
    TIMELINE = "timeline"
    OUTCOMES = "outcomes"
    SOURCE = "source"
