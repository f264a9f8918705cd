"""The commented starter briefing that ``briefing new`` prints or writes."""

from __future__ import annotations

STARTER = """\
# yaml-language-server: $schema=@SCHEMA@
# A briefing: one event, condensed. The line above lets an editor with the YAML
# language server check and complete this file (`briefing schema` prints it).
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


def starter_text(schema_location: str) -> str:
    """The starter briefing, its schema line pointing at ``schema_location``."""
    return STARTER.replace("@SCHEMA@", schema_location, 1)
