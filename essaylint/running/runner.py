"""Files in, results out: path expansion, reading, config lookup and per-file error capture.

Every problem with one file (unreadable, not text, bad front matter, a crashing plugin) becomes
that file's `error`, so the other files are still checked and reported. The parser and the
engine are imported only when a file is actually linted, so a run answered from the cache
(`essaylint.running.cache`) never loads markdown-it or a language model.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essaylint.linting.results import FileResult
from essaylint.reading.source import (
    MAX_BYTES,
    SourceError,
    SourceText,
    decode,
    read_source,
    read_stdin,
)
from essaylint.running.config import ConfigError, Settings, apply_front_matter
from essaylint.running.discovery import MARKDOWN_SUFFIXES, SKIPPED_DIRS, STDIN, expand_paths
from essaylint.running.finder import ConfigFinder

if TYPE_CHECKING:
    from essaylint.running.cache import CacheEntry, ResultCache

__all__ = [
    "MARKDOWN_SUFFIXES",
    "SKIPPED_DIRS",
    "STDIN",
    "Progress",
    "check_file",
    "expand_paths",
    "lint_path",
    "lint_source",
    "look_up",
]

Progress = Callable[[int, int], None]  # (files done, files in the run)


def lint_source(source: SourceText, path: str, settings: Settings) -> FileResult:
    """Lint already-decoded text, turning per-file problems into the result's error."""
    from essaylint.reading.document import build_document
    from essaylint.reading.parsed import DocumentError
    from essaylint.running.engine import RuleCrash, lint_document, outline_options

    lines = source.lines  # split once: the rules and the reporters both need them
    try:
        text = source.text
        document = build_document(text, **outline_options(settings))
        if document.front_matter:
            merged = apply_front_matter(settings, document.front_matter, path)
            if outline_options(merged) != outline_options(settings):
                document = build_document(text, **outline_options(merged))
            names_files = _named_files(merged) != _named_files(settings)
            settings = merged
        else:
            names_files = False
        result = lint_document(document, path, settings, lines)
        result.cacheable = not names_files
    except (DocumentError, ConfigError, RuleCrash) as error:
        message = str(error)
        prefix = f"{path}: "
        return FileResult(path=path, error=message.removeprefix(prefix))
    except RecursionError:
        return FileResult(path=path, error="document nested too deeply to analyse")
    except Exception as error:  # never a traceback for one bad file: say it in one line
        kind = type(error).__name__
        return FileResult(path=path, error=f"internal error ({kind}: {error}); please report it")
    result.encoding = source.encoding
    result.lines = tuple(lines)
    if source.fallback:
        result.notes.insert(0, "read as CP949 (EUC-KR), not UTF-8")
    return result


def _named_files(settings: Settings) -> tuple[Any, ...]:
    """The settings that can name files, which cache keys watch only when a config sets them."""
    return (settings.packs, settings.typo_packs, settings.rules)


# Settings with CLI overrides, one object per (config, overrides): rule options are resolved
# once per settings object (engine.resolve_rules), not once per file.
_EFFECTIVE: dict[tuple[int, tuple[tuple[str, Any], ...]], tuple[Settings, Settings]] = {}


def _effective(settings: Settings, overrides: dict[str, Any]) -> Settings:
    if not overrides:
        return settings
    key = (id(settings), tuple(sorted(overrides.items())))
    found = _EFFECTIVE.get(key)
    if found is not None and found[0] is settings:
        return found[1]
    if len(_EFFECTIVE) >= 256:
        _EFFECTIVE.clear()
    merged = settings.merged(**overrides)
    _EFFECTIVE[key] = (settings, merged)  # the key object kept alive: its id is not reused
    return merged


def _read_bytes(path: str) -> bytes | None:
    """A regular file's bytes, or None whenever `read_source` has something to say instead."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        return None
    return data if len(data) <= MAX_BYTES else None


@dataclass(slots=True)
class _Loaded:
    """A file read and its settings found; `entry` when its result can be cached."""

    settings: Settings
    source: SourceText | None = None
    data: bytes = b""
    entry: CacheEntry | None = None

    def text(self) -> SourceText:
        return self.source if self.source is not None else decode(self.data)


def _load(
    path: str, finder: ConfigFinder, overrides: dict[str, Any], cache: ResultCache | None
) -> _Loaded | FileResult:
    """Read first (an unreadable file is its own error), then the config (a broken one is the
    error of each file under it: files under other configs are still checked)."""
    data = _read_bytes(path) if cache is not None and path != STDIN else None
    source: SourceText | None = None
    if data is None:
        try:
            source = read_stdin() if path == STDIN else read_source(path)
        except SourceError as error:
            return FileResult(path=path, error=str(error))
    try:
        found = finder.for_path(None if path == STDIN else Path(path))
    except ConfigError as error:
        return FileResult(path=path, error=str(error), config_error=True)
    settings = _effective(found, overrides)
    if data is None or cache is None:
        return _Loaded(settings, source=source)
    return _Loaded(settings, data=data, entry=cache.entry(path, data, settings))


def _from_cache(loaded: _Loaded) -> FileResult | None:
    if loaded.entry is None:
        return None
    result = loaded.entry.load()
    if result is not None:
        # The source lines are not stored: they are the file itself, decoded again here.
        try:
            result.lines = tuple(loaded.text().lines)
        except SourceError:
            return None
    return result


def _lint_loaded(path: str, loaded: _Loaded) -> FileResult:
    try:
        source = loaded.text()
    except SourceError as error:
        return FileResult(path=path, error=str(error))
    result = lint_source(source, path, loaded.settings)
    if loaded.entry is not None:
        loaded.entry.store(replace(result, lines=()))
    return result


def look_up(
    path: str, finder: ConfigFinder, overrides: dict[str, Any], cache: ResultCache | None
) -> FileResult | None:
    """A cached result for `path`, or None: then `check_file` must see it.

    A file whose config is broken gets that error here. Stdin, pipes and unreadable files are
    left alone: they are read once, by `check_file`.
    """
    if path == STDIN:
        return None
    if cache is None:
        return None
    data = _read_bytes(path)
    if data is None:
        return None
    try:
        found = finder.for_path(Path(path))
    except ConfigError as error:
        return FileResult(path=path, error=str(error), config_error=True)
    settings = _effective(found, overrides)
    return _from_cache(_Loaded(settings, data=data, entry=cache.entry(path, data, settings)))


def check_file(
    path: str,
    finder: ConfigFinder,
    overrides: dict[str, Any],
    cache: ResultCache | None = None,
    *,
    use_cached: bool = True,
) -> FileResult:
    """One file start to end: read, config, cache look-up (`use_cached`), lint, store."""
    loaded = _load(path, finder, overrides, cache)
    if isinstance(loaded, FileResult):
        return loaded
    if use_cached:
        found = _from_cache(loaded)
        if found is not None:
            return found
    return _lint_loaded(path, loaded)


def lint_path(
    path: str,
    finder: ConfigFinder,
    overrides: dict[str, Any],
    *,
    cache: ResultCache | None = None,
) -> FileResult:
    """Read one file (or stdin) and lint it with the config in force for it."""
    return check_file(path, finder, overrides, cache)
