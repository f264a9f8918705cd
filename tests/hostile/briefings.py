"""Hypothesis strategies: hostile text, and briefings holding it in every field."""

from __future__ import annotations

from hypothesis import strategies as st

TERMINAL_TROUBLE = [
    "\x1b",
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]0;t\x07",
    "\x1bc",
    "\x1b[?1049h",
    "\x9b",
    "\x9d",
    "\r",
    "\b",
    "\x7f",
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u061c",
    "\ufeff",
    "\u200b",
    "\u0301",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "[",
    "]",
    "[/",
    "[@click=app.quit]",
    "[link=x]",
    ":smile:",
    "\\",
    '"',
    "'",
    "#",
    ": ",
    "- ",
    "&a",
    "*a",
    "!x",
    "%",
    "@",
    "`",
    "|",
    ">",
    "{",
    "}",
    ",",
    "?",
    "~",
    "ℤ",
    "Ж",
    "中",
    "👩\u200d👩\u200d👧",
    "\U0010fffd",
]
"""Pieces that have troubled terminals, Rich, Textual or YAML."""

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(TERMINAL_TROUBLE),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=6),
    ),
    max_size=8,
).map("".join)
"""Any text without lone surrogates (which no file can hold), biased to trouble."""


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back exactly as ``text``."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif (
            0x20 <= code <= 0x7E
            or (
                0xA0 <= code <= 0xFFFD
                and code not in (0x2028, 0x2029, 0xFEFF)
                and not 0xD800 <= code <= 0xDFFF
            )
            or code > 0xFFFF
        ):
            out.append(char)  # YAML reads it as itself, raw
        else:
            out.append(f"\\U{code:08X}")
    out.append('"')
    return "".join(out)


TEXT_FIELDS = (
    "title",
    "location",
    "outlet",
    "attribution",
    "url",
    "summary",
    "name",
    "role",
    "organization",
    "country",
    "notes",
    "sector",
    "priority",
    "initiative",
    "label",
    "unit",
    "period",
    "note",
    "statement",
    "event",
    "outcome",
    "tag",
)


def briefing_yaml(texts: dict[str, str]) -> str:
    """A valid briefing with one item in each list and ``texts[F]`` in each field F."""
    q = {name: quoted(texts[name]) for name in TEXT_FIELDS}
    return (
        "briefing: 1\n"
        f"title: {q['title']}\n"
        f"location: {q['location']}\n"
        f"source: {{outlet: {q['outlet']}, attribution: {q['attribution']}, url: {q['url']}}}\n"
        f"summary: {q['summary']}\n"
        "participants:\n"
        f"  - {{id: p, name: {q['name']}, role: {q['role']}, organization: "
        f"{q['organization']}, country: {q['country']}, notes: {q['notes']}}}\n"
        "priorities:\n"
        f"  - {{sector: {q['sector']}, summary: {q['priority']}, initiatives: "
        f"[{q['initiative']}]}}\n"
        "figures:\n"
        f"  - {{label: {q['label']}, value: 35, unit: {q['unit']}, period: {q['period']}, "
        f"note: {q['note']}}}\n"
        "statements:\n"
        f"  - {{by: p, text: {q['statement']}}}\n"
        "timeline:\n"
        f"  - {{date: 2025-06, event: {q['event']}}}\n"
        f"outcomes: [{q['outcome']}]\n"
        f"tags: [{q['tag']}]\n"
    )


hostile_briefings = st.fixed_dictionaries({name: hostile_text for name in TEXT_FIELDS}).map(
    briefing_yaml
)
"""Valid briefings with hostile text in every field the reader sees."""
