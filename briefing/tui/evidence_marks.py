"""The evidence check as the viewer shows it: a badge for each claim, and the passages
of the article that back them, placed in the paragraphs the Source panel shows."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from ..interface import Interface
from ..outline import Outline, Run, Section, article_runs

if TYPE_CHECKING:
    # Only for types: the check (and its number reader, 100 ms to import) is loaded
    # by the worker that runs it, after the first screen.
    from ..evidence import ClaimKey, EvidenceReport, Finding, Span, Status

# By the statuses' values, a space written "-" (see _name).
SYMBOLS = {"backed": "✓", "not-found": "✗", "mismatched": "≠", "no-evidence": "·"}
"""Each status's symbol: a badge reads without colour."""

STYLES = {"backed": "bold $text-success", "not-found": "bold $text-error",
          "mismatched": "bold $text-warning", "no-evidence": "$text-muted"}
"""Each status's colour."""

LABELS = {"backed": "backed by the article", "not-found": "not found in the article",
          "mismatched": "found, but the number differs", "no-evidence": "no evidence given"}
"""What each badge means (the help's legend), as a message of the interface."""

PASSAGE_STYLE = "underline $text-success"
"""An evidence passage in the article (search matches have a background instead)."""

CURRENT_PASSAGE_STYLE = f"{PASSAGE_STYLE} bold reverse"
"""The passage the reader went to."""

BADGE_WIDTH = 2
"""Cells a badge takes, symbol and space: the same with or without a check, so that
a check arriving never changes an item's height."""


def _name(status: Status) -> str:
    """The key of ``status`` in the tables above."""
    return status.replace(" ", "-")


def badge(status: Status | None) -> Content:
    """The badge of a claim with ``status`` (blank while it is not known)."""
    if status is None:
        return Content(" " * BADGE_WIDTH)
    name = _name(status)
    return Content.styled(SYMBOLS[name], STYLES[name]) + Content(" ")


def totals(report: EvidenceReport) -> Content:
    """How many claims have each status, as ``✓ 10 ✗ 1 ≠ 1`` (statuses with none left out)."""
    parts = [Content.styled(f"{SYMBOLS[_name(status)]} {count}", STYLES[_name(status)])
             for status, count in report.counts().items() if count]
    return Content(" ").join(parts)


def legend(t: Interface) -> list[tuple[str, str]]:
    """The help's rows for the badges: each symbol and what it means."""
    return [(symbol, t(LABELS[status])) for status, symbol in SYMBOLS.items()]


class EvidenceMarks:
    """One check's report, for the article it was made from: each claim's status, and
    every passage of the article that backs a claim, by paragraph of the Source panel."""

    def __init__(self, report: EvidenceReport, outline: Outline) -> None:
        self.report = report
        self.briefing = outline.briefing
        """The briefing the report is of (:meth:`ViewerState.evidence_marks`)."""
        self.article = outline.article
        """The article the report's spans point into."""
        self._findings: dict[tuple[Section, int], Finding] = {
            (finding.key.section, finding.key.entry): finding for finding in report.findings}
        self.passages: tuple[Span, ...] = tuple(sorted(
            {span for finding in report.findings for span in finding.spans}))
        """Every passage that backs a claim, in the article's order."""
        self._runs: tuple[tuple[Run, ...], ...] | None = None
        self._firsts: list[int] = []
        self._pieces: dict[int, list[tuple[int, int, Span]]] | None = None

    def finding(self, section: Section, entry: int) -> Finding | None:
        """The finding of claim ``entry`` of ``section``, if it is a claim."""
        return self._findings.get((section, entry))

    def status(self, section: Section, entry: int) -> Status | None:
        """The status of claim ``entry`` of ``section``, if it is a claim."""
        finding = self.finding(section, entry)
        return finding.status if finding is not None else None

    def backing(self, passage: Span) -> tuple[ClaimKey, ...]:
        """The claims whose evidence is ``passage``, or covers its start."""
        return self.report.backing(passage.start)

    # ------------------------------------------------------------------ the article

    def _paragraph_runs(self) -> tuple[tuple[Run, ...], ...]:
        if self._runs is None:
            self._runs = article_runs(self.article.text if self.article is not None else "")
            self._firsts = [runs[0][1] for runs in self._runs]
        return self._runs

    def locate(self, offset: int) -> tuple[int, int]:
        """The paragraph showing ``offset`` of the article, and where it is in it."""
        runs = self._paragraph_runs()
        number = max(0, bisect_right(self._firsts, offset) - 1)
        if not runs:
            return 0, 0
        shown = 0
        for start, text_start, length, _ in runs[number]:
            if text_start > offset:
                break
            shown = start + min(offset - text_start, length)
        return number, shown

    def pieces(self, paragraph: int) -> Sequence[tuple[int, int, Span]]:
        """The stretches of paragraph ``paragraph`` that passages cover: ``(start, end,
        passage)``, in offsets into the paragraph as shown."""
        return self.place_passages().get(paragraph, ())

    def place_passages(self) -> dict[int, list[tuple[int, int, Span]]]:
        """Every passage's pieces by paragraph (worked out once: a long article takes
        a while, which the check's worker spends)."""
        if self._pieces is None:
            self._pieces = self._placed()
        return self._pieces

    def _placed(self) -> dict[int, list[tuple[int, int, Span]]]:
        runs = self._paragraph_runs()
        pieces: dict[int, list[tuple[int, int, Span]]] = {}
        for passage in self.passages:
            number = max(0, bisect_right(self._firsts, passage.start) - 1)
            while number < len(runs) and self._firsts[number] < passage.end:
                placed = pieces.setdefault(number, [])
                for start, text_start, length, shown in runs[number]:
                    first = max(passage.start, text_start)
                    last = min(passage.end, text_start + length)
                    if first >= last:
                        continue
                    if length == shown:
                        piece = (start + first - text_start, start + last - text_start)
                    else:
                        piece = (start, start + shown)
                    if placed and placed[-1][2] == passage and piece[0] - placed[-1][1] <= 1:
                        # The space that joins two lines of one passage is part of it.
                        placed[-1] = (placed[-1][0], piece[1], passage)
                    else:
                        placed.append((*piece, passage))
                number += 1
        return pieces
