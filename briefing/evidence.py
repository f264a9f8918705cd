"""Evidence: whether the source article backs each claim of a briefing.

A claim is a priority, a figure or a statement; its ``evidence`` is meant to be
a verbatim excerpt of the article (``source.text``). :func:`check_evidence`
reads an :class:`~briefing.outline.Outline` (built with its article) and gives
one :class:`Finding` per claim, keyed by the claim's section and entry index:

- **backed**: the excerpt is in the article (and a figure's value is the
  number its excerpt states);
- **not found**: the excerpt is not in the article; the closest passage of
  the article and its similarity are given;
- **mismatched**: the excerpt is found, but it states a different number (or
  unit) from the figure's;
- **no evidence**: the claim gives none.

The excerpt is looked for after both texts are normalised (:func:`normalise`):
letter case, ``ё``/``е``, every kind of quote mark, every dash (and the spaces
around it), no-break and repeated spaces and line breaks do not matter, so an
excerpt may be re-wrapped and span sentences and lines. An excerpt must start
and end at word boundaries of the article. Spans are given as offsets into the
article's text as read (:attr:`~briefing.loader.Article.text`), for a view to
highlight.

Pure functions, no Textual or Rich import; rapidfuzz is imported only when an
excerpt is not found, to say what the article says instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from enum import StrEnum
from itertools import islice

from .model import Position
from .number_phrases import (
    NumberPhrase,
    format_value,
    read_numbers,
    read_unit,
    same_value,
)
from .outline import Entry, Outline, Section

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NamedTuple

    from .model import Text
else:
    from .records import NamedTuple

CLAIM_SECTIONS = (Section.PRIORITIES, Section.FIGURES, Section.STATEMENTS)
"""The sections whose entries are claims, each with an ``evidence`` field."""

EVIDENCE = "evidence"
"""The field of a claim that holds its excerpt."""

_NUMBERS_SHOWN = 5
"""Numbers of an excerpt a message names when none is the figure's value."""

CLAIM_NAMES = {Section.PRIORITIES: "priority", Section.FIGURES: "figure",
               Section.STATEMENTS: "statement"}
"""What a claim of each section is called in messages."""


class Status(StrEnum):
    """How the article stands to a claim."""

    BACKED = "backed"
    NOT_FOUND = "not found"
    MISMATCHED = "mismatched"
    NO_EVIDENCE = "no evidence"


class ClaimKey(NamedTuple):
    """Names a claim: its section and its index there (as the outline's entries)."""

    section: Section
    entry: int


class Span(NamedTuple):
    """A stretch of the article's text: ``text[start:end]``."""

    start: int
    end: int


class Passage(NamedTuple):
    """The passage of the article closest to an excerpt that is not in it."""

    span: Span
    text: str
    """The passage as the article writes it."""
    score: float
    """How alike they are, from 0 to 100."""


class Finding(NamedTuple):
    """What the article says to one claim."""

    key: ClaimKey
    status: Status
    position: Position
    """Where the claim's evidence is written in the YAML file (the claim, without one)."""
    evidence: str | None
    """The excerpt as written; ``None`` when the claim gives none."""
    spans: tuple[Span, ...] = ()
    """Every place the excerpt is in the article (empty when it is not)."""
    closest: Passage | None = None
    """When the excerpt is not found: the closest passage, if anything is close."""
    numbers: tuple[NumberPhrase, ...] = ()
    """For a figure: the numbers its excerpt states (offsets into the excerpt)."""
    problems: tuple[str, ...] = ()
    """What is wrong, one message each, in English (``no evidence`` is a warning)."""


class EvidenceReport(NamedTuple):
    """Every claim's finding, in reading order; or why none could be checked."""

    findings: tuple[Finding, ...]
    missing: str = ""
    """Why the evidence could not be checked (no article); empty when it was."""
    note: str = ""
    """Something the reader should know about the article (it was cut short)."""

    def finding(self, key: ClaimKey) -> Finding | None:
        """The finding for claim ``key``, if it is a claim (for many, see :meth:`by_key`)."""
        for finding in self.findings:
            if finding.key == key:
                return finding
        return None

    def by_key(self) -> dict[ClaimKey, Finding]:
        """Every finding by its claim's key: for a view that shows each claim's status."""
        return {finding.key: finding for finding in self.findings}

    def backing(self, offset: int) -> tuple[ClaimKey, ...]:
        """The claims whose evidence covers ``offset`` of the article, in reading order:
        from a passage of the article back to what it backs."""
        return tuple(finding.key for finding in self.findings
                     if any(start <= offset < end for start, end in finding.spans))

    def counts(self) -> dict[Status, int]:
        """How many claims have each status (every status, zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for finding in self.findings:
            counts[finding.status] += 1
        return counts


# ---------------------------------------------------------------------------
# Normalising.

_QUOTES = "«»“”„‟\"'‘’‚‛‹›「」『』″′`"
_DASHES = "-‐‑‒–—―−﹘﹣－"
_SPACES = ("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
           + "".join(map(chr, range(0x2000, 0x200B))))
"""Every character ``str.isspace`` accepts but the space itself."""
_FOLD = {ord(quote): '"' for quote in _QUOTES}
_FOLD.update({ord(dash): "-" for dash in _DASHES})
_FOLD.update({ord(space): " " for space in _SPACES})
_FOLD.update({ord("ё"): "е", ord("Ё"): "е", ord("İ"): "i"})  # İ: its lower case is 2 letters
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"
"""Soft hyphens and zero-width characters (and NUL): left out. _FOLD makes each a NUL,
so that the expression below has no class of characters past Latin-1, which costs a
millisecond to compile."""
_FOLD.update({ord(invisible): "\x00" for invisible in _INVISIBLE})
# What is left to change once every space is " " (one for one, by _FOLD): a dash with
# spaces around it, a run of spaces, invisible characters, an ellipsis. A text with
# none of these (most of an article) is copied as it is, so the way back is short.
_CHANGES = re.compile("[ \x00]+-[ \x00]*|-[ \x00]+|[ \x00]{2,}|\x00|…")
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


def _replacement(written: str) -> str:
    if "-" in written:
        return "-"
    if written == "…":
        return "..."
    return " " if " " in written else ""


class NormalText:
    """A text normalised for matching, with the way back to the text's own offsets."""

    def __init__(self, text: str) -> None:
        self.original = text
        folded = text.translate(_FOLD).lower()
        pieces: list[str] = []
        # Runs of the normalised text: where each starts there and in the original,
        # and for a replaced run, where it ends in the original (-1 for a copied run).
        self._starts: list[int] = []
        self._original_starts: list[int] = []
        self._original_ends: list[int] = []
        length = 0
        copied_from = 0
        for match in _CHANGES.finditer(folded):
            start, end = match.span()
            if start > copied_from:
                self._run(length, copied_from, -1)
                pieces.append(folded[copied_from:start])
                length += start - copied_from
            replacement = _replacement(match.group())
            if replacement:
                self._run(length, start, end)
                pieces.append(replacement)
                length += len(replacement)
            copied_from = end
        if copied_from < len(folded):
            self._run(length, copied_from, -1)
            pieces.append(folded[copied_from:])
        self.text = "".join(pieces)

    def _run(self, start: int, original_start: int, original_end: int) -> None:
        self._starts.append(start)
        self._original_starts.append(original_start)
        self._original_ends.append(original_end)

    def original_span(self, start: int, end: int) -> Span:
        """The stretch of the original text that ``self.text[start:end]`` came from."""
        if end <= start:
            return Span(self._to_original(start), self._to_original(start))
        first = self._to_original(start)
        run = bisect_right(self._starts, end - 1) - 1
        last_end = self._original_ends[run]
        if last_end == -1:
            last_end = self._original_starts[run] + (end - self._starts[run])
        return Span(first, last_end)

    def _to_original(self, offset: int) -> int:
        if not self._starts or offset >= len(self.text):
            return len(self.original)
        run = bisect_right(self._starts, offset) - 1
        if self._original_ends[run] == -1:
            return self._original_starts[run] + (offset - self._starts[run])
        return self._original_starts[run]


def normalise(text: str) -> str:
    """``text`` as excerpts are compared: lower case, ``ё`` as ``е``, every quote mark
    as ``"``, every dash as ``-`` with no space around it, each run of spaces and
    line breaks as one space, no soft hyphens or zero-width characters, no space at
    either end."""
    return NormalText(text).text.strip(" ")


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


# ---------------------------------------------------------------------------
# Checking.


def check_evidence(outline: Outline) -> EvidenceReport:
    """Each claim of ``outline``'s briefing against its article (``outline.article``).

    When the briefing names no article, or it cannot be read, the report has no
    findings and says why in ``missing``.
    """
    briefing = outline.briefing
    article = outline.article
    if briefing.source is None or briefing.source.text is None:
        return EvidenceReport((), "the briefing names no source article (`source.text`), "
                                  "so its evidence cannot be checked")
    if article is None or (not article.text and article.note):
        reason = article.note if article is not None else "it was not read"
        return EvidenceReport((), f"the source article cannot be read: {reason}")
    index = ArticleIndex(article.text)
    findings = [_finding(entry, index) for entry in claims(outline)]
    return EvidenceReport(tuple(findings), note=article.note)


def claims(outline: Outline) -> Iterable[Entry]:
    """Every claim of ``outline``, in reading order."""
    for section in CLAIM_SECTIONS:
        yield from outline.entries(section)


def _finding(entry: Entry, index: ArticleIndex) -> Finding:
    key = ClaimKey(entry.section, entry.number)
    field = entry.field(EVIDENCE)
    name = CLAIM_NAMES[entry.section]
    if field is None:
        return Finding(key, Status.NO_EVIDENCE, entry.position, None,
                       problems=(f"no evidence for this {name}",))
    excerpt: str = field.value
    problems: list[str] = []
    spans = index.find(excerpt)
    closest = None
    if not normalise(excerpt):
        problems.append("the evidence is empty; copy the passage of the article that backs "
                        f"this {name}")
    elif not spans:
        closest = index.closest(excerpt)
        if closest is not None:
            shown = " ".join(closest.text.split())
            problems.append(f"evidence not found in the article; closest "
                            f"({closest.score:.0f}%): \"{shown}\"")
        else:
            problems.append("evidence not found in the article, nor anything close to it")
    numbers: tuple[NumberPhrase, ...] = ()
    if entry.section is Section.FIGURES:
        numbers = tuple(read_numbers(excerpt))
        mismatch = _number_problem(entry, numbers)
        if mismatch:
            problems.append(mismatch)
    if not spans:
        status = Status.NOT_FOUND
    elif problems:
        status = Status.MISMATCHED
    else:
        status = Status.BACKED
    return Finding(key, status, field.position, excerpt, spans, closest, numbers,
                   tuple(problems))


def _number_problem(entry: Entry, numbers: tuple[NumberPhrase, ...]) -> str:
    """What is wrong between a figure's value (and unit) and the numbers of its
    evidence; empty when one of them is the value."""
    value = entry.fields["value"].value
    unit_field = entry.field("unit")
    unit, multiplier = _figure_unit(unit_field.value if unit_field is not None else None)
    expected = value * multiplier
    shown = format_value(expected)
    if not numbers:
        return f"value {shown} but the evidence states no number"
    same = [number for number in numbers if same_value(number.value, expected)]
    if any(unit is None or number.unit is None or number.unit == unit for number in same):
        return ""
    if same:
        said = ", ".join(f"{number.text} ({number.unit})" for number in same)
        return f"unit {unit} but the evidence says {said}"
    said = ", ".join(f"{number.text} ({format_value(number.value)})"
                     for number in numbers[:_NUMBERS_SHOWN])
    more = len(numbers) - _NUMBERS_SHOWN
    if more > 0:
        said += f" and {more} more number{'s' if more > 1 else ''}"
    return f"value {shown} but the evidence says {said}"


def _figure_unit(unit: Text | None) -> tuple[str | None, int]:
    """The unit code and multiplier a figure's ``unit`` says, in any of its languages."""
    if unit is None:
        return None, 1
    readings = [read_unit(text) for text in unit.values.values()]
    for reading in readings:
        if reading is not None and reading.unit is not None:
            return reading.unit, reading.multiplier
    for reading in readings:
        if reading is not None:
            return None, reading.multiplier
    return None, 1
