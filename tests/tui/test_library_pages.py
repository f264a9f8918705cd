"""A large library's list: its first rows shown at once, the rest given to the table a
page at a time as the cursor or the scrolling nears them, every briefing reachable."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing.library.sqlite_index import open_library
from briefing.tui.library_app import LibraryApp
from briefing.tui.library_screen import PAGE, LibraryView

from .conftest import screen_text

COUNT = 2 * PAGE + 30


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``COUNT`` briefings, dated one day apart: ``b000`` the latest."""
    root = tmp_path_factory.mktemp("pages")
    folder = root / "library"
    folder.mkdir()
    for number in range(COUNT):
        day = COUNT - number
        (folder / f"b{number:03d}.yaml").write_text(
            f"briefing: 1\ntitle: Briefing {number:03d}\nsummary: Talks.\n"
            f"date: {2000 + day // 300}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}\n",
            encoding="utf-8")
    index = open_library(str(folder), cache=root / "cache")
    index.scan(workers=1)
    index.close()
    return folder, root / "cache"


def titles(app: LibraryApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_rows_come_a_page_at_a_time_and_all_are_reached(
        library: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = library
    monkeypatch.setenv("BRIEFING_CACHE", str(cache))
    app = LibraryApp(open_library(str(folder)), "en", scan=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert f"{COUNT} briefings in" in screen_text(app)
        shown = titles(app)
        assert PAGE <= len(shown) < COUNT
        assert shown[:3] == ["Briefing 000", "Briefing 001", "Briefing 002"]
        for _ in range(COUNT // PAGE + 1):  # to the last row given, and more come
            await pilot.press("ctrl+end")
            await pilot.pause()
        assert titles(app) == [f"Briefing {number:03d}" for number in range(COUNT)]
        assert table.cursor_row == COUNT - 1


async def test_the_place_kept_is_found_again_past_the_first_page(
        library: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = library
    monkeypatch.setenv("BRIEFING_CACHE", str(cache))
    row = PAGE + 50
    app = LibraryApp(open_library(str(folder)), "en", scan=False)
    app.library.view = LibraryView(row=row)  # as the reader left it
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == row
        assert str(table.get_row_at(row)[0]) == f"Briefing {row:03d}"


async def test_typing_filters_every_briefing_not_only_the_rows_given(
        library: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = library
    monkeypatch.setenv("BRIEFING_CACHE", str(cache))
    app = LibraryApp(open_library(str(folder)), "en", scan=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*f"briefing {COUNT - 1}")
        await pilot.pause()
        assert titles(app) == [f"Briefing {COUNT - 1:03d}"]
