"""What keeps the one-shot commands quick to start, and behaving as before: the
command line read without argparse for its common shapes, the process ended
at once after its output is flushed, the records defined without ``typing``,
and PyYAML imported without compiling what it does not need.

The speed itself is measured by ``benchmarks/bench_core.py``, not here.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import io
import os
import pickle
import re
import subprocess
import sys
import typing
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import cli, records
from briefing.model import FieldSpec, declare, record_spec
from briefing.records import Annotation
from tests.cli_run import SAMPLE, child_environment, run_cli

if typing.TYPE_CHECKING:  # as the package's modules import it
    from typing import NamedTuple
else:
    from briefing.records import NamedTuple

# -- the command line -----------------------------------------------------------

WORDS = ["summary", "validate", "schema", "x.yaml", "-", "", "a b", "ru", "80", "20", "19",
         "1000", "1001", "z", " 80 ", "٨٠", "-5", "-x y", "--", "-h", "--help", "--lang",
         "--width", "--lang=ru", "--lang=", "--lang=-x", "--width=80", "--width=", "--width=5",
         "--wid", "--l", "--lang=a=b", "-o", "--force", "--version", "--json", "--strict",
         "--js", "--json=1", "search", "--limit", "--limit=3", "--limit=", "3"]


def argparse_options(args: list[str]) -> SimpleNamespace | None:
    """What argparse reads from ``args`` (``None`` when it refuses them, or prints
    help and exits), as the options the commands use."""
    parser, _ = cli._parser()
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            parsed = parser.parse_args(list(args))
        except SystemExit:
            return None
    return SimpleNamespace(**vars(parsed))


def options_read(options: SimpleNamespace) -> dict[str, object]:
    """The options a command reads."""
    names = {"summary": ("file", "lang", "width"), "validate": ("files",),
             "check": ("files", "json", "strict"),
             "search": ("query", "folder", "json", "limit")}[options.command]
    return {"command": options.command, "func": options.func,
            **{name: getattr(options, name) for name in names}}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["summary", "validate", "check", "search"]),
       st.lists(st.sampled_from(WORDS), max_size=6))
def test_the_quick_options_are_what_argparse_reads(command: str, rest: list[str]) -> None:
    """Whatever the quick reading accepts, argparse reads the same way; what it
    leaves (None), argparse reads, or refuses with its own message."""
    args = [command, *rest]
    quick = cli._quick_options(list(args))
    if quick is not None:
        full = argparse_options(args)
        assert full is not None, args
        assert options_read(quick) == options_read(full), args


@pytest.mark.parametrize("args", [
    ["summary", "x.yaml"],
    ["summary", "-"],
    ["summary", "x.yaml", "--lang", "en", "--width", "100"],
    ["summary", "--width=100", "--lang=en", "x.yaml"],
    ["validate", "a.yaml", "-", "b.yaml"],
    ["check", "--strict", "a.yaml", "-", "--json"],
    ["search", "middle corr"],
    ["search", "middle corr", "lib", "--json", "--limit", "5"],
    ["search", "--limit=5", "middle corr", "lib"],
])
def test_the_common_shapes_are_read_without_argparse(args: list[str]) -> None:
    quick, full = cli._quick_options(list(args)), argparse_options(args)
    assert quick is not None and full is not None
    assert options_read(quick) == options_read(full)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["summary"], ["summary", "x", "--width", "19"], ["summary", "x", "--wid", "80"],
    ["summary", "x", "--lang", "en", "--lang", "ru"], ["summary", "x", "-h"], ["validate"],
    ["validate", "--", "x"], ["schema"], ["x.yaml"], ["open", "x.yaml"],
])
def test_everything_else_is_left_to_argparse(args: list[str]) -> None:
    assert cli._quick_options(list(args)) is None


def test_the_commands_are_the_parsers() -> None:
    assert list(cli.COMMANDS) == cli._parser()[1]


@pytest.mark.parametrize(("args", "message"), [
    (["summary", "x", "--width", "19"],
     "briefing summary: error: argument --width: width must be between 20 and 1000"),
    (["summary", "x", "--width=z"], "briefing summary: error: argument --width: not a number: 'z'"),
    (["summary", "x", "--lang"], "briefing summary: error: argument --lang: expected one argument"),
    (["validate", "x", "--lang", "en"], "briefing: error: unrecognized arguments: --lang en"),
])
def test_mistakes_in_the_common_shapes_get_argparses_messages(
    args: list[str], message: str
) -> None:
    result = run_cli(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == message


@pytest.mark.parametrize("command", [["validate", str(SAMPLE)], ["summary", str(SAMPLE)],
                                     ["check", str(SAMPLE)]])
def test_the_one_shot_commands_import_neither_argparse_nor_typing_of_their_own(
    command: list[str],
) -> None:
    """Each would add milliseconds to every start (``summary`` gets ``typing`` from Rich)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", *command],
        capture_output=True, text=True, env=child_environment(), timeout=30, check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "argparse" not in imported
    if command[0] in ("validate", "check"):
        assert "typing" not in imported


def test_main_given_arguments_returns_and_leaves_the_collector_on() -> None:
    """Called by other code (tests, the viewer's own tests), main neither ends the
    process nor leaves the garbage collector off."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert cli.main(["validate", str(SAMPLE)]) == cli.EXIT_OK
    assert out.getvalue() == f"{SAMPLE}: ok\n"
    assert gc.isenabled()


# -- the end of the process -------------------------------------------------------


def buffered_environment() -> dict[str, str]:
    """The CLI tests' environment, with standard output buffered as it is by default."""
    environment = child_environment()
    environment.pop("PYTHONUNBUFFERED", None)
    return environment


@pytest.mark.parametrize("unbuffered", [False, True])
def test_output_to_a_reader_that_went_away_ends_quietly_with_141(unbuffered: bool) -> None:
    """Output nobody reads is dropped quietly, with the exit code a shell gives a
    program killed by SIGPIPE (141): written at the end (buffered), after the
    command is done; written as it goes, the command stops at its first line. Not
    0: the files were not all reported."""
    read, write = os.pipe()
    os.close(read)  # every write now fails with EPIPE
    environment = buffered_environment()
    if unbuffered:
        environment["PYTHONUNBUFFERED"] = "1"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "validate", str(SAMPLE), str(SAMPLE)],
            stdout=write, stderr=subprocess.PIPE, env=environment, timeout=30,
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr.decode()) == (
        141, "" if unbuffered else "2 files checked, 0 with problems\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", [False, True])
def test_output_that_cannot_be_written_is_said_and_exits_1(unbuffered: bool) -> None:
    environment = buffered_environment()
    if unbuffered:
        environment["PYTHONUNBUFFERED"] = "1"
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "validate", str(SAMPLE)],
            stdout=full, stderr=subprocess.PIPE, env=environment, timeout=30,
        )
    assert (result.returncode, result.stderr.decode()) == (
        1, "briefing: cannot write output: No space left on device\n")


# -- the records ----------------------------------------------------------------------


class Plain(NamedTuple):
    """A record."""

    name: str
    number: int = 0
    tags: tuple[str, ...] = ()

    def twice(self) -> int:
        return self.number * 2

    @property
    def label(self) -> str:
        return f"{self.name}:{self.number}"


class Typed(typing.NamedTuple):
    """A record."""

    name: str
    number: int = 0
    tags: tuple[str, ...] = ()

    def twice(self) -> int:
        return self.number * 2

    @property
    def label(self) -> str:
        return f"{self.name}:{self.number}"


def test_a_record_is_what_typing_namedtuple_makes() -> None:
    for record in (Plain, Typed):
        value = record("a", 2)
        assert isinstance(value, tuple) and record.__bases__ == (tuple,)
        assert (record._fields, record._field_defaults) == (
            ("name", "number", "tags"), {"number": 0, "tags": ()})
        assert (value.twice(), value.label, value._asdict()) == (
            4, "a:2", {"name": "a", "number": 2, "tags": ()})
        assert value._replace(number=3) == ("a", 3, ())
        assert repr(value) == f"{record.__name__}(name='a', number=2, tags=())"
        assert (record.__doc__, record.__module__) == ("A record.", __name__)
        assert pickle.loads(pickle.dumps(value)) == value
        with pytest.raises(TypeError):
            record()  # type: ignore[call-arg]
    assert list(Plain.__annotations__) == list(Typed.__annotations__)


def test_a_record_refuses_what_typing_namedtuple_refuses() -> None:
    with pytest.raises(TypeError):
        class Late(NamedTuple):
            first: int = 0
            second: int  # type: ignore[misc]
    with pytest.raises(AttributeError):
        class Replacing(NamedTuple):
            first: int

            def _replace(self, **changes: object) -> Replacing:  # type: ignore[misc]
                return self


def test_annotated_at_run_time_holds_the_type_and_the_declaration() -> None:
    from briefing.model import Kind, Source

    annotated: typing.Any = records.Annotated
    annotation = annotated[int, "x"]
    assert isinstance(annotation, Annotation)
    assert (annotation.__origin__, annotation.__metadata__) == (int, ("x",))
    outlet = Source.__annotations__["outlet"]
    assert isinstance(outlet, Annotation)
    declared = outlet.__metadata__[0]
    assert isinstance(declared, FieldSpec) and declared.kind is Kind.TEXT


def test_a_declaration_in_quotes_is_refused() -> None:
    """This module postpones its annotations: a declaration here is a string, which
    the model does not read (it would be a record with no fields)."""
    from briefing.model import Kind

    class Quoted(NamedTuple):
        name: typing.Annotated[str, declare(Kind.STRING, "a name")]

    with pytest.raises(TypeError, match="in quotes"):
        record_spec(Quoted, "quoted", "a record declared in quotes")


# -- PyYAML -----------------------------------------------------------------------


def test_pyyaml_works_as_before_once_imported() -> None:
    import yaml

    import briefing.yaml_import  # noqa: F401

    assert re.compile.__module__ == "re"  # given back after PyYAML's import
    assert yaml.safe_load("a: 1\nb: yes\nc: 2001-02-03\nd: ~\ne: 0x1F\nf: 1.5\n") == {
        "a": 1, "b": True, "c": datetime.date(2001, 2, 3), "d": None, "e": 31, "f": 1.5}
    with pytest.raises(yaml.reader.ReaderError):
        yaml.load("a: \x07", Loader=yaml.SafeLoader)  # the pure-Python reader's check
