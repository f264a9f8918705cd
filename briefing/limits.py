"""Bounds on what a briefing file may contain, so that no file can hang the
program or exhaust memory. ``docs/format.md`` states the same numbers (a test
keeps them in sync)."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Largest briefing file read, in bytes (16 MiB)."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and lists (the format itself needs 5)."""

MAX_LIST_ITEMS = 100_000
"""Most items in any one list (participants, figures, ...)."""

MAX_TEXT_LENGTH = 100_000
"""Most characters in one text or string value (a title, a name, a paragraph), so
that one value cannot take gigabytes to lay out; ``x-`` values, never shown, may
be longer."""

MAX_NUMBER_DIGITS = 30
"""Most digits in a number, so a huge integer cannot stall conversion."""

MAX_SOURCE_TEXT_BYTES = 4 * 1024 * 1024
"""Largest source article (``source.text``) read, in bytes (4 MiB)."""

MAX_NODES = 750_000
"""Most values in a file (every key, scalar, list and mapping counts as one), so
that a file of tiny entries cannot take seconds to read or fill memory."""

MAX_PROBLEMS = 1000
"""Most problems reported for one file; checking stops after that many."""
