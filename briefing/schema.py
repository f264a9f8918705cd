"""JSON Schema of the briefing format, generated from the model's field tables.

Editors with the YAML language server validate and complete briefings with
it. The schema accepts what the loader accepts: since types come from the
format rather than from YAML's guessing, a Text may be written as a bare
number or ``yes``, which the editor sees as a number or boolean.
"""

from __future__ import annotations

import json
from typing import Any

from .limits import MAX_LIST_ITEMS
from .model import BRIEFING, FORMAT_VERSION, FieldSpec, Kind, RecordSpec

_LANGUAGE_PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_LITERAL_SCALAR = {"type": ["string", "number", "boolean"]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _definitions() -> dict[str, Any]:
    return {
        "text": {
            "description": "Text: a string in the briefing's language, or a map of "
                           "language tag to string.",
            "anyOf": [
                _LITERAL_SCALAR,
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": _LANGUAGE_PATTERN},
                    "additionalProperties": _LITERAL_SCALAR,
                },
            ],
        },
        "date": {
            "description": "YYYY, YYYY-MM or YYYY-MM-DD",
            "anyOf": [
                {"type": "string", "pattern": _DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
        },
    }


def _field_schema(field: FieldSpec, definitions: dict[str, Any]) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind is Kind.TEXT:
        schema = _ref("text")
    elif kind in (Kind.STRING, Kind.PATH):
        schema = dict(_LITERAL_SCALAR)
    elif kind is Kind.VERSION:
        schema = {"const": FORMAT_VERSION}
    elif kind is Kind.NUMBER:
        schema = {"type": "number"}
    elif kind is Kind.DATE:
        schema = _ref("date")
    elif kind is Kind.LANGUAGE:
        schema = {"type": "string", "pattern": _LANGUAGE_PATTERN}
    elif kind is Kind.SLUG:
        schema = {"type": "string", "pattern": "^[a-z0-9]+([-_][a-z0-9]+)*$"}
    elif kind is Kind.CHOICE:
        schema = {"enum": list(field.choices)}
    elif kind is Kind.TEXT_LIST:
        schema = {"type": "array", "items": _ref("text"), "maxItems": MAX_LIST_ITEMS}
    elif kind is Kind.STRING_LIST:
        schema = {"type": "array", "items": _LITERAL_SCALAR, "maxItems": MAX_LIST_ITEMS}
    else:
        assert field.record is not None
        name = field.record.name.replace(" ", "_")
        definitions[name] = _record_schema(field.record, definitions)
        schema = _ref(name)
        if kind is Kind.RECORD_LIST:
            schema = {"type": "array", "items": schema, "maxItems": MAX_LIST_ITEMS}
    return {"description": field.description, **schema}


def _record_schema(record: RecordSpec, definitions: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": record.description,
        "properties": {f.name: _field_schema(f, definitions) for f in record.fields},
        "patternProperties": {"^x-": {"description": "extension: kept, shown nowhere"}},
        "additionalProperties": False,
    }
    required = [f.name for f in record.fields if f.required]
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a briefing file."""
    definitions = _definitions()
    top = _record_schema(BRIEFING, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Briefing",
        **top,
        "$defs": definitions,
    }


def schema_text() -> str:
    """The schema as the JSON text that ships in ``schema/briefing.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
