"""A library folder looked at again from the listing of the last look
(``files.look_again``) finds what a walk of the folder finds, after files are added,
edited in place, removed or renamed, and folders made, removed or swapped; and finds
nothing to do when nothing changed."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from briefing.library.files import Listing, library_files, look_again, walk
from tests.test_library import Library, briefing


def _age(root: Path) -> None:
    """Give every folder under ``root`` a distinct time long ago (old enough to be
    kept by a listing), as a library edited long ago has."""
    old = 1_700_000_000_000_000_000  # November 2023
    folders = [root, *sorted(path for path in root.rglob("*") if path.is_dir())]
    for number, folder in enumerate(folders):
        os.utime(folder, ns=(old + number, old + number * 1_000_000_007))


def _kept(root: Path) -> Listing:
    """The listing a scan would keep of ``root`` after its folders were aged."""
    _age(root)
    listing = walk(str(root))[1]
    assert -1 not in listing.stamps and not listing.walk_again
    assert look_again(str(root), listing) is None
    return listing


def _same_as_a_walk(root: Path, listing: Listing) -> Listing:
    looked = look_again(str(root), listing)
    assert looked is not None
    files, again = looked
    assert files == library_files(str(root))
    assert sorted(again.paths) == sorted(files)
    return again


def _write(path: Path, text: str = "summary: x\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_nothing_changed_is_said_without_a_walk(tmp_path: Path) -> None:
    for name in ("a.yaml", "sub/b.yml", "sub/deeper/c.yaml", "notes.txt"):
        _write(tmp_path / name)
    listing = _kept(tmp_path)
    assert sorted(listing.paths) == ["a.yaml", "sub/b.yml", "sub/deeper/c.yaml"]
    assert look_again(str(tmp_path), listing) is None


def test_a_file_edited_in_place_with_its_size_is_found_by_its_time(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "a.yaml"
    _write(path, "summary: one\n")
    listing = _kept(tmp_path)
    _write(path, "summary: two\n")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert os.stat(tmp_path / "sub").st_mtime_ns in listing.stamps  # the folder: as it was
    again = _same_as_a_walk(tmp_path, listing)
    assert again.mtimes[again.paths.index("sub/a.yaml")] == info.st_mtime_ns + 1_000_000_000


def test_a_file_in_a_new_folder_is_found(tmp_path: Path) -> None:
    _write(tmp_path / "2024" / "a.yaml")
    listing = _kept(tmp_path)
    _write(tmp_path / "2024" / "new" / "deeper" / "b.yaml")
    _write(tmp_path / "2025" / "c.yaml")
    again = _same_as_a_walk(tmp_path, listing)
    assert {"2024/new/deeper/b.yaml", "2025/c.yaml"} <= set(again.paths)


@pytest.mark.parametrize("change", ["remove file", "remove folder", "rename folder",
                                    "swap folders", "folder to file", "hidden folder"])
def test_removed_and_renamed_are_found(tmp_path: Path, change: str) -> None:
    for name in ("a/one.yaml", "a/inner/two.yaml", "b/three.yaml", "b/four.yaml"):
        _write(tmp_path / name)
    listing = _kept(tmp_path)
    if change == "remove file":
        (tmp_path / "b" / "four.yaml").unlink()
    elif change == "remove folder":
        shutil.rmtree(tmp_path / "a")
    elif change == "rename folder":
        (tmp_path / "a").rename(tmp_path / "c")
    elif change == "swap folders":
        (tmp_path / "a").rename(tmp_path / "swap")
        (tmp_path / "b").rename(tmp_path / "a")
        (tmp_path / "swap").rename(tmp_path / "b")
        _age(tmp_path)  # their times say nothing: only which folders they are
    elif change == "folder to file":
        shutil.rmtree(tmp_path / "a")
        _write(tmp_path / "a", "summary: a file now\n")
    else:
        (tmp_path / "a").rename(tmp_path / ".a")
    _same_as_a_walk(tmp_path, listing)


def test_many_changes_in_turn_find_what_a_walk_finds(tmp_path: Path) -> None:
    rng = random.Random(14)
    names = [f"{folder}/{name}.yaml" for folder in ("x", "x/y", "z", "z/w/v")
             for name in ("p", "q", "r")]
    for name in names[::2]:
        _write(tmp_path / name)
    for _ in range(30):
        listing = _kept(tmp_path)
        for _ in range(rng.randint(1, 3)):
            path = tmp_path / rng.choice(names)
            action = rng.choice(["write", "edit", "remove", "folder"])
            if action == "write" or (action == "edit" and not path.exists()):
                _write(path, "summary: new\n" * rng.randint(1, 3))
            elif action == "edit":
                info = path.stat()
                os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000))
            elif action == "remove" and path.exists():
                path.unlink()
            elif action == "folder" and path.parent.exists():
                shutil.rmtree(path.parent)
        looked = look_again(str(tmp_path), listing)
        now = library_files(str(tmp_path))
        if looked is None:
            assert now == dict(zip(listing.paths, [
                (mtime, size, b"") for mtime, size in zip(
                    listing.mtimes, listing.sizes, strict=True)], strict=True))
        else:
            assert looked[0] == now


def test_a_library_with_links_is_walked_each_time(tmp_path: Path) -> None:
    _write(tmp_path / "inside" / "real.yaml")
    try:
        (tmp_path / "later.yaml").symlink_to(tmp_path / "inside" / "not-yet.yaml")
    except OSError:
        pytest.skip("no symbolic links here")
    files, listing = walk(str(tmp_path))
    assert listing.walk_again and list(files) == ["inside/real.yaml"]
    _age(tmp_path)
    # The link comes alive: its folder did not change, only what it points at.
    _write(tmp_path / "inside" / "not-yet.yaml")
    _same_as_a_walk(tmp_path, listing)


def test_a_link_in_a_folder_listed_again_means_a_walk(tmp_path: Path) -> None:
    _write(tmp_path / "inside" / "real.yaml")
    listing = _kept(tmp_path)
    try:
        (tmp_path / "inside" / "twin").symlink_to(tmp_path / "inside", target_is_directory=True)
    except OSError:
        pytest.skip("no symbolic links here")
    again = _same_as_a_walk(tmp_path, listing)
    assert again.walk_again


def test_search_finds_an_edit_in_place_and_a_new_folder_after_the_listing_is_kept(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    path = library.write("2024/a.yaml", briefing("A", "The Caspian ferry."))
    library.write("2024/b.yaml", briefing("B", "Nothing here."))
    _age(library.folder)
    assert library.run("index", "lib").returncode == 0
    assert library.search("ferry").stdout.startswith("lib/2024/a.yaml:")
    # The same size, a new time, the folder untouched.
    path.write_text(briefing("A", "The Baku railways."), encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))
    assert library.search("railway").stdout.startswith("lib/2024/a.yaml:")
    assert library.search("ferry").returncode == 1
    _age(library.folder)
    library.run("index", "lib")
    library.write("2025/new/c.yaml", briefing("C", "A ferry again."))
    assert library.search("ferry").stdout.startswith("lib/2025/new/c.yaml:")
    path.unlink()
    assert library.search("railway").returncode == 1
    result = library.run("index", "lib")
    assert result.stdout.startswith("2 briefing files indexed: 0 new, 0 changed, 0 removed")
