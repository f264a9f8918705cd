"""What a path names, and why it cannot be read or written, in the words of a
message: one line each, never an exception's text with its own quoting.

Shared by the loader (the briefing and its article), the record reader
(``source.text``) and the commands that write files. Imports only ``os`` and
``stat``, which every command has loaded already.
"""

from __future__ import annotations

import errno
import os
import stat

from .safe_text import escaped

ARTICLE_SUFFIXES = (".txt", ".text")
"""The file names an article is recognised by (``briefing ARTICLE.txt``): here, not in
``draft``, so that opening a briefing does not import the drafter to ask."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


def kind(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) is that is not a regular file:
    ``"a folder"``, ``"a named pipe (FIFO)"``, ``"a socket"``..."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


NO_SUCH_FILE = "no such file"


def regular_file_problem(path: str | os.PathLike[str], what: str = "") -> str | None:
    """Why ``path`` is not a regular file that can be read, e.g. ``"is a named pipe
    (FIFO), not a file"`` (``what`` goes before ``file``); ``None`` if it is one.
    Never opens it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return os_problem(error, path, what)
    except ValueError:
        return NUL_IN_NAME
    return None if stat.S_ISREG(mode) else f"is {kind(mode)}, not a {what}file"


NUL_IN_NAME = "is not a valid file name (it holds a NUL character)"


def os_problem(
    error: OSError, path: str | os.PathLike[str] | None = None, what: str = ""
) -> str:
    """Why ``path`` could not be opened, after ``error``: e.g. ``"no such file"``,
    ``"is a loop of symbolic links"``, ``"is a socket, not a file"`` (``what`` goes
    before ``file``).

    With ``path``, a name that exists but cannot be opened as a file (a socket
    or a device with no driver gives ``ENXIO``; a symbolic link to nothing,
    ``ENOENT``) is named for what it is.
    """
    number = error.errno
    if number == errno.ENOENT:
        if path is not None and os.path.lexists(path):
            return "is a symbolic link to a file that does not exist"
        return NO_SUCH_FILE
    if number == errno.ELOOP:
        return "is a loop of symbolic links"
    if number == errno.ENOTDIR:  # a part of the path before the name is a file
        return NO_SUCH_FILE
    if number == errno.ENAMETOOLONG:
        return "has a name too long for the system"
    if number in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    if path is not None and number in (errno.ENXIO, errno.ENODEV, errno.EOPNOTSUPP):
        try:
            return f"is {kind(os.stat(path).st_mode)}, not a {what}file"
        except (OSError, ValueError):
            pass
    return f"cannot be read: {reason(error)}"


def reason(error: OSError) -> str:
    """The system's words for ``error`` (``strerror``), lower-cased as in a message."""
    words = error.strerror or escaped(str(error))
    return words[:1].lower() + words[1:]
