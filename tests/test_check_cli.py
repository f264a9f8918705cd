"""``briefing check`` as a user runs it, on the sample and on tampered copies of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli_run import ARTICLE, SAMPLE, run_cli

ALL_BACKED = "12 claims: 12 backed, 0 not found, 0 mismatched, 0 without evidence\n"
NAME = SAMPLE.name
ENERGY = 'evidence: "обеспечения доступной чистой энергией"'
ASTANA = ('    evidence: "Астана подтвердила свою готовность активно участвовать в разработке и '
          'реализации практических мер по укреплению регионального сотрудничества и '
          'межрегиональных связей, подчеркивая важность коллективных усилий для достижения '
          'общих целей."\n')


def tampered(folder: Path, *changes: tuple[str, str]) -> Path:
    """A copy of the sample and its article in ``folder``, each ``(old, new)`` change
    made in the briefing (each ``old`` written exactly once there)."""
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_has_every_claim_backed() -> None:
    result = run_cli("check", SAMPLE)
    assert (result.returncode, result.stdout, result.stderr) == (0, ALL_BACKED, "")


def test_a_reworded_excerpt_is_not_found_and_the_article_is_quoted(tmp_path: Path) -> None:
    path = tampered(tmp_path, (ENERGY, 'evidence: "обеспечения дешевой чистой энергией"'))
    result = run_cli("check", NAME, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{NAME}:150:15: evidence not found in the article; closest (83%): "
        '"обеспечения доступной чистой энергией"\n')
    assert result.stdout == "12 claims: 11 backed, 1 not found, 0 mismatched, 0 without evidence\n"
    assert path.exists()


def test_a_changed_value_is_a_mismatch_though_the_excerpt_is_found(tmp_path: Path) -> None:
    tampered(tmp_path, ("value: 35000000000", "value: 53000000000"))
    result = run_cli("check", NAME, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{NAME}:171:15: value 53000000000 but the evidence says 35 миллиардов долларов США "
        "(35000000000)\n")
    assert result.stdout == "12 claims: 11 backed, 0 not found, 1 mismatched, 0 without evidence\n"


def test_a_changed_currency_is_a_mismatch(tmp_path: Path) -> None:
    tampered(tmp_path, ("      ru: долларов США\n      en: USD", "      ru: тенге\n      en: KZT"))
    result = run_cli("check", NAME, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{NAME}:171:15: unit KZT but the evidence says 35 миллиардов долларов США (USD)\n")


def test_both_problems_of_one_figure_are_listed_and_it_counts_as_not_found(
    tmp_path: Path,
) -> None:
    tampered(tmp_path, ("value: 10\n", "value: 12\n"),
             ('evidence: "в декабре этого года исполняется 10 лет',
              'evidence: "в декабре исполняется 10 лет'))
    result = run_cli("check", NAME, cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert [line.split(": ", 1)[1][:30] for line in lines] == [
        "evidence not found in the arti", "value 12 but the evidence says"]
    assert lines[1] == f"{NAME}:196:15: value 12 but the evidence says 10 лет (10)"
    assert result.stdout == "12 claims: 11 backed, 1 not found, 0 mismatched, 0 without evidence\n"


def test_changed_case_quotes_dashes_and_line_breaks_still_pass(tmp_path: Path) -> None:
    original = ('    evidence: "Особое внимание было уделено развитию Транскаспийского '
                'международного транспортного маршрута («Средний коридор») – ключевого '
                'связующего звена между Азией и Европой, проходящего через ряд тюркских '
                'государств."\n')
    rewritten = (
        "    evidence: |\n"
        "      ОСОБОЕ ВНИМАНИЕ было уделено развитию\n"
        "      Транскаспийского международного транспортного маршрута (\"Средний\n"
        "      коридор\") —  ключевого связующего звена между Азией и Европой,\n"
        "      проходящего через ряд ТЮРКСКИХ государств.\n"
    )
    tampered(tmp_path, (original, rewritten),
             (ENERGY, "evidence: 'обеспечения доступной   ЧИСТОЙ\u00a0энергией'"))
    result = run_cli("check", NAME, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, ALL_BACKED, "")


def test_a_claim_without_evidence_is_a_warning_and_an_error_with_strict(tmp_path: Path) -> None:
    tampered(tmp_path, (ASTANA, ""))
    totals = "12 claims: 11 backed, 0 not found, 0 mismatched, 1 without evidence\n"
    result = run_cli("check", NAME, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, totals)
    assert result.stderr == f"{NAME}:223:5: warning: no evidence for this statement\n"
    strict = run_cli("check", "--strict", NAME, cwd=tmp_path)
    assert (strict.returncode, strict.stdout) == (1, totals)
    assert strict.stderr == f"{NAME}:223:5: no evidence for this statement\n"


def test_a_briefing_without_an_article_is_reported_not_checked(tmp_path: Path) -> None:
    tampered(tmp_path, ("  text: kazinform-eurasian-connectivity.ru.txt\n", ""))
    result = run_cli("check", NAME, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{NAME}:19:3: the briefing names no source article (`source.text`), so its evidence "
        "cannot be checked\n")
    assert result.stdout == (
        "0 claims: 0 backed, 0 not found, 0 mismatched, 0 without evidence; 1 file not checked\n")


def test_several_files_are_totalled_and_one_that_cannot_be_read_fails(tmp_path: Path) -> None:
    result = run_cli("check", SAMPLE, tmp_path / "missing.yaml", SAMPLE)
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'missing.yaml'}: no such file\n"
    assert result.stdout == (
        "24 claims: 24 backed, 0 not found, 0 mismatched, 0 without evidence; "
        "1 file not checked\n")


def test_standard_input_reads_the_article_beside_the_current_folder() -> None:
    result = run_cli("check", "-", stdin=SAMPLE.read_bytes(), cwd=SAMPLE.parent)
    assert (result.returncode, result.stdout, result.stderr) == (0, ALL_BACKED, "")


def test_json_gives_the_same_findings_for_scripts(tmp_path: Path) -> None:
    tampered(tmp_path, ("value: 35000000000", "value: 53000000000"), (ASTANA, ""))
    result = run_cli("check", "--json", NAME, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    document = json.loads(result.stdout)
    assert document["ok"] is False
    assert document["totals"] == {"claims": 12, "backed": 10, "not_found": 0, "mismatched": 1,
                                  "without_evidence": 1, "files_not_checked": 0}
    (file,) = document["files"]
    assert file["file"] == NAME and file["checked"] is True
    assert [problem["line"] for problem in file["problems"]] == [171, 223]
    figure = next(claim for claim in file["claims"] if claim["section"] == "figures")
    assert figure["status"] == "mismatched" and figure["severity"] == "error"
    assert figure["numbers"] == [{"text": "35 миллиардов долларов США", "value": 35000000000,
                                  "unit": "USD", "shown": "35000000000"}]
    article = ARTICLE.read_text(encoding="utf-8")
    ((start, end),) = figure["spans"]
    assert article[start:end].startswith("Европейским партнерам")
    missing = next(claim for claim in file["claims"] if claim["status"] == "no evidence")
    assert (missing["section"], missing["entry"], missing["severity"]) == (
        "statements", 4, "warning")


@pytest.mark.parametrize("args", [["check"], ["check", "--json"], ["check", "x", "--nope"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_text_from_the_article_reaches_the_terminal_harmless(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Платёж \x1b[31mпрошёл\x1b[0m вчера.", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "briefing: 1\ntitle: T\nsummary: S\nsource: {text: a.txt}\npriorities:\n"
        "  - sector: X\n    evidence: \"Платёж прошел вчера сегодня\"\n", encoding="utf-8")
    result = run_cli("check", "b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "␛" in result.stderr


def test_summary_with_evidence_numbers_the_backed_claims_and_lists_the_passages() -> None:
    result = run_cli("summary", "--evidence", SAMPLE, "--width", "100")
    assert result.returncode == 0
    out = result.stdout
    assert "Подтверждения из статьи" in out
    assert "Энергетика [3]" in out  # a priority's marker follows its sector
    notes = out.split("Подтверждения из статьи", 1)[1]
    assert "[12] Астана подтвердила свою готовность" in notes
    english = run_cli("summary", "--evidence", "--lang", "en", SAMPLE).stdout
    assert "Evidence from the article" in english
    assert "[1]" not in run_cli("summary", SAMPLE).stdout


def test_an_article_cut_at_the_size_limit_is_warned_about(tmp_path: Path) -> None:
    from briefing.limits import MAX_SOURCE_TEXT_BYTES

    filler = ("Слова статьи. " * (MAX_SOURCE_TEXT_BYTES // 20)).encode("utf-8")
    article = filler[:MAX_SOURCE_TEXT_BYTES - 100] + " Начало статьи хвост.".encode() * 20
    (tmp_path / "a.txt").write_bytes(article)
    (tmp_path / "b.yaml").write_text(
        "briefing: 1\ntitle: T\nsummary: S\nsource:\n  text: a.txt\npriorities:\n"
        "  - sector: X\n    evidence: Слова статьи\n", encoding="utf-8")
    result = run_cli("check", "b.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.startswith("b.yaml:5:9: warning: only the first ")
    assert result.stderr.endswith(" of the article are shown; evidence after that is not "
                                  "found\n")
    assert result.stdout == "1 claim: 1 backed, 0 not found, 0 mismatched, 0 without evidence\n"


def test_summary_with_evidence_but_no_article_says_so_and_prints_the_summary(
    tmp_path: Path,
) -> None:
    tampered(tmp_path, ("  text: kazinform-eurasian-connectivity.ru.txt\n", ""))
    result = run_cli("summary", "--evidence", NAME, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ("briefing: the briefing names no source article (`source.text`), "
                             "so its evidence cannot be checked\n")
    assert "Ключевые цифры" in result.stdout and "Подтверждения из статьи" not in result.stdout


def test_json_keeps_text_from_the_article_exact_and_harmless(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Платёж \x9b2J прошёл \u202eвчера\x1b.", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "briefing: 1\ntitle: T\nsummary: S\nsource: {text: a.txt}\npriorities:\n"
        "  - sector: X\n    evidence: \"Платёж 2J прошёл вчера\"\n", encoding="utf-8")
    result = run_cli("check", "--json", "b.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert not {"\x9b", "\u202e", "\x1b"} & set(result.stdout)
    (claim,) = json.loads(result.stdout)["files"][0]["claims"]
    assert claim["closest"]["text"] == "Платёж \x9b2J прошёл \u202eвчера"
