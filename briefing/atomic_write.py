"""Writing a file the way every command that writes does: :func:`write_atomically`.

``briefing new -o``, ``schema -o``, ``export -o``, ``draft -o`` and the viewer's
export dialog write through here: readers see the old file or the new, never half
of one; an existing file is replaced only when asked, and only if it is a regular
file (never a named pipe, a device or a symbolic link); the new file gets the
umask's permissions.
"""

from __future__ import annotations

import os
from pathlib import Path


class NotARegularFile(OSError):
    """The path to write names something other than a regular file, which is
    never replaced: a named pipe, a device (``/dev/null``, as root), a socket, a
    symbolic link. An ``OSError``, so that code catching those for a file that
    cannot be written catches it too."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}; only a regular file is ever replaced")
        self.kind = kind
        """What the path is: ``"a named pipe (FIFO)"``..."""


def check_replaceable(path: Path) -> None:
    """Raise :class:`NotARegularFile` if ``path`` exists and is not a regular file."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        from .paths import kind

        raise NotARegularFile(kind(mode))


def write_atomically(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half.

    The file gets the permissions of any file the user creates (0666 less the
    umask, so 0644 under umask 022). Without ``overwrite``, raises
    ``FileExistsError`` if ``path`` exists (checked atomically, by hard-linking
    the finished temporary file into place). With it, only a regular file is
    replaced: anything else at ``path`` raises :class:`NotARegularFile`, before
    the temporary file is made and again just before it is renamed into place.
    """
    import secrets

    check_replaceable(path)

    for _ in range(10):  # a name taken already is all but impossible; another is tried
        temporary = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
        try:
            # Not tempfile.mkstemp: it creates the file 0600 whatever the umask.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise OSError(f"no free name for a temporary file beside {path}")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            check_replaceable(path)
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails with FileExistsError if path exists
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
