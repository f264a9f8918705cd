"""The panel registry, the navigation, the help, the footer, the palette and the search agree."""

from __future__ import annotations

import ast
import subprocess
import sys

from briefing.outline import Section
from briefing.tui.app import BriefingApp
from briefing.tui.briefing_header import BriefingHeader
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.messages import LanguageRequested
from briefing.tui.panels import PANELS, PanelId, panel_class, panel_of, panels_for
from briefing.tui.panels.participants_panel import COLUMNS
from tests.cli_run import child_environment

from .conftest import FIXTURES, make_app, screen_text, viewer_state, wait_for


def test_every_panel_id_has_one_panel_and_every_section_one_panel() -> None:
    assert [spec.panel for spec in PANELS] == list(PanelId)
    shown_in = [section for spec in PANELS for section in spec.sections]
    assert sorted(shown_in) == sorted(Section)  # each section in exactly one panel
    assert len(PANELS) <= 9  # the 1-9 keys reach every panel
    for spec in PANELS:
        panel = panel_class(spec.panel)
        assert spec == (panel.PANEL, panel.TITLE, panel.SECTIONS, spec.always)
        assert spec.title and panel.__module__.endswith(
            "".join(f"_{c.lower()}" if c.isupper() else c for c in panel.__name__).lstrip("_"))


def test_the_first_screen_imports_only_the_panel_it_shows() -> None:
    """The other panels (a Textual widget class each) are imported after the first
    paint, in the worker that measures ahead, and the search bar when it is first
    opened; the first screen does not wait for them."""
    code = """
import asyncio, sys
from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.loader import load
from briefing.resources import sample_path
def panels():
    return sorted(name for name in sys.modules
                  if name.startswith(("briefing.tui.panels.", "briefing.tui.search")))
measure_ahead = BriefingScreen.measure_ahead
def painted(screen, **options):  # after the first refresh, as the worker starts
    print(panels())
    measure_ahead(screen, **options)
BriefingScreen.measure_ahead = painted
async def main():
    app = BriefingApp(sample_path(), load(sample_path()))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # until the worker has imported them, or 10 s
            await pilot.pause(0.05)
            if len(panels()) > 8:
                break
        print("then", panels())
        await pilot.press("slash")
        print("searching", panels())
asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=child_environment(), timeout=60, check=True)
    lines = result.stdout.splitlines()
    first = ast.literal_eval(lines[0])
    said = {line.split(" ", 1)[0]: ast.literal_eval(line.split(" ", 1)[1])
            for line in lines if line.startswith(("then ", "searching "))}
    then, searching = said["then"], said["searching"]
    common = ["briefing.tui.panels.briefing_panel", "briefing.tui.panels.panel_id"]
    assert first == sorted([*common, "briefing.tui.panels.summary_panel"])
    assert then == sorted([*common, *(f"briefing.tui.panels.{panel}_panel" for panel in PanelId)])
    search = ["briefing.tui.search_bar", "briefing.tui.search_order", "briefing.tui.search_session"]
    assert searching == sorted([*then, *search])


async def test_navigation_footer_help_and_palette_list_the_registry() -> None:
    for path in (FIXTURES / "minimal.yaml", FIXTURES / "timeline.yaml"):
        app = make_app(path)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, BriefingScreen)
            shown = panels_for(app.outline)
            text = screen_text(app)
            for number, panel_id in enumerate(shown, 1):
                assert f"{number} {panel_class(panel_id).TITLE}" in text
                await pilot.press(str(number))
                assert screen.current_panel == panel_id
            hidden = [spec for spec in PANELS if spec.panel not in shown]
            for spec in hidden:
                assert f" {spec.title} " not in text.split("\n", 3)[-1][:30]
            footer = [line for line in screen_text(app).splitlines() if line.strip()][-1]
            # The panel keys as far as this briefing's panels go, in its language.
            assert f"1-{len(shown)} Panel" in footer and "Search" in footer
            await pilot.press("question_mark")
            assert f"1-{len(shown)}" in screen_text(app)
            assert "Go to a panel" in screen_text(app)
            await pilot.press("escape", "ctrl+p", *"go to")

            def palette_lists_go_to(app: BriefingApp = app) -> bool:
                return "Go to" in screen_text(app)

            await wait_for(palette_lists_go_to, pilot)
            palette = screen_text(app)
            for spec in PANELS:
                assert (f"Go to {spec.title}" in palette) == (spec.panel in shown), spec


async def test_every_searchable_field_of_the_sample_is_shown_where_search_leads() -> None:
    """Each text the search index holds leads to a panel item that shows it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        columns = set(COLUMNS)
        keys = list(app.outline.texts())
        assert len(keys) > 100
        for key, paragraph in keys:
            if key.language and key.language != app.language:
                app.post_message(LanguageRequested(key.language))

                def language_shown(language: str = key.language) -> bool:
                    return viewer_state(app).outline.language == language

                await wait_for(language_shown, pilot)
            panel = screen.panel(panel_of(key.section))
            assert panel.PANEL in panels_for(app.outline)
            item = panel.index_of(key)
            assert 0 <= item < panel.count(), key
            if key.section == Section.PARTICIPANTS and key.name not in columns:
                continue  # shown on the participant's own screen (test_detail.py)
            if key.name == "title":  # in the header, above every panel
                header = screen.query_one(BriefingHeader)
                header.refresh()
                assert paragraph in str(header.render()), key
                continue
            strips = panel.render_item(item, 400, panel.visual_style)
            drawn = " ".join("".join(segment.text for segment in strip) for strip in strips)
            assert " ".join(paragraph.split())[:40] in " ".join(drawn.split()), key
