"""Volume: a briefing with as many participants as a list may hold loads,
validates and is summarised without trouble, in bounded time and memory."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.generate import generate
from briefing.limits import MAX_LIST_ITEMS
from briefing.loader import load

from .harness import PEAK_RSS_LIMIT, run_briefing

PARTICIPANTS = MAX_LIST_ITEMS


def test_a_list_of_participants_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(generate(PARTICIPANTS, figures=40, statements=20), encoding="utf-8")

    # Processor time, not wall time: a guard against a hang or quadratic work, which
    # a machine busy with other processes must not trip (under a second here).
    started = time.process_time()
    briefing = load(path)
    loaded = time.process_time() - started
    assert len(briefing.participants) == PARTICIPANTS
    assert loaded < 5, f"loading took {loaded:.2f} s of processor time"

    run = run_briefing("summary", "--width", "100", str(path))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.seconds < 30, f"the summary took {run.seconds:.2f} s"
    assert run.peak_rss < PEAK_RSS_LIMIT, f"the summary used {run.peak_rss / 2**20:.0f} MiB"
    last = briefing.participants[-1].name.get()
    assert last.split()[0] in run.stdout
