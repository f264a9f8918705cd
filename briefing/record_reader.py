"""Check a YAML node tree against the record declarations and build the model.

:class:`RecordReader` walks the tree by the :class:`~briefing.model.RecordSpec`
of each mapping, converting every value by its field's :class:`~briefing.model.Kind`,
noting where each value is written (so every view can point back into the
file), and collecting every problem with its line and column.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from . import model
from .errors import Problem
from .limits import MAX_NUMBER_DIGITS, MAX_PROBLEMS, MAX_TEXT_LENGTH
from .model import BRIEFING, FORMAT_VERSION, FieldSpec, Kind, Position, RecordSpec, Text
from .paths import NO_SUCH_FILE, regular_file_problem
from .record_messages import (
    KIND_NAMES,
    a,
    closest,
    date_problem,
    describe,
    empty,
    mapping_hint,
    missing,
    shown,
    suggest,
)
from .yaml_tree import Mapping, Node, Reported, Scalar, Sequence, to_python, written_null

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

EXTENSION_PREFIX = "x-"
_SUGGEST_MAX_WORK = 2_000_000
"""Most character pairs compared for all the "did you mean"s of unknown references:
their choices are the file's own names, and comparing costs length times length."""
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")
_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9][0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")
_NOT_FINITE = re.compile(r"[-+]?\.(?:nan|NaN|NAN|inf|Inf|INF)\Z")
class TooManyProblems(Exception):
    """More than ``MAX_PROBLEMS`` problems were found: checking stops."""


class RecordReader:
    """Checks a node tree against the record specs, collecting problems."""

    def __init__(self, file: str, base_dir: Path | None) -> None:
        self.file = file
        self.base_dir = base_dir
        self.problems: list[Problem] = []
        self.language = model.DEFAULT_LANGUAGE

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, message, node.line, node.column))
        if len(self.problems) > MAX_PROBLEMS:
            raise TooManyProblems

    # -- the document -------------------------------------------------------

    def read_briefing(self, root: Node) -> model.Briefing | None:
        """The briefing in ``root``; ``None`` if it has problems (then in ``problems``)."""
        if not isinstance(root, Mapping):
            self.problem(root, "a briefing must be a mapping of keys (`briefing: 1`, "
                         "`title: ...`), not " + describe(root))
            return None
        keys = {key.value: value for key, value in root.items}
        version_field = next(f for f in BRIEFING.fields if f.kind is Kind.VERSION)
        version_node = keys.get(version_field.name)
        version = _whole_number(version_node) if isinstance(version_node, Scalar) else None
        if version_node is not None and version is not None and version > FORMAT_VERSION:
            # Its other keys may be new too: reading them would only add noise.
            self.problem(version_node, f"made for a newer version of the briefing format "
                         f"(version {version}); this program reads version {FORMAT_VERSION}, "
                         "so update the program to open it")
            return None
        language_node = keys.get("language")
        if isinstance(language_node, Scalar) and _LANGUAGE_TAG.match(language_node.value):
            self.language = language_node.value
        # Cross-references are checked even when a required key is missing, so
        # that every problem is reported at once.
        values, complete = self.record_values(root, BRIEFING)
        values.setdefault("language", self.language)
        self.resolve_references(values, keys)
        return model.Briefing(**values) if complete else None

    def record(self, node: Mapping, spec: RecordSpec) -> Any:
        """The record read from a mapping; ``None`` if a required field is missing."""
        values, complete = self.record_values(node, spec)
        return spec.model(**values) if complete else None

    def record_values(self, node: Mapping, spec: RecordSpec) -> tuple[dict[str, Any], bool]:
        """The values read from a mapping, and whether every required one is there."""
        values: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        positions: dict[str, Position] = {"": Position(node.line, node.column)}
        fields = spec.by_name()
        complete = True
        suggested: set[str] = set()  # fields an unknown key was taken for
        for key, value in node.items:
            field = fields.get(key.value)
            if field is None:
                if key.value.startswith(EXTENSION_PREFIX):
                    extensions[key.value] = to_python(value)
                else:
                    guess = closest(key.value, list(fields))
                    hint = f"; did you mean `{guess}`?" if guess is not None else mapping_hint(key)
                    if guess is not None:
                        suggested.add(guess)
                    self.problem(key, f"unknown key {shown(key.value, '`')} in "
                                 f"{a(spec.name)}{hint}")
                continue
            if not field.required and written_null(value) is not None:
                continue  # `key:`, `key: ~`, `key: null`: as if the key were not written
            positions[field.name] = Position(value.line, value.column)
            converted = self.value(value, field, positions)
            if converted is not None:
                values[field.attribute] = converted
        for field in spec.fields:
            if field.required and field.name not in positions:
                if field.name not in suggested:  # else "did you mean" said it already
                    self.problem(node, missing(spec, field))
                complete = False
            elif field.required and field.attribute not in values:
                complete = False
        model_fields = getattr(spec.model, "_fields", ())
        if extensions and "extensions" in model_fields:
            values["extensions"] = extensions
        if "positions" in model_fields:
            values["positions"] = positions
        return values, complete

    # -- values -------------------------------------------------------------

    def value(self, node: Node, field: FieldSpec, positions: dict[str, Position]) -> Any:
        """Convert one value by its field's kind; ``None`` after reporting a problem."""
        if isinstance(node, Reported):
            return None
        if (written := written_null(node)) is not None:  # only when required, see above
            self.problem(node, empty(f"`{field.name}`", "give it a value", written, field.kind))
            return None
        kind = field.kind
        if kind is Kind.TEXT:
            return self.text(node, field.name, positions, field.name)
        if kind in (Kind.TEXT_LIST, Kind.STRING_LIST, Kind.RECORD_LIST):
            if not isinstance(node, Sequence):
                return self.wrong_type(node, field, "a list (items starting with `- `)")
            items = []
            for number, item in enumerate(node.items):
                path = f"{field.name}.{number}"
                positions[path] = Position(item.line, item.column)
                converted = self.list_item(item, field, positions, path)
                if converted is not None:
                    items.append(converted)
            return tuple(items)
        if kind is Kind.RECORD:
            if not isinstance(node, Mapping):
                return self.wrong_type(node, field, "a mapping of keys")
            assert field.record is not None
            return self.record(node, field.record)
        if not isinstance(node, Scalar):
            return self.wrong_type(node, field, KIND_NAMES[kind])
        return self.scalar(node, field)

    def list_item(
        self, node: Node, field: FieldSpec, positions: dict[str, Position], path: str
    ) -> Any:
        if isinstance(node, Reported):
            return None
        if (written := written_null(node)) is not None:
            self.problem(node, empty(f"an item of `{field.name}`", "give it a value or remove it",
                                     written, field.kind))
            return None
        if field.kind is Kind.TEXT_LIST:
            return self.text(node, field.name, positions, path)
        if field.kind is Kind.STRING_LIST:
            if not isinstance(node, Scalar):
                return self.wrong_type(node, field, "text", item=True)
            return self.string(node, field.name)
        assert field.record is not None
        if not isinstance(node, Mapping):
            return self.wrong_type(node, field, f"{a(field.record.name)} (a mapping of keys)",
                                   item=True)
        return self.record(node, field.record)

    def wrong_type(self, node: Node, field: FieldSpec, expected: str, item: bool = False) -> None:
        where = f"each item of `{field.name}`" if item else f"`{field.name}`"
        hint = mapping_hint(node) if field.kind in (Kind.RECORD, Kind.RECORD_LIST) else ""
        self.problem(node, f"{where} must be {expected}, not {describe(node)}{hint}")

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
            if not _LANGUAGE_TAG.match(node.value):
                self.problem(node, f"`{field.name}` must be a language tag such as `ru` or "
                             f"`en`, not {node.value!r}")
                return None
            return node.value
        if kind is Kind.SLUG:
            if not _SLUG.match(node.value):
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
            if not _LANGUAGE_TAG.match(key.value):
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
        version = _whole_number(node)
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

    # -- cross-references ---------------------------------------------------

    def resolve_references(self, values: dict[str, Any], keys: dict[str, Node]) -> None:
        """Check that ids are unique in each list, and link each reference (a
        statement's ``by``) to the index of the entry it names by ``id`` or name.

        Every id and name written in the list named counts, including those of
        entries with problems of their own, which are not reported a second time.
        """
        lists = [field for field in BRIEFING.fields if field.kind is Kind.RECORD_LIST]
        for field in lists:
            assert field.record is not None
            if field.record.field("id") is not None:
                self.check_unique_ids(keys.get(field.name), field.record.name)
        for field in lists:
            assert field.record is not None
            for reference in field.record.fields:
                if reference.refers_to is not None and values.get(field.name):
                    values[field.name] = self.link(
                        values[field.name], reference, values.get(reference.refers_to, ()),
                        keys.get(reference.refers_to))

    def link(
        self, records: tuple[Any, ...], reference: FieldSpec, targets: tuple[Any, ...],
        targets_node: Node | None,
    ) -> tuple[Any, ...]:
        """``records`` with each one's ``reference`` linked to the index of its target."""
        assert reference.refers_to is not None and reference.link is not None
        target_name = next(f.record.name for f in BRIEFING.fields
                           if f.name == reference.refers_to and f.record is not None)
        written = _names_and_ids(targets_node)
        by_key: dict[str, int] = {}
        for number, target in enumerate(targets):
            for name in target.name.values.values():
                by_key.setdefault(name, number)
        for number, target in enumerate(targets):
            if target.id:
                by_key[target.id] = number
        choices = list(by_key)  # every id and name
        choices_length = sum(len(choice) for choice in choices)
        work_left = _SUGGEST_MAX_WORK
        linked = []
        for record in records:
            named: str = getattr(record, reference.attribute)
            index = by_key.get(named)
            if index is None and named not in written:
                work = len(named) * choices_length
                hint = ""
                if work <= work_left:
                    work_left -= work
                    hint = suggest(named, choices)
                line, column = record.positions[reference.name]
                self.problems.append(Problem(
                    self.file, f"`{reference.name}: {shown(named, '')}` names no {target_name}; "
                    f"use the `id` or name of one listed in `{reference.refers_to}`{hint}",
                    line, column))
                if len(self.problems) > MAX_PROBLEMS:
                    raise TooManyProblems
            linked.append(record._replace(**{reference.link: index}))
        return tuple(linked)

    def check_unique_ids(self, node: Node | None, record: str) -> None:
        if not isinstance(node, Sequence):
            return
        seen: set[str] = set()
        for item in node.items:
            if not isinstance(item, Mapping):
                continue
            for key, value in item.items:
                if key.value == "id" and isinstance(value, Scalar) and \
                        written_null(value) is None:
                    if value.value in seen:
                        self.problem(value, f"id {shown(value.value, '`')} is used by another "
                                     f"{record} above; ids must be unique")
                    seen.add(value.value)


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, its symbolic links followed, is inside ``folder``.
    (``os.path.realpath``, which never raises, where ``Path.resolve`` raises for a
    loop of links.)"""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except ValueError:  # a NUL in the name
        return True


def _names_and_ids(node: Node | None) -> set[str]:
    """Every well-formed id and every name written in a list, including those of
    entries left out for problems of their own.

    A reference naming one of those is not reported again; one naming a
    malformed id still is, since it must change when the id is corrected."""
    keys: set[str] = set()
    if not isinstance(node, Sequence):
        return keys
    for item in node.items:
        if not isinstance(item, Mapping):
            continue
        for key, value in item.items:
            if isinstance(value, Scalar) and written_null(value) is None and (
                key.value == "name" or (key.value == "id" and _SLUG.match(value.value))
            ):
                keys.add(value.value)
            elif key.value == "name" and isinstance(value, Mapping):
                keys.update(v.value for _, v in value.items if isinstance(v, Scalar))
    return keys


def _whole_number(node: Scalar) -> int | None:
    """A plain, unsigned whole number of at most ``MAX_NUMBER_DIGITS`` digits, else None."""
    written = node.value
    if not node.plain or not written.isascii() or not written.isdigit():
        return None
    return int(written) if len(written) <= MAX_NUMBER_DIGITS else None
