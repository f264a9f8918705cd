"""``briefing ARTICLE.txt`` offers to draft a briefing; nothing is written without a yes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.loader import load
from briefing.tui.draft_offer_app import DraftOfferApp
from tests.cli_run import ARTICLE

from .conftest import wait_for


def article_copy(tmp_path: Path) -> Path:
    copy = tmp_path / ARTICLE.name
    copy.write_bytes(ARTICLE.read_bytes())
    return copy


async def test_yes_drafts_beside_the_article_and_opens_the_draft(tmp_path: Path) -> None:
    article = article_copy(tmp_path)
    output = tmp_path / "kazinform-eurasian-connectivity.ru.yaml"
    app = DraftOfferApp(article, output, "ru")
    async with app.run_test(size=(100, 30)) as pilot:
        texts = " ".join(str(widget.render()) for widget in app.query(Static))
        assert "это статья, а не брифинг" in texts
        assert not output.exists()  # asking writes nothing
        await pilot.press("enter")
        await wait_for(lambda: app.return_value is not None, pilot, timeout=30)
    assert app.return_value == output
    drafted = load(output)
    assert drafted.source is not None and drafted.source.text == article.name
    assert drafted.figures


async def test_no_writes_nothing(tmp_path: Path) -> None:
    article = article_copy(tmp_path)
    output = tmp_path / "draft.yaml"
    app = DraftOfferApp(article, output, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None
    assert sorted(path.name for path in tmp_path.iterdir()) == [article.name]


async def test_an_existing_draft_is_opened_never_replaced(tmp_path: Path) -> None:
    article = article_copy(tmp_path)
    output = tmp_path / "draft.yaml"
    output.write_text("mine", encoding="utf-8")
    app = DraftOfferApp(article, output, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        texts = " ".join(str(widget.render()) for widget in app.query(Static))
        assert "A briefing drafted from it is there already" in texts
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == output
    assert output.read_text(encoding="utf-8") == "mine"
