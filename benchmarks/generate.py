"""Generate large, valid briefings for the benchmarks (deterministic)."""

from __future__ import annotations

import random

_RU = [
    "транспорт",
    "коридор",
    "энергетика",
    "торговля",
    "инвестиции",
    "партнерство",
    "сотрудничество",
    "развитие",
    "инфраструктура",
    "логистика",
    "министр",
    "встреча",
    "соглашение",
    "регион",
    "маршрут",
]
_EN = [
    "transport",
    "corridor",
    "energy",
    "trade",
    "investment",
    "partnership",
    "cooperation",
    "development",
    "infrastructure",
    "logistics",
    "minister",
    "meeting",
    "agreement",
    "region",
    "route",
]


def _phrase(rng: random.Random, words: list[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count)).capitalize()


def _text(rng: random.Random, count: int, ru_prefix: str = "", en_prefix: str = "") -> str:
    ru = f"{ru_prefix}{_phrase(rng, _RU, count)}"
    en = f"{en_prefix}{_phrase(rng, _EN, count)}"
    return f'{{ru: "{ru}", en: "{en}"}}'


def generate(participants: int, figures: int, statements: int, seed: int = 1) -> str:
    """A valid briefing with the given numbers of items, in Russian and English.

    Participant ``n`` is named "Участник n ..." / "Participant n ...", so that a
    benchmark can search for one.
    """
    rng = random.Random(seed)
    lines = [
        "briefing: 1",
        "language: ru",
        "title: {ru: Большой брифинг о транспортном коридоре, en: A big corridor briefing}",
        "date: 2025-11",
        f"summary: {_text(rng, 60)}",
        "participants:",
    ]
    for index in range(participants):
        lines += [
            f"  - id: p{index}",
            f"    name: {_text(rng, 2, f'Участник {index} ', f'Participant {index} ')}",
            f"    role: {_text(rng, 4)}",
            f"    organization: {_text(rng, 3)}",
            f"    country: {_text(rng, 1)}",
        ]
    lines.append("priorities:")
    for _ in range(max(1, figures // 20)):
        lines += [
            f"  - sector: {_text(rng, 2)}",
            f"    summary: {_text(rng, 20)}",
            f"    initiatives: [{_text(rng, 3)}, {_text(rng, 3)}]",
        ]
    lines.append("figures:")
    for index in range(figures):
        lines += [
            f"  - label: {_text(rng, 4)}",
            f"    value: {rng.randint(1, 10**9)}",
            "    unit: {ru: млн, en: m}" if index % 2 else "    unit: {ru: тонн, en: tonnes}",
            f"    period: '{2000 + index % 25}'",
        ]
    lines.append("statements:")
    for index in range(statements):
        lines += [
            f"  - by: p{index % max(1, participants)}",
            f"    text: {_text(rng, 25)}",
            f'    evidence: "{_phrase(rng, _RU, 10)}"',
        ]
    lines.append("outcomes:")
    lines += [f"  - {_text(rng, 12)}" for _ in range(20)]
    return "\n".join(lines) + "\n"


def generate_size(target_bytes: int) -> str:
    """A valid briefing of about ``target_bytes`` bytes."""
    scale = 1
    while True:  # sizes grow a little faster than linearly (longer ids), so step up
        text = generate(100 * scale, 40 * scale, 20 * scale)
        size = len(text.encode())
        if size >= target_bytes:
            return text
        scale = max(scale + 1, int(scale * target_bytes / size * 1.02))


# ---------------------------------------------------------------------------
# The shapes of issue 11: files inside every limit that are costly to lay out.

_HEAD = "briefing: 1\nlanguage: en\ntitle: A briefing of one shape\nsummary: Generated.\n"


def generate_notes(participants: int = 35, lines: int = 45_000, *, blank: bool = False) -> str:
    """``participants`` participants whose notes are ``lines`` one-letter lines each
    (35 x 45,000 is about 12 MB). With ``blank``, a blank line follows each, so
    each letter is a paragraph of its own (half as many letters, same lines)."""
    letters = lines // 2 if blank else lines
    line = "      a\n\n" if blank else "      a\n"
    note = line * letters
    parts = [_HEAD, "participants:\n"]
    for index in range(participants):
        parts.append(f"  - name: Participant {index}\n    role: Observer\n    notes: |\n{note}")
    return "".join(parts)


def generate_participants(count: int = 60_000) -> str:
    """``count`` participants with a short name, role, organization and country each
    (60,000 is about 9 MB)."""
    rng = random.Random(count)
    parts = [_HEAD, "participants:\n"]
    for index in range(count):
        parts.append(
            f"  - name: Participant {index} {_phrase(rng, _EN, 2)}\n"
            f"    role: {_phrase(rng, _EN, 4)}\n"
            f"    organization: {_phrase(rng, _EN, 3)}\n"
            f"    country: {_phrase(rng, _EN, 1)}\n")
    return "".join(parts)


def generate_figures(count: int = 100_000) -> str:
    """``count`` figures with a label, a value (of either sign) and a unit each
    (100,000 is about 8 MB)."""
    rng = random.Random(count)
    parts = [_HEAD, "figures:\n"]
    for index in range(count):
        value = rng.randint(-10**9, 10**10)
        parts.append(f"  - label: Figure {index} {_phrase(rng, _EN, 3)}\n"
                     f"    value: {value}\n"
                     f"    unit: {'USD' if index % 2 else 'tonnes'}\n")
    return "".join(parts)
