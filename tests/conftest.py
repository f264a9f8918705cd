"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

WriteBriefing = Callable[..., Path]


@pytest.fixture
def write_briefing(tmp_path: Path) -> WriteBriefing:
    """Write a briefing file into a fresh folder and return its path.

    ``write_briefing(text)`` writes ``text`` as UTF-8 (bytes are written as
    they are) to ``briefing.yaml``; ``name=`` chooses another file name, so
    a test can also place an article beside it.
    """

    def write(text: str | bytes, name: str = "briefing.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return write
