"""Make text from a briefing safe to put on a terminal.

A briefing's text is shown literally. Markup is handled by always building
Rich ``Text`` / Textual ``Content`` objects rather than markup strings; this
module handles the characters a terminal would act upon instead of showing:
C0 and C1 control codes (ESC starts every escape sequence; 0x9B is a one-byte
CSI), carriage return and backspace (which overwrite what is shown), DEL, and
the bidirectional overrides that can make text read differently from what it
is. Each becomes a visible stand-in, so a reader sees that it is there.
"""

from __future__ import annotations

import re

_KEEP = {"\n", "\t"}
_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_SEPARATORS = [0x2028, 0x2029]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in _KEEP:
            table[code] = chr(0x2400 + code)  # the Unicode "control pictures": ␛ ␍ ␈ ...
    table[0x7F] = "\u2421"  # ␡
    for code in [*range(0x80, 0xA0), *_BIDI_CONTROLS, *_SEPARATORS]:
        table[code] = f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩
    return table


_TABLE = _build_table()
# Searching for one is much faster than translating, and most text has none.
_ACTIVE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def visible(text: str) -> str:
    """``text`` with every terminal-active character replaced by a visible stand-in."""
    return text.translate(_TABLE) if _ACTIVE.search(text) else text
