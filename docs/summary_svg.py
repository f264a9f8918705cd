"""Regenerate docs/summary.svg, the README's picture of `briefing summary`.

    python docs/summary_svg.py
"""

import io
from pathlib import Path

from rich.console import Console

from briefing.loader import load
from briefing.outline import Outline
from briefing.resources import sample_path
from briefing.summary import SummaryRenderer

console = Console(
    record=True,
    width=100,
    file=io.StringIO(),
    force_terminal=True,
    color_system="truecolor",
    markup=False,
    emoji=False,
    highlight=False,
)
for renderable in SummaryRenderer(Outline(load(sample_path()), "en")).renderables():
    console.print(renderable)
console.save_svg(
    str(Path(__file__).with_name("summary.svg")),
    title="briefing summary kazinform-eurasian-connectivity.yaml --lang en",
)
