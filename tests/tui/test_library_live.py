"""The library screen while it is used: facets, typing that filters, a search that
does not hold the screen, and files changing under it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from briefing.library.entries import FacetKind
from briefing.library.sqlite_index import SqliteIndex, open_library
from briefing.tui import library_screen
from briefing.tui.facet_list import FacetList
from briefing.tui.library_app import LibraryApp
from briefing.tui.library_screen import LibraryScreen
from tests.cli_run import ARTICLE, SAMPLE

from .conftest import screen_text, wait_for

BRUSSELS = """\
briefing: 1
title: Talks in Brussels on raw materials
date: 2025-10-02
summary: The ministers discussed critical raw materials.
tags: [raw-materials]
participants:
  - name: Arman Isetov
    country: Kazakhstan
"""

SQUASH = """\
briefing: 1
title: Squash federation meets in Almaty
date: 2024-03-01
summary: The federation chose its next venue.
tags: [sport]
participants:
  - name: Арман Исетов
    country: Казахстан
"""


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the sample, two short briefings (one person in both, written in
    two scripts) and a broken file; the folder is looked at every 50 ms."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(library_screen, "POLL_SECONDS", 0.05)
    folder = tmp_path / "library"
    (folder / "2025").mkdir(parents=True)
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    (folder / "2025" / "brussels.yaml").write_text(BRUSSELS, encoding="utf-8")
    (folder / "squash.yaml").write_text(SQUASH, encoding="utf-8")
    (folder / "broken.yaml").write_text("briefing: 1\ntitle: [\n", encoding="utf-8")
    index = open_library(str(folder))
    index.scan(workers=1)
    index.close()
    return folder


def titles(app: LibraryApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def cursor_title(app: LibraryApp) -> str:
    table = app.screen.query_one(DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


def facet_lines(app: LibraryApp) -> list[str]:
    facets = app.screen.query_one(FacetList)
    return [str(facets.get_option_at_index(number).prompt).strip()
            for number in range(facets.option_count)]


async def pick(app: LibraryApp, pilot: object, kind: FacetKind, key: str) -> None:
    """Move the facets' highlight to ``kind = key`` and press Enter on it."""
    facets = app.screen.query_one(FacetList)
    facets.highlighted = facets._values.index((kind, key))
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_facets_count_and_narrow_the_list(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("ctrl+f")
        await wait_for(lambda: "Years (2)" in facet_lines(app), pilot)
        lines = facet_lines(app)
        # One person across briefings, whatever the script their name is written in.
        assert lines[:2] == ["Participants (7)", "Arman Isetov 3"]
        assert "Kazakhstan 3" in lines and "Transport 1" in lines
        assert lines.index("Years (2)") < lines.index("2024 1") < lines.index("2025 1")
        assert "raw-materials 1" in lines and "sport 1" in lines

        await pick(app, pilot, FacetKind.TAG, "raw materials")
        await wait_for(lambda: titles(app) == ["Talks in Brussels on raw materials"], pilot)
        await wait_for(lambda: "✓ raw-materials 1" in facet_lines(app), pilot)
        assert "2025 1" in facet_lines(app) and "2024 1" not in facet_lines(app)
        shown = screen_text(app)
        assert "1 of 4 briefings in" in shown and "Tag: raw-materials · Esc clears" in shown

        await pick(app, pilot, FacetKind.TAG, "raw materials")  # picked again: let go
        await wait_for(lambda: len(titles(app)) == 4, pilot)

        await pick(app, pilot, FacetKind.PARTICIPANT, "arman isetov")
        await pick(app, pilot, FacetKind.YEAR, "2024")
        await wait_for(lambda: titles(app) == ["Squash federation meets in Almaty"], pilot)
        # The name as the briefings left write it.
        assert "Participant: Арман Исетов · Year: 2024 · Esc clears" in screen_text(app)

        await pilot.press("escape")  # leaves the facets, which stay picked
        assert not app.screen.query_one(FacetList).display
        assert titles(app) == ["Squash federation meets in Almaty"]
        await pilot.press("escape")  # nothing typed: the facets are let go
        await wait_for(lambda: len(titles(app)) == 4, pilot)
        assert "Esc clears" not in screen_text(app)


async def test_a_filter_may_start_with_the_screens_keys(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"squ")
        await pilot.pause()
        assert app.is_running and app.screen.query_one(Input).value == "squ"
        assert titles(app) == ["Squash federation meets in Almaty"]
        assert "sorted by date" in screen_text(app)
        await pilot.press("escape", "down")
        await pilot.press(*"2025/b")  # "/" in the filter is typed, not a search
        await pilot.pause()
        assert app.screen.query_one(Input).value == "2025/b"
        assert titles(app) == ["Talks in Brussels on raw materials"]
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert "sorted by title" in screen_text(app)
        shown = screen_text(app)
        assert "^s Sort" in shown and "^f Facets" in shown and "^q Quit" in shown


async def test_a_search_runs_beside_the_screen(
        library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    threads = []
    search = SqliteIndex.search

    def held_search(self: SqliteIndex, *args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        release.wait(10)
        return search(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SqliteIndex, "search", held_search)
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("slash", *"federation")
        await wait_for(lambda: bool(threads), pilot)
        # The search is held: the screen still takes keys and says it is searching.
        await pilot.press("space", *"meets")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "federation meets"
        assert "searching…" in screen_text(app)
        assert len(threads) == 1  # what was typed meanwhile waits for it, not beside it
        release.set()
        await wait_for(lambda: bool(titles(app)) and "searching…" not in screen_text(app),
                       pilot)
        assert titles(app) == ["Squash federation meets in Almaty"]
        assert threading.main_thread() not in threads


async def test_files_changed_while_the_screen_is_open_are_shown(library: Path) -> None:
    app = LibraryApp(open_library(str(library)), "en", scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=titles(app).index("Talks in Brussels on raw materials"))
        # A file added (the newest, so listed first: the cursor stays on its briefing).
        (library / "2025" / "berlin.yaml").write_text(
            BRUSSELS.replace("Brussels", "Berlin").replace("2025-10-02", "2025-12-01"),
            encoding="utf-8")
        await wait_for(lambda: titles(app)[0] == "Talks in Berlin on raw materials", pilot)
        assert cursor_title(app) == "Talks in Brussels on raw materials"
        assert "5 briefings in" in screen_text(app)
        # One changed.
        (library / "squash.yaml").write_text(SQUASH.replace("Squash", "Tennis"),
                                             encoding="utf-8")
        await wait_for(lambda: "Tennis federation meets in Almaty" in titles(app), pilot)
        # One removed.
        (library / "2025" / "berlin.yaml").unlink()
        await wait_for(lambda: "Talks in Berlin on raw materials" not in titles(app), pilot)
        assert cursor_title(app) == "Talks in Brussels on raw materials"
        assert "4 briefings in" in screen_text(app)


@pytest.mark.parametrize(("language", "shown"), [("en", "Pierre Dubois 4"),
                                                 ("ru", "Пьер Дюбуа 4")])
async def test_one_person_in_three_spellings_is_one_facet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, shown: str,
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    folder.mkdir()
    for name, (written, person) in {
            "paris.yaml": ("en", "Pierre Dubois"),
            "kazan.yaml": ("ru", "Пьер Дюбуа"),
            "moscow.yaml": ("ru", "{ru: Пьер Дюбуа, en: Pierre Dubois}"),
            "lyon.yaml": ("ru", "{ru: Пьер Дюбуа, fr: PIERRE  DUBOIS}")}.items():
        (folder / name).write_text(f"briefing: 1\nlanguage: {written}\ntitle: T\nsummary: S\n"
                                   f"participants:\n  - name: {person}\n", encoding="utf-8")
    index = open_library(str(folder))
    index.scan(workers=1)
    index.close()
    app = LibraryApp(open_library(str(folder)), language, scan=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("ctrl+f")
        await wait_for(lambda: shown in facet_lines(app), pilot)
        assert [line for line in facet_lines(app)
                if "Dubois" in line.title() or "Дюбуа" in line] == [shown]
