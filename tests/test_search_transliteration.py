"""Transliteration to ASCII is anyascii's, character for character, though its tables
are read without importing it (which is slow to import)."""

from __future__ import annotations

from anyascii import anyascii

from briefing.search_languages import _anyascii, _to_ascii


def test_every_character_is_transliterated_as_anyascii_does() -> None:
    # The planes anyascii has tables for (and one beyond, which it has none of).
    for start in [*range(0, 0x30000, 0x1000), 0xE0000, 0xF0000]:
        characters = [chr(code) for code in range(start, start + 0x1000)
                      if not 0xD800 <= code < 0xE000]
        assert _anyascii("".join(characters)) == anyascii("".join(characters))
        assert [_anyascii(character) for character in characters[::5]] == [
            anyascii(character) for character in characters[::5]]


def test_russian_and_other_scripts_read_in_latin_letters() -> None:
    assert _to_ascii("Средний коридор") == "sredniykoridor"
    assert _to_ascii("Türkiye’nin") == "turkiyenin"
    assert _to_ascii("Ελλάδα") == "ellada"
