"""Load a briefing file: read it safely, check it against the format, build the model.

Every problem in a file is collected and raised at once as one
:class:`~briefing.errors.BriefingError`, each naming file, line and column.
"""

from __future__ import annotations

import gc
import math
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from . import model
from .errors import BriefingError, Problem
from .limits import MAX_FILE_BYTES, MAX_NUMBER_DIGITS, MAX_PROBLEMS, MAX_TEXT_LENGTH
from .model import BRIEFING, FORMAT_VERSION, FieldSpec, Kind, RecordSpec, Text
from .yaml_tree import Mapping, Node, Reported, Scalar, Sequence, read_tree, to_python

EXTENSION_PREFIX = "x-"
_SUGGEST_MAX_LENGTH = 200
_SUGGEST_MAX_CHOICES = 2000
_SUGGEST_MAX_WORK = 2_000_000
"""Most character pairs compared for all the "did you mean"s of unknown `by`s: their
choices are the file's own names, and comparing costs length times length."""
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")
_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*)?(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?\Z")
_NOT_FINITE = re.compile(r"[-+]?\.(?:nan|NaN|NAN|inf|Inf|INF)\Z")
_KIND_NAMES = {
    Kind.TEXT: "text",
    Kind.STRING: "text",
    Kind.INTEGER: "a whole number",
    Kind.NUMBER: "a number",
    Kind.DATE: "a date",
    Kind.LANGUAGE: "a language tag",
    Kind.SLUG: "an id",
    Kind.CHOICE: "a word",
    Kind.PATH: "a file path",
    Kind.TEXT_LIST: "a list",
    Kind.STRING_LIST: "a list",
    Kind.RECORD: "a mapping of keys",
    Kind.RECORD_LIST: "a list",
}


def load(path: str | os.PathLike[str]) -> model.Briefing:
    """Load and check the briefing at ``path``.

    Raises :class:`BriefingError` with every problem found; never anything else
    for a bad file.
    """
    name = os.fspath(path)
    data = read_bounded(Path(name), MAX_FILE_BYTES, what="briefing")
    return loads(data, name, Path(name).resolve().parent)


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """Read a regular file of at most ``limit`` bytes, or raise :class:`BriefingError`.

    Refuses folders, devices and pipes before opening them, so reading can
    neither block nor run forever.
    """
    name = str(path)

    def fail(message: str) -> BriefingError:
        return BriefingError([Problem(name, message)])

    try:
        info = path.stat()
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as error:
        raise fail(f"cannot read: {error.strerror or error}") from None
    except ValueError:  # a NUL character in the name
        raise fail("is not a valid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail(f"is a folder, not a {what} file")
    if not stat.S_ISREG(info.st_mode):
        raise fail(f"is not a regular file, so it is not read as a {what}")
    if info.st_size > limit:
        raise fail(_too_large(info.st_size, limit, what))
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise fail(f"cannot read: {error.strerror or error}") from None
    if len(data) > limit:
        raise fail(_too_large(len(data), limit, what))
    return data


def _too_large(size: int, limit: int, what: str) -> str:
    return f"is {size / 2**20:.1f} MB; a {what} file may be at most {limit / 2**20:.0f} MB"


def loads(
    data: bytes | str, file: str = "<briefing>", base_dir: Path | None = None
) -> model.Briefing:
    """Load a briefing from bytes or text; ``file`` names it in messages.

    ``base_dir`` is the folder that ``source.text`` is relative to; when it is
    ``None`` the article's existence is not checked.
    """
    if len(data) > MAX_FILE_BYTES:
        raise BriefingError([Problem(file, _too_large(len(data), MAX_FILE_BYTES, "briefing"))])
    text = decode(data, file) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    with _collection_paused():
        root, problems = read_tree(text, file)
        if root is None or _is_nothing(root):
            if not problems:
                problems = [Problem(file, "the file is empty; a briefing needs at least "
                                    "`briefing: 1`, `title` and `summary`", 1, 1)]
            raise _refusal(file, problems)
        reader = _Reader(file, base_dir)
        reader.problems.extend(problems)
        try:
            briefing = reader.read_briefing(root)
        except _TooManyProblems:
            briefing = None
    if reader.problems or briefing is None:
        raise _refusal(file, reader.problems)
    path = base_dir / Path(file).name if base_dir is not None else None
    return briefing._replace(path=path)


class _TooManyProblems(Exception):
    """More than ``MAX_PROBLEMS`` problems were found: checking stops."""


def _refusal(file: str, problems: list[Problem]) -> BriefingError:
    """The error for ``problems``, at most ``MAX_PROBLEMS`` of them and a note if cut."""
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], Problem(
            file, f"checking stopped after {MAX_PROBLEMS:,} problems; fix these and check "
            "the file again")]
    return BriefingError(problems)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a tree is built and checked.

    Reading makes up to a million small objects and no reference cycles; left on,
    the collector traverses them again and again and more than doubles the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without a BOM), with a clear problem for anything else."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16's
        raise BriefingError([Problem(file, "the file is UTF-32 text; save it as UTF-8", 1, 1)])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefingError([Problem(file, "the file is UTF-16 text; save it as UTF-8", 1, 1)])
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(data, nul)
        raise BriefingError([Problem(
            file, "the file contains a NUL byte here: it is binary data, not a briefing",
            line, column,
        )])
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = data[error.start]
        raise BriefingError([Problem(
            file, f"the file is not valid UTF-8 here (byte 0x{byte:02X}); save it as UTF-8",
            line, column,
        )]) from None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def suggest(word: str, choices: list[str]) -> str:
    """A ' did you mean `x`?' suffix when a choice is close to ``word``, else ''."""
    close = closest(word, choices)
    return f"; did you mean `{close}`?" if close is not None else ""


def closest(word: str, choices: list[str]) -> str | None:
    """The choice closest to ``word``, if one is close enough."""
    if len(word) > _SUGGEST_MAX_LENGTH or len(choices) > _SUGGEST_MAX_CHOICES:
        return None  # matching is quadratic: a hostile file could make it crawl
    import difflib  # only needed when something is misspelt

    choices = [choice for choice in choices if len(choice) <= _SUGGEST_MAX_LENGTH]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


class _Reader:
    """Checks a node tree against the field tables, collecting problems."""

    def __init__(self, file: str, base_dir: Path | None) -> None:
        self.file = file
        self.base_dir = base_dir
        self.problems: list[Problem] = []
        self.language = model.DEFAULT_LANGUAGE
        self.by_nodes: list[Node] = []
        """The ``by`` node of each statement read, in order, for messages."""

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, message, node.line, node.column))
        if len(self.problems) > MAX_PROBLEMS:
            raise _TooManyProblems

    # -- the document -------------------------------------------------------

    def read_briefing(self, root: Node) -> model.Briefing | None:
        if not isinstance(root, Mapping):
            self.problem(root, "a briefing must be a mapping of keys (`briefing: 1`, "
                         "`title: ...`), not " + _describe(root))
            return None
        keys = {key.value: value for key, value in root.items}
        version_node = keys.get("briefing")
        version = _whole_number(version_node) if isinstance(version_node, Scalar) else None
        if version_node is not None and version is not None and version > FORMAT_VERSION:
            # Its other keys may be new too: reading them would only add noise.
            self.problem(version_node, f"made for a newer version of the briefing format "
                         f"(version {version}); this program reads version {FORMAT_VERSION}, "
                         "so update the program to open it")
            return None
        language_node = keys.get("language")
        if isinstance(language_node, Scalar) and _LANGUAGE_TAG.match(language_node.value):
            self.language = language_node.value
        # Cross-references are checked even when a required key is missing, so
        # that every problem is reported at once.
        values, complete = self.record_values(root, BRIEFING)
        values.setdefault("language", self.language)
        values["statements"] = self.resolve_speakers(
            values.get("participants", ()), values.get("statements", ()),
            _participant_keys(keys.get("participants")),
        )
        self.check_unique_ids(keys.get("participants"))
        return model.Briefing(**values) if complete else None

    def record(self, node: Mapping, spec: RecordSpec) -> dict[str, Any] | None:
        """Read a mapping against ``spec``; ``None`` if a required field is missing."""
        values, complete = self.record_values(node, spec)
        return values if complete else None

    def record_values(self, node: Mapping, spec: RecordSpec) -> tuple[dict[str, Any], bool]:
        """The values read from a mapping, and whether every required one is there."""
        values: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        known = [f.name for f in spec.fields]
        complete = True
        suggested: set[str] = set()  # fields an unknown key was taken for
        for key, value in node.items:
            field = spec.field(key.value)
            if field is None:
                if key.value.startswith(EXTENSION_PREFIX):
                    extensions[key.value] = to_python(value)
                else:
                    guess = closest(key.value, known)
                    hint = f"; did you mean `{guess}`?" if guess is not None else ""
                    if guess is not None:
                        suggested.add(guess)
                    self.problem(key, f"unknown key {_shown(key.value, '`')} in "
                                 f"{_a(spec.name)}{hint}")
                continue
            converted = self.value(value, field)
            if converted is not None:
                values[field.attribute or field.name] = converted
        for field in spec.fields:
            if field.required and not any(k.value == field.name for k, _ in node.items):
                if field.name not in suggested:  # else "did you mean" said it already
                    self.problem(node, _missing(spec, field))
                complete = False
            elif field.required and (field.attribute or field.name) not in values:
                complete = False
        if extensions and "extensions" in getattr(spec.model, "_fields", ()):
            values["extensions"] = extensions
        return values, complete

    # -- values -------------------------------------------------------------

    def value(self, node: Node, field: FieldSpec) -> Any:
        """Convert one value by its field's kind; ``None`` after reporting a problem."""
        if isinstance(node, Reported):
            return None
        if _is_nothing(node):
            self.empty(node, field.name, required=field.required)
            return None
        kind = field.kind
        if kind is Kind.TEXT:
            return self.text(node, field.name)
        if kind in (Kind.TEXT_LIST, Kind.STRING_LIST, Kind.RECORD_LIST):
            if not isinstance(node, Sequence):
                return self.wrong_type(node, field, "a list (items starting with `- `)")
            items = (self.list_item(item, field) for item in node.items)
            return tuple(item for item in items if item is not None)
        if kind is Kind.RECORD:
            if not isinstance(node, Mapping):
                return self.wrong_type(node, field, "a mapping of keys")
            assert field.record is not None
            values = self.record(node, field.record)
            return field.record.model(**values) if values is not None else None
        if not isinstance(node, Scalar):
            return self.wrong_type(node, field, _KIND_NAMES[kind])
        return self.scalar(node, field)

    def list_item(self, node: Node, field: FieldSpec) -> Any:
        if isinstance(node, Reported):
            return None
        if _is_nothing(node):
            self.empty(node, field.name, item=True)
            return None
        if field.kind is Kind.TEXT_LIST:
            return self.text(node, field.name)
        if field.kind is Kind.STRING_LIST:
            if not isinstance(node, Scalar):
                return self.wrong_type(node, field, "text", item=True)
            return self.string(node, field.name)
        assert field.record is not None
        if not isinstance(node, Mapping):
            return self.wrong_type(node, field, f"{_a(field.record.name)} (a mapping of keys)",
                                   item=True)
        values = self.record(node, field.record)
        if values is None:
            return None
        if field.record is model.STATEMENT:
            self.by_nodes.append(next(v for k, v in node.items if k.value == "by"))
        return field.record.model(**values)

    def empty(self, node: Node, name: str, required: bool = False, item: bool = False) -> None:
        """Report a key (or list item) written with no value."""
        if item:
            self.problem(node, f"an item of `{name}` is empty; give it a value or remove it")
        elif required:
            self.problem(node, f"`{name}` is empty; give it a value")
        else:
            self.problem(node, f"`{name}` is empty; give it a value or remove the key")

    def wrong_type(self, node: Node, field: FieldSpec, expected: str, item: bool = False) -> None:
        where = f"each item of `{field.name}`" if item else f"`{field.name}`"
        self.problem(node, f"{where} must be {expected}, not {_describe(node)}")

    def scalar(self, node: Scalar, field: FieldSpec) -> Any:
        kind = field.kind
        if kind is Kind.STRING:
            return self.string(node, field.name)
        if kind is Kind.INTEGER:
            return self.integer(node)
        if kind is Kind.NUMBER:
            return self.number(node, field.name)
        if kind is Kind.DATE:
            date = model.PartialDate.parse(node.value)
            if date is None:
                self.problem(node, f"`{field.name}` must be a date written YYYY, YYYY-MM or "
                             f"YYYY-MM-DD, not {node.value!r}")
            return date
        if kind is Kind.LANGUAGE:
            if not _LANGUAGE_TAG.match(node.value):
                self.problem(node, f"`{field.name}` must be a language tag such as `ru` or "
                             f"`en`, not {node.value!r}")
                return None
            return node.value
        if kind is Kind.SLUG:
            if not _SLUG.match(node.value):
                self.problem(node, f"`{field.name}` must be a short id of lowercase letters, "
                             f"digits and hyphens (e.g. `isetov`), not {node.value!r}")
                return None
            return node.value
        if kind is Kind.CHOICE:
            if node.value not in field.choices:
                options = ", ".join(field.choices)
                self.problem(node, f"`{field.name}` must be one of {options}, not "
                             f"{node.value!r}{suggest(node.value, list(field.choices))}")
                return None
            return model.ParticipantKind(node.value)
        assert kind is Kind.PATH
        return self.article_path(node)

    def string(self, node: Scalar, name: str) -> str | None:
        if _is_nothing(node):
            self.empty(node, name)
            return None
        if len(node.value) > MAX_TEXT_LENGTH:
            self.problem(node, f"`{name}` is {len(node.value):,} characters long; a text may "
                         f"be at most {MAX_TEXT_LENGTH:,}")
            return None
        return node.value

    def text(self, node: Node, name: str) -> Text | None:
        if isinstance(node, Scalar):
            plain = self.string(node, name)
            return Text({self.language: plain}, self.language) if plain is not None else None
        if isinstance(node, Sequence):
            self.problem(node, f"`{name}` must be text, or a map of language to text "
                         "(`en: ...`), not a list")
            return None
        values: dict[str, str] = {}
        for key, value in node.items:
            if key.value.startswith(EXTENSION_PREFIX) or isinstance(value, Reported):
                continue
            if not _LANGUAGE_TAG.match(key.value):
                self.problem(key, f"{_shown(key.value, '`')} is not a language tag; in "
                             f"`{name}`, each key is a language such as `ru` or `en` (if "
                             "this is text containing `: `, put it all in quotes)")
            elif not isinstance(value, Scalar):
                self.problem(value, f"`{name}.{key.value}` must be text, not "
                             f"{_describe(value)}")
            elif (string := self.string(value, f"{name}.{key.value}")) is not None:
                values[key.value] = string
        if not node.items:
            self.problem(node, f"`{name}` is an empty map; give the text in at least one "
                         "language")
        return Text(values, self.language) if values else None

    def integer(self, node: Scalar) -> int | None:
        """The format version (the only whole-number field)."""
        version = _whole_number(node)
        digits = node.value.isascii() and node.value.isdigit()
        if version is None and digits and not node.plain:
            self.problem(node, "the format version must be a number; remove the quotes around it")
        elif version is None and digits:
            self.problem(node, "the format version is far too large a number")
        elif version is None:
            self.problem(node, f"the format version must be a whole number such as "
                         f"`{FORMAT_VERSION}`, not {_shown(node.value)}")
        elif version < 1:
            self.problem(node, f"the format version must be {FORMAT_VERSION}, not {version}")
            return None
        return version

    def number(self, node: Scalar, name: str) -> int | float | None:
        written = node.value.strip()
        if not node.plain:
            self.problem(node, f"`{name}` must be a number; remove the quotes around it")
            return None
        if _NOT_FINITE.match(written):
            self.problem(node, f"`{name}` must be a finite number, not {written}")
            return None
        if not _NUMBER.match(written) or not any(c.isdigit() for c in written):
            self.problem(node, f"`{name}` must be a number (e.g. 35000000000 or 2.5), "
                         f"not {written!r}")
            return None
        digits = written.replace("_", "")
        if sum(c.isdigit() for c in digits.split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
            self.problem(node, f"`{name}` has more than {MAX_NUMBER_DIGITS} digits; "
                         "write it with an exponent (e.g. 3.5e10) or a larger unit")
            return None
        if re.fullmatch(r"[-+]?\d+", digits):
            return int(digits)
        number = float(digits)
        if not math.isfinite(number):
            self.problem(node, f"`{name}` is too large a number")
            return None
        return number

    def article_path(self, node: Scalar) -> str | None:
        """``source.text``: relative, inside the briefing's folder, and present."""
        written = node.value
        if not written or PurePosixPath(written).is_absolute() or \
                PureWindowsPath(written).is_absolute() or ".." in PurePosixPath(written).parts:
            self.problem(node, "`text` must be a path relative to this file, inside its "
                         f"folder, not {written!r}")
            return None
        if self.base_dir is None:
            return written
        try:
            target = (self.base_dir / written).resolve()
            inside = target.is_relative_to(self.base_dir.resolve())
            is_file, exists = target.is_file(), target.exists()
        except (OSError, ValueError):  # a name too long, a NUL, a symlink loop
            inside = is_file = exists = False
        if exists and not inside:
            self.problem(node, "`text` must be a path relative to this file, inside its "
                         f"folder, but {_shown(written)} leads outside it")
        elif exists and not is_file:
            self.problem(node, f"the source text {_shown(written)} is a folder, not a file")
        elif not is_file:
            self.problem(node, f"the source text {_shown(written)} does not exist beside "
                         "this file")
        else:
            return written
        return None

    # -- cross-references ---------------------------------------------------

    def resolve_speakers(
        self, participants: tuple[model.Participant, ...],
        statements: tuple[model.Statement, ...], written: set[str],
    ) -> tuple[model.Statement, ...]:
        """Link each statement to the participant its ``by`` names.

        ``written`` holds every id and name in ``participants``, including
        those of participants with problems of their own, which are not
        reported a second time here.
        """
        by_key: dict[str, model.Participant] = {}
        for participant in participants:
            for name in participant.name.values.values():
                by_key.setdefault(name, participant)
        for participant in participants:
            if participant.id:
                by_key[participant.id] = participant
        resolved = []
        choices = list(by_key)  # every id and name
        choices_length = sum(len(choice) for choice in choices)
        work_left = _SUGGEST_MAX_WORK
        for statement, node in zip(statements, self.by_nodes, strict=True):
            speaker = by_key.get(statement.by)
            if speaker is None and statement.by not in written:
                work = len(statement.by) * choices_length
                hint = ""
                if work <= work_left:
                    work_left -= work
                    hint = suggest(statement.by, choices)
                self.problem(node, f"`by: {_shown(statement.by, '')}` names no participant; "
                             f"use the `id` or name of one listed in `participants`{hint}")
            resolved.append(statement._replace(speaker=speaker))
        return tuple(resolved)

    def check_unique_ids(self, node: Node | None) -> None:
        if not isinstance(node, Sequence):
            return
        seen: set[str] = set()
        for item in node.items:
            if not isinstance(item, Mapping):
                continue
            for key, value in item.items:
                if key.value == "id" and isinstance(value, Scalar):
                    if value.value in seen:
                        self.problem(value, f"id `{value.value}` is used by another "
                                     "participant above; ids must be unique")
                    seen.add(value.value)


def _missing(spec: RecordSpec, field: FieldSpec) -> str:
    """The message for a required key that is not there."""
    if field.kind is Kind.INTEGER:  # the format version
        return f"a briefing needs `{field.name}: {FORMAT_VERSION}`, the format version"
    return f"{_a(spec.name)} needs `{field.name}`: {field.description}"


def _participant_keys(node: Node | None) -> set[str]:
    """Every well-formed id and every name written in ``participants``, including
    those of participants left out for problems of their own.

    A ``by`` naming one of those is not reported again; a ``by`` naming a
    malformed id still is, since it must change when the id is corrected."""
    keys: set[str] = set()
    if not isinstance(node, Sequence):
        return keys
    for item in node.items:
        if not isinstance(item, Mapping):
            continue
        for key, value in item.items:
            if isinstance(value, Scalar) and (
                key.value == "name" or (key.value == "id" and _SLUG.match(value.value))
            ):
                keys.add(value.value)
            elif key.value == "name" and isinstance(value, Mapping):
                keys.update(v.value for _, v in value.items if isinstance(v, Scalar))
    return keys


def _whole_number(node: Scalar) -> int | None:
    """A plain, unsigned whole number of at most ``MAX_NUMBER_DIGITS`` digits, else None."""
    written = node.value
    if not node.plain or not written.isascii() or not written.isdigit():
        return None
    return int(written) if len(written) <= MAX_NUMBER_DIGITS else None


def _is_nothing(node: Node) -> bool:
    """True for a key written with no value (``key:``)."""
    return isinstance(node, Scalar) and node.plain and node.value == ""


def _shown(value: str, quote: str = "'") -> str:
    """``value`` as quoted in a message, shortened when long."""
    if len(value) > 40:
        value = value[:37] + "..."
    return repr(value) if quote == "'" else f"{quote}{value}{quote}"


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.plain and node.value == "":
        return "nothing"
    return repr(node.value) if len(node.value) <= 40 else repr(node.value[:37] + "...")


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun
