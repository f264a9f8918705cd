"""First paint and resident memory of the viewer, against a bare Textual app.

Both run under the same harness: a pseudo-terminal of 120x40, timed from the
``fork`` until their text is on the terminal. The bare app is Header, Static
and Footer, nothing else; the viewer opens the sample briefing with
``python -m briefing``. Memory is VmRSS once each app has painted and settled.

Targets: first paint <= 1.25x the bare app; RSS <= 1.3x the bare app.

    .venv/bin/python benchmarks/bench_tui_startup.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tui_common import SAMPLE, PtyApp, python_argv

RUNS = 7

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


def first_paint(argv: list[str], marker: bytes) -> tuple[float, int]:
    """Seconds until ``marker`` is on the terminal, and the RSS (KiB) after settling."""
    app = PtyApp(argv)
    started = app.start()
    try:
        painted = app.wait_for(lambda out: marker in out, timeout=60)
        app.drain(0.5)
        time.sleep(0.5)
        app.drain(0.1)
        rss = app.rss_kib()
    finally:
        app.stop()
    return painted - started, rss


def measure(argv: list[str], marker: bytes) -> tuple[float, float]:
    """Median first paint (ms) and median RSS (MiB) over ``RUNS`` runs."""
    first_paint(argv, marker)  # warm the file cache and bytecode
    results = [first_paint(argv, marker) for _ in range(RUNS)]
    paint = statistics.median(r[0] for r in results) * 1000
    rss = statistics.median(r[1] for r in results) / 1024
    return paint, rss


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bare_paint, bare_rss = measure(python_argv(str(bare)), b"first paint marker")
    viewer_paint, viewer_rss = measure(python_argv("-m", "briefing", str(SAMPLE)),
                                       "Развитие евразийских".encode())
    print(f"first paint, median of {RUNS}: bare Textual app {bare_paint:.0f} ms, "
          f"viewer on the sample {viewer_paint:.0f} ms, "
          f"ratio {viewer_paint / bare_paint:.2f}x (target <= 1.25x)")
    print(f"resident memory: bare Textual app {bare_rss:.1f} MiB, "
          f"viewer on the sample {viewer_rss:.1f} MiB, "
          f"ratio {viewer_rss / bare_rss:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
