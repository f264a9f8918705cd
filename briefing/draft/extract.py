"""What a draft is made of, found in an article: participants, figures,
priorities, statements, outcomes and tags.

Rules over the words of :mod:`.lexicon`, the number reader of ``briefing check``
(:mod:`briefing.number_phrases`) for figures, and, when given, the people a named
entity recogniser found (:mod:`.natasha_names`). Every piece of evidence is a
sentence of the article, or a stretch of one, word for word.

This module puts the finders together (:func:`find`): the people are found by
:mod:`.people`, the figures by :mod:`.figures`, the priorities and outcomes by
:mod:`.priorities`, the statements by :mod:`.statements`, over the text helpers of
:mod:`.terms`; the entries are the types of :mod:`.found`, importable from here too.
"""

from __future__ import annotations

import re

from .article import ArticleText, lead, shorten
from .figures import _figures
from .found import MAX_ENTRIES as MAX_ENTRIES
from .found import Figure as Figure
from .found import Found as Found
from .found import Participant as Participant
from .found import Person as Person
from .found import Priority as Priority
from .found import Statement as Statement
from .people import _People
from .priorities import _outcomes, _priorities
from .statements import _statements
from .terms import _places
from .terms import _stem as _stem
from .terms import lexicon_match as lexicon_match
from .terms import slug as slug
from .terms import terms_regex as terms_regex

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from collections.abc import Sequence


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
