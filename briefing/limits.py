"""Bounds on what a briefing file may contain, so that no file can hang the
program or exhaust memory. ``docs/format.md`` states the same numbers (a test
keeps them in sync).

The size limits are what the budgets of issue 11 hold for on a 2-core machine
(``benchmarks/bench_sizes.py`` and ``bench_tui_sizes.py`` make files at these
limits): ``briefing summary`` of any file within them in at most 10 s, and the
viewer never busy for more than 100 ms at a time, a search's count shown
within a second. A real briefing is tens of kilobytes, with tens of items a list.
"""

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Largest briefing file read, in bytes (4 MiB): enough for issue 10's briefing of
5,000 participants (3.8 MB); the viewer's search reads all its text at the first key."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists (the format itself needs 5)."""

MAX_LIST_ITEMS = 5_000
"""Most items in any one list (participants, figures, ...): the viewer lays out
only the rows on screen, and issue 10 measures search on 5,000 participants."""

MAX_TEXT_LENGTH = 10_000
"""Most characters in one text or string value (a title, a name, a paragraph), so
that laying out one value on screen stays within a keystroke's time (a text
of 100,000 characters took seconds); ``x-`` values, never shown, may be longer."""

MAX_NUMBER_DIGITS = 30
"""Most digits in a number, so a huge integer cannot stall conversion."""

MAX_SOURCE_TEXT_BYTES = 4 * 1024 * 1024
"""Largest source article (``source.text``) read, in bytes (4 MiB)."""

MAX_NODES = 200_000
"""Most values in a file (every key, scalar, list and mapping counts as one), so
that a file of tiny entries cannot take seconds to read or fill memory, nor a
file of many lists at their limit seconds to summarise."""

MAX_PROBLEMS = 1000
"""Most problems reported for one file; checking stops after that many."""
