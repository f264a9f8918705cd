"""The library index's interface, as the library screen uses it: entries, facets,
filters, search results and their hits, which must be what the viewer's search finds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.library import FacetKind, Filters, open_library
from briefing.library.entries import IndexedText
from briefing.library.hits import excerpt, find_hits
from briefing.library.reading import facet_key
from briefing.library.sqlite_index import SqliteIndex
from briefing.loader import load
from briefing.outline import Outline, TextKey
from briefing.search import SearchIndex
from tests.cli_run import ARTICLE, SAMPLE

QUERIES = ["коридора", "koridor", "КОРИДОР", "Middle Corridor", "middle corr", "средний кори",
           "Исетов", "isetov", "Türkiye", "turkiye", "35", "транспорт", "transportnoy",
           "коридор средний", "ЕС", "eu", "цифровой трансформации", "the"]


def small(title: str, date: str, people: list[str], country: str, tags: list[str]) -> str:
    participants = "".join(f"  - name: {name}\n    country: {country}\n" for name in people)
    return (f"briefing: 1\ntitle: {json.dumps(title)}\ndate: {date}\n"
            f"summary: A meeting about ferries.\ntags: {json.dumps(tags)}\n"
            f"participants:\n{participants}")


@pytest.fixture
def index(tmp_path: Path) -> SqliteIndex:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    (folder / "a.yaml").write_text(small("A", "2024-03-01", ["Arman Isetov"], "Kazakhstan",
                                         ["ferry"]), encoding="utf-8")
    (folder / "b.yaml").write_text(small("B", "2023", ["ARMAN  ISETOV", "Anna Schmidt"],
                                         "Germany", ["ferry", "rail"]), encoding="utf-8")
    (folder / "bad.yaml").write_text("briefing: 1\n", encoding="utf-8")
    library = open_library(str(folder), cache=tmp_path / "cache")
    library.scan()
    return library


def test_entries_list_every_file_and_the_invalid_with_their_problem(index: SqliteIndex) -> None:
    entries = index.entries()
    assert [entry.path for entry in entries] == ["a.yaml", "b.yaml", "bad.yaml", SAMPLE.name]
    bad = entries[2]
    assert not bad.valid and bad.problem is not None and bad.problem.line == 1
    sample = entries[3]
    assert sample.title_in("en").startswith("Developing Eurasian ties")
    assert sample.title_in("ru").startswith("Развитие евразийских связей")
    assert sample.outlet_in("en") == "Kazinform news agency"
    outline = load(SAMPLE)
    assert (sample.participants, sample.figures) == (len(outline.participants),
                                                      len(outline.figures))
    assert entries[0].year == 2024 and entries[1].date == "2023"
    assert [entry.path for entry in index.invalid()] == ["bad.yaml"]


def test_facets_match_a_person_across_briefings_and_narrow(index: SqliteIndex) -> None:
    facets = index.facets()
    people = {facet.key: facet.briefings for facet in facets[FacetKind.PARTICIPANT]}
    assert people["arman isetov"] == 3  # "Арман Исетов", "Arman Isetov", "ARMAN  ISETOV"
    assert facet_key("Арман  Исетов") == facet_key("ARMAN ISETOV") == "arman isetov"
    years = {facet.key for facet in facets[FacetKind.YEAR]}
    assert years == {"2023", "2024"}
    germany = Filters().with_value(FacetKind.COUNTRY, "germany")
    assert [entry.path for entry in index.entries(germany)] == ["b.yaml"]
    narrowed = index.facets(germany)
    assert {facet.key for facet in narrowed[FacetKind.TAG]} == {"ferry", "rail"}
    found = index.search("ferries", filters=germany)
    assert [result.entry.path for result in found] == ["b.yaml"]


PEOPLE = {
    "paris.yaml": ("en", "Pierre Dubois"),
    "kazan.yaml": ("ru", "Пьер Дюбуа"),
    "astana.yaml": ("ru", "Арман Исетов"),
    "brussels.yaml": ("en", "Arman Isetov"),
    "moscow.yaml": ("ru", "{ru: Пьер Дюбуа, en: Pierre Dubois}"),
    "lyon.yaml": ("ru", "{ru: Пьер Дюбуа, fr: PIERRE  DUBOIS}"),
}


def test_a_person_is_one_whatever_the_briefings_language(tmp_path: Path) -> None:
    # Keyed by the name in Latin letters when a briefing gives one (else transliterated
    # from its own, and that spelling is the Latin name's once a briefing gives both),
    # so one person in English and Russian briefings is counted once.
    folder = tmp_path / "people"
    folder.mkdir()

    def write(*names: str) -> None:
        for name in names:
            language, person = PEOPLE[name]
            (folder / name).write_text(
                f"briefing: 1\nlanguage: {language}\ntitle: T\nsummary: S\n"
                f"participants:\n  - name: {person}\n", encoding="utf-8")

    def people() -> list[tuple[str, int]]:
        return [(person.key, person.briefings)
                for person in library.facets()[FacetKind.PARTICIPANT]]

    write("paris.yaml", "kazan.yaml", "astana.yaml", "brussels.yaml")
    library = open_library(str(folder), cache=tmp_path / "cache")
    library.scan()
    assert people() == [("arman isetov", 2), ("per dyubua", 1), ("pierre dubois", 1)]
    write("moscow.yaml", "lyon.yaml")  # both spellings: the Russian-only one joins
    library.scan()
    assert people() == [("pierre dubois", 4), ("arman isetov", 2)]
    pierre = library.facets()[FacetKind.PARTICIPANT][0]
    assert (pierre.label_in("ru"), pierre.label_in("en")) == ("Пьер Дюбуа", "Pierre Dubois")
    picked = Filters().with_value(FacetKind.PARTICIPANT, "pierre dubois")
    assert [entry.path for entry in library.entries(picked)] == [
        "kazan.yaml", "lyon.yaml", "moscow.yaml", "paris.yaml"]
    library.close()
    shutil.rmtree(tmp_path / "cache")  # made in one go: the same
    library = open_library(str(folder), cache=tmp_path / "cache")
    library.scan()
    assert people() == [("pierre dubois", 4), ("arman isetov", 2)]
    library.close()


def test_an_article_is_looked_for_beside_the_real_file(tmp_path: Path) -> None:
    # Files read one after another (a worker's share) find their folder once; a
    # symbolic link's article is still beside the file it links to.
    folder = tmp_path / "linked"
    (folder / "inside").mkdir(parents=True)
    briefing = "briefing: 1\ntitle: T\nsummary: S\nsource:\n  outlet: X\n  text: art.txt\n"
    for name in ("inside/real.yaml", "inside/twin.yaml", "other.yaml", "plain.yaml"):
        (folder / name).write_text(briefing, encoding="utf-8")
    (folder / "inside" / "art.txt").write_text("An article.", encoding="utf-8")
    (folder / "link.yaml").symlink_to(folder / "inside" / "real.yaml")
    library = open_library(str(folder), cache=tmp_path / "cache")
    library.scan(workers=1)
    valid = {entry.path: entry.valid for entry in library.entries()}
    assert valid["link.yaml"] and valid["inside/twin.yaml"]  # (the file linked to: once)
    assert not valid["other.yaml"] and not valid["plain.yaml"]
    problem = library.invalid()[0].problem
    assert problem is not None and "'art.txt' does not exist" in problem.message
    library.close()


def test_results_carry_what_the_screen_opens_at(index: SqliteIndex) -> None:
    result = index.search("middle corr")[0]
    assert result.entry.path == SAMPLE.name
    assert result.matched >= len(result.hits) > 0
    hit = result.hits[0]
    start, end = hit.spans[0]
    assert hit.text.text[start:end].lower() in ("middle-corridor", "middle corridor")
    shown, spans = hit.excerpt(40)
    first, last = spans[0]
    assert shown[first:last] == hit.text.text[start:end]
    key = (hit.text.section, hit.text.entry, hit.text.name, hit.text.language,
           hit.text.paragraph)
    assert TextKey(*key) in dict(Outline(load(SAMPLE)).texts())


@pytest.fixture(scope="module")
def sample_only(tmp_path_factory: pytest.TempPathFactory) -> SqliteIndex:
    folder = tmp_path_factory.mktemp("sample") / "lib"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    library = open_library(str(folder), cache=folder.parent / "cache")
    library.scan()
    return library


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_the_viewer_finds(sample_only: SqliteIndex, query: str) -> None:
    """The paragraphs the index finds the query in, and the spans, are those of the
    viewer's search (a SearchIndex over the outline's texts, as the viewer builds it)."""
    outline = Outline(load(SAMPLE))
    language = outline.briefing.language
    viewer = SearchIndex(outline.texts(),
                         language_of=lambda key: getattr(key, "language", "") or language)
    expected: dict[tuple[str, int, str, str, int], list[tuple[int, int]]] = {}
    for match in viewer.search(query):
        assert isinstance(match.key, TextKey)
        key = match.key
        expected.setdefault((key.section, key.entry, key.name, key.language, key.paragraph),
                            []).append((match.start, match.end))
    results = sample_only.search(query, hits=1000)
    got = {_key(hit.text): list(hit.spans) for result in results for hit in result.hits}
    assert got == expected
    assert sum(result.matched for result in results) == len(expected)


def _key(text: IndexedText) -> tuple[str, int, str, str, int]:
    return (text.section, text.entry, text.name, text.language, text.paragraph)


def test_excerpts_are_cut_at_spaces_around_the_first_match() -> None:
    text = "word " * 100 + "target here " + "more " * 100
    start = text.index("target")
    shown, spans = excerpt(text, [(start, start + 6)], 60)
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[spans[0][0]:spans[0][1]] == "target"
    assert len(shown) <= 62
    assert excerpt("short text", [(0, 5)], 60) == ("short text", ((0, 5),))


def test_find_hits_keeps_paragraph_order() -> None:
    texts = [IndexedText("summary", 0, "summary", "en", number, 1, 1, text)
             for number, text in enumerate(["no", "a ferry", "two ferry ferry"])]
    hits = find_hits(texts, "en", "ferry")
    assert [hit.text.paragraph for hit in hits] == [1, 2]
    assert hits[1].spans == ((4, 9), (10, 15))


def test_an_index_updated_file_by_file_finds_what_a_new_one_finds(tmp_path: Path) -> None:
    """A large first scan (read by worker processes, its words numbered in memory)
    then a few changes (their words looked up one by one) answer as an index made
    in one go of the folder as it ends up."""
    folder = tmp_path / "lib"
    folder.mkdir()
    words = ["ferry", "railway", "port", "corridor", "паром", "коридора", "порт", "Baku"]

    def write(number: int, extra: str = "") -> None:
        summary = " ".join(words[(number + step) % len(words)] for step in range(3 + number % 4))
        (folder / f"b{number:03d}.yaml").write_text(
            f"briefing: 1\ntitle: Briefing {number}\ndate: 2024-01-{1 + number % 28:02d}\n"
            f"summary: {json.dumps(summary + extra)}\n", encoding="utf-8")

    for number in range(80):
        write(number)
    updated = open_library(str(folder), cache=tmp_path / "updated")
    assert updated.scan(workers=2).added == 80
    write(3, " Caspian ferry again")
    write(41, " новый паромный маршрут")
    (folder / "b007.yaml").unlink()
    (folder / "b100.yaml").write_text("briefing: 1\n", encoding="utf-8")
    report = updated.scan()
    assert (report.added, report.changed, report.removed) == (1, 2, 1)
    fresh = open_library(str(folder), cache=tmp_path / "fresh")
    fresh.scan()
    for query in [*words, "caspian", "паромный", "маршрут", "новый", "kori", "b"]:
        assert ([(result.entry, result.hits, result.matched)
                 for result in updated.search(query, limit=100)] ==
                [(result.entry, result.hits, result.matched)
                 for result in fresh.search(query, limit=100)]), query
    assert updated.entries() == fresh.entries()
    assert updated.facets() == fresh.facets()
