"""A briefing as data: ``briefing export --to json``.

The JSON has the keys of the format (it matches the JSON Schema), every language
of every text, and the ``x-`` extensions; JSON is YAML, so the export is itself a
briefing that ``briefing validate`` passes and that loads to an equal model. It is
read from the outline, each field by its declaration in :mod:`briefing.model`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..model import BRIEFING, FieldSpec, Kind, RecordSpec, Text
from ..outline import ITEM, Entry, Field, Outline, Section, list_items


def briefing_data(outline: Outline) -> dict[str, Any]:
    """The briefing of ``outline`` as JSON-ready data (numbers as the model has them)."""
    top = outline.entry(Section.SUMMARY)
    assert top is not None
    data: dict[str, Any] = {}
    for spec in BRIEFING.fields:
        if spec.kind is Kind.RECORD:
            entry = outline.entry(Section(spec.name))
            if entry is not None:
                assert spec.record is not None
                data[spec.name] = _record(entry, spec.record)
        elif spec.kind is Kind.RECORD_LIST:
            assert spec.record is not None
            record = spec.record
            entries = outline.entries(Section(spec.name))
            if entries:
                data[spec.name] = [_record(entry, record) for entry in entries]
        elif spec.kind in (Kind.TEXT_LIST, Kind.STRING_LIST):
            entries = outline.entries(Section(spec.name))
            if entries:
                data[spec.name] = [_value(entry.fields[ITEM], spec) for entry in entries]
        else:
            field = top.field(spec.name)
            if field is not None:
                data[spec.name] = _value(field, spec)
    data.update(top.record.extensions)
    return data


def _record(entry: Entry, spec: RecordSpec) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field_spec in spec.fields:
        if field_spec.kind in (Kind.TEXT_LIST, Kind.STRING_LIST):
            items = list_items(entry, field_spec.name)
            if items:
                data[field_spec.name] = [_value(item, field_spec) for item in items]
            continue
        field = entry.field(field_spec.name)
        if field is not None:
            data[field_spec.name] = _value(field, field_spec)
    data.update(entry.record.extensions)
    return data


def _value(field: Field, spec: FieldSpec) -> Any:
    """The field's value as the format writes it."""
    value = field.value
    if isinstance(value, Text):
        values = dict(value.values)
        # One language, the briefing's own: a plain string, as an author writes it.
        return values[value.original] if list(values) == [value.original] else values
    if spec.kind in (Kind.NUMBER, Kind.VERSION):
        return value
    return str(value)


def to_json(outline: Outline) -> str:
    """The briefing as a JSON document (two-space indent, UTF-8 text, numbers exact)."""
    return "".join(_encode(briefing_data(outline), 0)) + "\n"


def _encode(value: Any, depth: int) -> Iterator[str]:
    """JSON text for ``value``; unlike :func:`json.dumps`, a number keeps the digits the
    model holds (a decimal as written), and strings stay readable UTF-8."""
    indent = "\n" + "  " * (depth + 1)
    if isinstance(value, Mapping):
        if not value:
            yield "{}"
            return
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + indent + json.dumps(str(key), ensure_ascii=False)
            yield ": "
            yield from _encode(item, depth + 1)
        yield "\n" + "  " * depth + "}"
    elif isinstance(value, (list, tuple)):
        if not value:
            yield "[]"
            return
        yield "["
        for number, item in enumerate(value):
            yield ("," if number else "") + indent
            yield from _encode(item, depth + 1)
        yield "\n" + "  " * depth + "]"
    elif isinstance(value, str):
        yield json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool) or value is None:
        yield json.dumps(value)
    elif isinstance(value, int):
        yield str(value)
    elif isinstance(value, float):
        yield repr(value)
    else:  # a Decimal: its digits as written
        yield str(value)
