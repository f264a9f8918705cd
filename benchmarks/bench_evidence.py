"""Benchmarks of ``briefing check``, each against a baseline or a limit in the same run.

    python benchmarks/bench_evidence.py [--rounds N]

1. ``briefing check`` of the sample against ``briefing validate`` of the sample
   (whole processes, interleaved, medians). Target <= 1.3x.
2. ``briefing check`` of a generated briefing of 500 claims against a 100 KB
   article, one claim in ten reworded so that its closest passage is looked for
   (whole process). Target: under one second. Also its ratio to ``validate`` of
   the same file, which shows what the check itself costs.
3. The same with 2,000 claims, every one reworded, against a 2 MB article:
   the work a file of many excerpts that are not in a long article makes is
   bounded (a word index, closest passages near where the words point, within
   a budget). Target: under five seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_core import ROUNDS, _compiled, _ratio, _time_process, interleaved

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
ARTICLE = ROOT / "data" / "kazinform-eurasian-connectivity.ru.txt"


def bench_check_sample(rounds: int = ROUNDS) -> tuple[float, float]:
    """Median seconds of `briefing check SAMPLE` and `briefing validate SAMPLE`."""
    ours = [sys.executable, "-m", "briefing", "check", str(SAMPLE)]
    theirs = [sys.executable, "-m", "briefing", "validate", str(SAMPLE)]
    return interleaved(ours, theirs, rounds)


def generate(folder: Path, claims: int = 500, article_bytes: int = 100_000,
             reworded: float = 0.1) -> Path:
    """A briefing of ``claims`` claims (a third each priorities, figures and
    statements) beside an article of about ``article_bytes`` bytes made of the
    sample's sentences, each made different by a number; a share ``reworded``
    of the excerpts have a word changed, so they are not found."""
    randomizer = random.Random(12)
    sentences = [sentence.strip() + "." for sentence in
                 ARTICLE.read_text(encoding="utf-8").replace("\n", " ").split(". ")
                 if len(sentence) > 40]
    article: list[str] = []
    size = 0
    number = 0
    while size < article_bytes:
        number += 1
        sentence = f"{randomizer.choice(sentences)[:-1]}, пункт {number}."
        article.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    (folder / "article.txt").write_text(
        "\n".join(" ".join(article[i:i + 5]) for i in range(0, len(article), 5)),
        encoding="utf-8")
    lines = ["briefing: 1", "title: Generated", "summary: Generated", "language: ru",
             "source:", "  text: article.txt"]
    sections: dict[str, list[str]] = {"priorities": [], "figures": [], "statements": []}
    names = list(sections)
    for claim in range(claims):
        sentence = randomizer.choice(article)
        words = sentence.split()
        first = randomizer.randrange(0, max(1, len(words) - 12))
        excerpt = words[first:first + randomizer.randint(8, 30)]
        if randomizer.random() < reworded:
            excerpt[len(excerpt) // 2] = "переписано"
        quoted = " ".join(excerpt).replace("\\", "\\\\").replace('"', '\\"')
        section = names[claim % 3]
        entry = {"priorities": f"  - sector: Sector {claim}",
                 "figures": f"  - label: Figure {claim}\n    value: {claim}",
                 "statements": "  - by: speaker\n    text: Said"}[section]
        sections[section].append(f'{entry}\n    evidence: "{quoted}"')
    lines += ["participants:", "  - id: speaker", "    name: Speaker"]
    for section, entries in sections.items():
        lines.append(f"{section}:")
        lines += entries
    path = folder / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def bench_check_large(
    rounds: int = 5, claims: int = 500, article_bytes: int = 100_000, reworded: float = 0.1,
) -> tuple[float, float, int, int]:
    """Best seconds of `briefing check` and of `briefing validate` on the generated
    briefing; the article's size in bytes and the number of claims."""
    _compiled()
    with tempfile.TemporaryDirectory() as folder:
        path = generate(Path(folder), claims, article_bytes, reworded)
        size = (Path(folder) / "article.txt").stat().st_size
        check = [sys.executable, "-m", "briefing", "check", str(path)]
        validate = [sys.executable, "-m", "briefing", "validate", str(path)]
        import subprocess

        subprocess.run(check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        checks, validates = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run(check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           cwd=folder, check=False)
            checks.append(time.perf_counter() - start)
            validates.append(_time_process(validate, folder))
    return min(checks), min(validates), size, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"pairs of processes for the sample (default: {ROUNDS})")
    rounds: int = parser.parse_args().rounds
    ours, theirs = bench_check_sample(rounds)
    print(_ratio("check of the sample", ours, "validate of the sample", theirs, "<= 1.3x"))
    check, validate, size, claims = bench_check_large()
    print(f"check of {claims} claims against a {size / 1000:.0f} KB article: "
          f"{check * 1000:.0f} ms (target < 1000 ms); validate of it: {validate * 1000:.0f} ms")
    check, validate, size, claims = bench_check_large(3, 2000, 2_000_000, 1.0)
    print(f"check of {claims} reworded claims against a {size / 1e6:.1f} MB article: "
          f"{check:.2f} s (target < 5 s); validate of it: {validate * 1000:.0f} ms")


if __name__ == "__main__":
    main()
