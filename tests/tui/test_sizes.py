"""Briefings near the size limits stay usable: searches stop at a stated number of
matches, long searches and long panels do their work between keys, and the viewer
collects garbage once it has started. (How fast: benchmarks/bench_tui_sizes.py.)"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefing import search_index
from briefing.search import SearchIndex
from briefing.tui import search_session
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.item_list import ItemList, StripCache
from briefing.tui.panels import PanelId
from briefing.tui.panels.figures_panel import FiguresPanel
from briefing.tui.panels.participants_panel import ParticipantsPanel

from .conftest import make_app, screen_text, viewer_panels, wait_for


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_search_stops_at_its_limit_and_says_there_are_more() -> None:
    index = SearchIndex([("one", "a b a c a"), ("two", "a a")])
    assert len(index.find("a")) == 5 and not index.find("a").capped
    found = index.find("a", limit=3)
    assert found.capped and len(found) == 3
    assert [(m.key, m.start) for m in found.matches()] == [("one", 0), ("one", 4), ("one", 8)]
    phrase = index.find("a b", limit=0)
    assert phrase.capped and len(phrase) == 0
    # A capped result is not narrowed from: the longer query finds its own matches.
    assert len(index.find("a c", previous=found)) == 1


async def test_the_counter_shows_a_capped_count_with_a_plus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index, "MATCH_LIMIT", 5)
    path = write(tmp_path, ["briefing: 1", "title: Words", "summary: a a a a a a a a.",
                            "outcomes:", "  - a b"])
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "a")
        await pilot.pause()
        assert str(app.query_one("#search-count").render()) == "1/5+"
        await pilot.press("space", "b")
        await pilot.pause()
        assert str(app.query_one("#search-count").render()) == "1/1"


async def test_a_long_briefing_is_searched_in_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_session, "DEFERRED_CHARACTERS", 0)
    path = write(tmp_path, ["briefing: 1", "title: Words", "summary: Corridor and corridor.",
                            "outcomes:", "  - A corridor", "  - Nothing"])
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"corr")

        def counted() -> bool:
            return str(app.query_one("#search-count").render()) == "1/3"

        await wait_for(counted, pilot)
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"nothing")
        await wait_for(lambda: str(app.query_one("#search-count").render()) == "1/1", pilot)
        assert "Nothing" in screen_text(app)


async def test_a_long_list_is_measured_between_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ItemList, "MEASURE_SECONDS", 0.0)  # one item per slice
    measure_later = ItemList._measure_later
    waiting: list[ItemList] = []  # the next slices, run by the test, not by timers
    monkeypatch.setattr(ItemList, "_measure_later", lambda self: waiting.append(self))
    lines = ["briefing: 1", "title: Many", "summary: Many outcomes.", "outcomes:"]
    lines += [f"  - Outcome number {n}" + " long" * (n % 7) * 10 for n in range(300)]
    app = make_app(write(tmp_path, lines))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(str(viewer_panels(app).index(PanelId.OUTCOMES) + 1))
        panel = app.screen.query_one("#outcomes", ItemList)
        await wait_for(lambda: panel in waiting, pilot)
        # On screen, and keys handled, before every item is measured.
        assert not panel.measured
        assert "Outcome number 0" in screen_text(app)
        await pilot.press("j")
        while not panel.measured:
            measure_later(panel)
        await pilot.press("G")
        await pilot.pause()
        assert "Outcome number 299" in screen_text(app)


async def test_many_figures_are_prepared_in_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FiguresPanel, "PREPARE_AT_ONCE", 2)
    lines = ["briefing: 1", "title: Figures", "summary: Numbers.", "figures:"]
    for n in range(50):
        lines += [f"  - label: Figure {n}", f"    value: {n + 1}", "    unit: tonnes"]
    app = make_app(write(tmp_path, lines))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        panel = app.screen.query_one("#figures", FiguresPanel)
        await wait_for(lambda: panel.count() == 50 and panel.measured, pilot)
        await pilot.pause()
        assert "Figure 0" in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert "Figure 49" in screen_text(app)


def test_drawings_are_kept_up_to_a_number_of_lines() -> None:
    from textual.strip import Strip

    cache = StripCache(10)
    cache.set("a", [Strip.blank(1)] * 6)
    cache.set("b", [Strip.blank(1)] * 4)
    assert cache.get("a") is not None  # now the most recently used
    cache.set("c", [Strip.blank(1)] * 3)
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None


async def test_the_viewer_collects_garbage_once_it_has_painted() -> None:
    # The command line leaves the collector off while the viewer starts.
    app = make_app()
    gc.disable()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(gc.isenabled, pilot)
    finally:
        gc.enable()


async def test_many_participants_are_measured_ahead_in_every_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["briefing: 1", "language: ru", "title: {ru: Много, en: Many}",
             "summary: {ru: Много участников., en: Many participants.}", "participants:"]
    for n in range(400):
        lines += [f"  - id: p{n}",
                  f"    name: {{ru: Участник {n}, en: Participant {n}}}",
                  "    role: {ru: " + "очень длинная должность " * (n % 5)
                  + "министр, en: minister}"]
    app = make_app(write(tmp_path, lines))
    measured: list[str] = []  # the languages measured as they were shown
    measure_items = ParticipantsPanel.measure_items

    def spy(panel: ParticipantsPanel, start: int, stop: int, width: int) -> list[int | None]:
        measured.append(panel.outline.language)
        return measure_items(panel, start, stop, width)

    monkeypatch.setattr(ParticipantsPanel, "measure_items", spy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        await wait_for(lambda: not screen.workers, pilot)
        await pilot.press(*"Participant 399", "enter")
        await wait_for(lambda: "Participant 399" in screen_text(app), pilot)
        await pilot.press("escape", "escape", "slash", *"Участник 399", "enter")
        await wait_for(lambda: "Участник 399" in screen_text(app), pilot)
        assert measured == []
        # Where the rows were measured ahead is where the list measures them itself.
        panel = screen.panel(PanelId.PARTICIPANTS)
        width = panel.scrollable_content_region.width
        ahead = panel.measured_ahead(width)
        assert ahead is not None
        itself = [0]
        while not panel._measure_more(itself, panel.item_count(), width):
            pass
        assert ahead == itself
