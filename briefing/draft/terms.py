"""Shared text helpers of the draft finders: words, the lexicon's terms as one pattern,
stems and ids of names, and the places of the lexicon an article names."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from . import lexicon
from .article import ArticleText, Sentence

# ---------------------------------------------------------------------------
# Matching the lexicon.

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _term_pattern(term: str) -> str:
    exact = term.startswith("=")
    words = term.lstrip("=").split()
    parts = []
    for word in words:
        word = re.escape(word).replace("е", "[её]")
        # \b and \w, not letter classes: much quicker to compile, and a digit
        # never ends a word of the lexicon.
        parts.append(rf"{word}\b" if exact else rf"{word}\w*")
    return r"[\s\u00a0-]+".join(parts)


@cache
def terms_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of ``terms`` (see :mod:`.lexicon`), in any case."""
    longest_first = sorted(terms, key=len, reverse=True)
    # Every term starts a word with one of these letters: checking that first skips
    # trying each term at each place of a long text (several times faster).
    firsts = {term.lstrip("=")[:1].lower() for term in terms}
    firsts |= {letter.upper() for letter in firsts} | ({"ё", "Ё"} if firsts & {"е"} else set())
    start = "[" + "".join(sorted(re.escape(letter) for letter in firsts)) + "]"
    return re.compile(rf"\b(?={start})(?:"
                      + "|".join(_term_pattern(term) for term in longest_first) + ")",
                      re.IGNORECASE)


def _stem(word: str) -> str:
    """A name without its Russian case ending, lower case: ``Исетовым`` -> ``исетов``."""
    key = word.lower().replace("ё", "е")
    for ending in lexicon.CASE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "a", "g", "q", "ng", "o", "u", "u", "h", "i"], strict=True))


def slug(text: str) -> str:
    """An id made of ``text``: ASCII letters and digits with single hyphens
    (Cyrillic transliterated: ``Исетов`` -> ``isetov``)."""
    ascii_text = "".join(_CYRILLIC.get(character, character) for character in text.lower())
    if not ascii_text.isascii():
        from anyascii import anyascii  # other scripts: rarer, and slower to load

        ascii_text = anyascii(ascii_text).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:60].strip("-")


# ---------------------------------------------------------------------------
# Places, organisations and groups.


@cache
def _place_regex() -> re.Pattern[str]:
    return terms_regex(tuple(term for place in lexicon.PLACES for term in place.terms))


_BODY_WORDS = re.compile(
    r"(?:республик|министерств|агентств|союз|комисси|организац|банк|фонд|парламент|"
    r"правительств|совет|мид|ministry|agency|union|commission|organi[sz]ation|bank|fund|"
    r"parliament|government|council|republic|forum|corridor|route|initiative|"
    r"коридор|маршрут|соглашени|программ|агентство|kazinform|reuters)", re.IGNORECASE)


def _is_place_or_body(word: str) -> bool:
    return bool(_place_regex().fullmatch(word) or _BODY_WORDS.match(word)
                or lexicon_match(lexicon.MONTHS, word))


def lexicon_match(terms: tuple[str, ...], text: str) -> bool:
    """Whether any of ``terms`` is in ``text``."""
    return terms_regex(terms).search(text) is not None


_WINDOW = 300
"""How far before a name its title is looked for, in characters (a title is a few
words; a sentence may be a whole line of a very long text)."""


_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ого|его|ой|ый|ий|ая|яя|ое|ее|ую|юю|ым|им|ыми|ими)$")
"""Endings of Russian adjectives."""


def _place_of(written: str) -> lexicon.Place | None:
    """The place of the lexicon ``written`` names (as :func:`_place_regex` found it)."""
    words = written.lower().replace("ё", "е").replace("-", " ").split()
    for place in lexicon.PLACES:
        for term in place.terms:
            exact = term.startswith("=")
            parts = term.lstrip("=").split()
            if len(parts) == len(words) and all(
                    word == part if exact else word.startswith(part)
                    for word, part in zip(words, parts, strict=True)):
                return place
    return None


def _sentence_at(article: ArticleText, offset: int) -> Sentence | None:
    """The sentence ``offset`` is in, if any."""
    index = bisect_right(article.sentence_starts, offset) - 1
    if index >= 0 and offset < article.sentences[index].end:
        return article.sentences[index]
    return None


def _places(article: ArticleText) -> list[tuple[int, int, lexicon.Place]]:
    """Every place of the lexicon named in the body, but as part of a currency (``долларов
    США``)."""
    found = []
    pattern = _place_regex()
    currency = re.compile(r"(?:доллар|dollar|\$)[^\W\d_]*\s*$", re.IGNORECASE)
    for sentence in article.sentences:
        for match in pattern.finditer(article.text, sentence.start, sentence.end):
            if currency.search(article.text[max(0, match.start() - 12):match.start()]):
                continue
            place = _place_of(match.group())
            if place is not None:
                found.append((match.start(), match.end(), place))
    return found
