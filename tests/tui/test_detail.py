"""Participant details, and going between statements and their speakers."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.panels.participants_panel import ParticipantsPanel
from briefing.tui.participant_screen import ParticipantScreen

from .conftest import make_app, screen_text, wait_for


async def test_enter_on_a_participant_shows_details_and_statements_esc_goes_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")
        assert isinstance(app.screen, ParticipantScreen)
        text = screen_text(app)
        assert "Заместитель министра иностранных дел Республики Казахстан" in text
        assert "Принял участие в министерской встрече" in text  # notes, not in the table
        assert "Заявления (4)" in text
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
        assert "Турция" in text and "Заявления (0)" in text
        assert "Заявлений этого участника нет." in text


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


async def test_enter_on_a_statement_in_the_details_keeps_the_details_open() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "j", "j", "enter")
        assert isinstance(app.screen, ParticipantScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


async def test_esc_after_jumping_to_the_speaker_goes_back_to_the_statement() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "j", "j", "enter")  # the third statement's speaker
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.current_panel == "participants"
        await pilot.press("escape")
        assert screen.current_panel == "statements"
        panel = screen.panel("statements")
        assert panel.cursor == 2 and app.focused is panel
        await pilot.press("escape")  # nothing more to go back to
        assert screen.current_panel == "statements"


async def test_clicking_a_row_twice_opens_the_participant() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        table = app.query_one(ParticipantsPanel)
        # The second participant's first line, below the table's top edge.
        row = table.item_region(1).y + table.content_region.y - table.region.y
        await pilot.click(table, offset=(3, row))
        assert table.cursor == 1
        await pilot.click(table, offset=(3, row))
        assert isinstance(app.screen, ParticipantScreen)
        assert "Казахстан (Астана)" in screen_text(app)


async def test_language_switch_applies_to_the_details() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "l")
        text = screen_text(app)
        assert "Deputy Minister of Foreign Affairs of the Republic of Kazakhstan" in text
        assert "December of this year marks 10 years" in text


async def test_the_details_follow_the_file_and_close_when_the_participant_is_gone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "b.yaml"
    head = "briefing: 1\ntitle: T\nsummary: S\nparticipants:\n"
    path.write_text(head + "  - {id: ana, name: Ana Old}\n  - {id: bo, name: Bo}\n",
                    encoding="utf-8")
    app = make_app(path, poll_seconds=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "enter")
        assert "Ana Old" in screen_text(app)
        path.write_text(head + "  - {id: bo, name: Bo}\n  - {id: ana, name: Ana New}\n",
                        encoding="utf-8")
        await wait_for(lambda: "Ana New" in screen_text(app), pilot)
        assert isinstance(app.screen, ParticipantScreen) and "Ana Old" not in screen_text(app)
        path.write_text(head + "  - {id: bo, name: Bo}\n", encoding="utf-8")
        await wait_for(lambda: isinstance(app.screen, BriefingScreen), pilot)
        await wait_for(lambda: any("no longer in the file" in str(note.message)
                                   for note in app._notifications), pilot)
