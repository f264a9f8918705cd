"""Files that ship with the program: the sample briefing.

In a wheel it lives in ``briefing/_data``; in a source checkout (editable
install, tests) it is read from the project's ``data/``. (The JSON Schema ships
there too, but nothing points at that copy: ``briefing schema`` generates it,
and ``briefing new`` points at a copy beside the user's files, see ``starter``.)
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent
SAMPLE_NAME = "kazinform-eurasian-connectivity.yaml"


def _shipped(name: str, checkout_folder: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_file() else _CHECKOUT / checkout_folder / name


def sample_path() -> Path:
    """The bundled sample briefing."""
    return _shipped(SAMPLE_NAME, "data")
