"""The library: every briefing under a folder, listed and searched through an index.

- :mod:`.files` lists the briefing files of a folder and their states;
- :mod:`.reading` reads one into what the index stores (:mod:`.entries` names it);
- :mod:`.terms` makes the words stored and the full-text query, from the
  in-document search's own analysis; :mod:`.hits` finds the matches and excerpts
  with the project's matcher;
- :mod:`.index` is the interface every backend implements (:class:`LibraryIndex`),
  with the incremental scan they share; :mod:`.sqlite_index` is the SQLite FTS5
  backend (:func:`open_library`);
- :mod:`.commands` prints ``briefing index`` and ``briefing search`` (the one
  module here that uses Rich).

No Textual import here: the library screen builds on this package.
"""

from __future__ import annotations

from .entries import (
    Entry,
    FacetCount,
    FacetKind,
    FileState,
    Filters,
    Hit,
    IndexedText,
    Problem,
    Result,
    ScanReport,
)
from .index import LibraryError, LibraryIndex
from .sqlite_index import open_library

__all__ = [
    "Entry",
    "FacetCount",
    "FacetKind",
    "FileState",
    "Filters",
    "Hit",
    "IndexedText",
    "LibraryError",
    "LibraryIndex",
    "Problem",
    "Result",
    "ScanReport",
    "open_library",
]
