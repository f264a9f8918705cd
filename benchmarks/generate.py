"""Generate large, valid briefings for the benchmarks (deterministic)."""

from __future__ import annotations

import random

_WORDS = [
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


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize()


def _text(rng: random.Random, words: int) -> str:
    return f'{{ru: "{_phrase(rng, words)}", en: "{_phrase(rng, words)}"}}'


def generate(participants: int, figures: int, statements: int, seed: int = 1) -> str:
    """A valid briefing with the given numbers of items, in Russian and English."""
    rng = random.Random(seed)
    lines = [
        "briefing: 1",
        "language: ru",
        f"title: {_text(rng, 8)}",
        "date: 2025-11",
        f"summary: {_text(rng, 60)}",
        "participants:",
    ]
    for index in range(participants):
        lines += [
            f"  - id: p{index}",
            f"    name: {_text(rng, 2)}",
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
            "    unit: {ru: млн, en: m}",
            f"    period: '{2000 + index % 25}'",
        ]
    lines.append("statements:")
    for index in range(statements):
        lines += [
            f"  - by: p{index % max(1, participants)}",
            f"    text: {_text(rng, 25)}",
            f'    evidence: "{_phrase(rng, 10)}"',
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
