"""The search index of a briefing: :class:`SearchIndex`, which analyses every text once
and then answers each keystroke's query with look-ups over the distinct words.  What a
query finds, :class:`Found` and :class:`Match`, lives in :mod:`briefing.search_found`
and is importable from here too.  The matching rules are those of
:mod:`briefing.search`, applied through :mod:`briefing.search_words`.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from heapq import merge
from itertools import accumulate, compress, count, islice
from typing import cast

from .search_found import Found, Match, _not_overlapping
from .search_languages import _algorithm_for_language
from .search_words import _analyse, _parse_query, _Term, _token_pattern, _Word, plain_patterns

__all__ = ["MATCH_LIMIT", "Found", "Match", "SearchIndex"]

# --------------------------------------------------------------------------- index

_AFTER_EVERYTHING = "\U0010ffff"  # not a word character: no word contains it

MATCH_LIMIT = 100_000
"""The most matches a search keeps. A one-letter word in a 15 MB briefing of short
words occurs millions of times; more than this many are shown as ``100,000+``, and
finding them stops there, so that a keystroke takes well under a second and memory
stays bounded."""


_SPLITS: list[tuple[Callable[[str], object], Callable[[str], list[str]],
                    Callable[[str], list[str]]]] = []


def _split(text: str) -> list[str]:
    """``text`` split on its words, kept: separators and words alternate (``parts[1::2]``
    are the words), so where each word starts and ends are sums of lengths, made in C
    rather than a match object at a time."""
    if not _SPLITS:
        # The same words in text without marks, invisible characters or ideographs
        # (see search_words.find_words), and in ASCII text, found several times faster
        # than by the pattern that knows every script, which is made only when needed.
        special, plain = plain_patterns()
        _SPLITS.append((special.search, re.compile(f"({plain.pattern})").split,
                        re.compile("([A-Za-z0-9]+(?:'[A-Za-z0-9]+)*)").split))
    special_in, plain_split, ascii_split = _SPLITS[0]
    if text.isascii():
        return ascii_split(text)
    if special_in(text) is None:
        return plain_split(text)
    return _full_split()(text)


@lru_cache(maxsize=1)
def _full_split() -> Callable[[str], list[str]]:
    return re.compile(f"({_token_pattern().pattern})").split


class SearchIndex:
    """Analysed texts of a briefing, answering :meth:`search` per keystroke.

    ``texts`` are ``(key, text)`` pairs; the key is returned in each :class:`Match`.
    ``language_of(key)`` may return a language hint for a text (see
    :func:`find_matches`).  The index is immutable: rebuild it when texts change.
    """

    def __init__(
        self,
        texts: Iterable[tuple[Hashable, str]],
        *,
        language_of: Callable[[Hashable], str | None] | None = None,
    ) -> None:
        """Tokenise and analyse every text once."""
        self._keys: list[Hashable] = []
        # Global token arrays: every word of every text, in order.  A text's words are
        # the tokens from self._text_starts[text] up to the next text's first one.
        # Arrays of machine integers, not lists: a 15 MB briefing of short words has
        # millions of tokens, and a list holds an 8-byte pointer to a 28-byte int each.
        # Only the word of each token is kept: where a token is in its text is found
        # again, one text at a time, when a match there is shown (see _spans_of).
        self._text_starts: list[int] = []
        self._tok_word = array("i")
        self._texts: list[str] = []
        self._hints: list[str | None] = []
        self._spans: dict[int, tuple[array[int], array[int]]] = {}
        """The word spans of the texts shown lately (see :meth:`_spans_of`)."""
        self._spans_kept = 0
        self._spans_lock = threading.Lock()
        words: list[_Word] = []
        postings: list[array[int]] = []
        appends = []  # postings[wid].append, looked up once
        word_id: dict[tuple[str, str | None], int] = {}
        by_raw: dict[str | None, dict[str, int]] = {}
        # Split on the words, kept: separators and words alternate, so a word's start
        # and end are sums of lengths, made in C rather than one match object at a time.
        for key, text in texts:
            self._keys.append(key)
            first = len(self._tok_word)
            self._text_starts.append(first)
            hint = _algorithm_for_language(language_of(key)) if language_of else None
            self._texts.append(text)
            self._hints.append(hint)
            if not text:
                continue
            raw_ids = by_raw.setdefault(hint, {})
            parts = _split(text)
            raws = parts[1::2]
            if not raws:
                continue
            known: list[int | None] = list(map(raw_ids.get, raws))
            if None in known:
                for number, wid in enumerate(known):
                    if wid is not None:
                        continue
                    raw = raws[number]
                    wid = raw_ids.get(raw)
                    if wid is None:
                        word = _analyse(raw, hint)
                        if not word.norm:
                            wid = -1
                        else:
                            wid = word_id.get((word.base, word.algorithm))
                            if wid is None:
                                wid = word_id[(word.base, word.algorithm)] = len(words)
                                words.append(word)
                                postings.append(array("i"))
                                appends.append(postings[-1].append)
                        raw_ids[raw] = wid
                    known[number] = wid
            ids = cast("list[int]", known)  # every one is known now
            if len(text) >= self.LONG_TEXT:
                # Its words' spans, which a keystroke would wait for (see _spans_of).
                self._keep_spans(len(self._keys) - 1, parts, [wid >= 0 for wid in ids])
            if -1 in ids:  # words with nothing to match (only marks): no token
                ids = [wid for wid in ids if wid >= 0]
            for wid, position in zip(ids, count(first)):
                appends[wid](position)
            self._tok_word.extend(ids)
        self._text_starts.append(len(self._tok_word))
        self._postings = postings
        self._by_raw = by_raw
        # Which text has which key; a key given for several texts names them all.
        self._text_of: dict[Hashable, int] = {}
        self._more_texts_of: dict[Hashable, list[int]] = {}
        for text_no, key in enumerate(self._keys):
            first = self._text_of.setdefault(key, text_no)
            if first != text_no:
                self._more_texts_of.setdefault(key, [first]).append(text_no)
        # Look-up tables over the distinct words.
        self._by_norm: dict[str, list[int]] = {}
        self._by_stem: dict[str, dict[str, list[int]]] = {}
        self._by_ascii: dict[str, list[int]] = {}
        self._by_ascii_stem: dict[str, list[int]] = {}
        for wid, word in enumerate(words):
            self._by_norm.setdefault(word.norm, []).append(wid)
            if word.algorithm is not None:
                table = self._by_stem.setdefault(word.algorithm, {})
                table.setdefault(word.stem, []).append(wid)
            if word.ascii:
                self._by_ascii.setdefault(word.ascii, []).append(wid)
            if word.ascii_stem:
                self._by_ascii_stem.setdefault(word.ascii_stem, []).append(wid)
        by_norm = sorted((word.norm, wid) for wid, word in enumerate(words))
        self._sorted_norms = [norm for norm, _ in by_norm]
        self._sorted_norm_ids = [wid for _, wid in by_norm]
        by_ascii = sorted((word.ascii, wid) for wid, word in enumerate(words) if word.ascii)
        self._sorted_ascii = [form for form, _ in by_ascii]
        self._sorted_ascii_ids = [wid for _, wid in by_ascii]

    def __len__(self) -> int:
        """Return the number of texts in the index."""
        return len(self._keys)

    KEEP_SPANS = 1_000_000
    """How many words' spans are kept, in the texts shown last (8 MB at most)."""

    LONG_TEXT = 100_000
    """Texts of at least this many characters (an article in one line of megabytes) have
    their words' spans worked out as the index is built, in its worker: working them
    out at the first keystroke that shows a match in one took a quarter of a second."""

    def _spans_of(self, text: int) -> tuple[Sequence[int], Sequence[int]]:
        """Where each word (token) of text number ``text`` starts, and where it ends."""
        spans = self._spans.get(text)
        if spans is None:
            parts = _split(self._texts[text])
            raw_ids = self._by_raw.get(self._hints[text], {})
            spans = self._keep_spans(
                text, parts, [raw_ids.get(raw, -1) >= 0 for raw in parts[1::2]])
        return spans

    def _keep_spans(self, text: int, parts: list[str], kept: list[bool]
                    ) -> tuple[array[int], array[int]]:
        """Keep the spans of the words of text ``text`` (split into ``parts``) that are
        ``kept`` (those with something to match), forgetting the oldest kept beyond
        :attr:`KEEP_SPANS`; return them."""
        ends = list(accumulate(map(len, parts)))
        starts, ends = ends[0:-1:2], ends[1::2]
        if not all(kept):
            starts, ends = list(compress(starts, kept)), list(compress(ends, kept))
        with self._spans_lock:
            while self._spans and self._spans_kept + len(starts) > self.KEEP_SPANS:
                oldest = next(iter(self._spans))
                self._spans_kept -= len(self._spans.pop(oldest)[0])
            spans = self._spans[text] = (array("i", starts), array("i", ends))
            self._spans_kept += len(starts)
        return spans

    def text_at(self, position: int) -> int:
        """The number of the text that holds the word at ``position``."""
        return bisect_right(self._text_starts, position) - 1

    def span(self, position: int, words: int) -> tuple[Hashable, int, int]:
        """The key of the text holding the ``words`` words from ``position`` on, and
        where they start and end in it."""
        text = self.text_at(position)
        starts, ends = self._spans_of(text)
        first = self._text_starts[text]
        return self._keys[text], starts[position - first], ends[position - first + words - 1]

    def _word_ids(self, term: _Term) -> set[int]:
        """Return the ids of the distinct words that ``term`` matches (cf. ``_Term.matches``)."""
        ids: set[int] = set(self._by_norm.get(term.norm, ()))
        if term.prefix:
            ids.update(_prefix_range(self._sorted_norms, self._sorted_norm_ids, term.norm))
        for algorithm, stems in self._by_stem.items():
            ids.update(stems.get(term.stem(algorithm), ()))
        if term.is_ascii:
            ids.update(self._by_ascii.get(term.norm, ()))
            if term.prefix:
                ids.update(_prefix_range(self._sorted_ascii, self._sorted_ascii_ids, term.norm))
            if term.translit_stem:
                ids.update(self._by_ascii_stem.get(term.translit_stem, ()))
        return ids

    @property
    def keys(self) -> Sequence[Hashable]:
        """The key of every text, in the order the texts were given."""
        return self._keys

    def token_range(self, text: int) -> tuple[int, int]:
        """The positions of the words of text number ``text``: ``range(*token_range)``.

        Positions number every word of every text in the order the texts were given,
        so the words of consecutive texts are consecutive positions; a :class:`Found`
        counts the matches between two positions with a binary search.
        """
        return self._text_starts[text], self._text_starts[text + 1]

    def texts_of(self, key: Hashable) -> list[int]:
        """The numbers of the texts given under ``key`` (none for an unknown key)."""
        more = self._more_texts_of.get(key)
        if more is not None:
            return more
        text = self._text_of.get(key)
        return [] if text is None else [text]

    def search(self, query: str) -> list[Match]:
        """Return every match of ``query``: in the order texts were given, then by start."""
        return self.find(query).matches()

    def find(self, query: str, previous: Found | None = None, limit: int | None = None) -> Found:
        """Find every match of ``query``, as a :class:`Found` (no :class:`Match` is made),
        or, when there are more than ``limit`` (:data:`MATCH_LIMIT`), the first ``limit``
        (``Found.capped``).

        ``previous`` is the result of the query before this one (typed one key ago).
        When every one of its words matches a superset of the words that the same
        word of ``query`` matches -- checked, not assumed: a longer last word usually
        narrows, but stems and transliteration need not -- the phrases of ``query``
        can only start where those of ``previous`` did, and those are checked instead
        of the postings of the rarest word, if there are fewer of them.
        """
        if limit is None:
            limit = MATCH_LIMIT
        terms = _parse_query(query)
        if not terms:
            return Found(self, (), [], [])
        id_sets = tuple(self._word_ids(term) for term in terms)
        postings = self._postings
        sizes = [sum(len(postings[wid]) for wid in ids) for ids in id_sets]
        anchor = min(range(len(terms)), key=sizes.__getitem__)
        if sizes[anchor] == 0:
            return Found(self, id_sets, [], [])
        if len(terms) == 1:
            # Every occurrence is a match: the postings of its words, merged. That walks
            # no more than what it finds, which narrowing the last result cannot beat.
            if sizes[0] <= limit:
                return Found(self, id_sets, self._positions(id_sets[0]), None)
            starts = list(islice(self._in_order(id_sets[0], sizes[0]), limit))
            return Found(self, id_sets, starts, None, capped=True)
        if (previous is not None and not previous.capped
                and len(previous.occurrences) < sizes[anchor]
                and self._narrows(previous, id_sets)):
            # Each of them checked against every word (the first one narrowed too).
            occurrences = self._occurrences(previous.occurrences, 0, id_sets,
                                            range(len(terms)), limit)
        else:
            others = [j for j in range(len(terms)) if j != anchor]
            occurrences = self._occurrences(self._in_order(id_sets[anchor], sizes[anchor]),
                                            anchor, id_sets, others, limit)
        capped = len(occurrences) > limit
        if capped:
            del occurrences[limit:]
        return Found(self, id_sets, _not_overlapping(occurrences, len(terms)), occurrences,
                     capped=capped)

    def _positions(self, ids: set[int]) -> list[int]:
        """The sorted positions of every occurrence of the words ``ids``."""
        postings = self._postings
        positions: list[int] = []
        for wid in ids:
            positions.extend(postings[wid])
        positions.sort()  # sorted runs, merged: about linear
        return positions

    def _in_order(self, ids: set[int], total: int) -> Iterable[int]:
        """The ``total`` positions of every occurrence of the words ``ids``, ascending;
        many of them made as they are asked for (a search that stops early reads no
        more of them), a few sorted at once (merging a thousand short postings one
        position at a time costs more than sorting them)."""
        postings = self._postings
        if len(ids) == 1:
            return postings[next(iter(ids))]
        if total <= 4 * MATCH_LIMIT:
            return self._positions(ids)
        return merge(*(postings[wid] for wid in ids))

    def _narrows(self, previous: Found, id_sets: tuple[set[int], ...]) -> bool:
        """Whether every phrase of ``id_sets`` starts where one of ``previous`` occurs."""
        if previous.index is not self or not previous.word_ids:
            return False
        if len(previous.word_ids) > len(id_sets):
            return False
        return all(new <= old for new, old in zip(id_sets, previous.word_ids, strict=False))

    def _occurrences(
        self, positions: Iterable[int], anchor: int, id_sets: tuple[set[int], ...],
        check: Iterable[int], limit: int,
    ) -> list[int]:
        """The starts ``g`` of every occurrence of the phrase ``id_sets`` within one text,
        given ascending ``positions`` of its word number ``anchor`` (``g`` + ``anchor``),
        checking its words number ``check`` (the others are known to match); it stops
        after ``limit`` + 1 of them."""
        tok_word, text_starts = self._tok_word, self._text_starts
        last = len(id_sets) - 1
        total = len(tok_word)
        checks = [(j - anchor, id_sets[j]) for j in check]  # offsets from the anchor
        found: list[int] = []
        # The loop runs once per occurrence of the anchor (millions, in a big briefing
        # of short words), so it does as little as it can: the words first, then
        # whether they are in one text.
        low, high = anchor, total - last + anchor
        if len(checks) == 1:
            (offset, ids), = checks
            candidates: Iterable[int] = (position for position in positions
                                         if low <= position < high
                                         and tok_word[position + offset] in ids)
        else:
            candidates = (position for position in positions if low <= position < high
                          and all(tok_word[position + offset] in ids
                                  for offset, ids in checks))
        for position in candidates:
            g = position - anchor
            # Within one text: the next text starts after its last word.
            if text_starts[bisect_right(text_starts, g)] <= g + last:
                continue
            found.append(g)
            if len(found) > limit:
                break
        return found


def _prefix_range(sorted_forms: list[str], ids: list[int], prefix: str) -> list[int]:
    """Return the ids of the forms in ``sorted_forms`` that start with ``prefix``."""
    lo = bisect_left(sorted_forms, prefix)
    hi = bisect_left(sorted_forms, prefix + _AFTER_EVERYTHING, lo)
    return ids[lo:hi]
