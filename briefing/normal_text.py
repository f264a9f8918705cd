"""Text normalised for matching evidence, with the way back to the text's offsets.

:func:`normalise` says how an excerpt and an article are compared: letter case,
``ё``/``е``, every kind of quote mark, every dash (and the spaces around it),
no-break and repeated spaces and line breaks, soft hyphens and zero-width
characters do not matter. :class:`NormalText` holds a text so normalised and maps a
stretch of it back to a :class:`Span` of the text as written, for a view to
highlight.

Only ``re`` and ``bisect`` are imported.
"""

from __future__ import annotations

import re
from bisect import bisect_right

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from .records import NamedTuple


class Span(NamedTuple):
    """A stretch of the article's text: ``text[start:end]``."""

    start: int
    end: int


_QUOTES = "«»“”„‟\"'‘’‚‛‹›「」『』″′`"
_DASHES = "-‐‑‒–—―−﹘﹣－"
_SPACES = ("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
           + "".join(map(chr, range(0x2000, 0x200B))))
"""Every character ``str.isspace`` accepts but the space itself."""
_FOLD = {ord(quote): '"' for quote in _QUOTES}
_FOLD.update({ord(dash): "-" for dash in _DASHES})
_FOLD.update({ord(space): " " for space in _SPACES})
_FOLD.update({ord("ё"): "е", ord("Ё"): "е", ord("İ"): "i"})  # İ: its lower case is 2 letters
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"
"""Soft hyphens and zero-width characters (and NUL): left out. _FOLD makes each a NUL,
so that the expression below has no class of characters past Latin-1, which costs a
millisecond to compile."""
_FOLD.update({ord(invisible): "\x00" for invisible in _INVISIBLE})
# What is left to change once every space is " " (one for one, by _FOLD): a dash with
# spaces around it, a run of spaces, invisible characters, an ellipsis. A text with
# none of these (most of an article) is copied as it is, so the way back is short.
_CHANGES = re.compile("[ \x00]+-[ \x00]*|-[ \x00]+|[ \x00]{2,}|\x00|…")


def _replacement(written: str) -> str:
    if "-" in written:
        return "-"
    if written == "…":
        return "..."
    return " " if " " in written else ""


class NormalText:
    """A text normalised for matching, with the way back to the text's own offsets."""

    def __init__(self, text: str) -> None:
        self.original = text
        folded = text.translate(_FOLD).lower()
        pieces: list[str] = []
        # Runs of the normalised text: where each starts there and in the original,
        # and for a replaced run, where it ends in the original (-1 for a copied run).
        self._starts: list[int] = []
        self._original_starts: list[int] = []
        self._original_ends: list[int] = []
        length = 0
        copied_from = 0
        for match in _CHANGES.finditer(folded):
            start, end = match.span()
            if start > copied_from:
                self._run(length, copied_from, -1)
                pieces.append(folded[copied_from:start])
                length += start - copied_from
            replacement = _replacement(match.group())
            if replacement:
                self._run(length, start, end)
                pieces.append(replacement)
                length += len(replacement)
            copied_from = end
        if copied_from < len(folded):
            self._run(length, copied_from, -1)
            pieces.append(folded[copied_from:])
        self.text = "".join(pieces)

    def _run(self, start: int, original_start: int, original_end: int) -> None:
        self._starts.append(start)
        self._original_starts.append(original_start)
        self._original_ends.append(original_end)

    def original_span(self, start: int, end: int) -> Span:
        """The stretch of the original text that ``self.text[start:end]`` came from."""
        if end <= start:
            return Span(self._to_original(start), self._to_original(start))
        first = self._to_original(start)
        run = bisect_right(self._starts, end - 1) - 1
        last_end = self._original_ends[run]
        if last_end == -1:
            last_end = self._original_starts[run] + (end - self._starts[run])
        return Span(first, last_end)

    def _to_original(self, offset: int) -> int:
        if not self._starts or offset >= len(self.text):
            return len(self.original)
        run = bisect_right(self._starts, offset) - 1
        if self._original_ends[run] == -1:
            return self._original_starts[run] + (offset - self._starts[run])
        return self._original_starts[run]


def normalise(text: str) -> str:
    """``text`` as excerpts are compared: lower case, ``ё`` as ``е``, every quote mark
    as ``"``, every dash as ``-`` with no space around it, each run of spaces and
    line breaks as one space, no soft hyphens or zero-width characters, no space at
    either end."""
    return NormalText(text).text.strip(" ")
