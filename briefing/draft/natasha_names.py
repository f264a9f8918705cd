"""People's names in Russian text, found by natasha's news NER model (the extra
``briefing[draft]``).

natasha's wheel ships the model and the word embeddings it needs, so this works
offline. They are loaded through the two small libraries natasha is built on,
slovnet (the model) and navec (the embeddings), found where natasha installed
them, without importing ``natasha`` itself: its ``__init__`` imports pymorphy2
and yargy for the parts not used here, which costs most of a second, and
pymorphy2's analyser no longer runs on Python 3.11 and later (it calls
``inspect.getargspec``, removed in 3.11).
"""

from __future__ import annotations

import os

DISABLE_VARIABLE = "BRIEFING_DRAFT_NO_NATASHA"
"""Set (to anything but empty) to draft with the rules alone, as without the extra."""

_EMBEDDING = ("data", "emb", "navec_news_v1_1B_250K_300d_100q.tar")
_MODEL = ("data", "model", "slovnet_ner_news_v1.tar")

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see ..records)
if TYPE_CHECKING:
    from typing import Any

MAX_TEXT = 300_000
"""Longest text given to the model (it reads a whole text at once); longer ones are
drafted by the rules."""

_TAGGER: list[Any] = []
"""The model, once loaded (it takes most of a second)."""


def _folder() -> str | None:
    """Where natasha is installed, without importing it; ``None`` if it is not."""
    if os.environ.get(DISABLE_VARIABLE):
        return None
    from importlib.util import find_spec

    try:
        spec = find_spec("natasha")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = next(iter(spec.submodule_search_locations))
    if not all(os.path.isfile(os.path.join(folder, *part)) for part in (_EMBEDDING, _MODEL)):
        return None
    return folder


def available() -> bool:
    """Whether natasha's model can be used: the extra is installed (and not turned off
    by ``BRIEFING_DRAFT_NO_NATASHA``), with slovnet and navec importable."""
    if _folder() is None:
        return False
    from importlib.util import find_spec

    return find_spec("slovnet") is not None and find_spec("navec") is not None


def people(text: str) -> list[tuple[int, int]] | None:
    """Where ``text`` names people (start, end), by natasha's model; ``None`` when it
    cannot be used."""
    folder = _folder()
    if folder is None or len(text) > MAX_TEXT:
        return None
    try:
        if not _TAGGER:
            from navec import Navec
            from slovnet import NER

            navec = Navec.load(os.path.join(folder, *_EMBEDDING))
            tagger = NER.load(os.path.join(folder, *_MODEL))
            tagger.navec(navec)
            _TAGGER.append(tagger)
        markup = _TAGGER[0](text)
    except Exception:
        return None
    return [(span.start, span.stop) for span in markup.spans if span.type == "PER"]
