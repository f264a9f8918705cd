"""The node classes of a briefing's YAML tree: scalars exactly as written,
mappings and sequences, each with its line and column, and ``to_python`` for
the plain value of a node. They are built by ``yaml_tree.read_tree`` and
checked by the loader.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any



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

NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
"""What YAML reads as "no value" when written unquoted (its core schema): nothing
at all, ``~`` and three spellings of ``null``. Quoted, each is text."""


def written_null(node: Node) -> str | None:
    """How a value that means "no value" is written (``""`` for nothing at all),
    or ``None`` when ``node`` has a value.

    A refused value (``Reported``) is not "no value": it was reported already.
    """
    if type(node) is Scalar and node.plain and node.value in NULL_WORDS:
        return node.value
    return None


def to_python(node: Node) -> Any:
    """The plain Python value of a node: str, list or dict (for ``x-`` extensions)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    return {key.value: to_python(value) for key, value in node.items}
