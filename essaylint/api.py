"""essaylint as a library: check a text, a file or folders with given settings and get the same
result objects the command line prints. No command line, no printing, no process pool, no cache
unless asked: the CLI is one caller of this module (with `jobs`, `cache` and `progress`).

Public and stable (additive changes only):

- `lint_text(text, path=, settings=)` and `lint_file(path, settings=)` -> `FileResult`;
  `lint_paths(paths, settings=, config=)` -> `list[FileResult]`, sorted by path.
- `load_settings(path)` (a config file, `extends` followed) and `Settings()` (the defaults).
- `render(results, format)` -> the text `essaylint check --format <format>` prints;
  `report_data(results)` -> the `--format json` report as plain data.
- The result types: `FileResult` (`findings`, `sections`, `questions`, `answered`, `complete`,
  `score`, `error`, `notes`, `coverage`), `Finding` (code, name, severity, line, col, end_line,
  end_col, message, section, suggestion, fix), `SectionReport` (title, kind, state, count, limit,
  min, mode, limit_source) and `Edit` (a fix's replacement). Lines and columns are 1-based and
  refer to the original file.

Everything else under `essaylint.*` is internal; plugins use `essaylint.plugin` and
`essaylint.model`. Importing this module is cheap: the parser, pydantic and the language model
load when a file is checked, and only if that file needs them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essaylint.linting.plugin import Edit
from essaylint.linting.results import FileResult, Finding, SectionReport
from essaylint.running.config import Settings, load_config
from essaylint.running.finder import ConfigFinder
from essaylint.running.runner import Progress

if TYPE_CHECKING:
    from essaylint.running.cache import ResultCache

__all__ = [
    "Edit",
    "FileResult",
    "Finding",
    "SectionReport",
    "Settings",
    "lint_file",
    "lint_paths",
    "lint_text",
    "load_settings",
    "render",
    "report_data",
]


def lint_text(text: str, path: str = "<text>", settings: Settings | None = None) -> FileResult:
    """Lint Markdown text with the given settings (the defaults when None)."""
    from essaylint.reading.source import SourceText
    from essaylint.running.runner import lint_source

    source = SourceText(text=text, encoding="utf-8", bom=False, newline="\n", fallback=False)
    return lint_source(source, path, settings or Settings())


def lint_file(path: str | Path, settings: Settings | None = None) -> FileResult:
    """Lint one file: with `settings` when given, else with the config found for it (as the
    CLI does: the closest essaylint.toml, .essaylint.toml or pyproject.toml walking up)."""
    from essaylint.reading.source import SourceError, read_source
    from essaylint.running.runner import lint_path, lint_source

    if settings is None:
        return lint_path(str(path), ConfigFinder(), {})
    try:
        source = read_source(path)
    except SourceError as error:
        return FileResult(path=str(path), error=str(error))
    return lint_source(source, str(path), settings)


def lint_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    config: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    force_exclude: bool = False,
    jobs: int | None = 1,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
    sections: bool = True,
) -> list[FileResult]:
    """Lint files and folders (Markdown files found in folders, excludes applied), sorted by
    path. The config is `config` when given, else the one found for each file; `settings`
    replaces both. `overrides` are settings on top (the CLI's flags).

    In this process and without a cache by default; `jobs`, `cache`, `progress` and
    `sections=False` are the CLI's (see `running.jobs.lint_paths`). Raises `ConfigError` for
    a broken config and `PluginError` for a plugin that does not load."""
    from essaylint.running.jobs import lint_paths as run

    finder = (
        _Fixed(settings)
        if settings is not None
        else ConfigFinder(Path(config) if config is not None else None)
    )
    return run(
        [str(p) for p in paths],
        finder,
        overrides or {},
        cache=cache,
        jobs=jobs,
        progress=progress,
        force_exclude=force_exclude,
        sections=sections,
    )


class _Fixed(ConfigFinder):
    """A config finder that answers the same settings for every file."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def for_path(self, file: Path | None) -> Settings:
        return self.settings


def load_settings(path: str | Path) -> Settings:
    """Read and validate one config file (essaylint.toml or pyproject.toml), `extends` followed."""
    return load_config(Path(path))


def render(
    results: Sequence[FileResult],
    output_format: str = "text",
    *,
    color: bool = False,
    strict: bool = False,
) -> str:
    """The report `essaylint check --format <output_format>` prints, as a string."""
    from essaylint.reporters import render as write

    out = io.StringIO()
    write(output_format, results, out, color=color, strict=strict)
    return out.getvalue()


def report_data(results: Sequence[FileResult]) -> dict[str, Any]:
    """The `--format json` report as plain data (README, "JSON output")."""
    from essaylint.reporters.json import report_data as data

    return data(results)
