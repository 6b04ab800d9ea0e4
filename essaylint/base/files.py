"""Files essaylint reads for settings and writes for results: the small files a config names
(the config itself, its `extends`, packs, word lists) and atomic replacement (fixes, reports).

Their paths are the user's to choose, so one may be a named pipe, a device or a folder. They
are opened without waiting and read only when they are a regular file of bounded size: a FIFO
must not hang a run and `/dev/zero` must not fill memory (both did, as a typo pack or config).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

__all__ = [
    "MAX_SETTINGS_BYTES",
    "UnreadableFile",
    "describe_missing",
    "os_reason",
    "read_small_file",
    "replace_atomically",
]

MAX_SETTINGS_BYTES = 16 * 1024 * 1024  # far beyond any config, pack or word list
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


class UnreadableFile(ValueError):
    """Why a file cannot be read, as a short phrase for `<file>: cannot read: <phrase>`."""


def read_small_file(path: str | os.PathLike[str], limit: int = MAX_SETTINGS_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `UnreadableFile` otherwise."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_WAIT)
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from None
    except ValueError:  # a NUL character in the path
        raise UnreadableFile("invalid file name") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file (a named pipe, device or socket)")
        if info.st_size > limit:
            raise UnreadableFile(f"larger than {limit // (1024 * 1024)} MB")
        with open(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(os_reason(error)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew while read
        raise UnreadableFile(f"larger than {limit // (1024 * 1024)} MB")
    return data


def os_reason(error: OSError) -> str:
    """An OSError as a short phrase for a one-line message (`No space left on device`)."""
    return error.strerror or str(error) or type(error).__name__


def describe_missing(path: Path) -> str:
    """What stands at a path that is not a readable regular file, for "extends" messages."""
    try:
        info = path.stat()
    except OSError:
        return "a broken symbolic link" if os.path.islink(path) else "no such file"
    if stat.S_ISDIR(info.st_mode):
        return "is a directory"
    return "not a regular file"


def replace_atomically(
    target: str, data: bytes, mode: int, owner: tuple[int, int] | None = None
) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`: a reader
    sees the old bytes or the new, never half of them. `mode` (and `owner`, where allowed) are
    given to the new file; OSError when it cannot be done, the temporary file removed."""
    import tempfile  # ~5 ms of imports (random, shutil) that only a run writing files needs

    folder, name = os.path.split(target)
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".essaylint")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # keeping the owner needs privileges
                os.chown(temp, *owner)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
