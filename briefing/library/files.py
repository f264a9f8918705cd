"""The briefing files of a library folder, and their states on disk.

Every ``*.yaml`` and ``*.yml`` under the folder, recursively. Hidden folders and
files (their names start with ``.``, so ``.git`` too) are skipped. A symbolic link
is followed only when what it points at is inside the folder, and each folder is
walked once (a loop of links ends). Nothing is opened here: a file is only
``stat``-ed, which never blocks, whatever it is (a named pipe named ``x.yaml`` is
listed, and reading it says what it is).
"""

from __future__ import annotations

import os
import stat
from operator import attrgetter

from .entries import FileState

SUFFIXES = (".yaml", ".yml")

_state = tuple.__new__
"""Makes a :class:`FileState` without its Python-level ``__new__`` (a rescan makes
one per file)."""


def library_files(root: str) -> dict[str, FileState]:
    """Every briefing file under the folder ``root``: its path relative to ``root``
    (``/`` between folders) and its state (modification time and size; no digest).

    A file that disappears while the folder is walked is left out; one that cannot
    be ``stat``-ed otherwise is listed with a zero state, so reading it says why.
    """
    real_root = os.path.realpath(root)
    found: dict[str, FileState] = {}
    seen_folders: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    try:
        info = os.stat(real_root)
    except OSError:
        return found
    seen_folders.add((info.st_dev, info.st_ino))
    pending: list[tuple[str, str]] = [(root, "")]
    while pending:
        folder, relative = pending.pop()
        try:
            with os.scandir(folder) as listing:
                children = sorted(listing, key=attrgetter("name"))
        except OSError:
            continue  # unreadable, or gone: nothing in it is listed
        for child in children:
            name = child.name
            if name.startswith("."):
                continue
            path = f"{relative}{name}"
            try:
                is_link = child.is_symlink()
                if is_link and not _inside(child.path, real_root):
                    continue
                is_folder = child.is_dir()  # follows a link (inside the library)
            except OSError:
                continue
            if is_folder:
                try:
                    info = child.stat()
                except OSError:
                    continue
                key = (info.st_dev, info.st_ino)
                if key not in seen_folders:
                    seen_folders.add(key)
                    pending.append((child.path, f"{path}/"))
                continue
            if not name.lower().endswith(SUFFIXES):
                continue
            try:
                info = child.stat()
            except FileNotFoundError:
                continue  # gone since the folder was listed (or a link to nothing)
            except OSError:
                found[path] = FileState(0, 0)
                continue
            if stat.S_ISREG(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen_files:
                    continue  # a second link to a file already listed
                seen_files.add(key)
            found[path] = _state(FileState, (info.st_mtime_ns, info.st_size, b""))
    return found


def _inside(path: str, real_root: str) -> bool:
    """Whether ``path`` (a symbolic link) leads to ``real_root`` or inside it."""
    target = os.path.realpath(path)
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
