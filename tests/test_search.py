"""Tests for briefing.search: matching rules, spans, the index, and robustness."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.search import Match, SearchIndex

from .search_reference import Token, find_matches, index_terms, normalize, tokenize

ARTICLE = (
    Path(__file__).parent.parent / "data" / "kazinform-eurasian-connectivity.ru.txt"
).read_text(encoding="utf-8")
# Sentences of the source article.
LEAD = (
    "Заместитель министра иностранных дел Республики Казахстан Арман Исетов принял участие "
    "в министерской встрече, посвященной продвижению повестки дня по развитию "
    "взаимосвязанности между странами Центральной Азии, программы Восточного партнерства, "
    "Турцией и Европейским союзом."
)
CORRIDOR = (
    "Особое внимание было уделено развитию Транскаспийского международного транспортного "
    "маршрута («Средний коридор») – ключевого связующего звена между Азией и Европой, "
    "проходящего через ряд тюркских государств."
)
INVESTMENT = (
    "Европейским партнерам были представлены проекты и масштабные инвестиции, осуществленные "
    "Казахстаном за последнее десятилетие – в размере 35 миллиардов долларов США – в "
    "развитие транспортной и логистической инфраструктуры, а также планы страны в этой сфере."
)


def found(query: str, text: str, language: str | None = None) -> list[str]:
    """Return the matched original substrings of ``text``."""
    return [text[start:end] for start, end in find_matches(query, text, language)]


def test_article_sentences_are_real() -> None:
    for sentence in (LEAD, CORRIDOR, INVESTMENT):
        assert sentence in ARTICLE


# --------------------------------------------------------------------------- normalisation


def test_normalize_folds_case_yo_and_turkish_i() -> None:
    assert normalize("ЁЛКА Ёж всё") == "елка еж все"
    assert normalize("İSTANBUL ıstanbul") == "istanbul istanbul"
    assert normalize("Straße ＡＢＣ ﬁ") == "strasse abc fi"


def test_tokenize_keeps_original_spans() -> None:
    text = "«Средний коридор» – стран-членов, O'Brien"
    tokens = tokenize(text)
    assert [t.word for t in tokens] == ["средний", "коридор", "стран", "членов", "obrien"]
    assert [text[t.start : t.end] for t in tokens] == [
        "Средний",
        "коридор",
        "стран",
        "членов",
        "O'Brien",
    ]
    assert tokens[0] == Token("средний", 1, 8)


def test_tokenize_combining_marks_and_soft_hyphens_stay_in_the_word() -> None:
    text = "Ёлка е\u0308лка транс\u00adпорт"
    tokens = tokenize(text)
    assert [t.word for t in tokens] == ["елка", "елка", "транспорт"]
    assert [text[t.start : t.end] for t in tokens] == ["Ёлка", "е\u0308лка", "транс\u00adпорт"]


def test_tokenize_ideographs_one_per_character() -> None:
    assert [t.word for t in tokenize("我爱中国")] == ["我", "爱", "中", "国"]


# --------------------------------------------------------------------------- case, ё


def test_case_insensitive_cyrillic() -> None:
    assert found("КАЗАХСТАН", LEAD) == ["Казахстан"]
    assert found("казахстан", LEAD) == ["Казахстан"]
    assert found("заместитель МИНИСТРА", LEAD) == ["Заместитель министра"]


def test_case_insensitive_latin() -> None:
    assert found("KAZINFORM", ARTICLE) == ["Kazinform", "Kazinform"]
    assert found("kazinform", ARTICLE) == ["Kazinform", "Kazinform"]


def test_case_insensitive_other_scripts() -> None:
    assert found("STRASSE", "Die Straße ist lang") == ["Straße"]
    assert found("ΟΔΟΣ", "η οδός") == ["οδός"]  # Σ, σ and final ς are one letter


def test_turkish_dotted_and_dotless_i() -> None:
    text = "İstanbul ve Ankara"
    assert found("istanbul", text) == ["İstanbul"]
    assert found("ISTANBUL", text) == ["İstanbul"]
    assert found("ıstanbul ve", text) == ["İstanbul ve"]


def test_yo_equals_ye_both_ways() -> None:
    text = "Пётр Ёлкин сказал, что всё решено"
    assert found("петр", text) == ["Пётр"]
    assert found("ЕЛКИН", text) == ["Ёлкин"]
    assert found("все ", text) == ["всё"]
    assert found("Всё", "Все участники") == ["Все"]


# --------------------------------------------------------------------------- word forms


def test_stem_finds_other_case_forms() -> None:
    assert found("коридора", CORRIDOR) == ["коридор"]
    assert found("коридорами", ARTICLE) == ["коридор", "коридор"]


def test_adjective_forms() -> None:
    assert found("транспортный", INVESTMENT) == ["транспортной"]
    assert found("транспортный", CORRIDOR) == ["транспортного"]
    assert found("транспортный ", ARTICLE) == ["транспортного", "транспортной", "транспортной"]


def test_stem_match_is_not_a_substring_match() -> None:
    assert found("корова", ARTICLE) == []
    assert found("ридор", ARTICLE) == []  # inside a word, not a prefix
    assert found("коридорный", ARTICLE) == []  # a different word with a longer stem
    assert found("транспортировка", ARTICLE) == []


def test_english_stems() -> None:
    assert found("corridors", "The Middle Corridor links Asia and Europe") == ["Corridor"]
    assert found("links ", "a key link between Asia and Europe") == ["link"]


def test_language_hint_selects_the_stemmer() -> None:
    assert found("evler ", "Eski evlerde", language="tr") == ["evlerde"]
    assert found("evler ", "Eski evlerde") == []  # english stemmer: different stems
    assert found("коридора ", "Средний коридор", language="kk") == ["коридор"]
    assert found("коридора ", "Средний коридор", language="tr") == ["коридор"]  # script wins


# --------------------------------------------------------------------------- transliteration


def test_latin_finds_cyrillic() -> None:
    assert found("koridor", CORRIDOR) == ["коридор"]
    assert found("KORIDOR", CORRIDOR) == ["коридор"]
    assert found("kazakhstan ", LEAD) == ["Казахстан"]


def test_latin_phrase_and_word_forms_find_cyrillic() -> None:
    assert found("sredniy koridor", CORRIDOR) == ["Средний коридор"]
    assert found("srednego koridora", CORRIDOR) == ["Средний коридор"]
    assert found("transportnyy ", INVESTMENT) == ["транспортной"]
    assert found("investitsiyami ", INVESTMENT) == ["инвестиции"]
    assert found("koridorom ", CORRIDOR) == ["коридор"]


def test_latin_does_not_find_unrelated_cyrillic() -> None:
    assert found("korova", CORRIDOR) == []
    assert found("koridorny ", CORRIDOR) == []
    assert found("sredniy marshrut", CORRIDOR) == []


def test_latin_finds_latin_without_diacritics() -> None:
    assert found("turkiye", "Türkiye ve Kazakistan") == ["Türkiye"]


# --------------------------------------------------------------------------- as you type


def test_last_word_is_a_prefix() -> None:
    assert found("корид", CORRIDOR) == ["коридор"]
    assert found("Средн", CORRIDOR) == ["Средний"]
    assert found("korid", CORRIDOR) == ["коридор"]
    assert found("Средний корид", CORRIDOR) == ["Средний коридор"]


def test_earlier_words_must_be_whole_word_forms() -> None:
    assert found("Сре коридор", CORRIDOR) == []
    assert found("Средний коридор", CORRIDOR) == ["Средний коридор"]


def test_trailing_space_ends_the_prefix() -> None:
    assert found("корид ", CORRIDOR) == []
    assert found("коридор ", CORRIDOR) == ["коридор"]


def test_typing_letter_by_letter_keeps_finding_the_word() -> None:
    for n in range(1, len("коридор") + 1):
        assert "коридор" in found("коридор"[:n], CORRIDOR), "коридор"[:n]


# --------------------------------------------------------------------------- phrases


def test_phrase_inside_guillemets() -> None:
    assert found("«Средний коридор»", CORRIDOR) == ["Средний коридор"]
    assert found("Средний коридор", ARTICLE) == ["Средний коридор", "Средний коридор"]


def test_phrase_skips_punctuation_between_words() -> None:
    assert found("маршрута Средний", CORRIDOR) == ["маршрута («Средний"]
    assert found("коридор ключевого", CORRIDOR) == ["коридор») – ключевого"]


def test_phrase_needs_consecutive_words() -> None:
    assert found("Средний звена", CORRIDOR) == []
    assert found("коридор Средний", CORRIDOR) == []


def test_spans_point_at_the_original_text() -> None:
    for query in ["Казахстан", "Средний коридор", "koridor", "транспортный", "35"]:
        spans = find_matches(query, ARTICLE)
        assert spans
        for start, end in spans:
            assert 0 <= start < end <= len(ARTICLE)
            word = ARTICLE[start:end]
            assert word[0].isalnum() and word[-1].isalnum()


def test_matches_do_not_overlap() -> None:
    assert find_matches("да да", "да да да") == [(0, 5)]
    assert find_matches("да", "да да да") == [(0, 2), (3, 5), (6, 8)]
    assert find_matches("да да", "да да да да") == [(0, 5), (6, 11)]
    index = SearchIndex([("x", "да да да"), ("y", "да, да; да, да")])
    assert index.search("да да") == [Match("x", 0, 5), Match("y", 0, 6), Match("y", 8, 14)]


# --------------------------------------------------------------------------- no query


@pytest.mark.parametrize("query", ["", " ", "\t\n", "«»", "– , . !", "___"])
def test_no_words_no_matches(query: str) -> None:
    assert find_matches(query, ARTICLE) == []
    assert SearchIndex([("a", ARTICLE)]).search(query) == []


# --------------------------------------------------------------------------- index


def test_index_orders_by_text_then_start() -> None:
    texts: list[tuple[Hashable, str]] = [
        (("statements", 0, "text", "ru"), CORRIDOR),
        (("statements", 1, "text", "ru"), "Никакого коридора"),
        (("statements", 2, "text", "en"), "The Middle Corridor"),
        (("statements", 3, "text", "ru"), "Коридор, коридор!"),
    ]
    index = SearchIndex(texts)
    assert len(index) == 4
    matches = index.search("коридор")
    at = CORRIDOR.index("коридор")
    assert matches == [
        Match(("statements", 0, "text", "ru"), at, at + 7),
        Match(("statements", 1, "text", "ru"), 9, 17),
        Match(("statements", 3, "text", "ru"), 0, 7),
        Match(("statements", 3, "text", "ru"), 9, 16),
    ]
    assert [m.key for m in index.search("koridor")] == [m.key for m in matches]


def test_index_phrase_does_not_cross_texts() -> None:
    index = SearchIndex([(1, "Средний"), (2, "коридор")])
    assert index.search("Средний коридор") == []
    assert index.search("Средний") == [Match(1, 0, 7)]


def test_index_language_hint() -> None:
    languages: dict[Hashable, str] = {"p1": "tr", "p2": "en"}
    index = SearchIndex([("p1", "Eski evlerde"), ("p2", "Eski evlerde")], language_of=languages.get)
    assert index.search("evler ") == [Match("p1", 5, 12)]


def test_index_agrees_with_find_matches_on_the_article() -> None:
    paragraphs = ARTICLE.split("\n")
    index = SearchIndex(enumerate(paragraphs))
    queries = ["Средний коридор", "транспортн", "koridor", "ЕС", "связей ", "sredn", "и"]
    queries += ["srednego koridora", "transportnyy ", "investitsiyami ", "Kazakhstan"]
    for query in queries:
        expected = [
            Match(n, start, end)
            for n, paragraph in enumerate(paragraphs)
            for start, end in find_matches(query, paragraph)
        ]
        assert expected, query
        assert index.search(query) == expected, query


def test_found_makes_matches_only_when_asked() -> None:
    texts: list[tuple[Hashable, str]] = [("a", "коридор и коридор"), ("b", ""), ("c", "Коридор")]
    index = SearchIndex(texts)
    assert [index.token_range(text) for text in range(3)] == [(0, 3), (3, 3), (3, 4)]
    assert index.keys == ["a", "b", "c"]
    found = index.find("коридор")
    assert len(found) == 3
    assert found.matches() == index.search("коридор")
    assert found.match(2) == Match("c", 0, 7)
    assert found.spans("a") == [(0, 7), (10, 17)]
    assert found.spans("b") == [] and found.spans("nowhere") == []
    assert found.count(*index.token_range(0)) == 2
    assert found.first_from(1) == 1 and found.first_from(4) == 3
    assert len(index.find("  ")) == 0


def test_found_spans_of_a_key_given_twice() -> None:
    index = SearchIndex([("k", "да"), ("other", "да"), ("k", "нет да")])
    assert index.find("да").spans("k") == [(0, 2), (4, 6)]


def typed(index: SearchIndex, query: str) -> list[int]:
    """The starts of ``query`` typed key by key, each result narrowing the next."""
    found = None
    for end in range(1, len(query) + 1):
        found = index.find(query[:end], previous=found)
    assert found is not None
    return found.starts


# A longer last word usually matches fewer words, but a stem can bring in new ones:
# "flies" finds "fly", "flie" does not.
NARROWING = ["the fly flies", "да да да да", "the flies the fly the flying", "коридор коридора",
             "koridor srednego, средний коридор", "flies fly"]


@pytest.mark.parametrize(
    "query", ["the flies", "да да да", "да да д", "the fly flies", "средн корид", "flies fly",
              "koridor srednego", "fly the", "the f"])
def test_a_query_typed_key_by_key_finds_what_it_finds_at_once(query: str) -> None:
    index = SearchIndex(enumerate(NARROWING), language_of=lambda key: "en")
    assert typed(index, query) == index.find(query).starts


def test_a_longer_word_that_finds_more_is_not_narrowed() -> None:
    texts = [(0, "the fly"), (1, "the flie"), *((n, "the the") for n in range(2, 9)),
             *((n, "fly fly") for n in range(9, 16))]
    index = SearchIndex(texts)
    # "the flie" occurs once, fewer times than either word: the next key would check
    # only there...
    assert [m.key for m in index.search("the flie")] == [1]
    # ...but "flies" finds "fly" (the same stem), which "flie" does not.
    assert [m.key for m in index.search("the flies")] == [0]
    assert typed(index, "the flies") == index.find("the flies").starts


# --------------------------------------------------------------------------- FTS5 terms


def test_index_terms() -> None:
    terms = index_terms("«Средний коридор», Türkiye")
    assert terms == [
        "средний",
        "средн",
        "sredniy",
        "sredn",
        "коридор",
        "koridor",
        "türkiye",
        "türkiy",
        "turkiye",
    ]
    assert index_terms("Türkiye'nin", language="tr") == ["türkiyenin", "türkiye", "turkiyenin"]
    assert index_terms("  «» ") == []


# --------------------------------------------------------------------------- properties

ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяСЁКОРИДТ"
    "abcdekorinstyzhIİıßŞşü"
    "  «»-.,!'’_\u0301\u0308\u00ad\u200b中国"
)
texts_strategy = st.text(alphabet=ALPHABET, max_size=60)
WORDS = ["коридор", "коридора", "Средний", "ёлка", "елка", "koridor", "sredniy", "İstanbul"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(), text=st.text())
def test_never_raises_on_any_text(query: str, text: str) -> None:
    spans = find_matches(query, text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    assert [(m.start, m.end) for m in SearchIndex([(0, text)]).search(query)] == spans
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
        assert token.word
    normalize(text)
    index_terms(text, language="tr")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(
        st.lists(st.one_of(texts_strategy, st.sampled_from(WORDS)), max_size=6).map(" ".join),
        max_size=5,
    ),
    data=st.data(),
)
def test_index_agrees_with_find_matches(texts: list[str], data: st.DataObject) -> None:
    # bool(): with `texts and ...`, mypy infers the draw's type from `texts`.
    if bool(texts) and data.draw(st.booleans()):
        # A query cut out of one of the texts, so that matches are likely.
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, len(text)))
        query = text[start : data.draw(st.integers(start, len(text)))]
    else:
        query = data.draw(st.one_of(texts_strategy, st.sampled_from(WORDS)))
    expected = [
        Match(n, start, end)
        for n, text in enumerate(texts)
        for start, end in find_matches(query, text)
    ]
    assert SearchIndex(enumerate(texts)).search(query) == expected
    for text in texts:
        previous_end = 0
        for start, end in find_matches(query, text):
            assert previous_end <= start < end <= len(text)
            previous_end = end


@settings(max_examples=200)
@given(text=texts_strategy, data=st.data())
def test_every_word_finds_itself(text: str, data: st.DataObject) -> None:
    tokens = tokenize(text)
    if not tokens:
        assert find_matches(text, text) == []
        return
    token = data.draw(st.sampled_from(tokens))
    original = text[token.start : token.end]
    assert (token.start, token.end) in find_matches(original, text)
    assert (token.start, token.end) in find_matches(original.upper() + " ", text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.lists(st.sampled_from([*WORDS, "да", "the", "fly", "flies", "flie", "a"]),
                            max_size=8).map(" ".join), max_size=5),
    data=st.data(),
)
def test_narrowing_never_changes_what_is_found(texts: list[str], data: st.DataObject) -> None:
    index = SearchIndex(enumerate(texts))
    words = data.draw(st.lists(st.sampled_from([*WORDS, "да", "the", "flies", "a"]), min_size=1,
                               max_size=3))
    query = " ".join(words)
    assert typed(index, query) == index.find(query).starts


def test_a_long_text_finds_the_same_matches_with_its_spans_kept_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A text of megabytes (an article in one line) has its words' places worked out as
    the index is built; its matches are those of a text whose places are worked out at
    the first search."""
    text = " ".join(f"Сказано́ {n}, и da\u0301 — пункт {n}." for n in range(400))
    texts = [("short", "пункт один"), ("long", text), ("after", "ещё пункт")]
    later = [(m.key, m.start, m.end) for m in SearchIndex(texts).search("пункт")]
    monkeypatch.setattr(SearchIndex, "LONG_TEXT", 100)
    index = SearchIndex(texts)
    assert [(m.key, m.start, m.end) for m in index.search("пункт")] == later
    assert len(later) == 402
