"""How the record reader words its problems: quoting values, naming what was
found, and "did you mean" suggestions."""

from __future__ import annotations

from .model import FORMAT_VERSION, FieldSpec, Kind, RecordSpec
from .safe_text import escaped
from .yaml_messages import key_without_space
from .yaml_nodes import Mapping, Node, Scalar, Sequence

_SUGGEST_MAX_LENGTH = 200
_SUGGEST_MAX_CHOICES = 2000

KIND_NAMES = {
    Kind.TEXT: "text",
    Kind.STRING: "text",
    Kind.VERSION: "a whole number",
    Kind.NUMBER: "a number",
    Kind.DATE: "a date",
    Kind.LANGUAGE: "a language tag",
    Kind.SLUG: "an id",
    Kind.CHOICE: "a word",
    Kind.PATH: "a file path",
    Kind.TEXT_LIST: "a list",
    Kind.STRING_LIST: "a list",
    Kind.RECORD: "a mapping of keys",
    Kind.RECORD_LIST: "a list",
}
"""What a value of each kind is called in "must be ..." messages."""

_TEXTUAL = frozenset({Kind.TEXT, Kind.STRING, Kind.TEXT_LIST, Kind.STRING_LIST})
"""Kinds whose values are text: there, `~` or `null` in quotes is the text itself."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def suggest(word: str, choices: list[str]) -> str:
    """A ' did you mean `x`?' suffix when a choice is close to ``word``, else ''."""
    close = closest(word, choices)
    return f"; did you mean {shown(close, '`')}?" if close is not None else ""


def closest(word: str, choices: list[str]) -> str | None:
    """The choice closest to ``word``, if one is close enough."""
    if len(word) > _SUGGEST_MAX_LENGTH or len(choices) > _SUGGEST_MAX_CHOICES:
        return None  # matching is quadratic: a hostile file could make it crawl
    import difflib  # only needed when something is misspelt

    choices = [choice for choice in choices if len(choice) <= _SUGGEST_MAX_LENGTH]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def missing(spec: RecordSpec, field: FieldSpec) -> str:
    """The message for a required key that is not there."""
    if field.kind is Kind.VERSION:
        return f"a briefing needs `{field.name}: {FORMAT_VERSION}`, the format version"
    return f"{a(spec.name)} needs `{field.name}`: {field.description}"


def shown(value: str, quote: str = "'") -> str:
    """``value`` as quoted in a message, shortened when long.

    Every value a message quotes from the file goes through here (or ``repr``,
    which escapes alike): a line break, a control character or a bidirectional
    control is written as an escape, so that a problem is always one line of the
    report and shows what the file holds.
    """
    if len(value) > 40:
        value = value[:37] + "..."
    return repr(value) if quote == "'" else f"{quote}{escaped(value)}{quote}"


def describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.plain and node.value == "":
        return "nothing"
    return repr(node.value) if len(node.value) <= 40 else repr(node.value[:37] + "...")


def a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def empty(what: str, fix: str, written: str, kind: Kind) -> str:
    """The message for a value written as nothing, or as a word YAML reads as "no
    value" (``written``: ``~``, ``null``...). ``what`` names the value, ``fix`` says
    what to do; for text, the hint says how to write the word itself."""
    message = f"{what} is empty; {fix}"
    if not written:
        return message
    hint = f"`{written}` means no value in YAML"
    if kind in _TEXTUAL:
        noun = "character" if written == "~" else "word"
        hint += f'; for the {noun} itself, write "{written}" in quotes'
    return f"{message} ({hint})"


def date_problem(name: str, written: str) -> str:
    """The message for the field ``name`` written as ``written``, not a date."""
    why = _impossible_date(written)
    if why is not None:
        return f"`{name}` is not a real date: {why}"
    return f"`{name}` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {written!r}"


def _impossible_date(written: str) -> str | None:
    """Why ``written``, in the form YYYY, YYYY-MM or YYYY-MM-DD, is a date that does
    not exist; ``None`` if it is not in that form or does exist."""
    parts = written.split("-")
    if not 1 <= len(parts) <= 3 or [len(part) for part in parts] != [4, 2, 2][: len(parts)]:
        return None
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    year, month, day = [*parts, "", ""][:3]
    if int(year) == 0:
        return f"there is no year {year} (years start at 0001)"
    if month and not 1 <= int(month) <= 12:
        return f"there is no month {month} (months run from 01 to 12)"
    if day:
        import calendar  # only for a date that does not exist

        days = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= days:
            return f"{_MONTHS[int(month) - 1]} {year} has no day {day} (it has {days} days)"
    return None


def mapping_hint(node: Node) -> str:
    """For a text where a mapping belongs that is a key run into its value
    (``name:Arman``), how to write the key; else ``""``."""
    if not isinstance(node, Scalar) or not node.plain:
        return ""
    how = key_without_space(node.value)
    return f" ({how})" if how else ""
