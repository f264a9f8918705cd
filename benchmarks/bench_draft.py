"""Benchmark and quality report of ``briefing draft``.

    python benchmarks/bench_draft.py [--rounds N]

1. Quality: the draft of the seed article (``data/*.ru.txt``) against the bundled
   sample's figures (by value), named people and sectors, and the two test
   articles (``tests/fixtures/draft/``) against their analysts' briefings:
   recall and precision, by rule and with natasha's model.
2. Speed: ``draft()`` of a 6 KB article (the seed article, 6,042 bytes) in a fresh
   process each round (imports and the first use of every pattern included), by
   rule, and with natasha's model (its loading included). Targets: under 0.5 s by
   rule, under 2 s with natasha. Both the wall-clock time and the processor time
   (user + system) are shown; the targets are checked on processor time, which
   other programs sharing the machine do not inflate. Also, as the ratio against
   a baseline in the same run, the same process that only reads the article.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.draft import natasha_available
from tests.draft_quality import CASES, SEED, quality

ROUNDS = 5
TARGET_RULES, TARGET_NATASHA = 0.5, 2.0

_TIMED = """
import sys, time
start, cpu = time.perf_counter(), time.process_time()
from briefing.draft import draft
text = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] != "none":
    draft(text, use_natasha=sys.argv[2] == "natasha")
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def timed(article: Path, mode: str, rounds: int) -> tuple[float, float]:
    """Median seconds (wall clock, processor), in a fresh process, from the first
    import to the draft."""
    walls, cpus = [], []
    for _ in range(rounds):
        output = subprocess.run([sys.executable, "-c", _TIMED, str(article), mode],
                                capture_output=True, text=True, check=True).stdout
        wall, cpu = output.split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    rounds = parser.parse_args().rounds
    with_natasha = natasha_available()
    print("Quality (recall and precision against the analysts' briefings):")
    for case in CASES:
        modes = [False, True] if with_natasha and case != "en" else [False]
        for use_natasha in modes:
            result = quality(case, use_natasha=use_natasha)
            names = "natasha" if use_natasha else "rules"
            print(f"  {case:4} {names:7} figures {result.figures}; people {result.people}; "
                  f"sectors {result.sectors}"
                  + (f"; missing {', '.join(result.missing_sectors)}"
                     if result.missing_sectors else ""))
    failed = False
    article = SEED
    size = article.stat().st_size
    started = time.perf_counter()
    baseline = timed(article, "none", rounds)
    rules = timed(article, "rules", rounds)
    print(f"\nDraft of a {size:,}-byte article, fresh process, median of {rounds} "
          "(wall clock / processor):")
    print(f"  by rule:       {rules[0]:.3f} s / {rules[1]:.3f} s (target < {TARGET_RULES} s);"
          f" {rules[1] / baseline[1]:.1f}x the imports alone ({baseline[1]:.3f} s)")
    failed |= rules[1] >= TARGET_RULES
    if with_natasha:
        natasha = timed(article, "natasha", rounds)
        print(f"  with natasha:  {natasha[0]:.3f} s / {natasha[1]:.3f} s "
              f"(target < {TARGET_NATASHA} s), the model's loading included")
        failed |= natasha[1] >= TARGET_NATASHA
    else:
        print("  with natasha:  not measured (pip install '.[draft]')")
    print(f"  ({time.perf_counter() - started:.1f} s in all)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
