"""Files that ship with the program: the sample briefing and the JSON Schema.

In a wheel they live in ``briefing/_data``; in a source checkout (editable
install, tests) they are read from the project's ``data/`` and ``schema/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent
SAMPLE_NAME = "kazinform-eurasian-connectivity.yaml"
SCHEMA_NAME = "briefing.schema.json"


def _shipped(name: str, checkout_folder: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_file() else _CHECKOUT / checkout_folder / name


def sample_path() -> Path:
    """The bundled sample briefing."""
    return _shipped(SAMPLE_NAME, "data")


def schema_path() -> Path:
    """The shipped JSON Schema file."""
    return _shipped(SCHEMA_NAME, "schema")
