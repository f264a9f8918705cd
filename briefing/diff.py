"""What changed between two versions of a briefing, matched by meaning: :func:`compare`.

Entries are matched by what they are, not where they stand: participants by ``id``
(else their name), figures by label, priorities by sector, statements by speaker and
text, timeline entries by date and event, outcomes and tags by text. A matched
entry whose fields differ is *changed* (each field with its old and new text); a
priority that keeps its sector but not its place is *moved*. Texts are compared in
every language; the change is shown in the outline's language when it changed there.

Both versions are read as outlines, so a field declared in the model is compared
with no change here. No Rich or Textual import: the CLI and the viewer draw it.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import NamedTuple

from .figures import compact_number
from .interface import Interface, interface
from .model import Text
from .outline import ITEM, Entry, Field, Outline, Section, split_paragraphs
from .safe_text import visible


class ChangeKind(StrEnum):
    """What happened to an entry or a field."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


class Change(NamedTuple):
    """One difference between the old and the new version."""

    section: Section
    kind: ChangeKind
    entry: str
    """How the entry is named (a participant's name, a figure's label...); ``""`` for
    the briefing's own fields (title, summary)."""
    field: str = ""
    """The field that changed (``value``, ``role``); ``""`` for a whole entry."""
    old: str = ""
    new: str = ""
    note: str = ""
    """A figure's relative change (``+2.9%``), a priority's ranks (``3 → 2``)."""


SECTION_TITLES = {
    Section.SUMMARY: "Summary",
    Section.PARTICIPANTS: "Participants",
    Section.PRIORITIES: "Sector priorities",
    Section.FIGURES: "Key figures",
    Section.STATEMENTS: "Statements",
    Section.TIMELINE: "Timeline",
    Section.OUTCOMES: "Outcomes",
    Section.SOURCE: "Source",
    Section.TAGS: "Tags",
}
"""Each section's heading, a message of the interface."""

_SPACES = re.compile(r"\s+")


def normalised(text: str) -> str:
    """``text`` for matching: letter case, ``ё``/``е`` and spacing do not count."""
    return _SPACES.sub(" ", text.casefold().replace("ё", "е")).strip()


def compare(old: Outline, new: Outline) -> list[Change]:
    """Every difference between ``old`` and ``new``, section by section, in reading order."""
    changes: list[Change] = []
    words = interface(new.language)
    for section in Section:
        if section is Section.SUMMARY or section is Section.SOURCE:
            changes += _fields(section, "", old.entry(section), new.entry(section), words)
            continue
        key = _KEYS.get(section, _item_key)
        olds, news = old.entries(section), new.entries(section)
        pairs, added, removed = _match(olds, news, key)
        if section is Section.PARTICIPANTS and added and removed:
            # An `id` renamed (or given for the first time): the same name is the same one.
            more, added, removed = _match_left(olds, news, added, removed, _name_key)
            pairs += more
        if section in _FUZZY:
            more, added, removed = _close(added, removed, news, olds)
            pairs += more
        name = _NAMES.get(section, _item_name)
        for number in removed:
            changes.append(Change(section, ChangeKind.REMOVED, name(olds[number])))
        for number in added:
            changes.append(Change(section, ChangeKind.ADDED, name(news[number])))
        # Where each of the entries both versions have stands among them: a priority
        # moved when that changed, not when another was added or removed above it.
        among_old = {was: place for place, (was, _) in enumerate(sorted(pairs))}
        for place, (was, now) in enumerate(sorted(pairs, key=lambda pair: pair[1])):
            before, after = olds[was], news[now]
            if section is Section.PRIORITIES and among_old[was] != place:
                changes.append(Change(section, ChangeKind.MOVED, name(after),
                                      note=f"{was + 1} → {now + 1}"))
            changes += _fields(section, name(after), before, after, words)
    return changes


def _match(
    olds: tuple[Entry, ...], news: tuple[Entry, ...], key: Callable[[Entry], str],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs of entries with the same key (each used once, in order), and the
    numbers of the new entries and old entries left without one."""
    waiting: dict[str, list[int]] = {}
    for number, entry in enumerate(olds):
        waiting.setdefault(key(entry), []).append(number)
    pairs, added = [], []
    for number, entry in enumerate(news):
        candidates = waiting.get(key(entry))
        if candidates:
            pairs.append((candidates.pop(0), number))
        else:
            added.append(number)
    removed = sorted(number for numbers in waiting.values() for number in numbers)
    return pairs, added, removed


def _match_left(
    olds: tuple[Entry, ...], news: tuple[Entry, ...], added: list[int], removed: list[int],
    key: Callable[[Entry], str],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """:func:`_match` again, by ``key``, among the entries left without a pair."""
    pairs, still_added, still_removed = _match(
        tuple(olds[number] for number in removed), tuple(news[number] for number in added), key)
    return ([(removed[was], added[now]) for was, now in pairs],
            [added[now] for now in still_added], [removed[was] for was in still_removed])


SIMILAR = 0.6
"""How alike two texts of one speaker (or of one date) must be to be one entry changed."""


def _close(
    added: list[int], removed: list[int], news: tuple[Entry, ...], olds: tuple[Entry, ...],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair a removed and an added statement (or timeline entry) of the same speaker
    (or date) whose texts are alike: one entry reworded, not one gone and one new."""
    pairs = []
    left = list(removed)
    still_added = []
    for now in added:
        after = news[now]
        best, best_ratio = None, SIMILAR
        for was in left:
            before = olds[was]
            if _anchor(before) != _anchor(after):
                continue
            ratio = difflib.SequenceMatcher(
                None, _main_text(before), _main_text(after), autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = was, ratio
        if best is None:
            still_added.append(now)
        else:
            left.remove(best)
            pairs.append((best, now))
    return pairs, still_added, left


def _fields(
    section: Section, name: str, before: Entry | None, after: Entry | None,
    words: Callable[[str], str],
) -> Iterator[Change]:
    """The fields that differ between two versions of one entry; ``words`` translates
    a number's multiplier (``bn``)."""
    old_fields = before.fields if before is not None else {}
    new_fields = after.fields if after is not None else {}
    for field_name in dict.fromkeys([*old_fields, *new_fields]):
        if field_name in _NOT_COMPARED:
            continue
        old, new = old_fields.get(field_name), new_fields.get(field_name)
        if old is not None and new is not None and old.value == new.value:
            continue
        if field_name == "value" and old is not None and new is not None:
            yield _value_change(section, name, old, new, words)
            continue
        old_text, new_text = _changed_texts(old, new)
        if old_text == new_text:
            continue
        yield Change(section, ChangeKind.CHANGED, name, field_name, old_text, new_text)


_NOT_COMPARED = {"speaker.name", "speaker.role", "article"}
"""Fields shown with an entry but another entry's (a statement's speaker), or read
from another file (the article)."""


def _changed_texts(old: Field | None, new: Field | None) -> tuple[str, str]:
    """The old and new text of a field as shown (made safe, paragraphs by the one rule,
    so text wrapped again by hand is no change), in the outline's language; when only
    another language changed, in that one, marked with its tag."""
    old_text = old.shown if old is not None else ""
    new_text = new.shown if new is not None else ""
    if old_text != new_text or old is None or new is None:
        return old_text, new_text
    if isinstance(old.value, Text) and isinstance(new.value, Text):
        for language in dict.fromkeys([*old.value.values, *new.value.values]):
            was = _shown(old.value.values.get(language, ""))
            now = _shown(new.value.values.get(language, ""))
            if was != now:
                return f"[{visible(language)}] {was}", f"[{visible(language)}] {now}"
    return old_text, new_text


def _shown(text: str) -> str:
    return "\n\n".join(split_paragraphs(text))


def _value_change(
    section: Section, name: str, old: Field, new: Field, words: Callable[[str], str],
) -> Change:
    """A figure's value changed: short numbers, and the change relative to the old one."""
    before, after = old.value, new.value
    note = ""
    if before:
        note = f"{(after - before) / abs(before) * 100:+.1f}%"
    return Change(section, ChangeKind.CHANGED, name, "value", compact_number(before, words),
                  compact_number(after, words), note)


def _text_of(entry: Entry, name: str) -> str:
    """The original-language text of field ``name`` (the same key in every outline)."""
    field = entry.field(name)
    if field is None:
        return ""
    return field.value.get() if isinstance(field.value, Text) else field.text


def _participant_key(entry: Entry) -> str:
    return f"id:{entry.id}" if entry.id else _name_key(entry)


def _name_key(entry: Entry) -> str:
    return f"name:{normalised(_text_of(entry, 'name'))}"


def _statement_key(entry: Entry) -> str:
    return f"{_anchor(entry)}\n{_main_text(entry)}"


def _timeline_key(entry: Entry) -> str:
    return f"{_anchor(entry)}\n{_main_text(entry)}"


def _item_key(entry: Entry) -> str:
    return normalised(_text_of(entry, ITEM))


def _anchor(entry: Entry) -> str:
    """What a reworded statement or timeline entry keeps: its speaker or its date."""
    if entry.section is Section.STATEMENTS:
        # The speaker's name, not the `by` that names them: an id may be renamed.
        return normalised(_text_of(entry, "speaker.name") or entry.text("by"))
    return entry.text("date")


def _main_text(entry: Entry) -> str:
    return normalised(_text_of(entry, "text" if entry.section is Section.STATEMENTS
                               else "event"))


_KEYS: dict[Section, Callable[[Entry], str]] = {
    Section.PARTICIPANTS: _participant_key,
    Section.PRIORITIES: lambda entry: normalised(_text_of(entry, "sector")),
    Section.FIGURES: lambda entry: normalised(_text_of(entry, "label")),
    Section.STATEMENTS: _statement_key,
    Section.TIMELINE: _timeline_key,
}
"""How each section's entries are matched; outcomes and tags by their text."""

_FUZZY = {Section.STATEMENTS, Section.TIMELINE}
"""Sections whose unmatched entries are paired again when their texts are alike."""


def _item_name(entry: Entry) -> str:
    return entry.text(ITEM)


def _statement_name(entry: Entry) -> str:
    speaker = entry.text("speaker.name") or entry.text("by")
    text = entry.text("text")
    return f"{speaker}: {text[:60]}…" if len(text) > 60 else f"{speaker}: {text}"


_NAMES: dict[Section, Callable[[Entry], str]] = {
    Section.PARTICIPANTS: lambda entry: entry.text("name"),
    Section.PRIORITIES: lambda entry: entry.text("sector"),
    Section.FIGURES: lambda entry: entry.text("label"),
    Section.STATEMENTS: _statement_name,
    Section.TIMELINE: lambda entry: f"{entry.text('date')} {entry.text('event')}",
}
"""How a change names each section's entries, in the outline's language."""


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` to ``new`` word by word: ``(" ", kept)``, ``("-", removed)``,
    ``("+", added)`` runs, each a text with its spacing."""
    before, after = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            runs.append((" ", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("-", "".join(before[a1:a2])))
        if b2 > b1:
            runs.append(("+", "".join(after[b1:b2])))
    return runs


def totals_line(changes: list[Change], t: Interface) -> str:
    """``Changes: 4 (added 1, removed 1, changed 2)``, or that there are none."""
    if not changes:
        return t("No differences.")
    counts = Counter(change.kind for change in changes)
    parts = [t(f"{kind} {{count}}", count=counts[kind]) for kind in ChangeKind if counts[kind]]
    return t("Changes: {count} ({details})", count=len(changes), details=", ".join(parts))


def changes_note(changes: list[Change], t: Interface) -> str:
    """What changed, by section, in a line: ``Key figures: changed 2; Participants:
    added 1`` (for a notification when the file is read again)."""
    by_section: dict[Section, Counter[ChangeKind]] = {}
    for change in changes:
        by_section.setdefault(change.section, Counter())[change.kind] += 1
    return "; ".join(
        f"{t(SECTION_TITLES[section])}: " + ", ".join(
            t(f"{kind} {{count}}", count=counts[kind]) for kind in ChangeKind if counts[kind])
        for section, counts in by_section.items())
