"""First paint and resident memory of the viewer, against a bare Textual app.

Both run under the same harness: a pseudo-terminal of 120x40, timed from the
``fork`` until their text is on the terminal. The bare app is Header, Static
and Footer, nothing else; the viewer opens the sample briefing with
``python -m briefing``. Memory is VmRSS once each app has painted and settled
(three runs of each, apart from the timed ones). Processor time until the first
paint (every thread's, in nanoseconds, from /proc) is reported too.

The runs alternate, bare app then viewer, and the medians of each are compared.

Targets: first paint <= 1.10x the bare app; RSS <= 1.3x the bare app.

    .venv/bin/python benchmarks/bench_tui_startup.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tui_common import SAMPLE, PtyApp, compile_bytecode, python_argv

RUNS = int(__import__("os").environ.get("BENCH_RUNS", "41"))

BARE_APP = '''
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Bare Textual app, first paint marker")
        yield Footer()


Bare().run()
'''


def first_paint(argv: list[str], marker: bytes) -> tuple[float, float]:
    """Seconds until ``marker`` is on the terminal, and the processor seconds the app
    had used by then (all its threads); the app is ended at once."""
    app = PtyApp(argv)
    started = app.start()
    try:
        painted = app.wait_for(lambda out: marker in out, timeout=60)
        cpu = app.cpu_seconds_precise()
    finally:
        app.stop()
    return painted - started, cpu


def settled_rss(argv: list[str], marker: bytes) -> int:
    """Resident memory (KiB) of the app once it has painted and settled."""
    app = PtyApp(argv)
    app.start()
    try:
        app.wait_for(lambda out: marker in out, timeout=60)
        app.drain(0.5)
        time.sleep(0.5)
        app.drain(0.1)
        return app.rss_kib()
    finally:
        app.stop()


def main() -> None:
    compile_bytecode()
    viewer = (python_argv("-m", "briefing", str(SAMPLE)), "Развитие евразийских".encode())
    with tempfile.TemporaryDirectory() as folder:
        bare_path = Path(folder) / "bare_app.py"
        bare_path.write_text(BARE_APP, encoding="utf-8")
        bare = (python_argv(str(bare_path)), b"first paint marker")
        # Warm the file cache and the bytecode of both first.
        first_paint(*bare)
        first_paint(*viewer)
        # Interleaved (bare, viewer, bare, viewer, ...): a machine that slows down or
        # speeds up during the runs (other work, CPU frequency) slows both alike, so
        # the ratio holds where two blocks of runs, one after the other, would drift.
        # Start-up times here vary by a third from run to run, so it takes dozens of
        # pairs for the median to settle within a few percent.
        bare_runs: list[tuple[float, float]] = []
        viewer_runs: list[tuple[float, float]] = []
        for _ in range(RUNS):
            bare_runs.append(first_paint(*bare))
            viewer_runs.append(first_paint(*viewer))
        bare_rss = statistics.median(settled_rss(*bare) for _ in range(3)) / 1024
        viewer_rss = statistics.median(settled_rss(*viewer) for _ in range(3)) / 1024
    bare_paint, bare_cpu = medians(bare_runs)
    viewer_paint, viewer_cpu = medians(viewer_runs)
    ratios = sorted(v[0] / b[0] for b, v in zip(bare_runs, viewer_runs, strict=True))
    quartiles = statistics.quantiles(ratios, n=4)
    print(f"first paint, median of {RUNS} interleaved runs: bare Textual app "
          f"{bare_paint:.0f} ms, viewer on the sample {viewer_paint:.0f} ms, "
          f"ratio {viewer_paint / bare_paint:.2f}x (target <= 1.10x)")
    print(f"  ratio of each pair (bare, viewer): median {statistics.median(ratios):.2f}, "
          f"quartiles {quartiles[0]:.2f}-{quartiles[2]:.2f}, "
          f"range {ratios[0]:.2f}-{ratios[-1]:.2f}")
    # Processor time is steadier than wall time on a shared machine.
    print(f"processor time until first paint: bare {bare_cpu:.0f} ms, viewer {viewer_cpu:.0f} ms, "
          f"ratio {viewer_cpu / bare_cpu:.2f}x")
    print(f"resident memory, median of 3: bare Textual app {bare_rss:.1f} MiB, "
          f"viewer on the sample {viewer_rss:.1f} MiB, "
          f"ratio {viewer_rss / bare_rss:.2f}x (target <= 1.3x)")


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """Median first paint and processor time until then (ms) of ``runs``."""
    paint = statistics.median(run[0] for run in runs) * 1000
    cpu = statistics.median(run[1] for run in runs) * 1000
    return paint, cpu


if __name__ == "__main__":
    main()
