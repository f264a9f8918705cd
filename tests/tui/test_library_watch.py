"""The library screen looks at its folder while it is open: a briefing's article
coming and going is shown, and so is an index another process brought up to date."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing.library.sqlite_index import open_library
from briefing.tui import library_screen
from briefing.tui.library_app import LibraryApp
from briefing.tui.library_screen import LibraryScreen
from tests.cli_run import ARTICLE, SAMPLE

from .conftest import wait_for

PLAIN = "briefing: 1\ntitle: Ferries across the Caspian\ndate: 2024-01-01\nsummary: Ferries.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample without its article, and a plain briefing; indexed; the folder is
    looked at every 50 ms."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(library_screen, "POLL_SECONDS", 0.05)
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / "plain.yaml").write_text(PLAIN, encoding="utf-8")
    index = open_library(str(folder))
    index.scan(workers=1)
    index.close()
    return folder


def rows(app: LibraryApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def sample_row(app: LibraryApp) -> str:
    (row,) = [row for row in rows(app) if "Ferries across the Caspian" not in row]
    return row


async def test_an_article_copied_in_and_removed_is_shown(folder: Path) -> None:
    app = LibraryApp(open_library(str(folder)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        assert "does not exist" in sample_row(app)
        (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
        await wait_for(lambda: "✗" not in sample_row(app), pilot)
        (folder / ARTICLE.name).unlink()
        await wait_for(lambda: "does not exist" in sample_row(app), pilot)


async def test_an_index_updated_by_another_process_is_shown(folder: Path) -> None:
    app = LibraryApp(open_library(str(folder)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_for(lambda: screen._version is not None, pilot)  # looked once
        await wait_for(lambda: not screen._watching, pilot)
        screen._next_look = float("inf")  # the screen does not look meanwhile
        (folder / "new.yaml").write_text(PLAIN.replace("Ferries across", "Trains around"),
                                         encoding="utf-8")
        other = open_library(str(folder))  # another process's scan finds the change
        assert other.scan(workers=1).added == 1
        other.close()
        screen._next_look = 0.0  # its own scan now finds nothing to do
        await wait_for(lambda: "Trains around the Caspian" in rows(app), pilot)
