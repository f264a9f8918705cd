"""The outline: one walk of a briefing that every view reads."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from briefing import model
from briefing.loader import load, loads, read_article
from briefing.model import Kind, RecordSpec
from briefing.outline import (
    ARTICLE,
    ITEM,
    FieldKey,
    Outline,
    Section,
    TextKey,
    split_paragraphs,
)
from briefing.search import Match, SearchIndex
from tests.cli_run import SAMPLE

RECORDS = [value for value in vars(model).values() if isinstance(value, RecordSpec)]


def sample_outline(language: str = "ru") -> Outline:
    briefing = load(SAMPLE)
    return Outline(briefing, language, read_article(briefing.source_text_path))


# -- the paragraph rule ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("one line", ("one line",)),
        ("wrapped by\nhand at\n80 columns", ("wrapped by hand at 80 columns",)),
        ("first\n\nsecond", ("first", "second")),
        ("first\n   \t\nsecond\n", ("first", "second")),
        ("crlf\r\nline\r\n\r\nnext", ("crlf line", "next")),
        ("  indented\n  lines  \n", ("indented lines",)),
        ("\n\n\n", ()),
        ("escape \x1b[2J here", ("escape ␛[2J here",)),
        ("\x1fedge\x1f", ("␟edge␟",)),  # controls at the edges are shown, not stripped
    ],
)
def test_one_paragraph_rule(text: str, paragraphs: tuple[str, ...]) -> None:
    assert split_paragraphs(text) == paragraphs


def test_hand_wrapped_summary_reads_as_prose(write_briefing: object) -> None:
    briefing = loads(textwrap.dedent("""\
        briefing: 1
        title: T
        summary: |
          Ministers met in Samarkand for
          their yearly meeting.

          They agreed.
    """))
    summary = Outline(briefing).entries(Section.SUMMARY)[0].fields["summary"]
    assert summary.paragraphs == ("Ministers met in Samarkand for their yearly meeting.",
                                  "They agreed.")


# -- sections, entries, fields ---------------------------------------------------


def test_sections_are_in_reading_order_and_hold_the_sample() -> None:
    outline = sample_outline()
    briefing = outline.briefing
    assert list(outline.sections) == list(Section)
    assert len(outline.entries(Section.PARTICIPANTS)) == len(briefing.participants)
    assert len(outline.entries(Section.FIGURES)) == len(briefing.figures)
    assert len(outline.entries(Section.OUTCOMES)) == len(briefing.outcomes)
    assert [e.text(ITEM) for e in outline.entries(Section.TAGS)] == list(briefing.tags)
    assert outline.entries(Section.TIMELINE) == ()


def test_fields_have_stable_keys_and_the_chosen_language() -> None:
    ru, en = sample_outline("ru"), sample_outline("en")
    for ru_field, en_field in zip(ru.fields(), en.fields(), strict=True):
        assert ru_field.key == en_field.key
    isetov = en.entries(Section.PARTICIPANTS)[0]
    assert isetov.id == "isetov"
    assert isetov.fields["name"].key == FieldKey("participants", 0, "name")
    assert isetov.text("name") == "Arman Isetov"
    assert isetov.fields["name"].language == "en"
    assert isetov.fields["id"].language == ""  # the same in every language


def test_a_missing_translation_falls_back_to_the_original() -> None:
    briefing = loads("briefing: 1\nlanguage: ru\ntitle: {ru: Встреча, en: Meeting}\n"
                     "summary: Только по-русски.\n")
    top = Outline(briefing, "en").entries(Section.SUMMARY)[0]
    assert top.text("title") == "Meeting" and top.fields["title"].language == "en"
    assert top.text("summary") == "Только по-русски."
    assert top.fields["summary"].language == "ru"


def test_an_unknown_language_shows_the_original() -> None:
    assert sample_outline("de").language == "ru"


def test_statements_refer_to_their_speaker_by_index() -> None:
    outline = sample_outline()
    for statement in outline.entries(Section.STATEMENTS):
        assert statement.refers_to is not None
        speaker = outline.entries(Section.PARTICIPANTS)[statement.refers_to]
        assert statement.text("by") in (speaker.id, speaker.record.name.get("ru"),
                                        speaker.record.name.get("en"))


def test_every_field_points_at_its_text_in_the_yaml() -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for language in ("ru", "en"):
        for field in sample_outline(language).fields():
            if field.key.name == ARTICLE:
                continue
            line, column = field.position
            written = lines[line - 1][column - 1:].lstrip("\"'|>- ")
            expected = field.text.split("\n")[0][:20]
            if isinstance(field.value, Decimal):  # shown grouped, written plain
                expected = str(field.value)[:5]
            if written:  # a `|` block starts on the next line
                assert written.startswith(expected), (field.key, written, expected)
            else:
                assert lines[line].strip().startswith(expected), (field.key, expected)


def test_every_declared_field_of_the_sample_is_in_the_outline() -> None:
    """A field declared on a record reaches the outline with no other change."""
    outline = sample_outline()
    keys = {field.key for field in outline.fields()}
    for section in (Section.PARTICIPANTS, Section.PRIORITIES, Section.FIGURES,
                    Section.STATEMENTS):
        spec = next(f.record for f in model.BRIEFING.fields if f.name == section.value)
        assert spec is not None
        for number, record in enumerate(getattr(outline.briefing, section.value)):
            for field in spec.fields:
                value = getattr(record, field.attribute)
                if value is None or value == ():
                    continue
                if field.kind is Kind.TEXT_LIST:
                    for item in range(len(value)):
                        assert FieldKey(section, number, f"{field.name}.{item}") in keys
                else:
                    assert FieldKey(section, number, field.name) in keys


def test_search_texts_hold_every_searchable_field_in_every_language() -> None:
    outline = sample_outline()
    texts = dict(outline.texts())
    for language in outline.languages:
        for field in outline.in_language(language).fields():
            if field.searchable:
                for number, paragraph in enumerate(field.paragraphs):
                    assert texts[field.text_key(number)] == paragraph
    assert ("figures", 0, "value", "", 0) in texts  # numbers once, in no language
    assert not any(key.name in ("id", "kind", "by", "evidence", "display") for key in texts)


def test_located_texts_are_each_languages_outline_texts_where_they_are_written() -> None:
    # What the library stores: each language's fields as that language's outline shows
    # them (text, key and line), the outline's own language first, then the others.
    for language in ("ru", "en", "de"):
        outline = sample_outline(language)
        expected = []
        for number, other in enumerate((outline.language, *outline.languages)):
            if number and other == outline.language:
                continue
            for field in outline.in_language(other).fields():
                if field.searchable and (field.language == other or
                                         (not number and not field.language)):
                    expected += [(field.text_key(paragraph), text, field.position)
                                 for paragraph, text in enumerate(field.paragraphs)]
        located = list(outline.located_texts())
        assert located == expected
        assert {key.language for key, _, _ in located} == {"ru", "en", ""}
        speakers = [(key, position) for key, _, position in located
                    if key.name == "speaker.name" and key.language == "en"]
        assert speakers and all(position.line > 1 for _, position in speakers)


@pytest.mark.parametrize("text", ["one line", "  \t padded \t ", " \t ", "", "a\rb",
                                  "\x1b[2J", "tab\tinside", "\u2028sep"])
def test_a_line_break_at_the_end_changes_no_paragraph(text: str) -> None:
    assert split_paragraphs(text) == split_paragraphs(f"{text}\n")


def text_key(match: Match) -> TextKey:
    """The key of a match in an index of an outline's texts."""
    assert isinstance(match.key, TextKey)
    return match.key


def test_searching_the_outline_finds_notes_and_attributions() -> None:
    """Fields a view once had to list by hand are found because they are declared."""
    index = SearchIndex(sample_outline("en").texts())
    found = {text_key(match)[:3] for match in index.search("ministry")}
    assert ("source", 0, "attribution") in found
    found_in_russian = {text_key(match)[:4] for match in index.search("декабре")}
    assert ("figures", 2, "note", "ru") in found_in_russian


def test_the_article_is_in_the_source_section() -> None:
    outline = sample_outline()
    article = outline.entries(Section.SOURCE)[0].fields[ARTICLE]
    assert len(article.paragraphs) >= 3
    assert article.language == "" and article.searchable


def test_a_briefing_without_source_has_an_empty_source_section(tmp_path: Path) -> None:
    briefing = loads("briefing: 1\ntitle: T\nsummary: S\n")
    outline = Outline(briefing)
    assert outline.entries(Section.SOURCE) == ()
    # In reading order: the title, then the summary; then the rest.
    assert [f.key.name for f in outline.fields()] == ["title", "summary", "briefing", "language"]
