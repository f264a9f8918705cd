"""Check a YAML node tree against the record declarations and build the model.

:class:`RecordReader` walks the tree by the :class:`~briefing.model.RecordSpec`
of each mapping, converting every value by its field's :class:`~briefing.model.Kind`,
noting where each value is written (so every view can point back into the
file), and collecting every problem with its line and column; then it links each
reference to the entry it names. The readers of single values (text, number,
date, slug, choice, path...) are in :mod:`briefing.value_readers`.
"""

from __future__ import annotations

from . import model
from .errors import Problem
from .limits import MAX_PROBLEMS
from .model import BRIEFING, FORMAT_VERSION, FieldSpec, Kind, Position, RecordSpec
from .record_messages import (
    KIND_NAMES,
    a,
    closest,
    describe,
    empty,
    mapping_hint,
    missing,
    shown,
    suggest,
)
from .value_readers import (
    EXTENSION_PREFIX,
    LANGUAGE_TAG,
    SLUG,
    TooManyProblems,
    ValueReader,
    whole_number,
)
from .yaml_tree import Mapping, Node, Reported, Scalar, Sequence, to_python, written_null

__all__ = ["EXTENSION_PREFIX", "RecordReader", "TooManyProblems"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

_SUGGEST_MAX_WORK = 2_000_000
"""Most character pairs compared for all the "did you mean"s of unknown references:
their choices are the file's own names, and comparing costs length times length."""


class RecordReader(ValueReader):
    """Checks a node tree against the record specs, collecting problems."""

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
        version = whole_number(version_node) if isinstance(version_node, Scalar) else None
        if version_node is not None and version is not None and version > FORMAT_VERSION:
            # Its other keys may be new too: reading them would only add noise.
            self.problem(version_node, f"made for a newer version of the briefing format "
                         f"(version {version}); this program reads version {FORMAT_VERSION}, "
                         "so update the program to open it")
            return None
        language_node = keys.get("language")
        if isinstance(language_node, Scalar) and LANGUAGE_TAG.match(language_node.value):
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
                key.value == "name" or (key.value == "id" and SLUG.match(value.value))
            ):
                keys.add(value.value)
            elif key.value == "name" and isinstance(value, Mapping):
                keys.update(v.value for _, v in value.items if isinstance(v, Scalar))
    return keys


