"""The language tables of briefing search: which Snowball algorithm stems the words
of each script and of each language hint, how the script of a word is found, and the
transliterations (any script to ASCII with anyascii, Latin back to Cyrillic) that let
an ASCII query find Cyrillic and other non-Latin text.  The rules they serve are
described in :mod:`briefing.search`.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zlib
from functools import cache

# --------------------------------------------------------------------------- stemming algorithms

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
    return _NOT_ASCII_ALNUM.sub("", _anyascii(text).lower())


_BLOCKS: dict[int, tuple[str, ...]] = {}
"""anyascii's table of each block of 256 code points read so far."""


def _anyascii(text: str) -> str:
    """``anyascii.anyascii(text)``, by its own algorithm, its tables read from its
    package's files here: its module imports ``importlib.resources`` (with ``zipfile``,
    ``tempfile``, ``shutil``…) and reads them through it, 12 ms of a ``briefing
    search`` of one ASCII word (whose Russian reading is transliterated back)."""
    if text.isascii():
        return text
    blocks = _BLOCKS
    result = []
    for char in text:
        codepoint = ord(char)
        if codepoint <= 0x7F:
            result.append(char)
            continue
        number = codepoint >> 8
        block = blocks.get(number)
        if block is None:
            block = blocks[number] = _anyascii_block(number)
        low = codepoint & 0xFF
        if len(block) > low:
            result.append(block[low])
    return "".join(result)


def _anyascii_block(number: int) -> tuple[str, ...]:
    """anyascii's table of block ``number`` (empty where it has none)."""
    folder = _anyascii_data()
    if folder is None:  # not files on disk (a zip): anyascii reads it
        from anyascii import anyascii

        return tuple(anyascii(chr(code)) for code in range(number << 8, (number + 1) << 8))
    try:
        with open(os.path.join(folder, f"{number:03x}"), "rb") as file:
            packed = file.read()
    except FileNotFoundError:
        return ()
    return tuple(zlib.decompress(packed, -zlib.MAX_WBITS).decode("ascii").split("\t"))


@cache
def _anyascii_data() -> str | None:
    """The folder of anyascii's tables, found without importing it, if it is one."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("anyascii")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        return None
    folder = os.path.join(next(iter(locations)), "_data")
    return folder if os.path.isfile(os.path.join(folder, "000")) else None


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
