"""``briefing diff OLD NEW``: changes matched by meaning, as a user reads them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_run import SAMPLE, run_cli
from tests.conftest import WriteBriefing

BASE = """\
briefing: 1
title: Talks in Astana
summary: |
  The ministers met in Astana to discuss transport, energy and trade across the
  Caspian, and agreed to meet again next year.
participants:
  - id: isetov
    name: Arman Isetov
    role: Deputy Minister
  - name: Türkiye
    kind: delegation
priorities:
  - sector: Transport
  - sector: Energy
  - sector: Trade
figures:
  - label: Investment
    value: 35000000000
    unit: USD
statements:
  - by: isetov
    text: Transport is one of the 29 priority areas of the agreement.
timeline:
  - date: 2025-12
    event: Ten years since the agreement was signed
outcomes:
  - Continue the projects
tags: [transport, energy]
"""


def write_pair(write_briefing: WriteBriefing, new: str) -> tuple[Path, Path]:
    return write_briefing(BASE, "old.yaml"), write_briefing(new, "new.yaml")


def test_the_same_briefing_has_no_differences(write_briefing: WriteBriefing) -> None:
    old, new = write_pair(write_briefing, BASE)
    result = run_cli("diff", old, new)
    assert result.returncode == 0
    assert result.stdout == "No differences.\n"


def test_a_copy_wrapped_again_by_hand_has_no_differences(write_briefing: WriteBriefing) -> None:
    rewrapped = BASE.replace("across the\n  Caspian", "across\n  the Caspian")
    old, new = write_pair(write_briefing, rewrapped)
    assert run_cli("diff", old, new).returncode == 0


def test_changes_are_matched_by_meaning_not_by_position(write_briefing: WriteBriefing) -> None:
    changed = (BASE
               .replace("id: isetov", "id: arman-isetov").replace("by: isetov", "by: arman-isetov")
               .replace("role: Deputy Minister", "role: Minister")
               .replace("  - sector: Transport\n  - sector: Energy\n",
                        "  - sector: Energy\n  - sector: Transport\n")
               .replace("value: 35000000000", "value: 36000000000")
               .replace("one of the 29 priority", "one of 29 priority")
               .replace("tags: [transport, energy]", "tags: [energy, transport, epca]")
               .replace("outcomes:\n  - Continue the projects\n", ""))
    old, new = write_pair(write_briefing, changed)
    result = run_cli("diff", old, new, "--width", "100")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "Participants",
        "  ~ Arman Isetov · id: isetov → arman-isetov",
        "  ~ Arman Isetov · role: Deputy Minister → Minister",
        "Sector priorities",
        "  ↕ Energy: 2 → 1",
        "  ↕ Transport: 1 → 2",
        "Key figures",
        "  ~ Investment · value: 35 bn → 36 bn (+2.9%)",
        "Statements",
        "  ~ Arman Isetov: Transport is one of 29 priority areas of the agreement. · by: isetov →",
        "    arman-isetov",
        "  ~ Arman Isetov: Transport is one of 29 priority areas of the agreement. · text: "
        "Transport is one",
        "    of [-the-] 29 priority areas of the agreement.",
        "Outcomes",
        "  - Continue the projects",
        "Tags",
        "  + epca",
        "Changes: 9 (added 1, removed 1, changed 5, moved 2)",
    ]


def test_a_priority_added_on_top_moves_no_other(write_briefing: WriteBriefing) -> None:
    old, new = write_pair(write_briefing, BASE.replace(
        "priorities:\n", "priorities:\n  - sector: Digital\n"))
    result = run_cli("diff", old, new)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Sector priorities", "  + Digital", "Changes: 1 (added 1)"]


def test_long_texts_change_word_by_word(
    write_briefing: WriteBriefing,
) -> None:
    old, new = write_pair(write_briefing, BASE.replace("Talks in Astana", "Talks held in Astana")
                          .replace("agreed to meet", "decided to meet"))
    result = run_cli("diff", old, new, "--width", "120")
    assert result.stdout.splitlines()[:3] == [
        "Summary",
        "  ~ title: Talks in Astana → Talks held in Astana",  # short: old and new whole
        "  ~ summary: … trade across the Caspian, and [-agreed-] {+decided+} to meet again "
        "next year.",
    ]


def test_json_lists_each_change_for_scripts(write_briefing: WriteBriefing) -> None:
    old, new = write_pair(write_briefing, BASE.replace("value: 35000000000", "value: 7"))
    result = run_cli("diff", old, new, "--json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["same"] is False
    assert document["changes"] == [{
        "section": "figures", "kind": "changed", "entry": "Investment", "field": "value",
        "old": "35 bn", "new": "7", "note": "-100.0%",
    }]


def test_an_invalid_version_is_reported_as_validate_does(write_briefing: WriteBriefing) -> None:
    old, new = write_pair(write_briefing, BASE.replace("title: Talks in Astana\n", ""))
    result = run_cli("diff", old, new)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{new}:1:1:" in result.stderr and "title" in result.stderr
    assert result.stderr == run_cli("validate", new).stderr


def test_changed_text_is_shown_literally(write_briefing: WriteBriefing) -> None:
    old, new = write_pair(write_briefing, BASE.replace(
        "role: Deputy Minister", 'role: "\\e[31mRed\\e[0m [bold]x[/bold]"'))
    result = run_cli("diff", old, new)
    assert "\x1b" not in result.stdout
    assert "␛[31mRed␛[0m [bold]x[/bold]" in result.stdout


def test_the_sample_in_russian_names_its_changes_in_russian(tmp_path: Path) -> None:
    changed = tmp_path / "new.yaml"
    article = SAMPLE.with_name("kazinform-eurasian-connectivity.ru.txt")
    (tmp_path / article.name).write_bytes(article.read_bytes())
    changed.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "value: 35000000000", "value: 36000000000"), encoding="utf-8")
    result = run_cli("diff", SAMPLE, changed)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Ключевые цифры"
    assert "value: 35 млрд → 36 млрд (+2.9%)" in result.stdout
    assert lines[-1] == "Изменений: 1 (изменено 1)"
