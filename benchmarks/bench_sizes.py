"""``briefing summary`` of files at the size limits: time and peak memory per shape.

    python benchmarks/bench_sizes.py [--shape NAME ...] [--colour] [--keep DIR]

Issue 11's shapes, each as large as every limit of ``docs/format.md``
(``briefing/limits.py``) lets it be, made by ``benchmarks/generate.py``:

- ``notes``: participants whose notes are one-letter lines, each note as long
  as a text may be (one long paragraph), as many as the file's size allows;
- ``notes-paragraphs``: the same with a blank line after each letter (each
  letter a paragraph);
- ``participants``: as many participants with a name, role, organization and
  country as a list (and the file's values) may hold;
- ``figures``: as many figures of both signs;
- ``words``: outcomes of short words, each as long as a text may be, filling
  the file (what the viewer's search benchmark searches);
- ``every-list``: every list of the format (participants, priorities, figures,
  statements, timeline, outcomes, tags) as long as the limits on list items and
  on values together allow;
- ``article``: a source article as long as ``MAX_SOURCE_TEXT_BYTES`` lets it be,
  Russian prose in paragraphs of five sentences (one a line, as agencies write
  them), and claims whose evidence cites passages all across it (the last at its
  end); ``article-one-paragraph``: the same article with no line break at all.
  These are also run as ``summary --evidence`` and ``check``.

Each is summarised as a subprocess (``--width 100``, output to /dev/null, plain
as when piped; ``--colour`` also forces colour, which draws the large digits),
at full and at half its size. Reported per shape: wall seconds, processor
seconds and peak resident memory of the process (``os.wait4``), the ratio of
full to half (2.0 is linear), and the ratio to a baseline in the same run:
PyYAML's C loader reading the same file (``yaml.load(..., CSafeLoader)``), so
that a busy machine slows both alike. Budget: at most 10 s of processor time,
and linear.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_figures, generate_notes, generate_participants
from briefing.limits import (
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    MAX_NODES,
    MAX_SOURCE_TEXT_BYTES,
    MAX_TEXT_LENGTH,
)
from tests.cli_run import child_environment

BUDGET_SECONDS = 10.0
"""The issue's budget for the summary of any file within the limits."""

HEAD_VALUES = 12
"""Values outside a shape's list: the top-level mapping, its keys and values."""
FILE_ROOM = 4096
"""Bytes kept below ``MAX_FILE_BYTES`` for the head and the last entry."""


def _notes_lines(blank: bool) -> int:
    """Lines of a participant's notes as long as a text may be (``a\\n`` is a letter's
    line; with ``blank``, ``a\\n\\n`` is two)."""
    return (MAX_TEXT_LENGTH // 3 * 2 if blank else MAX_TEXT_LENGTH // 2) - 2


def _notes(scale: float, blank: bool) -> str:
    lines = _notes_lines(blank)
    # "      a\n" a letter's line (a blank one "\n"), and the name and role
    per_participant = (lines // 2 * 9 if blank else lines * 8) + 80
    count = min(MAX_LIST_ITEMS, (MAX_FILE_BYTES - FILE_ROOM) // per_participant)
    return generate_notes(max(1, round(count * scale)), lines, blank=blank)


def _items(values_each: int) -> int:
    """As many list items of ``values_each`` values as the limits allow."""
    return min(MAX_LIST_ITEMS, (MAX_NODES - HEAD_VALUES) // values_each)


def _within_size(make: Callable[[int], str], count: int) -> str:
    """``make(count)``, with fewer items when the file would be too large."""
    text = make(count)
    while len(text.encode()) > MAX_FILE_BYTES:
        count = count * MAX_FILE_BYTES // len(text.encode()) - 1
        text = make(count)
    return text


def participants_at_limits() -> int:
    """How many participants the ``participants`` shape has."""
    return len(SHAPES["participants"](1.0).split("\n  - name: ")) - 1


SHAPES: dict[str, Callable[[float], str]] = {
    "notes": lambda scale: _notes(scale, blank=False),
    "notes-paragraphs": lambda scale: _notes(scale, blank=True),
    # A participant is a mapping, 4 keys and 4 values; a figure a mapping, 3 and 3.
    "participants": lambda scale: _within_size(generate_participants,
                                               round(_items(9) * scale)),
    "figures": lambda scale: _within_size(generate_figures, round(_items(7) * scale)),
    "words": lambda scale: generate_words(round((MAX_FILE_BYTES - FILE_ROOM) * scale),
                                          MAX_TEXT_LENGTH),
    "every-list": lambda scale: _within_size(generate_every_list,
                                             round(_items(EVERY_LIST_VALUES) * scale)),
    "article": lambda scale: generate_article_briefing(
        f"article-{scale}.txt", round(MAX_SOURCE_TEXT_BYTES * scale)),
    "article-one-paragraph": lambda scale: generate_article_briefing(
        f"article-one-paragraph-{scale}.txt", round(MAX_SOURCE_TEXT_BYTES * scale)),
}

ARTICLES: dict[str, Callable[[float], str]] = {
    "article": lambda scale: generate_article(round(MAX_SOURCE_TEXT_BYTES * scale)),
    "article-one-paragraph": lambda scale: generate_article(
        round(MAX_SOURCE_TEXT_BYTES * scale), paragraphs=False),
}
"""The source article of each shape that has one (``source.text``: ``NAME-SCALE.txt``)."""

ARTICLE_CLAIMS = 300
"""Claims of the article shapes: a third each priorities, figures and statements."""

_SAMPLE_ARTICLE = Path(__file__).resolve().parent.parent / "data" / \
    "kazinform-eurasian-connectivity.ru.txt"


def _article_sentences(target_bytes: int) -> list[str]:
    """The sample article's sentences over and over, each made unique by its number,
    about ``target_bytes`` bytes (with a space or line break after each) in all."""
    sample = [sentence.strip() for sentence in
              _SAMPLE_ARTICLE.read_text(encoding="utf-8").replace("\n", " ").split(". ")
              if len(sentence.strip()) > 40]
    sentences: list[str] = []
    size = 0
    while True:
        sentence = f"{sample[len(sentences) % len(sample)]}, пункт {len(sentences) + 1}."
        size += len(sentence.encode("utf-8")) + 1
        if size > target_bytes:
            return sentences
        sentences.append(sentence)


def generate_article(target_bytes: int, paragraphs: bool = True) -> str:
    """Russian prose of at most ``target_bytes`` bytes: paragraphs of five sentences,
    one a line, or (not ``paragraphs``) one line of every sentence."""
    sentences = _article_sentences(target_bytes)
    if not paragraphs:
        return " ".join(sentences)
    return "\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))


def generate_article_briefing(article: str, article_bytes: int,
                              claims: int = ARTICLE_CLAIMS) -> str:
    """A briefing whose ``source.text`` is ``article`` (a file beside it, of
    ``article_bytes`` from :func:`generate_article`), with ``claims`` claims citing
    sentences spread evenly over the article, the last one its last sentence."""
    sentences = _article_sentences(article_bytes)
    lines = ["briefing: 1", "title: Long article", "summary: Generated.", "language: ru",
             "source:", f"  text: {article}", "participants:", "  - id: speaker",
             "    name: Speaker"]
    sections: dict[str, list[str]] = {"priorities": [], "figures": [], "statements": []}
    names = list(sections)
    for claim in range(claims):
        number = (len(sentences) - 1) * (claim + 1) // claims
        excerpt = sentences[number].rsplit(", пункт ", 1)[0][-80:].split(" ", 1)[-1]
        excerpt = f"{excerpt}, пункт {number + 1}"
        quoted = excerpt.replace("\\", "\\\\").replace('"', '\\"')
        section = names[claim % 3]
        entry = {"priorities": f"  - sector: Sector {claim}",
                 "figures": f"  - label: Figure {claim}\n    value: {number + 1}",
                 "statements": "  - by: speaker\n    text: Said"}[section]
        sections[section].append(f'{entry}\n    evidence: "{quoted}"')
    for section, entries in sections.items():
        lines += [f"{section}:", *entries]
    return "\n".join(lines) + "\n"


def write_shape(name: str, folder: Path, scale: float = 1.0) -> Path:
    """Write shape ``name`` at ``scale`` (and its article) in ``folder``, unless there."""
    path = folder / f"{name}-{scale}.yaml"
    if not path.exists():
        path.write_text(SHAPES[name](scale), encoding="utf-8")
    article = folder / f"{name}-{scale}.txt"
    if name in ARTICLES and not article.exists():
        article.write_text(ARTICLES[name](scale), encoding="utf-8")
    return path


EVERY_LIST_VALUES = 33
"""Values of one entry of each list in ``generate_every_list``: a participant 9, a
priority 5, a figure 7, a statement 5, a timeline entry 5, an outcome and a tag 1."""


def generate_every_list(count: int) -> str:
    """``count`` entries in every list of the format."""
    rng = random.Random(count)

    def phrase(words: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize()

    lists: dict[str, list[str]] = {name: [] for name in (
        "participants", "priorities", "figures", "statements", "timeline", "outcomes", "tags")}
    for index in range(count):
        # The first 50 are the speakers of the statements, named by name.
        name = f"Speaker {index}" if index < 50 else f"Participant {index} {phrase(2)}"
        lists["participants"].append(
            f"  - {{name: {name}, role: {phrase(4)}, "
            f"organization: {phrase(3)}, country: {phrase(1)}}}\n")
        lists["priorities"].append(f"  - {{sector: {phrase(1)} {index}, summary: {phrase(6)}}}\n")
        lists["figures"].append(f"  - {{label: Figure {index} {phrase(3)}, "
                                f"value: {rng.randint(-10**9, 10**10)}, unit: USD}}\n")
        lists["statements"].append(f"  - {{by: Speaker {index % 50}, text: {phrase(8)}}}\n")
        lists["timeline"].append(f"  - {{date: 2025-{index % 12 + 1:02d}-{index % 28 + 1:02d}, "
                                 f"event: {phrase(5)}}}\n")
        lists["outcomes"].append(f"  - {phrase(6)}\n")
        lists["tags"].append(f"  - tag-{index}\n")
    parts = ["briefing: 1\nlanguage: en\ntitle: Every list\nsummary: Generated.\n"]
    for name, items in lists.items():
        parts += [f"{name}:\n", *items]
    return "".join(parts)


_WORDS = ("trade", "corridor", "transport", "energy", "agreement", "minister", "route",
          "investment", "region", "partnership", "logistics", "meeting")


def generate_words(target_bytes: int, text_length: int, seed: int = 1) -> str:
    """About ``target_bytes`` of outcomes made of short words, half of them ``a``,
    each outcome at most ``text_length`` characters (a word takes 2.5 on average)."""
    rng = random.Random(seed)
    words = ["a", "b", "c", "ab", "ba", "a", "d", "a"]
    parts = ["briefing: 1\nlanguage: en\ntitle: Short words\nsummary: Generated.\noutcomes:\n"]
    size = len(parts[0])
    while size < target_bytes:
        text = " ".join(rng.choice(words) for _ in range(text_length // 2))[:text_length]
        line = ("  - " + text)[:max(5, target_bytes - size)].rstrip() + "\n"
        parts.append(line)
        size += len(line)
    return "".join(parts)


YAML_ONLY = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"


class Run(NamedTuple):
    """What one process took."""

    wall: float
    cpu: float
    peak_mib: float
    returncode: int


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` with its output to /dev/null; its time and peak memory."""
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        process = subprocess.Popen(command, stdout=sink, env=child_environment(env))
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               process.returncode)


def commands(name: str) -> list[list[str]]:
    """The commands shape ``name`` is measured with (before the file's path)."""
    summary = ["summary", "--width", "100"]
    if name in ARTICLES:
        return [summary, ["summary", "--evidence", "--width", "100"], ["check"]]
    return [summary]


def measure(name: str, folder: Path, colour: bool) -> None:
    """Run each of :func:`commands` on shape ``name`` at full and half size, and
    print one line for each."""
    for command in commands(name):
        results = {}
        for scale in (1.0, 0.5):
            path = write_shape(name, folder, scale)
            env = {"FORCE_COLOR": "1"} if colour else None
            ours = run([sys.executable, "-m", "briefing", *command, str(path)], env)
            baseline = run([sys.executable, "-c", YAML_ONLY, str(path)])
            size = path.stat().st_size + (path.with_suffix(".txt").stat().st_size
                                          if name in ARTICLES else 0)
            results[scale] = (ours, baseline, size)
        (full, baseline, size), (half, _, _) = results[1.0], results[0.5]
        verdict = ("REFUSED (not within the limits)" if full.returncode != 0
                   else "ok" if full.cpu <= BUDGET_SECONDS else "OVER BUDGET")
        what = name + (" (colour)" if colour else "")
        if command[0] != "summary" or "--evidence" in command:
            what += f" [{command[0]}{' --evidence' if '--evidence' in command else ''}]"
        print(f"{what:44} {size / 2**20:5.1f} MB  "
              f"{full.wall:6.2f} s wall {full.cpu:6.2f} s cpu {full.peak_mib:6.0f} MiB  "
              f"full/half {full.cpu / max(half.cpu, 1e-9):4.2f}  "
              f"vs yaml.load {full.cpu / max(baseline.cpu, 1e-9):5.2f}x  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES),
                        help="only this shape (may be repeated; default: all)")
    parser.add_argument("--colour", action="store_true",
                        help="also measure with colour forced (large digits)")
    parser.add_argument("--keep", type=Path, help="make (or reuse) the files in this folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder: Path = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for name in options.shape or SHAPES:
            measure(name, folder, colour=False)
            if options.colour:
                measure(name, folder, colour=True)


if __name__ == "__main__":
    main()
