"""Switching the language of the text with ``l``."""

from __future__ import annotations

from briefing.tui.briefing_screen import BriefingScreen

from .conftest import FIXTURES, make_app, screen_text


async def test_l_switches_every_panel_and_the_header_to_english_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.language == "ru"
        await pilot.press("l")
        assert app.language == "en"
        text = screen_text(app)
        assert "Developing Eurasian ties" in text
        assert "Arman Isetov, Deputy Minister of Foreign Affairs" in text
        assert "Развитие" not in text
        await pilot.press("2")
        text = screen_text(app)
        assert "Arman Isetov" in text and "Türkiye" in text
        await pilot.press("4")
        assert "Kazakhstan's investments" in screen_text(app)
        await pilot.press("l")
        assert app.language == "ru"
        assert "Инвестиции Казахстана" in screen_text(app)


async def test_language_is_kept_when_moving_between_panels() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "5", "3")
        assert isinstance(app.screen, BriefingScreen)
        assert "Transport" in screen_text(app)
        assert "Транспорт" not in screen_text(app)


async def test_one_language_briefing_says_so() -> None:
    app = make_app(FIXTURES / "timeline.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert app.language == "en"
        assert any("one language" in str(n.message) for n in app._notifications)
