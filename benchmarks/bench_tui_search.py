"""Search keystroke -> screen update, in a real pseudo-terminal.

Runs ``python -m briefing FILE`` in a pty at 120x40, opens the search bar and
types queries one key at a time. Each keystroke is timed from the write to the
pty until the terminal output carries the new ``k/N`` counter (the search, the
highlights and the frame holding them are all done by then).

Targets: <= 16 ms on the sample; p95 <= 50 ms on a generated briefing of 5,000
participants, 2,000 figures and 1,000 statements.

    .venv/bin/python benchmarks/bench_tui_search.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tui_common import (
    SAMPLE,
    PtyApp,
    big_briefing_yaml,
    percentile,
    python_argv,
)
from briefing.loader import load, read_article
from briefing.outline import Outline
from briefing.tui.search_session import SearchSession
from briefing.tui.viewer_state import ViewerState

SAMPLE_QUERIES = ["коридор", "koridor", "транспортной", "Kazakhstan", "инвест", "35"]
BIG_QUERIES = ["коридор", "transport", "участник 42", "Participant 4999", "энергетика",
               "logistics", "зз"]


def expected_counters(path: Path, queries: list[str]) -> list[list[str]]:
    """The counter shown after each key of each query, as the viewer computes it."""
    briefing = load(path)
    outline = Outline(briefing, article=read_article(briefing.source_text_path))
    session = SearchSession(ViewerState(outline))
    return [[_count(session, query[: n + 1]) for n in range(len(query))] for query in queries]


def _count(session: SearchSession, query: str) -> str:
    session.search(query, "summary")
    return session.counter()


def appears_after(mark: int, needle: bytes) -> Callable[[bytes], bool]:
    """A ``wait_for`` condition: ``needle`` is in the output written after offset ``mark``."""

    def condition(out: bytes) -> bool:
        return needle in out[mark:]

    return condition


def measure(path: Path, queries: list[str], first_paint: bytes) -> list[float]:
    """Milliseconds from each keystroke to the screen update that shows its result."""
    expected = expected_counters(path, queries)
    app = PtyApp(python_argv("-m", "briefing", str(path)))
    app.start()
    timings: list[float] = []
    try:
        app.wait_for(lambda out: first_paint in out, timeout=60)
        app.drain(0.3)
        for query, counters in zip(queries, expected, strict=True):
            app.write("/")
            app.wait_for(lambda out: b"search every panel" in out[-4000:], timeout=30)
            app.drain()
            for char, counter in zip(query, counters, strict=True):
                mark = len(app.output)
                sent = app.write(char)
                # The total only: which match is current depends on the panel on screen.
                needle = ("/" + counter.partition("/")[2]).encode()
                done = app.wait_for(appears_after(mark, needle), timeout=30)
                timings.append((done - sent) * 1000)
                app.drain()  # the rest of the frame; then the next key, as a typist would
            mark = len(app.output)
            app.write("\x1b")  # Esc clears the search
            app.wait_for(appears_after(mark, b"Search"), timeout=30)
            app.drain()
    finally:
        app.stop()
    return timings


def report(name: str, timings: list[float], first_is_index: bool = True) -> None:
    """Print first-key (index build) and per-key statistics."""
    keys = timings[1:] if first_is_index else timings
    print(f"{name}: {len(timings)} keystrokes")
    if first_is_index:
        print(f"  first key (builds the search index): {timings[0]:.1f} ms")
    print(f"  median {percentile(keys, 0.5):.1f} ms, p95 {percentile(keys, 0.95):.1f} ms, "
          f"max {max(keys):.1f} ms")


def main() -> None:
    sample = measure(SAMPLE, SAMPLE_QUERIES, "Развитие евразийских".encode())
    report("sample", sample)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yaml"
        big.write_text(big_briefing_yaml(), encoding="utf-8")
        timings = measure(big, BIG_QUERIES, "Большой брифинг".encode())
    report("5,000 participants / 2,000 figures / 1,000 statements", timings)


if __name__ == "__main__":
    main()
