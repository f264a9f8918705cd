"""The statements of an article: sentences of reported speech, each with its speaker
found among the participants named near the verb."""

from __future__ import annotations

import re
from bisect import bisect_left

from . import lexicon
from .article import ArticleText, Sentence, excerpt, shorten
from .found import MAX_ENTRIES, Statement
from .terms import terms_regex

_CONTENT = re.compile(r",?\s*(?:что|что\s+в|that|:)\s+", re.IGNORECASE)


def _statements(article: ArticleText, mentions: list[tuple[int, int, int]], ids: list[str],
                people: int) -> list[Statement]:
    """Reported speech, each with the participant whose mention is nearest before the
    verb (or after it: ``said Isetov``), a pronoun standing for the last person named."""
    speech = terms_regex(lexicon.SPEECH)
    statements: list[Statement] = []
    for sentence in article.sentences:
        if len(statements) >= MAX_ENTRIES:
            break
        verb = speech.search(article.text, sentence.start, sentence.end)
        if verb is None:
            continue
        speaker = _speaker(article, sentence, verb, mentions, people)
        if speaker is None:
            continue
        content = _CONTENT.search(article.text, verb.end(), min(sentence.end, verb.end() + 40))
        text = article.text[content.end():sentence.end] if content else sentence.text
        quoted = re.match(r"\s*[«“\"](.+?)[»”\"]", sentence.text)
        if quoted and quoted.start(1) < verb.start() - sentence.start:
            text = quoted.group(1)
        text = shorten(text.strip(" ,"), 600)
        text = text[:1].upper() + text[1:]
        if text and text[-1] not in ".!?…":
            text += "."
        statements.append(Statement(ids[speaker], text, excerpt(sentence),
                                    "reported speech; its speaker found near the verb"))
    return statements


_GAP = re.compile(r"[^,;:()«»\"“”–—]{0,60}")
"""What may stand between a speaker and the verb: a few words, no clause's end."""


def _speaker(article: ArticleText, sentence: Sentence, verb: re.Match[str],
             mentions: list[tuple[int, int, int]], people: int) -> int | None:
    """The participant who says what ``verb`` reports: named in the same clause just
    before it (``Исетов подчеркнул``), a pronoun for the last person named (``Он
    отметил``), or named just after it (``said Isetov``, ``по словам Исетова``)."""
    text = article.text
    first = bisect_left(mentions, (sentence.start, -1, -1))
    last = bisect_left(mentions, (sentence.end, -1, -1))
    inside = mentions[first:last]
    before = [item for item in inside if item[1] <= verb.start()
              and _GAP.fullmatch(text, item[1], verb.start())]
    if before:
        return before[-1][2]
    head = text[sentence.start:verb.start()]
    clause = max([0] + [match.end() for match in re.finditer(r"[,;:()«»\"“”–—]", head)])
    pronoun = re.search(r"(?<![^\W\d_])(?:он|она|he|she)(?![^\W\d_])", head[clause:],
                        re.IGNORECASE)
    if pronoun is not None:
        for _, _, index in reversed(mentions[:bisect_left(
                mentions, (verb.start(), -1, -1))]):
            if index < people:
                return index
    after = [item for item in inside if item[0] >= verb.end()
             and _GAP.fullmatch(text, verb.end(), item[0])]
    return after[0][2] if after else None
