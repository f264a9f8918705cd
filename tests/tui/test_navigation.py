"""Panels and moving around them: 1-9, Tab, j/k/g/G, the mouse."""

from __future__ import annotations

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.item_list import ItemList
from briefing.tui.panels.participants_panel import ParticipantsPanel

from .conftest import FIXTURES, make_app, screen_text

SAMPLE_PANELS = ["summary", "participants", "priorities", "figures", "statements",
                 "outcomes", "source"]


def main_screen(app: BriefingApp) -> BriefingScreen:
    screen = app.screen
    assert isinstance(screen, BriefingScreen)
    return screen


async def test_sample_shows_title_and_numbered_panels() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        text = screen_text(app)
        assert "Развитие евразийских связей" in text
        for label in ["1 Сводка", "2 Участники", "3 Приоритеты", "4 Цифры",
                      "5 Заявления", "6 Итоги", "7 Источник"]:
            assert label in text
        assert "Хроника" not in text  # the sample has none
        assert main_screen(app).current_panel == "summary"


@pytest.mark.parametrize("key,panel", [(str(n), p) for n, p in enumerate(SAMPLE_PANELS, 1)])
async def test_number_keys_jump_to_panels(key: str, panel: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        screen = main_screen(app)
        assert screen.current_panel == panel
        assert app.focused is screen.panel(panel)


async def test_number_key_beyond_the_panels_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "9", "8")
        assert main_screen(app).current_panel == "priorities"


async def test_tab_and_shift_tab_cycle_panels() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await pilot.press("tab")
        assert screen.current_panel == "participants"
        await pilot.press("tab", "tab")
        assert screen.current_panel == "figures"
        await pilot.press("shift+tab")
        assert screen.current_panel == "priorities"
        await pilot.press("1", "shift+tab")
        assert screen.current_panel == "source"  # wraps around
        await pilot.press("tab")
        assert screen.current_panel == "summary"


async def test_participants_table_lists_everyone() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        text = screen_text(app)
        for heading in ["Имя", "Должность", "Организация", "Страна"]:
            assert heading in text
        assert "Арман Исетов" in text
        assert "Турция" in text
        table = app.query_one(ParticipantsPanel)
        assert table.count() == 7


async def test_j_k_g_G_move_in_the_participants_table() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        table = app.query_one(ParticipantsPanel)
        assert table.cursor == 0
        await pilot.press("j", "j")
        assert table.cursor == 2
        await pilot.press("k")
        assert table.cursor == 1
        await pilot.press("G")
        assert table.cursor == 6
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("down")
        assert table.cursor == 1


async def test_j_k_g_G_move_between_items_of_a_list_panel() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        panel = main_screen(app).panel("statements")
        assert isinstance(panel, ItemList)
        assert panel.cursor == 0
        await pilot.press("j", "j")
        assert panel.cursor == 2
        await pilot.press("k")
        assert panel.cursor == 1
        await pilot.press("G")
        assert panel.cursor == 4
        await pilot.press("g")
        assert panel.cursor == 0


async def test_j_k_g_G_scroll_a_text_panel() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("7")
        panel = main_screen(app).panel("source")
        assert panel.scroll_y == 0
        await pilot.press("j", "j", "j")
        assert panel.scroll_y == 3
        await pilot.press("k")
        assert panel.scroll_y == 2
        await pilot.press("G")
        assert panel.scroll_y == panel.max_scroll_y > 10
        await pilot.press("g")
        assert panel.scroll_y == 0


async def test_long_panel_scrolls_to_its_end_with_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "G")
        panel = main_screen(app).panel("statements")
        assert panel.scroll_y == panel.max_scroll_y > 0
        assert "Астана подтвердила свою готовность" in screen_text(app)


async def test_clicking_a_panel_name_shows_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#nav", offset=(3, 1 + 3))  # padding, then the fourth line
        assert main_screen(app).current_panel == "figures"


async def test_empty_panels_say_so() -> None:
    app = make_app(FIXTURES / "minimal.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        texts = []
        for key in "1234":
            await pilot.press(key)
            texts.append(screen_text(app))
        assert "Source" not in texts[0] and "Statements" not in texts[0]
        assert "No participants are listed." in texts[1]
        assert "No priorities are listed." in texts[2]
        assert "No key figures are given." in texts[3]


async def test_figures_show_large_digits_and_bars_for_shared_units() -> None:
    app = make_app(FIXTURES / "timeline.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        text = screen_text(app)
        assert "╺━┓" in text  # a large "2" or "3"
        assert "█" in text  # bars: two figures share the unit
        await pilot.press("6")
        text = screen_text(app)
        assert "2024-05-01" in text and "Talks opened" in text
