"""Folder walking: every file under a folder, in a stable sorted order, loops reported once."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from recoupe.model import Rejection
from recoupe.sources.errors import os_reason

#: System litter that is skipped silently (hidden files are skipped too).
_LITTER = frozenset({"thumbs.db", "desktop.ini", "__macosx"})


def walk(root: Path, max_depth: int = 64) -> Iterator[Path | Rejection]:
    """Yield the files under ``root`` (sorted by name, depth first), or Rejections.

    Symbolic links are followed, but each directory is entered once, identified by
    ``(device, inode)``: a link back to an ancestor is reported as a loop, a second link to
    a directory already read is reported as a duplicate. Hidden entries are skipped.
    """
    seen: dict[tuple[int, int], Path] = {}
    yield from _walk_dir(root, seen, ancestors=(), depth=0, max_depth=max_depth)


def _walk_dir(
    folder: Path,
    seen: dict[tuple[int, int], Path],
    ancestors: tuple[tuple[int, int], ...],
    depth: int,
    max_depth: int,
) -> Iterator[Path | Rejection]:
    """Walk one directory; recursion depth is bounded by ``max_depth``."""
    try:
        info = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejection(str(folder), os_reason(exc))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield Rejection(str(folder), f"directory loop (links back to {seen[key]}); not followed")
        return
    if key in seen:
        yield Rejection(str(folder), f"directory already read as {seen[key]}; not read twice")
        return
    if depth > max_depth:
        yield Rejection(str(folder), f"folder deeper than the limit ({max_depth} levels)")
        return
    seen[key] = folder
    for entry in entries:
        if entry.name.startswith(".") or entry.name.lower() in _LITTER:
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            yield from _walk_dir(path, seen, (*ancestors, key), depth + 1, max_depth)
        else:
            yield path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether an entry is a directory (following links); broken links count as files."""
    try:
        return stat.S_ISDIR(entry.stat(follow_symlinks=True).st_mode)
    except OSError:
        return False
