"""Files in, results out: path expansion, reading, config lookup and per-file error capture.

Every problem with one file (unreadable, not text, bad front matter, a crashing plugin) becomes
that file's `error`, so the other files are still checked and reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from essaylint.config import ConfigError, ConfigFinder, Settings, apply_front_matter
from essaylint.document import DocumentError, build_document
from essaylint.engine import RuleCrash, lint_document, outline_options
from essaylint.results import FileResult
from essaylint.source import SourceError, SourceText, read_source, read_stdin

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
STDIN = "-"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders searched for Markdown (hidden folders, symlink loops skipped)."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield raw


def _walk(root: Path) -> Iterator[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:  # a symlink loop: this folder was already walked
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
        for name in files:
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                found.append(os.path.join(folder, name))
    yield from sorted(found)


def lint_source(source: SourceText, path: str, settings: Settings) -> FileResult:
    """Lint already-decoded text, turning per-file problems into the result's error."""
    try:
        text = source.text
        document = build_document(text, **outline_options(settings))
        if document.front_matter:
            merged = apply_front_matter(settings, document.front_matter, path)
            if outline_options(merged) != outline_options(settings):
                document = build_document(text, **outline_options(merged))
            settings = merged
        result = lint_document(document, path, settings, source.lines)
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
    if source.fallback:
        result.notes.insert(0, "read as CP949 (EUC-KR), not UTF-8")
    return result


def lint_path(path: str, finder: ConfigFinder, overrides: dict[str, Any]) -> FileResult:
    """Read one file (or stdin) and lint it with the config in force for it."""
    try:
        source = read_stdin() if path == STDIN else read_source(path)
    except SourceError as error:
        return FileResult(path=path, error=str(error))
    settings = finder.for_path(None if path == STDIN else Path(path))  # ConfigError: whole run
    if overrides:
        settings = replace(settings, **overrides)
    return lint_source(source, path, settings)


def lint_paths(
    paths: Iterable[str], finder: ConfigFinder, overrides: dict[str, Any] | None = None
) -> list[FileResult]:
    """Lint every file under `paths`, sorted by path."""
    results = [lint_path(p, finder, overrides or {}) for p in expand_paths(paths)]
    return sorted(results, key=lambda r: r.path)
