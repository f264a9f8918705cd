"""The people an article names: their mentions (found by rule, or where a recogniser
found names), merged by surname, each with the title, body and country written
around the name."""

from __future__ import annotations

import re

from . import lexicon
from .article import ArticleText, Sentence
from .found import Person
from .terms import (
    _BODY_WORDS,
    _WINDOW,
    _WORD,
    _is_place_or_body,
    _place_of,
    _place_regex,
    _sentence_at,
    _stem,
    lexicon_match,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import NamedTuple
else:
    from ..records import NamedTuple


class _Mention(NamedTuple):
    start: int
    end: int
    words: tuple[str, ...]
    sentence: Sentence


class _People:
    """The people of an article: their mentions, merged by surname."""

    def __init__(self, article: ArticleText, language: str,
                 spans: Sequence[tuple[int, int]] | None) -> None:
        self.article = article
        self.language = language
        self.people: list[Person] = []
        self.mentions: list[tuple[int, int, int]] = []  # start, end, person index
        self._by_stem: dict[str, int] = {}
        candidates = (self._spans_as_mentions(spans) if spans is not None
                      else self._rule_mentions())
        # Full names first, so that a surname alone is someone already named.
        ordered = sorted(candidates, key=lambda mention: (len(mention.words) < 2,
                                                          mention.start))
        for mention in ordered:
            self._add(mention, "named by the recogniser" if spans is not None else
                      "named by rule")
        self.mentions.sort()

    def _spans_as_mentions(self, spans: Sequence[tuple[int, int]]) -> list[_Mention]:
        mentions = []
        for start, end in spans:
            sentence = _sentence_at(self.article, start)
            if sentence is None:
                continue
            words = tuple(_WORD.findall(self.article.text[start:end]))
            if words:
                mentions.append(_Mention(start, end, words, sentence))
        return mentions

    def _rule_mentions(self) -> list[_Mention]:
        mentions = []
        for sentence in self.article.sentences:
            for run in _capitalised_runs(sentence, self.article.text):
                mention = (self._english_name(run, sentence) if self.language == "en"
                           else self._russian_name(run, sentence))
                if mention is not None:
                    mentions.append(mention)
        return mentions

    def _russian_name(self, run: list[re.Match[str]], sentence: Sentence) -> _Mention | None:
        words = [match.group() for match in run]
        while words and (_is_place_or_body(words[0]) or words[0].lower() in
                         lexicon.STOP_NAMES or _starts_role(words[0])):
            run, words = run[1:], words[1:]
        if not words:
            return None
        # The name is at the end of the run: Республики Казахстан Арман Исетов.
        size = 3 if len(words) >= 3 and _stem(words[-2]).endswith(
            ("вич", "вн", "ичн")) else min(2, len(words))
        name = run[-size:]
        names = [match.group() for match in name]
        if any(_is_place_or_body(word) for word in names) or \
                any(word.isupper() for word in names):
            return None
        surname = names[-1]
        looks_like_surname = _stem(surname).endswith(lexicon.SURNAME_ENDINGS) or \
            surname.lower().replace("ё", "е").endswith(lexicon.SURNAME_ENDINGS)
        after_title = _title_just_before(self.article.text, sentence, name[0].start())
        if len(names) == 1 and not after_title:
            return None  # a lone capitalised word is a name only after a title
        if not (looks_like_surname or after_title):
            return None
        if len(names) == 2 and name[0].start() == sentence.start and not after_title and \
                not looks_like_surname:
            return None
        return _Mention(name[0].start(), name[-1].end(), tuple(names), sentence)

    def _english_name(self, run: list[re.Match[str]], sentence: Sentence) -> _Mention | None:
        words = [match.group() for match in run]
        # Drop what comes before the name: an organisation and a title.
        last_title = max((index for index, word in enumerate(words)
                          if word.lower() in lexicon.EN_ROLE_HEADS), default=-1)
        if last_title >= 0:
            run, words = run[last_title + 1:], words[last_title + 1:]
        while words and (words[0].lower() in lexicon.STOP_NAMES or
                         words[0].lower() in lexicon.EN_ROLE_WORDS or
                         _is_place_or_body(words[0])):
            run, words = run[1:], words[1:]
        if not words or any(_is_place_or_body(word) for word in words):
            return None
        if any(word.lower() in lexicon.EN_ROLE_WORDS | {"of", "the", "and"}
               for word in words):
            return None
        capitalised = [word for word in words if word[:1].isupper()]
        speaks = bool(lexicon_match(lexicon.SPEECH, self.article.text[
            run[-1].end():min(sentence.end, run[-1].end() + 30)])) or bool(
            lexicon_match(lexicon.SPEECH, self.article.text[
                max(sentence.start, run[0].start() - 12):run[0].start()]))
        if len(capitalised) == 1:
            if last_title < 0 and not words[0].startswith(("Mr", "Ms", "Mrs")):
                return None
        elif len(capitalised) > 4 or (last_title < 0 and not speaks
                                      and not self._appositive(run, sentence)):
            return None
        return _Mention(run[0].start(), run[-1].end(), tuple(words), sentence)

    def _appositive(self, run: list[re.Match[str]], sentence: Sentence) -> str:
        return _appositive_role(self.article.text, sentence, run[-1].end(), self.language)

    def _add(self, mention: _Mention, how: str) -> None:
        surname = mention.words[-1]
        key = _stem(surname)
        index = self._by_stem.get(key)
        text = self.article.text
        if index is None:
            role = _role_before(text, mention.sentence, mention.start, self.language) or \
                _appositive_role(text, mention.sentence, mention.end, self.language)
            name = " ".join(text[mention.start:mention.end].split())
            if self.language == "ru" and _instrumental(text, mention, role):
                # "переговоры с президентом Франции Эммануэлем Макроном": the names
                # and the title as a reader writes them, in the nominative.
                name = " ".join(_nominative(word) for word in name.split())
                surname = name.split()[-1]
                role = _nominative_title(role)
            index = len(self.people)
            self.people.append(Person(name, surname, role, _organisation(role, self.language),
                                      _country(role), how))
            self._by_stem[key] = index
        else:
            person = self.people[index]
            if not person.role:
                role = _role_before(text, mention.sentence, mention.start, self.language)
                if role:
                    self.people[index] = person._replace(
                        role=role, organization=_organisation(role, self.language),
                        country=_country(role))
        self.mentions.append((mention.start, mention.end, index))

    def surname_mentions(self) -> Iterable[tuple[int, int, int]]:
        """Every place a known person is named, by surname or in full."""
        if not self.people:
            return
        pattern = re.compile("|".join(
            rf"(?<![^\W\d_]){re.escape(person.surname[:max(3, len(_stem(person.surname)))])}"
            rf"[^\W\d_]*" for person in self.people))
        for match in pattern.finditer(self.article.text):
            index = self._by_stem.get(_stem(match.group()))
            if index is not None:
                yield match.start(), match.end(), index


def _capitalised_runs(sentence: Sentence, text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words of a sentence (with name particles inside)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    previous_end = -1
    for match in _WORD.finditer(text, sentence.start, sentence.end):
        word = match.group()
        gap = text[previous_end:match.start()] if previous_end >= 0 else " "
        joined = previous_end >= 0 and gap.strip() == "" and "\n" not in gap
        particle = word in {"von", "van", "der", "de", "da", "al", "bin", "la", "le",
                            "del", "di", "dos", "фон", "дер", "ван", "де", "аль", "ибн"}
        if word[:1].isupper() or (particle and current):
            if current and not joined:
                runs.append(current)
                current = []
            current.append(match)
        else:
            if current:
                runs.append(current)
            current = []
        previous_end = match.end()
    if current:
        runs.append(current)
    for run in runs:  # a run does not end with a particle
        while run and not run[-1].group()[:1].isupper():
            run.pop()
    return [run for run in runs if run]


_INSTRUMENTAL = ("ом", "ем", "ой", "ей", "ым", "им")


def _instrumental(text: str, mention: _Mention, role: str) -> bool:
    """Whether a Russian name is written in the instrumental case: its title is (``с
    президентом``), or ``с``/``со`` comes just before it, and the surname ends so."""
    if not mention.words[-1].lower().endswith(_INSTRUMENTAL):
        return False
    head = role.split(" ", 1)[0].lower() if role else ""
    if head.endswith(("ом", "ем", "ой", "ей")):
        return True
    before = text[max(mention.sentence.start, mention.start - 4):mention.start].lower()
    return bool(re.search(r"(?<![^\W\d_])со?\s+$", before))


def _nominative(word: str) -> str:
    """A Russian name in the instrumental as it is in the nominative, by its ending:
    ``Макроном`` -> ``Макрон``, ``Исетовым`` -> ``Исетов``, ``Эммануэлем`` ->
    ``Эммануэль``, ``Сергеем`` -> ``Сергей``, ``Анной`` -> ``Анна``, ``Марией`` ->
    ``Мария``."""
    lower = word.lower()
    if len(word) < 4 or not lower[-1:].isalpha():
        return word
    stem = word[:-2]
    if lower.endswith(("ым", "ом")) or (lower.endswith("им") and stem[-1:].lower() in "кгх"):
        return stem
    if lower.endswith("ем"):
        last = stem[-1:].lower()
        if last in "аеёиоуыэюя":
            return stem + "й"
        return stem if last in "жцчшщ" else stem + "ь"
    if lower.endswith("ой"):
        return stem + "а"
    if lower.endswith("ей"):
        return stem + "я" if stem[-1:].lower() in "иь" else stem + "а"
    return word


def _nominative_title(role: str) -> str:
    """A title in the instrumental, its leading words in the nominative: ``Генеральным
    секретарем ООН`` -> ``Генеральный секретарь ООН``."""
    words = role.split(" ")
    for index, word in enumerate(words):
        lower = word.lower()
        if lower.endswith(("ным", "ским", "вым")) and index == 0:
            words[index] = word[:-2] + "ый"
        elif lower.endswith(("ом", "ем", "ой", "ей")):
            words[index] = _nominative(word)
            break
        else:
            break
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def _title_just_before(text: str, sentence: Sentence, start: int) -> bool:
    """Whether a title ends just before ``start`` (``министра Исетов``, ``Республики
    Казахстан Арман Исетов``): the word before, or before the places of a run."""
    if not _role_before(text, sentence, start, "ru"):
        return False
    previous = [match.group() for match in _WORD.finditer(
        text, max(sentence.start, start - _WINDOW), start)][-4:]
    while previous and (_is_place_or_body(previous[-1]) and previous[-1][:1].isupper()):
        previous.pop()
    return bool(previous) and (previous[-1].lower().startswith(lexicon.ROLE_WORDS)
                               or previous[-1].lower() in {"дел"})


def _starts_role(word: str) -> bool:
    key = word.lower()
    return key.startswith(lexicon.ROLE_WORDS) or key in lexicon.EN_ROLE_WORDS


_CLAUSE_END = re.compile(r"[,;:.!?()«»\"“”„]|\s[–—-]\s")


def _role_before(text: str, sentence: Sentence, start: int, language: str) -> str:
    """The title written just before a name (``Заместитель министра иностранных дел
    Республики Казахстан``, ``European Commission President``), or ``""``."""
    before = text[max(sentence.start, start - _WINDOW):start]
    stop = max((match.end() for match in _CLAUSE_END.finditer(before)), default=0)
    words = list(_WORD.finditer(before, stop))[-10:]
    if language == "en":
        first = None
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group()
            if word.lower() in lexicon.EN_ROLE_WORDS or (
                    first is not None and word[:1].isupper()):
                first = index
            elif word.lower() in {"of", "the", "for"} and first is not None:
                continue
            else:
                break
        if first is None or not any(word.group().lower() in lexicon.EN_ROLE_HEADS
                                    for word in words[first:]):
            return ""
        role = before[words[first].start():].strip()
        return role[:1].upper() + role[1:]
    titles = [index for index, word in enumerate(words)
              if word.group().lower().startswith(lexicon.ROLE_WORDS)]
    if not titles:
        return ""
    first = titles[-1]
    while first > 0 and words[first - 1].group().lower().startswith(lexicon.ROLE_WORDS):
        first -= 1
    between = [word.group() for word in words[first:]]
    if len(between) > 8 or any(_VERB.search(word) and word.lower() not in _NOT_VERBS
                               for word in between if word[:1].islower()):
        return ""
    role = " ".join(before[words[first].start():].split())
    return role[:1].upper() + role[1:] if role else ""


_VERB = re.compile(r"(?:ли|ла|ло|ал|ял|ил|ел|ыл|ет|ут|ют|ит|ат|ят)$")
"""Endings of Russian verbs, which a title never has (``провели``)."""
_NOT_VERBS = frozenset({"дел", "генерал", "совет", "кабинет", "бюджет", "комитет",
                        "совета", "депутат"})


_APPOSITIVE = re.compile(r"\s*,\s*(?:the\s+)?([^,;:.!?()]{3,120}?)\s*(?:,|$|\s[–—-]\s)")


def _appositive_role(text: str, sentence: Sentence, end: int, language: str) -> str:
    """A title written after a name, between commas (``Arman Isetov, Deputy Foreign
    Minister of Kazakhstan, said``), or ``""``."""
    match = _APPOSITIVE.match(text, end, sentence.end)
    if match is None:
        return ""
    role = match.group(1)
    first = role.split(" ", 1)[0]
    if language == "en":
        if not any(word.lower() in lexicon.EN_ROLE_HEADS for word in role.split()) or \
                first.lower() not in lexicon.EN_ROLE_WORDS:
            return ""
    elif not first.lower().startswith(lexicon.ROLE_WORDS):
        return ""
    role = " ".join(role.split())
    return role[:1].upper() + role[1:]


def _organisation(role: str, language: str) -> str:
    """The body a title names: ``министра иностранных дел Республики Казахстан`` ->
    ``Министерство иностранных дел Республики Казахстан``."""
    if not role:
        return ""
    if language == "ru":
        match = re.search(r"(?<![\w-])министр[а-я]*\s+(.+)", role, re.IGNORECASE)
        if match and not match.group(1).lower().startswith(("и ", "по ")):
            return "Министерство " + match.group(1)
        match = re.search(r"(?<![\w-])министр[а-я]*\s+(по\s.+)", role, re.IGNORECASE)
        return "Министерство " + match.group(1) if match else ""
    match = re.search(r"\bMinister\s+(?:of|for)\s+(.+)", role, re.IGNORECASE)
    if match:
        return "Ministry of " + match.group(1)
    words = role.split()
    heads = [index for index, word in enumerate(words)
             if word.lower() in lexicon.EN_ROLE_WORDS]
    if heads and heads[0] > 0:
        body = " ".join(words[:heads[0]])
        if _BODY_WORDS.search(body):
            return body
    if re.search(r"\bForeign Minister\b", role):
        return "Ministry of Foreign Affairs"
    return ""


def _country(role: str) -> tuple[str, str] | None:
    match = _place_regex().search(role) if role else None
    if match is None:
        return None
    place = _place_of(match.group())
    return (place.ru, place.en) if place is not None and place.kind == "delegation" else None
