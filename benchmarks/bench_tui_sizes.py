"""The viewer on briefings at the size limits of docs/format.md (issue 11).

Each shape is a file inside every documented limit that is costly in its own way:

- ``words``: 15 MB of one- and two-letter words, searched for ``a`` (millions of
  occurrences) and for phrases of them;
- ``figures``: 100,000 figures, whose panel is opened and scrolled to the end;
- ``participants``: 60,000 participants, whose table is opened, scrolled to the
  end, and searched;
- ``notes``: 35 participants with notes of 45,000 one-letter lines each, whose
  details are opened.

Each runs in a process of its own (``--shape NAME``), headless at 120x40 under
Textual's Pilot, and reports for each action how long until the screen settled
(for a search: until its count is shown), the longest time the viewer handled
one message (while it does, no key is read: the longest the input was blocked),
and the peak resident memory of the process.

Budget (issue 11): peak RSS <= 500 MB; a search's count shown within 1 s of the
key; no action blocks input for more than 100 ms. Loading the file and making its
outline happen before the viewer starts (the CLI loads it first); they are
reported, not counted against the budget.

    .venv/bin/python benchmarks/bench_tui_sizes.py            # every shape
    .venv/bin/python benchmarks/bench_tui_sizes.py --shape words
"""

from __future__ import annotations

import asyncio
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_figures, generate_notes, generate_participants

RSS_BUDGET_MB = 500
COUNT_BUDGET_S = 1.0
BLOCK_BUDGET_S = 0.1


def generate_words(target_bytes: int = 15_000_000, seed: int = 1) -> str:
    """About ``target_bytes`` of outcomes made of short words, half of them ``a``
    (each outcome 40,000 words, under the limit of 100,000 characters per text)."""
    rng = random.Random(seed)
    words = ["a", "b", "c", "ab", "ba", "a", "d", "a"]
    parts = ["briefing: 1\nlanguage: en\ntitle: Short words\nsummary: Generated.\noutcomes:\n"]
    size = len(parts[0])
    while size < target_bytes:
        line = "  - " + " ".join(rng.choice(words) for _ in range(40_000)) + "\n"
        parts.append(line)
        size += len(line)
    return "".join(parts)


SHAPES: dict[str, Callable[[], str]] = {
    "words": generate_words,
    "figures": generate_figures,
    "participants": generate_participants,
    "notes": generate_notes,
}

# The keys of each shape's actions: (what, keys, wait for a search count).
ACTIONS: dict[str, list[tuple[str, list[str], bool]]] = {
    "words": [("search a", ["slash", "a"], True), ("search a b", ["space", "b"], True),
              ("search ab ba ab", ["backspace", "backspace", "backspace", *"b ba ab"], True),
              ("clear", ["escape"], False)],
    "figures": [("open Figures", ["4"], False), ("to the end", ["G"], False),
                ("back to the top", ["g"], False)],
    "participants": [("open Participants", ["2"], False), ("to the end", ["G"], False),
                     ("search Participant 59999", ["slash", *"Participant 59999"], True)],
    "notes": [("open Participants", ["2"], False), ("open the details", ["enter"], False),
              ("back", ["escape"], False)],
}


def run_shape(name: str, path: Path) -> None:
    """Open ``path`` in the viewer and time ``ACTIONS[name]`` (in this process)."""
    from textual import message_pump
    from textual.content import Content
    from textual.message import Message

    from briefing.loader import load
    from briefing.tui.app import BriefingApp

    longest = [0.0]
    dispatch = message_pump.MessagePump._dispatch_message

    async def timed_dispatch(self: message_pump.MessagePump, message: Message) -> None:
        started = time.perf_counter()
        try:
            await dispatch(self, message)
        finally:
            longest[0] = max(longest[0], time.perf_counter() - started)

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
            for what, keys, counted in ACTIONS[name]:
                longest[0] = 0.0
                sent = time.perf_counter()
                for key in keys:
                    await pilot.press(key)
                took = await settle(pilot, counted, sent)
                await settle(pilot, False, time.perf_counter())  # workers and measuring
                verdict = [f"longest block {longest[0] * 1000:.0f} ms "
                           f"({'ok' if longest[0] <= BLOCK_BUDGET_S else 'OVER'})"]
                if counted:
                    counter = app.screen.query_one("#search-count").render()
                    shown = counter.plain if isinstance(counter, Content) else "?"
                    verdict.insert(0, f"count {shown!r} shown after {took:.2f} s "
                                      f"({'ok' if took <= COUNT_BUDGET_S else 'OVER'})")
                else:
                    verdict.insert(0, f"settled after {took:.2f} s")
                print(f"  {what}: {'; '.join(verdict)}")

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
            path = Path(folder) / f"{name}.yaml"
            path.write_text(SHAPES[name](), encoding="utf-8")
            subprocess.run([sys.executable, __file__, "--shape", name, str(path)], check=False)
            path.unlink()


if __name__ == "__main__":
    main()
