"""The viewer's own words follow the language the briefing is shown in."""

from __future__ import annotations

import re

from textual.widgets._footer import FooterKey

from briefing.tui.app import BriefingApp
from briefing.tui.briefing_footer import BriefingFooter

from .conftest import SAMPLE, make_app, screen_text, wait_for

UNTRANSLATED = {"esc", "tab", "shift", "space", "home", "end", "pgup", "pgdn", "enter", "SVG",
                "HTML", "JSON", "Markdown"}
"""How Textual shows keys, and file formats: the same in every language."""


def latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", text))


async def every_screen(app: BriefingApp) -> str:
    """The text of every panel, a participant's details, the help, the search bar
    and the footer, one after another."""
    screens = []
    async with app.run_test(size=(120, 40)) as pilot:
        for number in range(1, 8):
            await pilot.press(str(number))
            screens.append(screen_text(app))
        await pilot.press("2", "enter")
        screens.append(screen_text(app))
        await pilot.press("escape", "question_mark")
        screens.append(screen_text(app))
        await pilot.press("escape", "slash", *"zzqx")
        screens.append(screen_text(app))
        await pilot.press("escape", "ctrl+p")
        await wait_for(lambda: "%" not in screen_text(app) and len(app.screen_stack) > 1, pilot)
        await pilot.pause(0.2)
        screens.append(screen_text(app))
    return "\n".join(screens)


async def test_a_russian_briefing_shown_in_russian_has_no_english_chrome() -> None:
    shown = await every_screen(make_app())
    written = latin_words(SAMPLE.read_text(encoding="utf-8"))
    assert latin_words(shown) - written - UNTRANSLATED - {"zzqx"} == set()
    for word in ("Сводка", "Участники", "Должность", "Справка", "нет совпадений", "млрд"):
        assert word in shown


async def test_the_same_briefing_shown_in_english_speaks_english() -> None:
    shown = await every_screen(make_app(language="en"))
    for word in ("Summary", "Participants", "Role", "Help", "no matches", " bn "):
        assert word in shown
    assert "2 Участники" not in shown and "Справка" not in shown


async def test_l_switches_the_interface_with_the_text() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "2 Участники" in screen_text(app)
        await pilot.press("l")
        await wait_for(lambda: "2 Participants" in screen_text(app), pilot)
        assert "Language" in screen_text(app).splitlines()[-1]  # the footer too


async def test_the_footer_makes_its_keys_again_only_when_they_change() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(BriefingFooter)
        keys = list(footer.query(FooterKey))
        assert keys
        await pilot.press("2", "3", "tab")  # the focus moves; the keys shown are the same
        await pilot.pause()
        assert all(a is b for a, b in zip(footer.query(FooterKey), keys, strict=True))
        await pilot.press("slash")  # in the search box, the panel keys type digits instead
        await pilot.pause()
        assert not any(a is b for a, b in zip(footer.query(FooterKey), keys, strict=False))
        shown = screen_text(app).splitlines()[-1]
        assert "Поиск" in shown and "Панель" not in shown


async def test_a_language_switch_translates_the_footer_keys_in_place() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(BriefingFooter)
        keys = list(footer.query(FooterKey))
        assert "Поиск" in screen_text(app).splitlines()[-1]
        await pilot.press("l")
        await wait_for(lambda: "Search" in screen_text(app).splitlines()[-1], pilot)
        shown = screen_text(app).splitlines()[-1]
        assert "Поиск" not in shown and "Panel" in shown
        assert all(a is b for a, b in zip(footer.query(FooterKey), keys, strict=True))
        await pilot.press("l")
        await wait_for(lambda: "Поиск" in screen_text(app).splitlines()[-1], pilot)
        assert "Search" not in screen_text(app).splitlines()[-1]
