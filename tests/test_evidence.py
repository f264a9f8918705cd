"""Each claim's evidence is looked up in the article: found however it is spaced, cased
and quoted; not found with the closest passage; a figure against its number."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.evidence import (
    MAX_SPANS,
    ArticleIndex,
    ClaimKey,
    Status,
    check_evidence,
    normalise,
)
from briefing.loader import Article, load, loads, read_article
from briefing.outline import Outline, Section
from tests.cli_run import ARTICLE, SAMPLE, child_environment

TEXT = ARTICLE.read_text(encoding="utf-8")


def outline_of(yaml_text: str, article: str | None) -> Outline:
    briefing = loads(textwrap.dedent(yaml_text), "b.yaml")
    return Outline(briefing, None, Article(article) if article is not None else None)


def test_normalising_ignores_case_yo_quotes_dashes_and_spacing() -> None:
    assert normalise("  Ёлка «Средний\u00a0коридор» —\n  ключевой  ") == \
        'елка "средний коридор"-ключевой'
    assert normalise("“A” „b“ 'c' ‘d’") == '"a" "b" "c" "d"'
    assert normalise("стран-членов") == normalise("стран – членов") == "стран-членов"
    assert normalise("со\u00adвет\u200b") == "совет"
    assert normalise("ожидание…") == "ожидание..."


def test_an_excerpt_is_found_however_it_is_wrapped_cased_and_quoted() -> None:
    index = ArticleIndex(TEXT)
    excerpt = ("ОСОБОЕ внимание было уделено развитию\nТранскаспийского международного "
               'транспортного  маршрута ("Средний коридор") —\r\nключевого')
    (span,) = index.find(excerpt)
    assert TEXT[span.start:span.end] == (
        "Особое внимание было уделено развитию Транскаспийского международного "
        "транспортного маршрута («Средний коридор») – ключевого")


def test_every_place_an_excerpt_is_written_is_found() -> None:
    spans = ArticleIndex(TEXT).find("«средний КОРИДОР»")
    assert [TEXT[start:end] for start, end in spans] == ["«Средний коридор»"] * 2


def test_a_match_must_start_and_end_at_word_boundaries() -> None:
    index = ArticleIndex("Страны и транспортной сети.")
    assert index.find("раны") == ()
    assert index.find("транспорт") == ()
    assert index.find("транспортной") != ()
    assert index.find("сети.") != ()
    assert index.find("") == ()


def test_spans_map_back_through_collapsed_spaces_and_expanded_characters() -> None:
    article = "Он\u00a0сказал:\n\n  «Да» — и… ушёл."
    index = ArticleIndex(article)
    for excerpt, expected in [("сказал: \"да\"", "сказал:\n\n  «Да»"),
                              ("да\"-и...", "Да» — и…"), ("ушел.", "ушёл.")]:
        (span,) = index.find(excerpt)
        assert article[span.start:span.end] == expected


def test_the_closest_passage_is_whole_words_of_the_article_with_a_score() -> None:
    passage = ArticleIndex(TEXT).closest("обеспечения дешевой чистой энергией")
    assert passage is not None
    assert passage.text == TEXT[passage.span.start:passage.span.end]
    assert passage.text == "обеспечения доступной чистой энергией"
    assert 70 < passage.score < 100


def test_a_long_article_is_searched_by_its_words_with_the_same_results() -> None:
    article = "\n".join([TEXT] * 60)  # long enough for the word index
    index = ArticleIndex(article)
    spans = index.find("ТРАНСПОРТ является одним из 29\nприоритетных направлений")
    assert len(spans) == 60
    assert {article[start:end] for start, end in spans} == {
        "транспорт является одним из 29 приоритетных направлений"}
    assert index.find("ранспорт является") == ()
    assert index.find("нет такого текста в статье") == ()
    assert len(index.find("и")) == MAX_SPANS  # a word found everywhere: the first places
    assert index.find("ТРАНСПОРТ является одним из 29") is index.find("транспорт является "
                                                                    "одним из 29")


def test_in_a_long_article_the_closest_passage_is_where_most_words_point() -> None:
    unique = "Министр сообщил о строительстве нового моста через реку Иртыш в этом году."
    article = "\n".join([TEXT] * 30 + [unique] + [TEXT] * 30)
    passage = ArticleIndex(article).closest(
        "Министр сообщил о строительстве нового тоннеля через реку Иртыш " * 3)
    assert passage is not None
    assert "Министр сообщил о строительстве нового моста через реку Иртыш" in passage.text
    assert passage.text == article[passage.span.start:passage.span.end]


WORDS = st.sampled_from([
    "Казахстан", "ключевой", "ЕС", "«Средний", "коридор»", "стран-членов", "–", "35",
    "миллиардов", "ёмкость", "Türkiye", "trade,", "“quoted”", "partners.", "и", "a",
    "года;", "Ёлка", "(Astana)", "don't",
])
CASES: list[Callable[[str], str]] = [str.upper, str.lower, str.title, lambda word: word]
SPACES = st.sampled_from([" ", "  ", "\n", "\u00a0", "\t", " \n ", "\u202f"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=40), st.data())
def test_any_excerpt_cut_at_word_boundaries_respaced_and_recased_is_found(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    article = "".join(word + space for word, space in words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    pieces = []
    for word, _ in words[first:last + 1]:
        case = data.draw(st.sampled_from(CASES))
        pieces.append(case(word).replace("«", '"').replace("”", "»"))
        pieces.append(data.draw(SPACES))
    excerpt = "".join(pieces[:-1])
    spans = ArticleIndex(article).find(excerpt)
    assert spans, (article, excerpt)
    assert any(normalise(article[start:end]) == normalise(excerpt) for start, end in spans)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_excerpt_of_the_sample_article_respaced_and_recased_is_found(
    data: st.DataObject,
) -> None:
    words = TEXT.split()
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, min(len(words) - 1, first + 60)))
    excerpt = "".join(
        data.draw(st.sampled_from(CASES))(word) + data.draw(SPACES)
        for word in words[first:last + 1])
    assert ArticleIndex(TEXT).find(excerpt)


CLAIMS = """\
    briefing: 1
    title: T
    summary: S
    source: {{text: article.txt}}
    priorities:
      - sector: Energy
        evidence: "clean energy"
      - sector: Trade
    figures:
      - label: Investment
        value: {value}
        unit: {unit}
        evidence: "investments of 35 billion US dollars"
    statements:
      - by: Someone
        text: Said
        evidence: "we will build a road to the moon"
    participants:
      - name: Someone
"""
ARTICLE_TEXT = "Talks covered clean energy. Kazakhstan presented investments of 35 " \
    "billion\nUS dollars. We will build a road."


def test_each_claim_gets_a_status_keyed_by_its_section_and_entry() -> None:
    report = check_evidence(outline_of(CLAIMS.format(value=35000000000, unit="USD"),
                                       ARTICLE_TEXT))
    assert [(f.key, f.status) for f in report.findings] == [
        (ClaimKey(Section.PRIORITIES, 0), Status.BACKED),
        (ClaimKey(Section.PRIORITIES, 1), Status.NO_EVIDENCE),
        (ClaimKey(Section.FIGURES, 0), Status.BACKED),
        (ClaimKey(Section.STATEMENTS, 0), Status.NOT_FOUND),
    ]
    assert report.counts() == {Status.BACKED: 2, Status.NOT_FOUND: 1, Status.MISMATCHED: 0,
                               Status.NO_EVIDENCE: 1}
    figure = report.finding(ClaimKey(Section.FIGURES, 0))
    assert figure is not None
    assert [ARTICLE_TEXT[s:e] for s, e in figure.spans] == [
        "investments of 35 billion\nUS dollars"]
    assert [(n.text, n.value, n.unit) for n in figure.numbers] == [
        ("35 billion US dollars", 35000000000, "USD")]
    statement = report.finding(ClaimKey(Section.STATEMENTS, 0))
    assert statement is not None and statement.closest is not None
    assert statement.closest.text == "We will build a road."
    assert statement.problems == (
        f'evidence not found in the article; closest ({statement.closest.score:.0f}%): '
        '"We will build a road."',)
    no_evidence = report.finding(ClaimKey(Section.PRIORITIES, 1))
    assert no_evidence is not None and no_evidence.problems == ("no evidence for this priority",)
    assert no_evidence.position == (8, 5)  # the claim itself, having no evidence


def test_a_view_finds_each_claims_finding_and_the_claims_a_passage_backs() -> None:
    report = check_evidence(outline_of(CLAIMS.format(value=35000000000, unit="USD"),
                                       ARTICLE_TEXT))
    by_key = report.by_key()
    assert list(by_key) == [finding.key for finding in report.findings]
    energy = ARTICLE_TEXT.index("clean energy")
    assert report.backing(energy + 3) == (ClaimKey(Section.PRIORITIES, 0),)
    assert report.backing(ARTICLE_TEXT.index("billion")) == (ClaimKey(Section.FIGURES, 0),)
    assert report.backing(0) == ()


def test_a_mismatch_names_at_most_five_of_the_excerpts_numbers() -> None:
    text = CLAIMS.format(value=99, unit="USD").replace(
        "investments of 35 billion US dollars", "1, 2, 3, 4, 5, 6, 7")
    figure = check_evidence(outline_of(text, "1, 2, 3, 4, 5, 6, 7")).finding(
        ClaimKey(Section.FIGURES, 0))
    assert figure is not None and figure.problems == (
        "value 99 but the evidence says 1 (1), 2 (2), 3 (3), 4 (4), 5 (5) and 2 more numbers",)


def test_a_figure_whose_evidence_says_another_number_is_mismatched() -> None:
    report = check_evidence(outline_of(CLAIMS.format(value=53000000000, unit="USD"),
                                       ARTICLE_TEXT))
    figure = report.finding(ClaimKey(Section.FIGURES, 0))
    assert figure is not None and figure.status is Status.MISMATCHED and figure.spans
    assert figure.problems == (
        "value 53000000000 but the evidence says 35 billion US dollars (35000000000)",)


def test_a_figure_whose_evidence_says_another_currency_is_mismatched() -> None:
    report = check_evidence(outline_of(CLAIMS.format(value=35000000000, unit="тенге"),
                                       ARTICLE_TEXT))
    figure = report.finding(ClaimKey(Section.FIGURES, 0))
    assert figure is not None and figure.status is Status.MISMATCHED
    assert figure.problems == ("unit KZT but the evidence says 35 billion US dollars (USD)",)


def test_a_multiplier_in_the_unit_counts_and_an_unknown_unit_is_not_compared() -> None:
    for value, unit in [(35, "bn USD"), (35, "млрд долларов США"), (35000000000, "investments"),
                        (35e9, "{en: USD, ru: долларов}")]:
        report = check_evidence(outline_of(CLAIMS.format(value=value, unit=unit), ARTICLE_TEXT))
        figure = report.finding(ClaimKey(Section.FIGURES, 0))
        assert figure is not None and figure.status is Status.BACKED, (value, unit)


def test_a_figure_whose_evidence_has_no_number_is_mismatched() -> None:
    text = CLAIMS.format(value=5, unit="USD").replace(
        "investments of 35 billion US dollars", "Kazakhstan presented")
    figure = check_evidence(outline_of(text, ARTICLE_TEXT)).finding(ClaimKey(Section.FIGURES, 0))
    assert figure is not None and figure.status is Status.MISMATCHED
    assert figure.problems == ("value 5 but the evidence states no number",)


def test_an_empty_excerpt_or_one_like_nothing_in_the_article_says_so() -> None:
    text = CLAIMS.format(value=1, unit="USD").replace('"clean energy"', '" \\t "').replace(
        "we will build a road to the moon", "zzzz qqqq xxxx")
    report = check_evidence(outline_of(text, ARTICLE_TEXT))
    empty = report.finding(ClaimKey(Section.PRIORITIES, 0))
    unlike = report.finding(ClaimKey(Section.STATEMENTS, 0))
    assert empty is not None and empty.status is Status.NOT_FOUND
    assert empty.problems == (
        "the evidence is empty; copy the passage of the article that backs this priority",)
    assert unlike is not None and unlike.status is Status.NOT_FOUND and unlike.closest is None
    assert unlike.problems == ("evidence not found in the article, nor anything close to it",)


def test_without_an_article_nothing_is_checked_and_the_report_says_why() -> None:
    no_source = outline_of("briefing: 1\ntitle: T\nsummary: S\n", None)
    assert check_evidence(no_source).missing.startswith("the briefing names no source article")
    unreadable = outline_of(CLAIMS.format(value=1, unit="USD"), None)
    report = check_evidence(Outline(unreadable.briefing, None, Article(note="no such file")))
    assert report.findings == () and "no such file" in report.missing


def test_the_sample_is_backed_claim_by_claim() -> None:
    briefing = load(SAMPLE)
    report = check_evidence(Outline(briefing, None, read_article(briefing.source_text_path)))
    assert len(report.findings) == 12
    assert {finding.status for finding in report.findings} == {Status.BACKED}


def test_rapidfuzz_is_imported_only_when_an_excerpt_is_not_found() -> None:
    script = (
        "import sys\n"
        "from briefing.loader import load, read_article\n"
        "from briefing.outline import Outline\n"
        "from briefing.evidence import check_evidence\n"
        f"b = load({str(SAMPLE)!r})\n"
        "check_evidence(Outline(b, None, read_article(b.source_text_path)))\n"
        "print('rapidfuzz' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=child_environment(), timeout=30, check=True)
    assert result.stdout == "False\n"
