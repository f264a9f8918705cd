"""The ``--evidence`` footnotes of the summary: which claims the article backs,
numbered in reading order, each with the passage that backs it."""

from __future__ import annotations

from .outline import Outline
from .safe_text import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from .evidence import EvidenceReport


def evidence_footnotes(
    outline: Outline, evidence: EvidenceReport
) -> dict[tuple[str, int], tuple[int, str]]:
    """The footnote number of each backed claim, in reading order, and the passage of
    the article that backs it (as the article writes it, on one line)."""
    from .evidence import Status

    article = outline.article.text if outline.article is not None else ""
    notes: dict[tuple[str, int], tuple[int, str]] = {}
    for finding in evidence.findings:
        if finding.status is Status.BACKED and finding.spans:
            start, end = finding.spans[0]
            passage = visible(" ".join(article[start:end].split()))
            notes[finding.key] = (len(notes) + 1, passage)
    return notes
