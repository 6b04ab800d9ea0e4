"""Regular expressions compiled once per installation instead of once per run.

`re` parses and optimises every pattern in Python before its C engine sees it: essaylint's
~110 patterns took ~28 ms of a ~150 ms run on one file (a class of the 11,172 Hangul syllables
alone ~0.7 ms), more than markdown-it needs to parse the file. What that work produces is a
list of integers that `_sre.compile` turns into a pattern object. As Python keeps bytecode in
`__pycache__`, this module keeps those lists in a store beside its own bytecode
(`patterns.<tag>.regex`) and builds patterns straight from them.

Why it cannot change a result:
- a pattern is stored only after the object built from its parts compared equal to what
  `re.compile` returns (pattern equality compares the compiled code, flags and source) and
  has the same groups;
- the store is keyed by the interpreter build (`sys.version`, the bytecode tag) and the
  engine's magic number and code size, so another Python, or a patched `re`, ignores it;
- anything unexpected (no store, a broken or foreign one, `re` internals that moved, a folder
  that cannot be written) means plain `re.compile` for that pattern or that process.

The first run after an install pays the compiling (and the check) and writes the store when
the process exits. Like bytecode, nothing is written under `PYTHONDONTWRITEBYTECODE`;
`ESSAYLINT_PATTERN_STORE` names another file, or, empty, turns the store off.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
from typing import Any

__all__ = ["LazyPattern", "PatternStore", "compile_pattern", "store_path"]

_FORMAT = 2  # 2: each entry's parts marshalled on their own, read only when used
MAX_PATTERNS = 2048  # beyond this (many users' packs over time) the store keeps this run's only
_ENV = "ESSAYLINT_PATTERN_STORE"

Key = tuple[str, int]
Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _internals() -> tuple[Any, Any, Any] | None:
    """`re`'s parser, code generator and engine, or None where they are not as expected."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        engine = importlib.import_module("_sre")
    except ImportError:
        return None
    if not all(callable(f) for f in (parser.parse, compiler._code, engine.compile)):
        return None
    return parser, compiler, engine


def _header(engine: Any) -> tuple[Any, ...]:
    return (
        _FORMAT,
        sys.version,
        sys.implementation.cache_tag,
        engine.MAGIC,
        engine.CODESIZE,
        sys.maxunicode,
    )


def store_path() -> str | None:
    """Where this installation's store lives: beside this module's bytecode (`__cached__`
    follows `sys.pycache_prefix` and the interpreter's tag), or None without bytecode."""
    chosen = os.environ.get(_ENV)
    if chosen is not None:
        return chosen or None
    cached = globals().get("__cached__")
    if not isinstance(cached, str) or not cached:
        return None
    return os.path.splitext(cached)[0] + ".regex"


class PatternStore:
    """Compiled parts by (source, flags), read from one file on first use, written on request."""

    def __init__(self, path: str | None, *, write: bool = True) -> None:
        self.path = path
        self.write = write
        self._internals = _internals() if path else None
        self._entries: dict[Key, bytes] | None = None  # each entry's parts, marshalled
        self._used: set[Key] = set()
        self._changed = False

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(source, flags)`, built from stored parts where the store has them."""
        flags = int(flags)
        internals = self._internals
        if internals is None:
            return re.compile(source, flags)
        entries = self._load(internals[2])
        key = (source, flags)
        self._used.add(key)
        stored = entries.get(key)
        if stored is not None:
            try:
                built: re.Pattern[str] = internals[2].compile(source, *marshal.loads(stored))
                return built
            except Exception:  # a store altered by hand: _sre rejects bad code
                del entries[key]
        compiled, parts = _compile_checked(source, flags, internals)
        if parts is not None:
            entries[key] = marshal.dumps(parts)
            self._changed = True
        return compiled

    def save(self) -> None:
        """Write the store if this process added to it (atomically; failures are silent)."""
        if not (self._changed and self.write and self.path and self._internals):
            return
        entries = self._entries or {}
        if len(entries) > MAX_PATTERNS:
            entries = {key: parts for key, parts in entries.items() if key in self._used}
        try:
            data = marshal.dumps((_header(self._internals[2]), entries))
            folder = os.path.dirname(self.path) or "."
            os.makedirs(folder, exist_ok=True)
            temporary = f"{self.path}.{os.getpid()}.tmp"
            try:
                with open(temporary, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, self.path)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except (OSError, ValueError):  # read-only install, full disk: compile next time
            return
        self._changed = False

    def _load(self, engine: Any) -> dict[Key, bytes]:
        if self._entries is None:
            self._entries = _read(self.path, _header(engine)) if self.path else {}
        return self._entries


def _read(path: str, header: tuple[Any, ...]) -> dict[Key, bytes]:
    """The stored entries, or none when the file is missing, broken or from another Python.

    Each entry stays marshalled until a run asks for it: a store grows to hundreds of patterns
    (typo forms, user packs) while a run on one file needs about ninety, and reading every
    entry's code took longer (~3 ms) than looking up the ones needed."""
    try:
        with open(path, "rb") as handle:
            stored = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == header):
        return {}
    entries = stored[1]
    return entries if isinstance(entries, dict) else {}


def _compile_checked(
    source: str, flags: int, internals: tuple[Any, Any, Any]
) -> tuple[re.Pattern[str], Parts | None]:
    """The pattern from `re.compile`, and its parts if a pattern built from them equals it."""
    reference = re.compile(source, flags)
    parser, compiler, engine = internals
    try:
        parsed = parser.parse(source, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts: Parts = (
            flags | parsed.state.flags,
            [int(word) for word in code],  # some are named int subclasses
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        built = engine.compile(source, *parts)
    except Exception:  # internals not as this module expects: no store for this pattern
        return reference, None
    same = (
        built == reference
        and built.groups == reference.groups
        and dict(built.groupindex) == dict(reference.groupindex)
    )
    return reference, parts if same else None


_STORE = PatternStore(store_path(), write=not sys.dont_write_bytecode)
atexit.register(_STORE.save)


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, served from this installation's store when it can be."""
    return _STORE.compile(source, flags)


class LazyPattern:
    """A pattern compiled on first use, for modules whose patterns a run may never need."""

    __slots__ = ("_flags", "_pattern", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = int(flags)
        self._pattern: re.Pattern[str] | None = None

    @property
    def re(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = compile_pattern(self._source, self._flags)
        return self._pattern
