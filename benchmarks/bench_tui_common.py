"""Shared pieces of the viewer's benchmarks: a big generated briefing, a pty harness.

Not a benchmark itself (no ``main``); the ``bench_tui_*.py`` scripts import it.
"""

from __future__ import annotations

import compileall
import contextlib
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fcntl import ioctl
from pathlib import Path

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"


def compile_bytecode() -> None:
    """An installed wheel has its bytecode compiled; a checkout run with
    PYTHONDONTWRITEBYTECODE would compile ours on every start, so compile it once."""
    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)


def big_briefing_yaml(participants: int = 5000, figures: int = 2000, statements: int = 1000) -> str:
    """A valid briefing with many participants, figures and statements, in ru and en:
    issue 10's shape (3.8 MB, 183,000 values), within ``briefing/limits.py``."""
    return generate(participants, figures, statements)


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


@dataclass
class PtyApp:
    """A command running in a pseudo-terminal of a given size, read as it writes."""

    argv: list[str]
    width: int = 120
    height: int = 40
    env: dict[str, str] = field(default_factory=dict)
    pid: int = 0
    fd: int = -1
    output: bytearray = field(default_factory=bytearray)
    last_output: float = 0.0
    """When the command last wrote (``time.perf_counter``)."""

    def start(self) -> float:
        """Start the command; returns the start time (``time.perf_counter``)."""
        environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        environment.update({"TERM": "xterm-256color", **self.env})
        started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child
            os.chdir(ROOT)
            os.execve(self.argv[0], self.argv, environment)
        self.pid, self.fd = pid, fd
        ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.height, self.width, 0, 0))
        return started

    def read(self, timeout: float) -> bytes:
        """Whatever the command wrote within ``timeout`` seconds."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.last_output = time.perf_counter()
        self.output += data
        return data

    def wait_for(self, condition: Callable[[bytes], bool], timeout: float = 20) -> float:
        """Read until ``condition(all output)``; returns the time it became true."""
        deadline = time.perf_counter() + timeout
        while not condition(bytes(self.output)):
            if time.perf_counter() > deadline:
                tail = bytes(self.output[-2000:]).decode("utf-8", "replace")
                raise TimeoutError(f"{self.argv}: condition not met; output ends:\n{tail}")
            self.read(0.05)
        return time.perf_counter()

    def drain(self, quiet: float = 0.05) -> None:
        """Read until the command has written nothing for ``quiet`` seconds."""
        while self.read(quiet):
            pass

    def write(self, data: str) -> float:
        """Type ``data``; returns the time it was sent."""
        sent = time.perf_counter()
        os.write(self.fd, data.encode())
        return sent

    def cpu_seconds(self) -> float:
        """Processor time (user and system) the command has used so far (Linux)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def cpu_seconds_precise(self) -> float:
        """Processor time the command's threads have used so far, to the nanosecond
        (Linux's schedstat; :meth:`cpu_seconds` counts in clock ticks of 10 ms)."""
        total = 0
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # thread ended
                total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9

    def rss_kib(self) -> int:
        """Resident memory of the command, in KiB (Linux)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) if match else 0

    def stop(self) -> None:
        """End the command."""
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def python_argv(*args: str) -> list[str]:
    """``python ARGS`` with this interpreter."""
    return [sys.executable, *args]
