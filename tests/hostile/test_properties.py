"""Properties over generated input: any bytes load or raise the one error type;
any text in any field is summarised literally, with nothing for the terminal
to act on."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.loader import loads
from briefing.outline import Outline
from briefing.summary import print_summary

from .briefings import TEXT_FIELDS, briefing_yaml, hostile_briefings, hostile_text, quoted
from .harness import MALFORMED, ROOT, SGR, VALID, missing_from, terminal_actions

SEEDS = [
    path.read_bytes()
    for path in [
        ROOT / "data" / "kazinform-eurasian-connectivity.yaml",
        *sorted(VALID.glob("*.yaml")),
        *sorted(MALFORMED.glob("*.yaml")),
    ]
]
"""Files to mutate: the sample and both corpora."""

HEAD = b"briefing: 1\ntitle: T\nsummary: S\n"


def _load_or_refuse(data: bytes) -> None:
    """Load ``data``: a briefing, or a BriefingError whose messages are safe to print."""
    try:
        loads(data, "b.yaml")
    except BriefingError as error:
        assert error.problems
        for problem in error.problems:
            assert terminal_actions(str(problem)) == [], str(problem)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A corpus file with a few bytes replaced, inserted or deleted."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(["replace", "insert", "delete"]))
        piece = draw(st.binary(min_size=1, max_size=4))
        if change == "replace":
            data[where : where + len(piece)] = piece
        elif change == "insert":
            data[where:where] = piece
        else:
            del data[where : where + len(piece)]
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.binary(max_size=200).map(lambda tail: HEAD + tail),
        mutated(),
    )
)
def test_any_bytes_give_a_briefing_or_a_briefing_error(data: bytes) -> None:
    _load_or_refuse(data)


@settings(max_examples=200, deadline=None)
@given(hostile_text, st.sampled_from(["key", "date", "value", "kind", "by", "language"]))
def test_messages_quoting_any_text_are_safe_to_print(text: str, where: str) -> None:
    value = quoted(text)
    addition = {
        "key": f"{value}: x\n",
        "date": f"date: {value}\n",
        "value": f"figures: [{{label: l, value: {value}}}]\n",
        "kind": f"participants: [{{name: n, kind: {value}}}]\n",
        "by": f"statements: [{{by: {value}, text: t}}]\n",
        "language": f"language: {value}\n",
    }[where]
    _load_or_refuse(HEAD + addition.encode())


@contextmanager
def _forced_colour() -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in ("FORCE_COLOR", "NO_COLOR", "TERM")}
    os.environ.update(FORCE_COLOR="1", TERM="xterm-256color")
    os.environ.pop("NO_COLOR", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_briefings)
def test_any_text_in_any_field_is_summarised_literally(text: str) -> None:
    briefing = loads(text, "b.yaml")
    buffer = io.StringIO()
    with _forced_colour():
        print_summary(Outline(briefing), width=1000, file=buffer)
    output = buffer.getvalue()
    assert SGR.search(output), "expected colour codes"
    assert terminal_actions(output) == []
    assert missing_from(output, briefing) == []


def test_the_generated_briefings_hold_every_text() -> None:
    texts = {name: f"<{name}>" for name in TEXT_FIELDS}
    briefing = loads(briefing_yaml(texts), "b.yaml")
    buffer = io.StringIO()
    print_summary(Outline(briefing), width=1000, file=buffer)
    for name in TEXT_FIELDS:
        assert f"<{name}>" in buffer.getvalue(), f"{name} is not shown"


def test_quoted_reads_back_exactly() -> None:
    every_kind = "".join(
        chr(code)
        for code in [*range(0x00, 0x250), 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]
    )
    briefing = loads(f"briefing: 1\ntitle: {quoted(every_kind)}\nsummary: s\n", "b.yaml")
    assert briefing.title.get() == every_kind
