"""A briefing's validity depends on the article it names (``source.text``): the index
reads a briefing again when its article appears, disappears or changes, though the
briefing's own file did not change."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.library import open_library
from briefing.library.reading import file_clock_ns
from briefing.library.sqlite_index import SqliteIndex
from tests.cli_run import ARTICLE, SAMPLE, run_cli

BRIEFING = ("briefing: 1\nlanguage: en\ntitle: Ferries\nsummary: The Caspian ferry line.\n"
            "source:\n  outlet: X\n  text: {article}\n")


def _later(path: Path, seconds: int = 5) -> None:
    """Move ``path``'s modification time on, as an edit some seconds later would."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


def _settled(path: Path) -> None:
    """Wait until the clock files are stamped by has moved past ``path``'s change: a
    read that starts in the same tick cannot tell whether the file changed during it,
    and so reads it again at the next scan (safe, but one read more)."""
    stamp = path.stat().st_ctime_ns
    while file_clock_ns() <= stamp:
        time.sleep(0.001)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "ferry.yaml").write_text(BRIEFING.format(article="ferry.txt"), encoding="utf-8")
    (folder / "plain.yaml").write_text("briefing: 1\ntitle: Plain\nsummary: No article.\n",
                                       encoding="utf-8")
    return folder


@pytest.fixture
def library(folder: Path, tmp_path: Path) -> Iterator[SqliteIndex]:
    index = open_library(str(folder), cache=tmp_path / "cache")
    yield index
    index.close()


def _validity(library: SqliteIndex) -> dict[str, bool]:
    return {entry.path: entry.valid for entry in library.entries()}


def test_an_article_added_after_indexing_makes_its_briefing_valid(
        folder: Path, library: SqliteIndex) -> None:
    library.scan(workers=1)
    assert _validity(library) == {"ferry.yaml": False, "plain.yaml": True}
    (problem,) = [entry.problem for entry in library.invalid()]
    assert problem is not None and "'ferry.txt' does not exist" in problem.message
    (folder / "ferry.txt").write_text("The ferry sails.", encoding="utf-8")
    _settled(folder / "ferry.txt")
    report = library.scan(workers=1)
    assert (report.changed, report.invalid) == (1, 0)
    assert _validity(library) == {"ferry.yaml": True, "plain.yaml": True}
    assert [result.entry.path for result in library.search("caspian")] == ["ferry.yaml"]
    # Nothing changed since: nothing is read again.
    assert library.scan(workers=1).changed == 0


def test_an_article_removed_makes_its_briefing_invalid(
        folder: Path, library: SqliteIndex) -> None:
    (folder / "ferry.txt").write_text("The ferry sails.", encoding="utf-8")
    library.scan(workers=1)
    assert _validity(library)["ferry.yaml"]
    (folder / "ferry.txt").unlink()
    assert library.scan(workers=1).changed == 1
    assert _validity(library) == {"ferry.yaml": False, "plain.yaml": True}
    assert library.search("caspian") == []


def test_an_article_edited_has_its_briefing_read_again(
        folder: Path, library: SqliteIndex) -> None:
    article = folder / "ferry.txt"
    article.write_text("The ferry sails.", encoding="utf-8")
    assert library.scan(workers=1).added == 2
    article.write_text("The ferry sails on Tuesdays.", encoding="utf-8")
    _later(article)
    _settled(article)
    report = library.scan(workers=1)
    assert (report.added, report.changed, report.removed) == (0, 1, 0)
    assert library.scan(workers=1).changed == 0


def test_an_article_in_another_folder_and_one_shared_by_two_briefings(
        folder: Path, library: SqliteIndex) -> None:
    # One article named by two briefings is looked at once; one in a folder made
    # after the index was is found too.
    (folder / "twin.yaml").write_text(BRIEFING.format(article="ferry.txt"), encoding="utf-8")
    (folder / "deep.yaml").write_text(BRIEFING.format(article="texts/deep.txt"),
                                      encoding="utf-8")
    library.scan(workers=1)
    assert not any(_validity(library)[name] for name in ("ferry.yaml", "twin.yaml", "deep.yaml"))
    (folder / "ferry.txt").write_text("The ferry sails.", encoding="utf-8")
    (folder / "texts").mkdir()
    (folder / "texts" / "deep.txt").write_text("Deep.", encoding="utf-8")
    assert library.scan(workers=1).changed == 3
    assert all(_validity(library).values())


def test_a_library_whose_briefings_name_no_article_reads_nothing_again(
        folder: Path, library: SqliteIndex) -> None:
    (folder / "ferry.yaml").unlink()
    library.scan(workers=1)
    assert library.articles() == {}
    assert library.scan(workers=1).changed == 0


def test_briefing_search_sees_the_article_come_and_go(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)  # copied without its article
    env = {"BRIEFING_CACHE": str(tmp_path / "cache")}
    missing = run_cli("search", "koridor", "lib", env=env, cwd=tmp_path)
    assert missing.returncode == 1, missing.stderr
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    found = run_cli("search", "koridor", "lib", "--json", env=env, cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert [result["file"] for result in json.loads(found.stdout)["results"]] == [
        f"lib/{SAMPLE.name}"]
    (folder / ARTICLE.name).unlink()
    gone = run_cli("index", "lib", env=env, cwd=tmp_path)
    assert gone.stdout == "1 briefing file indexed: 0 new, 1 changed, 0 removed, 1 invalid\n"
    assert run_cli("search", "koridor", "lib", env=env, cwd=tmp_path).returncode == 1


def test_an_article_that_appears_while_its_briefing_is_read_is_looked_at_again(
        folder: Path, library: SqliteIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import loader
    from briefing.library import reading

    checked = loader.loads

    def loads_then_copy(*args: Any, **options: Any) -> Any:
        try:
            return checked(*args, **options)
        finally:  # its article copied in just after the briefing was checked
            if args[1] == "ferry.yaml":
                (folder / "ferry.txt").write_text("The ferry sails.", encoding="utf-8")

    monkeypatch.setattr(reading, "loads", loads_then_copy)
    library.scan(workers=1)
    assert not _validity(library)["ferry.yaml"]  # read before its article was there
    monkeypatch.setattr(reading, "loads", checked)
    assert library.scan(workers=1).changed == 1
    assert _validity(library)["ferry.yaml"]
