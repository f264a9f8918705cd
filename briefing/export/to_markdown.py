"""A briefing as Markdown, for wikis and email: ``briefing export --to md``.

Headings per section, a table of participants, ranked priorities, figures with
their display and exact value, quoted statements. Every text from the file is
escaped (:func:`escape`), so Markdown or HTML in it shows literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .document import Document, Piece

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&$]|:(?=[\w+-]+:))")
"""ASCII punctuation that Markdown (CommonMark, GitHub's tables, strike-through, maths
and ``:emoji:`` codes) gives a meaning anywhere in a line; a backslash before any
ASCII punctuation shows it as it is."""
_LINE_START = re.compile(r"^(\d*)([-+=.)])")
"""What begins a list, a heading underline or a rule only at the start of a line
(where every text from the file may be put)."""
_SAFE_URL = re.compile(r"https?://[^\s<>\"`\\]+\Z")


def escape(text: str) -> str:
    """``text`` made literal in Markdown: no emphasis, link, heading, list, table
    cell break, HTML tag or entity."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return text.replace("\n", " ")


def _join(pieces: Iterable[Piece], separator: str = " ") -> str:
    return separator.join(escape(piece.text) for piece in pieces)


def to_markdown(document: Document) -> str:
    """The briefing as one Markdown document."""
    return "\n".join(_lines(document)).rstrip("\n") + "\n"


def _lines(document: Document) -> Iterator[str]:
    t = document.t
    header = document.header()
    yield f"# {escape(header.title.text)}"
    yield ""
    about = []
    if header.date:
        about.append(f"**{escape(header.date)}**")
    if header.location:
        about.append(escape(header.location.text))
    if header.outlet or header.attribution:
        source = escape(t("Source: "))
        if header.outlet:
            source += escape(header.outlet.text)
        if header.attribution:
            source += (escape(t(" citing ")) if header.outlet else "") + escape(
                header.attribution.text)
        about.append(source)
    if about:
        yield " · ".join(about) + "  "
    if header.url:
        shown = f"<{header.url}>" if _SAFE_URL.match(header.url) else escape(header.url)
        yield shown + "  "
    if header.published:
        yield escape(t("Published ")) + escape(header.published) + "  "
    yield f"*{escape(header.languages)}*"
    yield ""

    yield from _heading(t("Summary"))
    for paragraph in document.summary():
        yield escape(paragraph.text)
        yield ""

    yield from _heading(t("Participants"))
    participants = document.participants()
    if participants:
        labels = [escape(t.field_label(name)) for name in document.participant_columns()]
        yield "| " + " | ".join(labels) + " |"
        yield "|" + "|".join(" --- " for _ in labels) + "|"
        for row in participants:
            # A cell is one line: its texts joined, a semicolon between them.
            yield "| " + " | ".join(_join(cell, "; " if number else " ")
                                    for number, cell in enumerate(row.cells)) + " |"
        yield ""
    else:
        yield from _empty(t("No participants are listed."))

    yield from _heading(t("Sector priorities"))
    priorities = document.priorities()
    for priority in priorities:
        yield f"{priority.rank}. **{escape(priority.sector.text)}**" + (
            "  " if priority.summary else "")
        if priority.summary:
            yield f"   {escape(priority.summary.text)}"
        for initiative in priority.initiatives:
            yield f"   - {escape(initiative.text)}"
    if not priorities:
        yield from _empty(t("No priorities are listed."))
    else:
        yield ""

    yield from _heading(t("Key figures"))
    figures = document.figures()
    for figure in figures:
        yield f"- **{escape(figure.headline.text)}** — {escape(figure.label.text)}  "
        exact = escape(figure.exact)
        if figure.unit:
            exact += f" {escape(figure.unit.text)}"
        if figure.period:
            exact += f" · {escape(figure.period.text)}"
        yield f"  {exact}" + ("  " if figure.note else "")
        if figure.note:
            yield f"  *{escape(figure.note.text)}*"
    if not figures:
        yield from _empty(t("No key figures are given."))
    else:
        yield ""

    statements = document.statements()
    if statements:
        yield from _heading(t("Statements"))
        for statement in statements:
            who = f"**{escape(statement.speaker.text)}**"
            if statement.role:
                who += f", {escape(statement.role.text)}"
            yield f"> {who}"
            for paragraph in statement.text:
                yield ">"
                yield f"> {escape(paragraph.text)}"
            yield ""
    yield from _bullets(t("Timeline"), [f"**{escape(dated.date)}** {escape(dated.event.text)}"
                                         for dated in document.timeline()])
    yield from _bullets(t("Outcomes"), [escape(outcome.text) for outcome in document.outcomes()])
    tags = document.tags()
    if tags:
        yield from _heading(t("Tags"))
        yield " ".join(escape(f"#{tag}") for tag in tags)
        yield ""


def _bullets(title: str, items: list[str]) -> Iterator[str]:
    """A section of bullet points (already escaped); nothing when there are none."""
    if items:
        yield from _heading(title)
        yield from (f"- {item}" for item in items)
        yield ""


def _heading(title: str) -> Iterator[str]:
    yield f"## {escape(title)}"
    yield ""


def _empty(message: str) -> Iterator[str]:
    yield f"*{escape(message)}*"
    yield ""
