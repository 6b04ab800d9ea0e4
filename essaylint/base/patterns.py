"""Regular expressions compiled once per installation instead of once per run.

`re` parses and optimises every pattern in Python before its C engine sees it: essaylint's
~110 patterns took ~28 ms of a ~150 ms run on one file (a class of the 11,172 Hangul syllables
alone ~0.7 ms), more than markdown-it needs to parse the file. What that work produces is a
list of integers that `_sre.compile` turns into a pattern object; `stored.py` keeps those
lists beside essaylint's bytecode, and patterns are built straight from them.

Why it cannot change a result:
- a pattern's parts are stored only after the object built from them compared equal to what
  `re.compile` returns (pattern equality compares the compiled code, flags and source) and
  has the same groups;
- the store is tied to the interpreter build and the engine's magic number and code size, so
  another Python, or a patched `re`, ignores it;
- anything unexpected (no store, a broken entry, `re` internals that moved) means plain
  `re.compile` for that pattern or that process.

The first run after an install pays the compiling (and the check).
"""

from __future__ import annotations

import importlib
import marshal
import re
from typing import Any

from essaylint.base.stored import STORE, DerivedStore

__all__ = ["LazyPattern", "compile_pattern", "compile_with"]

Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _internals() -> tuple[Any, Any, Any] | None:
    """`re`'s parser, code generator and engine, or None where they are not as expected."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        engine = importlib.import_module("_sre")
    except ImportError:
        return None
    needed = ((parser, "parse"), (compiler, "_code"), (engine, "compile"))
    if not all(callable(getattr(module, name, None)) for module, name in needed):
        return None
    return parser, compiler, engine


_INTERNALS = _internals()


def compile_with(store: DerivedStore, source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, built from `store`'s parts where it has them."""
    flags = int(flags)
    if _INTERNALS is None or not store.enabled:
        return re.compile(source, flags)
    engine = _INTERNALS[2]
    key = ("re", source, flags)
    stored = store.get(key)
    if stored is not None:
        try:
            built: re.Pattern[str] = engine.compile(source, *marshal.loads(stored))
            return built
        except Exception:  # an entry altered by hand: _sre rejects bad code
            store.forget(key)
    if not store.keeps:  # checking parts that cannot be kept would double the compiling
        return re.compile(source, flags)
    compiled, parts = _compile_checked(source, flags, _INTERNALS)
    if parts is not None:
        store.put(key, marshal.dumps(parts))
    return compiled


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


_BUILT: dict[tuple[str, int], re.Pattern[str]] = {}
_MAX_BUILT = 512  # as `re`'s own cache


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, served from this installation's store when it can be.

    Like `re.compile`, a pattern asked for again in the same process is the object built the
    first time: building from the store (~7 µs) is cheap only next to compiling, and some
    callers ask per title or per settings, as they could with `re`'s cache."""
    key = (source, int(flags))
    built = _BUILT.get(key)
    if built is None:
        if len(_BUILT) >= _MAX_BUILT:
            _BUILT.clear()
        built = _BUILT[key] = compile_with(STORE, source, flags)
    return built


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
