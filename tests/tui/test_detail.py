"""Participant details, and going between statements and their speakers."""

from __future__ import annotations

from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.item_list import ItemList
from briefing.tui.panels.participants_panel import ParticipantsPanel
from briefing.tui.participant_screen import ParticipantScreen

from .conftest import make_app, screen_text


async def test_enter_on_a_participant_shows_details_and_statements_esc_goes_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")
        assert isinstance(app.screen, ParticipantScreen)
        text = screen_text(app)
        assert "Заместитель министра иностранных дел Республики Казахстан" in text
        assert "Принял участие в министерской встрече" in text  # notes, not in the table
        assert "Statements (4)" in text
        assert "В декабре этого года исполняется 10 лет" in text
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.current_panel == "participants"
        assert isinstance(app.focused, ParticipantsPanel)


async def test_participant_without_statements() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "j", "j", "j", "j", "enter")
        assert isinstance(app.screen, ParticipantScreen)
        text = screen_text(app)
        assert "Турция" in text and "Statements (0)" in text
        assert "No statements by this participant are recorded." in text


async def test_enter_on_a_statement_jumps_to_its_speaker() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "G", "enter")  # the last statement is Astana's
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.current_panel == "participants"
        table = screen.panel("participants")
        assert isinstance(table, ParticipantsPanel)
        assert table.cursor == 1  # "Казахстан (Астана)"
        assert app.focused is table
        await pilot.press("5", "g", "enter")
        assert table.cursor == 0  # Арман Исетов


async def test_enter_on_a_statement_in_the_details_shows_it_in_statements() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "j", "j", "enter")
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.current_panel == "statements"
        panel = screen.panel("statements")
        assert isinstance(panel, ItemList)
        assert panel.cursor == 2


async def test_clicking_a_row_twice_opens_the_participant() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        table = app.query_one(ParticipantsPanel)
        await pilot.click(table, offset=(3, 3))  # header row, then the third participant
        assert table.cursor == 1
        await pilot.click(table, offset=(3, 3))
        assert isinstance(app.screen, ParticipantScreen)
        assert "Казахстан (Астана)" in screen_text(app)


async def test_language_switch_applies_to_the_details() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "l")
        text = screen_text(app)
        assert "Deputy Minister of Foreign Affairs of the Republic of Kazakhstan" in text
        assert "December of this year marks 10 years" in text
