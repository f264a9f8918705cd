"""``briefing index`` and ``briefing search`` as a user runs them, on a library folder
holding a copy of the sample (and briefings written here), with the index kept in a
cache folder of the test's own (``BRIEFING_CACHE``)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.library.sqlite_index import database_path
from tests.cli_run import ARTICLE, SAMPLE, child_environment, run_cli

SAMPLE_LINE = f"lib/{SAMPLE.name}:"


def briefing(title: str, summary: str, date: str = "2025-01-01", language: str = "en") -> str:
    """A small valid briefing."""
    return (f"briefing: 1\nlanguage: {language}\ntitle: {json.dumps(title)}\n"
            f"date: {date}\nsummary: {json.dumps(summary, ensure_ascii=False)}\n")


class Library:
    """A library folder ``lib`` in ``tmp_path``, run from ``tmp_path``."""

    def __init__(self, tmp_path: Path) -> None:
        self.root = tmp_path
        self.folder = tmp_path / "lib"
        self.folder.mkdir()
        self.cache = tmp_path / "cache"
        self.env = {"BRIEFING_CACHE": str(self.cache)}

    def add_sample(self, sub: str = "") -> None:
        target = self.folder / sub
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE, target / SAMPLE.name)
        shutil.copy(ARTICLE, target / ARTICLE.name)

    def write(self, name: str, text: str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str, env: dict[str, str] | None = None,
            ) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env={**self.env, **(env or {})}, cwd=self.root)

    def search(self, query: str, *more: str) -> subprocess.CompletedProcess[str]:
        return self.run("search", query, "lib", *more)

    @property
    def database(self) -> Path:
        return database_path(str(self.folder), self.cache)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path)


@pytest.mark.parametrize("query", ["коридора", "koridor", "КОРИДОР", "Middle Corridor"])
def test_the_sample_is_found_as_the_in_document_search_finds_it(
    library: Library, query: str,
) -> None:
    library.add_sample()
    result = library.search(query)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(SAMPLE_LINE) for line in lines)
    assert "\x1b" not in result.stdout  # piped: plain text
    wanted = "Middle Corridor" if query == "Middle Corridor" else "коридор"
    assert any(wanted in line for line in lines), lines


def test_a_line_names_the_file_the_line_the_panel_and_the_excerpt(library: Library) -> None:
    library.add_sample()
    result = library.search("Исетов")
    first = result.stdout.splitlines()[0]
    file, line, panel, excerpt = first.split(":", 3)
    assert file == f"lib/{SAMPLE.name}"
    text_lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert text_lines[int(line) - 1].strip().startswith(("ru:", "en:", "summary:")), line
    assert panel == " Summary"
    assert "Исетов" in excerpt


def test_the_last_word_is_a_prefix(library: Library) -> None:
    library.add_sample()
    assert library.search("middle corr").returncode == 0
    assert library.search("средний кори").returncode == 0
    nothing = library.search("koridorxyz")
    assert (nothing.returncode, nothing.stdout) == (1, "")


def test_a_phrase_must_be_written_in_that_order(library: Library) -> None:
    library.add_sample()
    assert library.search("средний коридор").returncode == 0
    assert library.search("коридор средний ").returncode == 1


def test_ranking_by_how_often_then_by_date(library: Library) -> None:
    library.write("once.yaml", briefing("Once", "A pipeline was named. " + "Other words. " * 20))
    library.write("often.yaml", briefing("Often", "Pipeline, pipeline and the pipeline."))
    library.write("old.yaml", briefing("Old", "Ferry news.", "2020-05-01"))
    library.write("new.yaml", briefing("New", "Ferry news.", "2024-05-01"))
    ranked = [line.split(":")[0] for line in library.search("pipeline").stdout.splitlines()]
    assert ranked.index("lib/often.yaml") < ranked.index("lib/once.yaml")
    dated = [line.split(":")[0] for line in library.search("ferry").stdout.splitlines()]
    assert dated.index("lib/new.yaml") < dated.index("lib/old.yaml")


def test_limit_and_json(library: Library) -> None:
    for number in range(5):
        library.write(f"b{number}.yaml", briefing(f"B{number}", "Caspian ferry route."))
    limited = library.search("caspian", "--limit", "2")
    assert len({line.split(":")[0] for line in limited.stdout.splitlines()}) == 2
    result = library.search("ferr", "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["query"] == "ferr"
    assert len(document["results"]) == 5
    hit = document["results"][0]["hits"][0]
    start, end = hit["spans"][0]
    assert hit["text"][start:end] == "ferry"
    assert (hit["section"], hit["field"], hit["place"]) == ("summary", "summary", "Summary")


def test_updates_are_incremental(library: Library) -> None:
    path = library.write("a.yaml", briefing("A", "The Caspian ferry."))
    library.write("b.yaml", briefing("B", "Nothing here."))
    first = library.run("index", "lib")
    assert first.stdout == "2 briefing files indexed: 2 new, 0 changed, 0 removed, 0 invalid\n"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    touched = library.run("index", "lib")
    assert touched.stdout.startswith("2 briefing files indexed: 0 new, 0 changed, 0 removed")
    path.write_text(briefing("A", "The Baku railway."), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000_000))
    assert library.search("railway").stdout.startswith("lib/a.yaml:")
    assert library.search("ferry").returncode == 1
    path.unlink()
    assert library.search("railway").returncode == 1
    again = library.run("index", "lib")
    assert again.stdout.startswith("1 briefing file indexed: 0 new, 0 changed, 0 removed")


def test_a_deleted_file_is_said_to_be_removed(library: Library) -> None:
    path = library.write("a.yaml", briefing("A", "Words."))
    library.run("index", "lib")
    path.unlink()
    result = library.run("index", "lib")
    assert result.stdout == "0 briefing files indexed: 0 new, 0 changed, 1 removed, 0 invalid\n"


def test_invalid_files_are_listed_with_their_first_problem(library: Library) -> None:
    library.write("good.yaml", briefing("Good", "Fine words."))
    library.write("sub/bad.yaml", "briefing: 1\ntitle: No summary\n")
    library.write("sub/broken.yml", "briefing: [1\n")
    if hasattr(os, "mkfifo"):
        os.mkfifo(library.folder / "pipe.yaml")  # listed, never read (no hang)
    result = library.run("index", "lib")
    assert result.returncode == 0
    assert "lib/sub/bad.yaml:1:1: a briefing needs `summary`" in result.stderr
    assert "lib/sub/broken.yml:" in result.stderr
    invalid = 3 if hasattr(os, "mkfifo") else 2
    assert result.stdout.endswith(f", {invalid} invalid\n")
    if hasattr(os, "mkfifo"):
        assert "lib/pipe.yaml: is a named pipe (FIFO), not a briefing file" in result.stderr


def test_hidden_folders_are_skipped_and_links_followed_only_inside(
    library: Library, tmp_path: Path,
) -> None:
    library.write(".git/x.yaml", briefing("Hidden", "Secret ferry."))
    library.write("inside/real.yaml", briefing("Real", "Inner ferry."))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.yaml").write_text(briefing("Out", "Outer ferry."), encoding="utf-8")
    try:
        (library.folder / "link-out").symlink_to(outside, target_is_directory=True)
        (library.folder / "link-in.yaml").symlink_to(library.folder / "inside" / "real.yaml")
    except OSError:
        pytest.skip("no symbolic links here")
    files = {line.split(":")[0] for line in library.search("ferry").stdout.splitlines()}
    assert len(files) == 1 and files <= {"lib/inside/real.yaml", "lib/link-in.yaml"}


def test_hostile_text_is_shown_literally(library: Library) -> None:
    library.write("h.yaml", briefing("Hostile", "Ferry \x1b[31mred\x1b[0m [bold]not markup[/bold] "
                                     "\u202eevil"))
    for env in ({}, {"FORCE_COLOR": "1"}):
        result = library.run("search", "ferry", "lib", env=env)
        assert result.returncode == 0
        assert "\x1b[31mred" not in result.stdout
        assert "␛[31mred" in result.stdout
        assert "[bold]not markup[/bold]" in result.stdout
        assert "\u202e" not in result.stdout
    colored = library.run("search", "ferry", "lib", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in colored.stdout  # the match is highlighted


def test_a_damaged_index_is_rebuilt_with_a_message(library: Library) -> None:
    library.add_sample()
    assert library.run("index", "lib").returncode == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{library.database}{suffix}").unlink(missing_ok=True)
    library.database.write_bytes(b"this is not a database at all" * 100)
    result = library.search("koridor")
    assert result.returncode == 0
    assert result.stdout.startswith(SAMPLE_LINE)
    assert result.stderr.count("\n") == 1
    assert "damaged" in result.stderr and "rebuilding" in result.stderr


def test_an_index_of_another_version_is_rebuilt(library: Library) -> None:
    library.add_sample()
    library.run("index", "lib")
    with sqlite3.connect(library.database) as connection:
        connection.execute("PRAGMA user_version = 999")
    result = library.search("koridor")
    assert result.returncode == 0
    assert "another version" in result.stderr and "rebuilding" in result.stderr
    assert library.search("koridor").stderr == ""


def test_two_writers_at_once_leave_a_sound_index(library: Library) -> None:
    for number in range(120):
        library.write(f"{number % 7}/b{number}.yaml",
                      briefing(f"B{number}", f"Caspian ferry number {number}."))
    command = [sys.executable, "-m", "briefing", "index", "lib"]
    env = child_environment(library.env)
    writers = [subprocess.Popen(command, cwd=library.root, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    with sqlite3.connect(library.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        connection.execute("INSERT INTO words(words) VALUES ('integrity-check')")
        count = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert count == 120
    again = library.run("index", "lib")
    assert again.stdout.startswith("120 briefing files indexed: 0 new, 0 changed, 0 removed")
    assert library.search("number 57").stdout.startswith("lib/1/b57.yaml:")


def test_usage_errors(library: Library) -> None:
    assert library.run("search", "ferry", "missing").returncode == 2
    assert library.run("search", "  --  ", "lib").returncode == 2
    assert library.run("search", "ferry", "lib", "--limit", "0").returncode == 2
    assert library.run("index", "lib/nothing").returncode == 2
    assert library.run("search").returncode == 2


def test_the_current_folder_is_the_default(library: Library) -> None:
    library.add_sample()
    result = run_cli("search", "koridor", env=library.env, cwd=library.folder)
    assert result.returncode == 0
    assert result.stdout.startswith(f"{SAMPLE.name}:")
