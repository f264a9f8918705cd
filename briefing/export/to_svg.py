"""The printed summary as an SVG picture: ``briefing export --to svg``.

Rich records the summary in colour and writes the SVG; its template would fetch
the Fira Code font from a CDN, so the font rules are taken out and the text falls
back to a local monospace font. Nothing in the picture is fetched.
"""

from __future__ import annotations

import io
import re

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console

from ..outline import Outline
from ..summary import SummaryRenderer

_FONT_FACES = re.compile(r"\s*@font-face \{\{.*?\}\}", re.DOTALL)
_RICH_COMMENT = re.compile(r"\s*<!-- Generated with Rich [^>]*-->")
_LOCAL_FONTS = '"Fira Code", "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace'

SVG_FORMAT = _RICH_COMMENT.sub("", _FONT_FACES.sub("", CONSOLE_SVG_FORMAT)).replace(
    "font-family: Fira Code, monospace", f"font-family: {_LOCAL_FONTS}")
"""Rich's SVG template without web fonts: local monospace fonts only."""


def to_svg(outline: Outline, width: int, title: str) -> str:
    """The summary of ``outline`` drawn ``width`` columns wide, titled ``title``."""
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", markup=False, emoji=False, highlight=False)
    for renderable in SummaryRenderer(outline).renderables():
        console.print(renderable)
    return console.export_svg(title=title, code_format=SVG_FORMAT)
