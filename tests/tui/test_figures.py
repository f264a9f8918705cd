"""The Figures panel: values as written, and bars that tell negative from positive."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.panels.figures_panel import NEGATIVE

from .conftest import make_app, screen_text

MIXED_SIGNS = """\
briefing: 1
title: Signs
language: en
summary: Figures of both signs.
figures:
  - {label: Exports, value: 12345678901234567890, unit: USD}
  - {label: Deficit, value: -6172839450617283945, unit: USD}
  - {label: Rate, value: 0.1, unit: "%"}
  - {label: Change, value: -2.675, unit: "%"}
"""


def bars(text: str, label: str) -> str:
    """The bar drawn under the figure ``label``: the line with a bar after it."""
    lines = text.splitlines()
    start = next(number for number, line in enumerate(lines) if label in line)
    return next(line for line in lines[start + 1:] if "█" in line or NEGATIVE in line)


async def test_negative_values_draw_a_distinct_bar(tmp_path: Path) -> None:
    path = tmp_path / "signs.yaml"
    path.write_text(MIXED_SIGNS, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        text = screen_text(app).replace("\u202f", " ")  # digits are grouped by thin spaces
        # The digits the file has, none invented by a float.
        assert "12 345 678 901 234 567 890 USD" in text
        assert "-6 172 839 450 617 283 945 USD" in text
        assert "0.1 %" in text and "-2.675 %" in text
        exports, deficit = bars(text, "Exports"), bars(text, "Deficit")
        assert "█" in exports and NEGATIVE not in exports
        assert NEGATIVE in deficit and "█" not in deficit and "-" + NEGATIVE in deficit
        # Half the largest of its unit: about half as long.
        assert 0.4 < deficit.count(NEGATIVE) / exports.count("█") < 0.6
        change = bars(text, "Change")
        assert NEGATIVE in change and "█" not in change
