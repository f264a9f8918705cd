"""The palette's "Export…": choose a format and a file, and the briefing is written there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from briefing.export import export
from briefing.tui.export_screen import ExportScreen

from .conftest import make_app, screen_text, wait_for


async def test_export_from_the_palette_writes_the_file_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"Export")
        await wait_for(lambda: "Write the briefing as Markdown" in screen_text(app), pilot)
        await pilot.press("enter")
        await wait_for(lambda: isinstance(app.screen, ExportScreen), pilot)
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#export-format", RadioSet).pressed_index == 0  # Markdown
        assert dialog.query_one("#export-path", Input).value == \
            "kazinform-eurasian-connectivity.md"
        await pilot.press("enter")
        await wait_for(lambda: not isinstance(app.screen, ExportScreen), pilot)
        written = tmp_path / "kazinform-eurasian-connectivity.md"
        assert written.read_text(encoding="utf-8") == export(app.outline, "md")
        notes = [str(note.message) for note in app._notifications]
        assert "Saved kazinform-eurasian-connectivity.md" in notes


async def test_export_never_overwrites_unless_replace_is_ticked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "mine.html"
    existing.write_text("mine", encoding="utf-8")
    app = make_app(language="ru")
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_export()
        await wait_for(lambda: isinstance(app.screen, ExportScreen), pilot)
        await pilot.pause()
        dialog = app.screen
        buttons = list(dialog.query(RadioButton))
        buttons[1].value = True  # HTML
        await pilot.pause()
        path = dialog.query_one("#export-path", Input)
        assert path.value == "kazinform-eurasian-connectivity.html"  # follows the format
        path.value = "mine.html"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        problem = str(dialog.query_one("#export-problem", Static).render())
        assert "mine.html уже есть" in problem
        assert existing.read_text(encoding="utf-8") == "mine"
        dialog.query_one("#export-replace", Checkbox).value = True
        await pilot.press("enter")
        await wait_for(lambda: not isinstance(app.screen, ExportScreen), pilot)
        assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert '<html lang="ru">' in existing.read_text(encoding="utf-8")


async def test_escape_closes_the_dialog_without_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_export()
        await wait_for(lambda: isinstance(app.screen, ExportScreen), pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert list(tmp_path.iterdir()) == []
