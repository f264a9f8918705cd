"""Benchmark of the library index (issue 14), on a generated library.

    python benchmarks/bench_library.py [--count 10000] [--queries 200] [--rounds 7]

The library is ``--count`` generated briefings of 2 KB to 20 KB, a third with Russian
and English text, a third Russian only, a third English only, in folders of 100.
Measured, with the issue's targets:

1. first index of the library, in process (parallel reading): <= 30 s on 2 cores;
2. a rescan with nothing changed: <= 0.5 s;
3. a rescan after 10 files changed: <= 1 s;
4. the p95 of ``search`` (2 words, the last a prefix; 20 briefings with their first
   hits and excerpts), in process: <= 20 ms; for two common words (in every
   briefing) and for a name and the start of a surname (in half of them);
5. ``briefing search`` of the library (warm index; a query found nowhere, and one
   found in 20 briefings) against ``briefing validate`` of the sample, whole
   processes, interleaved, medians: <= 1.5x.

The load average is printed before and after: the machine may be shared.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import _EN, _RU
from briefing.library import open_library

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"

_RU_SYLLABLES = ["ка", "ро", "ми", "на", "те", "ли", "ву", "за", "сто", "пер", "гра", "нов",
                 "лан", "дек", "бор", "сал"]
_EN_SYLLABLES = ["ka", "ro", "mi", "na", "te", "li", "vu", "za", "sto", "per", "gra", "nov",
                 "lan", "dek", "bor", "sal"]
_COUNTRIES = [("Казахстан", "Kazakhstan"), ("Узбекистан", "Uzbekistan"), ("Турция", "Türkiye"),
              ("Азербайджан", "Azerbaijan"), ("Грузия", "Georgia"), ("Китай", "China"),
              ("Германия", "Germany"), ("Франция", "France")]
_SECTORS = [("Транспорт", "Transport"), ("Энергетика", "Energy"), ("Торговля", "Trade"),
            ("Цифровизация", "Digitalisation"), ("Логистика", "Logistics")]
_PEOPLE = [("Арман Исетов", "Arman Isetov"), ("Мурат Нуртлеу", "Murat Nurtleu"),
           ("Анна Шмидт", "Anna Schmidt"), ("Пьер Дюбуа", "Pierre Dubois"),
           ("Ли Вэй", "Li Wei"), ("Айше Йылмаз", "Ayşe Yılmaz")]


def _rare(rng: random.Random, syllables: list[str]) -> str:
    return "".join(rng.choice(syllables) for _ in range(3))


def _words(rng: random.Random, count: int, russian: bool) -> str:
    common, syllables = (_RU, _RU_SYLLABLES) if russian else (_EN, _EN_SYLLABLES)
    words = [rng.choice(common) if rng.random() < 0.7 else _rare(rng, syllables)
             for _ in range(count)]
    return " ".join(words).capitalize()


def _text(rng: random.Random, count: int, languages: str) -> str:
    """A Text in YAML flow style: ``{ru: "...", en: "..."}`` or a plain string."""
    if languages == "ru+en":
        return f'{{ru: "{_words(rng, count, True)}", en: "{_words(rng, count, False)}"}}'
    return f'"{_words(rng, count, languages == "ru")}"'


def _pair(pair: tuple[str, str], languages: str) -> str:
    ru, en = pair
    if languages == "ru+en":
        return f'{{ru: "{ru}", en: "{en}"}}'
    return f'"{ru if languages == "ru" else en}"'


def library_briefing(number: int) -> str:
    """Briefing ``number`` of the generated library: 2 KB to 20 KB, valid."""
    rng = random.Random(number)
    languages = ("ru+en", "ru", "en")[number % 3]
    target = rng.randint(2_000, 20_000)
    lines = [
        "briefing: 1",
        f"language: {'en' if languages == 'en' else 'ru'}",
        f"title: {_text(rng, 8, languages)}",
        f"date: {2015 + number % 11}-{1 + number % 12:02d}-{1 + number % 28:02d}",
        f"location: {_pair(rng.choice(_COUNTRIES), languages)}",
        f"source: {{outlet: {_text(rng, 2, languages)}}}",
        f"summary: {_text(rng, 60, languages)}",
        f"tags: [{', '.join(rng.sample(['transport', 'energy', 'trade', 'eu', 'china'], 2))}]",
        "participants:",
    ]
    for index, person in enumerate(rng.sample(_PEOPLE, 3)):
        lines += [f"  - id: p{index}", f"    name: {_pair(person, languages)}",
                  f"    role: {_text(rng, 4, languages)}",
                  f"    country: {_pair(rng.choice(_COUNTRIES), languages)}"]
    lines.append("priorities:")
    for sector in rng.sample(_SECTORS, 2):
        lines += [f"  - sector: {_pair(sector, languages)}",
                  f"    summary: {_text(rng, 20, languages)}"]
    lines.append("statements:")
    size = sum(len(line.encode()) + 1 for line in lines)
    index = 0
    while size < target:
        line = f"  - by: p{index % 3}\n    text: {_text(rng, 25, languages)}"
        lines.append(line)
        size += len(line.encode()) + 1
        index += 1
    return "\n".join(lines) + "\n"


def make_library(folder: Path, count: int) -> None:
    """Write ``count`` generated briefings under ``folder``, 100 per sub-folder."""
    for number in range(count):
        sub = folder / f"{number // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"briefing-{number:05d}.yaml").write_text(library_briefing(number),
                                                         encoding="utf-8")


def _queries(count: int) -> list[str]:
    """Two-word queries whose last word is a prefix (3 to 6 letters): two of the common
    words, which every briefing holds (the worst case: every briefing is ranked)."""
    rng = random.Random(7)
    queries = []
    for number in range(count):
        common = _RU if number % 2 else _EN
        first, second = rng.choice(common), rng.choice(common)
        queries.append(f"{first} {second[:rng.randint(3, 6)]}")
    return queries


def _name_queries(count: int) -> list[str]:
    """A participant's first name and the start of the surname (in half the briefings)."""
    rng = random.Random(8)
    queries = []
    for _ in range(count):
        first, last = rng.choice(rng.choice(_PEOPLE)).split(" ", 1)
        queries.append(f"{first} {last[:rng.randint(3, 5)]}")
    return queries


def _p95(index: object, queries: list[str]) -> tuple[float, float, float, str]:
    """The p95 and the median of ``index.search`` over ``queries``, the p95 of its
    processor time (steadier on a shared machine), in ms, and the full garbage
    collections meanwhile (each walks every object the searches keep)."""
    walls, cpus = [], []
    full: list[float] = []
    started = [0.0]

    def collected(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started[0] = time.perf_counter()
            else:
                full.append(time.perf_counter() - started[0])

    gc.callbacks.append(collected)
    try:
        for query in queries:
            start = time.perf_counter()
            cpu = time.process_time()
            index.search(query, limit=20)  # type: ignore[attr-defined]
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    finally:
        gc.callbacks.remove(collected)
    walls.sort()
    cpus.sort()
    at = max(0, int(len(walls) * 0.95) - 1)
    collections = (f"{len(full)} full garbage collections, "
                   f"{max(full, default=0) * 1000:.0f} ms the longest")
    return walls[at] * 1000, statistics.median(walls) * 1000, cpus[at] * 1000, collections


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall time and the processor time (user and system) of ``briefing ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefing", *args], env=env, cwd=tempfile.gettempdir(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--index-only", action="store_true",
                        help="measure 1-3 (writing the index) only")
    parser.add_argument("--library", type=Path,
                        help="a library made before (with --cache): 1. is then a rescan")
    parser.add_argument("--cache", type=Path, help="the index folder of --library")
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()}, processors: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.library or Path(temporary) / "library"
        cache = options.cache or Path(temporary) / "cache"
        os.environ["BRIEFING_CACHE"] = str(cache)
        if options.library is None:
            make_library(folder, options.count)
        size = sum(path.stat().st_size for path in folder.rglob("*.yaml"))
        print(f"library: {options.count:,} briefings, {size / 2**20:.1f} MiB")

        index = open_library(str(folder))
        start = time.perf_counter()
        cpu = time.process_time()
        report = index.scan()
        first = time.perf_counter() - start
        cpu = time.process_time() - cpu
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_cpu = workers.ru_utime + workers.ru_stime
        print(f"1. first index: {first:.2f} s (target <= 30 s) {report}\n"
              f"   processor time: {cpu:.1f} s writing (this process), {workers_cpu:.1f} s "
              f"reading (workers); on 2 idle cores at least "
              f"{max(cpu, (cpu + workers_cpu) / 2):.1f} s")

        start = time.perf_counter()
        cpu = time.process_time()
        index.scan()
        rescan = time.perf_counter() - start
        print(f"2. rescan, nothing changed: {rescan:.3f} s (target <= 0.5 s); processor "
              f"time {time.process_time() - cpu:.3f} s")

        for number in range(0, options.count, max(1, options.count // 10))[:10]:
            path = folder / f"{number // 100:03d}" / f"briefing-{number:05d}.yaml"
            path.write_text(library_briefing(number + options.count), encoding="utf-8")
        start = time.perf_counter()
        cpu = time.process_time()
        report = index.scan()
        changed = time.perf_counter() - start
        print(f"3. rescan, 10 changed: {changed:.3f} s (target <= 1 s); processor time "
              f"{time.process_time() - cpu:.3f} s {report}")
        if options.index_only:
            index.close()
            print(f"load average after: {os.getloadavg()}")
            return

        for name, queries in (("common words", _queries(options.queries)),
                              ("name and surname prefix", _name_queries(options.queries))):
            p95, median, cpu, collections = _p95(index, queries)
            print(f"4. search p95 ({name}): {p95:.1f} ms, median {median:.1f} ms "
                  f"(target p95 <= 20 ms); processor time p95 {cpu:.1f} ms; {collections}")
        index.close()

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        # An installed briefing has its bytecode; a checkout run with
        # PYTHONDONTWRITEBYTECODE would compile every module on every start.
        compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
        # A query the generated library does not hold (nothing printed), and one that
        # finds 20 briefings (their lines and excerpts printed).
        searched = ("middle corr", "corridor rou")
        ours: dict[str, list[tuple[float, float]]] = {query: [] for query in searched}
        theirs = []
        for query in searched:
            _run(["search", query, str(folder)], env)  # warm the caches
        for _ in range(options.rounds):
            for query in searched:
                ours[query].append(_run(["search", query, str(folder)], env))
            theirs.append(_run(["validate", str(SAMPLE)], env))
        for query in searched:
            wall = statistics.median(run[0] for run in ours[query]), statistics.median(
                run[0] for run in theirs)
            processor = statistics.median(run[1] for run in ours[query]), statistics.median(
                run[1] for run in theirs)
            print(f"5. `briefing search '{query}'` {wall[0] * 1000:.0f} ms vs `briefing "
                  f"validate` {wall[1] * 1000:.0f} ms: {wall[0] / wall[1]:.2f}x (target <= "
                  f"1.5x); processor time {processor[0] * 1000:.0f} ms vs "
                  f"{processor[1] * 1000:.0f} ms: {processor[0] / processor[1]:.2f}x")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
