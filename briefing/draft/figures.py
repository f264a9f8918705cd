"""The figures of an article: its number phrases (read by the number reader of
``briefing check``, :mod:`briefing.number_phrases`), each with a label from its clause."""

from __future__ import annotations

import re

from ..number_phrases import NumberPhrase, format_value, read_numbers
from . import lexicon
from .article import ArticleText, excerpt, shorten
from .found import MAX_ENTRIES, Figure
from .terms import _ADJECTIVE, _WINDOW, _WORD, lexicon_match, terms_regex

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
