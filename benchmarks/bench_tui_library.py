"""First paint of the library screen on a generated library (issue 14), against the
viewer's first paint of the sample.

    .venv/bin/python benchmarks/bench_tui_library.py [--count 10000] [--runs 7]
        [--library DIR --cache DIR]

The library is ``--count`` briefings made as ``bench_library.py`` makes them, indexed
before the runs (``--library`` and ``--cache`` reuse a library and its index made
before: indexing 10,000 briefings takes minutes on a busy machine). Both commands run
under the same harness (``bench_tui_common.PtyApp``): a pseudo-terminal of 120x40,
timed from the ``fork`` until their text is on the terminal: the sample's title for
the viewer, the newest briefing's date (the first row) for ``briefing library DIR``,
whose index is warm (nothing changed since it was made). The runs alternate, and the
medians are compared. Processor time until the first paint is reported too (steadier
on a shared machine), and the load average before and after.

Target: the library's first paint <= 1.5x the viewer's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_library import make_library
from benchmarks.bench_tui_common import SAMPLE, PtyApp, compile_bytecode, python_argv
from briefing.library import open_library


def first_paint(argv: list[str], marker: bytes, env: dict[str, str]) -> tuple[float, float]:
    """Seconds until ``marker`` is on the terminal, and the processor seconds used by then."""
    app = PtyApp(argv, env=env)
    started = app.start()
    try:
        painted = app.wait_for(lambda out: marker in out, timeout=120)
        cpu = app.cpu_seconds()
    finally:
        app.stop()
    return painted - started, cpu


def newest_date(folder: Path) -> str:
    """The date of the first row of the library list (sorted by date, newest first)."""
    index = open_library(str(folder))
    try:
        return max(entry.date for entry in index.entries())
    finally:
        index.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--library", type=Path, help="a library made before (with --cache)")
    parser.add_argument("--cache", type=Path, help="the index folder of --library")
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()}, processors: {os.cpu_count()}")
    compile_bytecode()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.library or Path(temporary) / "library"
        cache = options.cache or Path(temporary) / "cache"
        os.environ["BRIEFING_CACHE"] = str(cache)
        if options.library is None:
            make_library(folder, options.count)
        index = open_library(str(folder))
        start = time.perf_counter()
        report = index.scan()
        index.close()
        print(f"library: {report.files:,} briefings, indexed or rescanned in "
              f"{time.perf_counter() - start:.1f} s")
        env = {"BRIEFING_CACHE": str(cache)}
        viewer = (python_argv("-m", "briefing", str(SAMPLE)), "Развитие евразийских".encode())
        library = (python_argv("-m", "briefing", "library", str(folder)),
                   newest_date(folder).encode())
        first_paint(*viewer, env)  # warm the file cache and the bytecode
        first_paint(*library, env)
        viewer_runs, library_runs = [], []
        for _ in range(options.runs):  # interleaved: a machine that slows down slows both
            viewer_runs.append(first_paint(*viewer, env))
            library_runs.append(first_paint(*library, env))
    viewer_paint = statistics.median(run[0] for run in viewer_runs) * 1000
    library_paint = statistics.median(run[0] for run in library_runs) * 1000
    viewer_cpu = statistics.median(run[1] for run in viewer_runs) * 1000
    library_cpu = statistics.median(run[1] for run in library_runs) * 1000
    print(f"6. first paint, median of {options.runs} interleaved runs: viewer on the sample "
          f"{viewer_paint:.0f} ms, library of {report.files:,} briefings {library_paint:.0f} ms, "
          f"ratio {library_paint / viewer_paint:.2f}x (target <= 1.5x)")
    print(f"   processor time until then: viewer {viewer_cpu:.0f} ms, library "
          f"{library_cpu:.0f} ms, ratio {library_cpu / viewer_cpu:.2f}x")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
