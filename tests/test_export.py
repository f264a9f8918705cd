"""``briefing export``: Markdown, HTML, JSON, text and SVG, as a user gets them."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from briefing.export import FORMATS, export
from briefing.loader import load
from briefing.outline import Outline
from tests.cli_run import SAMPLE, run_cli
from tests.conftest import WriteBriefing

HOSTILE_TEXTS = [
    "*bold* _em_ **strong** ~~gone~~ `code`",
    "# not a heading",
    "1. not a list",
    "- not an item",
    "+ nor this",
    "=== nor an underline",
    "a | b | c",
    "[click](javascript:alert(1)) ![img](http://evil.example/x.png)",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "</style><b>bold</b>",
    "&amp; &lt; entity",
    ":smile: $x^2$ \\backslash",
]
"""Texts that mean something in Markdown or HTML, and must be shown as written."""


def hostile_briefing(write_briefing: WriteBriefing, url: str = "javascript:alert(1)") -> Path:
    """A briefing whose every kind of text holds one of :data:`HOSTILE_TEXTS`."""
    texts = iter(HOSTILE_TEXTS)

    def quoted() -> str:
        return "'" + next(texts).replace("'", "''") + "'"

    return write_briefing(f"""\
briefing: 1
title: {quoted()}
summary: {quoted()}
source:
  outlet: {quoted()}
  url: '{url}'
participants:
  - id: p1
    name: {quoted()}
    role: {quoted()}
priorities:
  - sector: {quoted()}
    initiatives: [{quoted()}]
figures:
  - label: {quoted()}
    value: 12
    display: {quoted()}
statements:
  - by: p1
    text: {quoted()}
outcomes: [{quoted()}]
timeline:
  - date: 2025-01-02
    event: {quoted()}
tags: [{quoted()}]
""")


class _Page(HTMLParser):
    """What a browser would make of an HTML page: its elements and visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "link", "img"}:
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not {"style", "title"} & set(self._in):
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    @property
    def visible(self) -> str:
        return "".join(self.text)


def parse_html(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def markdown_to_html(text: str) -> str:
    """Markdown as GitHub would render it (CommonMark with tables and strike-through)."""
    rendered: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    return rendered


def outline_of(path: Path, language: str | None = None) -> Outline:
    return Outline(load(path), language)


# -- Markdown ------------------------------------------------------------------


def test_markdown_of_the_sample_has_a_heading_per_section_and_a_participants_table() -> None:
    html = parse_html(markdown_to_html(export(outline_of(SAMPLE, "en"), "md")))
    headings = [data for data in html.text if data.strip()]
    assert [attrs for attrs in html.tags("h1")] == [{}]
    assert "Developing Eurasian ties" in html.visible
    for section in ("Summary", "Participants", "Sector priorities", "Key figures",
                    "Statements", "Outcomes", "Tags"):
        assert section in headings
    assert len(html.tags("tr")) == 1 + len(load(SAMPLE).participants)
    assert "35 000 000 000" in html.visible.replace("\u202f", " ")


def test_markdown_shows_every_text_of_the_file_literally(
    write_briefing: WriteBriefing,
) -> None:
    markdown = export(outline_of(hostile_briefing(write_briefing)), "md")
    page = parse_html(markdown_to_html(markdown))
    # Nothing from the file became a link, a picture, emphasis, code, a heading or HTML.
    assert page.tags("a") == [] and page.tags("img") == [] and page.tags("script") == []
    assert len(page.tags("em")) == 1  # the export's own: which languages are shown
    assert page.tags("code") == [] and page.tags("s") == []
    assert page.tags("del") == [] and page.tags("b") == []
    assert len(page.tags("h1")) == 1 and len(page.tags("ol")) == 1  # the priorities
    visible = " ".join(page.visible.split())
    for text in HOSTILE_TEXTS:
        assert " ".join(text.split()) in visible, text


# -- HTML ------------------------------------------------------------------------


def test_html_page_is_self_contained_and_runs_nothing(write_briefing: WriteBriefing) -> None:
    page_text = export(outline_of(hostile_briefing(write_briefing)), "html")
    page = parse_html(page_text)
    assert page.tags("script") == [] and page.tags("img") == [] and page.tags("link") == []
    assert page.tags("a") == []  # a javascript: URL is shown, never linked
    for _, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs), attrs
    visible = page.visible
    for text in HOSTILE_TEXTS:
        assert text in visible, text
    assert len(page.tags("style")) == 1
    assert "url(" not in page_text and "@import" not in page_text


def test_html_links_only_an_http_source_url(write_briefing: WriteBriefing) -> None:
    # Not a URL a browser would follow as written: shown, not linked.
    path = hostile_briefing(write_briefing, url="https://example.org/a?b=1&c=<2>")
    page = parse_html(export(outline_of(path), "html"))
    assert page.tags("a") == []
    assert "https://example.org/a?b=1&c=<2>" in page.visible
    path = hostile_briefing(write_briefing, url="https://example.org/report")
    links = parse_html(export(outline_of(path), "html")).tags("a")
    assert links == [{"href": "https://example.org/report", "rel": "noopener noreferrer"}]


def test_html_marks_each_text_with_its_language(write_briefing: WriteBriefing) -> None:
    path = write_briefing("""\
briefing: 1
language: ru
title: {ru: Встреча, en: Meeting}
summary: Только по-русски.
""")
    page = parse_html(export(outline_of(path, "en"), "html"))
    assert page.tags("html") == [{"lang": "en"}]
    summary = [attrs for tag, attrs in page.elements if tag == "p" and attrs.get("lang")]
    assert summary == [{"lang": "ru"}]
    assert "Только по-русски." in page.visible and "Meeting" in page.visible


def test_html_of_the_sample_in_russian_names_its_parts_in_russian() -> None:
    page = parse_html(export(outline_of(SAMPLE, "ru"), "html"))
    assert page.tags("html") == [{"lang": "ru"}]
    for heading in ("Сводка", "Участники", "Ключевые цифры", "Заявления"):
        assert heading in page.visible
    for english in ("Summary", "Participants", "Key figures", "Statements", "Source",
                    "Shown", "delegation", "Name", "Role"):
        assert english not in page.visible
    assert len(page.tags("figure")) >= len(load(SAMPLE).figures)


# -- JSON --------------------------------------------------------------------------


def _comparable(value: Any) -> Any:
    """A model value without where it was read from (positions, path)."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: _comparable(getattr(value, name)) for name in value._fields
                if name not in ("positions", "path")}
    if isinstance(value, tuple | list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return {key: _comparable(item) for key, item in value.items()}
    return value


def test_json_export_beside_the_yaml_is_a_valid_briefing_equal_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for file in SAMPLE.parent.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    yaml_path = folder / SAMPLE.name
    result = run_cli("export", yaml_path, "--to", "json", "-o", folder / "copy.json")
    assert result.returncode == 0, result.stderr
    assert "copy.json" in result.stderr
    checked = run_cli("validate", folder / "copy.json")
    assert checked.returncode == 0, checked.stderr
    assert _comparable(load(folder / "copy.json")) == _comparable(load(yaml_path))


def test_json_keeps_extensions_and_single_language_texts_as_strings(
    write_briefing: WriteBriefing,
) -> None:
    path = write_briefing("""\
briefing: 1
title: Talks
summary: They talked.
x-reviewed-by: desk
figures:
  - label: Loans
    value: 2.5
    x-source-table: '3'
""")
    json_path = path.with_suffix(".json")
    json_path.write_text(export(outline_of(path), "json"), encoding="utf-8")
    loaded = load(json_path)
    assert loaded.title.values == {"en": "Talks"}
    assert loaded.extensions == {"x-reviewed-by": "desk"}
    assert loaded.figures[0].extensions == {"x-source-table": "3"}
    assert loaded.figures[0].value == load(path).figures[0].value


# -- text and SVG ------------------------------------------------------------------


def test_text_export_is_the_plain_summary() -> None:
    exported = run_cli("export", SAMPLE, "--to", "txt", "--lang", "en")
    printed = run_cli("summary", SAMPLE, "--lang", "en", "--width", "80")
    assert exported.returncode == 0
    assert exported.stdout == printed.stdout
    assert "\x1b" not in exported.stdout


def test_svg_export_fetches_no_font() -> None:
    svg = export(outline_of(SAMPLE, "en"), "svg", title="briefing export sample")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "@font-face" not in svg and "https://" not in svg
    assert "monospace" in svg
    assert "briefing export sample" in html.unescape(svg).replace("\xa0", " ")


# -- the command -------------------------------------------------------------------


@pytest.mark.parametrize("to", FORMATS)
def test_export_writes_atomically_and_never_overwrites_without_force(
    to: str, tmp_path: Path,
) -> None:
    out = tmp_path / f"out.{to}"
    first = run_cli("export", SAMPLE, "--to", to, "-o", out)
    assert first.returncode == 0, first.stderr
    written = out.read_text(encoding="utf-8")
    assert written == run_cli("export", SAMPLE, "--to", to).stdout
    out.write_text("mine", encoding="utf-8")
    refused = run_cli("export", SAMPLE, "--to", to, "-o", out)
    assert refused.returncode == 1
    assert "exists; use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run_cli("export", SAMPLE, "--to", to, "-o", out, "--force")
    assert forced.returncode == 0
    assert out.read_text(encoding="utf-8") == written
    assert sorted(path.name for path in tmp_path.iterdir()) == [out.name]


def test_export_of_an_invalid_file_lists_its_problems(write_briefing: WriteBriefing) -> None:
    path = write_briefing("briefing: 1\ntitle: x\n")
    result = run_cli("export", path, "--to", "md")
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{path}:" in result.stderr and "summary" in result.stderr


def test_export_to_an_unknown_format_is_a_usage_error() -> None:
    result = run_cli("export", SAMPLE, "--to", "pdf")
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr
