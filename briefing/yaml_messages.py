"""Author-friendly messages for PyYAML's and libyaml's errors: the table
mapping a parser's wording to what an author should do, and the functions that
turn a ``yaml.YAMLError`` (syntax errors and characters YAML does not allow)
into a positioned ``Problem``.
"""

from __future__ import annotations

from . import yaml_import  # noqa: F401  # before PyYAML: it imports PyYAML

# isort: split
import re

import yaml

from .errors import Problem
from .limits import MAX_DEPTH
from .safe_text import escaped

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from .yaml_tree import LineFeeds

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
_LIST_ITEM = "this list item is not indented like the ones above it"
_KEY_IN_LIST_ITEM = (
    "this key is not indented like the keys above it; in a list item, keys line up with "
    "the first key after `- `"
)
_NO_COLON = (
    "expected `key: value` here; check the indentation, and that the key is followed by `: `"
)
# A key run into its value (`url:https://...`): YAML reads a colon as the end of
# a key only when a space or the end of the line follows it. A word, so that a
# time (10:30) or a bare address (https://...) is not taken for one.
_KEY_WITHOUT_SPACE = re.compile(r"([^\W\d][\w-]*):([^\s/].*)")
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
    ("could not find expected ':'", "", _NO_COLON),
    ("did not find expected key", "", _INDENTATION),
    ("did not find expected '-' indicator", "", _LIST_ITEM),
    ("expected <block end>", "block collection", _LIST_ITEM),
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
            if message == _LIST_ITEM and char and char != "-":
                # The parser expected the list's next `- `, but a key of the item
                # above is what is out of line.
                return _KEY_IN_LIST_ITEM
            return message
    return (
        "this is not valid YAML; check the quotes, brackets and indentation on this line "
        "and the one above"
    )


def key_without_space(written: str) -> str | None:
    """For text such as ``url:https://x`` (a key run into its value), a message
    saying how to write it as a key; ``None`` for other text."""
    written = re.split(r"\s#", written)[0].strip()  # a comment is not part of it
    found = _KEY_WITHOUT_SPACE.fullmatch(written)
    if found is None:
        return None
    return (
        f"{_short(written)} has no space after the colon, so YAML does not read it as a "
        f"key; write {_short(f'{found.group(1)}: {found.group(2)}')}"
    )


def _short(text: str) -> str:
    """``text`` in backquotes, shortened when long, its controls escaped."""
    return f"`{escaped(text[:37])}...`" if len(text) > 40 else f"`{escaped(text)}`"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _line_start(text: str, line: int) -> int:
    """The index where a 0-based line starts; -1 past the end of the text."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return -1
    return start


def _char_at(text: str, line: int, column: int) -> tuple[str, str]:
    """The character at a 0-based line and column ('' past the end), and the
    text before it on its line."""
    start = _line_start(text, line)
    if start == -1:
        return "", ""
    index = start + column
    char = text[index] if index < len(text) and text[index] != "\n" else ""
    return char, text[start:index]


def _rest_of_line(text: str, line: int, column: int) -> str:
    """The text from a 0-based line and column to the end of its line."""
    start = _line_start(text, line)
    if start == -1:
        return ""
    end = text.find("\n", start)
    return text[start + column : end if end != -1 else len(text)]


def _placed(mark: yaml.Mark, feeds: LineFeeds | None) -> tuple[int, int]:
    """The file's line and column (from 1) of a parser's ``mark``."""
    line, column = mark.line + 1, mark.column + 1
    return (line, column) if feeds is None else feeds.place(line, column)


def _character_problem(file: str, text: str, index: int, code: int) -> Problem:
    line, column = _position(text, index)
    return Problem(
        file,
        f"character U+{code:04X} is not allowed in YAML text; "
        "write it as an escape inside a double-quoted value",
        line,
        column,
    )


def _error_problem(
    file: str, text: str, error: yaml.YAMLError, c_parser: bool, feeds: LineFeeds | None = None
) -> Problem:
    """The problem for a parser's ``error`` in ``text``; ``feeds`` places its position
    when the parser's lines are not the file's."""
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
        if "could not find expected ':'" in problem and error.context_mark is not None:
            # The parser finds a `: ` missing only where the next key starts, maybe
            # lines later; the text that lacks it starts at the context mark.
            line, column = _placed(error.context_mark, feeds)
            written = _rest_of_line(text, line - 1, column - 1)
            message = key_without_space(written) or _NO_COLON
            return Problem(file, message, line, column)
        line, column = _placed(mark, feeds)
        char, before = _char_at(text, line - 1, column - 1)
        message = _syntax_message(problem, context, char, before)
        return Problem(file, message, line, column)
    return Problem(file, _syntax_message(str(error), ""))
