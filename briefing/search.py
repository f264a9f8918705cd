"""Incremental full-text search over the texts of a briefing (pure Python, no UI).

The module finds every match of a query in a set of texts and returns the spans of
the ORIGINAL strings, so a UI can highlight them and show ``k/N``.  It is reused by
the planned SQLite FTS5 library: :func:`index_terms` lists the forms such an index
should store for a text.

Tokenisation (:func:`tokenize`)
    A word is a run of letters and digits (``str.isalnum``), together with the
    combining marks that follow its characters, soft hyphens / zero-width joiners
    inside it, and apostrophes (``'``, ``’``) between two of its characters
    (``O'Brien``, ``ob'ekt`` are one word).  Everything else -- spaces, punctuation,
    quotes such as ``«»``, hyphens, underscores -- separates words.  Chinese and
    Japanese ideographs/kana are one word per character, so a query in those
    scripts behaves like a substring search.

Normalisation (:func:`normalize`)
    NFKC, ``str.casefold`` (case-insensitive for every script: ``ß`` = ``ss``,
    ``ς`` = ``σ``), ``ё`` = ``е``, Turkish ``İ``/``ı`` fold to ``i``, and soft
    hyphens / zero-width joiners are dropped; words also drop their apostrophes.
    Normalisation happens per word, so spans always point into the original text.

Matching one query word ``q`` against one text word ``w`` -- it matches when any of:
    * ``w`` normalises to ``q`` (same word, up to case/``ё``/Unicode forms);
    * ``q`` is the LAST word of the query and ``w`` starts with ``q`` (as-you-type
      prefix: ``корид`` finds ``коридор``).  A query that ends in a space or in
      punctuation has no prefix word: the user has finished typing that word;
    * ``q`` and ``w`` have the same Snowball stem, both stemmed by the algorithm
      chosen for ``w`` (``коридора`` finds ``коридор``, ``транспортный`` finds
      ``транспортной``).  The algorithm is picked by the script of ``w``:
      Cyrillic -> russian, Latin -> english, Greek -> greek, Armenian -> armenian,
      Arabic -> arabic, Devanagari -> hindi, Tamil -> tamil, other scripts are not
      stemmed.  A language hint (``"tr"``, ``"de"``, ...) overrides this for the
      words written in that language's script; ``kk`` (Kazakh) and ``ky`` (Kyrgyz)
      have no Snowball stemmer and use russian as an approximation;
    * ``q`` is ASCII and ``w`` is not, and ``q`` equals (or, for the last word,
      prefixes) ``anyascii(w)`` with non-alphanumerics dropped (``koridor`` finds
      ``коридор``, ``turkiye`` finds ``Türkiye``); or, for a Cyrillic ``w``, ``q``
      read back into Cyrillic has the same russian stem, compared in ASCII
      (``koridora`` and ``sredniy`` find ``коридор`` and ``Средний``).
    Cyrillic queries do not find Latin text.

Phrases
    A query of several words matches that many consecutive words of one text
    (separators between them are ignored).  The span runs from the start of the
    first matched word to the end of the last one.  Matches do not overlap: the
    text is scanned left to right and a match resumes the scan after its last word.
    A query without words (empty, spaces, only punctuation) matches nothing.

:class:`SearchIndex` analyses every text once (the analysis of each distinct word is
cached), and answers a query with dictionary look-ups and binary searches over the
distinct words, then walks only the occurrences of the words that matched.
:func:`find_matches` is the straightforward one-text implementation of the same
rules; the two always agree.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable
from functools import cache, lru_cache
from typing import NamedTuple

import Stemmer
from anyascii import anyascii

__all__ = [
    "Match",
    "SearchIndex",
    "Token",
    "find_matches",
    "index_terms",
    "normalize",
    "tokenize",
]


# --------------------------------------------------------------------------- public types


class Match(NamedTuple):
    """One match of a query: ``text[start:end]`` of the text registered under ``key``.

    A NamedTuple rather than a dataclass: a one-letter query on a big briefing
    makes tens of thousands of these per keystroke, and tuples are made fastest.
    """

    key: Hashable
    start: int
    end: int


class Token(NamedTuple):
    """A word of a text: ``text[start:end]`` is the original word, ``word`` its normal form."""

    word: str
    start: int
    end: int


# --------------------------------------------------------------------------- tokenisation

# Ideographs and kana: one word per character (these scripts do not separate words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Invisible characters that may sit inside a word: soft hyphen, ZWNJ, ZWJ, word joiner.
_INVISIBLE = "\u00ad\u200c\u200d\u2060"
# Apostrophes that join two word characters (O'Brien, ob'ekt, Türkiye’nin).
_APOSTROPHES = "'\u2019"


def _mark_class() -> str:
    """Return a regex class body with every combining mark (category M*) that matters.

    The Basic and Supplementary Multilingual Planes and the variation selectors of
    plane 14 are scanned; that covers every script in use.
    """
    parts: list[str] = []
    run_start = -1
    previous = -2
    candidates = [*range(0x20000), *range(0xE0100, 0xE01F0)]
    for cp in candidates:
        if unicodedata.category(chr(cp))[0] != "M":
            continue
        if cp != previous + 1:
            if run_start >= 0:
                parts.append(_class_range(run_start, previous))
            run_start = cp
        previous = cp
    if run_start >= 0:
        parts.append(_class_range(run_start, previous))
    return "".join(parts)


def _class_range(first: int, last: int) -> str:
    """Return a regex class fragment for the code points ``first..last``."""
    if first == last:
        return f"\\U{first:08x}"
    return f"\\U{first:08x}-\\U{last:08x}"


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


def normalize(text: str) -> str:
    """Return ``text`` in the form used for comparisons.

    NFKC + casefold (every script), ``ё`` -> ``е``, Turkish ``İ``/``ı`` -> ``i``, soft
    hyphens and zero-width joiners removed.  Offsets in the result do not correspond
    to offsets in ``text``; use :func:`tokenize` or the search functions for spans.
    """
    return _dotless(_fold(text, _TEXT_TABLE))


# --------------------------------------------------------------------------- stemming

# Snowball algorithm for a script when no language hint applies.
_DEFAULT_ALGORITHM = {
    "LATIN": "english",
    "CYRILLIC": "russian",
    "GREEK": "greek",
    "ARMENIAN": "armenian",
    "ARABIC": "arabic",
    "DEVANAGARI": "hindi",
    "TAMIL": "tamil",
}
# Snowball algorithms for languages written in the Latin script.
_LATIN_ALGORITHMS = """
    basque catalan czech danish dutch dutch_porter english esperanto estonian finnish french
    german hungarian indonesian irish italian lithuanian norwegian polish porter portuguese
    romanian sesotho spanish swedish turkish
"""
# Scripts each algorithm stems; a hint is ignored for words in other scripts.
_ALGORITHM_SCRIPTS = {
    **{name: frozenset({"LATIN"}) for name in _LATIN_ALGORITHMS.split()},
    "russian": frozenset({"CYRILLIC"}),
    "serbian": frozenset({"CYRILLIC", "LATIN"}),
    "greek": frozenset({"GREEK"}),
    "armenian": frozenset({"ARMENIAN"}),
    "arabic": frozenset({"ARABIC"}),
    "persian": frozenset({"ARABIC"}),
    "hindi": frozenset({"DEVANAGARI"}),
    "nepali": frozenset({"DEVANAGARI"}),
    "tamil": frozenset({"TAMIL"}),
    "yiddish": frozenset({"HEBREW"}),
}
# ISO 639-1 code -> Snowball algorithm.  kk and ky approximate with russian.
_LANGUAGE_ALGORITHM = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "kk": "russian",
    "ky": "russian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


def _algorithm_for_language(language: object) -> str | None:
    """Map a language hint (``"tr"``, ``"tr-TR"``, ``"turkish"``) to a Snowball algorithm."""
    if not isinstance(language, str):
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    if code in _ALGORITHM_SCRIPTS:
        return code
    return _LANGUAGE_ALGORITHM.get(code)


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


def _script(word: str) -> str | None:
    """Return the majority script of the letters of ``word`` (``"LATIN"``, ...), if any."""
    counts: dict[str, int] = {}
    for ch in word:
        if "a" <= ch <= "z":
            script = "LATIN"
        elif "\u0400" <= ch <= "\u052f":
            script = "CYRILLIC"
        elif ch.isalpha():
            script = unicodedata.name(ch, "?").split(" ", 1)[0]
        else:
            continue
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


# --------------------------------------------------------------------------- transliteration

_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")


def _to_ascii(text: str) -> str:
    """Transliterate to lower-case ASCII letters and digits (``связь`` -> ``svyaz``)."""
    return _NOT_ASCII_ALNUM.sub("", anyascii(text).lower())


# Latin -> Cyrillic, longest first; the inverse of anyascii for Russian plus common
# alternatives.  Only used to find the Russian ending of a Latin-typed word.
_LATIN_CYRILLIC = {
    "shch": "щ",
    "tsya": "тся",
    "sch": "щ",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ya": "я",
    "ju": "ю",
    "ja": "я",
    "a": "а",
    "b": "б",
    "c": "ц",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "q": "к",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "w": "в",
    "x": "кс",
    "z": "з",
}
_LATIN_CHUNK = re.compile("|".join(sorted(_LATIN_CYRILLIC, key=len, reverse=True)) + "|y|.")
_CYRILLIC_VOWELS = frozenset("аеиоуыэюяй")


def _latin_to_cyrillic(word: str) -> str:
    """Read an ASCII word as Russian transliteration (``sredniy`` -> ``средний``).

    ``y`` is ``ы`` after a consonant and ``й`` elsewhere (``transportnyy`` ->
    ``транспортный``).  Ambiguities inside the stem do not matter: stems are
    compared after transliterating them back to ASCII.
    """
    out: list[str] = []
    for chunk in _LATIN_CHUNK.findall(word):
        if chunk == "y":
            after_consonant = bool(out) and out[-1][-1] not in _CYRILLIC_VOWELS
            out.append("ы" if after_consonant else "й")
        else:
            out.append(_LATIN_CYRILLIC.get(chunk, chunk))
    return "".join(out)


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
    return [m.span() for m in _token_pattern().finditer(text)]


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words; each keeps its span in ``text`` and its normal form."""
    tokens = []
    for start, end in _spans(text):
        word = _analyse(text[start:end], None).norm
        if word:
            tokens.append(Token(word, start, end))
    return tokens


def index_terms(text: str, language: str | None = None) -> list[str]:
    """Return the distinct terms a full-text index (SQLite FTS5) should store for ``text``.

    For every word: its normal form, its Snowball stem and, for non-ASCII words, its
    ASCII transliteration and (Cyrillic) the transliteration of its stem.  Terms are
    listed in order of first appearance.  A text can only match a query if each
    query word is equal to, or (last word) a prefix of, one of these terms or has a
    stem among them, so the terms make a complete pre-filter; spans then come from
    :func:`find_matches`.
    """
    hint = _algorithm_for_language(language)
    terms: dict[str, None] = {}
    for start, end in _spans(text):
        word = _analyse(text[start:end], hint)
        for term in (word.norm, word.stem, word.ascii, word.ascii_stem):
            if term:
                terms[term] = None
    return list(terms)


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


def find_matches(query: str, text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans in ``text`` matched by ``query``, left to right.

    ``language`` is an optional hint (``"ru"``, ``"tr"``, ...) selecting the stemmer
    for the words of ``text`` written in that language's script.  This scans the text
    directly; use :class:`SearchIndex` to search many texts repeatedly.
    """
    terms = _parse_query(query)
    if not terms:
        return []
    hint = _algorithm_for_language(language)
    words: list[tuple[int, int, _Word]] = []
    for start, end in _spans(text):
        word = _analyse(text[start:end], hint)
        if word.norm:
            words.append((start, end, word))
    size = len(terms)
    spans: list[tuple[int, int]] = []
    i = 0
    while i + size <= len(words):
        if all(term.matches(words[i + j][2]) for j, term in enumerate(terms)):
            spans.append((words[i][0], words[i + size - 1][1]))
            i += size
        else:
            i += 1
    return spans


# --------------------------------------------------------------------------- index

_AFTER_EVERYTHING = "\U0010ffff"  # not a word character: no word contains it


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
        # Global token arrays: every word of every text, in order.
        self._tok_word: list[int] = []
        self._tok_text: list[int] = []
        self._tok_start: list[int] = []
        self._tok_end: list[int] = []
        words: list[_Word] = []
        postings: list[list[int]] = []
        word_id: dict[tuple[str, str | None], int] = {}
        by_raw: dict[str | None, dict[str, int]] = {}
        pattern = _token_pattern()
        for text_no, (key, text) in enumerate(texts):
            self._keys.append(key)
            hint = _algorithm_for_language(language_of(key)) if language_of else None
            raw_ids = by_raw.setdefault(hint, {})
            for m in pattern.finditer(text):
                raw = m.group()
                wid = raw_ids.get(raw)
                if wid is None:
                    word = _analyse(raw, hint)
                    if not word.norm:
                        raw_ids[raw] = wid = -1
                    else:
                        wid = word_id.get((word.base, word.algorithm))
                        if wid is None:
                            wid = word_id[(word.base, word.algorithm)] = len(words)
                            words.append(word)
                            postings.append([])
                        raw_ids[raw] = wid
                if wid < 0:
                    continue
                postings[wid].append(len(self._tok_word))
                self._tok_word.append(wid)
                self._tok_text.append(text_no)
                start, end = m.span()
                self._tok_start.append(start)
                self._tok_end.append(end)
        self._postings = postings
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

    def search(self, query: str) -> list[Match]:
        """Return every match of ``query``: in the order texts were given, then by start."""
        terms = _parse_query(query)
        if not terms:
            return []
        id_sets = [self._word_ids(term) for term in terms]
        postings = self._postings
        sizes = [sum(len(postings[wid]) for wid in ids) for ids in id_sets]
        anchor = min(range(len(terms)), key=sizes.__getitem__)
        if sizes[anchor] == 0:
            return []
        positions: list[int] = []
        for wid in id_sets[anchor]:
            positions.extend(postings[wid])
        positions.sort()
        size = len(terms)
        tok_text = self._tok_text
        if size > 1:
            positions = self._phrase_starts(positions, anchor, id_sets)
        keys, starts, ends = self._keys, self._tok_start, self._tok_end
        last = size - 1
        return [Match(keys[tok_text[g]], starts[g], ends[g + last]) for g in positions]

    def _phrase_starts(self, anchors: list[int], anchor: int, id_sets: list[set[int]]) -> list[int]:
        """Return the non-overlapping starts of the phrase, given sorted anchor positions."""
        tok_word, tok_text = self._tok_word, self._tok_text
        size = len(id_sets)
        total = len(tok_word)
        others = [(j, id_sets[j]) for j in range(size) if j != anchor]
        starts: list[int] = []
        next_free = 0
        for position in anchors:
            g = position - anchor
            if g < next_free or g + size > total or tok_text[g] != tok_text[g + size - 1]:
                continue
            if all(tok_word[g + j] in ids for j, ids in others):
                starts.append(g)
                next_free = g + size
        return starts


def _prefix_range(sorted_forms: list[str], ids: list[int], prefix: str) -> list[int]:
    """Return the ids of the forms in ``sorted_forms`` that start with ``prefix``."""
    lo = bisect_left(sorted_forms, prefix)
    hi = bisect_left(sorted_forms, prefix + _AFTER_EVERYTHING, lo)
    return ids[lo:hi]
