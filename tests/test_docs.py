"""docs/format.md agrees with the code: limits, field tables, examples, schema line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import limits, model
from briefing.errors import BriefingError
from briefing.loader import loads
from briefing.model import FieldSpec, Kind, RecordSpec
from briefing.starter import STARTER

ROOT = Path(__file__).resolve().parent.parent
DOC_PATH = ROOT / "docs" / "format.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="

RECORDS: dict[str, RecordSpec] = {
    value.name: value for value in vars(model).values() if isinstance(value, RecordSpec)
}
LIMITS: dict[str, int] = {
    name: value
    for name, value in vars(limits).items()
    if name.startswith("MAX_") and isinstance(value, int)
}

# -- reading the document -----------------------------------------------------


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table_after(marker: str) -> list[list[str]]:
    """The rows (header and separator left out) of the table that follows ``marker``."""
    lines = DOC[DOC.index(marker) + len(marker) :].lstrip("\n").splitlines()
    assert lines and lines[0].startswith("|"), f"no table right after {marker}"
    rows = []
    for line in lines[2:]:
        if not line.startswith("|"):
            break
        rows.append(_cells(line))
    return rows


def _field_tables() -> dict[str, list[list[str]]]:
    """Each ``<!-- fields: NAME -->`` marker's record name, with its table's rows."""
    names = re.findall(r"<!-- fields: (.+?) -->", DOC)
    assert len(names) == len(set(names)), f"a record's field table appears twice: {names}"
    return {name: _table_after(f"<!-- fields: {name} -->") for name in names}


def _code_blocks() -> list[tuple[str, str, str]]:
    """Every fenced block as (text before the fence, info string, content)."""
    pattern = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
    return [
        (DOC[: found.start()], found.group(1), found.group(2)) for found in pattern.finditer(DOC)
    ]


def _is_complete_briefing(content: str) -> bool:
    """A YAML block whose first line that is not a comment is ``briefing: 1``."""
    for line in content.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip() == "briefing: 1"
    return False


def _invalid_marker(before: str) -> str | None:
    """The file name of an ``<!-- invalid: NAME -->`` marker right before a block."""
    found = re.search(r"<!-- invalid: (\S+) -->\s*\Z", before)
    return found.group(1) if found else None


# -- 1. limits ----------------------------------------------------------------


def _limit_value(written: str) -> int:
    """A limit as the doc writes it: ``16 MiB``, ``4 KiB``, ``100,000``, ``30``."""
    found = re.fullmatch(r"(\d{1,3}(?:,\d{3})*|\d+)(?: (MiB|KiB|bytes))?", written)
    assert found, f"limit written in an unexpected form: {written!r}"
    number = int(found.group(1).replace(",", ""))
    return number * {"MiB": 2**20, "KiB": 2**10}.get(found.group(2) or "", 1)


def _doc_limits() -> dict[str, int]:
    documented: dict[str, int] = {}
    for row in _table_after("<!-- limits -->"):
        assert len(row) == 3, f"a limits row needs 3 cells: {row}"
        constant = row[1].strip("`")
        assert constant not in documented, f"{constant} is listed twice"
        documented[constant] = _limit_value(row[2])
    return documented


def test_the_limits_module_has_limits() -> None:
    assert LIMITS, "briefing.limits defines no MAX_ constants"


def test_limits_table_lists_exactly_the_limits_of_the_code() -> None:
    assert _doc_limits() == LIMITS


def test_limits_table_is_under_the_limits_heading() -> None:
    limits_section = DOC.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    assert "<!-- limits -->" in limits_section


# -- 2. field tables ----------------------------------------------------------


def _expected_type(field: FieldSpec) -> str:
    """How the Type column starts for a field of this kind."""
    kinds = {
        Kind.TEXT: "Text",
        Kind.STRING: "string",
        Kind.VERSION: "integer",
        Kind.NUMBER: "number",
        Kind.DATE: "date",
        Kind.LANGUAGE: "language tag",
        Kind.SLUG: "id",
        Kind.PATH: "path",
        Kind.TEXT_LIST: "list of Text",
        Kind.STRING_LIST: "list of strings",
        Kind.RECORD: "mapping",
        Kind.RECORD_LIST: "list of",
    }
    if field.kind is Kind.CHOICE:
        *rest, last = (f"`{choice}`" for choice in field.choices)
        return f"{', '.join(rest)} or {last}"
    return kinds[field.kind]


def test_every_record_of_the_model_has_a_field_table() -> None:
    assert set(_field_tables()) == set(RECORDS)


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_field_table_lists_exactly_the_fields_of_the_model(record: str) -> None:
    rows = _field_tables()[record]
    documented = [row[0].strip("`") for row in rows]
    assert documented == [field.name for field in RECORDS[record].fields]


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_field_table_matches_kind_required_and_description(record: str) -> None:
    spec = RECORDS[record]
    for row in _field_tables()[record]:
        assert len(row) == 4, f"{record}: a field row needs 4 cells: {row}"
        key, type_, required, meaning = row
        field = spec.field(key.strip("`"))
        assert field is not None, f"{record}: the docs list `{key}`, which the model lacks"
        assert type_.startswith(_expected_type(field)), (record, key, type_)
        if field.kind in (Kind.RECORD, Kind.RECORD_LIST):
            assert field.record is not None
            assert field.record.name.lower() in type_.lower(), (record, key, type_)
        assert required == ("yes" if field.required else "no"), (record, key, required)
        assert meaning.startswith(field.description), (record, key, meaning)


def test_every_field_name_of_the_model_is_documented() -> None:
    documented = {row[0].strip("`") for rows in _field_tables().values() for row in rows}
    in_model = {field.name for spec in RECORDS.values() for field in spec.fields}
    assert documented == in_model


# -- 3. examples --------------------------------------------------------------


def _yaml_briefings() -> list[tuple[str | None, str]]:
    return [
        (_invalid_marker(before), content)
        for before, info, content in _code_blocks()
        if info == "yaml" and _is_complete_briefing(content)
    ]


def test_docs_have_a_complete_example_and_an_invalid_one() -> None:
    markers = [marker for marker, _ in _yaml_briefings()]
    assert None in markers, "no complete briefing example"
    assert any(marker is not None for marker in markers), "no invalid example"


@pytest.mark.parametrize(
    "content",
    [content for marker, content in _yaml_briefings() if marker is None],
)
def test_complete_example_loads(content: str) -> None:
    briefing = loads(content, "docs-example.yaml")
    assert briefing.version == model.FORMAT_VERSION


def _invalid_examples() -> list[tuple[str, str, list[str]]]:
    """Each invalid example: file name, YAML, and the lines the console block shows."""
    blocks = _code_blocks()
    examples = []
    for index, (before, info, content) in enumerate(blocks):
        name = _invalid_marker(before)
        if info != "yaml" or name is None:
            continue
        assert index + 1 < len(blocks), f"no output shown for {name}"
        _, next_info, output = blocks[index + 1]
        lines = output.splitlines()
        assert next_info == "console" and lines[0] == f"$ briefing validate {name}", name
        examples.append((name, content, lines[1:]))
    return examples


@pytest.mark.parametrize(("name", "content", "shown"), _invalid_examples())
def test_invalid_example_gives_the_messages_shown(
    name: str, content: str, shown: list[str]
) -> None:
    with pytest.raises(BriefingError) as caught:
        loads(content, name)
    assert [str(problem) for problem in caught.value.problems] == shown


# -- 4. editor support --------------------------------------------------------


def test_docs_show_the_schema_line() -> None:
    lines = [line for line in DOC.splitlines() if line.startswith(SCHEMA_LINE_PREFIX)]
    assert lines, "the docs do not show the yaml-language-server schema line"
    for line in lines:
        assert line.endswith("schema/briefing.schema.json"), line


def test_the_schema_the_docs_point_at_is_shipped() -> None:
    assert (ROOT / "schema" / "briefing.schema.json").is_file()
    assert "`briefing schema`" in DOC


def test_starter_begins_with_the_schema_line_the_docs_describe() -> None:
    assert STARTER.startswith(SCHEMA_LINE_PREFIX)
