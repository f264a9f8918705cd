"""The briefing files of a library folder, and their states on disk.

Every ``*.yaml`` and ``*.yml`` under the folder, recursively. Hidden folders and
files (their names start with ``.``, so ``.git`` too) are skipped. A symbolic link
is followed only when what it points at is inside the folder, and each folder is
walked once (a loop of links ends). Nothing is opened here: a file is only
``stat``-ed, which never blocks, whatever it is (a named pipe named ``x.yaml`` is
listed, and reading it says what it is).

A walk gives its :class:`Listing` too, which the index keeps: the next look
(:func:`look_again`) ``stat``-s each folder and each file listed, at C speed, and
lists again only the folders whose modification time changed (a file added,
removed or renamed changes its folder's), so a search of a library where nothing
changed costs a ``stat`` per file rather than a walk. A file edited in place is
found by its own ``(mtime_ns, size)``, as a walk finds it.
"""

from __future__ import annotations

import os
import stat
import time
from array import array
from operator import attrgetter
from typing import NamedTuple

from .entries import FileState

SUFFIXES = (".yaml", ".yml")

RECENT_NS = 3_000_000_000
"""How recently a folder may have changed for its listing still to be looked at again
next time: a file system keeps coarse times (FAT: 2 s), so a folder changed again
within the same tick would keep the time its listing was read at."""

_state = tuple.__new__
"""Makes a :class:`FileState` without its Python-level ``__new__`` (a rescan makes
one per file)."""
_MTIME = attrgetter("st_mtime_ns")
_SIZE = attrgetter("st_size")
_IDENTITY = attrgetter("st_ino", "st_dev")
_GONE = (FileNotFoundError, NotADirectoryError)


class Listing(NamedTuple):
    """What a walk of a library folder found, kept by the index so that the next look
    only lists again the folders that changed (see :func:`look_again`)."""

    folders: list[str]
    """Each folder walked, relative to the library (``""``, then ``a/``, ``a/b/``)."""
    stamps: array[int]
    """Each folder's modification time (``-1`` when too recent to trust: see
    :data:`RECENT_NS`)."""
    identities: list[tuple[int, int]]
    """Each folder's ``(st_ino, st_dev)``: a folder swapped for another of the same
    time is still another folder."""
    paths: list[str]
    """Each file listed, relative to the library."""
    mtimes: array[int]
    sizes: array[int]
    """Each file's state (:class:`FileState`'s first two fields)."""
    walk_again: bool
    """Whether only a walk says what the folder holds now: the walk met a symbolic
    link (its target may change, or a dangling one come alive, while no folder
    listed changes), a folder or a file reached twice, or no library folder."""


def library_files(root: str) -> dict[str, FileState]:
    """Every briefing file under the folder ``root``: its path relative to ``root``
    (``/`` between folders) and its state (modification time and size; no digest).

    A file that disappears while the folder is walked is left out; one that cannot
    be ``stat``-ed otherwise is listed with a zero state, so reading it says why.
    """
    return walk(root)[0]


def walk(root: str) -> tuple[dict[str, FileState], Listing]:
    """:func:`library_files`, and the :class:`Listing` of the walk."""
    started = time.time_ns()
    real_root = os.path.realpath(root)
    found: dict[str, FileState] = {}
    folders: dict[str, os.stat_result] = {}
    seen_folders: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    linked = False
    try:
        info = os.stat(real_root)
    except OSError:
        return found, _listing(found, folders, started, True)
    # A folder is stat-ed before it is listed: a change after that changes its time.
    folders[""] = info
    seen_folders.add((info.st_dev, info.st_ino))
    pending: list[tuple[str, str]] = [(root, "")]
    while pending:
        folder, relative = pending.pop()
        for child in _listed(folder):
            name = child.name
            path = f"{relative}{name}"
            try:
                is_link = child.is_symlink()
                if is_link:
                    linked = True
                    if not _inside(child.path, real_root):
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
                if key in seen_folders:
                    linked = True
                else:
                    seen_folders.add(key)
                    folders[f"{path}/"] = info
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
                    linked = True
                    continue  # a second link to a file already listed
                seen_files.add(key)
            found[path] = _state(FileState, (info.st_mtime_ns, info.st_size, b""))
    return found, _listing(found, folders, started, linked)


def look_again(root: str, listing: Listing | None) -> tuple[dict[str, FileState], Listing] | None:
    """What :func:`walk` would give now, knowing ``listing`` (the last walk's, or this
    function's); ``None`` when nothing changed since.

    Each folder and each file of ``listing`` is ``stat``-ed (links followed, as the
    walk follows them). Only folders whose time or identity changed are listed again
    (and new folders in them walked); every other file keeps its place, with its new
    state. Where that cannot say what a walk would (see :attr:`Listing.walk_again`;
    the library folder gone; a folder or file that cannot be ``stat``-ed, or reached
    twice; a link in a folder listed again), the folder is walked.
    """
    if listing is None or listing.walk_again:
        return walk(root)
    started = time.time_ns()
    prefix = os.path.join(root, "")
    folder_infos, folders_clean = _stats(list(map(prefix.__add__, listing.folders)))
    file_infos, files_clean = _stats(list(map(prefix.__add__, listing.paths)))
    if (folders_clean and files_clean
            and array("q", map(_MTIME, folder_infos)) == listing.stamps
            and list(map(_IDENTITY, folder_infos)) == listing.identities
            and array("q", map(_MTIME, file_infos)) == listing.mtimes
            and array("q", map(_SIZE, file_infos)) == listing.sizes):
        return None
    # Something changed: which folders still are, and which are to be listed again.
    folders: dict[str, os.stat_result] = {}
    changed: set[str] = set()
    for folder, stamp, identity, info in zip(
            listing.folders, listing.stamps, listing.identities, folder_infos, strict=True):
        if isinstance(info, OSError):
            if isinstance(info, _GONE):
                continue
            return walk(root)
        if not stat.S_ISDIR(info.st_mode):
            continue  # a file now: its parent folder changed, and lists it
        folders[folder] = info
        if info.st_mtime_ns != stamp or _IDENTITY(info) != identity:
            changed.add(folder)
    seen_folders = {(info.st_dev, info.st_ino) for info in folders.values()}
    if "" not in folders or len(seen_folders) != len(folders):
        return walk(root)
    found: dict[str, FileState] = {}
    seen_files: set[tuple[int, int]] = set()
    for path, info in zip(listing.paths, file_infos, strict=True):
        folder = path[:path.rfind("/") + 1]
        if folder in changed or folder not in folders:
            continue  # listed again below, or gone with its folder
        if isinstance(info, OSError):
            if isinstance(info, _GONE):
                continue
            return walk(root)
        if stat.S_ISREG(info.st_mode):
            seen_files.add((info.st_dev, info.st_ino))
        found[path] = _state(FileState, (info.st_mtime_ns, info.st_size, b""))
    pending = sorted(changed)
    while pending:
        relative = pending.pop()
        for child in _listed(prefix + relative):
            name = child.name
            path = f"{relative}{name}"
            try:
                if child.is_symlink():
                    return walk(root)
                is_folder = child.is_dir()
            except OSError:
                continue
            if is_folder:
                if f"{path}/" in folders:
                    continue  # known: looked at on its own
                try:
                    info = child.stat()
                except OSError:
                    continue
                key = (info.st_dev, info.st_ino)
                if key in seen_folders:
                    return walk(root)
                seen_folders.add(key)
                folders[f"{path}/"] = info
                pending.append(f"{path}/")  # new: walked whole
                continue
            if not name.lower().endswith(SUFFIXES):
                continue
            try:
                info = child.stat()
            except FileNotFoundError:
                continue
            except OSError:
                found[path] = FileState(0, 0)
                continue
            if stat.S_ISREG(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in seen_files:
                    return walk(root)
                seen_files.add(key)
            found[path] = _state(FileState, (info.st_mtime_ns, info.st_size, b""))
    return found, _listing(found, folders, started, False)


def article_states(paths: list[str]) -> list[tuple[int, int]]:
    """Each article of ``paths`` (absolute) as ``(mtime_ns, size)``, a link followed;
    ``(-1, -1)`` for one that cannot be ``stat``-ed (missing)."""
    try:
        infos = list(map(os.stat, paths))  # at C speed: one stat per article
    except (OSError, ValueError):  # ValueError: a NUL in a name written in a briefing
        return list(map(_article_state, paths))
    return list(zip(map(_MTIME, infos), map(_SIZE, infos), strict=True))


def _article_state(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def _stats(paths: list[str]) -> tuple[list[os.stat_result | OSError], bool]:
    """Each of ``paths`` ``stat``-ed (a link followed), or the error that gave; and
    whether none gave one."""
    try:
        return list(map(os.stat, paths)), True  # at C speed: what a search costs
    except OSError:
        pass
    infos: list[os.stat_result | OSError] = []
    for path in paths:
        try:
            infos.append(os.stat(path))
        except OSError as error:
            infos.append(error)
    return infos, False


def _listing(files: dict[str, FileState], folders: dict[str, os.stat_result],
             started: int, walk_again: bool) -> Listing:
    recent = started - RECENT_NS
    states = files.values()
    return Listing(
        list(folders),
        array("q", [info.st_mtime_ns if info.st_mtime_ns < recent else -1
                    for info in folders.values()]),
        list(map(_IDENTITY, folders.values())),
        list(files),
        array("q", [state[0] for state in states]),
        array("q", [state[1] for state in states]),
        walk_again)


def _inside(path: str, real_root: str) -> bool:
    """Whether ``path`` (a symbolic link) leads to ``real_root`` or inside it."""
    target = os.path.realpath(path)
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _listed(folder: str) -> list[os.DirEntry[str]]:
    """What ``folder`` holds, by name, hidden entries left out; nothing when it cannot
    be read (unreadable, or gone: nothing in it is listed)."""
    try:
        with os.scandir(folder) as listing:
            return sorted((child for child in listing if not child.name.startswith(".")),
                          key=attrgetter("name"))
    except OSError:
        return []
