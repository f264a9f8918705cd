"""Read YAML into a small tree of positioned nodes, refusing what a briefing
may not use.

The tree is built from the parser's event stream rather than from PyYAML's
constructors, so that nothing is ever resolved by YAML's type guessing (types
come from the format contract), every value keeps its line and column, and
tags, anchors, aliases, duplicate keys and extra documents are reported
instead of acted upon. libyaml's C parser is used when present; PyYAML's
pure-Python parser is the fallback and yields the same events.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .errors import Problem
from .limits import MAX_DEPTH, MAX_LIST_ITEMS

C_PARSER_AVAILABLE: bool = hasattr(yaml, "CSafeLoader")


class Scalar:
    """A scalar exactly as written; ``plain`` is False for quoted and block scalars."""

    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value, self.line, self.column, self.plain = value, line, column, plain

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.line}, {self.column}, plain={self.plain})"


class Mapping:
    """A mapping; keys are scalars, in file order, with no duplicates."""

    __slots__ = ("column", "items", "line")

    def __init__(self, items: list[tuple[Scalar, Node]], line: int, column: int) -> None:
        self.items, self.line, self.column = items, line, column


class Sequence:
    """A list of nodes."""

    __slots__ = ("column", "items", "line")

    def __init__(self, items: list[Node], line: int, column: int) -> None:
        self.items, self.line, self.column = items, line, column


Node = Scalar | Mapping | Sequence


def to_python(node: Node) -> Any:
    """The plain Python value of a node: str, list or dict (for ``x-`` extensions)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {key.value: to_python(value) for key, value in node.items}


# libyaml and PyYAML word their errors for YAML experts; authors get these.
_PLAIN_COLON_HINT = (
    "a value here contains ': ', which YAML reads as a new key; "
    'put the whole value in quotes, e.g. title: "Kazakhstan: the EU"'
)
_SYNTAX_MESSAGES: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", _PLAIN_COLON_HINT),
    ("tab character", "a tab is used for indentation here; indent with spaces"),
    ("found character '\\t'", "a tab is used for indentation here; indent with spaces"),
    ("could not find expected ':'", "expected 'key: value' here; check the indentation"),
    ("did not find expected key", "this line's indentation does not match the lines above it"),
    ("did not find expected '-' indicator", "this list item is not indented like the ones above it"),
    ("did not find expected node content", "a value is missing here"),
    ("found unexpected end of stream", "the file ends inside a quoted value; close the quote"),
    ("found unexpected end of the stream", "the file ends inside a bracket or quote; close it"),
    ("did not find expected ',' or ']'", "a [list] is not closed; add ']' or a ','"),
    ("did not find expected ',' or '}'", "a {mapping} is not closed; add '}' or a ','"),
    ("found undefined tag handle", "tags (!name) are not allowed in a briefing"),
    ("found unknown escape character", "unknown escape sequence in a double-quoted value"),
    ("found invalid Unicode character escape code", "invalid \\u escape (not a character)"),
    ("found unexpected ':'", _PLAIN_COLON_HINT),
    ("found character that cannot start any token", "this character cannot start a value; "
     "put the value in quotes"),
    ("found character '", "this character cannot start a value; put the value in quotes"),
)


def _syntax_message(problem: str) -> str:
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return message
    return f"YAML syntax error: {problem}"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _error_problem(file: str, text: str, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        line, column = _position(text, error.position)
        code = error.character
        char = f"U+{code:04X}" if isinstance(code, int) else repr(code)
        return Problem(
            file,
            f"character {char} is not allowed in YAML text; "
            "write it as an escape inside a double-quoted value",
            line,
            column,
        )
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if mark is not None:
            return Problem(file, _syntax_message(problem), mark.line + 1, mark.column + 1)
        return Problem(file, _syntax_message(problem))
    return Problem(file, f"YAML syntax error: {error}")


class _TreeBuilder:
    """Turns parser events into nodes, collecting problems as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, event: Any, message: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.file, message, mark.line + 1, mark.column + 1))

    def check_properties(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            self.problem(event, f"tags ({written}) are not allowed in a briefing; remove it")
        if event.anchor is not None:
            self.problem(
                event,
                f"anchors (&{event.anchor}) are not allowed in a briefing; "
                "write the value out in full",
            )


def read_tree(text: str, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a node tree.

    Returns the root node (``None`` if the text could not be parsed or holds
    no document) and every problem found. Parsing stops at the first syntax
    error, since nothing after it can be trusted.
    """
    builder = _TreeBuilder(file)
    loader_class = yaml.CSafeLoader if C_PARSER_AVAILABLE else yaml.SafeLoader
    try:
        loader = loader_class(text)
    except yaml.YAMLError as error:  # the pure-Python reader checks characters up front
        return None, [_error_problem(file, text, error)]
    try:
        return _build(loader, builder), builder.problems
    except yaml.YAMLError as error:
        return None, [*builder.problems, _error_problem(file, text, error)]
    finally:
        loader.dispose()


def _build(loader: Any, builder: _TreeBuilder) -> Node | None:
    """Build the tree with an explicit stack: deep nesting cannot overflow Python's."""
    get_event = loader.get_event
    root: Node | None = None
    documents = 0
    # Each frame: the open container, and for mappings the key awaiting a value.
    stack: list[tuple[Mapping | Sequence, Scalar | None, set[str] | None]] = []
    skip_depth = 0  # >0 while skipping content nested too deeply

    def attach(node: Node, event: Any) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        container, key, seen = stack[-1]
        if isinstance(container, Sequence):
            if len(container.items) == MAX_LIST_ITEMS:
                builder.problem(event, f"a list may hold at most {MAX_LIST_ITEMS:,} items")
            if len(container.items) < MAX_LIST_ITEMS:
                container.items.append(node)
            return
        if key is None:
            if not isinstance(node, Scalar):
                builder.problem(event, "a key must be plain text, not a list or mapping")
                node = Scalar("", node.line, node.column, True)
            assert seen is not None
            if node.value in seen:
                builder.problem(event, f"duplicate key `{node.value}`: it appears above too")
            seen.add(node.value)
            stack[-1] = (container, node, seen)
        else:
            container.items.append((key, node))
            stack[-1] = (container, None, seen)

    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if skip_depth:
                continue
            builder.check_properties(event)
            mark = event.start_mark
            attach(Scalar(event.value, mark.line + 1, mark.column + 1, not event.style), event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if skip_depth or len(stack) >= MAX_DEPTH:
                if not skip_depth:
                    builder.problem(event, f"nested too deeply (more than {MAX_DEPTH} levels)")
                skip_depth += 1
                continue
            builder.check_properties(event)
            mark = event.start_mark
            node: Mapping | Sequence
            if kind is MappingStartEvent:
                node = Mapping([], mark.line + 1, mark.column + 1)
                stack.append((node, None, set()))
            else:
                node = Sequence([], mark.line + 1, mark.column + 1)
                stack.append((node, None, None))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if skip_depth:
                skip_depth -= 1
                if not skip_depth and stack:
                    # The skipped value still occupies its slot.
                    mark = event.start_mark
                    attach(Scalar("", mark.line + 1, mark.column + 1, True), event)
                continue
            done, _key, _seen = stack.pop()
            attach(done, event)
        elif kind is AliasEvent:
            if skip_depth:
                continue
            builder.problem(
                event,
                f"aliases (*{event.anchor}) are not allowed in a briefing; "
                "write the value out in full",
            )
            mark = event.start_mark
            attach(Scalar("", mark.line + 1, mark.column + 1, True), event)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                builder.problem(
                    event, "a briefing is one YAML document, but a second one starts here"
                )
                return root
        elif kind is StreamEndEvent or event is None:
            return root
