"""Where the library indexes are kept: the user's cache folder as platformdirs names
it (found without importing it in the usual cases), and each library's database
named by the SHA-256 of its real path, as it always was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs
import pytest

from briefing.library import database_file
from briefing.library.database_file import cache_folder, database_path


@pytest.mark.parametrize(("xdg", "home"), [
    (None, "/home/analyst"), ("/var/tmp/xdg-cache", "/home/analyst"), ("", "/home/analyst/"),
    ("relative/cache", "/home/analyst"), (None, "/"),
])
def test_the_cache_folder_is_platformdirs_one(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str,
) -> None:
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_folder() == Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def test_briefing_cache_overrides_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path))
    assert cache_folder() == tmp_path


def test_a_database_is_named_after_its_folder_and_the_hash_of_its_real_path(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Мой архив"
    folder.mkdir()
    digest = hashlib.sha256(os.fsencode(os.path.realpath(folder))).hexdigest()[:16]
    assert database_path(str(folder), tmp_path) == (
        tmp_path / "libraries" / f"_-{digest}.sqlite3")
    assert database_file._sha256(b"briefing") == hashlib.sha256(b"briefing").hexdigest()
