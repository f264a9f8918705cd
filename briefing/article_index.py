"""The article indexed for finding excerpts in it, and the passage closest to one
that is not there.

:class:`ArticleIndex` normalises an article once (:mod:`briefing.normal_text`) and
answers where an excerpt is (:meth:`~ArticleIndex.find`, every place, starting and
ending at word boundaries) and, when it is nowhere, which passage of the article is
most like it (:meth:`~ArticleIndex.closest`, a :class:`Passage`). rapidfuzz is
imported only for that, when an excerpt is not found.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from .normal_text import NormalText, Span, normalise

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from .records import NamedTuple


class Passage(NamedTuple):
    """The passage of the article closest to an excerpt that is not in it."""

    span: Span
    text: str
    """The passage as the article writes it."""
    score: float
    """How alike they are, from 0 to 100."""


_WORD = re.compile(r"\w+")

CLOSE_ENOUGH = 50
"""The least similarity (0-100) of a passage said to be close to an excerpt: below
it, a passage shares a few words by chance and would mislead."""

MAX_SPANS = 100
"""Places of one excerpt in the article that are kept: enough to highlight."""
_INDEX_AFTER = 20
"""Once the article has been read through this many times to find excerpts, it gets
a word index, and excerpts are looked for where their rarest word is."""
_CANDIDATES = 2_000
"""When the rarest word of an excerpt is more frequent than this, the article is
read through for it instead."""
_SKIPS = 1_000
"""Places inside words an excerpt may be found at, one by one, before the rest of
the article is searched by a regular expression that skips them itself."""
_CLOSEST_LENGTH = 1_000
"""Characters of an excerpt compared when looking for its closest passage."""
_WHOLE_ARTICLE_WORK = 20_000_000
"""Excerpt length times article length up to which the closest passage is looked
for in the whole article (about ten milliseconds); past it, only near the place
most of the excerpt's words point to."""
_CLOSEST_WORK = 3_000_000_000
"""Excerpt length times text length compared, over all the excerpts of one article,
past which closest passages are no longer looked for (about a second): a file of
thousands of excerpts that are not in a long article is answered, not waited for."""
_VOTES = 300
"""Places of an excerpt's words counted to say where it most likely is."""


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


class ArticleIndex:
    """An article, normalised once, to look excerpts up in.

    Lookups are remembered, so the same excerpt twice costs nothing; in a long
    article an excerpt is looked for where its rarest word is (every word of a
    match is a whole word of the article, since a match starts and ends at word
    boundaries).
    """

    def __init__(self, text: str) -> None:
        self.normal = NormalText(text)
        self.text = text
        self._words: dict[str, list[int]] | None = None
        self._found: dict[str, tuple[Span, ...]] = {}
        self._closest: dict[str, Passage | None] = {}
        self._scans = 0
        """How many times the article has been read through to find an excerpt."""
        self._closest_work = 0

    def find(self, excerpt: str) -> tuple[Span, ...]:
        """Every place ``excerpt`` is in the article (at most :data:`MAX_SPANS`), as
        spans of the article's text; empty when it is not there. A match must start
        and end at word boundaries."""
        needle = normalise(excerpt)
        if not needle:
            return ()
        found = self._found.get(needle)
        if found is None:
            found = self._found[needle] = tuple(
                self.normal.original_span(start, start + len(needle))
                for start in self._starts(needle))
        return found

    def _word_index(self) -> dict[str, list[int]]:
        if self._words is None:
            words: dict[str, list[int]] = {}
            for match in _WORD.finditer(self.normal.text):
                words.setdefault(match.group(), []).append(match.start())
            self._words = words
        return self._words

    def _starts(self, needle: str) -> list[int]:
        """Where ``needle`` (normalised) starts in the normalised article."""
        haystack = self.normal.text
        if self._words is None and self._scans >= _INDEX_AFTER:
            self._word_index()
        words = [(match.group(), match.start()) for match in _WORD.finditer(needle)]
        if self._words is not None and words:
            index = self._words
            word, offset = min(words, key=lambda word: len(index.get(word[0], ())))
            positions = index.get(word, [])
            if len(positions) <= _CANDIDATES:
                starts: list[int] = []
                for position in positions:
                    start = position - offset
                    if start >= 0 and (not starts or start >= starts[-1] + len(needle)) and \
                            haystack.startswith(needle, start) and \
                            self._bounded(start, start + len(needle)):
                        starts.append(start)
                        if len(starts) == MAX_SPANS:
                            break
                return starts
        return self._scan(needle)

    def _scan(self, needle: str) -> list[int]:
        """Where ``needle`` starts, reading the whole article."""
        self._scans += 1
        haystack = self.normal.text
        starts: list[int] = []
        skipped = 0
        start = haystack.find(needle)
        while start != -1 and len(starts) < MAX_SPANS:
            end = start + len(needle)
            if self._bounded(start, end):
                starts.append(start)
                start = haystack.find(needle, end)
                continue
            skipped += 1
            if skipped > _SKIPS:  # found mostly inside words: let the engine skip those
                pattern = re.compile(
                    ("(?<!\\w)" if _is_word(needle[0]) else "") + re.escape(needle)
                    + ("(?!\\w)" if _is_word(needle[-1]) else ""))
                rest = pattern.finditer(haystack, start)
                starts += (match.start() for match in islice(rest, MAX_SPANS - len(starts)))
                break
            start = haystack.find(needle, start + 1)
        return starts

    def _bounded(self, start: int, end: int) -> bool:
        """Whether ``haystack[start:end]`` starts and ends at word boundaries where it
        starts and ends with a word's character."""
        haystack = self.normal.text
        return not (start > 0 and _is_word(haystack[start]) and _is_word(haystack[start - 1])) \
            and not (end < len(haystack) and _is_word(haystack[end - 1])
                     and _is_word(haystack[end]))

    def closest(self, excerpt: str) -> Passage | None:
        """The passage of the article most like ``excerpt``, snapped to whole words, and
        its similarity (0-100); ``None`` when nothing is :data:`CLOSE_ENOUGH`.

        A long excerpt is compared by its first :data:`_CLOSEST_LENGTH` characters.
        """
        needle = normalise(excerpt)[:_CLOSEST_LENGTH]
        if needle not in self._closest:
            self._closest[needle] = self._closest_passage(needle)
        return self._closest[needle]

    def _closest_passage(self, needle: str) -> Passage | None:
        haystack = self.normal.text
        if not needle or not haystack:
            return None
        window = 0, len(haystack)
        if len(needle) * len(haystack) > _WHOLE_ARTICLE_WORK:
            near = self._likely_place(needle)
            if near is None:
                return None
            window = max(0, near - len(needle)), min(len(haystack), near + 2 * len(needle))
        self._closest_work += len(needle) * (window[1] - window[0])
        if self._closest_work > _CLOSEST_WORK:
            return None
        # Deferred: only an excerpt that is not found needs it.
        from rapidfuzz.fuzz import partial_ratio_alignment

        alignment = partial_ratio_alignment(needle, haystack[window[0]:window[1]],
                                            score_cutoff=CLOSE_ENOUGH)
        if alignment is None or alignment.score < CLOSE_ENOUGH:
            return None
        start, end = window[0] + alignment.dest_start, window[0] + alignment.dest_end
        while start > 0 and _is_word(haystack[start - 1]) and _is_word(haystack[start]):
            start -= 1
        while end < len(haystack) and _is_word(haystack[end]) and _is_word(haystack[end - 1]):
            end += 1
        while start < end and haystack[start] == " ":
            start += 1
        while end > start and haystack[end - 1] == " ":
            end -= 1
        span = self.normal.original_span(start, end)
        return Passage(span, self.text[span.start:span.end], alignment.score)

    def _likely_place(self, needle: str) -> int | None:
        """Where in the article most of ``needle``'s words point to, as the start of
        the excerpt they would make; ``None`` when none of them is in it (words
        found everywhere do not count)."""
        index = self._word_index()
        size = max(64, len(needle) // 2)
        votes: Counter[int] = Counter()
        words = [(index.get(match.group(), ()), match.start())
                 for match in _WORD.finditer(needle)]
        counted = 0
        # The rarest words first: they say the most, and cost the least to count.
        for positions, offset in sorted(words, key=lambda word: len(word[0])):
            if not positions or len(positions) > _CANDIDATES:  # nowhere, or everywhere
                continue
            counted += len(positions)
            if counted > _VOTES and votes:
                break
            votes.update((position - offset) // size for position in positions)
        if not votes:
            return None
        ((best, _),) = votes.most_common(1)
        return max(0, best * size)

