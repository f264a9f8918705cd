"""Search keystroke -> screen update, in a real pseudo-terminal.

Runs ``python -m briefing FILE`` in a pty at 120x40, opens the search bar and
types queries one key at a time. Each keystroke is timed from the write to the
pty until the terminal output carries the new ``k/N`` counter: the measure of the
targets. The counter is drawn in the first frame after the key, with the query;
the highlights in the panel follow in the next one, so each keystroke is also
timed until the viewer stops writing ("settled": the last byte before 50 ms of
quiet; the cursor blinks every 500 ms).

Targets (issue 10): p95 <= 16.7 ms (a frame at 60 Hz) on the sample; p95 <= 50 ms on
a generated briefing of 5,000 participants, 2,000 figures and 1,000 statements.

    .venv/bin/python benchmarks/bench_tui_search.py [-v]

``-v`` lists every keystroke's times (counter, settled, processor).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_tui_common import (
    SAMPLE,
    PtyApp,
    big_briefing_yaml,
    compile_bytecode,
    percentile,
    python_argv,
)
from briefing.interface import interface
from briefing.loader import load, read_article
from briefing.outline import Outline
from briefing.tui.search_session import SearchSession
from briefing.tui.viewer_state import ViewerState

SAMPLE_QUERIES = ["коридор", "koridor", "транспортной", "Kazakhstan", "инвест", "35"]
BIG_QUERIES = ["коридор", "transport", "участник 42", "Participant 4999", "энергетика",
               "logistics", "зз"]


def expected_counters(path: Path, queries: list[str]) -> tuple[Outline, list[list[str]]]:
    """The briefing's outline, and the counter shown after each key of each query
    (its total: which match is current depends on the panel on screen)."""
    briefing = load(path)
    outline = Outline(briefing, article=read_article(briefing.source_text_path))
    session = SearchSession(ViewerState(outline))
    return outline, [[_total(session, query[: n + 1]) for n in range(len(query))]
                     for query in queries]


def _total(session: SearchSession, query: str) -> str:
    """``/N`` of the counter ``k/N``, or ``/0 `` when nothing is found (the words after
    it are in the language on screen)."""
    session.search(query, "summary")
    return f"/{len(session.matches)}" if session.matches else "/0 "


def appears_after(mark: int, *needles: bytes) -> Callable[[bytes], bool]:
    """A ``wait_for`` condition: one of ``needles`` is in the output written after
    offset ``mark``."""

    def condition(out: bytes) -> bool:
        written = out[mark:]
        return any(needle in written for needle in needles)

    return condition


def in_every_language(outline: Outline, message: str) -> list[bytes]:
    """``message`` in the interface of each of the briefing's languages: a match in
    another language switches the viewer, and its words, to that language."""
    return [interface(language)(message).encode() for language in outline.languages]


Timings = tuple[list[float], list[float], list[float]]
"""Per keystroke, in milliseconds: to the counter, to the last frame, and the processor
time the viewer used for it."""


def cpu_ms(pid: int) -> float:
    """Processor time the process ``pid`` has used so far, in milliseconds, to the
    nanosecond (Linux's scheduler statistics of each of its threads; the clock ticks of
    ``/proc/PID/stat`` count tens of milliseconds)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e6


def measure(path: Path, queries: list[str], first_paint: bytes) -> Timings:
    """Milliseconds from each keystroke to the frame that shows its counter, and to
    the last frame it caused; and the processor time the keystroke cost (the viewer's
    user and system time from the key until it stopped writing)."""
    outline, expected = expected_counters(path, queries)
    # Without its first letter, which the blinking cursor may draw in another colour.
    placeholders = [words[1:] for words in
                    in_every_language(outline, "search every panel and language")]
    search_keys = in_every_language(outline, "Search")
    app = PtyApp(python_argv("-m", "briefing", str(path)))
    app.start()
    timings: list[float] = []
    settled: list[float] = []
    cpu: list[float] = []
    try:
        app.wait_for(lambda out: first_paint in out, timeout=60)
        app.drain(0.3)
        for query, totals in zip(queries, expected, strict=True):
            mark = len(app.output)
            app.write("/")
            # Drawn after this "/": an older drawing of the bar is no sign that it is open
            # (a letter typed before it is would be a key of the viewer, "l" for one).
            app.wait_for(appears_after(mark, *placeholders), timeout=30)
            app.drain()
            for char, total in zip(query, totals, strict=True):
                mark = len(app.output)
                used = cpu_ms(app.pid)
                sent = app.write(char)
                done = app.wait_for(appears_after(mark, total.encode()), timeout=30)
                timings.append((done - sent) * 1000)
                app.drain()  # the rest of the frames; then the next key, as a typist would
                settled.append((app.last_output - sent) * 1000)
                cpu.append(cpu_ms(app.pid) - used)
            mark = len(app.output)
            app.write("\x1b")  # Esc clears the search
            app.wait_for(appears_after(mark, *search_keys), timeout=30)
            # A lone Esc is a key only once no other byte follows it for Textual's escape
            # delay; a "/" sent sooner on a busy machine made Alt+/, typed in the box.
            time.sleep(0.3)
            app.drain()
    finally:
        app.stop()
    return timings, settled, cpu


def report(name: str, timings: Timings) -> None:
    """Print first-key (index build) and per-key statistics, to the counter and settled,
    the processor time per key, and the load of the machine (the measures are wall
    times: on a busy machine the viewer waits for a processor)."""
    counter, settled, cpu = timings
    print(f"{name}: {len(counter)} keystrokes")
    print(f"  first key (builds the search index): {counter[0]:.1f} ms")
    for what, values in (("counter", counter[1:]), ("settled", settled[1:]),
                         ("processor time", cpu[1:])):
        print(f"  {what}: median {percentile(values, 0.5):.1f} ms, "
              f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms")
    if "-v" in sys.argv:
        for key, row in enumerate(zip(counter, settled, cpu, strict=True)):
            print(f"    key {key:3}: " + " ".join(f"{value:7.1f}" for value in row))
    print("  load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))


def main() -> None:
    compile_bytecode()
    sample = measure(SAMPLE, SAMPLE_QUERIES, "Развитие евразийских".encode())
    report("sample (target: counter p95 <= 16.7 ms)", sample)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.yaml"
        big.write_text(big_briefing_yaml(), encoding="utf-8")
        timings = measure(big, BIG_QUERIES, "Большой брифинг".encode())
    report("5,000 participants / 2,000 figures / 1,000 statements (target: counter p95 "
           "<= 50 ms)", timings)


if __name__ == "__main__":
    main()
