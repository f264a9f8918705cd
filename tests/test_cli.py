"""The command line as a user runs it: exit codes, messages, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.schema import schema_text
from tests.cli_run import ROOT, SAMPLE, run_cli

VALID = "briefing: 1\ntitle: T\nsummary: S\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_all_valid_exits_0(tmp_path: Path) -> None:
    other = write(tmp_path, "other.yaml", VALID)
    result = run_cli("validate", SAMPLE, other)
    assert result.returncode == 0
    assert f"{SAMPLE}: ok" in result.stdout and f"{other}: ok" in result.stdout
    assert "2 files checked, 0 with problems" in result.stderr


def test_validate_lists_every_problem_of_every_file_and_exits_1(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", "briefing: 1\ntitel: T\nsummary: S\nfigures: x\n")
    result = run_cli("validate", bad, SAMPLE, tmp_path / "missing.yaml", tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}:2:1: unknown key `titel` in a briefing; did you mean `title`?",
        f"{bad}:4:10: `figures` must be a list (items starting with `- `), not 'x'",
        f"{tmp_path / 'missing.yaml'}: no such file",
        f"{tmp_path}: is a folder, not a briefing file",
        "4 files checked, 3 with problems",
    ]
    assert f"{SAMPLE}: ok" in result.stdout


@pytest.mark.parametrize("args", [["validate"], ["summary"], ["summary", "x", "--width", "z"],
                                  ["bogus-option", "--x"], ["--nope"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.startswith("briefing ")
    help_text = run_cli("--help").stdout
    for command in ("summary", "validate", "schema", "new"):
        assert command in help_text


def test_schema_command_prints_the_shipped_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    shipped = (ROOT / "schema" / "briefing.schema.json").read_text(encoding="utf-8")
    assert result.stdout == shipped == schema_text(), (
        "schema/briefing.schema.json is stale: run `briefing schema > "
        "schema/briefing.schema.json`"
    )


def test_schema_accepts_the_sample_and_rejects_a_misspelt_key() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(sample)) == []
    sample["partcipants"] = sample.pop("participants")
    assert any("partcipants" in error.message for error in validator.iter_errors(sample))


def test_new_prints_a_starter_that_validates(tmp_path: Path) -> None:
    starter = run_cli("new")
    assert starter.returncode == 0
    assert starter.stdout.startswith("# yaml-language-server: $schema=file://")
    assert run_cli("validate", "-", stdin=starter.stdout.encode()).returncode == 0


def test_new_writes_and_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    assert run_cli("new", "-o", target).returncode == 0
    assert "briefing: 1" in target.read_text(encoding="utf-8")
    target.write_text("my own work", encoding="utf-8")
    refused = run_cli("new", "-o", target)
    assert refused.returncode == 1
    assert "exists; use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my own work"
    assert run_cli("new", "-o", target, "--force").returncode == 0
    assert "briefing: 1" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]  # no temp files left


def test_bare_file_argument_without_a_terminal_points_to_summary() -> None:
    result = run_cli(SAMPLE)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_opening_an_invalid_file_reports_before_any_ui(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", "briefing: 1\ntitle: [a\n")
    result = run_cli(bad)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:")


def test_summary_piped_into_a_closed_pipe_is_quiet() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "summary", str(SAMPLE)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=30) == 0
    assert "Traceback" not in stderr
