"""Benchmarks of the core commands, each as a ratio to a baseline in the same run.

    python benchmarks/bench_core.py

1. ``briefing summary`` of the sample against a bare Rich script printing a
   panel and a table (whole processes, start-up included). Target <= 1.4x.
2. Load and validate a generated 10 MB briefing against PyYAML's C loader
   alone (``yaml.load(text, CSafeLoader)``) on the same text. Target <= 1.3x.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_size
from briefing.loader import loads

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
BARE_RICH = """
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
console = Console()
console.print(Panel("Развитие евразийских связей", title="briefing"))
table = Table("Name", "Role", "Organization", "Country")
table.add_row("Арман Исетов", "Заместитель министра", "МИД", "Казахстан")
console.print(table)
"""


def _time_process(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_summary(rounds: int = 15) -> tuple[float, float]:
    """Median seconds of `briefing summary SAMPLE` and of the bare Rich script."""
    # An installed wheel has its bytecode compiled (Rich's is); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile ours on every start, so compile it once.
    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
    ours = [sys.executable, "-m", "briefing", "summary", str(SAMPLE)]
    bare = [sys.executable, "-c", BARE_RICH]
    _time_process(ours), _time_process(bare)  # warm the file cache
    ours_times, bare_times = [], []
    for _ in range(rounds):  # interleaved, so drift hits both alike
        ours_times.append(_time_process(ours))
        bare_times.append(_time_process(bare))
    return statistics.median(ours_times), statistics.median(bare_times)


def bench_load(size: int = 10 * 1024 * 1024, rounds: int = 3) -> tuple[float, float, int]:
    """Best seconds to load+validate a generated briefing, and to yaml.load it (C)."""
    text = generate_size(size)
    ours_times, raw_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(rounds):
            start = time.perf_counter()
            loads(text.encode("utf-8"), "generated.yaml", Path(folder))
            ours_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            yaml.load(text, Loader=yaml.CSafeLoader)
            raw_times.append(time.perf_counter() - start)
    return min(ours_times), min(raw_times), len(text.encode("utf-8"))


def main() -> None:
    ours, bare = bench_summary()
    print(
        f"summary of the sample: {ours * 1000:.0f} ms; bare Rich panel+table: "
        f"{bare * 1000:.0f} ms; ratio {ours / bare:.2f}x (target <= 1.4x)"
    )
    ours, raw, size = bench_load()
    print(
        f"load+validate {size / 2**20:.1f} MB: {ours:.2f} s; yaml.load CSafeLoader: "
        f"{raw:.2f} s; ratio {ours / raw:.2f}x (target <= 1.3x)"
    )


if __name__ == "__main__":
    main()
