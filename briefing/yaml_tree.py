"""Read YAML into a small tree of positioned nodes, refusing what a briefing
may not use.

The tree is built from the parser's event stream rather than from PyYAML's
constructors, so that nothing is ever resolved by YAML's type guessing (types
come from the format contract), every value keeps its line and column, and
tags, anchors, aliases, duplicate keys and extra documents are reported
instead of acted upon. libyaml's C parser is used when present; PyYAML's
pure-Python parser is the fallback, its scanner given libyaml's rules for tabs
and directives so that a file reads the same with either.
"""

from __future__ import annotations

import re
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
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner, ScannerError

from .errors import Problem
from .limits import MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES, MAX_PROBLEMS

C_PARSER_AVAILABLE: bool = hasattr(yaml, "CSafeLoader")

_BREAKS = "\r\n\x85\u2028\u2029"
_BREAKZ = "\0" + _BREAKS
_SURROGATE = re.compile("[\ud800-\udfff]")


class Scalar:
    """A scalar exactly as written; ``plain`` is False for quoted and block scalars."""

    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value, self.line, self.column, self.plain = value, line, column, plain

    def __repr__(self) -> str:
        return f"Scalar({self.value!r}, {self.line}, {self.column}, plain={self.plain})"


class Reported(Scalar):
    """Stands in for a value that was refused and already reported (an alias), so
    that checking it further adds no second, misleading problem."""

    __slots__ = ()


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
    "this value contains ': ', which YAML reads as the start of a new key; "
    'put the whole value in quotes, e.g. title: "Kazakhstan: the EU" '
    "(or, if a new key starts here, fix its indentation)"
)
_TAB = "a tab is used here where YAML needs spaces; indent with spaces"
_INDENTATION = "this line's indentation does not match the lines above it"
_TAGS = "tags (!name) are not allowed in a briefing; if the text starts with `!`, quote it"
_ANCHORS = (
    "anchors (&name) and aliases (*name) are not allowed in a briefing; "
    "if the text starts with `&` or `*`, quote it"
)
_DIRECTIVE = (
    "a line starting with `%` is a YAML directive, which a briefing does not use; remove it"
)
# (needle in the parser's problem, needle in its context or "", message); first match wins.
_SYNTAX_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("exceeded maximum nesting depth", "", f"nested too deeply (more than {MAX_DEPTH} levels)"),
    ("mapping values are not allowed", "", _PLAIN_COLON_HINT),
    ("found unexpected ':'", "", _PLAIN_COLON_HINT),
    ("mapping keys are not allowed", "",
     "`? ` starts a complex key, which a briefing does not use; put the value in quotes"),
    ("sequence entries are not allowed", "",
     "a list item (`- `) cannot start here; put it on a line of its own, or quote the value"),
    ("tab character", "", _TAB),
    ("could not find expected ':'", "",
     "expected `key: value` here; check the indentation, and that the key is followed "
     "by `: `"),
    ("did not find expected key", "", _INDENTATION),
    ("did not find expected '-' indicator", "",
     "this list item is not indented like the ones above it"),
    ("expected <block end>", "block collection",
     "this list item is not indented like the ones above it"),
    ("expected <block end>", "", _INDENTATION),
    ("node content", "", "a value is missing here"),
    ("found unexpected end of stream", "", "the file ends inside a quoted value; close the quote"),
    ("',' or ']'", "", "a [list] is not closed; add ']' or a ','"),
    ("',' or '}'", "", "a {mapping} is not closed; add '}' or a ','"),
    ("found unknown escape character", "",
     "unknown escape sequence in a double-quoted value; write a backslash as \\\\, "
     "or use single quotes"),
    ("found invalid Unicode character escape code", "", "invalid \\u escape (not a character)"),
    ("hexadecimal number", "", "a \\x, \\u or \\U escape is missing some of its hex digits"),
    ("hexdecimal number", "", "a \\x, \\u or \\U escape is missing some of its hex digits"),
    ("document start", "",
     "the document has already ended here; remove the extra text, or fix the indentation"),
    ("unexpected document", "",
     "`---` or `...` at the start of a line ends the document; indent it or quote the value"),
    ("incompatible", "", _DIRECTIVE),
    ("directive", "", _DIRECTIVE),
    ("indentation indicator", "",
     "after `|` or `>`, only `+`, `-` or a digit from 1 to 9 may follow on that line"),
    ("", "block scalar",
     "after `|` or `>`, only `+`, `-` or a digit from 1 to 9 may follow on that line"),
    ("tag handle", "", _TAGS),
    ("", "tag", _TAGS),
    ("", "anchor", _ANCHORS),
    ("", "alias", _ANCHORS),
    ("comment or a line break", "",
     "unexpected text after the value on this line; put the whole value in quotes"),
    ("comment or line break", "",
     "unexpected text after the value on this line; put the whole value in quotes"),
)


def _syntax_message(problem: str, context: str, char: str = "", before: str = "") -> str:
    """An author's message for a parser's ``problem``; ``char`` is the character
    where it was found, ``before`` the text before it on its line."""
    if char == "\t":
        return _TAB
    if "cannot start any token" in problem or (
        "node content" in problem and char and char in "]},"
    ):
        shown = "a backquote (`)" if char == "`" else f"`{char}`" if char.isprintable() else ""
        return f"{shown or 'this character'} cannot start a plain value; quote the whole value"
    for needle, context_needle, message in _SYNTAX_MESSAGES:
        if needle in problem and context_needle in context:
            if message == _INDENTATION and before.strip():
                # Not at the start of a line: something follows a complete value.
                return (
                    "unexpected text after the value on this line; "
                    "if it is part of the value, put the whole value in quotes"
                )
            return message
    return (
        "this is not valid YAML; check the quotes, brackets and indentation on this line "
        "and the one above"
    )


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _char_at(text: str, line: int, column: int) -> tuple[str, str]:
    """The character at a 0-based line and column ('' past the end), and the
    text before it on its line."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return "", ""
    index = start + column
    char = text[index] if index < len(text) and text[index] != "\n" else ""
    return char, text[start:index]


def _character_problem(file: str, text: str, index: int, code: int) -> Problem:
    line, column = _position(text, index)
    return Problem(
        file,
        f"character U+{code:04X} is not allowed in YAML text; "
        "write it as an escape inside a double-quoted value",
        line,
        column,
    )


def _error_problem(file: str, text: str, error: yaml.YAMLError, c_parser: bool) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        index = error.position
        if c_parser:  # libyaml counts bytes of the UTF-8 text it was given
            index = len(text.encode("utf-8")[:index].decode("utf-8", "ignore"))
        code = error.character
        if isinstance(code, int):
            return _character_problem(file, text, index, code)
        line, column = _position(text, index)
        return Problem(file, "this character is not allowed in YAML text", line, column)
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem, context = error.problem or "", error.context or ""
        if mark is None:
            return Problem(file, _syntax_message(problem, context))
        char, before = _char_at(text, mark.line, mark.column)
        message = _syntax_message(problem, context, char, before)
        return Problem(file, message, mark.line + 1, mark.column + 1)
    return Problem(file, _syntax_message(str(error), ""))


# PyYAML's pure-Python scanner refuses every tab outside quoted scalars, where
# libyaml (and YAML) accept a tab as a separator, e.g. ``key:<TAB>value``. Left
# alone, a file would load or fail depending on whether libyaml is installed;
# these replace the scanner's whitespace handling with libyaml's rules. They
# take ``self: Any`` since PyYAML's scanner is untyped.


def _scan_to_next_token(self: Any) -> None:
    if self.index == 0 and self.peek() == "\ufeff":
        self.forward()
    while True:
        while (char := self.peek()) == " " or (
            char == "\t" and (self.flow_level or not self.allow_simple_key)
        ):
            self.forward()
        if self.peek() == "#":
            while self.peek() not in _BREAKZ:
                self.forward()
        if not self.scan_line_break():
            return
        if not self.flow_level:
            self.allow_simple_key = True


def _at_document_marker(self: Any) -> bool:
    return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAKS


def _scan_plain_spaces(self: Any, indent: int, start_mark: Any) -> list[str] | None:
    length = 0
    while self.peek(length) in " \t":
        length += 1
    whitespaces = self.prefix(length)
    self.forward(length)
    if self.peek() not in _BREAKS:
        return [whitespaces] if whitespaces else []
    line_break = self.scan_line_break()
    self.allow_simple_key = True
    if _at_document_marker(self):
        return None
    breaks = []
    while (char := self.peek()) in " \t" or char in _BREAKS:
        if char == "\t" and self.column < indent:
            raise ScannerError(
                "while scanning a plain scalar", start_mark,
                "found a tab character that violates indentation", self.get_mark(),
            )
        if char in " \t":
            self.forward()
            continue
        breaks.append(self.scan_line_break())
        if _at_document_marker(self):
            return None
    chunks = []
    if line_break != "\n":
        chunks.append(line_break)
    elif not breaks:
        chunks.append(" ")
    chunks.extend(breaks)
    return chunks


def _scan_block_scalar_indicators(self: Any, start_mark: Any) -> tuple[bool | None, int | None]:
    chomping: bool | None = None
    increment: int | None = None
    for _ in range(2):
        char = self.peek()
        if char in "+-" and chomping is None:
            chomping = char == "+"
        elif char in "0123456789" and increment is None:
            if char == "0":
                raise ScannerError(
                    "while scanning a block scalar", start_mark,
                    "expected indentation indicator in the range 1-9, but found 0",
                    self.get_mark(),
                )
            increment = int(char)
        else:
            break
        self.forward()
    if self.peek() not in "\0 \t#" + _BREAKS:
        raise ScannerError(
            "while scanning a block scalar", start_mark,
            f"expected chomping or indentation indicators, but found {self.peek()!r}",
            self.get_mark(),
        )
    return chomping, increment


def _scan_block_scalar_ignored_line(self: Any, start_mark: Any) -> Any:
    while self.peek() in " \t":
        self.forward()
    return Scanner.scan_block_scalar_ignored_line(self, start_mark)


def _scan_block_scalar_indentation(self: Any) -> Any:
    result = Scanner.scan_block_scalar_indentation(self)
    if self.peek() == "\t":
        raise ScannerError(
            "while scanning a block scalar", None,
            "found a tab character where an indentation space is expected", self.get_mark(),
        )
    return result


def _scan_directive(self: Any) -> Any:
    # libyaml refuses directives it does not know and YAML versions other than
    # 1.1 and 1.2, where PyYAML skips the first and accepts any 1.x.
    start_mark = self.get_mark()
    length = 1
    while (char := self.peek(length)).isascii() and (char.isalnum() or char in "-_"):
        length += 1
    name = self.prefix(length)[1:]
    if name and name not in ("YAML", "TAG"):
        self.forward(length)
        raise ScannerError(
            "while scanning a directive", start_mark, "found unknown directive name",
            self.get_mark(),
        )
    token = Scanner.scan_directive(self)
    if name == "YAML" and tuple(token.value) not in ((1, 1), (1, 2)):
        raise ScannerError(None, None, "found incompatible YAML document", start_mark)
    return token


class _FallbackParser(Reader, Scanner, Parser):
    """Events from pure Python: reader, scanner (with libyaml's tab rules), parser."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)

    scan_to_next_token = _scan_to_next_token
    scan_plain_spaces = _scan_plain_spaces
    scan_block_scalar_indicators = _scan_block_scalar_indicators
    scan_block_scalar_ignored_line = _scan_block_scalar_ignored_line
    scan_block_scalar_indentation = _scan_block_scalar_indentation
    scan_directive = _scan_directive


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
            self.problem(event, f"tags ({written}) are not allowed in a briefing; remove it")
        if event.anchor is not None:
            self.problem(
                event,
                f"anchors (&{event.anchor}) are not allowed in a briefing; "
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
    try:
        return _build(loader, builder), builder.problems
    except yaml.YAMLError as error:
        return None, [*builder.problems, _error_problem(file, text, error, c_parser)]
    except _StopReading:
        return None, builder.problems
    finally:
        loader.dispose()


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
                f"aliases (*{event.anchor}) are not allowed in a briefing; "
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
                        node, f"duplicate key `{node.value}`: it appears above too"
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
