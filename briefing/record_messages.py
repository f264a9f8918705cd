"""How the record reader words its problems: quoting values, naming what was
found, and "did you mean" suggestions."""

from __future__ import annotations

from .model import FORMAT_VERSION, FieldSpec, Kind, RecordSpec
from .yaml_nodes import Mapping, Node, Sequence

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


def suggest(word: str, choices: list[str]) -> str:
    """A ' did you mean `x`?' suffix when a choice is close to ``word``, else ''."""
    close = closest(word, choices)
    return f"; did you mean `{close}`?" if close is not None else ""


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
    """``value`` as quoted in a message, shortened when long."""
    if len(value) > 40:
        value = value[:37] + "..."
    return repr(value) if quote == "'" else f"{quote}{value}{quote}"


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
