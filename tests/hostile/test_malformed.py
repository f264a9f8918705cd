"""Malformed files: each is refused with its exact messages, exit code 1, no
traceback, in under two seconds of processor time and bounded memory.

Two sources of cases, one place each (see README.md):

- every ``malformed/*.yaml`` file, whose ``# expect:`` header lines are the
  exact messages ``briefing validate`` prints;
- ``GENERATED`` below, for what a stored file cannot be: encodings that
  forbid a comment header, files too large to keep, folders, devices,
  missing paths, and standard input.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_NODES,
    MAX_PROBLEMS,
    MAX_TEXT_LENGTH,
)
from briefing.yaml_tree import C_PARSER_AVAILABLE

from .harness import (
    EXPECT,
    MALFORMED,
    PEAK_RSS_LIMIT,
    TIME_LIMIT,
    Run,
    expected_lines,
    header,
    header_values,
    run_briefing,
    terminal_actions,
)

HEAD = "briefing: 1\ntitle: Kazakhstan and the EU\nsummary: Ministers met.\n"
"""A valid briefing of three lines: what a case adds starts on line 4."""


@dataclass(frozen=True)
class Generated:
    """A case made at test time in a fresh folder."""

    make: Callable[[Path], Path | str]
    """Writes the case into the folder; returns the path to check (a string, for
    one a ``Path`` cannot hold: the empty name)."""
    expect: tuple[str, ...]
    """The exact lines printed on standard error; ``{file}`` is the path checked."""
    stdin: bool = False
    """Check ``-``, with the made file on standard input."""


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _text(text: str) -> Callable[[Path], Path]:
    return _bytes("b.yaml", text.encode("utf-8"))


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "huge.yaml"
        with path.open("wb") as stream:
            stream.write(HEAD.encode())
            stream.truncate(size)  # holes: nothing written, nothing stored
        return path

    return make


def _folder(folder: Path) -> Path:
    (folder / "a-folder.yaml").mkdir()
    return folder / "a-folder.yaml"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.yaml")  # opening it would block until a writer comes
    return folder / "pipe.yaml"


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.yaml").symlink_to(folder / "b.yaml")
    (folder / "b.yaml").symlink_to(folder / "a.yaml")
    return folder / "a.yaml"


def _dangling_symlink(folder: Path) -> Path:
    (folder / "a.yaml").symlink_to(folder / "nothing.yaml")
    return folder / "a.yaml"


def _socket(folder: Path) -> Path:
    # Bound by a child that exits at once: the socket file stays, no one listens.
    path = folder / "socket.yaml"
    subprocess.run([sys.executable, "-c", "import socket, sys; "
                    "socket.socket(socket.AF_UNIX).bind(sys.argv[1])", str(path)], check=True)
    return path


def _named(name: bytes, data: bytes = HEAD.encode()) -> Callable[[Path], Path]:
    """A file whose name is ``name``, bytes that need not be UTF-8."""

    def make(folder: Path) -> Path:
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
        path.write_bytes(data)
        return path

    return make


def _article(kind: Callable[[Path], None]) -> Callable[[Path], Path]:
    """A briefing whose ``source.text`` names ``article.txt``, which ``kind`` makes."""

    def make(folder: Path) -> Path:
        kind(folder / "article.txt")
        return _text(HEAD + "source:\n  text: article.txt\n")(folder)

    return make


def _loop(path: Path) -> None:
    path.symlink_to(path)


_LIMIT = f"{MAX_FILE_BYTES:,} bytes" + (
    f" ({MAX_FILE_BYTES // 2**20} MiB)" if MAX_FILE_BYTES % 2**20 == 0 else "")
"""The size limit as messages write it."""


def _tiny_entries(count: int) -> str:
    """``x-m`` holding ``count`` entries of 13 bytes: ``k0000000: 1``."""
    return HEAD + "x-m:\n" + "".join(f" k{index:07d}: 1\n" for index in range(count))


# In _tiny_entries, the top-level mapping, its 4 keys and 3 scalar values and
# x-m's mapping are 9 values; entry n, on line 5 + n, holds values 10 + 2n and
# 11 + 2n. The value past MAX_NODES is the value of entry (MAX_NODES - 10) // 2.
_PAST_NODES_ENTRY = (MAX_NODES - 10) // 2
assert 11 + 2 * _PAST_NODES_ENTRY == MAX_NODES + 1

_DUPLICATES = MAX_PROBLEMS + 50

GENERATED: dict[str, Generated] = {
    "utf-16-le": Generated(
        _bytes("b.yaml", ("\ufeff" + HEAD).encode("utf-16-le")),
        ("{file}:1:1: the file is UTF-16 text; save it as UTF-8",),
    ),
    "utf-16-be": Generated(
        _bytes("b.yaml", ("\ufeff" + HEAD).encode("utf-16-be")),
        ("{file}:1:1: the file is UTF-16 text; save it as UTF-8",),
    ),
    "utf-16-le without a BOM": Generated(
        _bytes("b.yaml", HEAD.encode("utf-16-le")),
        ("{file}:1:2: the file contains a NUL byte here: it is binary data, not a briefing",),
    ),
    "utf-32-le": Generated(
        _bytes("b.yaml", ("\ufeff" + HEAD).encode("utf-32-le")),
        ("{file}:1:1: the file is UTF-32 text; save it as UTF-8",),
    ),
    "utf-32-be": Generated(
        _bytes("b.yaml", ("\ufeff" + HEAD).encode("utf-32-be")),
        ("{file}:1:1: the file is UTF-32 text; save it as UTF-8",),
    ),
    "a PNG image": Generated(
        _bytes("image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),
        ("{file}:3:1: the file contains a NUL byte here: it is binary data, not a briefing",),
    ),
    "every byte but NUL": Generated(
        _bytes("bytes.yaml", bytes(range(1, 256))),
        # 0x0A ends line 1; line 2 starts with 0x0B, and 0x80 is its 118th character.
        ("{file}:2:118: the file is not valid UTF-8 here (byte 0x80); save it as UTF-8",),
    ),
    "a 50 MB file": Generated(
        _sparse(50 * 2**20),
        (f"{{file}}: is 52,428,800 bytes; a briefing file may be at most {_LIMIT}",),
    ),
    "a 50 MB file on standard input": Generated(
        _sparse(50 * 2**20),
        (f"<stdin>: is more than {MAX_FILE_BYTES:,} bytes; a briefing file may be at most "
         f"{_LIMIT}",),
        stdin=True,
    ),
    "a null title on standard input": Generated(
        _text("briefing: 1\ntitle: ~\nsummary: S\n"),
        (
            "<stdin>:2:8: `title` is empty; give it a value (`~` means no value in YAML; for the "
            'character itself, write "~" in quotes)',
        ),
        stdin=True,
    ),
    "one byte over the size limit": Generated(
        # Not "16.0 MB" against a limit of "16 MB": sizes in bytes, both.
        _sparse(MAX_FILE_BYTES + 1),
        (f"{{file}}: is {MAX_FILE_BYTES + 1:,} bytes; a briefing file may be at most {_LIMIT}",),
    ),
    "a folder": Generated(_folder, ("{file}: is a folder, not a briefing file",)),
    "a missing path": Generated(lambda folder: folder / "missing.yaml", ("{file}: no such file",)),
    "a name with escape sequences, missing": Generated(
        lambda folder: folder / "\x1b]0;pwned\x07\x1b[2J.yaml", ("{file}: no such file",)
    ),
    "a named pipe": Generated(_fifo, ("{file}: is a named pipe (FIFO), not a briefing file",)),
    "an endless device": Generated(
        lambda folder: Path("/dev/zero"), ("{file}: is a character device, not a briefing file",)
    ),
    "a socket": Generated(_socket, ("{file}: is a socket, not a briefing file",)),
    "an empty name": Generated(
        # Not "." (the current folder), which "" would become as a Path.
        lambda folder: "", ('"": the file name is empty; give the name of a briefing file',)
    ),
    "a symlink loop": Generated(_symlink_loop, ("{file}: is a loop of symbolic links",)),
    "a symlink to nothing": Generated(
        _dangling_symlink, ("{file}: is a symbolic link to a file that does not exist",)
    ),
    "a name that is not UTF-8": Generated(
        # 0x9B is a one-byte CSI: `CSI 2 J` clears the screen.
        _named(b"\x9b2J\xff.yaml", (HEAD + "titel: x\n").encode()),
        ("{file}:4:1: unknown key `titel` in a briefing; did you mean `title`?",),
    ),
    "a name with a line break": Generated(
        _named(b"a\nfake.yaml:1:1: fake.yaml", (HEAD + "titel: x\n").encode()),
        ("{file}:4:1: unknown key `titel` in a briefing; did you mean `title`?",),
    ),
    "source.text in a symlink loop": Generated(
        _article(_loop), ("{file}:5:9: the source text 'article.txt' is a loop of symbolic links",)
    ),
    "source.text naming a named pipe": Generated(
        _article(os.mkfifo),
        ("{file}:5:9: the source text 'article.txt' is a named pipe (FIFO), not a file",),
    ),
    "tiny mapping entries past the limit on values": Generated(
        _text(_tiny_entries(_PAST_NODES_ENTRY + 1000)),
        (
            f"{{file}}:{5 + _PAST_NODES_ENTRY}:12: the file holds more than {MAX_NODES:,} values "
            "(keys, texts, lists and mappings); a briefing may hold at most that many",
        ),
    ),
    "duplicate keys past the problem limit": Generated(
        _text(HEAD + "x-m:\n" + " a: 1\n" * _DUPLICATES),
        (
            f"{{file}}: checking stopped after {MAX_PROBLEMS:,} problems; fix these and check "
            "the file again",
            *(
                f"{{file}}:{6 + index}:2: duplicate key `a`: it appears above too"
                for index in range(MAX_PROBLEMS)
            ),
        ),
    ),
    "unknown keys past the problem limit": Generated(
        _text(HEAD + "".join(f"titel{index}: x\n" for index in range(_DUPLICATES))),
        (
            f"{{file}}: checking stopped after {MAX_PROBLEMS:,} problems; fix these and check "
            "the file again",
            *(
                f"{{file}}:{4 + index}:1: unknown key `titel{index}` in a briefing; did you mean "
                "`title`?"
                for index in range(MAX_PROBLEMS)
            ),
        ),
    ),
    "a list one item too long": Generated(
        _text(HEAD + "tags:\n" + "- t\n" * (MAX_LIST_ITEMS + 1)),
        (f"{{file}}:{5 + MAX_LIST_ITEMS}:3: a list may hold at most {MAX_LIST_ITEMS:,} items",),
    ),
    "a text one character too long": Generated(
        _text(HEAD + "location: " + "a" * (MAX_TEXT_LENGTH + 1) + "\n"),
        (
            f"{{file}}:4:11: `location` is {MAX_TEXT_LENGTH + 1:,} characters long; a text may "
            f"be at most {MAX_TEXT_LENGTH:,}",
        ),
    ),
    "a million [": Generated(
        _text("[" * 1_000_000),
        # libyaml looks ahead for a key past its own limit of 1000 levels and stops there.
        (
            f"{{file}}:1:{1001 if C_PARSER_AVAILABLE else MAX_DEPTH + 1}: nested too deeply "
            f"(more than {MAX_DEPTH} levels)",
        ),
    ),
    "half a million {a: ": Generated(
        _text("{a: " * 500_000),  # 2,000,000 bytes: within the size limit
        (f"{{file}}:1:{4 * MAX_DEPTH + 1}: nested too deeply (more than {MAX_DEPTH} levels)",),
    ),
    "a million - ": Generated(
        _text("- " * 1_000_000 + "x\n"),
        (f"{{file}}:1:{2 * MAX_DEPTH + 1}: nested too deeply (more than {MAX_DEPTH} levels)",),
    ),
}


def _corpus() -> list[Path]:
    return sorted(MALFORMED.glob("*.yaml"))


def _check(run: Run, expected: list[str]) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert terminal_actions(run.stderr) == [], "messages must show controls as stand-ins"
    assert run.stderr.splitlines() == expected
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.cpu_seconds < TIME_LIMIT, f"used {run.cpu_seconds:.2f} s of processor time"
    assert run.peak_rss < PEAK_RSS_LIMIT, f"used {run.peak_rss / 2**20:.0f} MiB"


def test_the_corpus_is_there() -> None:
    assert len(_corpus()) + len(GENERATED) >= 40


@pytest.mark.parametrize("path", _corpus(), ids=lambda path: path.stem)
def test_a_malformed_file(path: Path) -> None:
    expected = header_values(path, EXPECT)
    assert expected, f"{path.name} has no `{EXPECT}` line in its header"
    run = run_briefing("validate", path.name, cwd=path.parent)
    _check(run, expected_lines(expected, path.name))


@pytest.mark.parametrize("name", list(GENERATED))
def test_a_generated_case(name: str, tmp_path: Path) -> None:
    case = GENERATED[name]
    path = case.make(tmp_path)
    if case.stdin:
        assert isinstance(path, Path)
        run = run_briefing("validate", "-", stdin=path, cwd=tmp_path)
    else:
        run = run_briefing("validate", str(path), cwd=tmp_path)
    _check(run, expected_lines(case.expect, str(path)))


def test_every_corpus_file_says_what_it_is() -> None:
    """The first header line describes the case, for whoever reads a failure."""
    for path in _corpus():
        first = header(path)[0]
        assert not first.startswith(EXPECT), f"{path.name}: start with a description"
