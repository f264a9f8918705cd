"""``briefing diff``'s report: the changes of :func:`briefing.diff.compare`, drawn with
Rich in a terminal (colours, a word diff of the title and summary) and as plain
text when piped (``[-removed-]{+added+}`` marks the word diff), or as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text as RichText

from .diff import SECTION_TITLES, Change, ChangeKind, totals_line, word_diff
from .interface import interface
from .outline import Section
from .summary import make_console, print_renderable

MARKS = {
    ChangeKind.ADDED: ("+ ", "green"),
    ChangeKind.REMOVED: ("- ", "red"),
    ChangeKind.CHANGED: ("~ ", "yellow"),
    ChangeKind.MOVED: ("↕ ", "cyan"),
}
"""How each kind of change is marked: a symbol (read without colour) and a colour."""

WORD_DIFF_WORDS = 6
"""A text of more words than this (a title, a summary, a statement) changes word by word."""


def by_words(change: Change) -> bool:
    """Whether ``change`` is best shown as a word diff: a change of a longer text."""
    return (change.kind is ChangeKind.CHANGED and bool(change.old) and bool(change.new)
            and max(len(change.old.split()), len(change.new.split())) > WORD_DIFF_WORDS)


def change_lines(changes: list[Change], language: str, *, plain: bool = False) -> Iterator[
        RenderableType]:
    """The report of ``changes``, a line (or a heading) at a time, with the interface in
    ``language``; ``plain`` marks a word diff with ``[-…-]{+…+}`` instead of colour."""
    t = interface(language)
    section: Section | None = None
    for change in changes:
        if change.section is not section:
            section = change.section
            yield RichText(t(SECTION_TITLES[section]), "bold")
        yield Padding(_row(change, plain), (0, 0, 0, 2))
    yield RichText(totals_line(changes, t), "dim")


def print_diff(
    changes: list[Change], language: str, *, file: IO[str] | None = None,
    width: int | None = None,
) -> None:
    """Print ``changes``, section by section, with the interface in ``language``."""
    console = make_console(file, width)
    plain = not console.is_terminal or console.no_color
    for line in change_lines(changes, language, plain=plain):
        print_renderable(console, line)


def _row(change: Change, plain: bool) -> Table:
    """The change's mark, and what changed beside it (indented under itself when wrapped)."""
    mark, colour = MARKS[change.kind]
    row = Table.grid(expand=True)
    row.add_column(width=len(mark), style=f"bold {colour}")
    row.add_column(ratio=1, overflow="fold")
    row.add_row(mark, _line(change, plain))
    return row


def _line(change: Change, plain: bool) -> RichText:
    line = RichText()
    if change.entry:
        line.append(change.entry, "bold")
    if change.kind is ChangeKind.MOVED:
        line.append(f": {change.note}")
        return line
    if change.kind is not ChangeKind.CHANGED:
        return line
    if change.entry:
        line.append(" · ", "dim")
    line.append(f"{change.field}: ", "dim")
    if by_words(change):
        line.append_text(_words(change.old, change.new, plain))
    else:
        line.append(change.old or "—", "red")
        line.append(" → ")
        line.append(change.new or "—", "green")
    if change.note:
        line.append(f" ({change.note})", "dim")
    return line


def _words(old: str, new: str, plain: bool) -> RichText:
    """The word diff of ``old`` and ``new``: struck out and underlined in colour, or
    marked ``[-…-]`` and ``{+…+}`` in plain text."""
    text = RichText()
    runs = word_diff(old, new)
    for number, (operation, words) in enumerate(runs):
        if operation == " ":
            text.append(_context(words, first=number == 0, last=number == len(runs) - 1))
            continue
        core, spacing = words.rstrip(), words[len(words.rstrip()):]
        if plain:
            text.append(f"[-{core}-]" if operation == "-" else f"{{+{core}+}}")
        else:
            text.append(core, "red strike" if operation == "-" else "green underline")
        text.append(spacing)
    return text


CONTEXT_WORDS = 6
"""Unchanged words kept on each side of a change in a long text's word diff."""


def _context(words: str, *, first: bool, last: bool) -> str:
    """An unchanged run of a word diff, its middle left out (``…``) when it is long:
    only the words next to a change help to find it."""
    split = words.split(" ")
    keep_before = 0 if first else CONTEXT_WORDS
    keep_after = 0 if last else CONTEXT_WORDS
    if len(split) <= keep_before + keep_after + CONTEXT_WORDS:
        return words
    head = " ".join(split[:keep_before])
    tail = " ".join(split[len(split) - keep_after:]) if keep_after else ""
    return f"{head} … {tail}".strip(" ") + (" " if keep_after else "")


def diff_json(changes: Iterable[Change], old: str, new: str) -> str:
    """The changes as one JSON document for scripts."""
    listed = [change._asdict() for change in changes]
    for change in listed:
        if by_words(Change(**change)):
            change["words"] = word_diff(change["old"], change["new"])
    return json.dumps({"old": old, "new": new, "same": not listed, "changes": listed},
                      ensure_ascii=False, indent=2) + "\n"

