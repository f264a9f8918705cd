"""Load a briefing file: read it safely, check it against the format, build the model.

Every problem in a file is collected and raised at once as one
:class:`~briefing.errors.BriefingError`, each naming file, line and column.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from . import model
from .errors import BriefingError, Problem
from .limits import MAX_FILE_BYTES, MAX_NUMBER_DIGITS
from .model import BRIEFING, FORMAT_VERSION, FieldSpec, Kind, RecordSpec, Text
from .yaml_tree import Mapping, Node, Scalar, Sequence, read_tree, to_python

EXTENSION_PREFIX = "x-"
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
    text = decode(data, file) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    root, problems = read_tree(text, file)
    if root is None:
        if not problems:
            problems = [Problem(file, "the file is empty; a briefing needs at least "
                                "`briefing: 1`, `title` and `summary`", 1, 1)]
        raise BriefingError(problems)
    reader = _Reader(file, base_dir)
    reader.problems.extend(problems)
    briefing = reader.read_briefing(root)
    if reader.problems or briefing is None:
        raise BriefingError(reader.problems)
    path = base_dir / Path(file).name if base_dir is not None else None
    return briefing._replace(path=path)


def decode(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without a BOM), with a clear problem for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefingError([Problem(file, "is UTF-16 text; save it as UTF-8")])
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _byte_position(data, nul)
        raise BriefingError([Problem(
            file, "contains a NUL byte: this is binary data, not a briefing", line, column
        )])
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = data[error.start]
        raise BriefingError([Problem(
            file, f"is not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8",
            line, column,
        )]) from None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def suggest(word: str, choices: list[str]) -> str:
    """A ' did you mean `x`?' suffix when a choice is close to ``word``, else ''."""
    import difflib  # only needed when something is misspelt

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


class _Reader:
    """Checks a node tree against the field tables, collecting problems."""

    def __init__(self, file: str, base_dir: Path | None) -> None:
        self.file = file
        self.base_dir = base_dir
        self.problems: list[Problem] = []
        self.language = model.DEFAULT_LANGUAGE

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, message, node.line, node.column))

    # -- the document -------------------------------------------------------

    def read_briefing(self, root: Node) -> model.Briefing | None:
        if not isinstance(root, Mapping):
            self.problem(root, "a briefing must be a mapping of keys (`briefing: 1`, "
                         "`title: ...`), not " + _describe(root))
            return None
        keys = {key.value: value for key, value in root.items}
        version_node = keys.get("briefing")
        if isinstance(version_node, Scalar):
            version = self.integer(version_node)
            if version is not None and version > FORMAT_VERSION:
                self.problem(version_node, f"made for a newer version of the format "
                             f"({version}); this program reads version {FORMAT_VERSION}: "
                             "update briefing to open it")
                return None
            if version is not None and version < 1:
                self.problem(version_node, f"format version must be {FORMAT_VERSION}")
        language_node = keys.get("language")
        if isinstance(language_node, Scalar) and _LANGUAGE_TAG.match(language_node.value):
            self.language = language_node.value
        values = self.record(root, BRIEFING)
        if values is None:
            return None
        values.setdefault("language", self.language)
        values["statements"] = self.resolve_speakers(
            values.get("participants", ()), values.get("statements", ()), root
        )
        self.check_unique_ids(values.get("participants", ()), keys.get("participants"))
        try:
            return model.Briefing(**values)
        except TypeError:  # a required field was missing; already reported
            return None

    def record(self, node: Mapping, spec: RecordSpec) -> dict[str, Any] | None:
        """Read a mapping against ``spec``; ``None`` if a required field is missing."""
        values: dict[str, Any] = {}
        extensions: dict[str, Any] = {}
        known = [f.name for f in spec.fields]
        complete = True
        for key, value in node.items:
            field = spec.field(key.value)
            if field is None:
                if key.value.startswith(EXTENSION_PREFIX):
                    extensions[key.value] = to_python(value)
                else:
                    self.problem(key, f"unknown key `{key.value}` in {_a(spec.name)}"
                                 f"{suggest(key.value, known)}")
                continue
            converted = self.value(value, field)
            if converted is not None:
                values[field.attribute or field.name] = converted
        for field in spec.fields:
            if field.required and not any(k.value == field.name for k, _ in node.items):
                self.problem(node, f"{_a(spec.name)} needs `{field.name}` ({field.description})")
                complete = False
            elif field.required and (field.attribute or field.name) not in values:
                complete = False
        if extensions and "extensions" in spec.model._fields:
            values["extensions"] = extensions
        return values if complete else None

    # -- values -------------------------------------------------------------

    def value(self, node: Node, field: FieldSpec) -> Any:
        """Convert one value by its field's kind; ``None`` after reporting a problem."""
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
        return field.record.model(**values) if values is not None else None

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
        if node.plain and node.value == "":
            self.problem(node, f"`{name}` is empty; give it a value or remove the key")
            return None
        return node.value

    def text(self, node: Node, name: str) -> Text | None:
        if isinstance(node, Scalar):
            value = self.string(node, name)
            return Text({self.language: value}, self.language) if value is not None else None
        if isinstance(node, Sequence):
            self.problem(node, f"`{name}` must be text, or a map of language to text "
                         "(`en: ...`), not a list")
            return None
        values: dict[str, str] = {}
        for key, value in node.items:
            if not _LANGUAGE_TAG.match(key.value):
                self.problem(key, f"`{key.value}` is not a language tag; in `{name}`, "
                             "each key is a language such as `ru` or `en`")
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
        if not node.plain or not node.value.isascii() or not node.value.isdigit():
            self.problem(node, f"the format version must be a whole number such as "
                         f"`{FORMAT_VERSION}`, not {node.value!r}")
            return None
        if len(node.value) > MAX_NUMBER_DIGITS:
            self.problem(node, "the format version is far too large a number")
            return None
        return int(node.value)

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
        if self.base_dir is not None and not (self.base_dir / written).is_file():
            self.problem(node, f"the source text {written!r} does not exist beside this file")
            return None
        return written

    # -- cross-references ---------------------------------------------------

    def resolve_speakers(
        self, participants: tuple[model.Participant, ...],
        statements: tuple[model.Statement, ...], root: Mapping,
    ) -> tuple[model.Statement, ...]:
        by_key: dict[str, model.Participant] = {}
        for participant in participants:
            for name in participant.name.values.values():
                by_key.setdefault(name, participant)
        for participant in participants:
            if participant.id:
                by_key[participant.id] = participant
        nodes = _statement_by_nodes(root)
        resolved = []
        for index, statement in enumerate(statements):
            speaker = by_key.get(statement.by)
            if speaker is None:
                node = nodes[index] if index < len(nodes) else root
                ids = [p.id for p in participants if p.id]
                self.problem(node, f"`by: {statement.by}` names no participant; use the "
                             f"`id` or name of one listed in `participants`"
                             f"{suggest(statement.by, ids + list(by_key))}")
            resolved.append(statement._replace(speaker=speaker))
        return tuple(resolved)

    def check_unique_ids(
        self, participants: tuple[model.Participant, ...], node: Node | None
    ) -> None:
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


def _statement_by_nodes(root: Mapping) -> list[Node]:
    """The ``by`` node of each well-formed statement, in order, for messages."""
    found: list[Node] = []
    for key, value in root.items:
        if key.value == "statements" and isinstance(value, Sequence):
            for item in value.items:
                if isinstance(item, Mapping):
                    found.append(next((v for k, v in item.items if k.value == "by"), item))
    return found


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
