"""Read one value by its field's kind: text, number, date, version, slug, choice,
language tag, the path of a source text.

:class:`ValueReader` holds what every reader needs (the file, its folder, the
language of its texts, the problems found so far); :class:`~briefing.record_reader.RecordReader`
builds on it with the walk through records and the links between them.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from . import model
from .errors import Problem
from .limits import MAX_NUMBER_DIGITS, MAX_PROBLEMS, MAX_TEXT_LENGTH
from .model import FORMAT_VERSION, FieldSpec, Kind, Position, Text
from .paths import NO_SUCH_FILE, regular_file_problem
from .record_messages import date_problem, describe, empty, shown, suggest
from .yaml_tree import Node, Reported, Scalar, Sequence, written_null

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

EXTENSION_PREFIX = "x-"
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")
_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9][0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")
_NOT_FINITE = re.compile(r"[-+]?\.(?:nan|NaN|NAN|inf|Inf|INF)\Z")


class TooManyProblems(Exception):
    """More than ``MAX_PROBLEMS`` problems were found: checking stops."""


class ValueReader:
    """Converts scalar values and texts by their kind, collecting problems."""

    def __init__(self, file: str, base_dir: Path | None) -> None:
        self.file = file
        self.base_dir = base_dir
        self.problems: list[Problem] = []
        self.language = model.DEFAULT_LANGUAGE

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, message, node.line, node.column))
        if len(self.problems) > MAX_PROBLEMS:
            raise TooManyProblems

    # -- values by kind -----------------------------------------------------

    def scalar(self, node: Scalar, field: FieldSpec) -> Any:
        kind = field.kind
        if kind is Kind.STRING:
            return self.string(node, field.name)
        if kind is Kind.VERSION:
            return self.version(node)
        if kind is Kind.NUMBER:
            return self.number(node, field.name)
        if kind is Kind.DATE:
            date = model.PartialDate.parse(node.value)
            if date is None:
                self.problem(node, date_problem(field.name, node.value))
            return date
        if kind is Kind.LANGUAGE:
            if not LANGUAGE_TAG.match(node.value):
                self.problem(node, f"`{field.name}` must be a language tag such as `ru` or "
                             f"`en`, not {node.value!r}")
                return None
            return node.value
        if kind is Kind.SLUG:
            if not SLUG.match(node.value):
                self.problem(node, f"`{field.name}` must be a short id of lowercase letters, "
                             f"digits and hyphens (e.g. `isetov`), not {node.value!r}")
                return None
            return node.value
        if kind is Kind.CHOICE:
            assert field.choice_type is not None
            if node.value not in field.choices:
                options = ", ".join(field.choices)
                self.problem(node, f"`{field.name}` must be one of {options}, not "
                             f"{node.value!r}{suggest(node.value, list(field.choices))}")
                return None
            return field.choice_type(node.value)
        assert kind is Kind.PATH
        return self.article_path(node)

    def string(self, node: Scalar, name: str) -> str | None:
        if len(node.value) > MAX_TEXT_LENGTH:
            self.problem(node, f"`{name}` is {len(node.value):,} characters long; a text may "
                         f"be at most {MAX_TEXT_LENGTH:,}")
            return None
        return node.value

    def text(
        self, node: Node, name: str, positions: dict[str, Position], path: str
    ) -> Text | None:
        """A Text; where each language is written goes in ``positions`` under ``path.LANG``."""
        if isinstance(node, Scalar):
            plain = self.string(node, name)
            if plain is None:
                return None
            positions[f"{path}.{self.language}"] = Position(node.line, node.column)
            return Text({self.language: plain}, self.language)
        if isinstance(node, Sequence):
            self.problem(node, f"`{name}` must be text, or a map of language to text "
                         "(`en: ...`), not a list")
            return None
        values: dict[str, str] = {}
        for key, value in node.items:
            if key.value.startswith(EXTENSION_PREFIX) or isinstance(value, Reported):
                continue
            if not LANGUAGE_TAG.match(key.value):
                self.problem(key, f"{shown(key.value, '`')} is not a language tag; in "
                             f"`{name}`, each key is a language such as `ru` or `en` (if "
                             "this is text containing `: `, put it all in quotes)")
            elif not isinstance(value, Scalar):
                self.problem(value, f"`{name}.{key.value}` must be text, not "
                             f"{describe(value)}")
            elif (written := written_null(value)) is not None:  # a language is not left out
                self.problem(value, empty(f"`{name}.{key.value}`", "give it a value or remove "
                                          "the key", written, Kind.TEXT))
            elif (string := self.string(value, f"{name}.{key.value}")) is not None:
                values[key.value] = string
                positions[f"{path}.{key.value}"] = Position(value.line, value.column)
        if not node.items:
            self.problem(node, f"`{name}` is an empty map; give the text in at least one "
                         "language")
        return Text(values, self.language) if values else None

    def version(self, node: Scalar) -> int | None:
        """The format version: a plain whole number from 1 (newer ones stop reading earlier)."""
        version = whole_number(node)
        digits = node.value.isascii() and node.value.isdigit()
        if version is None and digits and not node.plain:
            self.problem(node, "the format version must be a number; remove the quotes around it")
        elif version is None and digits:
            self.problem(node, "the format version is far too large a number")
        elif version is None:
            self.problem(node, f"the format version must be a whole number such as "
                         f"`{FORMAT_VERSION}`, not {shown(node.value)}")
        elif version < 1:
            self.problem(node, f"the format version must be {FORMAT_VERSION}, not {version}")
            return None
        return version

    def number(self, node: Scalar, name: str) -> Decimal | None:
        """A figure's value, as the decimal number written: no digit is invented by
        a binary float (``0.1``, ``12345678901234567890`` and ``1e21`` stay exact)."""
        written = node.value.strip()
        if not node.plain:
            self.problem(node, f"`{name}` must be a number; remove the quotes around it")
            return None
        if _NOT_FINITE.match(written):
            self.problem(node, f"`{name}` must be a finite number, not {written}")
            return None
        if not written.isascii() and any(c.isdigit() for c in written):
            # `٣٥` or `３５`: Python's int() would read them; the format does not.
            self.problem(node, f"`{name}` must be written with the digits 0-9, not "
                         f"{shown(written)}")
            return None
        if not _NUMBER.match(written) or not any(c.isdigit() for c in written):
            self.problem(node, f"`{name}` must be a number (e.g. 35000000000 or 2.5), "
                         f"not {written!r}")
            return None
        digits = written.replace("_", "")
        if sum(c.isdigit() for c in digits.split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
            self.problem(node, f"`{name}` has more than {MAX_NUMBER_DIGITS} digits; "
                         "write it with an exponent (e.g. 3.5e10) or a larger unit")
            return None
        # What a double can hold bounds the exponent, so that no value needs
        # hundreds of digits to write out, nor is too small for any view to draw.
        approximate = float(digits)
        if not math.isfinite(approximate):
            self.problem(node, f"`{name}` is too large a number")
            return None
        if approximate == 0 and any(c in "123456789" for c in digits.split("e")[0]
                                    .split("E")[0]):
            self.problem(node, f"`{name}` is too small a number; use a smaller unit")
            return None
        from decimal import Decimal  # here: a briefing without figures never needs it

        return Decimal(digits)

    def article_path(self, node: Scalar) -> str | None:
        """``source.text``: relative, inside the briefing's folder, and present."""
        written = node.value
        if not written or PurePosixPath(written).is_absolute() or \
                PureWindowsPath(written).is_absolute() or ".." in PurePosixPath(written).parts:
            self.problem(node, "`text` must be a path relative to this file, inside its "
                         f"folder, not {written!r}")
            return None
        if self.base_dir is None:
            return written
        target = self.base_dir / written
        why = regular_file_problem(target)  # a folder, a FIFO, a loop of links...
        if why == NO_SUCH_FILE:
            self.problem(node, f"the source text {shown(written)} does not exist beside "
                         "this file")
        elif not _inside(target, self.base_dir):
            self.problem(node, "`text` must be a path relative to this file, inside its "
                         f"folder, but {shown(written)} leads outside it")
        elif why is not None:
            self.problem(node, f"the source text {shown(written)} {why}")
        else:
            return written
        return None


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, its symbolic links followed, is inside ``folder``.
    (``os.path.realpath``, which never raises, where ``Path.resolve`` raises for a
    loop of links.)"""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except ValueError:  # a NUL in the name
        return True


def whole_number(node: Scalar) -> int | None:
    """A plain, unsigned whole number of at most ``MAX_NUMBER_DIGITS`` digits, else None."""
    written = node.value
    if not node.plain or not written.isascii() or not written.isdigit():
        return None
    return int(written) if len(written) <= MAX_NUMBER_DIGITS else None
