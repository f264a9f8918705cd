"""A briefing opened from the library, in the library's own app: Enter opens it over
the list, Esc comes back to the list as it was (row, filter, search)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from briefing.library.sqlite_index import open_library
from briefing.outline import Outline
from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.library_app import LibraryApp
from briefing.tui.library_screen import LibraryScreen
from briefing.tui.search_bar import SearchBar
from briefing.tui.viewer_screen import ViewerScreen
from tests.cli_run import ARTICLE, SAMPLE

from .conftest import screen_text, wait_for

TALKS = """\
briefing: 1
title: Talks in {city} on {topic}
date: {date}
summary: The ministers discussed {topic}.
"""


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample (with its article), two English briefings and a broken one, indexed."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "library"
    (folder / "2025").mkdir(parents=True)
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / ARTICLE.name).write_bytes(ARTICLE.read_bytes())
    (folder / "2025" / "brussels.yaml").write_text(TALKS.format(
        city="Brussels", topic="raw materials", date="2025-10-02"), encoding="utf-8")
    (folder / "2025" / "astana.yaml").write_text(TALKS.format(
        city="Astana", topic="transit", date="2025-11-05"), encoding="utf-8")
    (folder / "broken.yaml").write_text("briefing: 1\ntitle: [\n", encoding="utf-8")
    index = open_library(str(folder))
    index.scan(workers=1)
    index.close()
    return folder


def library_app(folder: Path, language: str | None = "en") -> LibraryApp:
    return LibraryApp(open_library(str(folder)), language, scan=False, poll_seconds=None)


def titles(app: LibraryApp) -> list[str]:
    table = app.library.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def highlighted(app: LibraryApp) -> str:
    """The title on the row under the list's cursor."""
    table = app.library.query_one(DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


async def test_enter_opens_a_briefing_and_esc_comes_back_to_the_same_row(
        library: Path) -> None:
    app = library_app(library)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"talks", "enter", "down")  # the filter, then the list
        await wait_for(lambda: highlighted(app) == "Talks in Brussels on raw materials", pilot)
        listed = titles(app)
        assert listed == ["Talks in Astana on transit", "Talks in Brussels on raw materials"]
        for _ in range(2):  # and again: a briefing opens as often as it is chosen
            await pilot.press("enter")
            await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
            await pilot.pause()
            shown = screen_text(app)
            assert "Talks in Brussels on raw materials" in shown
            assert "The ministers discussed raw materials." in shown
            assert "Astana" not in shown
            await pilot.press("escape")
            await wait_for(lambda: isinstance(app.screen, LibraryScreen), pilot)
            await pilot.pause()
            assert app.library.query_one(Input).value == "talks"
            assert titles(app) == listed
            assert highlighted(app) == "Talks in Brussels on raw materials"
            assert app.library.query_one(DataTable).has_focus  # Enter opens it again
            assert "Talks in Astana on transit" in screen_text(app)
        await pilot.press("up", "enter")  # another one, from where the cursor was
        await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
        await pilot.pause()
        assert "Talks in Astana on transit" in screen_text(app)


async def test_a_search_result_opens_at_the_match_and_the_search_goes_on(
        library: Path) -> None:
    app = library_app(library, "ru")
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("slash", *"koridor", "enter")
        await wait_for(lambda: bool(titles(app)), pilot)
        found = titles(app)
        assert found[0].startswith("Развитие евразийских связей")
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
        screen = app.screen
        assert isinstance(screen, ViewerScreen)
        await wait_for(lambda: bool(screen.query(SearchBar))
                       and screen.query_one(SearchBar).session.query == "koridor", pilot)
        assert screen.query_one(SearchBar).session.counter().startswith("1/")
        await pilot.press("n")  # the search goes on: the next match
        await pilot.pause()
        assert screen.query_one(SearchBar).session.counter().startswith("2/")
        await pilot.press("escape")  # clears the search, and stays
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")  # nothing left to clear: back to the results
        await wait_for(lambda: isinstance(app.screen, LibraryScreen), pilot)
        assert app.library.query_one(Input).value == "koridor"
        assert titles(app) == found


async def test_a_briefing_broken_since_it_was_listed_says_why_and_the_list_stays(
        library: Path) -> None:
    app = library_app(library)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"astana", "enter")
        await wait_for(lambda: titles(app) == ["Talks in Astana on transit"], pilot)
        (library / "2025" / "astana.yaml").write_text("briefing: 1\ntitle: [\n",
                                                      encoding="utf-8")
        await pilot.press("enter")
        await wait_for(lambda: bool(app._notifications), pilot)
        notes = [note.message for note in app._notifications]
        assert any(note.startswith("2025/astana.yaml is not a valid briefing:")
                   for note in notes)
        assert isinstance(app.screen, LibraryScreen)


async def test_p_in_a_briefing_from_the_library_quits_to_print_it(library: Path) -> None:
    app = library_app(library)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"brussels", "enter", "enter")
        await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
        await pilot.press("p")
        await pilot.pause()
    printed = app.return_value
    assert isinstance(printed, Outline)
    assert str(printed.briefing.title) == "Talks in Brussels on raw materials"


async def test_briefings_closed_are_let_go(library: Path) -> None:
    """A browser tab of `serve DIR` may open hundreds: closed ones do not pile up."""
    app = library_app(library)
    closed: list[weakref.ref[ViewerScreen]] = []
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"brussels", "enter")
        for _ in range(4):
            await pilot.press("enter")
            await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
            await app.workers.wait_for_complete()  # its evidence checked
            viewer = app.screen
            assert isinstance(viewer, ViewerScreen)
            closed.append(weakref.ref(viewer))
            del viewer
            await pilot.press("escape")
            await wait_for(lambda: isinstance(app.screen, LibraryScreen), pilot)
        await pilot.pause()
        gc.unfreeze()  # as the app does when it closes a briefing (made frozen)
        gc.collect()
        # The last one's evidence worker can be held a while longer (the worker
        # thread's context); none before it is.
        assert [screen() is None for screen in closed][:-1] == [True, True, True]


async def test_the_palette_over_the_list_offers_what_works_there(library: Path) -> None:
    app = library_app(library)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("ctrl+p", "o")
        await wait_for(lambda: "Toggle dark / light theme" in screen_text(app), pilot)
        shown = screen_text(app)
        assert "Export" not in shown and "Go to" not in shown  # no briefing open


async def test_esc_does_not_leave_a_briefing_opened_on_its_own() -> None:
    app = BriefingApp(SAMPLE, poll_seconds=None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.is_running


async def _listed_then_opened(app: LibraryApp, title: str) -> None:
    """The sample is listed under ``title`` and opens showing it."""
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press(*"eurasi", "enter")
        await wait_for(lambda: highlighted(app).startswith(title), pilot)
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, ViewerScreen), pilot)
        await pilot.pause()
        assert title in screen_text(app)


@pytest.mark.parametrize(("language", "title"), [
    ("en", "Developing Eurasian ties"), ("ru", "Развитие евразийских связей")])
async def test_a_briefing_opens_in_the_language_of_the_list(
        library: Path, language: str, title: str) -> None:
    await _listed_then_opened(library_app(library, language), title)


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LC_ALL": "en_GB.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
    ({"LC_MESSAGES": "ru_KZ"}, "ru"), ({"LANG": "kk_KZ.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en")])
def test_the_library_speaks_the_locale_s_language(
        environ: dict[str, str], language: str) -> None:
    from briefing.interface import locale_language

    assert locale_language(environ) == language


@pytest.mark.parametrize(("locale", "title"), [
    ("C.UTF-8", "Developing Eurasian ties"), ("ru_RU.UTF-8", "Развитие евразийских связей")])
async def test_without_lang_the_list_and_the_briefing_follow_the_locale(
        library: Path, monkeypatch: pytest.MonkeyPatch, locale: str, title: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    await _listed_then_opened(library_app(library, None), title)
