"""Fingerprints of the files a result depends on: (path, size, mtime) of a file or of every file
under a folder, and the sha256 of a file's bytes.

Shared by the per-file cache and the whole-run replay, and kept to `os` and `stat`: a replay
runs before the command line, the config or the parser is imported.
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

__all__ = [
    "MAX_TREE_FILES",
    "content_digest",
    "stat_entry",
    "tree_fingerprint",
    "walk_files",
    "watched_fingerprint",
]

MAX_TREE_FILES = 2000  # files fingerprinted under one folder
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def walk_files(folder: str, limit: int = MAX_TREE_FILES) -> Iterator[str]:
    """Files under a folder in a stable order; bytecode skipped (it changes with every import)."""
    count = 0
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            yield os.path.join(parent, name)
            count += 1
            if count >= limit:
                return


def stat_entry(path: str) -> list[Any]:
    """[path, size, mtime in ns], or [path, None] for what cannot be stat'ed."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return [path, None]
    return [path, info.st_size, info.st_mtime_ns]


def tree_fingerprint(path: str) -> list[Any]:
    """The stat entry of a file, or of every file under a folder."""
    if os.path.isdir(path):
        return [stat_entry(p) for p in walk_files(path)]
    return [stat_entry(path)]


def watched_fingerprint(files: list[tuple[str, bool]]) -> list[Any]:
    """Stat entries of (path, is a tree) pairs, as running.cache.input_files lists them."""
    return [tree_fingerprint(path) if tree else stat_entry(path) for path, tree in files]


def content_digest(path: str) -> str | None:
    """The sha256 of a regular file's bytes; the kind of anything else (opened without waiting:
    a named pipe nobody writes to must not hang a run); None for what cannot be opened.

    Plain `os.read` calls on the descriptor, no file object: a replay hashes every checked file,
    and the buffered reader cost a third of the time of hashing a thousand essays.
    """
    import hashlib  # first use only: a --no-cache run hashes nothing

    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_WAIT | _BINARY)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return f"not a regular file: {stat.S_IFMT(info.st_mode):o}"
        digest = hashlib.sha256()
        size = info.st_size
        while chunk := os.read(descriptor, max(size + 1, 1 << 16)):  # to the end, grown or not
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(descriptor)
