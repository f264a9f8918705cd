"""`briefing summary`: what a reader sees, piped, in colour, at 80 and 120 columns."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text as RichText

from briefing.columns import expand_tabs, wrap
from briefing.interface import interface
from briefing.loader import load, loads
from briefing.outline import Outline, Section
from briefing.summary import (
    FIGURE_CARD_WIDTH,
    STACKED_BELOW,
    SummaryRenderer,
    _FigureCards,
    _Grid,
    _Participants,
    make_console,
    print_summary,
)
from tests.cli_run import SAMPLE, run_cli

SGR = re.compile(r"\x1b\[[0-9;]*m")


def words_of(briefing_text: str) -> list[str]:
    return re.findall(r"\w+", briefing_text)


def squash(text: str) -> str:
    """Output with the table/panel borders and line breaks removed, for word checks."""
    return " ".join(re.sub(r"[│┃]", " ", text).split())


@pytest.mark.parametrize("language", ["ru", "en"])
def test_piped_summary_is_plain_and_has_every_section(language: str) -> None:
    result = run_cli("summary", SAMPLE, "--lang", language)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    briefing = load(SAMPLE)
    assert briefing.title.get(language).split()[0] in result.stdout
    t = interface(language)
    for heading in ("Summary", "Participants", "Sector priorities", "Key figures",
                    "Statements", "Outcomes", "Tags"):
        assert t(heading) in result.stdout
    assert t("Timeline") not in result.stdout  # the sample has none, so no empty section


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_nothing_is_cut_at_80_and_120_columns(width: int, language: str) -> None:
    result = run_cli("summary", SAMPLE, "--lang", language, "--width", str(width))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert "…" not in result.stdout
    shown = squash(result.stdout)
    briefing = load(SAMPLE)
    for text in briefing.texts():
        for word in words_of(text.get(language)):
            assert word in shown, f"{word!r} from {text.get(language)!r} is missing"
    for figure in briefing.figures:
        assert figure.display is None or figure.display.split()[-1] in shown


def test_original_language_is_the_default() -> None:
    result = run_cli("summary", SAMPLE)
    assert "Арман Исетов" in result.stdout
    assert "Arman Isetov" not in result.stdout


def test_missing_translation_falls_back_to_the_original(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(textwrap.dedent("""\
        briefing: 1
        language: ru
        title: {ru: Встреча, en: The meeting}
        summary: Только по-русски.
    """), encoding="utf-8")
    result = run_cli("summary", path, "--lang", "en")
    assert "The meeting" in result.stdout
    assert "Только по-русски." in result.stdout


def test_unknown_language_is_reported_and_the_original_shown() -> None:
    result = run_cli("summary", SAMPLE, "--lang", "de")
    assert result.returncode == 0
    assert "no text in 'de'" in result.stderr
    assert "Арман Исетов" in result.stdout


def test_colour_when_forced_and_none_with_no_color() -> None:
    coloured = run_cli("summary", SAMPLE, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert re.search(r"\x1b\[[0-9;]*3[0-9]", coloured.stdout), "expected colour codes"
    plain = run_cli("summary", SAMPLE, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7])(?:;|m)", plain.stdout)


HOSTILE = textwrap.dedent("""\
    briefing: 1
    title: "[bold]Bold?[/bold] [@click=app.quit]click[/] :warning: [/"
    summary: "erase\\e[2J now\\rover\\bback \\x9b6n \\u202Eevil \\e]52;c;aGk=\\a clip"
    participants:
      - name: "[link=https://e.x]x[/link]"
        role: "[$5] no"
    """)


def test_file_text_is_shown_literally_and_never_reaches_the_terminal() -> None:
    result = run_cli("summary", "-", "--width", "120", stdin=HOSTILE.encode(),
                     env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert result.returncode == 0, result.stderr
    output = result.stdout
    for literal in ("[bold]Bold?[/bold]", "[@click=app.quit]click[/]", ":warning:", "[/",
                    "[link=https://e.x]x[/link]", "[$5]"):
        assert literal.replace(" ", "") in re.sub(r"\s+", "", SGR.sub("", output))
    assert "⚠" not in output
    # Every escape in the output is a colour/style code of ours; the content's are shown.
    assert "\x1b" not in SGR.sub("", output)
    assert not any(0x80 <= ord(c) <= 0x9F for c in output)
    assert "\u202e" not in output
    assert "\r" not in output and "\b" not in output
    for stand_in in ("␛[2J", "␍over", "␈back", "⟨U+009B⟩", "⟨U+202E⟩evil", "␛]52;c;aGk=␇"):
        assert stand_in in output


def test_rendered_in_process_with_a_fixed_width() -> None:
    briefing = loads(HOSTILE, "hostile.yaml")
    buffer = io.StringIO()
    print_summary(Outline(briefing), width=60, file=buffer)
    assert all(cell_len(line) <= 60 for line in buffer.getvalue().splitlines())
    assert "[@click=app.quit]click[/]" in buffer.getvalue()


def test_empty_sections_say_so(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("briefing: 1\ntitle: Bare\nsummary: Nothing else.\n", encoding="utf-8")
    result = run_cli("summary", path)
    assert result.returncode == 0
    for message in ("No participants are listed.", "No priorities are listed.",
                    "No key figures are given."):
        assert message in result.stdout


def test_figures_show_value_unit_period_and_timeline(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(textwrap.dedent("""\
        briefing: 1
        title: Figures
        summary: Numbers.
        figures:
          - {label: Investment, value: 35000000000, unit: USD, display: "$35 bn",
             period: 2015-2025}
          - {label: Share, value: 2.5, unit: "%"}
        timeline:
          - {date: 2015-12, event: Agreement signed}
          - {date: 2025, event: Anniversary}
    """), encoding="utf-8")
    result = run_cli("summary", path, "--width", "100")
    shown = squash(result.stdout)
    assert "35 000 000 000 USD · 2015-2025" in shown
    assert "bn" in shown and "2.5 %" in shown
    assert "2015-12 Agreement signed" in shown
    assert "2025 Anniversary" in shown


MIXED_SIGNS = """\
briefing: 1
title: Signs
summary: Figures of both signs.
figures:
  - {label: Exports, value: 12345678901234567890, unit: USD}
  - {label: Deficit, value: -3.5e9, unit: USD}
  - {label: Rate, value: 0.1, unit: "%"}
  - {label: Change, value: -2.675, unit: "%"}
  - {label: Tonnage, value: 1e21, unit: t}
  - {label: Far, value: 1.5e300, unit: t}
"""


@pytest.mark.parametrize("colour", [False, True])
def test_figures_show_the_digits_written_with_their_signs(tmp_path: Path, colour: bool) -> None:
    """No value gets a digit from a binary float, and negative values keep their sign
    in the short form (large digits, in colour) as in the exact one."""
    path = tmp_path / "signs.yaml"
    path.write_text(MIXED_SIGNS, encoding="utf-8")
    result = run_cli("summary", path, "--width", "100",
                     env={"FORCE_COLOR": "1"} if colour else None)
    assert result.returncode == 0, result.stderr
    shown = squash(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).replace("\u202f", " "))
    for exact in ("12 345 678 901 234 567 890 USD", "-3 500 000 000 USD", "0.1 %",
                  "-2.675 %", "1 000 000 000 000 000 000 000 t", "1.5e300 t"):
        assert exact in shown
    if not colour:  # the short forms, as written text when piped
        for short in ("1.23e19", "-3.5 bn", "-2.68", "1e21"):
            assert f"│ {short} " in result.stdout.replace("\u202f", " ")
    else:  # the minus drawn large before the digits of the short form
        assert "╺━╸" in result.stdout
    for invented in ("12345678901234567168", "12 345 678 901 234 567 168", "2.67 ",
                     "0.1000000000000000055"):
        assert invented not in shown


def test_summary_and_validate_never_import_textual() -> None:
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys, io, contextlib\n"
         "from briefing.cli import main\n"
         "with contextlib.redirect_stdout(io.StringIO()):\n"
         f"    code = main(['summary', {str(SAMPLE)!r}])\n"
         "with contextlib.redirect_stdout(io.StringIO()):\n"
         f"    main(['validate', {str(SAMPLE)!r}])\n"
         "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"],
        capture_output=True, text=True, timeout=30,
    )
    assert probe.stdout.strip() == "0 []", probe.stderr


def test_bad_file_gives_located_errors_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("briefing: 1\ntitle: x\nsumary: y\n", encoding="utf-8")
    result = run_cli("summary", path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{path}:3:1: unknown key `sumary` in a briefing; did you mean `summary`?" \
        in result.stderr
    assert "Traceback" not in result.stderr


# -- long tables and many cards, drawn line by line ------------------------------

WRAP_WORDS = ["a", "bb", "word", "longerword", "x" * 30, "中文字", "é", "\t", "Ж" * 7,
              "1\u202f000", "y" * 81]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WRAP_WORDS),
                          st.sampled_from([" ", "  ", "\n", "", "\u3000", "\u202f"])),
                max_size=30),
       st.integers(min_value=1, max_value=40))
def test_text_wraps_as_rich_wraps_it(words: list[tuple[str, str]], width: int) -> None:
    """The summary's own wrapping (one pass over any text) breaks every line where
    Rich's ``Text.wrap`` does: spaces, words longer than a line, wide characters, tabs."""
    text = "".join(word + space for word, space in words)
    rich_lines = RichText(text).wrap(Console(width=200), width, justify="left",
                                     overflow="fold", tab_size=8)
    expanded = expand_tabs(text)
    assert [expanded[start:end].rstrip(" ") for start, end in wrap(expanded, width)] == [
        line.plain.rstrip(" ") for line in rich_lines]


def rendered(renderable: object, width: int, colour: bool) -> str:
    """What a console ``width`` wide prints for ``renderable``, without colour codes or
    the spaces that end lines (the only differences colour makes)."""
    console = Console(file=io.StringIO(), width=width, force_terminal=colour,
                      color_system="standard" if colour else None)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip(" ") for line in SGR.sub("", output).split("\n"))


SHAPES = textwrap.dedent("""\
    briefing: 1
    title: Shapes
    language: en
    summary: Long cells, tabs and cards of every height.
    participants:
      - name: "A\\tB 中文字 a-name-far-longer-than-any-column-of-the-table-could-hold"
        kind: group
        role: "Role\\twith a tab"
        notes: "Note one\\n\\nNote two\\twith a tab"
        organization: Org
      - {name: Solo, notes: only notes}
      - {name: Third, country: Кыргызстан}
    figures:
      - {label: Exports, value: 12345678901234567890, unit: USD, note: A long note of several words}
      - {label: Deficit, value: -3.5e9, unit: USD, display: "$-3.5 bn"}
      - {label: "中文字 a-label-far-longer-than-a-card-is-wide-so-it-folds", value: 0.1}
""")


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [20, 37, 59, 60, 74, 100])
def test_tables_and_cards_are_drawn_as_rich_draws_them(width: int, colour: bool) -> None:
    """The participants (a table, or stacked when narrow) and the figure cards, drawn
    line by line, are what Rich's ``Table`` and ``Columns`` of ``Panel`` draw."""
    outline = Outline(loads(SHAPES), "en")
    renderer = SummaryRenderer(outline)
    participants = outline.entries(Section.PARTICIPANTS)
    figures = outline.entries(Section.FIGURES)
    console_width = max(width, 20)
    ours = [rendered(_Participants(renderer, participants), console_width, colour),
            rendered(_FigureCards(renderer, figures), console_width, colour)]

    if console_width < STACKED_BELOW:
        blocks = []
        for entry in participants:
            details = [RichText.assemble(*renderer.participant_role_runs(entry))]
            details += [RichText(entry.text(name)) for name in ("organization", "country")
                        if entry.field(name)]
            blocks.append(Group(RichText.assemble(*renderer.participant_name_runs(entry)),
                                Padding(Group(*(line for line in details if line.plain)),
                                        (0, 0, 1, 2))))
        table: object = Group(*blocks)
    else:
        grid = renderer.participants_table(participants, console_width)
        heading, rows = grid.renderables
        assert isinstance(heading, Table) and isinstance(rows, _Grid)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, leading=1,
                      header_style="bold cyan", padding=(0, 1))
        for column, content in zip(heading.columns, rows.widths, strict=True):
            table.add_column(column.header, overflow="fold", width=content)
        assert len(table.columns) == 4  # every column is filled in SHAPES
        for entry in participants:
            table.add_row(RichText.assemble(*renderer.participant_name_runs(entry)),
                          RichText.assemble(*renderer.participant_role_runs(entry)),
                          RichText(entry.text("organization")), RichText(entry.text("country")))
    card_width = max(1, min(FIGURE_CARD_WIDTH, console_width - 1))
    cards = Columns([renderer.figure_card(entry, card_width, big_digits=colour)
                     for entry in figures], width=card_width, padding=(0, 1))
    assert ours == [rendered(table, console_width, colour), rendered(cards, console_width, colour)]


@pytest.mark.parametrize("colours", ["standard", "truecolor"])
@pytest.mark.parametrize("width", [20, 59, 60, 100])
def test_colour_lines_written_directly_are_what_rich_prints(
    width: int, colours: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In colour, the tables and cards write their lines' colour codes themselves: the
    bytes are those Rich's console prints for the same renderables."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLORTERM", colours)
    monkeypatch.delenv("NO_COLOR", raising=False)
    outline = Outline(loads(SHAPES.replace("participants:", "participants:\n"
                                           "  - {name: Fourth, role: Chair}", 1)), "en")
    ours = io.StringIO()
    print_summary(outline, width=width, file=ours)
    rich = make_console(io.StringIO(), width)
    assert rich.color_system == colours
    for renderable in SummaryRenderer(outline).renderables():
        rich.print(renderable)
    assert "\x1b[" in ours.getvalue()
    assert ours.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


def test_notes_are_shown_when_no_participant_has_a_role(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("briefing: 1\ntitle: T\nsummary: S\nparticipants:\n"
                    "  - {name: Ann, notes: Chaired the meeting}\n", encoding="utf-8")
    result = run_cli("summary", path, "--width", "100")
    assert "Chaired the meeting" in result.stdout


def _blocks_briefing(priorities: int = 3) -> str:
    """Priorities (the hundredth and later numbered as Rich cuts them), statements and a
    timeline with long words, wide characters, line breaks and footnote-like text."""
    lines = ["briefing: 1", "title: Blocks", "language: en", "summary: S",
             "participants:", "  - {id: ann, name: Ann Lee, role: 'Chair of the 中文 board'}",
             "  - {id: bo, name: Bo}", "priorities:"]
    for number in range(priorities):
        lines.append(f"  - sector: 'Sector {number} 中文字 with-a-far-longer-word-than-a-line'")
        if number % 3 != 1:
            lines.append("    summary: \"A summary that\\n\\nhas two paragraphs and words, Ж Ж Ж\"")
        if number % 3 != 2:
            lines.append("    initiatives: [One, 'Two is a long initiative that wraps "
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']")
    lines += ["statements:",
              "  - {by: ann, text: 'Said something long enough to wrap, 中文字中文字 yes'}",
              "  - {by: bo, text: \"x\\ny   two lines and a-very-long-word-that-folds-"
              "across-the-quote\"}",
              "timeline:",
              "  - {date: 2025-01, event: A short event}",
              "  - {date: 2025-01-02, event: 'A much longer event that wraps 中文 over "
              "lines, with-a-word-longer-than-any-line-at-all-ok'}"]
    return "\n".join(lines) + "\n"


def _printed(renderable: object, width: int, colour: bool) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=colour,
                      color_system="standard" if colour else None)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    # Plain output is written without the spaces that end its lines (print_renderable).
    return output if colour else "\n".join(line.rstrip(" ") for line in output.split("\n"))


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [20, 33, 41, 60, 100])
@pytest.mark.parametrize("evidence", [False, True])
def test_priorities_statements_and_timeline_are_drawn_as_rich_draws_them(
        width: int, colour: bool, evidence: bool) -> None:
    """Drawn line by line, the priorities, statements and timeline are, byte for byte
    (colour codes too), what Rich's grids, paddings and table of them print."""
    outline = Outline(loads(_blocks_briefing(102)), "en")
    renderer = SummaryRenderer(outline)
    if evidence:  # footnote numbers on the claims, in another colour, as --evidence puts
        renderer.footnotes = {(section, number): (number + 1, "passage")
                              for section in (Section.PRIORITIES, Section.STATEMENTS)
                              for number in range(0, 102, 2)}
    for section, ours, theirs in (
            (Section.PRIORITIES, renderer.priorities, renderer.priorities_rich),
            (Section.STATEMENTS, renderer.statements, renderer.statements_rich),
            (Section.TIMELINE, renderer.timeline, renderer.timeline_rich)):
        entries = outline.entries(section)
        assert _printed(ours(entries), width, colour) == _printed(theirs(entries), width,
                                                                  colour), section


@pytest.mark.parametrize("width", [20, 41, 100])
def test_blocks_written_directly_are_what_rich_prints(
        width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """In colour, the priorities, statements and timeline write their lines' colour
    codes themselves: the bytes are those Rich prints for the same renderables."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    outline = Outline(loads(_blocks_briefing()), "en")
    ours = io.StringIO()
    print_summary(outline, width=width, file=ours)
    rich = make_console(io.StringIO(), width)
    for renderable in SummaryRenderer(outline).renderables():
        rich.print(renderable)
    assert "\x1b[" in ours.getvalue()
    assert ours.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


def test_sections_with_tabs_are_left_to_rich() -> None:
    """A tab (Rich expands it where it falls in the line) is drawn by Rich itself."""
    text = _blocks_briefing().replace("A short event", "A\\tshort\\tevent").replace(
        "summary: S\n", "summary: S\n", 1)
    text = text.replace("event: A\\tshort\\tevent", 'event: "A\\tshort\\tevent"')
    outline = Outline(loads(text), "en")
    renderer = SummaryRenderer(outline)
    entries = outline.entries(Section.TIMELINE)
    assert "A       short   event" in _printed(renderer.timeline(entries), 60, False)
    assert _printed(renderer.timeline(entries), 60, True) == _printed(
        renderer.timeline_rich(entries), 60, True)


def test_the_hundredth_priority_shows_its_whole_rank() -> None:
    """Past 99 priorities the ranks get a fourth cell (Rich's three cut 100 to "10…")."""
    outline = Outline(loads(_blocks_briefing(102)), "en")
    printed = _printed(SummaryRenderer(outline).priorities(outline.entries(
        Section.PRIORITIES)), 60, False)
    ranks = [line.split()[0] for line in printed.splitlines() if line[:4].strip().endswith(".")]
    assert ranks[0] == "1." and ranks[98:] == ["99.", "100.", "101.", "102."]
    assert "…" not in printed
    assert printed.splitlines()[0].startswith("  1. ")  # right-justified in four cells
