"""Benchmarks of the core commands, each as a ratio to a baseline in the same run.

    python benchmarks/bench_core.py [--rounds N] [--startup-only]

1. ``briefing summary`` of the sample against a bare Rich script printing a
   panel and a table (whole processes, start-up included). Target <= 1.4x.
2. ``briefing summary`` of the sample against rich-cli rendering the same
   content written as Markdown (whole processes, output to /dev/null).
   Target <= 0.70x.
3. ``briefing validate`` of the sample against ``python -c`` loading it with
   PyYAML's C loader (whole processes). Target <= 1.3x.
4. Load and validate a generated briefing just under ``MAX_FILE_BYTES`` against
   PyYAML's C loader alone (``yaml.load(text, CSafeLoader)``) on the same text. Target <= 1.3x.

The process measures run each pair interleaved (ours, theirs, ours, theirs...)
so that drift on a busy machine hits both alike, and report medians. Every
process runs in an empty folder, so that nothing in the current one shadows
a module.

rich-cli is not a dependency of any extra: it pins ``rich<13`` and an old
Textual, which cannot be installed beside this project's. Give it an
environment of its own, with the same Python, and name that environment's
interpreter in ``RICH_CLI_PYTHON``::

    python3.11 -m venv /tmp/rich-cli && /tmp/rich-cli/bin/pip install rich-cli
    RICH_CLI_PYTHON=/tmp/rich-cli/bin/python python benchmarks/bench_core.py

Without it (and without rich-cli importable here) that measure is skipped,
saying so.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_size
from briefing.limits import MAX_FILE_BYTES
from briefing.loader import load, loads
from briefing.model import Briefing, Text

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
RICH_CLI_PYTHON = "RICH_CLI_PYTHON"
"""The environment variable naming a Python that has rich-cli installed."""
ROUNDS = 31
"""Pairs of processes per comparison: the ratios move by a few hundredths between
runs on a busy machine, less the more pairs."""
YAML_ONLY = (
    "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
)


def _time_process(command: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=cwd)
    return time.perf_counter() - start


def _compiled() -> None:
    """An installed wheel has its bytecode compiled (Rich's is); a checkout run with
    PYTHONDONTWRITEBYTECODE would compile ours on every start, so compile it once."""
    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)


def interleaved(ours: list[str], theirs: list[str], rounds: int) -> tuple[float, float]:
    """Median seconds of the processes ``ours`` and ``theirs``, run in turn."""
    _compiled()
    with tempfile.TemporaryDirectory() as folder:
        _time_process(ours, folder), _time_process(theirs, folder)  # warm the file cache
        ours_times, theirs_times = [], []
        for _ in range(rounds):  # interleaved, so drift hits both alike
            ours_times.append(_time_process(ours, folder))
            theirs_times.append(_time_process(theirs, folder))
    return statistics.median(ours_times), statistics.median(theirs_times)


def bench_summary(rounds: int = ROUNDS) -> tuple[float, float]:
    """Median seconds of `briefing summary SAMPLE` and of the bare Rich script."""
    ours = [sys.executable, "-m", "briefing", "summary", str(SAMPLE)]
    return interleaved(ours, [sys.executable, "-c", BARE_RICH], rounds)


def rich_cli_python() -> tuple[str | None, str]:
    """A Python that runs rich-cli (``-m rich_cli``), ``RICH_CLI_PYTHON`` or else this
    one; ``None`` and why, if there is none."""
    python = os.environ.get(RICH_CLI_PYTHON) or sys.executable
    try:
        with tempfile.TemporaryDirectory() as folder:
            probe = subprocess.run([python, "-c", "import rich_cli.__main__"],
                                   capture_output=True, cwd=folder, check=False)
    except OSError as error:
        return None, f"{RICH_CLI_PYTHON}={python} cannot be run ({error.strerror})"
    if probe.returncode == 0:
        return python, ""
    if python != sys.executable:
        return None, f"{RICH_CLI_PYTHON}={python} cannot import rich_cli"
    return None, (f"rich-cli is not installed; install it in an environment of its own "
                  f"and set {RICH_CLI_PYTHON} to its python (see the docstring of "
                  f"{Path(__file__).name})")


def bench_summary_vs_rich_cli(python: str, rounds: int = ROUNDS) -> tuple[float, float]:
    """Median seconds of `briefing summary SAMPLE` and of rich-cli showing the same
    content as Markdown, both piped to /dev/null."""
    with tempfile.TemporaryDirectory() as folder:
        markdown = Path(folder) / "sample.md"
        markdown.write_text(briefing_markdown(load(SAMPLE)), encoding="utf-8")
        theirs = [python, "-m", "rich_cli", str(markdown), "--markdown"]
        subprocess.run(theirs, check=True, stdout=subprocess.DEVNULL, cwd=folder)
        ours = [sys.executable, "-m", "briefing", "summary", str(SAMPLE)]
        return interleaved(ours, theirs, rounds)


def bench_validate(rounds: int = ROUNDS) -> tuple[float, float]:
    """Median seconds of `briefing validate SAMPLE` and of a bare CSafeLoader load."""
    ours = [sys.executable, "-m", "briefing", "validate", str(SAMPLE)]
    theirs = [sys.executable, "-c", YAML_ONLY, str(SAMPLE)]
    return interleaved(ours, theirs, rounds)


def briefing_markdown(briefing: Briefing) -> str:
    """Roughly what ``briefing summary`` shows, as Markdown: the title and where
    the facts come from, the summary's paragraphs, a table of the participants,
    and the priorities, figures, statements, timeline, outcomes and tags as lists,
    in the briefing's original language."""

    def text(value: Text | None) -> str:
        return " ".join(value.get().split()) if value is not None else ""

    def cell(value: Text | None) -> str:
        return text(value).replace("|", "\\|")

    lines = [f"# {text(briefing.title)}", ""]
    if briefing.source is not None:
        lines += [f"*{text(briefing.source.outlet)}, {text(briefing.source.attribution)}*", ""]
    lines += ["## Summary", ""]
    for paragraph in briefing.summary.get().split("\n\n"):
        lines += [" ".join(paragraph.split()), ""]
    lines += ["## Participants", "", "| Name | Role | Organization | Country |",
              "| --- | --- | --- | --- |"]
    for person in briefing.participants:
        role = " ".join(filter(None, (text(person.role), text(person.notes))))
        lines.append(f"| **{cell(person.name)}** | {role.replace('|', chr(92) + '|')} | "
                     f"{cell(person.organization)} | {cell(person.country)} |")
    lines += ["", "## Sector priorities", ""]
    for number, priority in enumerate(briefing.priorities, 1):
        lines.append(f"{number}. **{text(priority.sector)}** {text(priority.summary)}")
        lines += [f"   - {text(initiative)}" for initiative in priority.initiatives]
    lines += ["", "## Key figures", ""]
    for figure in briefing.figures:
        shown = figure.display or f"{figure.value:,}"
        lines.append(f"- **{shown}** {text(figure.label)} ({text(figure.unit)}): "
                     f"{text(figure.note)}")
    lines += ["", "## Statements", ""]
    for statement in briefing.statements:
        speaker = (briefing.participants[statement.speaker]
                   if statement.speaker is not None else None)
        who = text(speaker.name) if speaker is not None else statement.by
        lines += [f"**{who}**", "", f"> {text(statement.text)}", ""]
    if briefing.timeline:
        lines += ["## Timeline", ""]
        lines += [f"- **{entry.date}** {text(entry.event)}" for entry in briefing.timeline]
        lines.append("")
    lines += ["## Outcomes", ""]
    lines += [f"- {text(outcome)}" for outcome in briefing.outcomes]
    lines += ["", "## Tags", "", "  ".join(f"#{tag}" for tag in briefing.tags), ""]
    return "\n".join(lines)


def bench_load(size: int = MAX_FILE_BYTES - 64 * 1024, rounds: int = 3) -> tuple[float, float, int]:
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


def _ratio(what: str, ours: float, theirs_name: str, theirs: float, target: str) -> str:
    return (f"{what}: {ours * 1000:.0f} ms; {theirs_name}: {theirs * 1000:.0f} ms; "
            f"ratio {ours / theirs:.2f}x (target {target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"pairs of processes per comparison (default: {ROUNDS})")
    parser.add_argument("--startup-only", action="store_true",
                        help="skip the big load; only the whole-process measures")
    options = parser.parse_args()
    rounds: int = options.rounds

    ours, bare = bench_summary(rounds)
    print(_ratio("summary of the sample", ours, "bare Rich panel+table", bare, "<= 1.4x"))
    python, missing = rich_cli_python()
    if python is None:
        print(f"summary vs rich-cli: skipped: {missing}")
    else:
        ours, theirs = bench_summary_vs_rich_cli(python, rounds)
        print(_ratio("summary of the sample", ours, "rich-cli of it as Markdown", theirs,
                     "<= 0.70x"))
    ours, theirs = bench_validate(rounds)
    print(_ratio("validate of the sample", ours, "python -c yaml.load CSafeLoader", theirs,
                 "<= 1.3x"))
    if options.startup_only:
        return
    ours, raw, size = bench_load()
    print(
        f"load+validate {size / 2**20:.1f} MB: {ours:.2f} s; yaml.load CSafeLoader: "
        f"{raw:.2f} s; ratio {ours / raw:.2f}x (target <= 1.3x)"
    )


if __name__ == "__main__":
    main()
