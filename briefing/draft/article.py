"""An article's text cut into its headline and sentences, each with where it is
written, and its language guessed from its letters.

Every offset is into the text as given, so that an excerpt taken from here is
word for word what the article says (what ``briefing check`` asks of evidence).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from ..records import NamedTuple

LANGUAGES = ("ru", "en")
"""The languages a draft is made in."""

MAX_EXCERPT = 600
"""Most characters of an excerpt taken as evidence: a longer sentence is cut around
what it backs, at word boundaries."""


class Sentence(NamedTuple):
    """One sentence of the article: its text and where it is."""

    start: int
    end: int
    text: str
    paragraph: int
    """Which paragraph (a line of text, counted from 0 after the headline)."""


# A sentence ends at . ! ? or … (with any closing quotes or brackets after it) that
# is followed by a space and an upper-case letter, a digit or an opening quote; or at
# the end of a line. Abbreviations (т. е., г., млрд., U.S.) are guarded below.
_END = re.compile(r"[.!?…]+[»\"”’)\]]*(?=\s+[«\"“„(\[A-ZА-ЯЁ0-9—–-])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:т|г|гг|тыс|млн|млрд|трлн|руб|долл|им|ул|д|см|т\.?\s?е|т\.?\s?к|"
    r"Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Gov|No|vs|etc|Inc|Ltd|Co|U\.S|U\.K|e\.g|i\.e)\.$)"
    r"|(?:\b[A-ZА-ЯЁ]\.$)",  # an initial: А. Исетов, J. Smith
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]")


class ArticleText:
    """The article's headline (its first non-empty line) and the sentences of the rest."""

    def __init__(self, text: str) -> None:
        self.text = text
        lines = [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)]
        body = [(start, end) for start, end in lines if text[start:end].strip()]
        self.headline = text[body[0][0]:body[0][1]].strip() if body else ""
        self.sentences: list[Sentence] = []
        for paragraph, (start, end) in enumerate(body[1:]):
            self.sentences.extend(_sentences(text, start, end, paragraph))
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        """Where each sentence starts, to find the one an offset is in."""


def _sentences(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    line = text[start:end]
    found = []
    begin = 0
    for match in _END.finditer(line):
        if _ABBREVIATION.search(line[max(begin, match.start() - 12):match.start() + 1]):
            continue
        found.append((begin, match.end()))
        begin = match.end()
    found.append((begin, len(line)))
    sentences = []
    for first, last in found:
        piece = line[first:last]
        stripped = piece.strip()
        if not stripped or not _LETTERS.search(stripped):
            continue
        offset = start + first + (len(piece) - len(piece.lstrip()))
        sentences.append(Sentence(offset, offset + len(stripped), stripped, paragraph))
    return sentences


def detect_language(text: str) -> str:
    """``"ru"`` when most letters of ``text`` are Cyrillic, else ``"en"``."""
    cyrillic = latin = 0
    for match in _LETTERS.finditer(text[:200_000]):
        letter = match.group()
        if "\u0400" <= letter <= "\u04ff":
            cyrillic += 1
        elif letter.isascii():
            latin += 1
    return "ru" if cyrillic > latin else "en"


def excerpt(sentence: Sentence, start: int = -1, end: int = -1,
            limit: int = MAX_EXCERPT) -> str:
    """The sentence, word for word; when it is longer than ``limit``, the stretch of
    it around ``start``-``end`` (offsets in the article), cut at spaces so that it
    starts and ends with a whole word."""
    text = sentence.text
    if len(text) <= limit:
        return text
    if start < 0:
        start, end = sentence.start, sentence.start
    middle = (start + end) // 2 - sentence.start
    first = max(0, min(middle - limit // 2, len(text) - limit))
    last = first + limit
    if first > 0:
        space = text.find(" ", first, min(len(text), start - sentence.start + 1))
        first = space + 1 if space != -1 else first
    if last < len(text):
        space = text.rfind(" ", max(first, end - sentence.start), last)
        last = space if space != -1 else last
    piece = text[first:last].strip()
    # Never cut inside a word: drop a first or last word that was cut.
    if first > 0 and text[first - 1].isalnum() and " " in piece:
        piece = piece.split(" ", 1)[1]
    if last < len(text) and text[last].isalnum() and " " in piece:
        piece = piece.rsplit(" ", 1)[0]
    return piece.strip(" ,;:–—-")


def lead(article: ArticleText, limit: int = 600) -> str:
    """The lead: the first sentences after the headline, up to about ``limit``
    characters, as one paragraph; the headline when there are none."""
    chosen: list[str] = []
    length = 0
    for sentence in article.sentences:
        if chosen and length + 1 + len(sentence.text) > limit:
            break
        chosen.append(sentence.text)
        length += len(sentence.text) + 1
    text = " ".join(" ".join(chosen).split()) or article.headline
    return shorten(text, limit + limit // 2)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a space before ``limit`` characters (and ``…``
    added) when longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:–—-") + "…"
