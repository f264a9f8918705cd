"""A briefing as one self-contained HTML page: ``briefing export --to html``.

Semantic markup (headings, a table, lists, ``<figure>``, ``<blockquote>``), each
text with its ``lang``; the CSS is in the page, which has no script, no font and no
link but the briefing's own ``source.url`` when it is ``http(s)``. Every text from
the file is HTML-escaped. It reads well printed and in a browser's dark mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import escape

from .document import Document, Piece

STYLE = """
:root { color-scheme: light dark; --ink: #1d2430; --muted: #5b6573; --line: #d5dae1;
  --accent: #0b6e8a; --card: #f5f7f9; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ee; --muted: #a4adb9; --line: #3a424d; --accent: #5cc8e6;
    --card: #1f252d; }
  body { background: #14181d; }
}
body { color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
  "Noto Sans", sans-serif; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; color: var(--accent); border-bottom: 1px solid var(--line);
  padding-bottom: .2rem; margin: 2rem 0 .75rem; }
.about, .languages { color: var(--muted); margin: .25rem 0; }
.empty { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
  border-bottom: 1px solid var(--line); }
thead th { color: var(--accent); }
tbody th { font-weight: 600; }
td span { display: block; }
.kind, .note, .role { color: var(--muted); }
ol.priorities > li { margin-bottom: .6rem; }
ol.priorities p { margin: .15rem 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
  gap: .75rem; }
.figures figure { margin: 0; padding: .75rem 1rem; background: var(--card); border-radius: .5rem;
  border: 1px solid var(--line); break-inside: avoid; }
.headline { font-size: 1.6rem; font-weight: 700; color: var(--accent); margin: 0; }
figcaption p { margin: .2rem 0; }
.exact { color: var(--muted); font-variant-numeric: tabular-nums; }
figure.statement { margin: 0 0 1.25rem; padding-left: 1rem;
  border-left: 3px solid var(--accent); break-inside: avoid; }
figure.statement blockquote { margin: 0; }
figure.statement p { margin: .1rem 0 .3rem; }
figure.statement figcaption { color: var(--muted); }
figure.statement cite { font-style: normal; font-weight: 600; color: var(--ink); }
dl.timeline { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dl.timeline dt { font-weight: 700; }
dl.timeline dd { margin: 0; }
ul.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
ul.tags li { color: var(--accent); }
a { color: var(--accent); }
@media print {
  :root { --ink: #000; --muted: #444; --line: #bbb; --accent: #000; --card: #fff; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
""".strip()

_SAFE_URL = re.compile(r"https?://[^\s\"'<>`]+\Z", re.IGNORECASE)


def _lang(piece: Piece, around: str) -> str:
    """The ``lang`` attribute for ``piece`` inside an element in ``around``."""
    return f' lang="{escape(piece.language)}"' if piece.language and \
        piece.language != around else ""


def _text(piece: Piece, tag: str, around: str, css: str = "") -> str:
    """``piece`` in an element ``tag``, escaped, with its language when it differs."""
    css_class = f' class="{css}"' if css else ""
    return f"<{tag}{css_class}{_lang(piece, around)}>{escape(piece.text)}</{tag}>"


def to_html(document: Document) -> str:
    """The briefing as one HTML page."""
    return "\n".join(_page(document)) + "\n"


def _page(document: Document) -> Iterator[str]:
    language, t = document.language, document.t
    header = document.header()
    yield "<!DOCTYPE html>"
    yield f'<html lang="{escape(language)}">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield '<meta name="generator" content="briefing">'
    # No script may run and nothing may be fetched, whatever the page holds.
    yield ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           'style-src \'unsafe-inline\'; img-src data:">')
    yield _text(header.title, "title", language)
    yield f"<style>\n{STYLE}\n</style>"
    yield "</head>"
    yield "<body>"
    yield "<main>"
    yield "<article>"
    yield "<header>"
    yield _text(header.title, "h1", language)
    about = []
    if header.date:
        about.append(f"<strong><time>{escape(header.date)}</time></strong>")
    if header.location:
        about.append(_text(header.location, "span", language))
    if header.outlet or header.attribution:
        source = escape(t("Source: "))
        if header.outlet:
            source += _text(header.outlet, "span", language)
        if header.attribution:
            source += (escape(t(" citing ")) if header.outlet else "") + _text(
                header.attribution, "span", language)
        about.append(source)
    if about:
        yield f'<p class="about">{" · ".join(about)}</p>'
    if header.url:
        url = escape(header.url)
        if _SAFE_URL.match(header.url):
            yield (f'<p class="about"><a href="{url}" rel="noopener noreferrer">'
                   f"{url}</a></p>")
        else:
            yield f'<p class="about">{url}</p>'
    if header.published:
        published = escape(header.published)
        yield f'<p class="about">{escape(t("Published "))}<time>{published}</time></p>'
    yield f'<p class="languages">{escape(header.languages)}</p>'
    yield "</header>"

    yield from _section(t("Summary"), (
        _text(paragraph, "p", language) for paragraph in document.summary()))
    yield from _section(t("Participants"), _participants(document),
                        t("No participants are listed."))
    yield from _section(t("Sector priorities"), _priorities(document),
                        t("No priorities are listed."))
    yield from _section(t("Key figures"), _figures(document), t("No key figures are given."))
    yield from _section(t("Statements"), _statements(document))
    timeline = document.timeline()
    yield from _section(t("Timeline"), [
        '<dl class="timeline">',
        *(f"<dt><time>{escape(dated.date)}</time></dt>{_text(dated.event, 'dd', language)}"
          for dated in timeline),
        "</dl>"] if timeline else [])
    outcomes = document.outcomes()
    yield from _section(t("Outcomes"), [
        '<ul class="outcomes">', *(_text(outcome, "li", language) for outcome in outcomes),
        "</ul>"] if outcomes else [])
    tags = document.tags()
    yield from _section(t("Tags"), [
        '<ul class="tags">', *(f"<li>#{escape(tag)}</li>" for tag in tags), "</ul>"]
        if tags else [])
    yield "</article>"
    yield "</main>"
    yield "</body>"
    yield "</html>"


def _section(title: str, body: Iterable[str], empty: str | None = None) -> Iterator[str]:
    """A section with ``title``; without a body, ``empty`` says so (or it is left out)."""
    lines = list(body)
    if not lines and empty is None:
        return
    yield "<section>"
    yield f"<h2>{escape(title)}</h2>"
    yield from lines or [f'<p class="empty">{escape(empty or "")}</p>']
    yield "</section>"


def _participants(document: Document) -> Iterator[str]:
    rows = document.participants()
    if not rows:
        return
    language, t = document.language, document.t
    yield "<table>"
    yield "<thead><tr>" + "".join(
        f'<th scope="col">{escape(t.field_label(name))}</th>'
        for name in document.participant_columns()) + "</tr></thead>"
    yield "<tbody>"
    for row in rows:
        cells = []
        for number, cell in enumerate(row.cells):
            tag = "th" if number == 0 else "td"
            scope = ' scope="row"' if number == 0 else ""
            # The name and its kind on one line; the other cells a line per text.
            inner = (" " if number == 0 else "").join(
                _text(piece, "span", language) for piece in cell)
            cells.append(f"<{tag}{scope}>{inner}</{tag}>")
        yield "<tr>" + "".join(cells) + "</tr>"
    yield "</tbody>"
    yield "</table>"


def _priorities(document: Document) -> Iterator[str]:
    priorities = document.priorities()
    if not priorities:
        return
    language = document.language
    yield '<ol class="priorities">'
    for priority in priorities:
        yield "<li>" + _text(priority.sector, "strong", language)
        if priority.summary:
            yield _text(priority.summary, "p", language)
        if priority.initiatives:
            yield "<ul>" + "".join(_text(item, "li", language)
                                   for item in priority.initiatives) + "</ul>"
        yield "</li>"
    yield "</ol>"


def _figures(document: Document) -> Iterator[str]:
    figures = document.figures()
    if not figures:
        return
    language = document.language
    yield '<div class="figures">'
    for figure in figures:
        exact = escape(figure.exact)
        if figure.unit:
            exact += " " + _text(figure.unit, "span", language)
        if figure.period:
            exact += " · " + _text(figure.period, "span", language)
        yield "<figure>"
        yield _text(figure.headline, "p", language, "headline")
        yield "<figcaption>"
        yield "<p>" + _text(figure.label, "strong", language) + "</p>"
        yield f'<p class="exact">{exact}</p>'
        if figure.note:
            yield _text(figure.note, "p", language, "note")
        yield "</figcaption>"
        yield "</figure>"
    yield "</div>"


def _statements(document: Document) -> Iterator[str]:
    language = document.language
    for statement in document.statements():
        # The speaker outside the quotation, as HTML would have it: a figure's caption.
        yield '<figure class="statement">'
        yield "<blockquote>"
        yield from (_text(paragraph, "p", language) for paragraph in statement.text)
        yield "</blockquote>"
        who = "— " + _text(statement.speaker, "cite", language)
        if statement.role:
            who += ", " + _text(statement.role, "span", language, "role")
        yield f"<figcaption>{who}</figcaption>"
        yield "</figure>"
