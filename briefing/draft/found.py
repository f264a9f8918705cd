"""The entries of a draft, as found in an article: a person, a participant, a figure, a
priority, a statement, and everything drafted from one article (:class:`Found`)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from ..records import NamedTuple

MAX_ENTRIES = 200
"""Most entries drafted in one list: a draft is for a person to review."""


class Person(NamedTuple):
    """A person the article names."""

    name: str
    surname: str
    role: str = ""
    organization: str = ""
    country: tuple[str, str] | None = None
    """The country's name in Russian and English, when the title names one."""
    how: str = ""
    """How the person was found, for the ``x-draft`` mark."""


class Participant(NamedTuple):
    """An entry of ``participants``."""

    id: str
    kind: str
    name: dict[str, str]
    role: str = ""
    organization: str = ""
    country: dict[str, str] | None = None
    how: str = ""


class Figure(NamedTuple):
    """An entry of ``figures``: a number phrase of a sentence, read."""

    label: str
    value: str
    unit: str | None
    display: str
    evidence: str
    how: str


class Priority(NamedTuple):
    """An entry of ``priorities``: a sector of the lexicon the article is about."""

    sector: dict[str, str]
    tag: str
    initiatives: tuple[str, ...]
    evidence: str
    how: str


class Statement(NamedTuple):
    """An entry of ``statements``: a sentence of reported speech, its speaker found."""

    by: str
    text: str
    evidence: str
    how: str


class Found(NamedTuple):
    """Everything drafted from one article."""

    language: str
    title: str
    summary: str
    outlet: str
    attribution: str
    participants: tuple[Participant, ...]
    priorities: tuple[Priority, ...]
    figures: tuple[Figure, ...]
    statements: tuple[Statement, ...]
    outcomes: tuple[str, ...]
    tags: tuple[str, ...]
