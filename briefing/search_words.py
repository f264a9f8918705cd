"""The words of briefing search: the tokeniser's pattern, normalisation, stemming,
the analysis of one distinct word (:class:`_Word`, cached) and the query words that
are compared with it (:class:`_Term`).  :mod:`briefing.search` (one text at a time)
and :mod:`briefing.search_index` (many texts, per keystroke) both match with these,
which is why the two always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

import Stemmer

from .search_languages import (
    _ALGORITHM_SCRIPTS,
    _DEFAULT_ALGORITHM,
    _algorithm_for_language,
    _latin_to_cyrillic,
    _script,
    _to_ascii,
)

# --------------------------------------------------------------------------- tokenisation

# Ideographs and kana: one word per character (these scripts do not separate words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Invisible characters that may sit inside a word: soft hyphen, ZWNJ, ZWJ, word joiner.
_INVISIBLE = "\u00ad\u200c\u200d\u2060"
# Apostrophes that join two word characters (O'Brien, ob'ekt, Türkiye’nin).
_APOSTROPHES = "'\u2019"


def _mark_class() -> str:
    """Return a regex class body with every combining mark (category M*) that matters
    (see :func:`_mark_runs`)."""
    return "".join(_class_range(first, last) for first, last in _marks())


@lru_cache(maxsize=1)
def _marks() -> tuple[tuple[int, int], ...]:
    """The runs of :func:`_mark_runs`: those kept for this Unicode version, if they are."""
    from . import search_marks

    if unicodedata.unidata_version == search_marks.UNICODE_VERSION:
        return search_marks.RUNS
    return tuple(_mark_runs())


def _mark_runs() -> list[tuple[int, int]]:
    """Every run of combining marks (category M*), first and last code point.

    The Basic and Supplementary Multilingual Planes and the variation selectors of
    plane 14 are scanned; that covers every script in use. (``search_marks`` keeps
    what this finds, for the Unicode version it was read from: scanning takes tens of
    milliseconds.)
    """
    runs: list[tuple[int, int]] = []
    run_start = -1
    previous = -2
    candidates = [*range(0x20000), *range(0xE0100, 0xE01F0)]
    for cp in candidates:
        if unicodedata.category(chr(cp))[0] != "M":
            continue
        if cp != previous + 1:
            if run_start >= 0:
                runs.append((run_start, previous))
            run_start = cp
        previous = cp
    if run_start >= 0:
        runs.append((run_start, previous))
    return runs


def _class_range(first: int, last: int) -> str:
    """Return a regex class fragment for the code points ``first..last`` (written as
    themselves: the marks are none of a class's special characters, and a long class
    is parsed several times faster so than as escapes)."""
    if first == last:
        return chr(first)
    return f"{chr(first)}-{chr(last)}"


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern[str]:
    """Compile the word pattern (lazily: scanning the mark categories takes ~10 ms)."""
    letter = rf"[^\W_{_CJK}]"
    glue = f"[{_mark_class()}{_INVISIBLE}]"
    apostrophe = f"[{_APOSTROPHES}](?={letter})"
    return re.compile(rf"[{_CJK}]{glue}*|{letter}(?:{letter}|{glue}|{apostrophe})*")


# --------------------------------------------------------------------------- normalisation

_TEXT_TABLE: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
_WORD_TABLE = {**_TEXT_TABLE, **{ord(c): None for c in _APOSTROPHES + "\u02bc"}}


# ё is е + diaeresis and Turkish İ casefolds to i + dot above: drop those marks.
_FOLDED_MARKS = re.compile("(?<=е)\u0308+|(?<=i)\u0307+")


def _compose(text: str) -> str:
    """NFKC-normalise ``text`` after removing the marks of ``ё`` and of ``İ``."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFKC", _FOLDED_MARKS.sub("", decomposed))


def _fold(text: str, table: dict[int, str | None]) -> str:
    """Casefold, NFKC, ``ё`` -> ``е``, ``İ`` -> ``i``, apply ``table``; keep Turkish ``ı``."""
    if text.isascii():
        return text.lower().translate(table)
    return _compose(unicodedata.normalize("NFKC", text).casefold().translate(table))


def _dotless(text: str) -> str:
    """Fold Turkish dotless ``ı`` to ``i`` (recomposing any marks that follow it)."""
    if "ı" not in text:
        return text
    return _compose(text.replace("ı", "i"))


# --------------------------------------------------------------------------- stemming


@cache
def _stemmer(algorithm: str) -> Callable[[str], str]:
    """Return the ``stemWord`` function of a (cached) PyStemmer stemmer."""
    stem: Callable[[str], str] = Stemmer.Stemmer(algorithm).stemWord
    return stem


def _stem(algorithm: str | None, base: str) -> str:
    """Stem a folded word (before the ``ı`` -> ``i`` fold, which Turkish needs)."""
    stem = base
    if algorithm is not None:
        try:
            stem = _stemmer(algorithm)(base) or base
        except Exception:  # a stemmer must never break a search
            stem = base
    return _dotless(stem)


# --------------------------------------------------------------------------- word analysis


class _Word(NamedTuple):
    """Everything matching needs to know about one distinct word."""

    base: str  # folded, Turkish ı kept (the stemmer's input)
    norm: str  # normal form: base with ı -> i
    algorithm: str | None  # Snowball algorithm used for ``stem`` (None: not stemmed)
    stem: str
    ascii: str  # anyascii form if ``norm`` is not ASCII, else ""
    ascii_stem: str  # ASCII form of the russian stem of a Cyrillic word, else ""


@lru_cache(maxsize=1 << 16)
def _analyse(raw: str, hint: str | None) -> _Word:
    """Analyse one original word; ``hint`` is the Snowball algorithm of its text, if known."""
    base = _fold(raw, _WORD_TABLE)
    norm = _dotless(base)
    script = _script(base)
    if hint is not None and script in _ALGORITHM_SCRIPTS.get(hint, ()):
        algorithm: str | None = hint
    else:
        algorithm = _DEFAULT_ALGORITHM.get(script or "")
    stem = _stem(algorithm, base)
    ascii_form = "" if norm.isascii() else _to_ascii(norm)
    ascii_stem = ""
    if ascii_form and script == "CYRILLIC" and algorithm == "russian":
        ascii_stem = _to_ascii(stem)
    return _Word(base, norm, algorithm, stem, ascii_form, ascii_stem)


def _spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the words of ``text``."""
    special, plain = _plain_patterns()
    pattern = plain if special.search(text) is None else _token_pattern()
    return [m.span() for m in pattern.finditer(text)]


# --------------------------------------------------------------------------- queries


class _Term:
    """One query word, with the forms it is compared by."""

    __slots__ = ("_stems", "base", "is_ascii", "norm", "prefix", "translit_stem")

    def __init__(self, word: _Word, prefix: bool) -> None:
        self.base = word.base
        self.norm = word.norm
        self.prefix = prefix
        self.is_ascii = word.norm.isascii()
        self.translit_stem = ""
        if self.is_ascii and not self.norm.isdigit():
            self.translit_stem = _to_ascii(_stem("russian", _latin_to_cyrillic(self.norm)))
        self._stems: dict[str | None, str] = {}

    def stem(self, algorithm: str | None) -> str:
        """Return this word's stem by ``algorithm`` (cached)."""
        stem = self._stems.get(algorithm)
        if stem is None:
            stem = self._stems[algorithm] = _stem(algorithm, self.base)
        return stem

    def matches(self, word: _Word) -> bool:
        """Return whether this query word matches the text word ``word``."""
        if word.norm == self.norm or (self.prefix and word.norm.startswith(self.norm)):
            return True
        if word.algorithm is not None and self.stem(word.algorithm) == word.stem:
            return True
        if self.is_ascii and word.ascii:
            if word.ascii == self.norm or (self.prefix and word.ascii.startswith(self.norm)):
                return True
            if word.ascii_stem and word.ascii_stem == self.translit_stem:
                return True
        return False


def _parse_query(query: str) -> list[_Term]:
    """Split a query into terms; the last is a prefix unless the query ends after it."""
    spans = [(s, e) for s, e in _spans(query) if _analyse(query[s:e], None).norm]
    terms = []
    for i, (start, end) in enumerate(spans):
        prefix = i == len(spans) - 1 and end == len(query)
        terms.append(_Term(_analyse(query[start:end], None), prefix))
    return terms


# --------------------------------------------------------------------------- for other indexes
# The library's full-text index (briefing.library) stores and queries the same forms,
# so that it finds what this search finds; these name what it reads.

Word = _Word
"""The forms of one analysed word: ``norm``, ``stem`` (by ``algorithm``), ``ascii``
and ``ascii_stem`` (see :mod:`briefing.search` for what each is compared with)."""

Term = _Term
"""One query word: its ``norm``, whether it is a ``prefix``, ``stem(algorithm)``,
and ``translit_stem`` when it is ASCII."""


def word_pattern() -> re.Pattern[str]:
    """The pattern of one word, as search tokenises text."""
    return _token_pattern()


@lru_cache(maxsize=1)
def _plain_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A search for what only the full pattern handles (combining marks, invisible
    characters, ideographs), and the pattern that finds the same words in text
    without them, several times faster."""
    # Marks of the Basic Multilingual Plane, and every character beyond it: a class
    # of one plane is a bitmap, where one with the other planes' ranges is slow.
    basic = []
    for low, high in _marks():
        if low <= 0xFFFF:
            basic.append(_class_range(low, min(high, 0xFFFF)))
    special = re.compile(f"[{''.join(basic)}{_INVISIBLE}{_CJK.split(chr(0x20000))[0]}"
                         "\U00010000-\U0010ffff]")
    letter = r"[^\W_]"
    return special, re.compile(f"{letter}+(?:[{_APOSTROPHES}]{letter}+)*")


def plain_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A search for what only :func:`word_pattern` handles (combining marks, invisible
    characters, ideographs), and the pattern that finds the same words in text without
    them, several times faster (and made in a fraction of the time)."""
    return _plain_patterns()


def find_words(text: str) -> list[str]:
    """Every word of ``text``, as :func:`word_pattern` finds them (faster)."""
    special, plain = _plain_patterns()
    if special.search(text) is None:
        return plain.findall(text)
    return _token_pattern().findall(text)


def analyse_word(word: str, algorithm: str | None) -> _Word:
    """The forms of ``word`` (as the pattern finds it) in a text whose stemming
    algorithm is ``algorithm`` (see :func:`stemming_algorithm`)."""
    return _analyse(word, algorithm)


def stemming_algorithm(language: object) -> str | None:
    """The Snowball algorithm for a text in ``language`` (``"ru"``, ``"tr-TR"``), if any."""
    return _algorithm_for_language(language)


def query_terms(query: str) -> list[_Term]:
    """The words of ``query`` as search compares them; the last is a prefix unless
    the query ends after it."""
    return _parse_query(query)
