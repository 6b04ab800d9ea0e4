"""Results cached per file, so a second run over unchanged essays parses nothing.

Where: `.essaylint_cache/` in the current working directory (the folder pre-commit and CI run
from; essaylint has no single project root, since every file finds its own config), or
`--cache-dir DIR`, or `ESSAYLINT_CACHE_DIR`. A folder essaylint creates gets a `.gitignore` of
`*` and a `CACHEDIR.TAG`; an existing folder is used as it is.

An entry is one JSON file, named by the sha256 of everything that decides a file's result
except its bytes: the path as given, the effective settings (config plus CLI flags; front matter
is in the bytes) serialised in order, and the environment (essaylint's version and the size and
mtime of its own code and data files, the installed rule plugins' entry points and distribution
versions, the versions of the libraries essaylint depends on, the Python and Unicode versions).
Inside it are the sha256 of the file's raw bytes, a fingerprint (size, mtime) of the files the
settings point at (`.essaylint-words.txt`, packs, typo packs, any rule option naming a file) and
the result. An edited file therefore overwrites its own entry instead of adding one.

Safety: written to a temporary file in the cache folder, then `os.replace`d, so concurrent runs
(pre-commit starts several) never see half an entry. An entry that is unreadable, not JSON, of
another format or key, or fails to rebuild is a miss and is rewritten. Results with a file error
are never stored. When the folder cannot be created or written, the run goes on without storing.
Loading a hit imports no parser and no language model: results are plain dataclasses. A
result whose front matter names files (packs, rule options) is never stored: the key cannot
watch them without reading the essay. A whole repeated command is replayed a step earlier, by
essaylint.running.replay, from records kept in the same folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from essaylint.linting.results import FileResult
from essaylint.running.config import Settings
from essaylint.running.fingerprints import tree_fingerprint, watched_fingerprint

__all__ = [
    "CACHE_DIR_NAME",
    "ENV_VAR",
    "FORMAT",
    "CacheEntry",
    "ResultCache",
    "cache_dir",
    "code_roots",
    "decode_value",
    "encode_value",
    "environment_fingerprint",
    "input_files",
]

CACHE_DIR_NAME = ".essaylint_cache"
ENV_VAR = "ESSAYLINT_CACHE_DIR"
FORMAT = 2  # bump when the entry layout changes
_GITIGNORE = "# Created by essaylint: the cache is never committed.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by essaylint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def cache_dir(option: str | None = None) -> Path:
    """`--cache-dir`, else `ESSAYLINT_CACHE_DIR`, else `.essaylint_cache` here."""
    chosen = option or os.environ.get(ENV_VAR) or CACHE_DIR_NAME
    return Path(chosen).absolute()


# --- serialising results -----------------------------------------------------------------------
# JSON with one-key tags for what JSON lacks: {"t": [...]} tuple, {"d": [[k, v], ...]} dict in
# order, {"p": "..."} path, {"c": "module:Class", "f": {...}} a dataclass of essaylint's own, and
# {"r": "module:Class", "k": [field names], "v": [[values], ...], "x": [columns to decode]} a
# list of dataclasses of one class (findings, sections): rows are built with one call each,
# which made a warm run's decoding ~5x cheaper than a tagged value per field.
# Generic on purpose: a field added to FileResult is cached without touching this module.


def encode_value(value: Any) -> Any:
    """A result (or any part of one) as JSON-ready data; TypeError for what cannot be stored."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        rows = _encode_rows(value)
        return rows if rows is not None else [encode_value(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode_value(v) for v in value]}
    if isinstance(value, dict):
        return {"d": [[encode_value(k), encode_value(v)] for k, v in value.items()]}
    if isinstance(value, Path):
        return {"p": str(value)}
    cls = type(value)
    if dataclasses.is_dataclass(value) and cls.__module__.startswith("essaylint."):
        fields = {
            f.name: encode_value(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init
        }
        return {"c": f"{cls.__module__}:{cls.__qualname__}", "f": fields}
    raise TypeError(f"cannot cache a {cls.__name__}")


def _init_names(cls: type[Any]) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.init]


def _encode_rows(items: list[Any]) -> dict[str, Any] | None:
    """A list of two or more dataclasses of one essaylint class as rows; None otherwise."""
    if len(items) < 2:
        return None
    cls = type(items[0])
    if not (
        dataclasses.is_dataclass(cls)
        and cls.__module__.startswith("essaylint.")
        and all(type(item) is cls for item in items)
    ):
        return None
    names = _init_names(cls)
    rows = [[encode_value(getattr(item, name)) for name in names] for item in items]
    decode = [i for i in range(len(names)) if any(type(row[i]) not in _PLAIN for row in rows)]
    return {"r": f"{cls.__module__}:{cls.__qualname__}", "k": names, "v": rows, "x": decode}


def _decode_rows(data: dict[str, Any]) -> list[Any]:
    cls = _class(str(data["r"]))
    names, rows, decode = data["k"], data["v"], data["x"]
    if type(rows) is not list or type(decode) is not list or names != _init_names(cls):
        raise ValueError("cache entry rows do not fit the class")
    positional = not any(f.kw_only for f in dataclasses.fields(cls) if f.init)
    built: list[Any] = []
    for row in rows:
        if type(row) is not list or len(row) != len(names):
            raise ValueError("unexpected row in a cache entry")
        for index in decode:
            row[index] = decode_value(row[index])
        built.append(cls(*row) if positional else cls(**dict(zip(names, row, strict=True))))
    return built


_CLASSES: dict[str, type[Any]] = {}


def _class(name: str) -> type[Any]:
    found = _CLASSES.get(name)
    if found is not None:
        return found
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith("essaylint.") or not qualname.isidentifier():
        raise ValueError(f"not an essaylint class: {name}")
    from importlib import import_module

    cls = getattr(import_module(module_name), qualname)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise ValueError(f"not a dataclass: {name}")
    _CLASSES[name] = cls
    return cls


_PLAIN = frozenset({str, int, float, bool, type(None)})  # what json.load gives as is


def decode_value(data: Any) -> Any:
    """The inverse of `encode_value`; ValueError, TypeError or KeyError on foreign data.

    Hot on a warm run (a thousand results): plain values are passed through without a call.
    """
    kind = type(data)
    if kind in _PLAIN:
        return data
    if kind is list:
        return [v if type(v) in _PLAIN else decode_value(v) for v in data]
    if kind is not dict:
        raise ValueError("unexpected value in a cache entry")
    if len(data) == 1:
        ((tag, body),) = data.items()
        if tag == "t" and type(body) is list:
            return tuple(v if type(v) in _PLAIN else decode_value(v) for v in body)
        if tag == "d" and type(body) is list:
            return {decode_value(k): decode_value(v) for k, v in body}
        if tag == "p" and type(body) is str:
            return Path(body)
    if len(data) == 4 and "r" in data:
        return _decode_rows(data)
    fields = data.get("f")
    if len(data) == 2 and type(fields) is dict and "c" in data:
        cls = _class(str(data["c"]))
        return cls(
            **{str(k): v if type(v) in _PLAIN else decode_value(v) for k, v in fields.items()}
        )
    raise ValueError("unexpected value in a cache entry")


# --- what a key is made of ---------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Settings as JSON for hashing: order kept (limits are tried in order), paths as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return [[_plain(k), _plain(v)] for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(v) for v in value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)  # Path, datetime from TOML …


def _digest(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _distribution_versions() -> dict[str, str | None]:
    """Versions of essaylint's own dependencies (a new parser or model can change results)."""
    import re
    from importlib.metadata import PackageNotFoundError, requires, version

    names = {"kiwipiepy_model"}  # kiwipiepy's model ships separately
    with contextlib.suppress(PackageNotFoundError):
        for requirement in requires("essaylint") or ():
            if "extra ==" in requirement:
                continue
            found = re.match(r"[A-Za-z0-9._-]+", requirement)
            if found:
                names.add(found.group())
    versions: dict[str, str | None] = {}
    for name in sorted(names):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return versions


def code_roots() -> list[Path]:
    """essaylint's own code and data: an edit to a rule (editable installs) must invalidate."""
    import essaylint

    roots = [Path(essaylint.__file__).parent]
    with contextlib.suppress(Exception):
        from essaylint.base.data import rules_root

        rules = Path(str(rules_root()))
        if rules.is_dir() and roots[0] not in rules.parents:
            roots.append(rules)
    return roots


def environment_fingerprint() -> str:
    """What every entry of this run depends on besides the file and its settings."""
    import unicodedata

    from essaylint import __version__
    from essaylint.linting.registry import plugin_entry_points

    plugins = sorted((ep.name, ep.value, ep.dist, ep.version) for ep in plugin_entry_points())
    code = [tree_fingerprint(str(root)) for root in code_roots()]
    return _digest(
        {
            "format": FORMAT,
            "essaylint": __version__,
            "python": list(sys.version_info[:3]),
            "unicode": unicodedata.unidata_version,
            "plugins": plugins,
            "libraries": _distribution_versions(),
            "code": code,
        }
    )


def _option_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _option_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _option_strings(item)


def _as_path(item: str, base: Path) -> Path | None:
    if not item or len(item) > 1024 or "\x00" in item or "\n" in item:
        return None
    return base / Path(item).expanduser()  # as the rules resolve it


def input_files(settings: Settings, base: Path) -> list[tuple[str, bool]]:
    """Files besides the essay that a result can depend on, each with whether it is watched as
    a tree: the words file, packs (folders too), and any file a rule option names (a folder
    there could be `.`: not walked)."""
    from essaylint.korean.vocabulary import WORDS_FILE

    found = [(str(base / WORDS_FILE), False)]
    for item in dict.fromkeys((*settings.typo_packs, *settings.packs)):
        path = _as_path(item, base)
        if path is not None:
            found.append((str(path), True))
    for item in dict.fromkeys(_option_strings(settings.rules)):
        path = _as_path(item, base)
        if path is not None and not path.is_dir():
            found.append((str(path), False))
    return found


# --- the cache ---------------------------------------------------------------------------------


class ResultCache:
    """One run's view of the cache folder; counts hits, misses and stores (for tests and bench)."""

    def __init__(self, directory: Path, environment: str | None = None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        self.stored = 0
        self.writable = True
        self._environment = environment
        self._settings: dict[int, tuple[Settings, str]] = {}
        self._inputs: dict[tuple[str, str], str] = {}
        self._ready = False

    @property
    def environment(self) -> str:
        if self._environment is None:
            self._environment = environment_fingerprint()
        return self._environment

    def settings_digest(self, settings: Settings) -> str:
        # Keyed by identity, the object kept alive so its id is never reused in this run.
        found = self._settings.get(id(settings))
        if found is not None and found[0] is settings:
            return found[1]
        digest = _digest(_plain(settings))
        self._settings[id(settings)] = (settings, digest)
        return digest

    def inputs_digest(self, settings: Settings, settings_digest: str, base: Path) -> str:
        key = (settings_digest, str(base))
        found = self._inputs.get(key)
        if found is None:
            found = _digest(watched_fingerprint(input_files(settings, base)))
            self._inputs[key] = found
        return found

    def entry(self, path: str, data: bytes, settings: Settings) -> CacheEntry:
        """The entry for this file's bytes under these settings (not read yet)."""
        digest = self.settings_digest(settings)
        base = settings.base_dir or Path(path).parent
        key = _digest([FORMAT, self.environment, path, digest])
        return CacheEntry(
            self,
            path,
            key,
            hashlib.sha256(data).hexdigest(),
            self.inputs_digest(settings, digest, base),
        )

    def _prepare(self) -> None:
        """Create the folder (with .gitignore and CACHEDIR.TAG when it is ours) once per run."""
        if self._ready:
            return
        directory = self.directory
        if not directory.is_dir():
            directory.parent.mkdir(parents=True, exist_ok=True)
            try:
                directory.mkdir()
            except FileExistsError:
                pass  # another run created it a moment ago: that run writes the markers
            else:
                for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
                    with (
                        contextlib.suppress(FileExistsError),
                        open(directory / name, "x", encoding="utf-8") as handle,
                    ):
                        handle.write(text)
        self._ready = True

    def write(self, name: str, content: str | bytes) -> None:
        """Atomically (temp file + os.replace); any OSError stops storing for this run."""
        if not self.writable:
            return
        temporary: str | None = None
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogatepass")
        try:
            self._prepare()
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temporary, self.directory / name)
            temporary = None
            self.stored += 1
        except OSError:
            self.writable = False
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


@dataclasses.dataclass(frozen=True, slots=True)
class CacheEntry:
    cache: ResultCache
    path: str
    key: str
    content: str
    inputs: str

    @property
    def file(self) -> Path:
        return self.cache.directory / f"{self.key}.json"

    def load(self) -> FileResult | None:
        """The stored result, or None (counted as a miss) for anything unusable."""
        result = self._read()
        if result is None:
            self.cache.misses += 1
        else:
            self.cache.hits += 1
        return result

    def _read(self) -> FileResult | None:
        try:
            with open(self.file, encoding="utf-8", errors="surrogatepass") as stream:
                data = json.load(stream)
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        expected = {"format": FORMAT, "key": self.key, "content": self.content}
        if any(data.get(k) != v for k, v in expected.items()) or data.get("inputs") != self.inputs:
            return None
        try:
            result = decode_value(data.get("result"))
        except (ValueError, TypeError, KeyError, AttributeError, ImportError, RecursionError):
            return None
        if not isinstance(result, FileResult) or result.path != self.path or result.error:
            return None
        return result

    def store(self, result: FileResult) -> None:
        """Keep a result; never one with a file error, never anything that cannot round-trip."""
        if result.error is not None or result.path != self.path or not self.cache.writable:
            return
        if not result.cacheable:
            return
        try:
            encoded = encode_value(result)
        except (TypeError, RecursionError):
            return
        record = {
            "format": FORMAT,
            "key": self.key,
            "content": self.content,
            "inputs": self.inputs,
            "result": encoded,
        }
        # UTF-8, not \u escapes: Korean text is half the size; paths may hold lone surrogates.
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        self.cache.write(f"{self.key}.json", text)
