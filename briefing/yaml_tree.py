"""Read YAML into a small tree of positioned nodes, refusing what a briefing
may not use.

The tree is built from the parser's event stream rather than from PyYAML's
constructors, so that nothing is ever resolved by YAML's type guessing (types
come from the format contract), every value keeps its line and column, and
tags, anchors, aliases, duplicate keys and extra documents are reported
instead of acted upon. libyaml's C parser is used when present; PyYAML's
pure-Python parser is the fallback, its scanner given libyaml's rules for tabs
and directives so that a file reads the same with either.

The node classes are in ``yaml_nodes``, the translation of parser errors into
messages for authors in ``yaml_messages`` and the pure-Python fallback parser
in ``yaml_scanner``; this module builds the tree and re-exports the nodes.
"""

from __future__ import annotations

from . import yaml_import  # noqa: F401  # before PyYAML: it imports PyYAML

# isort: split
import re
from bisect import bisect_right

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
from .limits import MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES, MAX_PROBLEMS
from .safe_text import escaped
from .yaml_messages import _character_problem, _error_problem
from .yaml_nodes import Mapping, Node, Reported, Scalar, Sequence, to_python, written_null
from .yaml_scanner import _FallbackParser

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "C_PARSER_AVAILABLE",
    "Mapping",
    "Node",
    "Reported",
    "Scalar",
    "Sequence",
    "read_tree",
    "to_python",
    "written_null",
]

C_PARSER_AVAILABLE: bool = hasattr(yaml, "CSafeLoader")

_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")
_OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")
"""With a carriage return alone, what YAML's parsers count as a line break but
editors and ``grep -n`` do not: NEL, and the line and paragraph separators."""


def _other_line_breaks(text: str) -> list[int]:
    """Where ``text`` has a line break other than a line feed (or CR LF), in order.

    ``str.find`` and counting, not one regular expression: on a 15 MB file that
    has none, they take milliseconds where an alternation takes most of a second.
    """
    found = []
    for char in _OTHER_LINE_BREAKS:
        at = text.find(char)
        while at != -1:
            found.append(at)
            at = text.find(char, at + 1)
    if text.count("\r") != text.count("\r\n"):
        found += [match.start() for match in _LONE_CARRIAGE_RETURN.finditer(text)]
    return sorted(found)


class LineFeeds:
    """Places a position as the parser counts lines (every YAML line break ends
    one) in the file's lines, which end at line feeds only, as an editor counts
    them; for a text holding one of ``_OTHER_LINE_BREAK``."""

    def __init__(self, text: str, breaks: list[int] | None = None) -> None:
        """``breaks``: where ``text`` has another line break, if known already."""
        self.lines: list[int] = []
        """The parser's lines (from 1) that another line break starts, in order."""
        self.offsets: list[int] = []
        """For each of them, the column its first character is at in the file's line."""
        line, position, line_start = 1, 0, 0
        for start in _other_line_breaks(text) if breaks is None else breaks:
            feeds = text.count("\n", position, start)
            if feeds:
                line_start = text.rfind("\n", position, start) + 1
            line += feeds + 1
            position = start + 1  # each is one character
            self.lines.append(line)
            self.offsets.append(position - line_start)

    @classmethod
    def needed(cls, text: str) -> LineFeeds | None:
        """The placing for ``text``; ``None`` when the parser counts its lines right."""
        breaks = _other_line_breaks(text)
        return cls(text, breaks) if breaks else None

    def place(self, line: int, column: int) -> tuple[int, int]:
        """The file's line and column (from 1) of the parser's ``line`` and ``column``."""
        before = bisect_right(self.lines, line)
        if before and self.lines[before - 1] == line:
            column += self.offsets[before - 1]
        return line - before, column

    def place_problems(self, problems: list[Problem]) -> list[Problem]:
        """``problems``, placed."""
        placed = []
        for problem in problems:
            if problem.line is not None:
                line, column = self.place(problem.line, problem.column or 1)
                problem = problem._replace(line=line, column=column)
            placed.append(problem)
        return placed

    def place_tree(self, root: Node) -> None:
        """Place every node of the tree under ``root``, in place."""
        nodes: list[Node] = [root]
        while nodes:
            node = nodes.pop()
            node.line, node.column = self.place(node.line, node.column)
            if isinstance(node, Mapping):
                for key, value in node.items:
                    nodes += (key, value)
            elif isinstance(node, Sequence):
                nodes += node.items


class _StopReading(Exception):
    """Nesting, a list, the number of values or of problems passed its limit:
    reading stops there, already reported, so that no file can make a parser
    crawl through the rest."""


class _TreeBuilder:
    """Turns parser events into nodes, collecting problems as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, event: Any, message: str) -> None:
        mark = event.start_mark
        self.add(Problem(self.file, message, mark.line + 1, mark.column + 1))

    def problem_at(self, node: Node, message: str) -> None:
        self.add(Problem(self.file, message, node.line, node.column))

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)
        if len(self.problems) > MAX_PROBLEMS:  # the loader says that it stopped
            raise _StopReading

    def check_properties(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None:
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            self.problem(event, f"tags ({escaped(written)}) are not allowed in a briefing; "
                         "remove it")
        if event.anchor is not None:
            self.problem(
                event,
                f"anchors (&{escaped(event.anchor)}) are not allowed in a briefing; "
                "write the value out in full",
            )

    def check_scalar(self, event: Any) -> None:
        # PyYAML turns an escape such as "\ud800" into a lone surrogate, which
        # libyaml refuses and no file or terminal can hold.
        if _SURROGATE.search(event.value):
            self.problem(event, "invalid \\u escape (not a character)")


def read_tree(text: str, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a node tree.

    Returns the root node (``None`` if the text could not be parsed or holds
    no document) and every problem found. Parsing stops at the first syntax
    error, since nothing after it can be trusted, at nesting deeper than
    ``MAX_DEPTH``, at a list longer than ``MAX_LIST_ITEMS``, at the value past
    ``MAX_NODES`` and at the problem past ``MAX_PROBLEMS``.
    """
    if text and not text.endswith("\n"):
        # libyaml reads as if the text ended with a line break, PyYAML does not;
        # with one, both place problems at the end of the file alike.
        text += "\n"
    builder = _TreeBuilder(file)
    c_parser = C_PARSER_AVAILABLE
    try:
        loader = yaml.CSafeLoader(text) if c_parser else _FallbackParser(text)
    except yaml.YAMLError as error:  # the pure-Python reader checks characters up front
        return None, [_error_problem(file, text, error, c_parser)]
    except UnicodeEncodeError as error:  # libyaml encodes to UTF-8: a lone surrogate
        return None, [_character_problem(file, text, error.start, ord(text[error.start]))]
    # Line numbers count line feeds only; the parsers count every YAML line break.
    feeds = LineFeeds.needed(text)
    root: Node | None = None
    syntax: list[Problem] = []  # placed already
    try:
        root = _build(loader, builder)
    except yaml.YAMLError as error:
        syntax.append(_error_problem(file, text, error, c_parser, feeds))
    except _StopReading:
        pass
    finally:
        loader.dispose()
    problems = builder.problems
    if feeds is not None:
        problems = feeds.place_problems(problems)
        if root is not None:
            feeds.place_tree(root)
    return (None if syntax else root), [*problems, *syntax]


def _build(loader: Any, builder: _TreeBuilder) -> Node | None:
    """Build the tree with an explicit stack: deep nesting cannot overflow Python's.

    This loop runs once per event, up to a few million times for a large file, so
    it keeps its state in local variables and calls no function on the common path.
    """
    get_event = loader.get_event
    problem = builder.problem
    root: Node | None = None
    documents = 0
    nodes_left = MAX_NODES
    # The open container (None outside the root), for a mapping the key awaiting
    # its value and the keys seen so far; those of the containers around it are
    # on the stack.
    container: Mapping | Sequence | None = None
    key: Scalar | None = None
    seen: set[str] = set()
    stack: list[tuple[Mapping | Sequence | None, Scalar | None, set[str]]] = []
    node: Node

    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            nodes_left -= 1
            if nodes_left < 0:
                problem(event, _TOO_MANY_NODES)
                raise _StopReading
            if event.tag is not None or event.anchor is not None:
                builder.check_properties(event)
            value = event.value
            if event.style == '"' and _SURROGATE.search(value):  # only escapes make one
                builder.check_scalar(event)
            mark = event.start_mark
            node = Scalar(value, mark.line + 1, mark.column + 1, not event.style)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            nodes_left -= 1
            if nodes_left < 0:
                problem(event, _TOO_MANY_NODES)
                raise _StopReading
            if len(stack) >= MAX_DEPTH:
                problem(event, f"nested too deeply (more than {MAX_DEPTH} levels)")
                raise _StopReading
            if event.tag is not None or event.anchor is not None:
                builder.check_properties(event)
            mark = event.start_mark
            stack.append((container, key, seen))
            if kind is MappingStartEvent:
                container = Mapping([], mark.line + 1, mark.column + 1)
                seen = set()
            else:
                container = Sequence([], mark.line + 1, mark.column + 1)
            key = None
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            assert container is not None
            node = container
            container, key, seen = stack.pop()
        elif kind is AliasEvent:
            nodes_left -= 1
            if nodes_left < 0:
                problem(event, _TOO_MANY_NODES)
                raise _StopReading
            problem(
                event,
                f"aliases (*{escaped(event.anchor)}) are not allowed in a briefing; "
                "write the value out in full",
            )
            mark = event.start_mark
            node = Reported("", mark.line + 1, mark.column + 1, True)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                problem(event, "a briefing is one YAML document, but a second one starts here")
                return root
            continue
        elif kind is StreamEndEvent or event is None:
            return root
        else:
            continue

        # Attach the finished node to the open container.
        if container is None:
            root = node
        elif isinstance(container, Sequence):
            items = container.items
            if len(items) >= MAX_LIST_ITEMS:
                builder.problem_at(node, f"a list may hold at most {MAX_LIST_ITEMS:,} items")
                raise _StopReading
            items.append(node)
        elif key is None:
            if not isinstance(node, Scalar):
                # Reported here; the key and its value are then left out.
                builder.problem_at(node, "a key must be plain text, not a list or mapping")
                key = _DISCARDED_KEY
            else:
                if node.value in seen:
                    builder.problem_at(
                        node, f"duplicate key `{escaped(node.value)}`: it appears above too"
                    )
                seen.add(node.value)
                key = node
        else:
            if key is not _DISCARDED_KEY:
                container.items.append((key, node))
            key = None


_TOO_MANY_NODES = (
    f"the file holds more than {MAX_NODES:,} values (keys, texts, lists and mappings); "
    "a briefing may hold at most that many"
)

_DISCARDED_KEY = Scalar("", 0, 0, True)
"""Stands in for a key that is not plain text, so that its value is left out."""
