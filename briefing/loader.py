"""Load a briefing file, and its article: read them safely, check, build the model.

Every problem in a file is collected and raised at once as one
:class:`~briefing.errors.BriefingError`, each naming file, line and column.
"""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path

from . import model
from .errors import BriefingError, Problem
from .limits import MAX_FILE_BYTES, MAX_PROBLEMS, MAX_SOURCE_TEXT_BYTES
from .paths import NUL_IN_NAME, kind, os_problem
from .record_reader import RecordReader, TooManyProblems
from .yaml_tree import read_tree, written_null

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see .records)
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from .records import NamedTuple


def load(path: str | os.PathLike[str]) -> model.Briefing:
    """Load and check the briefing at ``path``.

    Raises :class:`BriefingError` with every problem found; never anything else
    for a bad file.
    """
    name = os.fspath(path)
    data = read_bounded(name, MAX_FILE_BYTES, what="briefing")
    # realpath, not Path.resolve: it never raises, where resolve raises
    # RuntimeError for a loop of symbolic links swapped in after the read.
    return loads(data, name, Path(os.path.realpath(name)).parent)


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
"""Opening never waits (a named pipe with no writer), never makes a terminal the
controlling one, and the descriptor is not passed on to another program."""


def read_bounded(
    file: str | os.PathLike[str], limit: int, what: str, *, cut: bool = False
) -> bytes:
    """Read a regular file of at most ``limit`` bytes, or raise :class:`BriefingError`.

    The file is opened without blocking and what was opened is checked
    (``fstat``), not the path before opening it, which another program could
    swap for a named pipe or a device in between: so reading can neither block
    nor run forever. Anything but a regular file is refused, named for what it
    is. With ``cut``, a larger file is not refused: its first ``limit + 1``
    bytes are returned. Messages name the file as given (``./x.yaml`` stays
    that, where a ``Path`` would make it ``x.yaml``).
    """
    name = os.fspath(file)

    def fail(message: str) -> BriefingError:
        return BriefingError([Problem(name, message)])

    if not name:
        raise fail(f"the file name is empty; give the name of a {what} file")
    try:
        descriptor = os.open(name, _OPEN_FLAGS)
    except OSError as error:
        raise fail(os_problem(error, name, f"{what} ")) from None
    except ValueError:  # a NUL character in the name
        raise fail(NUL_IN_NAME) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise fail(f"is {kind(info.st_mode)}, not a {what} file")
        if info.st_size > limit and not cut:
            raise fail(too_large(info.st_size, limit, what))
        data = _read_at_most(descriptor, min(info.st_size, limit), limit + 1)
    except OSError as error:
        raise fail(os_problem(error)) from None
    finally:
        if descriptor != -1:
            os.close(descriptor)
    if len(data) > limit and not cut:
        raise fail(too_large(len(data), limit, what))
    return data


def _read_at_most(descriptor: int, expected: int, most: int) -> bytes:
    """At most ``most`` bytes of the open file ``descriptor``, which ``fstat`` said
    holds ``expected``: asked for as that many and one more (asking for ``most`` at
    once would make a buffer of ``most`` bytes, 16 MiB for a briefing, each time),
    then on in small reads if the file grew meanwhile."""
    data = os.read(descriptor, expected + 1)
    if len(data) <= expected or len(data) >= most:
        return data[:most]
    chunks = [data]
    read = len(data)
    while read < most:
        chunk = os.read(descriptor, min(most - read, 1 << 16))
        if not chunk:
            break
        chunks.append(chunk)
        read += len(chunk)
    return b"".join(chunks)


def too_large(size: int | None, limit: int, what: str) -> str:
    """The message for a file of ``size`` bytes (``None``: more than ``limit``, as
    far as was read) where a ``what`` file may hold ``limit``. Both in bytes, the
    one unit that cannot round a size over the limit down to it."""
    written = f"more than {limit:,}" if size is None else f"{size:,}"
    return f"is {written} bytes; a {what} file may be at most {size_text(limit)}"


def size_text(size: int) -> str:
    """``size`` as the documentation writes a limit: ``16,777,216 bytes (16 MiB)``."""
    if size >= 2**20 and size % 2**20 == 0:
        return f"{size:,} bytes ({size // 2**20} MiB)"
    return f"{size:,} bytes"


def loads(
    data: bytes | str, file: str = "<briefing>", base_dir: Path | None = None
) -> model.Briefing:
    """Load a briefing from bytes or text; ``file`` names it in messages.

    ``base_dir`` is the folder that ``source.text`` is relative to; when it is
    ``None`` the article's existence is not checked.
    """
    if len(data) > MAX_FILE_BYTES:
        raise BriefingError([Problem(file, too_large(len(data), MAX_FILE_BYTES, "briefing"))])
    text = decode(data, file) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    with _CollectionPaused():
        root, problems = read_tree(text, file)
        if root is None or written_null(root) == "":  # `~` alone is refused as not a mapping
            if not problems:
                problems = [Problem(file, "the file is empty; a briefing needs at least "
                                    "`briefing: 1`, `title` and `summary`", 1, 1)]
            raise _refusal(file, problems)
        reader = RecordReader(file, base_dir)
        reader.problems.extend(problems)
        try:
            briefing = reader.read_briefing(root)
        except TooManyProblems:
            briefing = None
    if reader.problems or briefing is None:
        raise _refusal(file, reader.problems)
    path = base_dir / Path(file).name if base_dir is not None else None
    return briefing._replace(path=path)


def _refusal(file: str, problems: list[Problem]) -> BriefingError:
    """The error for ``problems``, at most ``MAX_PROBLEMS`` of them and a note if cut."""
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], Problem(
            file, f"checking stopped after {MAX_PROBLEMS:,} problems; fix these and check "
            "the file again")]
    return BriefingError(problems)


class _CollectionPaused:
    """Pause Python's cyclic garbage collector while a tree is built and checked.

    Reading makes up to a million small objects and no reference cycles; left on,
    the collector traverses them again and again and more than doubles the time.
    (A class, not ``contextlib.contextmanager``: ``validate`` imports nothing else
    from contextlib.)
    """

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.was_enabled:
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


class Article(NamedTuple):
    """The source article's text (``source.text``), as far as it could be read."""

    text: str = ""
    """The text as read (decoded with replacement, line breaks normalised)."""
    note: str = ""
    """Why the text is missing or incomplete; empty when all is well."""


def read_article(path: Path | None) -> Article | None:
    """Read the source article at ``path``: at most ``MAX_SOURCE_TEXT_BYTES``, UTF-8
    with replacement.

    Returns ``None`` when the briefing names no article. A missing or unreadable
    file gives an :class:`Article` with a ``note`` instead of raising; a longer
    one is cut, with a note saying so.
    """
    if path is None:
        return None
    try:
        data = read_bounded(path, MAX_SOURCE_TEXT_BYTES, what="article", cut=True)
    except BriefingError as error:
        return Article(note=str(error))
    note = ""
    if len(data) > MAX_SOURCE_TEXT_BYTES:
        data = data[:MAX_SOURCE_TEXT_BYTES]
        note = f"only the first {size_text(MAX_SOURCE_TEXT_BYTES)} of the article are shown"
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return Article(text.replace("\r\n", "\n"), note)
