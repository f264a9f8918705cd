"""The draft as YAML text, written by hand: every string double-quoted and escaped,
so that nothing an article says (quotes, ``: ``, ``#``, ``---``, control
characters, line breaks) can change the file's structure."""

from __future__ import annotations

from .. import __version__
from .extract import Found

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from collections.abc import Mapping

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def _printable(code: int) -> bool:
    """YAML's printable characters (YAML 1.1, as PyYAML reads them)."""
    return (code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0x7E or code == 0x85
            or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back as exactly ``text``
    (a lone surrogate, which no YAML file can hold, becomes U+FFFD)."""
    pieces = ['"']
    for character in text:
        escape = _ESCAPES.get(character)
        if escape is not None:
            pieces.append(escape)
            continue
        code = ord(character)
        if 0xD800 <= code <= 0xDFFF:
            pieces.append("\uFFFD")
        elif not _printable(code):
            pieces.append(f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}")
        else:
            pieces.append(character)
    pieces.append('"')
    return "".join(pieces)


def comment_safe(text: str) -> str:
    """``text`` fit for a comment: one line, printable, its controls as ``?``."""
    return "".join(character if character.isprintable() else "?" for character in text)


def _text(values: Mapping[str, str], indent: str) -> list[str]:
    """A Text: a plain string when in one language, else a map of languages."""
    if len(values) == 1:
        return [" " + quoted(next(iter(values.values())))]
    return ["", *(f"{indent}  {language}: {quoted(value)}" for language, value in values.items())]


def _field(key: str, values: Mapping[str, str], indent: str) -> list[str]:
    first, *rest = _text(values, indent)
    return [f"{indent}{key}:{first}", *rest]


def emit(found: Found, *, source_text: str | None, source_comment: str,
         article_name: str, schema: str | None, names: str) -> str:
    """The YAML of a draft.

    ``source_text`` is the article's path relative to where the draft goes (``None``
    when it cannot be named so; ``source_comment`` says then how to fix it);
    ``article_name`` names it in the header; ``schema`` is where the schema is, for
    the editor's line; ``names`` says how people were found.
    """
    language = found.language
    lines: list[str] = []
    if schema is not None:
        lines.append(f"# yaml-language-server: $schema={comment_safe(schema)}")
    lines += [
        f"# Drafted by `briefing draft` from {comment_safe(article_name)}.",
        "# A program wrote this: every entry marked `x-draft` says how it was found.",
        "# Read each against the article, correct it, then delete its mark.",
        "# `briefing check FILE` proves each evidence is word for word in the article;",
        "# `briefing FILE` shows it, reloading as you save.",
        "",
        "briefing: 1",
        f"language: {language}",
        "",
        "x-draft:",
        f"  by: {quoted('briefing draft ' + __version__)}",
        f"  names: {quoted(names)}",
        "  review: " + quoted(
            "title, summary, participants, priorities, figures, statements, outcomes "
            "and tags were drafted; each entry marked x-draft awaits review"),
        "",
        f"title: {quoted(found.title or '(no headline)')}",
        "",
        "source:",
    ]
    if found.outlet:
        lines.append(f"  outlet: {quoted(found.outlet)}")
    if found.attribution:
        lines.append(f"  attribution: {quoted(found.attribution)}")
    if source_text is not None:
        lines.append(f"  text: {quoted(source_text)}")
    for line in source_comment.splitlines():
        lines.append(f"  # {comment_safe(line)}")
    if not found.outlet and not found.attribution and source_text is None:
        lines.append("  x-draft: the outlet was not found")
    lines += ["", f"summary: {quoted(found.summary)}"]

    if found.participants:
        lines += ["", "participants:"]
        for participant in found.participants:
            lines.append(f"  - id: {participant.id}")
            lines.append(f"    kind: {participant.kind}")
            lines += _field("name", participant.name, "    ")
            if participant.role:
                lines.append(f"    role: {quoted(participant.role)}")
            if participant.organization:
                lines.append(f"    organization: {quoted(participant.organization)}")
            if participant.country:
                lines += _field("country", participant.country, "    ")
            lines.append(f"    x-draft: {quoted(participant.how)}")
    if found.priorities:
        lines += ["", "priorities:                       # most written about first"]
        for priority in found.priorities:
            first, *rest = _text(priority.sector, "    ")
            lines.append(f"  - sector:{first}")
            lines += rest
            if priority.initiatives:
                lines.append("    initiatives:")
                lines += [f"      - {quoted(name)}" for name in priority.initiatives]
            lines.append(f"    evidence: {quoted(priority.evidence)}")
            lines.append(f"    x-draft: {quoted(priority.how)}")
    if found.figures:
        lines += ["", "figures:"]
        for figure in found.figures:
            lines.append(f"  - label: {quoted(figure.label)}")
            lines.append(f"    value: {figure.value}")
            if figure.unit:
                lines.append(f"    unit: {quoted(figure.unit)}")
            lines.append(f"    display: {quoted(figure.display)}")
            lines.append(f"    evidence: {quoted(figure.evidence)}")
            lines.append(f"    x-draft: {quoted(figure.how)}")
    if found.statements:
        lines += ["", "statements:"]
        for statement in found.statements:
            lines.append(f"  - by: {statement.by}")
            lines.append(f"    text: {quoted(statement.text)}")
            lines.append(f"    evidence: {quoted(statement.evidence)}")
            lines.append(f"    x-draft: {quoted(statement.how)}")
    if found.outcomes:
        lines += ["", "outcomes:                         # from the sentences saying what "
                      "was agreed"]
        lines += [f"  - {quoted(outcome)}" for outcome in found.outcomes]
    if found.tags:
        lines += ["", "tags: [" + ", ".join(found.tags) + "]"]
    return "\n".join(lines) + "\n"
