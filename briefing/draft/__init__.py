"""``briefing draft``: a briefing drafted from a news article, every claim with its
evidence word for word.

- :func:`draft`: the YAML text of a draft of an article's text (a pure function);
- :func:`read_article_text`: an article file read as ``draft`` reads it, or a
  :class:`~briefing.errors.BriefingError` with one clear problem;
- :func:`draft_path`: the file a draft of an article is written to by default
  (``x.ru.txt`` -> ``x.ru.yaml`` beside it), for the viewer's offer to draft;
- :func:`draft_file`: the draft of an article file for where it will be written,
  as ``draft -o`` makes it;
- :func:`write_draft`: that draft, written atomically (for the viewer's offer);
- :func:`natasha_available` and :data:`EXTRA_NOTICE`: whether the extra
  ``briefing[draft]`` finds Russian names, and what to say when it is missing.

No Textual or Rich here (import-linter contract in pyproject.toml).
"""

from __future__ import annotations

import os

from ..errors import BriefingError, Problem
from ..limits import MAX_SOURCE_TEXT_BYTES
from .article import LANGUAGES, detect_language

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from pathlib import Path

EXTRA_NOTICE = ("briefing: drafting names by rule; installing the extra finds Russian "
                "names better: pip install 'briefing[draft]'")
"""Said once on standard error when a Russian article is drafted without natasha."""

def natasha_available() -> bool:
    """Whether the extra ``briefing[draft]`` (natasha's model) is there to find names."""
    from .natasha_names import available

    return available()


def draft(article_text: str, language: str | None = None, *,
          source_text: str | None = None, source_comment: str = "",
          article_name: str = "the article", schema: str | None = None,
          use_natasha: bool | None = None) -> str:
    """The YAML text of a briefing drafted from ``article_text``.

    ``language`` is ``ru`` or ``en`` (guessed from the letters when ``None``).
    ``source_text`` is what ``source.text`` says (the article's path relative to
    the draft), or ``None`` with ``source_comment`` saying how to set it;
    ``article_name`` names the article in the header comment; ``schema`` is the
    schema's location for the editor's first line. ``use_natasha``: ``None`` uses
    natasha's model for Russian names when the extra is installed.

    Raises ``ValueError`` for an article with no text or a language not drafted.
    """
    from .emit import emit
    from .extract import find

    if not article_text.strip():
        raise ValueError("the article is empty")
    text = article_text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    chosen = language or detect_language(text)
    if chosen not in LANGUAGES:
        raise ValueError(f"drafts are made in {' or '.join(LANGUAGES)}, not {chosen!r}")
    spans = None
    names = "rules"
    if chosen == "ru" and use_natasha is not False:
        from .natasha_names import people

        spans = people(text)
        if spans is not None:
            names = "natasha"
    found = find(text, chosen, spans)
    return emit(found, source_text=source_text, source_comment=source_comment,
                article_name=article_name, schema=schema, names=names)


def read_article_text(name: str | os.PathLike[str]) -> str:
    """The text of the article file ``name``, or :class:`BriefingError` with one
    problem: a missing file, a folder, a file too large, binary or not UTF-8, empty."""
    from ..loader import decode, read_bounded, size_text

    shown = os.fspath(name)
    data = read_bounded(shown, MAX_SOURCE_TEXT_BYTES, "text", cut=True)
    if len(data) > MAX_SOURCE_TEXT_BYTES:
        raise BriefingError([Problem(shown, (
            f"is more than {size_text(MAX_SOURCE_TEXT_BYTES)}; an article to draft from "
            "may be at most that"))])
    try:
        text = decode(data, shown)
    except BriefingError as error:
        problem = error.problems[0]
        message = problem.message.replace("not a briefing", "not an article")
        raise BriefingError([problem._replace(message=message)]) from None
    if not text.strip():
        raise BriefingError([Problem(shown, "the article is empty; there is nothing to "
                                            "draft from")])
    return text


def draft_path(article: Path) -> Path:
    """The file a draft of ``article`` goes to by default: beside it, ``.yaml`` for
    its last suffix (``x.ru.txt`` -> ``x.ru.yaml``)."""
    return article.with_suffix(".yaml") if article.suffix else \
        article.with_name(article.name + ".yaml")


def source_reference(article: str, output: str | None) -> tuple[str | None, str]:
    """What ``source.text`` says for ``article`` in a draft written to ``output``
    (``None``: printed, so relative to the current folder): the path relative to
    the draft's folder when the article is in it or below; otherwise ``None`` and a
    comment saying how to fix it."""
    folder = os.path.dirname(os.path.abspath(output)) if output is not None else os.getcwd()
    target = os.path.abspath(article)
    relative = os.path.relpath(target, folder)
    if relative.split(os.sep)[0] != os.pardir and not os.path.isabs(relative):
        path = relative.replace(os.sep, "/")
        if output is None:
            return path, ("relative to the current folder: save this file there, or "
                          "change the path")
        return path, ""
    return None, (f"text: {os.path.basename(article)}\n"
                  "The article is not in this file's folder: copy it here, then uncomment "
                  "the line above, so that `briefing check` can check the evidence.")


def draft_file(article: str, output: str | None, *, language: str | None = None,
               use_natasha: bool | None = None, text: str | None = None) -> str:
    """The YAML of a draft of the article file ``article``, to be written to ``output``
    (``None``: printed): its ``source.text`` and schema line point from there.
    ``text`` is the article's text when it was read already.

    Raises :class:`BriefingError` for an article that cannot be read.
    """
    from pathlib import Path

    from ..starter import schema_reference

    if text is None:
        text = read_article_text(article)
    source, comment = source_reference(article, output)
    folder = Path(os.path.dirname(output) or ".") if output is not None else Path.cwd()
    return draft(text, language, source_text=source, source_comment=comment,
                 article_name=os.path.basename(article), schema=schema_reference(folder),
                 use_natasha=use_natasha)


def write_draft(article: str, output: str, *, language: str | None = None,
                force: bool = False) -> str:
    """Draft the article file ``article`` into the file ``output``, atomically, never
    replacing a file without ``force``; the YAML written.

    Raises :class:`BriefingError` for an article that cannot be read, and what
    :func:`briefing.atomic_write.write_atomically` raises for a file that cannot
    be written (``FileExistsError``, ``NotARegularFile``, another ``OSError``).
    """
    from pathlib import Path

    from ..atomic_write import write_atomically

    yaml_text = draft_file(article, output, language=language)
    write_atomically(Path(output), yaml_text, overwrite=force)
    return yaml_text
