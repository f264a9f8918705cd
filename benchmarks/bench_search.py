"""Keystroke latency of ``briefing.search`` on a small and a huge synthetic briefing.

Run from the project root::

    .venv/bin/python benchmarks/bench_search.py

The huge briefing has 5,000 participants x 4 fields, 2,000 figures x 4 fields and
1,000 statements x 2 fields = 30,000 text fields, half Russian and half English,
generated deterministically from the vocabulary of the sample article.  Each query
is typed letter by letter; every prefix is one keystroke.  The baseline is a plain
``str.find`` scan for the casefolded prefix over the same (pre-casefolded) texts.
Budgets: small briefing <= 16 ms per keystroke, huge briefing <= 50 ms p95.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anyascii import anyascii  # noqa: E402

from briefing.search import SearchIndex  # noqa: E402
from tests.search_reference import tokenize  # noqa: E402

ARTICLE = ROOT / "data" / "kazinform-eurasian-connectivity.ru.txt"

ENGLISH_TEXT = """
Deputy foreign minister of the Republic of Kazakhstan Arman Issetov took part in a
ministerial meeting on the connectivity agenda between Central Asia, the Eastern
Partnership, Turkey and the European Union. The participants discussed practical
steps towards transregional connectivity in transport, digital transformation, energy
and trade. Special attention was paid to the Trans-Caspian International Transport
Route, the Middle Corridor, a key link between Asia and Europe through Turkic states.
Kazakhstan invested 35 billion dollars in transport and logistics infrastructure over
the last decade and plays a leading role as a transit hub of the region. Astana
confirmed its readiness to take part in regional cooperation and interregional links.
"""
ENGLISH = ENGLISH_TEXT.split()

# Names are built from syllables, so the huge briefing has ~10,000 distinct names.
SYLLABLE_TEXT = "ар ман ай ге рим ер лан ди на сер гей оль му рат али пёт нат тим жан ис ет сул ей"
SYLLABLES_RU = SYLLABLE_TEXT.split()
SURNAME_ENDINGS_RU = ["ов", "ова", "ев", "ева", "ин", "ина", "бек", "баев", "енко", "ский"]

QUERIES = ["транспортн", "koridor", "Средний коридор", "kazakhstan", "министр"]


def russian_words() -> list[str]:
    """Return the words of the sample article (original spelling)."""
    text = ARTICLE.read_text(encoding="utf-8")
    return [text[t.start : t.end] for t in tokenize(text)]


def huge_briefing() -> list[tuple[tuple[str, int, str, str], str]]:
    """Return the 30,000 ``(key, text)`` fields of the synthetic huge briefing."""
    rnd = random.Random(20240605)
    ru = russian_words()

    def syllables(count: int) -> str:
        return "".join(rnd.choice(SYLLABLES_RU) for _ in range(rnd.randint(1, count)))

    def phrase(words: list[str], low: int, high: int) -> str:
        return " ".join(rnd.choice(words) for _ in range(rnd.randint(low, high)))

    fields: list[tuple[tuple[str, int, str, str], str]] = []
    for i in range(5_000):
        name = f"{syllables(2)} {syllables(3)}{rnd.choice(SURNAME_ENDINGS_RU)}".title()
        fields.append((("participants", i, "name", "ru"), name))
        fields.append((("participants", i, "name", "en"), anyascii(name)))
        fields.append((("participants", i, "role", "ru"), phrase(ru, 3, 8).capitalize()))
        fields.append((("participants", i, "role", "en"), phrase(ENGLISH, 3, 8).capitalize()))
    for i in range(2_000):
        amount = f"{rnd.randint(1, 999)},{rnd.randint(0, 9)}"
        fields.append((("figures", i, "label", "ru"), phrase(ru, 2, 6)))
        fields.append((("figures", i, "label", "en"), phrase(ENGLISH, 2, 6)))
        fields.append((("figures", i, "value", "ru"), f"{amount} млрд долларов"))
        fields.append((("figures", i, "value", "en"), f"{amount} billion dollars"))
    for i in range(1_000):
        fields.append((("statements", i, "text", "ru"), f"«{phrase(ru, 30, 90)}»."))
        fields.append((("statements", i, "text", "en"), f'"{phrase(ENGLISH, 30, 90)}".'))
    return fields


def small_briefing() -> list[tuple[tuple[str, int, str, str], str]]:
    """Return about 100 fields: the head of the huge briefing plus the article."""
    fields = huge_briefing()[:96]
    text = ARTICLE.read_text(encoding="utf-8")
    for n, paragraph in enumerate(text.split("\n")):
        fields.append((("article", n, "text", "ru"), paragraph))
    return fields


def keystrokes(query: str) -> list[str]:
    """Return the prefixes of ``query``, one per typed character (spaces included)."""
    return [query[:n] for n in range(1, len(query) + 1)]


def timed(function: Callable[[], object], repeat: int = 3) -> float:
    """Return the best of ``repeat`` wall-clock timings of ``function()`` in ms."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def baseline(texts: list[str], needle: str) -> int:
    """Count occurrences of ``needle`` in ``texts`` with ``str.find`` (the baseline)."""
    count = 0
    for text in texts:
        at = text.find(needle)
        while at >= 0:
            count += 1
            at = text.find(needle, at + 1)
    return count


def p95(values: list[float]) -> float:
    """Return the 95th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def run(name: str, fields: list[tuple[tuple[str, int, str, str], str]], budget: float) -> None:
    """Build an index over ``fields``, type every query and print the timings."""
    start = time.perf_counter()
    index = SearchIndex(fields, language_of=lambda key: key[-1] if isinstance(key, tuple) else None)
    build = (time.perf_counter() - start) * 1000
    folded = [text.casefold() for _, text in fields]

    def find_in_folded(prefix: str) -> int:
        return baseline(folded, prefix.casefold())

    print(f"\n{name}: {len(fields):,} fields, index built in {build:.0f} ms")
    print(
        f"{'query':<18}{'keys':>5}{'median':>9}{'p95':>9}{'max':>9}{'find med':>10}"
        f"{'find p95':>10}{'ratio':>7}{'matches':>9}"
    )
    all_times: list[float] = []
    all_base: list[float] = []
    for query in QUERIES:
        times = [timed(partial(index.search, q)) for q in keystrokes(query)]
        base = [timed(partial(find_in_folded, q)) for q in keystrokes(query)]
        all_times += times
        all_base += base
        print(
            f"{query:<18}{len(times):>5}{statistics.median(times):>9.2f}{p95(times):>9.2f}"
            f"{max(times):>9.2f}{statistics.median(base):>10.2f}{p95(base):>10.2f}"
            f"{p95(times) / p95(base):>7.2f}"
            f"{len(index.search(query)):>9}"
        )
    verdict = "OK" if p95(all_times) <= budget else "OVER BUDGET"
    print(
        f"{'all keystrokes':<18}{len(all_times):>5}{statistics.median(all_times):>9.2f}"
        f"{p95(all_times):>9.2f}{max(all_times):>9.2f}{statistics.median(all_base):>10.2f}"
        f"{p95(all_base):>10.2f}"
        f"{p95(all_times) / p95(all_base):>7.2f}   budget {budget:.0f} ms p95: {verdict}"
    )


def main() -> None:
    """Run the small and the huge benchmark."""
    print("times in ms per keystroke (best of 3 runs each); ratio = search p95 / str.find p95")
    run("small briefing", small_briefing(), budget=16)
    run("huge briefing", huge_briefing(), budget=50)


if __name__ == "__main__":
    main()
