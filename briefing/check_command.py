"""``briefing check FILE... [--json] [--strict]``: every claim against its article.

One line per problem, ``FILE:LINE:COLUMN: message`` on standard error, at the
claim's ``evidence`` in the YAML (at the claim, when it has none); then the
totals on standard output: ``N claims: B backed, F not found, M mismatched, W
without evidence``. ``--json`` prints the same findings as one JSON document
instead. Claims without evidence are warnings, errors with ``--strict``.

The exit code is 0 when every evidence given is found and no figure disagrees
with its evidence, 1 otherwise (and for a file that cannot be read, or that
names no article).
"""

from __future__ import annotations

import sys

from .errors import BriefingError, Problem
from .evidence import CLAIM_NAMES, EvidenceReport, Finding, Status, check_evidence
from .loader import read_article
from .number_phrases import format_value
from .outline import Outline

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from .model import Briefing

EXIT_OK, EXIT_INVALID = 0, 1
WARNING = "warning: "


def run_check(
    names: Sequence[str], *, as_json: bool, strict: bool,
    load: Callable[[str], Briefing], display_name: Callable[[str], str],
) -> int:
    """Check the evidence of each briefing ``names`` gives; the exit code.

    ``load`` reads a briefing by the name given (``-`` for standard input), and
    ``display_name`` says how messages name it.
    """
    files: list[dict[str, Any]] = []
    counts = dict.fromkeys(Status, 0)
    failed = unchecked = 0
    for name in names:
        shown = display_name(name)
        result: dict[str, Any] = {"file": shown, "checked": False, "problems": [],
                                  "claims": []}
        files.append(result)
        try:
            briefing = load(name)
        except BriefingError as error:
            problems = error.problems
            report = None
        else:
            report, problems = _check_one(briefing, shown, strict)
        if report is None:
            unchecked += 1
            failed += 1
        else:
            result["checked"] = True
            if as_json:
                result["claims"] = [_claim_json(finding, strict)
                                    for finding in report.findings]
            for status, count in report.counts().items():
                counts[status] += count
            if _fails(report, strict):
                failed += 1
        result["problems"] = [_problem_json(problem) for problem in problems]
        if not as_json:
            for problem in problems:
                print(problem, file=sys.stderr)
    totals = _totals_line(counts, unchecked)
    if as_json:
        import json

        document = {"files": files, "totals": {
            "claims": sum(counts.values()), "backed": counts[Status.BACKED],
            "not_found": counts[Status.NOT_FOUND], "mismatched": counts[Status.MISMATCHED],
            "without_evidence": counts[Status.NO_EVIDENCE], "files_not_checked": unchecked,
        }, "ok": not failed}
        sys.stdout.write(_terminal_safe(json.dumps(document, ensure_ascii=False, indent=2))
                         + "\n")
    else:
        print(totals)
    return EXIT_INVALID if failed else EXIT_OK


def _check_one(
    briefing: Briefing, shown: str, strict: bool
) -> tuple[EvidenceReport | None, list[Problem]]:
    """The report on one briefing (``None`` when it cannot be checked) and the
    problems to print, in the order of the file."""
    article = read_article(briefing.source_text_path)
    report = check_evidence(Outline(briefing, None, article))
    if report.missing:
        source = briefing.source
        line, column = (source.positions.get("text") or source.positions[""]) \
            if source is not None else briefing.positions.get("", (1, 1))
        return None, [Problem(shown, report.missing, line, column)]
    problems = []
    if report.note and briefing.source is not None:
        line, column = briefing.source.positions.get("text", (1, 1))
        problems.append(Problem(shown, f"{WARNING}{report.note}; evidence after that is "
                                       "not found", line, column))
    for finding in report.findings:
        line, column = finding.position
        prefix = WARNING if finding.status is Status.NO_EVIDENCE and not strict else ""
        problems.extend(Problem(shown, prefix + message, line, column)
                        for message in finding.problems)
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    return report, problems


def _fails(report: EvidenceReport, strict: bool) -> bool:
    failing = {Status.NOT_FOUND, Status.MISMATCHED}
    if strict:
        failing.add(Status.NO_EVIDENCE)
    return any(finding.status in failing for finding in report.findings)


def _totals_line(counts: dict[Status, int], unchecked: int) -> str:
    total = sum(counts.values())
    line = (f"{total} claim{'s' if total != 1 else ''}: {counts[Status.BACKED]} backed, "
            f"{counts[Status.NOT_FOUND]} not found, {counts[Status.MISMATCHED]} mismatched, "
            f"{counts[Status.NO_EVIDENCE]} without evidence")
    if unchecked:
        line += f"; {unchecked} file{'s' if unchecked != 1 else ''} not checked"
    return line


def _terminal_safe(text: str) -> str:
    """JSON ``text`` with the characters a terminal acts on (DEL, C1 controls, bidi
    controls, line and paragraph separators) as ``\\uXXXX`` escapes: the same JSON
    for a script, harmless on a screen. (``json`` escapes C0 controls itself.)"""
    import re

    return re.sub("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]",
                  lambda match: f"\\u{ord(match.group()):04x}", text)


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {"line": problem.line, "column": problem.column, "message": problem.message}


def _claim_json(finding: Finding, strict: bool) -> dict[str, Any]:
    section, entry = finding.key
    claim: dict[str, Any] = {
        "section": str(section), "entry": entry, "kind": CLAIM_NAMES[section],
        "status": str(finding.status), "line": finding.position.line,
        "column": finding.position.column, "evidence": finding.evidence,
        "spans": [list(span) for span in finding.spans],
        "closest": None if finding.closest is None else {
            "text": finding.closest.text, "start": finding.closest.span.start,
            "end": finding.closest.span.end, "score": round(finding.closest.score, 1)},
        "messages": list(finding.problems),
        "severity": "warning" if finding.status is Status.NO_EVIDENCE and not strict
        else "error" if finding.problems else None,
    }
    if finding.numbers:
        claim["numbers"] = [{"text": number.text, "value": number.value, "unit": number.unit,
                             "shown": format_value(number.value)} for number in finding.numbers]
    return claim
