"""The virtual list under the panels: measured heights match drawn heights."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.item_list import ItemList
from briefing.tui.messages import LanguageRequested
from briefing.tui.panels.briefing_panel import text_height

from .conftest import FIXTURES, SAMPLE, make_app, viewer_panels


@given(text=st.text(alphabet="ab cd  эюя中国 ü\u0301-–.,\n\t\x1bxxxxxxxxxxxx", max_size=90),
       width=st.integers(1, 50))
def test_text_height_is_the_number_of_wrapped_lines(text: str, width: int) -> None:
    assert text_height(text, width) == (len(Content(text).wrap(width)) or 1)


@pytest.mark.parametrize("path", [SAMPLE, FIXTURES / "timeline.yaml", FIXTURES / "markup.yaml",
                                  FIXTURES / "minimal.yaml"], ids=lambda p: p.stem)
async def test_measured_heights_are_drawn_heights(path: Path) -> None:
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        for language in app.outline.languages:
            app.post_message(LanguageRequested(language))
            await pilot.pause()
            for panel_id in viewer_panels(app):
                panel = screen.panel(panel_id)
                assert isinstance(panel, ItemList)
                style = panel.visual_style
                for width in (10, 17, 40, 61, 99):
                    for index in range(panel.item_count()):
                        measured = panel.measure_item(index, width)
                        if measured is not None:
                            drawn = len(panel.render_item(index, width, style))
                            assert measured == drawn, (panel_id, language, width, index)


async def test_big_lists_draw_only_what_is_on_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["briefing: 1", "title: Many", "summary: Many statements.", "participants:",
             "  - id: a", "    name: Speaker"]
    lines += ["statements:"] + [f"  - by: a\n    text: Statement number {n}." for n in range(3000)]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        panel = screen.panel("statements")
        drawn: list[int] = []
        original = panel.render_item

        def spy(index: int, width: int, style: Style) -> list[Strip]:
            drawn.append(index)
            return original(index, width, style)

        monkeypatch.setattr(panel, "render_item", spy)
        await pilot.press("slash", *"statement", "enter", "G")
        assert 0 < len(set(drawn)) < 40
        count = app.query_one("#search-count").render()
        assert isinstance(count, Content)
        assert count.plain == "2/3001"


def test_article_paragraphs_by_line_or_by_blank_line(tmp_path: Path) -> None:
    from briefing.loader import read_article
    from briefing.outline import article_paragraphs

    def paragraphs(path: Path) -> tuple[str, ...]:
        article = read_article(path)
        assert article is not None
        return article_paragraphs(article.text)

    folder = tmp_path
    long_lines = folder / "long.txt"
    long_lines.write_text("Title\n\n" + "A" * 120 + "\n" + "B" * 120 + "\n", encoding="utf-8")
    wrapped = folder / "wrapped.txt"
    wrapped.write_text("one two\nthree\n\nfour five\nsix\n", encoding="utf-8")
    control = folder / "control.txt"
    control.write_bytes(b"bad \x1b[2J byte \xff end\n")
    assert paragraphs(long_lines) == ("Title", "A" * 120, "B" * 120)
    # Wrapped at a fixed width: the one paragraph rule joins the lines of a paragraph.
    assert paragraphs(wrapped) == ("one two three", "four five six")
    assert paragraphs(control) == ("bad ␛[2J byte \ufffd end",)
    missing = read_article(folder / "missing.txt")
    assert missing is not None and not missing.text and "no such file" in missing.note
    assert read_article(None) is None


def test_article_is_read_up_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import loader

    monkeypatch.setattr(loader, "MAX_SOURCE_TEXT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("0123456789abcdef\n", encoding="utf-8")
    article = loader.read_article(path)
    assert article is not None
    assert article.text == "0123456789"
    assert "only the first" in article.note
