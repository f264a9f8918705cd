"""The pure-Python fallback parser: PyYAML's reader, scanner and parser, the
scanner given libyaml's rules for tabs, plain scalars, block scalar headers
and directives, so that a file reads the same whether or not libyaml is
installed.
"""

from __future__ import annotations

from . import yaml_import  # noqa: F401  # before PyYAML: it imports PyYAML

# isort: split
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner, ScannerError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

_BREAKS = "\r\n\x85\u2028\u2029"
_BREAKZ = "\0" + _BREAKS


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
