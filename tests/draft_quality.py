"""How close a draft (``briefing draft``) comes to the briefing an analyst wrote:
recall and precision of its figures (by value) and named people (by surname),
and which of the analyst's sectors it found. Used by tests/test_draft.py and
benchmarks/bench_draft.py."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import NamedTuple

from briefing.draft import draft
from briefing.draft.extract import terms_regex
from briefing.draft.lexicon import SECTORS
from briefing.loader import load, loads
from briefing.model import Briefing, ParticipantKind

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "draft"
SEED = ROOT / "data" / "kazinform-eurasian-connectivity.ru.txt"
SEED_BRIEFING = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
CASES = {
    "seed": (SEED, SEED_BRIEFING),
    "ru": (FIXTURES / "intergovernmental-council.ru.txt",
           FIXTURES / "intergovernmental-council.ru.yaml"),
    "en": (FIXTURES / "investors-forum.en.txt", FIXTURES / "investors-forum.en.yaml"),
}
"""Each case: an article and the briefing an analyst wrote from it."""


class Score(NamedTuple):
    """Recall and precision of one kind of entry."""

    found: int
    expected: int
    drafted: int

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else 1.0

    def __str__(self) -> str:
        return (f"recall {self.found}/{self.expected} ({self.recall:.0%}), "
                f"precision {self.found}/{self.drafted} ({self.precision:.0%})")


class Quality(NamedTuple):
    figures: Score
    people: Score
    sectors: Score
    missing_sectors: tuple[str, ...]


def drafted(article: Path, *, use_natasha: bool | None) -> Briefing:
    """The draft of ``article``, loaded as if written beside it."""
    text = article.read_text(encoding="utf-8")
    yaml_text = draft(text, source_text=article.name, use_natasha=use_natasha)
    return loads(yaml_text, "draft.yaml", article.parent)


def _surname(name: str) -> str:
    from briefing.draft.extract import _stem

    return _stem(name.split()[-1])


def _sector_tags(briefing: Briefing) -> dict[str, str]:
    tags: dict[str, str] = {}
    for priority in briefing.priorities:
        for text in priority.sector.values.values():
            for sector in SECTORS:
                if terms_regex(sector.terms).search(text):
                    tags.setdefault(sector.tag, text)
                    break
    return tags


def _score(expected: Sequence[Hashable], got: Sequence[Hashable]) -> Score:
    wanted = set(expected)
    return Score(len(wanted & set(got)), len(wanted), len(set(got)))


def quality(case: str, *, use_natasha: bool | None = False) -> Quality:
    """The draft of a case's article against its analyst's briefing."""
    article, reference = CASES[case]
    ours, theirs = drafted(article, use_natasha=use_natasha), load(reference)
    people = [_surname(p.name.get()) for p in theirs.participants
              if p.kind is ParticipantKind.PERSON]
    our_people = [_surname(p.name.get()) for p in ours.participants
                  if p.kind is ParticipantKind.PERSON]
    sectors, our_sectors = _sector_tags(theirs), _sector_tags(ours)
    return Quality(
        _score([f.value for f in theirs.figures], [f.value for f in ours.figures]),
        _score(people, our_people),
        _score(list(sectors), list(our_sectors)),
        tuple(text for tag, text in sectors.items() if tag not in our_sectors),
    )
