"""How the library index ranks and pages a search (``SqliteIndex.search``): BM25 with
ties by date, a query of words in most of a large library by date, and briefings
found past the first ones read when those do not hold the phrase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.library import FacetKind, Filters, open_library, sqlite_search
from briefing.library.sqlite_index import SqliteIndex


def briefing(title: str, summary: str, date: str) -> str:
    """A small valid briefing in English."""
    return (f"briefing: 1\nlanguage: en\ntitle: {json.dumps(title)}\n"
            f"date: {date}\nsummary: {json.dumps(summary)}\n")


def library(tmp_path: Path, files: dict[str, str]) -> SqliteIndex:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = open_library(str(folder), cache=tmp_path / "cache")
    index.scan(workers=1)
    return index


def found(index: SqliteIndex, query: str, limit: int = 20) -> list[str]:
    return [result.entry.path for result in index.search(query, limit=limit)]


def test_bm25_then_date_then_path(tmp_path: Path) -> None:
    index = library(tmp_path, {
        "often.yaml": briefing("Often", "Ferry, ferry and the ferry.", "2020-01-01"),
        "new-b.yaml": briefing("B", "A ferry.", "2024-01-01"),
        "new-a.yaml": briefing("A", "A ferry.", "2024-01-01"),
        "old.yaml": briefing("Old", "A ferry.", "2019-01-01"),
        **{f"other{number}.yaml": briefing("Other", "Rail news.", "2025-01-01")
           for number in range(4)},
    })
    assert found(index, "ferry") == ["often.yaml", "new-a.yaml", "new-b.yaml", "old.yaml"]


def test_words_in_most_of_a_large_library_rank_by_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {f"{number}.yaml": briefing(
        f"B{number}", "Ferry " * (1 + number % 3) + "news.", f"20{10 + number}-01-01")
        for number in range(6)}
    files["rail.yaml"] = briefing("Rail", "Rail news.", "2030-01-01")
    index = library(tmp_path, files)
    by_count = found(index, "ferry")
    assert by_count[:2] == ["5.yaml", "2.yaml"]  # three times each: the later first
    monkeypatch.setattr(sqlite_search, "RANK_ALL_UP_TO", 1)
    dated = index.search("ferry")
    assert [result.entry.path for result in dated] == [f"{n}.yaml" for n in range(5, -1, -1)]
    assert {result.rank for result in dated} == {0.0}
    assert found(index, "news") == ["rail.yaml", *(f"{n}.yaml" for n in range(5, -1, -1))]
    in_2012 = Filters().with_value(FacetKind.YEAR, "2012")
    assert [result.entry.path for result in index.search("news", filters=in_2012)] == [
        "2.yaml"]


def test_briefings_past_the_first_read_are_found(tmp_path: Path) -> None:
    files = {f"near{number:02d}.yaml": briefing(
        "Near", "Middle of the corridor. " * 3, "2025-01-01") for number in range(80)}
    files["far.yaml"] = briefing("Far", "Words. " * 200 + "The Middle Corridor.", "2001-01-01")
    index = library(tmp_path, files)
    assert found(index, "middle corridor", limit=1) == ["far.yaml"]
    assert found(index, "middle corr", limit=2) == ["far.yaml"]
    assert len(found(index, "middle", limit=100)) == 81


def test_a_briefing_changed_since_the_last_search_is_read_again(tmp_path: Path) -> None:
    index = library(tmp_path, {
        "a.yaml": briefing("A", "A ferry to Baku.", "2024-01-01"),
        "b.yaml": briefing("B", "Rail news.", "2024-01-02"),
    })
    hit = index.search("ferry")[0].hits[0]
    assert hit.text.text[slice(*hit.spans[0])] == "ferry"
    (tmp_path / "lib" / "a.yaml").write_text(
        briefing("A", "News: the ferry to Aktau, and more.", "2024-01-01"), encoding="utf-8")
    index.scan(workers=1)
    hit = index.search("ferry")[0].hits[0]
    assert hit.text.text == "News: the ferry to Aktau, and more."
    assert hit.text.text[slice(*hit.spans[0])] == "ferry"
    assert found(index, "baku") == []


def test_what_a_search_counted_is_counted_again_once_another_process_wrote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {f"{number}.yaml": briefing(f"B{number}", "Ferry news.", f"20{10 + number}-01-01")
             for number in range(6)}
    files["rail.yaml"] = briefing("Rail", "Rail news.", "2030-01-01")
    index = library(tmp_path, files)
    monkeypatch.setattr(sqlite_search, "RANK_ALL_UP_TO", 1)
    assert {result.rank for result in index.search("ferry")} == {0.0}  # in most: by date
    for number in range(1, 6):
        (tmp_path / "lib" / f"{number}.yaml").write_text(
            briefing(f"B{number}", "Rail news.", f"20{10 + number}-01-01"), encoding="utf-8")
    writer = index.reopen()  # another connection, as another process would write
    writer.scan(workers=1)
    writer.close()
    (result,) = index.search("ferry")
    assert result.entry.path == "0.yaml" and result.rank < 0  # in one of 7: BM25
