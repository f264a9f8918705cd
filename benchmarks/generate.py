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
