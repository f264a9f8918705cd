"""The commented starter briefing that ``briefing new`` prints or writes, and
where its schema line points."""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_FILE = "briefing.schema.json"
SCHEMA_PLACES = (SCHEMA_FILE, f"schema/{SCHEMA_FILE}")
"""Where, in a folder, a copy of the schema is looked for: saved by ``briefing schema
-o briefing.schema.json``, or in a ``schema`` folder as in this repository."""
LEVELS_UP = 3
"""How many folders above the briefing's own are searched for the schema."""

_SCHEMA_LINE = """\
# yaml-language-server: $schema=@SCHEMA@
# A briefing: one event, condensed. The line above lets an editor with the YAML
# language server check and complete this file (`briefing schema` prints it).
"""

_NO_SCHEMA_LINE = f"""\
# A briefing: one event, condensed. To have an editor with the YAML language
# server check and complete this file as you type, save the format's schema
# beside it with `briefing schema -o {SCHEMA_FILE}`, then make this the
# first line of the file:
#   # yaml-language-server: $schema={SCHEMA_FILE}
"""

_BODY = """\
# Check it with `briefing validate FILE`; read it with `briefing FILE`.
#
# Any human-readable field may be plain text, in the briefing's `language`:
#     title: Kazakhstan and the EU
# or a map from language to text:
#     title: {ru: Казахстан и ЕС, en: Kazakhstan and the EU}
# Quote a value that contains ": " (title: "Kazakhstan: the EU").

briefing: 1                       # format version
language: en                      # language of the original text (ru, en, kk, tr, ...)
title: Title of the event
date: 2025-01                     # YYYY, YYYY-MM or YYYY-MM-DD; leave out if unknown
location: City, country

source:
  outlet: Name of the outlet
  attribution: Whom the outlet cites
  url: https://example.org/article
  published: 2025-01-15
  # text: article.txt             # the article's text, beside this file

summary: |
  What happened, in a few sentences.

  A blank line starts a new paragraph.

participants:
  - id: jdoe                      # short id that statements use in `by`
    name: Jane Doe
    role: Minister of Foreign Affairs
    organization: Ministry of Foreign Affairs
    country: Exampleland
    kind: person                  # person, delegation, organization or group

priorities:                       # most important first
  - sector: Transport
    summary: What was said about it.
    initiatives:
      - A named project
    evidence: A sentence copied word for word from the article.

figures:
  - label: Investment in transport
    value: 35000000000            # a plain number
    unit: USD
    display: "$35 bn"             # how to show it
    period: 2015-2025
    evidence: A sentence copied word for word from the article.

statements:
  - by: jdoe
    text: What Jane Doe said.
    evidence: A sentence copied word for word from the article.

timeline:
  - date: 2025-01-15
    event: What happened that day.

outcomes:
  - What was agreed.

tags: [example]
"""

STARTER = _SCHEMA_LINE + _BODY
"""The starter, its schema line's location ``@SCHEMA@``."""


def starter_text(schema_location: str | None) -> str:
    """The starter briefing, its schema line pointing at ``schema_location``; with
    ``None``, comments saying how to save the schema and point at it instead."""
    if schema_location is None:
        return _NO_SCHEMA_LINE + _BODY
    return STARTER.replace("@SCHEMA@", schema_location, 1)


def schema_reference(folder: Path) -> str | None:
    """The path, relative to ``folder``, of the nearest copy of the schema: in
    ``folder`` or up to ``LEVELS_UP`` folders above it, at one of ``SCHEMA_PLACES``.
    ``None`` if there is none.

    Relative, so that it still holds when the folder is moved or shared with its
    schema; never the copy inside the installed program, which is neither.
    """
    # Not resolved: an editor takes the path relative to the folder as it was named,
    # through any symbolic link in it.
    start = Path(os.path.abspath(folder))
    for level, ancestor in enumerate([start, *start.parents][: LEVELS_UP + 1]):
        for place in SCHEMA_PLACES:
            if (ancestor / place).is_file():
                return "../" * level + place
    return None
