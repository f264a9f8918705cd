"""``briefing summary`` of files at the size limits: time and peak memory per shape.

    python benchmarks/bench_sizes.py [--shape NAME ...] [--colour] [--keep DIR]

Issue 11's shapes, each inside every limit of ``docs/format.md``, made by
``benchmarks/generate.py``:

- ``notes``: 35 participants whose notes are 45,000 one-letter lines (one
  long paragraph each, about 12 MB);
- ``notes-paragraphs``: the same with a blank line after each letter (22,500
  paragraphs a participant);
- ``participants``: 60,000 participants with a name, role, organization and
  country (about 9 MB);
- ``figures``: 100,000 figures of both signs (about 8 MB).

Each is summarised as a subprocess (``--width 100``, output to /dev/null, plain
as when piped; ``--colour`` also forces colour, which draws the large digits),
at full and at half its size. Reported per shape: wall seconds, processor
seconds and peak resident memory of the process (``os.wait4``), the ratio of
full to half (2.0 is linear), and the ratio to a baseline in the same run:
PyYAML's C loader reading the same file (``yaml.load(..., CSafeLoader)``), so
that a busy machine slows both alike. Budget: at most 10 s and linear.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_figures, generate_notes, generate_participants
from tests.cli_run import child_environment

BUDGET_SECONDS = 10.0
"""The issue's budget for the summary of any file within the limits."""

SHAPES: dict[str, Callable[[float], str]] = {
    "notes": lambda scale: generate_notes(round(35 * scale)),
    "notes-paragraphs": lambda scale: generate_notes(round(35 * scale), blank=True),
    "participants": lambda scale: generate_participants(round(60_000 * scale)),
    "figures": lambda scale: generate_figures(round(100_000 * scale)),
}
YAML_ONLY = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


class Run(NamedTuple):
    """What one process took."""

    wall: float
    cpu: float
    peak_mib: float
    returncode: int


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` with its output to /dev/null; its time and peak memory."""
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen(command, stdout=sink, env=child_environment(env))
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               process.returncode)


def measure(name: str, folder: Path, colour: bool) -> None:
    """Summarise shape ``name`` at full and half size and print one line for each."""
    results = {}
    for scale in (1.0, 0.5):
        path = folder / f"{name}-{scale}.yaml"
        if not path.exists():
            path.write_text(SHAPES[name](scale), encoding="utf-8")
        env = {"FORCE_COLOR": "1"} if colour else None
        ours = run([sys.executable, "-m", "briefing", "summary", "--width", "100", str(path)],
                   env)
        baseline = run([sys.executable, "-c", YAML_ONLY, str(path)])
        results[scale] = (ours, baseline, path.stat().st_size)
    (full, baseline, size), (half, _, _) = results[1.0], results[0.5]
    verdict = "ok" if full.returncode == 0 and full.wall <= BUDGET_SECONDS else "OVER BUDGET"
    print(f"{name + (' (colour)' if colour else ''):28} {size / 2**20:5.1f} MB  "
          f"{full.wall:6.2f} s wall {full.cpu:6.2f} s cpu {full.peak_mib:6.0f} MiB  "
          f"full/half {full.cpu / max(half.cpu, 1e-9):4.2f}  "
          f"vs yaml.load {full.cpu / max(baseline.cpu, 1e-9):5.2f}x  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="only this shape (may be repeated; default: all)")
    parser.add_argument("--colour", action="store_true",
                        help="also measure with colour forced (large digits)")
    parser.add_argument("--keep", type=Path, help="make (or reuse) the files in this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder: Path = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for name in options.shape or SHAPES:
            measure(name, folder, colour=False)
            if options.colour:
                measure(name, folder, colour=True)


if __name__ == "__main__":
    main()
