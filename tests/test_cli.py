"""The command line as a user runs it: exit codes, messages, files written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import COMMANDS
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
                                  ["x.yaml", "--x"], ["--nope"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sumary", "x.yaml"], "briefing: unknown command 'sumary' — did you mean 'summary'?"),
        (["sumary"], "briefing: unknown command 'sumary' — did you mean 'summary'?"),
        (["valdate", "a.yaml", "b.yaml"],
         "briefing: unknown command 'valdate' — did you mean 'validate'?"),
        (["Schema"], "briefing: unknown command 'Schema' — did you mean 'schema'?"),
        (["lint", "x.yaml"],
         f"briefing: unknown command 'lint' — the commands are {', '.join(COMMANDS)}"),
    ],
)
def test_a_misspelt_command_is_named_with_a_suggestion(
    args: list[str], message: str, tmp_path: Path
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


@pytest.mark.parametrize("name", ["sumary", "summary.yaml", "./sumary", "notes"])
def test_a_first_argument_that_is_a_file_or_looks_like_one_is_opened(
    name: str, tmp_path: Path
) -> None:
    """An existing file, a name with a folder or a YAML suffix, or a word close to no
    command, is a file to open: here missing, or not opened without a terminal."""
    if name == "sumary":
        write(tmp_path, name, VALID)
        expected = ("briefing: the viewer needs a terminal, but standard input, output and "
                    "error are not terminals; to print the briefing instead, run `briefing "
                    "summary sumary`\n")
        code = 2
    else:
        expected, code = f"{name}: no such file\n", 1
    result = run_cli(name, cwd=tmp_path, stdin=b"")
    assert (result.returncode, result.stderr) == (code, expected)


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


def test_standard_input_is_named_stdin_in_every_message(tmp_path: Path) -> None:
    good = run_cli("validate", "-", stdin=VALID.encode())
    assert (good.returncode, good.stdout, good.stderr) == (0, "<stdin>: ok\n", "")
    bad = run_cli("validate", "-", SAMPLE, stdin=b"briefing: 1\ntitle: T\n")
    assert bad.returncode == 1
    assert bad.stdout == f"{SAMPLE}: ok\n"
    assert bad.stderr == (
        "<stdin>:1:1: a briefing needs `summary`: the event summary; paragraphs separated by "
        "a blank line\n2 files checked, 1 with problems\n"
    )
    summary = run_cli("summary", "-", stdin=b"briefing: 1\ntitle: T\nsummary: ~\n")
    assert summary.returncode == 1
    assert summary.stderr.startswith("<stdin>:3:10: `summary` is empty")


@pytest.mark.parametrize("args", [["-"], ["open", "-"]])
def test_the_viewer_says_it_cannot_read_standard_input(args: list[str]) -> None:
    result = run_cli(*args, stdin=VALID.encode())
    assert (result.returncode, result.stderr) == (
        2, "briefing: the viewer cannot read a briefing from standard input, which it needs "
        "for the keyboard; try `briefing summary -`\n")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_prints_a_starter_that_validates(tmp_path: Path) -> None:
    starter = run_cli("new", cwd=tmp_path)
    assert starter.returncode == 0
    assert run_cli("validate", "-", stdin=starter.stdout.encode()).returncode == 0


def test_new_without_a_schema_nearby_explains_how_to_get_one(tmp_path: Path) -> None:
    # Three levels down, so that the search (the folder and three above it) stays in tmp_path.
    folder = tmp_path / "a" / "b" / "c"
    folder.mkdir(parents=True)
    assert run_cli("new", "-o", folder / "x.yaml").returncode == 0
    text = (folder / "x.yaml").read_text(encoding="utf-8")
    assert "$schema=" not in text.splitlines()[0]
    assert "briefing schema -o briefing.schema.json" in text
    assert "#   # yaml-language-server: $schema=briefing.schema.json\n" in text
    assert str(ROOT) not in text  # nothing points into the installed program
    assert run_cli("validate", folder / "x.yaml").returncode == 0


@pytest.mark.parametrize(
    ("schema", "output", "reference"),
    [
        ("briefing.schema.json", "x.yaml", "briefing.schema.json"),
        ("briefing.schema.json", "2025/june/x.yaml", "../../briefing.schema.json"),
        ("schema/briefing.schema.json", "data/x.yaml", "../schema/briefing.schema.json"),
    ],
)
def test_new_points_at_a_schema_nearby_by_a_relative_path(
    schema: str, output: str, reference: str, tmp_path: Path
) -> None:
    project = tmp_path / "a" / "b" / "c"
    (project / schema).parent.mkdir(parents=True, exist_ok=True)
    assert run_cli("schema", "-o", project / schema).returncode == 0
    (project / output).parent.mkdir(parents=True, exist_ok=True)
    assert run_cli("new", "-o", project / output).returncode == 0
    first = (project / output).read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={reference}"
    printed = run_cli("new", cwd=(project / output).parent).stdout.splitlines()[0]
    assert printed == first  # printed, it is relative to the current folder


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_and_schema_write_files_with_the_usual_permissions(
    umask: int, mode: int, tmp_path: Path
) -> None:
    for command in ("new", "schema"):
        target = tmp_path / f"{command}.out"
        saved = os.umask(umask)  # the child inherits it
        try:
            result = run_cli(command, "-o", target)
            target.chmod(0o600)  # replaced, it takes the umask's mode, not the old file's
            replaced = run_cli(command, "-o", target, "--force")
        finally:
            os.umask(saved)
        assert result.returncode == 0, result.stderr
        assert replaced.returncode == 0, replaced.stderr
        assert _mode(target) == mode


@pytest.mark.parametrize("command", ["new", "schema"])
def test_writing_to_a_folder_is_refused_at_once(command: str, tmp_path: Path) -> None:
    for args in ([], ["--force"]):
        result = run_cli(command, "-o", tmp_path, *args)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            f"briefing: {tmp_path} is a folder; give the name of a file to write in it, "
            f"e.g. {tmp_path / ('briefing.yaml' if command == 'new' else 'briefing.schema.json')}"
            "\n")
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind
    beside = run_cli(command, "-o", f"{tmp_path}/new-folder/")
    assert (beside.returncode, beside.stderr) == (
        1, f"briefing: {tmp_path}/new-folder/ ends with '/', so it names a folder; give the "
        "name of a file to write\n")
    missing = run_cli(command, "-o", tmp_path / "no" / "x.yaml")
    assert (missing.returncode, missing.stderr) == (
        1, f"briefing: cannot write {tmp_path / 'no' / 'x.yaml'}: there is no folder "
        f"{tmp_path / 'no'}\n")
    assert list(tmp_path.iterdir()) == []


def test_schema_writes_the_schema_and_refuses_to_overwrite_without_force(
    tmp_path: Path,
) -> None:
    target = tmp_path / "briefing.schema.json"
    written = run_cli("schema", "-o", target)
    assert (written.returncode, written.stderr) == (0, f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8") == schema_text()
    target.write_text("{}", encoding="utf-8")
    refused = run_cli("schema", "-o", target)
    assert (refused.returncode, refused.stderr) == (
        1, f"briefing: {target} exists; use --force to overwrite it\n")
    assert target.read_text(encoding="utf-8") == "{}"
    assert run_cli("schema", "-o", target, "--force").returncode == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.schema.json"]


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
    """`briefing summary FILE | head -c 10`: it stops, quietly, with the exit code a
    shell gives a program its reader left (141, 128 + SIGPIPE)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "summary", str(SAMPLE)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=30) == 141
    assert stderr == ""


def test_standard_input_closed_is_one_message() -> None:
    """`briefing validate - <&-`: Python starts with no standard input at all."""
    completed = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", "-"], capture_output=True,
        preexec_fn=lambda: os.close(0), timeout=30, check=False,
    )
    assert (completed.returncode, completed.stderr) == (
        1, b"<stdin>: is closed; there is nothing to read\n")


@pytest.mark.parametrize("command", ["validate", "summary", "schema"])
def test_standard_output_closed_fails_at_the_first_write(command: str) -> None:
    """`briefing validate FILE >&-`: Python makes the missing output ``None``, to
    which ``print`` writes nothing and says nothing; the run must not pass for one
    that reported."""
    args = [command] if command == "schema" else [command, str(SAMPLE)]
    completed = subprocess.run(
        [sys.executable, "-m", "briefing", *args], stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1), timeout=30, check=False,
    )
    assert (completed.returncode, completed.stderr) == (
        1, b"briefing: cannot write output: standard output is closed\n")


def test_the_viewer_takes_lang_without_the_open_command() -> None:
    # Not a terminal, so the viewer refuses to start, but after reading its options.
    for args in (("--lang", "en"), ("--lang", "en", str(SAMPLE)), ("open", "--lang", "en")):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert "needs a terminal" in result.stderr, args
