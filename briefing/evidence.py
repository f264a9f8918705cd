"""Evidence: whether the source article backs each claim of a briefing.

A claim is a priority, a figure or a statement; its ``evidence`` is meant to be
a verbatim excerpt of the article (``source.text``). :func:`check_evidence`
reads an :class:`~briefing.outline.Outline` (built with its article) and gives
one :class:`Finding` per claim, keyed by the claim's section and entry index:

- **backed**: the excerpt is in the article (and a figure's value is the
  number its excerpt states);
- **not found**: the excerpt is not in the article; the closest passage of
  the article and its similarity are given;
- **mismatched**: the excerpt is found, but it states a different number (or
  unit) from the figure's;
- **no evidence**: the claim gives none.

The excerpt is looked for after both texts are normalised (:func:`normalise`):
letter case, ``ё``/``е``, every kind of quote mark, every dash (and the spaces
around it), no-break and repeated spaces and line breaks do not matter, so an
excerpt may be re-wrapped and span sentences and lines. An excerpt must start
and end at word boundaries of the article. Spans are given as offsets into the
article's text as read (:attr:`~briefing.loader.Article.text`), for a view to
highlight.

Pure functions, no Textual or Rich import; rapidfuzz is imported only when an
excerpt is not found, to say what the article says instead.

This module holds the findings and the report; it re-exports :func:`normalise`,
:class:`NormalText` and :class:`Span` (from :mod:`briefing.normal_text`) and
:class:`ArticleIndex`, :class:`Passage`, :data:`MAX_SPANS` and :data:`CLOSE_ENOUGH`
(from :mod:`briefing.article_index`), where the excerpts are looked up.
"""

from __future__ import annotations

from enum import StrEnum

from .article_index import CLOSE_ENOUGH, MAX_SPANS, ArticleIndex, Passage
from .model import Position
from .normal_text import NormalText, Span, normalise
from .number_phrases import (
    NumberPhrase,
    format_value,
    read_numbers,
    read_unit,
    same_value,
)
from .outline import Entry, Outline, Section

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NamedTuple

    from .model import Text
else:
    from .records import NamedTuple

__all__ = [
    "CLAIM_NAMES",
    "CLAIM_SECTIONS",
    "CLOSE_ENOUGH",
    "EVIDENCE",
    "MAX_SPANS",
    "ArticleIndex",
    "ClaimKey",
    "EvidenceReport",
    "Finding",
    "NormalText",
    "Passage",
    "Span",
    "Status",
    "check_evidence",
    "claims",
    "normalise",
]

CLAIM_SECTIONS = (Section.PRIORITIES, Section.FIGURES, Section.STATEMENTS)
"""The sections whose entries are claims, each with an ``evidence`` field."""

EVIDENCE = "evidence"
"""The field of a claim that holds its excerpt."""

_NUMBERS_SHOWN = 5
"""Numbers of an excerpt a message names when none is the figure's value."""

CLAIM_NAMES = {Section.PRIORITIES: "priority", Section.FIGURES: "figure",
               Section.STATEMENTS: "statement"}
"""What a claim of each section is called in messages."""


class Status(StrEnum):
    """How the article stands to a claim."""

    BACKED = "backed"
    NOT_FOUND = "not found"
    MISMATCHED = "mismatched"
    NO_EVIDENCE = "no evidence"


class ClaimKey(NamedTuple):
    """Names a claim: its section and its index there (as the outline's entries)."""

    section: Section
    entry: int


class Finding(NamedTuple):
    """What the article says to one claim."""

    key: ClaimKey
    status: Status
    position: Position
    """Where the claim's evidence is written in the YAML file (the claim, without one)."""
    evidence: str | None
    """The excerpt as written; ``None`` when the claim gives none."""
    spans: tuple[Span, ...] = ()
    """Every place the excerpt is in the article (empty when it is not)."""
    closest: Passage | None = None
    """When the excerpt is not found: the closest passage, if anything is close."""
    numbers: tuple[NumberPhrase, ...] = ()
    """For a figure: the numbers its excerpt states (offsets into the excerpt)."""
    problems: tuple[str, ...] = ()
    """What is wrong, one message each, in English (``no evidence`` is a warning)."""


class EvidenceReport(NamedTuple):
    """Every claim's finding, in reading order; or why none could be checked."""

    findings: tuple[Finding, ...]
    missing: str = ""
    """Why the evidence could not be checked (no article); empty when it was."""
    note: str = ""
    """Something the reader should know about the article (it was cut short)."""

    def finding(self, key: ClaimKey) -> Finding | None:
        """The finding for claim ``key``, if it is a claim (for many, see :meth:`by_key`)."""
        for finding in self.findings:
            if finding.key == key:
                return finding
        return None

    def by_key(self) -> dict[ClaimKey, Finding]:
        """Every finding by its claim's key: for a view that shows each claim's status."""
        return {finding.key: finding for finding in self.findings}

    def backing(self, offset: int) -> tuple[ClaimKey, ...]:
        """The claims whose evidence covers ``offset`` of the article, in reading order:
        from a passage of the article back to what it backs."""
        return tuple(finding.key for finding in self.findings
                     if any(start <= offset < end for start, end in finding.spans))

    def counts(self) -> dict[Status, int]:
        """How many claims have each status (every status, zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for finding in self.findings:
            counts[finding.status] += 1
        return counts


def check_evidence(outline: Outline) -> EvidenceReport:
    """Each claim of ``outline``'s briefing against its article (``outline.article``).

    When the briefing names no article, or it cannot be read, the report has no
    findings and says why in ``missing``.
    """
    briefing = outline.briefing
    article = outline.article
    if briefing.source is None or briefing.source.text is None:
        return EvidenceReport((), "the briefing names no source article (`source.text`), "
                                  "so its evidence cannot be checked")
    if article is None or (not article.text and article.note):
        reason = article.note if article is not None else "it was not read"
        return EvidenceReport((), f"the source article cannot be read: {reason}")
    index = ArticleIndex(article.text)
    findings = [_finding(entry, index) for entry in claims(outline)]
    return EvidenceReport(tuple(findings), note=article.note)


def claims(outline: Outline) -> Iterable[Entry]:
    """Every claim of ``outline``, in reading order."""
    for section in CLAIM_SECTIONS:
        yield from outline.entries(section)


def _finding(entry: Entry, index: ArticleIndex) -> Finding:
    key = ClaimKey(entry.section, entry.number)
    field = entry.field(EVIDENCE)
    name = CLAIM_NAMES[entry.section]
    if field is None:
        return Finding(key, Status.NO_EVIDENCE, entry.position, None,
                       problems=(f"no evidence for this {name}",))
    excerpt: str = field.value
    problems: list[str] = []
    spans = index.find(excerpt)
    closest = None
    if not normalise(excerpt):
        problems.append("the evidence is empty; copy the passage of the article that backs "
                        f"this {name}")
    elif not spans:
        closest = index.closest(excerpt)
        if closest is not None:
            shown = " ".join(closest.text.split())
            problems.append(f"evidence not found in the article; closest "
                            f"({closest.score:.0f}%): \"{shown}\"")
        else:
            problems.append("evidence not found in the article, nor anything close to it")
    numbers: tuple[NumberPhrase, ...] = ()
    if entry.section is Section.FIGURES:
        numbers = tuple(read_numbers(excerpt))
        mismatch = _number_problem(entry, numbers)
        if mismatch:
            problems.append(mismatch)
    if not spans:
        status = Status.NOT_FOUND
    elif problems:
        status = Status.MISMATCHED
    else:
        status = Status.BACKED
    return Finding(key, status, field.position, excerpt, spans, closest, numbers,
                   tuple(problems))


def _number_problem(entry: Entry, numbers: tuple[NumberPhrase, ...]) -> str:
    """What is wrong between a figure's value (and unit) and the numbers of its
    evidence; empty when one of them is the value."""
    value = entry.fields["value"].value
    unit_field = entry.field("unit")
    unit, multiplier = _figure_unit(unit_field.value if unit_field is not None else None)
    expected = value * multiplier
    shown = format_value(expected)
    if not numbers:
        return f"value {shown} but the evidence states no number"
    same = [number for number in numbers if same_value(number.value, expected)]
    if any(unit is None or number.unit is None or number.unit == unit for number in same):
        return ""
    if same:
        said = ", ".join(f"{number.text} ({number.unit})" for number in same)
        return f"unit {unit} but the evidence says {said}"
    said = ", ".join(f"{number.text} ({format_value(number.value)})"
                     for number in numbers[:_NUMBERS_SHOWN])
    more = len(numbers) - _NUMBERS_SHOWN
    if more > 0:
        said += f" and {more} more number{'s' if more > 1 else ''}"
    return f"value {shown} but the evidence says {said}"


def _figure_unit(unit: Text | None) -> tuple[str | None, int]:
    """The unit code and multiplier a figure's ``unit`` says, in any of its languages."""
    if unit is None:
        return None, 1
    readings = [read_unit(text) for text in unit.values.values()]
    for reading in readings:
        if reading is not None and reading.unit is not None:
            return reading.unit, reading.multiplier
    for reading in readings:
        if reading is not None:
            return None, reading.multiplier
    return None, 1
