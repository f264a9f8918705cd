"""The library screen: every briefing of a folder, one search (Enter opens one:
tests/tui/test_library_viewer.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from briefing.library.sqlite_index import open_library
from briefing.tui.library_app import LibraryApp
from tests.cli_run import ARTICLE, SAMPLE

from .conftest import screen_text, wait_for

ENGLISH = """\
briefing: 1
title: Talks in Brussels on raw materials
date: 2025-10-02
summary: The ministers discussed critical raw materials.
tags: [raw-materials]
"""


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the sample (and its article), an English briefing, a broken one."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    (folder / "2025").mkdir(parents=True)
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    (folder / "2025" / "brussels.yaml").write_text(ENGLISH, encoding="utf-8")
    (folder / "broken.yaml").write_text("briefing: 1\ntitle: [\n", encoding="utf-8")
    index = open_library(str(folder))
    index.scan(workers=1)
    index.close()
    return folder


def rows(app: LibraryApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(row))
            for row in range(table.row_count)]


async def test_every_briefing_is_listed_and_a_broken_one_says_why(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        listed = rows(app)
        assert len(listed) == 3
        assert listed[0].startswith("Talks in Brussels on raw materials | 2025-10-02")
        assert any(row.startswith("Developing Eurasian ties") for row in listed)
        assert any(row.startswith("✗ broken.yaml:") for row in listed)
        assert "3 briefings in" in screen_text(app) and "1 not valid" in screen_text(app)


async def test_a_wider_terminal_gives_the_titles_the_room(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    title = ("Developing Eurasian ties: Kazakhstan – a key player in the dialogue between "
             "Central Asia, Türkiye and the EU")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert title not in screen_text(app)  # cut to fit
        await pilot.resize_terminal(220, 30)
        await wait_for(lambda: title in screen_text(app), pilot)
        await pilot.resize_terminal(100, 30)
        await wait_for(lambda: title not in screen_text(app), pilot)
        assert "Tags" in screen_text(app)  # every column still on the screen


async def test_typing_narrows_the_list_and_ctrl_s_sorts(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"brus")
        await pilot.pause()
        assert [row.split(" | ")[0] for row in rows(app)] == [
            "Talks in Brussels on raw materials"]
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert "sorted by title" in screen_text(app)
        titles = [row.split(" | ")[0] for row in rows(app)]
        assert titles[1:] == ["Developing Eurasian ties: Kazakhstan – a key player in the "
                              "dialogue between Central Asia, Türkiye and the EU",
                              "Talks in Brussels on raw materials"]
        assert titles[0].startswith("✗ broken.yaml")  # by its path, having no title


async def test_search_across_the_library_and_enter_opens_at_the_match(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "ru", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Брифингов в" in shown and "Порядок" in shown and "Sort" not in shown
        await pilot.press("slash", *"koridor", "enter")
        await wait_for(lambda: bool(rows(app)), pilot)
        found = rows(app)
        assert found and found[0].startswith("Развитие евразийских связей")
        assert all("коридор" in row.casefold() for row in found)
    # Enter on a result: tests/tui/test_library_viewer.py.
