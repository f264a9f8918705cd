"""One entry of a briefing as plain text, for the clipboard: :func:`entry_text`.

What the viewer's ``c`` copies: a participant with role, organisation and country;
a priority with its initiatives; a figure with its value; a statement with its
speaker; and, when the entry has one, its evidence excerpt. Texts are as the
outline shows them (made safe), in its language.
"""

from __future__ import annotations

from ..figures import figure_headline
from ..interface import Interface
from ..outline import ITEM, Entry, Section, list_items


def entry_text(entry: Entry, t: Interface) -> str:
    """``entry`` as a few lines of plain text; ``t`` gives the interface's words."""
    lines = _lines(entry, t)
    evidence = entry.text("evidence")
    if evidence:
        lines.append(t("Evidence: {excerpt}", excerpt=f"“{evidence}”"))
    return "\n".join(line for line in lines if line)


def _lines(entry: Entry, t: Interface) -> list[str]:
    text = entry.text
    section = entry.section
    if section is Section.PARTICIPANTS:
        name = text("name")
        kind = text("kind")
        if kind and kind != "person":
            name += f" ({t(kind)})"
        details = ", ".join(part for part in (text("role"), text("organization"),
                                              text("country")) if part)
        return [f"{name} — {details}" if details else name, text("notes")]
    if section is Section.PRIORITIES:
        return [f"{entry.number + 1}. {text('sector')}", text("summary"),
                *(f"• {item.shown}" for item in list_items(entry, "initiatives"))]
    if section is Section.FIGURES:
        value = entry.fields["value"]
        headline = figure_headline(text("display") or None, value.value, t)
        exact = " ".join(part for part in (value.shown, text("unit")) if part)
        if text("period"):
            exact += f" · {text('period')}"
        return [f"{headline} — {text('label')}", exact, text("note")]
    if section is Section.STATEMENTS:
        speaker = text("speaker.name") or text("by")
        if text("speaker.role"):
            speaker += f", {text('speaker.role')}"
        return [f"{speaker}:", text("text")]
    if section is Section.TIMELINE:
        return [f"{text('date')} {text('event')}"]
    if section is Section.SUMMARY:
        where = " · ".join(part for part in (text("date"), text("location")) if part)
        return [text("title"), where, "", text("summary")]
    if section is Section.SOURCE:
        return [text("outlet"), text("attribution"), text("url"), text("published")]
    return [text(ITEM)]
