"""Make text from a briefing safe to put on a terminal.

A briefing's text is shown literally. Markup is handled by always building
Rich ``Text`` / Textual ``Content`` objects rather than markup strings; this
module handles the characters a terminal would act upon instead of showing:
C0 and C1 control codes (ESC starts every escape sequence; 0x9B is a one-byte
CSI), carriage return and backspace (which overwrite what is shown), DEL, and
the bidirectional overrides that can make text read differently from what it
is. Each becomes a visible stand-in, so a reader sees that it is there.

Messages are stricter. :func:`escaped` writes a value a message quotes with
Python's escapes (``\\n``, ``\\x1b``, ``\\u202e``), so that it stays on one line and
shows what it holds; :func:`shown_path` does the same for a file name. A file
name's bytes that are not UTF-8 (which ``os.fsdecode`` keeps as lone surrogates)
become ``\\xNN`` in every form: written out, they would be those raw bytes.
"""

from __future__ import annotations

import re

_KEEP = {"\n", "\t"}
_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_SEPARATORS = [0x2028, 0x2029]
_SURROGATES = range(0xD800, 0xE000)


def _build_table() -> dict[int, str]:
    """The stand-in of each terminal-active character but the lone surrogates (2,048 of
    them, and rare: each is written out when met, see :func:`_stand_in`)."""
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in _KEEP:
            table[code] = chr(0x2400 + code)  # the Unicode "control pictures": ␛ ␍ ␈ ...
    table[0x7F] = "\u2421"  # ␡
    for code in [*range(0x80, 0xA0), *_BIDI_CONTROLS, *_SEPARATORS]:
        table[code] = f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩
    return table


def _surrogate_escape(code: int) -> str:
    """A byte of a file name that is not UTF-8 (U+DC80 to U+DCFF) as ``\\xNN``; any
    other lone surrogate as ``\\udNNN``."""
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _character_class(codes: list[int]) -> str:
    """A regular expression's class of the characters ``codes`` (sorted), in ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "")
        for low, high in ranges
    ) + "]"


_TABLE = _build_table()
# Searching for one is much faster than translating, and most text has none.
_ACTIVE = re.compile(_character_class([*sorted(_TABLE), *_SURROGATES]))


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _TABLE.get(code) or _surrogate_escape(code)


def visible(text: str) -> str:
    """``text`` with every terminal-active character replaced by a visible stand-in."""
    return _ACTIVE.sub(_stand_in, text) if _ACTIVE.search(text) else text


def escaped(text: str) -> str:
    """``text`` with every character that is not printable written as an escape, as
    Python writes it in a string (``\\n``, ``\\t``, ``\\x1b``, ``\\u202e``, ``\\xa0``);
    printable text, in any script, is kept as it is.

    For values quoted in messages and for file names: one line, nothing for a
    terminal to act on, and every character there can be seen.
    """
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable()
        else _surrogate_escape(ord(char)) if ord(char) in _SURROGATES
        else repr(char)[1:-1]
        for char in text
    )


def shown_path(name: str) -> str:
    """How every message shows the file name ``name``: :func:`escaped`, and ``""``
    for an empty name, which would otherwise show as nothing at all."""
    return escaped(name) if name else '""'


_LINE_FEED = {ord("\n"): "\u240a"}  # ␊, as visible() shows the other C0 controls


def one_line(text: str) -> str:
    """``text`` made :func:`visible`, with its line feeds as visible stand-ins too:
    whatever a message holds, it is one line of a report."""
    return visible(text).translate(_LINE_FEED)
