"""What a draft is made of, found in an article: participants, figures,
priorities, statements, outcomes and tags.

Rules over the words of :mod:`.lexicon`, the number reader of ``briefing check``
(:mod:`briefing.number_phrases`) for figures, and, when given, the people a named
entity recogniser found (:mod:`.natasha_names`). Every piece of evidence is a
sentence of the article, or a stretch of one, word for word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from ..number_phrases import NumberPhrase, format_value, read_numbers
from . import lexicon
from .article import ArticleText, Sentence, excerpt, lead, shorten

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import NamedTuple
else:
    from ..records import NamedTuple

MAX_ENTRIES = 200
"""Most entries drafted in one list: a draft is for a person to review."""


class Person(NamedTuple):
    """A person the article names."""

    name: str
    surname: str
    role: str = ""
    organization: str = ""
    country: tuple[str, str] | None = None
    """The country's name in Russian and English, when the title names one."""
    how: str = ""
    """How the person was found, for the ``x-draft`` mark."""


class Participant(NamedTuple):
    """An entry of ``participants``."""

    id: str
    kind: str
    name: dict[str, str]
    role: str = ""
    organization: str = ""
    country: dict[str, str] | None = None
    how: str = ""


class Figure(NamedTuple):
    """An entry of ``figures``: a number phrase of a sentence, read."""

    label: str
    value: str
    unit: str | None
    display: str
    evidence: str
    how: str


class Priority(NamedTuple):
    """An entry of ``priorities``: a sector of the lexicon the article is about."""

    sector: dict[str, str]
    tag: str
    initiatives: tuple[str, ...]
    evidence: str
    how: str


class Statement(NamedTuple):
    """An entry of ``statements``: a sentence of reported speech, its speaker found."""

    by: str
    text: str
    evidence: str
    how: str


class Found(NamedTuple):
    """Everything drafted from one article."""

    language: str
    title: str
    summary: str
    outlet: str
    attribution: str
    participants: tuple[Participant, ...]
    priorities: tuple[Priority, ...]
    figures: tuple[Figure, ...]
    statements: tuple[Statement, ...]
    outcomes: tuple[str, ...]
    tags: tuple[str, ...]


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
# People.


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


# ---------------------------------------------------------------------------
# Places, organisations and groups.


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


# ---------------------------------------------------------------------------
# Figures.

_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ого|его|ой|ый|ий|ая|яя|ое|ее|ую|юю|ым|им|ыми|ими)$")
_FUNCTION_WORDS = frozenset({
    "в", "во", "на", "с", "со", "по", "из", "для", "между", "о", "об", "от", "до", "за",
    "к", "при", "и", "а", "но", "или", "что", "как", "чем", "которые", "который",
    "of", "in", "on", "for", "to", "with", "by", "from", "at", "and", "or", "that", "which",
    "over", "under", "between", "per", "than", "as", "a", "the", "this", "is", "was",
    "were", "are", "be", "worth", "including",
})
_EN_ADJECTIVES = frozenset({
    "new", "more", "joint", "major", "key", "bilateral", "additional", "further", "large",
    "small", "other", "separate", "different", "big", "main", "priority", "new-build",
    "business", "investment", "infrastructure", "trade", "energy", "transport", "digital"})
_TRAILING_FILLER = re.compile(
    r"(?:\s|[,:–—-])*(?:\b(?:в размере|на сумму|суммой|около|более|свыше|порядка|почти|"
    r"до|составил[аио]?|составляет|составят|достиг(?:ла|ло|ли)?|на|в|во|of|worth|about|"
    r"around|nearly|almost|over|more than|some|at|to|by|reached|totall?ed|stood at|is|"
    r"was|were|are|be|of up to|up to|amounting to|valued at|a total of|total|the|"
    r"including|в том числе|из них|of which|would mobilise|would mobilize|will lend|"
    r"will provide|will invest|обойдется|обойдётся|увеличился|увеличилась|вырос|выросла|"
    r"вырастет|составит|превысят|превысит|превысил|превысила)\b"
    r"(?:\s|[,:–—-])*)+$", re.IGNORECASE)
_UNIT_SHOWN = {
    "percent": ("%", "%"), "t": ("т", "tonnes"), "km": ("км", "km"),
    "year": ("лет", "years"), "month": ("месяцев", "months"), "day": ("дней", "days"),
}


def _figures(article: ArticleText, language: str) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[tuple[str, str | None]] = set()
    for sentence in article.sentences:
        for phrase in read_numbers(sentence.text):
            if len(figures) >= MAX_ENTRIES:
                return figures
            if _not_a_figure(sentence.text, phrase):
                continue
            value = format_value(phrase.value)
            counted = ""
            unit: str | None = None
            if phrase.unit is not None:
                unit = _UNIT_SHOWN[phrase.unit][language == "en"] \
                    if phrase.unit in _UNIT_SHOWN else phrase.unit
            else:
                counted = _counted(sentence.text, phrase.end, language)
                unit = counted or None
            key = (value, phrase.unit or counted.lower())
            if key in seen:
                continue
            seen.add(key)
            label = _label(sentence.text, phrase, language, counted)
            evidence = excerpt(sentence, sentence.start + phrase.start,
                               sentence.start + phrase.end)
            how = ("an amount" if phrase.unit and phrase.unit.isupper() else
                   "a share" if phrase.unit == "percent" else
                   "a duration" if phrase.unit in ("year", "month", "day") else
                   "a count" if counted else "a number")
            figures.append(Figure(label, value, unit, phrase.text, evidence,
                                  f"{how} read from its sentence"))
    return figures


def _not_a_figure(text: str, phrase: NumberPhrase) -> bool:
    """Dates, years, ordinals, times and numbers inside names are not figures."""
    after = text[phrase.end:phrase.end + 16]
    before = text[max(0, phrase.start - 16):phrase.start]
    digits = re.sub(r"\D", "", phrase.text)
    if re.match(r"[-–]?[^\W\d_]", after) and not after.startswith((" ", "\u00a0")):
        return True  # 5-й, 2nd, COVID-19's
    if re.match(r"[:.]\d", after) or re.search(r"[№#/\d]$", before):
        return True  # 10:30, № 5
    if re.search(r"[^\W\d_]-?$", before):
        return True  # G20, COP-29
    if phrase.unit in ("year", "month", "day") and _PERIOD.search(before):
        return True  # за последние 20 лет, over three years: the period of another figure
    whole = isinstance(phrase.value, int)
    if phrase.unit is None and not any(character.isdigit() for character in phrase.text) \
            and phrase.value < 10:
        return True  # двух стран, two sides
    if whole and 1800 <= phrase.value <= 2100 and phrase.unit in (None, "year") and \
            len(digits) == 4:
        return True  # a year
    if phrase.unit == "year" and phrase.value >= 1000:
        return True
    following = after.split(" ", 2)[1] if " " in after else ""
    preceding = before.rsplit(" ", 2)[-2] if before.count(" ") >= 2 else before
    # 12 декабря, December 12
    return lexicon_match(lexicon.MONTHS, following) or lexicon_match(lexicon.MONTHS, preceding)


_PERIOD = re.compile(r"(?<![^\W\d_])(?:за|в течение|последние|последних|ближайшие|over|within|"
                     r"during|past|last|next)\s+$", re.IGNORECASE)


def _counted(text: str, end: int, language: str) -> str:
    """The noun a count counts: ``29 приоритетных направлений`` -> ``направлений``."""
    words = []
    for match in _WORD.finditer(text, end):
        gap = text[end:match.start()]
        if gap.strip():
            break
        word = match.group()
        if word.lower() in _FUNCTION_WORDS:
            break
        words.append(word)
        end = match.end()
        if len(words) == 3:
            break
    if not words:
        return ""
    if language == "ru":
        for word in words:
            if not _ADJECTIVE.search(word.lower()):
                return word
        return words[-1]
    if words[0].lower() in _EN_ADJECTIVES and len(words) > 1:
        return words[1]
    return words[0]


_ENDS = r"[;:!?()«»\"“”]|(?<!\d)\.|\.(?!\d)|\s[–—]\s"
_BEFORE_ENDS = re.compile(_ENDS + r"|,|(?<![^\W\d_])(?:что|that|who|which|said)(?![^\W\d_])")
_AFTER_ENDS = re.compile(_ENDS)


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before ``start`` (from its last comma or ``что``, ``that``)
    and after ``end`` (up to its end, commas included)."""
    before = text[max(0, start - _WINDOW):start]
    cut = max((match.end() for match in _BEFORE_ENDS.finditer(before)), default=0)
    after = text[end:end + _WINDOW]
    stop = _AFTER_ENDS.search(after)
    return before[cut:], after[:stop.start()] if stop else after


def _label(text: str, phrase: NumberPhrase, language: str, counted: str) -> str:
    before, after = _clause_around(text, phrase.start, phrase.end)
    after_words = after.strip(" ,").split()
    label = ""
    if counted or (phrase.unit in ("year", "month", "day") and len(after_words) >= 2):
        label = " ".join(after_words[:16])
    elif phrase.unit == "percent" and after_words[:1] and after_words[0].lower() in {
            "of", "от"} and len(after_words) >= 2:
        label = " ".join(after_words[1:12])
    else:
        measure = None
        for match in terms_regex(lexicon.MEASURES).finditer(
                text, max(0, phrase.start - 200), phrase.start):
            measure = match
        if measure is not None and phrase.start - measure.start() < 200:
            label = _TRAILING_FILLER.sub("", text[measure.start():phrase.start]).strip()
        if len(label.split()) < 2:
            label = _TRAILING_FILLER.sub("", before).strip(" ,")
            if len(label.split()) < 2 and len(after_words) >= 2:
                label = " ".join(after_words[:12])
    label = _TRAILING_FILLER.sub("", label).strip(" ,;:–—-")
    words = label.split()
    while words and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()
    label = " ".join(words)
    if not label:
        label = shorten(text, 80)
    label = shorten(label, 160)
    return label[:1].upper() + label[1:]


# ---------------------------------------------------------------------------
# Priorities and initiatives.

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


# ---------------------------------------------------------------------------
# Statements and outcomes.

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


_OUTLET = {
    "ru": re.compile(r"(?:сообщает|передает|передаёт|пишет)\s+(?P<outlet>[^,.;]{2,80}?)"
                     r"(?:\s+со ссылкой на\s+(?P<by>[^,.;]{2,80}?))?\s*(?:[.,;]|$)"),
    "en": re.compile(r"(?:reports?|reported|according to)\s+(?P<outlet>(?:the\s+)?[A-Z]"
                     r"[^,.;]{1,80}?)(?:,?\s+(?:citing|quoting)\s+(?P<by>[^,.;]{2,80}?))?"
                     r"\s*(?:[.,;]|$)"),
}


def _outlet(article: ArticleText, language: str) -> tuple[str, str]:
    for sentence in article.sentences[:8]:
        match = _OUTLET[language].search(sentence.text)
        if match is not None and match.group("outlet")[:1].isupper():
            return match.group("outlet").strip(), (match.group("by") or "").strip()
    return "", ""


# ---------------------------------------------------------------------------
# All of it.


def find(text: str, language: str, people_spans: Sequence[tuple[int, int]] | None) -> Found:
    """What a draft of the article ``text`` in ``language`` holds. ``people_spans`` are
    where a recogniser found people's names; ``None`` to find them by rule."""
    article = ArticleText(text)
    people = _People(article, language, people_spans)
    participants: list[Participant] = []
    ids: list[str] = []
    taken: set[str] = set()

    def new_id(base: str) -> str:
        base = base or "participant"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        return candidate

    for person in people.people[:MAX_ENTRIES]:
        country = {"ru": person.country[0], "en": person.country[1]} \
            if person.country else None
        words = person.name.split()
        # von der Leyen, ibn Saud: the particles are part of the surname's id.
        particles = [index for index, word in enumerate(words[1:], 1) if word[:1].islower()]
        surname = " ".join(words[particles[0]:]) if particles else person.surname
        participant = Participant(new_id(slug(surname)), "person",
                                  {language: person.name}, person.role, person.organization,
                                  country, person.how)
        participants.append(participant)
        ids.append(participant.id)
    people_count = len(participants)
    mentions = [mention for mention in people.surname_mentions()
                if mention[2] < len(participants)]
    place_index: dict[str, int] = {}
    for start, end, place in _places(article):
        if place.tag not in place_index:
            if len(participants) >= 2 * MAX_ENTRIES:
                continue
            place_index[place.tag] = len(participants)
            name = {"ru": place.ru, "en": place.en} if language == "ru" else \
                {"en": place.en, "ru": place.ru}
            participant = Participant(new_id(place.tag), place.kind, name,
                                      how="a country, body or group of the lexicon")
            participants.append(participant)
            ids.append(participant.id)
        mentions.append((start, end, place_index[place.tag]))
    mentions.sort()
    priorities = _priorities(article, language)
    statements = _statements(article, mentions, ids, people_count)
    outlet, attribution = _outlet(article, language)
    tags = [priority.tag for priority in priorities] + list(place_index)
    return Found(
        language=language,
        title=shorten(article.headline, 300),
        summary=lead(article),
        outlet=outlet,
        attribution=attribution,
        participants=tuple(participants),
        priorities=tuple(priorities),
        figures=tuple(_figures(article, language)),
        statements=tuple(statements),
        outcomes=tuple(_outcomes(article)),
        tags=tuple(dict.fromkeys(tags)),
    )
