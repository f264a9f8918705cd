"""Evidence in the viewer: each claim's badge, the header's totals, the passages of the
article, and the jumps from a claim to its passage and back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from briefing.outline import Section, article_paragraphs, article_runs
from briefing.safe_text import visible
from briefing.tui.app import BriefingApp
from briefing.tui.briefing_screen import BriefingScreen
from briefing.tui.panels import PanelId
from briefing.tui.panels.source_panel import PIECE_LENGTH, SourcePanel, paragraph_pieces
from tests.cli_run import ARTICLE

from .conftest import SAMPLE, make_app, screen_text, viewer_state, wait_for

ENERGY = 'evidence: "обеспечения доступной чистой энергией"'
INVESTMENT = "value: 35000000000"
PANELS = {Section.PRIORITIES: PanelId.PRIORITIES, Section.FIGURES: PanelId.FIGURES,
          Section.STATEMENTS: PanelId.STATEMENTS}


def tampered(folder: Path, *changes: tuple[str, str]) -> Path:
    """A copy of the sample and its article in ``folder``, with ``(old, new)`` changes."""
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / SAMPLE.name
    path.write_text(text, encoding="utf-8")
    return path


async def checked(app: BriefingApp, pilot: Any) -> None:
    """Wait until the evidence check of the version on screen is shown."""
    await wait_for(lambda: viewer_state(app).evidence_marks() is not None, pilot)
    await pilot.pause()


def header(app: BriefingApp) -> str:
    return "\n".join(screen_text(app).splitlines()[:3])


def badges(app: BriefingApp) -> list[str]:
    """The badges on screen, in order (a symbol before a claim's heading)."""
    return re.findall(r"(?:^|  |\. )([✓✗≠·]) \w", screen_text(app), re.MULTILINE)


def screen(app: BriefingApp) -> BriefingScreen:
    main = app.screen_stack[0]
    assert isinstance(main, BriefingScreen)
    return main


def current(app: BriefingApp) -> PanelId:
    """The panel on the main screen."""
    return screen(app).current_panel


async def test_every_claim_of_the_sample_is_backed() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        assert "✓ 12" in header(app)
        assert not re.search("[✗≠]", header(app))
        for key, count in (("3", 3), ("4", 3), ("5", 2)):
            await pilot.press(key)
            await pilot.pause()
            assert badges(app)[:count] == ["✓"] * count, screen_text(app)


async def test_a_tampered_copy_shows_its_problems(tmp_path: Path) -> None:
    path = tampered(tmp_path, (ENERGY, 'evidence: "обеспечения дешевой чистой энергией"'),
                    (INVESTMENT, "value: 53000000000"))
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        assert "✓ 10 ✗ 1 ≠ 1" in header(app)
        await pilot.press("3")
        await pilot.pause()
        assert badges(app)[:3] == ["✓", "✓", "✗"]
        await pilot.press("4")
        await pilot.pause()
        assert badges(app)[:3] == ["≠", "✓", "✓"]


async def test_a_claim_goes_to_its_passage_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        await pilot.press("4", "j", "enter")
        await pilot.pause()
        main = screen(app)
        assert current(app) == PanelId.SOURCE
        source = main.panel(PanelId.SOURCE)
        assert isinstance(source, SourcePanel)
        marks = viewer_state(app).evidence_marks()
        assert marks is not None
        finding = marks.finding(Section.FIGURES, 1)
        assert finding is not None and source.current_passage == finding.spans[0]
        article = app.outline.article
        assert article is not None
        passage = article.text[slice(*finding.spans[0])]
        assert " ".join(passage.split()[:4]) in " ".join(screen_text(app).split())

        # Esc: back to the figure.
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) == PanelId.FIGURES
        assert main.panel(PanelId.FIGURES).cursor == 1

        # From the passage (Enter in the Source panel) to the claims it backs.
        await pilot.press("e", "enter")
        await pilot.pause()
        backed = marks.backing(finding.spans[0])
        assert len(backed) == 2  # the figure, and the statement that says the same
        for number, claim in enumerate(backed):
            if number:  # Esc: back to the passage; Enter again: the next claim
                await pilot.press("escape")
                await pilot.pause()
                assert current(app) == PanelId.SOURCE
                assert source.current_passage == finding.spans[0]
                await pilot.press("enter")
                await pilot.pause()
            assert current(app) == PANELS[claim.section]
            assert main.panel(main.current_panel).cursor == claim.entry
        # Esc, Esc: back to the passage, then to the figure it was reached from.
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) == PanelId.SOURCE
        await pilot.press("escape")
        await pilot.pause()
        assert current(app) == PanelId.FIGURES
        assert main.panel(PanelId.FIGURES).cursor == 1


async def test_in_the_source_panel_e_goes_from_passage_to_passage() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        await pilot.press("7", "e")
        await pilot.pause()
        source = screen(app).panel(PanelId.SOURCE)
        assert isinstance(source, SourcePanel)
        marks = viewer_state(app).evidence_marks()
        assert marks is not None
        assert source.current_passage == marks.passages[0]
        await pilot.press("e", "e", "E")
        await pilot.pause()
        assert source.current_passage == marks.passages[1]


async def test_a_statement_keeps_enter_for_its_speaker_and_e_for_its_evidence() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        await pilot.press("5", "e")
        await pilot.pause()
        assert current(app) == PanelId.SOURCE
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert current(app) == PanelId.PARTICIPANTS


async def test_a_new_article_is_checked_again(tmp_path: Path) -> None:
    path = tampered(tmp_path)
    app = make_app(path, poll_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        await pilot.press("3")
        assert "✓ 12" in header(app)
        article = tmp_path / ARTICLE.name
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("доступной чистой энергией", "чистой энергией"),
                           encoding="utf-8")
        await wait_for(lambda: "✓ 10 ✗ 2" in header(app), pilot)
        await pilot.pause()
        assert badges(app)[:3] == ["✓", "✗", "✗"]


def test_the_article_runs_rebuild_its_paragraphs() -> None:
    texts = [
        ARTICLE.read_text(encoding="utf-8"),
        "First line\n  wrapped here\n\n\tSecond \x1b[31m one\u202e\n\n\n",
        "One line per paragraph\n\n" + "x" * 120 + "\n  \nlast\x07",
    ]
    for text in texts:
        paragraphs = article_paragraphs(text)
        runs = article_runs(text)
        assert len(runs) == len(paragraphs)
        for paragraph, pieces in zip(paragraphs, runs, strict=True):
            rebuilt = [" "] * len(paragraph)
            for start, text_start, length, shown in pieces:
                rebuilt[start:start + shown] = visible(text[text_start:text_start + length])
            assert "".join(rebuilt) == paragraph


async def test_the_participant_screen_badges_their_statements() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter")  # maybe before the check is done: then it arrives
        await checked(app, pilot)
        await wait_for(lambda: "✓ Арман Исетов" in screen_text(app), pilot)
        await pilot.press("escape", "2", "enter")  # and after it
        await pilot.pause()
        assert "✓ Арман Исетов" in screen_text(app)


async def test_an_excerpt_not_found_goes_to_the_closest_passage(tmp_path: Path) -> None:
    path = tampered(tmp_path, (ENERGY, 'evidence: "обеспечения дешевой чистой энергией"'))
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await checked(app, pilot)
        await pilot.press("3", "j", "j", "e")
        await pilot.pause()
        marks = viewer_state(app).evidence_marks()
        assert marks is not None
        finding = marks.finding(Section.PRIORITIES, 2)
        assert finding is not None and finding.closest is not None
        source = screen(app).panel(PanelId.SOURCE)
        assert isinstance(source, SourcePanel)
        assert source.current_passage == finding.closest.span
        notes = [str(note.message) for note in app._notifications]
        assert any(note.startswith("В статье этого нет; показан ближайший отрывок (")
                   for note in notes), notes


def test_a_long_paragraph_is_cut_in_pieces_after_sentences() -> None:
    sentences = [f"Предложение номер {n} о торговле и транспорте." for n in range(3000)]
    paragraph = " ".join(sentences)
    starts = paragraph_pieces(paragraph)
    ends = [*starts[1:], len(paragraph)]
    pieces = [paragraph[start:end] for start, end in zip(starts, ends, strict=True)]
    assert len(pieces) > 1
    assert "".join(pieces) == paragraph
    assert all(len(piece) <= PIECE_LENGTH for piece in pieces)
    assert all(piece.endswith(". ") for piece in pieces[:-1])
    assert paragraph_pieces("а" * (PIECE_LENGTH * 2 + 5)) == [0, PIECE_LENGTH, PIECE_LENGTH * 2]
    assert paragraph_pieces("short. text") == [0]


async def test_an_article_in_one_line_is_read_to_its_end(tmp_path: Path) -> None:
    """A paragraph of 150,000 characters is drawn a piece at a time: its last passage is
    reached by ``e``, a match at its end by the search, and no gap splits it."""
    sentences = [f"Предложение номер {n} о торговле и транспорте." for n in range(3000)]
    (tmp_path / "article.txt").write_text(" ".join(sentences), encoding="utf-8")
    path = tmp_path / "long.yaml"
    path.write_text(
        "briefing: 1\ntitle: Long\nsummary: Long.\nlanguage: ru\nsource:\n"
        "  text: article.txt\npriorities:\n  - sector: Trade\n"
        '    evidence: "Предложение номер 2998 о торговле"\n', encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await checked(app, pilot)
        await pilot.press("3", "e")  # from the priority to its passage
        await wait_for(lambda: "номер 2998 о торговле" in screen_text(app), pilot)
        source = screen(app).panel(PanelId.SOURCE)
        assert isinstance(source, SourcePanel)
        assert source.count() > 2  # the details, and the paragraph in pieces
        await pilot.press("home", "slash", *"2999")
        await wait_for(lambda: "номер 2999 о" in screen_text(app), pilot)
        # Pieces follow each other without a blank line between them.
        await pilot.press("escape", "home")
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        article = lines.index(next(line for line in lines if "номер 0 о" in line))
        assert all(lines[article:article + 20])
