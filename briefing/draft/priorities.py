"""The priorities of an article (the sectors of the lexicon it is about, with the named
initiatives near their words) and its outcomes (the sentences saying what was agreed)."""

from __future__ import annotations

import re

from . import lexicon
from .article import ArticleText, Sentence, excerpt, shorten
from .found import MAX_ENTRIES, Priority
from .terms import _ADJECTIVE, _WORD, terms_regex

_QUOTED = re.compile(r"[«“\"]([A-ZА-ЯЁ][^«»“”\"\n.!?]{1,60})[»”\"]")


def _initiatives(article: ArticleText) -> list[tuple[int, str]]:
    """Named initiatives: names in quotes, and capitalised names ending in an initiative
    noun (``Global Gateway``, ``Транскаспийского международного транспортного
    маршрута``), with where each is."""
    found: list[tuple[int, int, str]] = []
    nouns = terms_regex(lexicon.INITIATIVE_NOUNS)
    text = article.text
    for sentence in article.sentences:
        words = list(_WORD.finditer(text, sentence.start, sentence.end))
        for index, word in enumerate(words):
            if not word.group()[:1].isupper() or (word.start() == sentence.start and \
                    word.group().lower() in lexicon.STOP_NAMES):
                continue
            # Up to four more adjectives (or capitalised words), then an initiative noun:
            # Транскаспийского международного транспортного маршрута, Global Gateway.
            for size in range(0, 5):
                last = index + size
                if last >= len(words):
                    break
                gap = text[words[last - 1].end():words[last].start()] if size else ""
                if gap.strip() and gap.strip() != "-":
                    break
                current = words[last].group()
                if nouns.fullmatch(current):
                    start, end = word.start(), words[last].end()
                    if size == 0:
                        if word.start() == sentence.start:
                            break
                        end = _complement(text, words, last, sentence)
                        if end == words[last].end():
                            break  # a lone capitalised noun: not a name
                    quoted = _QUOTED.match(text, end + 2) if text[end:end + 2] == " (" \
                        else None
                    if quoted is not None and text[quoted.end():quoted.end() + 1] == ")":
                        end = quoted.end() + 1
                    found.append((start, end, " ".join(text[start:end].split())))
                    break
                if size and not (current[:1].isupper() or _ADJECTIVE.search(current.lower())
                                 or current.lower() in {"and", "of", "for"}):
                    break
        for match in _QUOTED.finditer(text, sentence.start, sentence.end):
            if len(match.group(1).split()) <= 6:
                found.append((match.start(1), match.end(1), match.group(1).strip()))
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for start, end, name in found:
        if kept and start < kept[-1][1]:
            continue  # inside one already kept (the quoted name of a longer one)
        kept.append((start, end, name))
    return [(start, name) for start, _, name in kept]


_COMPLEMENT = frozenset({"о", "об", "по", "on", "for", "of"})


def _complement(text: str, words: list[re.Match[str]], index: int, sentence: Sentence) -> int:
    """Where the name that starts with a capitalised noun ends: ``Соглашении о
    расширенном партнерстве и сотрудничестве`` (up to ``между``, a comma or six words)."""
    end = words[index].end()
    if index + 1 >= len(words) or words[index + 1].group().lower() not in _COMPLEMENT:
        return end
    for word in words[index + 1:index + 8]:
        if text[end:word.start()].strip() or word.group().lower() in {
                "между", "with", "between", "в", "на", "which", "that", "который"}:
            break
        end = word.end()
    return end if end > words[index + 1].end() else words[index].end()


def _priorities(article: ArticleText, language: str) -> list[Priority]:
    counts: list[tuple[int, int, lexicon.Sector, Sentence]] = []
    sentence_sectors: dict[int, list[tuple[int, lexicon.Sector]]] = {}
    for sector in lexicon.SECTORS:
        pattern = terms_regex(sector.terms)
        total = 0
        best: tuple[int, Sentence] | None = None
        first = -1
        for number, sentence in enumerate(article.sentences):
            hits = len(pattern.findall(article.text, sentence.start, sentence.end))
            if not hits:
                continue
            total += hits
            first = number if first < 0 else first
            sentence_sectors.setdefault(number, []).append((hits, sector))
            if best is None or hits > best[0]:
                best = (hits, sentence)
        if best is not None:
            counts.append((total, first, sector, best[1]))
    counts.sort(key=lambda item: (-item[0], item[1]))
    initiatives: dict[str, list[str]] = {}
    for offset, name in _initiatives(article):
        for number, sentence in enumerate(article.sentences):
            if sentence.start <= offset < sentence.end:
                near = sentence_sectors.get(number)
                if near:
                    sector = max(near, key=lambda item: item[0])[1]
                    names = initiatives.setdefault(sector.tag, [])
                    if not any(name in other for other in names):
                        names.append(name)
                break
    priorities = []
    for total, _, sector, sentence in counts[:MAX_ENTRIES]:
        sector_names = {"en": sector.en, "ru": sector.ru} if language == "en" else \
            {"ru": sector.ru, "en": sector.en}
        times = "time" if total == 1 else "times"
        priorities.append(Priority(sector_names, sector.tag, tuple(initiatives.get(sector.tag, ())),
                                   excerpt(sentence),
                                   f"its words are in the article {total} {times}"))
    return priorities


def _outcomes(article: ArticleText) -> list[str]:
    agreed = terms_regex(lexicon.AGREEMENT)
    outcomes = []
    for sentence in article.sentences:
        if agreed.search(article.text, sentence.start, sentence.end):
            text = shorten(sentence.text, 600)
            if text not in outcomes:
                outcomes.append(text)
        if len(outcomes) >= MAX_ENTRIES:
            break
    return outcomes
