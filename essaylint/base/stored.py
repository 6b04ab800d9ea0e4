"""What essaylint derives from fixed inputs, kept beside its bytecode between runs.

Python keeps each module's compiled bytecode in `__pycache__` so that no run compiles it
again. Some of essaylint's start-up is the same kind of work: compiling its regular
expressions (see `patterns.py`) and parsing the company presets' TOML. This store keeps those
results, each marshalled on its own under a key that names everything it was derived from, in
one file beside this module's bytecode (`stored.<python tag>.bin`).

- The file is tied to the exact interpreter build and regex engine (its header); another
  Python, or a damaged or foreign file, reads as empty.
- An entry is read only when a run asks for its key: the store grows to hundreds of entries
  (typo forms, user packs) while a run on one file needs about a hundred, and unmarshalling
  every entry cost more (~3 ms) than looking up the ones needed.
- The file is written when the process exits, and only if the run added something, atomically
  (a temporary file renamed over it). Failures are silent: a read-only install or a full disk
  only means deriving again next run. Beyond `MAX_ENTRIES` it keeps this run's entries only.
- As with bytecode, nothing is written under `PYTHONDONTWRITEBYTECODE`. `ESSAYLINT_STORE=FILE`
  uses another file; `ESSAYLINT_STORE=` (empty) turns the store off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from collections.abc import Hashable
from typing import Any

from essaylint.base.files import UnreadableFile, read_small_file

__all__ = ["MAX_ENTRIES", "STORE", "DerivedStore", "load_toml", "store_path"]

_FORMAT = 1
MAX_ENTRIES = 4096
MAX_BYTES = 64 << 20  # a bigger file is not one this module wrote
_ENV = "ESSAYLINT_STORE"


def _header() -> tuple[object, ...]:
    from importlib import import_module

    engine = import_module("_sre")  # what compiled patterns depend on (built in, loaded by re)

    return (
        _FORMAT,
        sys.version,
        sys.implementation.cache_tag,
        marshal.version,
        getattr(engine, "MAGIC", None),
        getattr(engine, "CODESIZE", None),
        sys.maxunicode,
    )


def store_path() -> str | None:
    """Beside this module's bytecode (`__cached__` follows `sys.pycache_prefix` and the
    interpreter's tag), or the file `ESSAYLINT_STORE` names; None for no store."""
    chosen = os.environ.get(_ENV)
    if chosen is not None:
        return chosen or None
    cached = globals().get("__cached__")
    if not isinstance(cached, str) or not cached:
        return None
    return os.path.splitext(cached)[0] + ".bin"


class DerivedStore:
    """Marshalled values by key, read from one file on first use, written by `save`."""

    def __init__(self, path: str | None, *, write: bool = True) -> None:
        self.path = path
        self.write = write
        self._entries: dict[Hashable, bytes] | None = None
        self._used: set[Hashable] = set()
        self._changed = False
        self._keeps: bool | None = None

    @property
    def enabled(self) -> bool:
        return self.path is not None

    @property
    def keeps(self) -> bool:
        """Whether what is put now can reach the file: writing allowed and the folder writable
        (one check per process). Deriving work only to store it is waste otherwise, every run
        under PYTHONDONTWRITEBYTECODE or in a read-only install."""
        if self._keeps is None:
            self._keeps = bool(self.write and self.path and _writable(self.path))
        return self._keeps

    def get(self, key: Hashable) -> bytes | None:
        """The marshalled value stored under `key`, if any."""
        entries = self._load()
        self._used.add(key)
        return entries.get(key)

    def put(self, key: Hashable, value: bytes) -> None:
        if self.path is None:
            return
        self._load()[key] = value
        self._used.add(key)
        self._changed = True

    def forget(self, key: Hashable) -> None:
        """Drop an entry its user could not read (a file altered by hand)."""
        if self._load().pop(key, None) is not None:
            self._changed = True

    def save(self) -> None:
        """Write the file if this process added to it."""
        if not (self._changed and self.write and self.path):
            return
        entries = self._load()
        if len(entries) > MAX_ENTRIES:
            entries = {key: value for key, value in entries.items() if key in self._used}
        try:
            content: Any = (_header(), entries)  # keys and header are marshallable by design
            data = marshal.dumps(content)
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            temporary = f"{self.path}.{os.getpid()}.tmp"
            try:
                with open(temporary, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, self.path)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except (OSError, ValueError):
            return
        self._changed = False

    def _load(self) -> dict[Hashable, bytes]:
        if self._entries is None:
            self._entries = _read(self.path) if self.path else {}
        return self._entries


def _writable(path: str) -> bool:
    """Whether `path` could be created or replaced: its nearest existing folder is writable."""
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(folder):
            return False  # no existing folder above, or a file where a folder must be
        folder = parent
    return os.access(folder, os.W_OK)


def _read(path: str) -> dict[Hashable, bytes]:
    """The file's entries, or none when it is missing, broken or from another Python.

    Only a regular file of at most `MAX_BYTES` is read, opened without waiting: a named pipe,
    a device or a folder in its place (`ESSAYLINT_STORE=/dev/zero`) must not hang a run."""
    try:
        stored = marshal.loads(read_small_file(path, MAX_BYTES))
    except (UnreadableFile, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _header()):
        return {}
    entries = stored[1]
    return entries if isinstance(entries, dict) else {}


STORE = DerivedStore(store_path(), write=not sys.dont_write_bytecode)
atexit.register(STORE.save)


def load_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads(text)`, kept in the store under the text itself (tomllib is pure Python:
    ~3 ms for the 15 built-in company presets, every run). Raises what tomllib raises."""
    key = ("toml", text)
    stored = STORE.get(key)
    if stored is not None:
        try:
            data = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            data = None
        if isinstance(data, dict):
            return data
        STORE.forget(key)
    import tomllib

    data = tomllib.loads(text)
    try:
        value = marshal.dumps(data)
    except ValueError:  # dates and times do not marshal: such a file is parsed every run
        return data
    STORE.put(key, value)
    return data
