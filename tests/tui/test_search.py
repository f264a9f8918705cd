"""Incremental search: typing, the k/N counter, n/N, highlights, Esc."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from briefing.loader import load, read_article
from briefing.outline import Outline, TextKey
from briefing.search import Match
from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.item_list import ItemList
from briefing.tui.panels import PANELS, PanelId, panel_of, section_order
from briefing.tui.panels.briefing_panel import BriefingPanel
from briefing.tui.panels.participants_panel import ParticipantsPanel
from briefing.tui.search_bar import SearchBar
from briefing.tui.search_session import SearchSession
from briefing.tui.viewer_state import ViewerState

from .conftest import SAMPLE, make_app, screen_text, viewer_state


def counter(app: BriefingApp) -> str:
    return str(app.query_one("#search-count").render())


def main_screen(app: BriefingApp) -> BriefingScreen:
    screen = app.screen
    assert isinstance(screen, BriefingScreen)
    return screen


def lines_with_current_match(panel: BriefingPanel) -> list[int]:
    """Rows of ``panel`` on screen drawn with the current-match background."""
    background = panel.state.highlights.current_style.rich_style.bgcolor
    rows = []
    for y in range(panel.scrollable_content_region.height):
        if any(s.style is not None and s.style.bgcolor == background for s in panel.render_line(y)):
            rows.append(y)
    return rows


async def test_slash_opens_search_and_typing_counts_matches() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.query(SearchBar)  # made on first use
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        assert bar.display
        assert isinstance(app.focused, Input)
        await pilot.press(*"коридор")
        assert counter(app) == "1/6"
        assert "1/6" in screen_text(app)
        screen = main_screen(app)
        assert screen.current_panel == "summary"
        panel = screen.panel("summary")
        assert isinstance(panel, ItemList)
        assert lines_with_current_match(panel)  # the match is drawn, on screen


async def test_count_updates_on_every_keystroke() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "к")
        first = counter(app)
        await pilot.press(*"оридор")
        assert counter(app) == "1/6"
        assert first != "1/6"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace",
                          "backspace", "backspace")
        assert counter(app) == ""
        assert not viewer_state(app).highlights.spans


async def test_stem_query_finds_other_forms() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"коридора")
        assert counter(app) == "1/6"
        keys = set(viewer_state(app).highlights.spans)
        assert TextKey("priorities", 0, "initiatives.0", "ru") in keys


async def test_latin_query_finds_cyrillic_text() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"koridor")
        assert counter(app) == "1/6"
        assert app.language == "ru"
        assert all(key.language in ("ru", "") for key in viewer_state(app).highlights.spans)


async def test_no_matches_shows_zero() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"zzqx")
        assert counter(app) == "0/0 нет совпадений"  # in the language on screen
        assert "0/0 нет совпадений" in screen_text(app)
        await pilot.press("escape", "l", "slash", *"zzqx")
        assert counter(app) == "0/0 no matches"


async def test_n_and_N_walk_matches_across_panels() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await pilot.press("slash", *"коридор", "enter")
        assert not isinstance(app.focused, Input)
        assert (counter(app), screen.current_panel) == ("1/6", "summary")
        seen = []
        for _ in range(6):
            await pilot.press("n")
            seen.append((counter(app), screen.current_panel))
        assert seen == [
            ("2/6", "priorities"), ("3/6", "priorities"), ("4/6", "priorities"),
            ("5/6", "source"), ("6/6", "source"), ("1/6", "summary"),
        ]
        await pilot.press("N")
        assert (counter(app), screen.current_panel) == ("6/6", "source")
        assert app.focused is screen.panel("source")
        panel = screen.panel("source")
        assert isinstance(panel, ItemList)
        assert lines_with_current_match(panel)  # scrolled into view


async def test_search_starts_from_the_current_panel() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "slash", *"коридор")
        assert counter(app) == "2/6"
        assert main_screen(app).current_panel == "priorities"


async def test_match_in_a_table_moves_the_cursor_to_its_row() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "slash", *"Турция")
        screen = main_screen(app)
        assert screen.current_panel == "participants"
        table = screen.panel("participants")
        assert isinstance(table, ParticipantsPanel)
        assert table.cursor == 5


async def test_match_in_another_language_switches_to_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"corridor", "enter")
        # First the tag #middle-corridor (no language), then the English text.
        assert (counter(app), app.language) == ("1/5", "ru")
        await pilot.press("n")
        assert (counter(app), app.language) == ("2/5", "en")
        assert "Middle Corridor" in screen_text(app)


async def test_matches_in_the_shown_language_come_first() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"kazinform", "enter")
        languages = [app.language]
        total = int(counter(app).split("/")[1])
        for _ in range(total - 1):
            await pilot.press("n")
            languages.append(app.language)
        # ru (the original, shown) first; then en, switched to once.
        assert languages[0] == "ru" and languages[-1] == "en"
        assert sum(1 for a, b in itertools.pairwise(languages) if a != b) == 1


async def test_escape_clears_the_search() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"коридор", "enter")
        assert viewer_state(app).highlights.spans
        await pilot.press("escape")
        bar = app.query_one(SearchBar)
        assert not bar.display
        assert not viewer_state(app).highlights.spans
        assert bar.input.value == ""
        await pilot.press("slash", *"ко", "escape")
        assert not bar.display and not viewer_state(app).highlights.spans


async def test_n_without_a_search_says_how_to_search() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert any("Нажмите /, чтобы искать." in str(n.message) for n in app._notifications)


async def test_typing_in_the_search_box_does_not_trigger_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"?qlp")
        assert app.is_running
        assert isinstance(app.screen, BriefingScreen)  # no help screen
        assert app.query_one(SearchBar).input.value == "?qlp"


async def test_slash_in_the_search_box_is_typed() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", "a", "slash", "b")
        assert app.query_one(SearchBar).input.value == "a/b"


async def test_keys_typed_right_after_slash_reach_the_box() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        # Queue "/" and a query at once, as a fast typist or a paste would.
        for key in ["slash", *"koridor"]:
            app.post_message(events.Key(key, None if key == "slash" else key))
        await pilot.pause(0.2)
        assert app.query_one(SearchBar).input.value == "koridor"
        assert counter(app) == "2/6"


async def test_the_index_is_built_in_the_background_once_search_opens() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        assert not screen.query(SearchBar)  # nothing is indexed at start-up
        await pilot.press("slash")
        await app.workers.wait_for_complete()
        assert screen.search_bar.session.ready  # before the first letter is typed
        await pilot.press(*"коридор")
        await pilot.pause()
        assert counter(app).endswith("/6")


async def test_speaker_names_shown_with_statements_are_found_there() -> None:
    app = make_app(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "slash", *"isetov")
        screen = main_screen(app)
        counts = screen.search_bar.session.counts_by_panel()
        assert counts.get("statements", 0) >= 4  # his four statements name him
        current = screen.search_bar.session.current
        assert current is not None and isinstance(current.key, TextKey)
        assert current.key.section == "statements"


async def test_n_walks_matches_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        "briefing: 1\ntitle: A meeting\nlocation: Samarkand\ndate: 2025-04\n"
        "summary: Ministers met in Samarkand.\ntags: [samarkand]\n", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"samarkand")
        matches = main_screen(app).search_bar.session.matches
        keys = [match.key for match in matches]
        assert [key.name for key in keys if isinstance(key, TextKey)] == [
            "location", "summary", "text"]


async def test_a_panel_key_and_slash_sent_together_are_handled_in_order() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ["4", "slash", *"koridor"]:
            app.post_message(events.Key(key, None if key == "slash" else key))
        await pilot.pause(0.3)
        screen = main_screen(app)
        # From Figures on, the first match is in the article (Source), not the summary.
        assert screen.current_panel == "source"
        for key in "35":
            app.post_message(events.Key(key, key))
        await pilot.pause(0.2)
        assert screen.search_bar.input.value == "koridor35"  # in the box, digits are typed


def reference_order(matches: list[Match], outline: Outline) -> list[Match]:
    """The reading order, written plainly: a stable sort of the index's matches by the
    rank of their language (the language on screen and none first, then the
    briefing's languages in order), then by panel."""
    ranks = {language: rank for rank, language in enumerate(outline.languages, 1)}
    ranks[outline.language] = ranks[""] = 0
    panels = [spec.panel for spec in PANELS]

    def rank(match: Match) -> tuple[int, int]:
        assert isinstance(match.key, TextKey)
        return (ranks.get(match.key.language, len(ranks)),
                panels.index(panel_of(match.key.section)))

    return sorted(matches, key=rank)


def reference_first(matches: list[Match], outline: Outline, panel: PanelId) -> int:
    """The first match of the language on screen (or of none) from ``panel`` on; 0 if none."""
    order = [spec.panel for spec in PANELS]
    for number, match in enumerate(matches):
        assert isinstance(match.key, TextKey)
        if match.key.language not in ("", outline.language):
            break
        if order.index(panel_of(match.key.section)) >= order.index(panel):
            return number
    return 0


@pytest.mark.parametrize("language", ["ru", "en"])
def test_matches_are_walked_in_reading_order_without_making_them_all(language: str) -> None:
    outline = Outline(load(SAMPLE), language, read_article(load(SAMPLE).source_text_path))
    state = ViewerState(outline)
    session = SearchSession(state)
    index = session.index
    for query in ["коридор", "corridor", "kazinform", "2025", "и", "a", "35", "средний коридор",
                  "zzz", "Türkiye", "t"]:
        found = index.search(query)
        expected = reference_order(found, outline)
        for panel in PanelId:
            session.clear()
            for end in range(1, len(query) + 1):  # typed: each result narrows the next
                session.search(query[:end], panel)
            assert list(session.matches) == expected, (query, panel)
            position = reference_first(expected, outline, panel) if expected else None
            assert session.position == position, (query, panel)
            counts = Counter(panel_of(m.key.section) for m in found)  # type: ignore[attr-defined]
            assert session.counts_by_panel() == dict(counts)
            by_field: dict[TextKey, list[tuple[int, int]]] = {}
            for match in found:
                assert isinstance(match.key, TextKey)
                by_field.setdefault(match.key, []).append((match.start, match.end))
            assert session.spans.by_field() == by_field
            assert all(session.spans.get(key) == spans for key, spans in by_field.items())


async def test_a_language_shown_again_is_not_made_again() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        russian = app.outline
        await pilot.press("slash", *"corridor", "enter", "n")
        assert app.language == "en"
        english = app.outline
        assert viewer_state(app).outline is english  # the screen's and the app's are one
        await pilot.press("l")
        assert app.outline is russian
        await pilot.press("l")
        assert app.outline is english


@pytest.mark.parametrize(("built", "shown"), [("ru", "en"), ("en", "ru")])
def test_matches_are_walked_in_reading_order_in_a_language_switched_to(
        built: str, shown: str) -> None:
    # The index is of the briefing as it was first shown: in another language, the
    # texts shown first are scattered among the others (in many segments).
    outline = Outline(load(SAMPLE), built, read_article(load(SAMPLE).source_text_path))
    state = ViewerState(outline)
    session = SearchSession(state)
    index = session.index
    state.show(state.in_language(shown))
    for query in ["коридор", "corridor", "kazinform", "2025", "a", "35", "zzz", "Türkiye"]:
        found = index.search(query)
        expected = reference_order(found, state.outline)
        for panel in PanelId:
            session.search(query, panel)
            assert list(session.matches) == expected, (query, panel)
            position = reference_first(expected, state.outline, panel) if expected else None
            assert session.position == position, (query, panel)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_index_holds_the_outlines_texts(language: str) -> None:
    outline = Outline(load(SAMPLE), language, read_article(load(SAMPLE).source_text_path))
    session = SearchSession(ViewerState(outline))
    assert list(session.texts()) == list(outline.texts(section_order()))
