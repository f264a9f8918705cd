"""The viewer on briefings at the size limits of docs/format.md (issue 11).

Each shape is a file as large as every limit lets it be (``bench_sizes.py``
makes them from ``briefing/limits.py``), costly in its own way:

- ``words``: outcomes of one- and two-letter words, each as long as a text may
  be, filling the file; searched for ``a`` (a match in almost every other word)
  and for phrases of them;
- ``figures``: as many figures as a list may hold, whose panel is opened and
  scrolled to the end;
- ``participants``: as many participants, whose table is opened, scrolled to
  the end, and searched;
- ``notes``: participants whose notes are as long as a text may be, in
  one-letter lines, whose details are opened;
- ``article``: a source article as long as ``MAX_SOURCE_TEXT_BYTES`` lets it be
  (Russian, in paragraphs), and claims citing passages all across it: the
  evidence is checked as the viewer starts, the Source panel opened, paged down,
  taken to its end, searched for a word written thousands of times in it, and the
  last statement's ``e`` taken to its passage at the article's end;
  ``article-one-paragraph``: the same article in one line (one paragraph).

Each runs in a process of its own (``--shape NAME``), headless at 120x40 under
Textual's Pilot, and reports for each action how long until the screen settled
(for a search: until its count is shown), the longest time the viewer handled
one message (while it does, no key is read: the longest the input was blocked),
and the peak resident memory of the process. Times are wall time and, in
brackets, processor time (the process's for a count, the viewer's thread's for
a message), which a machine busy with other work inflates less.

Budget (issue 11): peak RSS <= 500 MB; a search's count shown within 1 s of the
key; no action blocks input for more than 100 ms. Loading the file and making its
outline happen before the viewer starts (the CLI loads it first); they are
reported, not counted against the budget.

    .venv/bin/python benchmarks/bench_tui_sizes.py            # every shape
    .venv/bin/python benchmarks/bench_tui_sizes.py --shape words
"""

from __future__ import annotations

import asyncio
import gc
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_sizes import participants_at_limits, write_shape

RSS_BUDGET_MB = 500
COUNT_BUDGET_S = 1.0
BLOCK_BUDGET_S = 0.1


SHAPES = ("words", "figures", "participants", "notes", "article", "article-one-paragraph")
"""The shapes of ``bench_sizes.py`` measured here, as large as the limits let them be."""

LAST_PARTICIPANT = f"Participant {participants_at_limits() - 1}"
"""The name the participants shape ends with."""

# The keys of each shape's actions: (what, keys, wait for a search count).
ACTIONS: dict[str, list[tuple[str, list[str], bool]]] = {
    "words": [("search a", ["slash", "a"], True), ("search a b", ["space", "b"], True),
              ("search ab ba ab", ["backspace", "backspace", "backspace", *"b ba ab"], True),
              ("clear", ["escape"], False)],
    "figures": [("open Figures", ["4"], False), ("to the end", ["G"], False),
                ("back to the top", ["g"], False)],
    "participants": [("open Participants", ["2"], False), ("to the end", ["G"], False),
                     (f"search {LAST_PARTICIPANT}", ["slash", *LAST_PARTICIPANT], True)],
    "notes": [("open Participants", ["2"], False), ("open the details", ["enter"], False),
              ("back", ["escape"], False)],
}
# Panels: 1 summary, 2 participants, 3 priorities, 4 figures, 5 statements, 6 source.
ACTIONS["article"] = ACTIONS["article-one-paragraph"] = [
    ("open Source", ["6"], False), ("page down", ["pagedown"], False),
    ("to the end", ["end"], False), ("back to the top", ["home"], False),
    ("search пункт", ["slash", *"пункт"], True), ("next match", ["enter"], False),
    ("clear", ["escape"], False), ("next passage e", ["e"], False),
    ("last statement", ["5", "end"], False), ("its passage e", ["e"], False),
]


def run_shape(name: str, path: Path) -> None:
    """Open ``path`` in the viewer and time ``ACTIONS[name]`` (in this process)."""
    from textual import message_pump
    from textual.content import Content
    from textual.message import Message

    from briefing.loader import load
    from briefing.tui.app import BriefingApp

    longest = [0.0, 0.0]
    """The longest message handled: wall seconds, and the thread's processor seconds."""
    longest_what = [""]
    """Which widget handled which message then."""
    collecting = [0.0, 0.0]
    """When the garbage collector started, and its seconds in this action."""

    def collected(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.perf_counter()
        else:
            collecting[1] += time.perf_counter() - collecting[0]

    gc.callbacks.append(collected)
    dispatch = message_pump.MessagePump._dispatch_message

    async def timed_dispatch(self: message_pump.MessagePump, message: Message) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            await dispatch(self, message)
        finally:
            if time.perf_counter() - started > longest[0]:
                longest[:] = [time.perf_counter() - started, time.thread_time() - cpu]
                longest_what[0] = f"{type(self).__name__}: {type(message).__name__}"

    message_pump.MessagePump._dispatch_message = timed_dispatch  # type: ignore[method-assign]

    started = time.perf_counter()
    briefing = load(path)
    loaded = time.perf_counter() - started
    app = BriefingApp(path, briefing, poll_seconds=None)
    made = time.perf_counter() - started - loaded
    print(f"{name}: {path.stat().st_size / 1e6:.1f} MB; load {loaded:.1f} s, outline "
          f"{made:.1f} s (before the viewer starts)")

    async def settle(pilot: object, counted: bool, sent: float) -> float:
        """Wait until the viewer is idle (and, for a search, its count is shown)."""
        while True:
            await pilot.pause(0.05)  # type: ignore[attr-defined]
            workers = [w for w in app.workers if w.is_running]
            if counted:
                counter = app.screen.query_one("#search-count").render()
                if isinstance(counter, Content) and counter.plain not in ("", "…"):
                    return time.perf_counter() - sent
            elif not workers and all(
                    getattr(panel, "measured", True) for panel in app.screen.query("ItemList")):
                return time.perf_counter() - sent
            if time.perf_counter() - sent > 120:
                return float("inf")

    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, False, time.perf_counter())
            print(f"  start (and the evidence check): longest block "
                  f"{longest[0] * 1000:.0f} ms [{longest[1] * 1000:.0f} ms] "
                  f"({'ok' if longest[1] <= BLOCK_BUDGET_S else 'OVER'}; {longest_what[0]})")
            for what, keys, counted in ACTIONS[name]:
                longest[:] = [0.0, 0.0]
                collecting[1] = 0.0
                for key in keys[:-1]:
                    await pilot.press(key)
                # From the last key: a count is due within a second of the keystroke.
                sent, sent_cpu = time.perf_counter(), time.process_time()
                await pilot.press(keys[-1])
                took = await settle(pilot, counted, sent)
                took_cpu = time.process_time() - sent_cpu
                await settle(pilot, False, time.perf_counter())  # workers and measuring
                verdict = [f"longest block {longest[0] * 1000:.0f} ms "
                           f"[{longest[1] * 1000:.0f} ms] "
                           f"({'ok' if longest[1] <= BLOCK_BUDGET_S else 'OVER'}; "
                           f"{longest_what[0]}); garbage collection "
                           f"{collecting[1] * 1000:.0f} ms"]
                if counted:
                    counter = app.screen.query_one("#search-count").render()
                    shown = counter.plain if isinstance(counter, Content) else "?"
                    verdict.insert(0, f"count {shown!r} shown after {took:.2f} s "
                                      f"[{took_cpu:.2f} s] "
                                      f"({'ok' if took_cpu <= COUNT_BUDGET_S else 'OVER'})")
                else:
                    verdict.insert(0, f"settled after {took:.2f} s")
                panel = getattr(app.screen, "current_panel", None)
                print(f"  {what} ({getattr(panel, 'value', panel)}): {'; '.join(verdict)}")

    asyncio.run(main())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak:.0f} MB ({'ok' if peak <= RSS_BUDGET_MB else 'OVER'}; "
          f"budget {RSS_BUDGET_MB} MB)")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--shape"] and len(args) == 3:
        run_shape(args[1], Path(args[2]))
        return
    names = [args[1]] if args[:1] == ["--shape"] else list(SHAPES)
    print(f"Budget: peak RSS <= {RSS_BUDGET_MB} MB; a search's count within "
          f"{COUNT_BUDGET_S:.0f} s; no message handled for longer than "
          f"{BLOCK_BUDGET_S * 1000:.0f} ms (input blocked)")
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            path = write_shape(name, Path(folder))
            subprocess.run([sys.executable, __file__, "--shape", name, str(path)], check=False)
            path.unlink()
            path.with_suffix(".txt").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
