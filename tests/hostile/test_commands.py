"""Commands run where an attacker or an unlucky setup puts them: output into a
pipe whose reader is gone, a strict ASCII or C locale, a width of one column,
names that are not UTF-8 or hold escape sequences, ``-o`` aimed at a named pipe
or a symbolic link.

Each case is one entry in ``CASES`` (see README.md): what it makes in a fresh
folder, the command's arguments, and what the run must give: its exit code,
its exact standard error, and what is left in the folder. Every run is also
held to the suite's bounds (no traceback, nothing a terminal acts on, processor
time and memory).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.cli import EXIT_BROKEN_PIPE
from briefing.safe_text import shown_path
from tests.cli_run import SAMPLE

from .harness import PEAK_RSS_LIMIT, TIME_LIMIT, Run, run_briefing, terminal_actions

VALID = "briefing: 1\ntitle: T\nsummary: S\n"
INVALID = VALID + "titel: x\n"


@dataclass(frozen=True)
class Case:
    """One command, run in a fresh folder."""

    make: Callable[[Path], list[str]]
    """Makes what the case needs in the folder; returns the command's arguments."""
    code: int
    """The exit code."""
    stderr: tuple[str, ...] = ()
    """The exact lines on standard error; ``{folder}`` is the folder, as messages
    show it."""
    stdout: str | None = None
    """The exact standard output (``{folder}`` as above); ``None``: not checked."""
    env: dict[str, str] = field(default_factory=dict)
    """Environment variables for the run."""
    reader_gone: bool = False
    """Standard output is a pipe whose reader has gone (``| true``)."""
    after: Callable[[Path], None] | None = None
    """Checks the folder after the run (what was, or was not, written)."""


def _files(**files: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)

    return make


def _args(*args: str, then: Callable[[Path], None] | None = None) -> Callable[[Path], list[str]]:
    """``args`` with ``{folder}`` replaced, after ``then`` made the files."""

    def make(folder: Path) -> list[str]:
        if then is not None:
            then(folder)
        return [arg.replace("{folder}", str(folder)) for arg in args]

    return make


def _fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        os.mkfifo(folder / name)

    return make


def _link(name: str, target: str, content: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / target).write_text(content, encoding="utf-8")
        (folder / name).symlink_to(folder / target)

    return make


def _is_fifo(name: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert stat.S_ISFIFO(os.lstat(folder / name).st_mode), f"{name} was replaced"
        assert sorted(path.name for path in folder.iterdir()) == [name], "a file was left"

    return check


def _unchanged(name: str, content: str) -> Callable[[Path], None]:
    def check(folder: Path) -> None:
        assert (folder / name).read_text(encoding="utf-8") == content

    return check


NOT_UTF8 = os.fsdecode(b"x\x9b2J\xff.yaml")
"""A file name with bytes that are not UTF-8: 0x9B is a one-byte CSI on many
terminals (``CSI 2 J`` clears the screen)."""

CASES: dict[str, Case] = {
    "validate into a pipe whose reader is gone": Case(
        # `validate GOOD BAD | true`: "GOOD: ok" cannot be written, so not every
        # file was reported: the run must not pass for one that was.
        _args("validate", "good.yaml", "bad.yaml",
              then=_files(**{"good.yaml": VALID, "bad.yaml": INVALID})),
        EXIT_BROKEN_PIPE, reader_gone=True,
    ),
    "summary into a pipe whose reader is gone": Case(
        _args("summary", str(SAMPLE)), EXIT_BROKEN_PIPE, reader_gone=True,
    ),
    "summary in colour into a pipe whose reader is gone": Case(
        # Rich's own handling of a broken pipe went on rendering into nowhere.
        _args("summary", str(SAMPLE)), EXIT_BROKEN_PIPE, env={"FORCE_COLOR": "1"},
        reader_gone=True,
    ),
    "schema into a pipe whose reader is gone": Case(
        _args("schema"), EXIT_BROKEN_PIPE, reader_gone=True,
    ),
    "a strict ASCII standard output": Case(
        _args("validate", "Zürich.yaml", then=_files(**{"Zürich.yaml": VALID})),
        0, stdout="Z\\xfcrich.yaml: ok\n", env={"PYTHONIOENCODING": "ascii"},
    ),
    "a summary on a strict ASCII standard output": Case(
        _args("summary", str(SAMPLE)), 0, env={"PYTHONIOENCODING": "ascii"},
    ),
    "a name that is not UTF-8, in the C locale": Case(
        _args("validate", NOT_UTF8, "missing" + NOT_UTF8, then=_files(**{NOT_UTF8: VALID})),
        1, stdout="x\\x9b2J\\xff.yaml: ok\n",
        stderr=("missingx\\x9b2J\\xff.yaml: no such file", "2 files checked, 1 with problems"),
        env={"LC_ALL": "C", "PYTHONIOENCODING": ""},
    ),
    "a name that is not UTF-8, with problems": Case(
        _args("validate", NOT_UTF8, then=_files(**{NOT_UTF8: INVALID})),
        1, stderr=("x\\x9b2J\\xff.yaml:4:1: unknown key `titel` in a briefing; did you mean "
                   "`title`?",),
    ),
    "a width of one column": Case(
        _args("summary", str(SAMPLE)), 0, env={"COLUMNS": "1"},
    ),
    "new --force aimed at a named pipe": Case(
        _args("new", "-o", "{folder}/out.yaml", "--force", then=_fifo("out.yaml")),
        1, stderr=("briefing: {folder}/out.yaml is a named pipe (FIFO); only a regular file "
                   "is ever replaced, even with --force",),
        after=_is_fifo("out.yaml"),
    ),
    "schema aimed at a named pipe, without --force": Case(
        _args("schema", "-o", "{folder}/out.json", then=_fifo("out.json")),
        1, stderr=("briefing: {folder}/out.json is a named pipe (FIFO); only a regular file "
                   "is ever replaced, even with --force",),
        after=_is_fifo("out.json"),
    ),
    "new --force aimed at a symbolic link": Case(
        _args("new", "-o", "{folder}/link.yaml", "--force",
              then=_link("link.yaml", "mine.yaml", "my own work")),
        1, stderr=("briefing: {folder}/link.yaml is a symbolic link; only a regular file is "
                   "ever replaced, even with --force",),
        after=_unchanged("mine.yaml", "my own work"),
    ),
    "new -o with an empty name": Case(
        _args("new", "-o", ""), 1,
        stderr=("briefing: the file name is empty; give the name of a file to write",),
    ),
    "new -o with escape sequences in the name": Case(
        _args("new", "-o", "{folder}/\x1b]0;pwned\x07\x1b[2J.yaml"), 0,
        stderr=("Wrote {folder}/\\x1b]0;pwned\\x07\\x1b[2J.yaml",),
    ),
    "new -o into a missing folder named with escapes": Case(
        _args("new", "-o", "{folder}/\x1b[2J/x.yaml"), 1,
        stderr=("briefing: cannot write {folder}/\\x1b[2J/x.yaml: there is no folder "
                "{folder}/\\x1b[2J",),
    ),
    "an unknown option with escape sequences": Case(
        _args("validate", "x.yaml", "--\x1b[2J"), 2,
        stderr=("usage: briefing [-h] [--version] COMMAND ...",
                "briefing: error: unrecognized arguments: --␛[2J"),
    ),
}


def _check(run: Run, case: Case, folder: Path) -> None:
    shown = shown_path(str(folder))
    assert "Traceback" not in run.stderr, run.stderr
    assert terminal_actions(run.stdout + run.stderr) == []
    assert run.stderr.splitlines() == [line.replace("{folder}", shown) for line in case.stderr]
    assert run.returncode == case.code
    if case.stdout is not None:
        assert run.stdout == case.stdout.replace("{folder}", shown)
    assert run.cpu_seconds < TIME_LIMIT, f"used {run.cpu_seconds:.2f} s of processor time"
    assert run.peak_rss < PEAK_RSS_LIMIT, f"used {run.peak_rss / 2**20:.0f} MiB"


@pytest.mark.parametrize("name", list(CASES))
def test_a_command(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    args = case.make(tmp_path)
    run = run_briefing(*args, cwd=tmp_path, env=case.env, reader_gone=case.reader_gone)
    _check(run, case, tmp_path)
    if case.after is not None:
        case.after(tmp_path)
