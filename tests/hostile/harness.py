"""Running ``briefing`` on hostile files, and reading what reaches the terminal.

:func:`run_briefing` runs the command line as a subprocess the way a user
would, under a memory ceiling, and reports its exit code, output, wall time
and peak memory. The other helpers read a corpus file's expectations and
check output for anything a terminal would act on.
"""

from __future__ import annotations

import os
import pty
import re
import resource
import select
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fcntl import ioctl
from pathlib import Path
from typing import IO

from briefing.model import Briefing
from briefing.safe_text import shown_path, visible
from tests.cli_run import child_environment

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MALFORMED = HERE / "malformed"
VALID = HERE / "valid"

MEMORY_LIMIT = 1 << 30
"""Address space a child may use (1 GiB): past it, allocation fails."""

PEAK_RSS_LIMIT = 512 << 20
"""Resident memory a child may reach (512 MiB): well under ``MEMORY_LIMIT``."""

TIME_LIMIT = 3.0
"""Processor seconds a child may use to refuse a malformed file, start-up included.

Processor time, not wall time: the suite runs tests side by side on a small
machine, where a busy neighbour stretches wall time but not the work done.
A child that hangs is still caught, by ``run_briefing``'s ``timeout``. Under
the old limits, 15 MB of tiny entries refused at 750,000 values took about
1.4 s on an idle 2-core machine but up to 2.7 s with both cores busy
(processor time grows too when cores are shared); the limits are lower now,
and 3 s keeps the margin."""

EXPECT = "# expect: "
"""Starts a line of a corpus file's header: one line the command must print."""

SHOWS = "# shows: "
"""Starts a line of a valid corpus file's header: text the summary must show."""

SGR = re.compile(r"\x1b\[[0-9;:]*m")
"""A colour or style code: the only escape sequence ``summary`` may send."""

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that reorder the text around them on screen."""

# Borders of panels and tables, the figure cards' big digits, the outcomes'
# ticks: drawn by the summary, not from the file.
_DRAWING = re.compile(r"[\u2500-\u257f\u2713]")


@dataclass(frozen=True)
class Run:
    """What one ``briefing`` subprocess did."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    """Wall time."""
    cpu_seconds: float
    """Processor time the child used (user and system)."""
    peak_rss: int
    """Peak resident memory in bytes."""


def _limit_memory() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_briefing(
    *args: str,
    cwd: Path | None = None,
    stdin: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    reader_gone: bool = False,
) -> Run:
    """Run ``python -m briefing ARGS`` with at most ``MEMORY_LIMIT`` of memory.

    ``stdin`` is a file fed on standard input. Output goes to temporary files,
    so that a child printing much cannot block on a full pipe; the child is
    reaped with ``os.wait4``, which gives its own peak memory. With
    ``reader_gone``, standard output is a pipe whose reader has already gone
    (``| true``): every write to it fails. Output is decoded as UTF-8, a byte
    that is not UTF-8 kept as a lone surrogate (which ``terminal_actions``
    reports).
    """
    environment = child_environment(env)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, _opened(stdin) as source:
        target: IO[bytes] | int = out
        if reader_gone:
            reader, target = os.pipe()
            os.close(reader)
        started = time.perf_counter()
        try:
            child = subprocess.Popen(
                [sys.executable, "-m", "briefing", *args],
                stdin=source,
                stdout=target,
                stderr=err,
                cwd=cwd,
                env=environment,
                preexec_fn=_limit_memory,
            )
        finally:
            if isinstance(target, int):
                os.close(target)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            child.returncode,
            out.read().decode("utf-8", "surrogateescape"),
            err.read().decode("utf-8", "surrogateescape"),
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024,  # kilobytes on Linux
        )


@contextmanager
def _opened(path: Path | None) -> Iterator[IO[bytes] | int]:
    if path is None:
        yield subprocess.DEVNULL
    else:
        with path.open("rb") as stream:
            yield stream


# -- corpus files ---------------------------------------------------------------


def header(path: Path) -> list[str]:
    """The leading comment lines of a corpus file (which may hold any bytes after)."""
    lines = []
    for raw in path.read_bytes().split(b"\n"):
        if not raw.startswith(b"#"):
            break
        lines.append(raw.decode("utf-8"))
    return lines


def header_values(path: Path, prefix: str) -> list[str]:
    """The header lines starting with ``prefix``, without it."""
    return [line[len(prefix) :] for line in header(path) if line.startswith(prefix)]


def expected_lines(lines: list[str] | tuple[str, ...], file: str) -> list[str]:
    """Expected output with ``{file}`` replaced by the name as the program shows it."""
    return [line.replace("{file}", shown_path(file)) for line in lines]


# -- what reaches the terminal ----------------------------------------------------


def terminal_actions(output: str) -> list[str]:
    """Everything in ``output`` that a terminal would act on rather than show, other
    than colour and style codes: escape sequences, C0 and C1 controls but line
    breaks and tabs, bidirectional controls, and bytes that are not UTF-8 (0x9B is
    a one-byte CSI on many terminals)."""
    found = []
    rest = SGR.sub("", output)
    for char in rest:
        code = ord(char)
        if ((code < 0x20 and char not in "\n\t") or 0x7F <= code <= 0x9F or char in BIDI_CONTROLS
                or 0xDC80 <= code <= 0xDCFF):  # a raw byte that is not UTF-8
            found.append(repr(char))
    return found


def squash(text: str) -> str:
    """``text`` without colour codes, borders and any whitespace: what is left of
    content once the layout (wrapping, columns, padding) is taken away."""
    return "".join(_DRAWING.sub("", SGR.sub("", text)).split())


def shown_strings(briefing: Briefing, language: str | None = None) -> list[str]:
    """Every string of ``briefing`` that ``summary`` shows, in ``language``."""
    shown = [text.get(language) for text in briefing.texts()]
    if briefing.source is not None and briefing.source.url:
        shown.append(briefing.source.url)
    shown += [figure.period for figure in briefing.figures if figure.period]
    shown += [f"#{tag}" for tag in briefing.tags]
    return shown


def missing_from(output: str, briefing: Briefing, language: str | None = None) -> list[str]:
    """The shown strings of ``briefing`` whose visible form is not in ``output``.

    Each line of a string is looked for on its own: table cells side by side
    interleave their lines, and the paragraph rule joins lines (CRLF read as LF).
    """
    squashed = squash(output)
    missing = []
    for string in shown_strings(briefing, language):
        lines = visible(string.replace("\r\n", "\n")).split("\n")
        if not all(squash(line) in squashed for line in lines):
            missing.append(string)
    return missing


def run_in_pty(
    *args: str,
    env: dict[str, str] | None = None,
    columns: int = 160,
    rows: int = 50,
    timeout: float = 30,
    answer: Callable[[bytes], bytes | None] | None = None,
    stderr: IO[bytes] | None = None,
) -> tuple[int, bytes]:
    """Run ``python -m briefing ARGS`` on a pseudo-terminal; its exit code and
    every byte it wrote to the terminal.

    ``answer``, if given, sees all output so far after each read and may return
    keys to type (once it has returned some, it is not asked again). ``stderr``,
    if given, takes standard error instead of the terminal (``2>log``).
    """
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = child_environment({"TERM": "xterm-256color", **(env or {})})
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower if stderr is None else stderr,
        env=environment,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(follower)
    received = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                received += chunk
            elif child.poll() is not None:
                break
            if answer is not None and (keys := answer(bytes(received))):
                os.write(leader, keys)
                answer = None
    finally:
        os.close(leader)
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
    return child.returncode, bytes(received)
